"""The review queue: everything waiting for an editor, oldest submission first, in four columns that fit
a laptop's screen (and, stacked, a phone's): what it is, what waits and since when, the writer's
comment, and what an editor must decide."""

from django.contrib import admin
from django.db.models import Count, F, Prefetch
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from articles.admin.actions import WorkflowActions
from articles.admin.mixins import EditorsReadOnly, PlainTitle
from articles.admin.record import local_time
from articles.models import Article, ReviewQueue, Revision, display_name


class ReviewQueueAdmin(PlainTitle, EditorsReadOnly, WorkflowActions, admin.ModelAdmin):
    """Articles in review and live articles with a pending revision, oldest submission first."""

    list_display = ["article_title", "waiting_since", "writers_comment", "to_decide"]
    list_filter = ["author", "tags"]
    date_hierarchy = None
    bulk_moves = ["publish", "schedule", "request_changes"]

    class Media:
        css = {"all": ["css/desk.css"]}

    def get_queryset(self, request):
        pending = Revision.objects.pending().select_related("created_by__author_profile").order_by("-created_at", "-pk")
        return (
            Article.objects.awaiting_review()
            .with_submit_comment()
            .annotate(suggestion_count=Count("suggested_warnings"), waiting=Coalesce("submitted_at", "created_at"))
            .select_related("submitted_by__author_profile", "author")
            .prefetch_related("suggested_warnings", "tags", "warnings", Prefetch("revisions", pending, to_attr="pending"))
            .order_by(F("waiting").asc(), "pk")
        )

    def get_ordering(self, request):
        return ["waiting", "pk"]

    changelist_title = "Review queue"  # its count reads "2 articles waiting": admin/articles/reviewqueue/pagination.html

    def get_list_display_links(self, request, list_display):
        return None  # the title links to the article itself, not to this read-only queue entry

    @staticmethod
    def is_revision(article) -> bool:
        return article.status == Article.Status.PUBLISHED and bool(article.pending)

    @admin.display(description="Title")
    def article_title(self, article):
        return format_html('<a href="{}">{}</a>', reverse("admin:articles_article_change", args=[article.pk]), article.title)

    @admin.display(description="Waiting", ordering="waiting")
    def waiting_since(self, article):
        """What waits (an article in review or a pending revision), from whom, and since when."""
        if self.is_revision(article):
            revision = article.pending[0]
            return format_html("A pending revision<br>from {}<br>since {}", display_name(revision.created_by),
                               local_time(revision.created_at))
        who = display_name(article.submitted_by) if article.submitted_by else "the importer"
        return format_html("An article in review<br>from {}<br>since {}", who, local_time(article.waiting))

    @admin.display(description="Writer’s comment")
    def writers_comment(self, article):
        """What the writer wrote when she last submitted it (a pending revision has no submission of its own)."""
        if article.status != Article.Status.IN_REVIEW:
            return "—"
        return article.submit_comment or "—"

    @admin.display(description="To decide")
    def to_decide(self, article):
        """A list: why the importer held it, then the content warnings suggested and not yet decided (unless a
        reason already names them)."""
        items = [("Held by the importer", reason) for reason in article.review_reasons]
        suggested = ", ".join(w.label for w in article.suggested_warnings.all())
        if suggested and not any(suggested in reason for reason in article.review_reasons):
            items.append(("Suggested warnings", suggested))
        if not items:
            return "—"
        return format_html(
            '<ul class="queue-decide">{}</ul>',
            format_html_join("", '<li><span class="queue-decide__kind">{}:</span> {}</li>', items),
        )


admin.site.register(ReviewQueue, ReviewQueueAdmin)
