"""Bulk workflow actions for article lists: one action per move of the table, each through the workflow."""

from django.contrib import admin, messages
from django.template.response import TemplateResponse

from articles import workflow
from articles.admin.forms import TransitionForm
from articles.workflow import MOVES, WorkflowError


class WorkflowActions:
    """Bulk workflow actions, one per move of the table (``bulk_moves``): every selected article is
    checked, and if any is refused none changes. Offered to people whose permissions allow the move."""

    bulk_moves = list(MOVES)

    def get_actions(self, request):
        actions = super().get_actions(request)
        for name in self.bulk_moves:
            move = MOVES[name]
            if workflow.is_member(request.user) and request.user.has_perm(move.permission):
                actions[f"{name}_selected"] = (_bulk_action(name), f"{name}_selected", f"{move.label}: selected articles")
        return actions

    def _bulk(self, request, queryset, name):
        transition = MOVES[name]
        articles = list(queryset)
        if transition.needs_comment or transition.needs_time:
            form = TransitionForm(request.POST if "apply" in request.POST else None, transition=transition)
            if not form.is_valid():
                return TemplateResponse(request, "admin/articles/article/bulk_transition.html", {
                    **self.admin_site.each_context(request), "opts": self.model._meta, "title": transition.label,
                    "articles": articles, "form": form, "action": request.POST.get("action"),
                    "transition": transition, "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                })
            kwargs = {"comment": form.cleaned_data.get("comment", ""), "at": form.cleaned_data.get("publish_at")}
        else:
            kwargs = {}
        try:
            workflow.perform_many(name, articles, request.user, **kwargs)
        except WorkflowError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(request, f"{transition.label}: done for {len(articles)} article(s).", messages.SUCCESS)
        return None


def _bulk_action(name):
    def action(modeladmin, request, queryset):
        return modeladmin._bulk(request, queryset, name)

    action.__name__ = f"{name}_selected"
    return action
