"""Autosave: the article form's text saved to the server while the person types, never published.

The form's script (static/js/article-editor.js) posts the whole form here a few seconds after typing
pauses. The same form class, fields and checks as a Save are used (the edit-conflict token
included), so an autosave never overwrites someone else's newer save. What it saves:

- a new article: created as a draft once it has a title (the answer names its change page);
- a draft or an article in review: its text, in place (no state change, no warning decision);
- a live or scheduled article: the person's autosaved revision (workflow.autosave_revision), which
  readers never see and which a Save then proposes for review.

Answers are JSON: ``{"saved_at", "version", "slug", "change_url"}``, or ``{"error", "conflict"}`` with 400/409.
"""

from django.db import transaction
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import time_format

from articles import workflow
from articles.admin.forms import ArticleForm
from articles.content import Content
from articles.models import Article
from articles.workflow import WorkflowError

# Content fields an autosave never writes on an article in place: those are an editor's warning
# decision, made only by a Save (recorded through workflow.decide_warnings).
DECISION_FIELDS = ("warnings", "no_warnings_apply", "record_warning_decision")


class AutosaveViews:
    """Mixed into ArticleAdmin (with ArticlePages)."""

    def autosave_urls(self):
        view = self.admin_site.admin_view
        return [
            path("autosave/", view(self.autosave_view), name="articles_article_autosave_new"),
            path("<path:object_id>/autosave/", view(self.autosave_view), name="articles_article_autosave"),
        ]

    def autosave_view(self, request, object_id=None):
        if request.method != "POST":
            return JsonResponse({"error": "Autosave takes a POST of the article form."}, status=405)
        article = self._article_for(request, object_id) if object_id is not None else None
        allowed = self.has_change_permission(request, article) if article else self.has_add_permission(request)
        if not allowed:
            return JsonResponse({"error": _no_longer_yours(article) if article else "You may not write articles."}, status=403)
        form_class = self.get_form(request, article, change=article is not None)
        with transaction.atomic():
            form = form_class(request.POST, request.FILES, instance=article)
            if not form.is_valid():
                return _refusal(form)
            try:
                saved = self._autosave(request, form, article)
            except WorkflowError as error:
                return JsonResponse({"error": f"Not saved: {error}"}, status=400)
        return JsonResponse({
            "saved_at": time_format(timezone.localtime(), "H:i"),
            "version": saved.version,
            "slug": saved.slug,  # (made from the headline, or following a new one: the form's box shows it)
            "change_url": reverse("admin:articles_article_change", args=[saved.pk]),
            "autosave_url": reverse("admin:articles_article_autosave", args=[saved.pk]),
        })

    def _autosave(self, request, form: ArticleForm, article):
        cleaned = form.cleaned_data
        if article is not None and article.status == Article.Status.PUBLISHED:
            live = Article.objects.get(pk=article.pk)
            start = workflow.content_of(live)
            workflow.autosave_revision(live, request.user, Content.from_form(cleaned, start=start))
            return live
        obj = form.instance
        if article is not None:
            stored = Article.objects.get(pk=article.pk)
            obj.no_warnings_apply = stored.no_warnings_apply  # a decision, not text: left to a Save
        else:
            obj.created_by = request.user
            obj.no_warnings_apply = False
        obj.last_edited_by = request.user
        obj.save()
        if "tags" in cleaned:
            obj.tags.set(cleaned["tags"], clear=False)
        if "suggested_warnings" in cleaned:
            obj.suggested_warnings.set(cleaned["suggested_warnings"])
        return obj


def _refusal(form):
    """One clear message naming what is wrong; 409 when someone else saved first."""
    conflict = any(error.code == "edit_conflict" for error in form.non_field_errors().as_data())
    problems = [str(message) for message in form.non_field_errors()]
    for name, errors in form.errors.items():
        if name == "__all__":
            continue
        label = form.fields[name].label if name in form.fields and form.fields[name].label else name.replace("_", " ")
        problems += [f"{str(label).capitalize()}: {message}" for message in errors]
    if conflict:  # (the form's own words speak of a comparison shown under them: an autosave shows none)
        who, when = form.conflict
        text = (f"Not saved: {who} saved this article (or an edit of it) on {when}, after you opened it. Your text is still in the form "
                "and kept in this browser; autosave has stopped. Press Save to see where their version differs from yours, "
                "then merge and save again.")
    else:
        text = "Not saved yet: " + " ".join(problems)
    return JsonResponse({"error": text, "conflict": conflict}, status=409 if conflict else 400)


def _no_longer_yours(article) -> str:
    """Why an autosave of ``article`` is refused, in words: what became of it (an editor published, scheduled or took it
    for review), and that the text typed is safe in the browser."""
    return (f"Not saved: “{article.title}” is {article.get_status_display().lower()} now and you may no longer edit it. "
            "What you typed is kept in this browser: open the article again to copy it, or ask an editor.")
