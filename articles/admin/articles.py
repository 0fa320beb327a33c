"""Article admin: the change list and the change form's setup (fields, who sees and edits what).

Saving (saving.py), workflow pages (workflow_views.py), previews and share links (previews.py), the
unsaved-post restore (restore.py) and the bulk actions (actions.py) are mixed in from their own
modules. Every state change goes through articles.workflow; this module only asks and shows.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join

from articles import workflow
from articles.admin import record, tag_suggestions
from articles.admin.actions import WorkflowActions
from articles.admin.autosave import AutosaveViews
from articles.admin.chooser import ImageChooser
from articles.admin.corrections import CorrectionViews
from articles.admin.forms import ArticleForm
from articles.admin.mixins import PlainTitle, needs_attention
from articles.admin.pages import ArticlePages
from articles.admin.previews import PreviewViews, as_readers_see_it
from articles.admin.restore import take_restored_post
from articles.admin.saving import PUBLISHING_MOVES, RevisionSaving, scheduling_context
from articles.admin.widgets import BrowserDateTimeWidget, SuggestingTagWidget
from articles.admin.workflow_views import WorkflowViews
from articles.models import Article, Author, Revision, display_name


class ArticleAdmin(
    CorrectionViews, RevisionSaving, AutosaveViews, WorkflowViews, PreviewViews, ImageChooser, ArticlePages,
    WorkflowActions, PlainTitle, admin.ModelAdmin,
):
    form = ArticleForm

    class Media:
        js = ["js/body-preview.js", "js/image-chooser.js", "js/tag-suggestions.js", "js/date-in-words.js"]

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

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "title":
            # Two lines, so a long headline is read whole while it is written (a one-line box scrolled its end
            # out of sight); it stays one line: the form's script keeps Enter out, clean_title any line break.
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "class": "headline-box"})
        if db_field.name == "image_credit":
            # Two places hold a credit: say which one readers see (templates/includes/article_main.html).
            kwargs["help_text"] = ("Shown only when the featured picture has no credit of its own in the library; a "
                                   "picture's own credit is corrected with “Edit caption and alt text” by the picture.")
        if db_field.name == "published_at":
            # The browser's own date and time inputs (the admin's split widget labels them with bare text), in
            # the newsroom's time zone.
            kwargs["widget"] = BrowserDateTimeWidget("Publication date", "Publication time")
            kwargs["form_class"] = forms.SplitDateTimeField
            # Named, as beside "Schedule for": a correspondent abroad would otherwise type her own clock's time.
            kwargs["help_text"] = f"{db_field.help_text} The time is the newsroom’s ({settings.TIME_ZONE})."
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in ("warnings", "suggested_warnings") and hasattr(field.widget, "can_add_related"):
            # No "+" beside the ticks: it read as "add this warning to the article", and opened a popup creating a
            # new warning for every reader's filter. The vocabulary is edited under "Content warnings".
            field.widget.can_add_related = False
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "warnings":
            kwargs["widget"] = forms.CheckboxSelectMultiple  # a short vocabulary: every choice in sight
        if db_field.name == "suggested_warnings":
            kwargs["widget"] = forms.CheckboxSelectMultiple
            kwargs["label"] = "Warnings you propose"
            kwargs["help_text"] = "Tick what readers should be warned of; an editor decides before publication."
        return super().formfield_for_manytomany(db_field, request, **kwargs)
    readonly_fields = [
        "status_display", "publication_time", "import_reasons", "suggestions", "warning_decision",
        "text_as_readers_see_it", "source_name", "source_hash", "created_at", "updated_at",
    ]
    change_form_template = "admin/articles/article/change_form.html"

    def get_fieldsets(self, request, obj=None):
        if workflow.is_editor(request.user):
            warning_fields = ["suggestions", "warnings", "no_warnings_apply", "record_warning_decision",
                              "warning_decision", "newsroom_note", "warning_note"]
        else:  # writers propose; an editor decides (shown to the writer once there is something to show)
            warning_fields = ["suggested_warnings", "newsroom_note"]
            if obj is not None:
                warning_fields += ["warnings", "no_warnings_apply"] if obj.warnings_decided else []
                warning_fields.append("warning_decision")
            if obj is not None and obj.warning_note:
                warning_fields.append("warning_note")
        editable = obj is None or workflow.can_edit(request.user, obj)
        # Where the time cannot be typed (a page she may only read, a published article: its time changes only by
        # a move), it is said in words, without the boxes' "Leave empty while unknown".
        live = obj is not None and obj.status == Article.Status.PUBLISHED
        main = ["title", "slug", "author", "published_at" if editable and not live else "publication_time"]
        imported = obj is not None and bool(obj.source_name)
        if obj is not None:
            main += ["status_display", "import_reasons"] if obj.review_reasons else ["status_display"]
        if editable and obj is not None:
            main += ["edit_version", "edit_revision"] if live else ["edit_version"]
        if not editable and "record_warning_decision" in warning_fields:
            warning_fields.remove("record_warning_decision")
        # A page she may only read shows the text as readers see it, not its Markdown.
        # An empty credit there would read "Featured-image credit: -": left out instead.
        text = ["standfirst", "body", "featured_image", "image_credit", "tags"] if editable else [
            "text_as_readers_see_it", *(["image_credit"] if obj.image_credit else []), "tags"]
        return [
            (None, {"fields": main}),
            ("Text", {"fields": text}),
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
        start = _starting_revision(request, obj) if is_live else None
        restored = getattr(request, "masthead_restored_post", None)
        user, is_editor = request.user, workflow.is_editor(request.user)
        autosave = {}
        if obj is None or workflow.can_edit(user, obj):
            autosave = {
                "data-autosave-url": reverse("admin:articles_article_autosave", args=[obj.pk]) if obj is not None
                else reverse("admin:articles_article_autosave_new"),
                "data-stash-key": f"masthead-unsaved:{user.pk}:{obj.pk if obj is not None else 'new'}",
            }

        class RequestArticleForm(form_class):
            def __init__(self, *args, **form_kwargs):
                if restored is not None and not args and "data" not in form_kwargs:
                    form_kwargs["data"] = restored  # the text of a save made after the login expired
                super().__init__(*args, user=user, is_editor=is_editor, pending_revision=start, **form_kwargs)
                if "body" in self.fields:
                    self.fields["body"].widget.attrs.update({"data-preview-url": preview_url, **autosave})
                if "tags" in self.fields:  # the newsroom's tags in use under the box, so a writer reuses them
                    self.fields["tags"].widget = SuggestingTagWidget(
                        self.fields["tags"].widget.attrs, suggestions=lambda: tag_suggestions.most_used(user))

        return RequestArticleForm

    # --- who sees and edits what -------------------------------------------------------------------

    def get_queryset(self, request):
        queryset = super().get_queryset(request).prefetch_related("tags", "warnings")
        if workflow.is_editor(request.user):
            return queryset
        return queryset.owned_by(request.user)

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
        return self.autocomplete_fields if workflow.is_editor(request.user) else []

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "author" and not workflow.is_editor(request.user):
            # Her own byline, and the one the article has (an editor may have given it another): a save of hers never
            # takes it back unasked.
            object_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
            current = Article.objects.filter(pk=object_id).values_list("author_id", flat=True).first() \
                if object_id and str(object_id).isdigit() else None
            kwargs["queryset"] = Author.objects.filter(Q(user=request.user) | Q(pk=current))
            kwargs["empty_label"] = None  # her byline is the one choice, not one of two beside "---------"
            kwargs["help_text"] = "Writers file articles under their own byline; an editor can change it."
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        author = getattr(request.user, "author_profile", None)
        if author is not None:
            initial.setdefault("author", author.pk)
        return initial

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

    @admin.display(description="Published at")
    def publication_time(self, article):
        """The publication time in the newsroom's zone, named; when there is none, that publishing sets it."""
        if article.published_at is None:
            return "Not set yet: publishing gives it the time it is published."
        when = record.zoned_time(article.published_at)
        return f"{when}, scheduled" if article.published_at > timezone.now() else when

    @admin.display(description="As readers see it")
    def text_as_readers_see_it(self, article):
        """The warnings, featured image, standfirst and body rendered as on the reader page (a read-only page)."""
        return as_readers_see_it(article)

    @admin.display(description="Warning decision")
    def warning_decision(self, article):
        if not article.pk or not article.warnings_decided:
            return "Not decided yet."
        who = display_name(article.warnings_decided_by) if article.warnings_decided_by else "the importer (as the source stated)"
        return f"Decided by {who} on {date_format(timezone.localtime(article.warnings_decided_at), 'j M Y, H:i')}."

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        """An article this person may not open (another writer's draft) is said to be someone else's, not missing."""
        if str(object_id).isdigit() and Article.objects.filter(pk=object_id).exists():
            messages.warning(request, "That article is another writer's work in progress: only she and the editors may "
                             "open it.")
            return HttpResponseRedirect(reverse("admin:index"))
        return super()._get_obj_does_not_exist_redirect(request, opts, object_id)

    def history_view(self, request, object_id, extra_context=None):
        """The admin's log of saves, under the article's record of decisions (who submitted, sent back, published or
        corrected it, when and why): what an editor looking for its history wants first."""
        article = self.get_object(request, object_id)
        if article is not None:
            extra_context = {**(extra_context or {}), "decisions": record.describe(
                list(article.decisions.select_related("actor__author_profile")), article)}
        return super().history_view(request, object_id, extra_context=extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        request.masthead_restored_post = take_restored_post(request)
        extra_context = extra_context or {}
        extra_context.setdefault("show_save_and_add_another", False)  # articles are written one at a time
        if not object_id:
            # A new article is a draft once saved: "Save and publish now" for those the policy lets publish one.
            extra_context["can_publish_new"] = workflow.can(
                request.user, "publish", Article(status=Article.Status.DRAFT, created_by=request.user))
        if object_id:
            article = self.get_object(request, object_id)
            if request.method == "POST" and article is not None and workflow.can_view(request.user, article) \
                    and not self.has_change_permission(request, article):
                # (a save from a page opened while it was hers: an editor published or took it since)
                messages.error(request, f"Not saved: “{article.title}” is {article.get_status_display().lower()} now and "
                               "you may no longer edit it. What you typed is kept in this browser: it is shown below to copy.")
                return HttpResponseRedirect(request.path)
            if article is not None and workflow.can_view(request.user, article):
                editable = self.has_change_permission(request, article)
                moves = [(move, workflow.blocker(move, article)) for move in workflow.allowed_transitions(request.user, article)]
                moves.sort(key=lambda pair: pair[0].name not in PUBLISHING_MOVES)  # publishing first, then the rest
                # Said once, however many moves it stops. In an editable form the moves stay open: what stops
                # them can be fixed in the same form, which is saved first (then the move says if it still can't).
                extra_context["blockers"] = list(dict.fromkeys(reason for _, reason in moves if reason))
                extra_context["workflow_actions"] = [(move, bool(reason) and not editable) for move, reason in moves]
                extra_context["decide_here"] = editable and workflow.is_editor(request.user) and not article.warnings_decided
                extra_context["saves_before_moving"] = editable
                # An editor's own edit of a published article can go live in the same save (she may approve it).
                extra_context["can_make_edit_live"] = (
                    editable and article.status == Article.Status.PUBLISHED
                    and workflow.can(request.user, "approve_revision", article)
                )
                extra_context.update(scheduling_context(article))
                if request.method == "POST" and request.POST.get("_schedule_at"):
                    extra_context["schedule_default"] = request.POST["_schedule_at"]  # a refused time stays as typed
                pending = list(article.revisions.pending().order_by("-created_at", "-pk").values_list("pk", flat=True))
                extra_context["pending_revisions"] = len(pending)
                extra_context["newest_pending_revision"] = pending[0] if pending else None
                extra_context["can_review_revisions"] = workflow.can(request.user, "approve_revision", article)
                extra_context["can_share"] = workflow.is_editor(request.user)
                decisions = list(article.decisions.select_related("actor__author_profile"))
                extra_context["decisions"] = record.describe(decisions, article)
                extra_context["standing_note"] = record.standing_note(decisions, article)
                extra_context["since_sent_back"] = record.since_sent_back(article)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def view_on_site(self, article):
        """Where "View on site" goes: a live article's public page, else its admin preview (readers would get a 404)."""
        if article.is_live:
            return article.get_absolute_url()
        return reverse("admin:articles_article_preview", args=[article.pk])

    def get_urls(self):
        return [*self.autosave_urls(), *self.workflow_urls(), *self.preview_urls(), *self.chooser_urls(), *self.correction_urls(), *super().get_urls()]


def _starting_revision(request, article):
    """What a live article's form starts from: this person's autosaved edit when it is newer than both the newest
    pending revision and the live text's last change, else that pending revision, else None (the live text). An
    autosaved edit older than either stays out of the form (it would undo what changed since), and the person is told,
    with a link to compare it and copy from it."""
    pending = article.revisions.exclude(source="import").newest_pending()
    autosaved = Revision.objects.autosaved_by(request.user).filter(article=article).first()
    if autosaved is None:
        return pending
    at = timezone.localtime(autosaved.created_at).strftime("%H:%M")
    # (the live text changes only by an approved revision; a warning decision or a correction leaves it as it was)
    live_changed = article.decisions.filter(action="revision_approved", at__gt=autosaved.created_at).exists()
    if (pending is None or autosaved.created_at > pending.created_at) and not live_changed:
        if request.method == "GET":
            messages.info(request, f"Your unsent edit, autosaved at {at}, is in the form: save to send it for review.")
        return autosaved
    if request.method == "GET":
        newer = "the live text" if live_changed else (
            f"{display_name(pending.created_by)}'s pending edit" if pending.created_by else "a pending edit")
        compare = reverse("admin:articles_article_revision", args=[article.pk, autosaved.pk])
        messages.warning(request, format_html(
            "Your unsent edit, autosaved at {}, is older than {}, which changed since: it is not in the form, so saving "
            "does not undo that change. <a href=\"{}\">Compare your edit with the live text</a> and copy what you need.",
            at, newer, compare))
    return pending


admin.site.register(Article, ArticleAdmin)
