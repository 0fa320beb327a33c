"""The review queue: everything waiting for an editor, oldest submission first."""

from django.contrib import admin
from django.db.models import Count, F
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html

from articles.admin.actions import WorkflowActions
from articles.admin.mixins import EditorsReadOnly, needs_attention
from articles.models import Article, ReviewQueue, display_name


class ReviewQueueAdmin(EditorsReadOnly, WorkflowActions, admin.ModelAdmin):
    """Articles in review and live articles with a pending revision, oldest submission first."""

    list_display = ["article_title", "kind", "submitter", "waiting_since", "writers_comment", needs_attention, "open_suggestions"]
    list_filter = ["author", "tags"]
    date_hierarchy = None
    bulk_moves = ["publish", "schedule", "request_changes"]

    class Media:
        css = {"all": ["css/desk.css"]}

    def get_queryset(self, request):
        return (
            Article.objects.awaiting_review()
            .with_submit_comment()
            .annotate(suggestion_count=Count("suggested_warnings"), waiting=Coalesce("submitted_at", "created_at"))
            .select_related("submitted_by__author_profile", "author")
            .prefetch_related("suggested_warnings", "tags", "warnings")
            .order_by(F("waiting").asc(), "pk")
        )

    def get_ordering(self, request):
        return ["waiting", "pk"]

    def changelist_view(self, request, extra_context=None):
        """Titled "Review queue" (its count reads "2 articles waiting": admin/articles/reviewqueue/pagination.html)."""
        return super().changelist_view(request, {"title": "Review queue", **(extra_context or {})})

    @admin.display(description="Waiting")
    def kind(self, article):
        return "pending revision" if article.has_pending and article.status == Article.Status.PUBLISHED else "article in review"

    @admin.display(description="Submitted by")
    def submitter(self, article):
        return display_name(article.submitted_by) if article.submitted_by else "the importer"

    @admin.display(description="Writer’s comment")
    def writers_comment(self, article):
        """What the writer wrote when she last submitted it (a pending revision has no submission of its own)."""
        if article.status != Article.Status.IN_REVIEW:
            return "—"
        return article.submit_comment or "—"

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


admin.site.register(ReviewQueue, ReviewQueueAdmin)
