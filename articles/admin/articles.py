"""Article admin: editing, the workflow buttons and actions, revisions, previews and the review queue.

Every state change goes through articles.workflow; this module only asks and shows.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.views.decorators.cache import never_cache

from articles import pictures, workflow
from articles.admin.forms import ArticleForm, RevisionReviewForm, ShareLinkForm, TransitionForm
from articles.admin import record
from articles.admin.mixins import EditorsReadOnly
from articles.content import Content
from articles.diffing import any_changed, diff_content
from articles.middleware import take_unsaved_post
from articles.models import Article, Author, ReviewQueue, Revision, display_name
from articles.preview import make_share_link, preview_response
from articles.admin.images import usable_images
from articles.rendering import body_images, render_markdown, word_count
from articles.workflow import MOVES, WorkflowError



BODY_PREVIEW_MAX_CHARS = 500_000


@admin.display(description="Import reasons")
def needs_attention(article):
    """List column: why the importer held the article, if it did."""
    return "; ".join(article.review_reasons) or "—"


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


class ArticleAdmin(WorkflowActions, admin.ModelAdmin):
    form = ArticleForm

    class Media:
        js = ["js/body-preview.js"]

    list_display = ["title", "author", "status_display", "published_at", "warning_labels", "tag_list", needs_attention]
    # Only the authors and tags of the articles this person may see: a writer's filters never list
    # another writer's draft-only tags or bylines.
    list_filter = ["status", ("author", admin.RelatedOnlyFieldListFilter), ("tags", admin.RelatedOnlyFieldListFilter),
                   "warnings"]
    list_select_related = ["author"]
    search_fields = ["title", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["author"]
    filter_horizontal = ["warnings"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "suggested_warnings":
            kwargs["widget"] = forms.CheckboxSelectMultiple
            kwargs["label"] = "Warnings you propose"
            kwargs["help_text"] = "Tick what readers should be warned of; an editor decides before publication."
        return super().formfield_for_manytomany(db_field, request, **kwargs)
    readonly_fields = [
        "status_display", "import_reasons", "suggestions", "warning_decision",
        "source_name", "source_hash", "created_at", "updated_at",
    ]
    change_form_template = "admin/articles/article/change_form.html"

    def get_fieldsets(self, request, obj=None):
        if workflow.is_editor(request.user):
            warning_fields = ["suggestions", "warnings", "no_warnings_apply", "record_warning_decision",
                              "warning_decision", "newsroom_note", "warning_note"]
        else:  # writers propose; an editor decides
            warning_fields = ["suggested_warnings", "newsroom_note", "warnings", "no_warnings_apply", "warning_decision"]
            if obj is not None and obj.warning_note:
                warning_fields.append("warning_note")
        editable = obj is None or workflow.can_edit(request.user, obj)
        main = ["title", "slug", "author", "published_at"]
        imported = obj is not None and bool(obj.source_name)
        if obj is not None:
            main += ["status_display", "import_reasons"] if obj.review_reasons else ["status_display"]
        if editable and obj is not None:
            main.append("edit_version")
        if not editable and "record_warning_decision" in warning_fields:
            warning_fields.remove("record_warning_decision")
        return [
            (None, {"fields": main}),
            ("Text", {"fields": ["standfirst", "body", "featured_image", "image_credit", "tags"]}),
            (
                "Content warnings",
                {
                    "fields": warning_fields,
                    "description": "Readers see content warnings before the text and can filter warned articles "
                    "out. No article is published without an editor's decision: the warnings that apply, or "
                    "“no content warnings apply”.",
                },
            ),
            # Only imported articles have a source; any article has its times.
            ("Source" if imported else "History", {
                "classes": ["collapse"],
                "fields": ["source_name", "source_hash", "created_at", "updated_at"] if imported else ["created_at", "updated_at"],
            }),
        ]

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj is not None and obj.status == Article.Status.PUBLISHED else self.prepopulated_fields

    def get_readonly_fields(self, request, obj=None):
        fields = list(self.readonly_fields)
        if obj is not None and obj.status == Article.Status.PUBLISHED:
            # A published URL is permanent, and its time changes only by a move (reschedule, unpublish):
            # an edit of a published article is a revision of its content, which carries neither.
            fields += ["slug", "published_at"]
        if not workflow.is_editor(request.user):
            fields += ["warnings", "no_warnings_apply", "warning_note"]
        return fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        preview_url = reverse("admin:articles_article_body_preview")
        is_live = obj is not None and obj.status == Article.Status.PUBLISHED
        pending = obj.revisions.pending().exclude(source="import").first() if is_live else None
        restored = getattr(request, "masthead_restored_post", None)
        user, is_editor = request.user, workflow.is_editor(request.user)

        class RequestArticleForm(form_class):
            def __init__(self, *args, **form_kwargs):
                if restored is not None and not args and "data" not in form_kwargs:
                    form_kwargs["data"] = restored  # the text of a save made after the login expired
                super().__init__(*args, user=user, is_editor=is_editor, pending_revision=pending, **form_kwargs)
                if "body" in self.fields:
                    self.fields["body"].widget.attrs["data-preview-url"] = preview_url

        return RequestArticleForm

    # --- who sees and edits what -------------------------------------------------------------------

    def get_queryset(self, request):
        queryset = super().get_queryset(request).prefetch_related("tags", "warnings")
        if workflow.is_editor(request.user):
            return queryset
        return queryset.filter(Q(created_by=request.user) | Q(author__user=request.user))

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return super().has_view_permission(request)
        return workflow.can_view(request.user, obj)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return workflow.can_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and (obj is None or not obj.decisions.exists())

    def get_autocomplete_fields(self, request):
        # Editors pick any byline; a writer's only choice is her own (formfield_for_foreignkey), so she is
        # never shown a list of other people's.
        return [*self.autocomplete_fields, "featured_image"] if workflow.is_editor(request.user) else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "author" and not workflow.is_editor(request.user):
            kwargs["queryset"] = Author.objects.filter(user=request.user)
            kwargs["help_text"] = "Writers file articles under their own byline; an editor can change it."
        if db_field.name == "featured_image" and not workflow.is_editor(request.user):
            kwargs["queryset"] = usable_images(request.user)
            kwargs["help_text"] = "One of the pictures you uploaded to the image library."
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        author = getattr(request.user, "author_profile", None)
        if author is not None:
            initial.setdefault("author", author.pk)
        return initial

    # --- saving ---------------------------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if change and obj.status == Article.Status.PUBLISHED:
            live = Article.objects.get(pk=obj.pk)
            live_content = workflow.content_of(live)
            content = Content.from_form(form.cleaned_data, start=live_content)
            if content == live_content:
                form.revision = None  # nothing to review: no empty revision
                form.unchanged = True
                return
            form.revision = workflow.propose_revision(live, request.user, content)
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
                messages.error(request, str(error))

    def response_change(self, request, obj):
        """"Save and <move>": the edits are saved first, then the move's confirmation page opens."""
        name = request.POST.get("_workflow")
        if name in MOVES:
            self.message_user(request, f"Your changes were saved. Confirm to {MOVES[name].label.lower()}.", messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:articles_article_transition", args=[obj.pk, name]))
        return super().response_change(request, obj)

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(form, "unchanged", False):
            messages.info(request, "Nothing was changed, so no revision was made.")
            return []
        if getattr(form, "revision", None) is not None:
            messages.info(
                request,
                "Your edit of this live article was saved as a pending revision. Readers keep seeing the live "
                "version until an editor approves it.",
            )
            return [{"added": {"name": "pending revision", "object": str(form.revision.pk)}}]
        return super().construct_change_message(request, form, formsets, add)

    # --- read-only displays -----------------------------------------------------------------------------

    @admin.display(description="Status", ordering="status")
    def status_display(self, article):
        return article.state_label

    @admin.display(description="Content warnings")
    def warning_labels(self, article):
        if article.no_warnings_apply:
            return "none apply"
        return ", ".join(warning.label for warning in article.warnings.all()) or "—"

    @admin.display(description="Tags")
    def tag_list(self, article):
        return ", ".join(tag.name for tag in article.tags.all()) or "—"

    @admin.display(description="Why the importer held it for review")
    def import_reasons(self, article):
        if not article.review_reasons:
            return "—"
        items = format_html_join("\n", "<li>{}</li>", ((reason,) for reason in article.review_reasons))
        return format_html("<ul>{}</ul>", items)

    @admin.display(description="Suggested warnings (not shown to readers)")
    def suggestions(self, article):
        labels = [w.label for w in article.suggested_warnings.all()] if article.pk else []
        if not labels:
            return "—"
        return f"{', '.join(labels)} — accept by choosing them below, or dismiss by recording a decision without them."

    @admin.display(description="Warning decision")
    def warning_decision(self, article):
        if not article.pk or not article.warnings_decided:
            return "Not decided yet."
        who = display_name(article.warnings_decided_by) if article.warnings_decided_by else "the importer (as the source stated)"
        return f"Decided by {who} on {article.warnings_decided_at:%Y-%m-%d %H:%M}."

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        request.masthead_restored_post = _take_unsaved_post(request)
        extra_context = extra_context or {}
        if object_id:
            article = self.get_object(request, object_id)
            if article is not None and workflow.can_view(request.user, article):
                extra_context["workflow_actions"] = [
                    (move, workflow.blocker(move, article)) for move in workflow.allowed_transitions(request.user, article)
                ]
                extra_context["saves_before_moving"] = self.has_change_permission(request, article)
                extra_context["pending_revisions"] = article.revisions.pending().count()
                extra_context["can_share"] = workflow.is_editor(request.user)
                extra_context["decisions"] = record.describe(list(article.decisions.select_related("actor__author_profile")))
        return super().changeform_view(request, object_id, form_url, extra_context)

    # --- workflow URLs ----------------------------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/transition/<str:name>/", view(self.transition_view), name="articles_article_transition"),
            path("<path:object_id>/preview/", view(never_cache(self.preview_view)), name="articles_article_preview"),
            path("<path:object_id>/revisions/", view(self.revisions_view), name="articles_article_revisions"),
            path("<path:object_id>/revisions/<int:revision_id>/", view(self.revision_view), name="articles_article_revision"),
            path("<path:object_id>/share/", view(self.share_view), name="articles_article_share"),
            path("body-preview/", view(self.body_preview_view), name="articles_article_body_preview"),
            *super().get_urls(),
        ]

    def _article_for(self, request, object_id) -> Article:
        article = get_object_or_404(Article.objects.select_related("author"), pk=object_id)
        if not workflow.can_view(request.user, article):
            raise PermissionDenied
        return article

    def _render(self, request, template, article, **context):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "article": article,
            "title": context.pop("title", article.title),
            **context,
        }
        return TemplateResponse(request, template, context)

    def _change_url(self, article):
        return reverse("admin:articles_article_change", args=[article.pk])

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
                self.message_user(request, f"{transition.label}: done for “{article.title}”.", messages.SUCCESS)
                return HttpResponseRedirect(self._change_url(article))
        return self._render(
            request, "admin/articles/article/transition.html", article,
            title=f"{transition.label}: {article.title}", transition=transition, form=form, refusal=refusal,
        )

    def preview_view(self, request, object_id):
        article = self._article_for(request, object_id)
        revision = None
        if request.GET.get("revision"):
            revision = get_object_or_404(Revision, pk=request.GET["revision"], article=article)
        return preview_response(request, article, revision)

    def revisions_view(self, request, object_id):
        article = self._article_for(request, object_id)
        revisions = article.revisions.select_related("created_by", "reviewed_by", "author")
        return self._render(
            request, "admin/articles/article/revisions.html", article,
            title=f"Revisions of “{article.title}”", revisions=revisions, can_review=workflow.can_publish(request.user),
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
            can_review=workflow.can_publish(request.user), can_revert=workflow.can_edit(request.user, article),
        )

    def body_preview_view(self, request):
        """POST ``body``: the body as readers will see it (rendered and sanitised) and its word count, as JSON."""
        if request.method != "POST":
            return JsonResponse({"error": "Send the body with POST."}, status=405)
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        source = request.POST.get("body", "")
        if len(source) > BODY_PREVIEW_MAX_CHARS:
            return JsonResponse({"error": f"The body is too long to preview (over {BODY_PREVIEW_MAX_CHARS:,} characters)."}, status=413)
        # Only pictures this person may use: a writer's preview never shows another's upload.
        numbers = body_images(source).placed
        placed = usable_images(request.user).filter(pk__in=numbers).prefetch_related("renditions") if numbers else []
        return JsonResponse({"html": render_markdown(source, pictures.figures_for(placed)), "words": word_count(source)})

    def share_view(self, request, object_id):
        article = self._article_for(request, object_id)
        if not workflow.is_editor(request.user):
            raise PermissionDenied("Only editors can share previews.")
        form = ShareLinkForm(request.POST if request.method == "POST" else None)
        link_url = None
        if request.method == "POST" and form.is_valid():
            link, token = make_share_link(article, request.user, days=form.cleaned_data["days"])
            link_url = request.build_absolute_uri(reverse("articles:preview-share", args=[token]))
        links = article.preview_links.all()
        return self._render(
            request, "admin/articles/article/share.html", article,
            title=f"Share a preview of “{article.title}”", form=form, link_url=link_url, links=links,
        )

def _take_unsaved_post(request):
    """The form data of this person's save that arrived after their login expired, kept for this page."""
    kept = take_unsaved_post(request)
    if kept is None:
        return None
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    for key, values in kept.items():
        data.setlist(key, values)
    messages.warning(
        request,
        "Your login had expired when you saved, so nothing was saved then. Your text is restored below: "
        "check it and save again.",
    )
    return data


class ReviewQueueAdmin(EditorsReadOnly, WorkflowActions, admin.ModelAdmin):
    """Everything waiting for an editor, oldest submission first."""

    list_display = ["article_title", "kind", "submitter", "waiting_since", needs_attention, "open_suggestions"]
    list_filter = ["author", "tags"]
    date_hierarchy = None
    bulk_moves = ["publish", "schedule", "request_changes"]

    def get_queryset(self, request):
        pending = Revision.objects.pending().filter(article=OuterRef("pk"))
        return (
            Article.objects.annotate(has_pending=Exists(pending), suggestion_count=Count("suggested_warnings"))
            .filter(Q(status=Article.Status.IN_REVIEW) | Q(has_pending=True))
            .annotate(waiting=Coalesce("submitted_at", "created_at"))
            .select_related("submitted_by", "author")
            .prefetch_related("suggested_warnings", "tags", "warnings")
            .order_by(F("waiting").asc(), "pk")
        )

    def get_ordering(self, request):
        return ["waiting", "pk"]

    @admin.display(description="Waiting")
    def kind(self, article):
        return "pending revision" if article.has_pending and article.status == Article.Status.PUBLISHED else "article in review"

    @admin.display(description="Submitted by")
    def submitter(self, article):
        return article.submitted_by.get_username() if article.submitted_by else "the importer"

    @admin.display(description="Since", ordering="waiting")
    def waiting_since(self, article):
        return article.waiting

    @admin.display(description="Unresolved suggestions")
    def open_suggestions(self, article):
        return ", ".join(w.label for w in article.suggested_warnings.all()) or "—"

    def get_list_display_links(self, request, list_display):
        return None  # the title links to the article itself, not to this read-only queue entry

    @admin.display(description="Title")
    def article_title(self, article):
        return format_html('<a href="{}">{}</a>', reverse("admin:articles_article_change", args=[article.pk]), article.title)


admin.site.register(Article, ArticleAdmin)
admin.site.register(ReviewQueue, ReviewQueueAdmin)
