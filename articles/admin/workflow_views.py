"""The article admin's workflow pages: a move's confirmation, the revisions list and one revision's review."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse

from articles import workflow
from articles.admin.forms import RevisionReviewForm, TransitionForm
from articles.diffing import any_changed, diff_content
from articles.models import Revision
from articles.workflow import MOVES, WorkflowError


# What a move's confirmation says happens next, after "Submit for review: done for “…”." (moves not listed: nothing more).
NEXT = {
    "submit": "It is with the editors now: you can read it and preview it, and withdraw it from review to change it. "
              "You will hear by email when an editor publishes it or asks for changes.",
    "withdraw": "It is a draft again: edit it, then submit it for review when it is ready.",
    "request_changes": "It is a draft again, on its writer's desk with your note (sent to the writer by email too).",
    "unpublish": "Readers no longer see it; it is a draft again, and its share links no longer open it.",
    "cancel_schedule": "It will not go live: it is back in review.",
}


class WorkflowViews:
    """Mixed into ArticleAdmin (with ArticlePages): every state change goes through articles.workflow."""

    def workflow_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/transition/<str:name>/", view(self.transition_view), name="articles_article_transition"),
            path("<path:object_id>/revisions/", view(self.revisions_view), name="articles_article_revisions"),
            path("<path:object_id>/revisions/<int:revision_id>/", view(self.revision_view), name="articles_article_revision"),
        ]

    def transition_view(self, request, object_id, name):
        article = self._article_for(request, object_id)
        if name not in MOVES:
            raise Http404("No such workflow action.")
        transition = MOVES[name]
        refusal = None
        try:
            workflow.check(name, request.user, article)
            if request.method == "GET":
                refusal = workflow.blocker(transition, article) or None  # say it now, not after confirming
        except WorkflowError as error:
            refusal = str(error)
            if request.method == "POST":
                raise PermissionDenied(refusal)
        form = TransitionForm(request.POST if request.method == "POST" else None, transition=transition)
        if request.method == "POST" and form.is_valid():
            try:
                workflow.perform(
                    name, article, request.user, comment=form.cleaned_data.get("comment", ""),
                    at=form.cleaned_data.get("publish_at"),
                )
            except WorkflowError as error:
                form.add_error(None, str(error))
            else:
                done = f"{transition.label}: done for “{article.title}”. {NEXT.get(name, '')}".strip()
                self.message_user(request, done, messages.SUCCESS)
                return HttpResponseRedirect(self._change_url(article))
        return self._render(
            request, "admin/articles/article/transition.html", article,
            title=f"{transition.label}: {article.title}", transition=transition, form=form, refusal=refusal,
        )

    def revisions_view(self, request, object_id):
        article = self._article_for(request, object_id)
        # An autosaved revision is someone's unfinished edit, not yet sent: it is not part of the history.
        revisions = (article.revisions.exclude(status=Revision.Status.AUTOSAVED)
                     .select_related("created_by", "reviewed_by", "author").order_by("-created_at", "-pk"))
        return self._render(
            request, "admin/articles/article/revisions.html", article,
            title=f"Revisions of “{article.title}”", revisions=revisions, can_review=workflow.can(request.user, "approve_revision"),
        )

    def revision_view(self, request, object_id, revision_id):
        article = self._article_for(request, object_id)
        revision = get_object_or_404(Revision.objects.select_related("author", "created_by"), pk=revision_id, article=article)
        form = RevisionReviewForm(request.POST if request.method == "POST" else None)
        if request.method == "POST":
            action = request.POST.get("action")
            if action not in {"approve", "reject", "revert"}:
                raise PermissionDenied("Unknown revision action.")
            if form.is_valid():
                comment = form.cleaned_data["comment"]
                try:
                    if action == "approve":
                        workflow.approve_revision(revision, request.user, comment=comment)
                        message = "The revision is now the live version."
                    elif action == "reject":
                        workflow.reject_revision(revision, request.user, comment=comment)
                        message = "The revision was sent back; the live version is unchanged."
                    else:
                        workflow.revert_to(revision, request.user)
                        message = "The earlier version was proposed again as a new pending revision."
                except WorkflowError as error:
                    form.add_error(None, str(error))
                else:
                    self.message_user(request, message, messages.SUCCESS)
                    return HttpResponseRedirect(reverse("admin:articles_article_revisions", args=[article.pk]))
        diff = diff_content(workflow.content_of(article), revision.content())
        return self._render(
            request, "admin/articles/article/revision.html", article,
            title=f"Revision of “{article.title}”", revision=revision, diff=diff, has_differences=any_changed(diff), form=form,
            can_review=workflow.can(request.user, "approve_revision"), can_revert=workflow.can_edit(request.user, article),
        )
