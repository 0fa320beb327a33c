"""Saving an article from its change form: a draft is saved in place, an edit of a live article
becomes a pending revision, and an editor's warning decision is recorded through the workflow.

"Save and <move>" saves first. Publishing now and scheduling (with the time typed beside the button,
in the newsroom's time zone) then happen at once; the other moves open their confirmation page,
where a comment can be written. "Save and make the edit live" (for those who may approve revisions)
proposes the edit of a published article and approves it in the same request. Each save shows one
message saying what became of it.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.admin.record import zoned_time
from articles.content import Content
from articles.models import Article, ContentWarning
from articles.workflow import MOVES, WarningsUndecided, WorkflowError

# Moves the change form makes as soon as it is saved (the button says exactly what happens).
PUBLISHING_MOVES = ("publish", "schedule", "reschedule")
# "Save and make the edit live": an editor's edit of a published article, proposed and approved in one save.
MAKE_EDIT_LIVE = "make_edit_live"
# The extra tag of every message saying the form was saved, whatever followed (a refused move is an error): the
# form's script (static/js/article-editor.js) then forgets the browser's copy instead of offering it back.
SAVED = "saved"


def scheduling_context(article) -> dict:
    """What the change form's "Schedule for …" control needs: the time it starts from (the article's own
    publication time while that is ahead, as a writer dated it or a schedule set it; else the next full hour),
    the earliest it accepts, and the newsroom's time zone."""
    now = timezone.localtime()
    ahead = article.published_at is not None and article.published_at > now
    start = timezone.localtime(article.published_at) if ahead else (now + timedelta(hours=1)).replace(
        minute=0, second=0, microsecond=0)
    return {
        "publishing_moves": PUBLISHING_MOVES,
        "make_edit_live": MAKE_EDIT_LIVE,
        "schedule_default": start.strftime("%Y-%m-%dT%H:%M"),
        "schedule_min": now.strftime("%Y-%m-%dT%H:%M"),
        "time_zone": settings.TIME_ZONE,
    }


def undecided_warnings_hint(article):
    """What an editor refused publication for undecided warnings is to do next. The boxes she saw ticked under
    "Content warnings" (the writer's or the importer's suggestions, stored by the save) decide nothing until
    she ticks "Record my content-warning decision": name them, so she sees why her ticks were not enough."""
    ticked = list(ContentWarning.objects.filter(articles=article).order_by("label").values_list("label", flat=True))
    if ticked:
        return (f"The warnings ticked under “Content warnings” ({', '.join(ticked)}) are not yet a decision: tick "
                "“Record my content-warning decision” there, then press the button again.")
    return ("Under “Content warnings”, tick the warnings that apply (or “No content warnings apply”) and “Record "
            "my content-warning decision”, then press the button again.")


class RevisionSaving:
    """Mixed into ArticleAdmin: save_model, save_related, the change message (one per save) and "Save and <move>"."""

    def save_model(self, request, obj, form, change):
        request.masthead_schedule_at = form.schedule_at
        if change and obj.status == Article.Status.PUBLISHED:
            live = Article.objects.get(pk=obj.pk)
            live_content = workflow.content_of(live)
            content = Content.from_form(form.cleaned_data, start=live_content)
            if content.as_a_form_gives_it() == live_content.as_a_form_gives_it():
                form.revision = None  # nothing to review: no empty revision (nor one of spaces the form cannot show)
                form.unchanged = True
                return
            form.revision = request.masthead_revision = workflow.propose_revision(live, request.user, content)
            return
        if not change:
            obj.created_by = request.user
        obj.last_edited_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if getattr(form, "revision", None) is not None or getattr(form, "unchanged", False):
            return  # the live article is untouched; the revision holds the edit
        super().save_related(request, form, formsets, change)
        if form.warning_decision_requested():
            chosen = form.cleaned_data.get("warnings") or []
            # save_related has already stored the chosen warnings; record against what there was before.
            article = form.instance
            article.warnings.set(form.warnings_before)
            try:
                workflow.decide_warnings(
                    article, request.user, chosen, no_warnings_apply=bool(form.cleaned_data.get("no_warnings_apply"))
                )
            except WorkflowError as error:
                messages.error(request, str(error), extra_tags=SAVED)

    def response_change(self, request, obj):
        """"Save and <move>": the edits are saved first; then publishing and scheduling happen at once, and
        any other move opens its confirmation page."""
        name = request.POST.get("_workflow")
        if name == MAKE_EDIT_LIVE:
            return self._make_edit_live(request, obj)
        if name in PUBLISHING_MOVES:
            return self._save_and_publish(request, obj, name)
        if name in MOVES:
            said = "Confirm to" if getattr(request, "masthead_save_said", False) else "Your changes were saved. Confirm to"
            self.message_user(request, f"{said} {MOVES[name].label.lower()}.", messages.SUCCESS)  # ("Nothing was changed…" said)
            return HttpResponseRedirect(reverse("admin:articles_article_transition", args=[obj.pk, name]))
        # An edit of a live article already said what became of it (a pending revision, or nothing changed):
        # the admin's "was changed successfully" would say the opposite.
        request.masthead_skip_generic_success = getattr(request, "masthead_save_said", False)
        return super().response_change(request, obj)

    def _save_and_publish(self, request, obj, name):
        """Publish now, schedule or reschedule the article just saved, and open its page saying which (and, when
        it was published now though dated ahead, the date it no longer has)."""
        dated_ahead = obj.published_at if obj.published_at and obj.published_at > timezone.now() else None
        try:
            article = workflow.perform(name, obj, request.user, at=getattr(request, "masthead_schedule_at", None))
        except WorkflowError as error:
            said = f"Your changes were saved, but the article was not moved: {error}"
            if isinstance(error, WarningsUndecided) and workflow.is_editor(request.user):
                said = f"{said} {undecided_warnings_hint(obj)}"
            self.message_user(request, said, messages.ERROR, extra_tags=SAVED)
        else:
            done = "Published." if name == "publish" else f"{MOVES[name].label}d: it goes live on {zoned_time(article.published_at)}."
            if name == "publish" and dated_ahead:
                done = (f"Published now, not on {zoned_time(dated_ahead)} as it was dated: to hold it until then, "
                        "unpublish it and use “Save and schedule”.")
            self.message_user(request, f"Your changes were saved. {done}", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))

    def _make_edit_live(self, request, obj):
        """Approve the revision this save just proposed (the save's own message already said if nothing changed)."""
        revision = getattr(request, "masthead_revision", None)
        if revision is not None:
            try:
                workflow.approve_revision(revision, request.user)
            except WorkflowError as error:
                self.message_user(request, f"Your edit was saved as a pending revision, but it is not live: {error}",
                                  messages.ERROR, extra_tags=SAVED)
            else:
                live = Article.objects.get(pk=obj.pk)
                if live.is_scheduled:  # (approved, but readers see nothing of the article before its time)
                    self.message_user(request, f"Your edit is approved: readers see it from {zoned_time(live.published_at)}, "
                                      "when the article goes live.", messages.SUCCESS)
                else:
                    self.message_user(request, "Your edit is live: readers see it now.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        if level == messages.SUCCESS and getattr(request, "masthead_skip_generic_success", False):
            request.masthead_skip_generic_success = False
            return
        super().message_user(request, message, level, *args, **kwargs)

    def response_add(self, request, obj, post_url_continue=None):
        """"Save and submit for review" on a new article: it is saved as a draft, then the submission's
        confirmation page opens (where a comment for the editors can be written). "Save and publish now"
        (for an editor who may publish): saved as a draft, then published as the change form does it
        (the warning decision made in the same form, or the article stays a draft saying why)."""
        if request.POST.get("_workflow") == "publish":
            return self._save_and_publish(request, obj, "publish")
        if request.POST.get("_workflow") == "submit":
            self.message_user(request, "Your article was saved as a draft. Confirm to submit it for review.", messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:articles_article_transition", args=[obj.pk, "submit"]))
        return super().response_add(request, obj, post_url_continue)

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(form, "unchanged", False):
            request.masthead_save_said = True
            messages.info(request, "Nothing was changed, so no revision was made.", extra_tags=SAVED)
            return []
        if getattr(form, "revision", None) is not None:
            request.masthead_save_said = True
            if request.POST.get("_workflow") == MAKE_EDIT_LIVE:  # _make_edit_live says whether it went live
                return [{"added": {"name": "pending revision", "object": str(form.revision.pk)}}]
            messages.info(
                request,
                "Your edit of this live article was saved as a pending revision. Readers keep seeing the live "
                "version until an editor approves it.", extra_tags=SAVED,
            )
            return [{"added": {"name": "pending revision", "object": str(form.revision.pk)}}]
        return super().construct_change_message(request, form, formsets, add)
