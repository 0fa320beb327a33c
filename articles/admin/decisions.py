"""The record of decisions as a list editors can read: readable labels in its columns and filters,
never stored codes, and columns that fit a laptop's screen and a phone's."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from articles.admin import record
from articles.admin.mixins import EditorsReadOnly, PlainTitle
from articles.models import Article, Decision


class ActionFilter(admin.SimpleListFilter):
    """Filter by decision, named as the record names it ("Imported and published", not its code)."""

    title = "decision"
    parameter_name = "action"

    def lookups(self, request, model_admin):
        actions = Decision.objects.order_by().values_list("action", flat=True).distinct()
        return sorted(((action, Decision.label_of(action)) for action in actions), key=lambda choice: choice[1])

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset


class ToStatusFilter(admin.SimpleListFilter):
    """Filter by the state a decision left the article in ("In review", not "in_review")."""

    title = "article left as"
    parameter_name = "to_status"

    def lookups(self, request, model_admin):
        return Article.Status.choices

    def queryset(self, request, queryset):
        return queryset.filter(to_status=self.value()) if self.value() else queryset


@admin.register(Decision)
class DecisionAdmin(PlainTitle, EditorsReadOnly, admin.ModelAdmin):
    """The record of decisions: readable, never editable."""

    list_display = ["when", "article_link", "decision", "short_comment"]
    list_display_links = ["when"]  # opens the decision whole: its changes and full comment
    list_filter = [ActionFilter, ToStatusFilter]
    list_select_related = ["article", "actor__author_profile"]
    search_fields = ["article__title", "comment"]
    date_hierarchy = "at"

    class Media:
        css = {"all": ["css/desk.css"]}

    changelist_title = "Record of decisions"

    @admin.display(description="When, by whom", ordering="at")
    def when(self, decision):
        return format_html("{}<br>by {}", record.local_time(decision.at), decision.actor_name)

    @admin.display(description="Article", ordering="article__title")
    def article_link(self, decision):
        url = reverse("admin:articles_article_change", args=[decision.article_id])
        return format_html('<a href="{}">{}</a>', url, decision.article.title)

    @admin.display(description="Decision", ordering="action")
    def decision(self, decision):
        """The decision, and below it the states it moved the article between ("In review → Draft")."""
        states = f"{record.state_name(decision.from_status)} → {record.to_state_name(decision)}"
        return format_html('{}<br><span class="quiet">{}</span>', record.describe([decision])[0].label, states)

    @admin.display(description="Comment")
    def short_comment(self, decision):
        """The comment, cut to a few lines (the article's own record shows it whole)."""
        return Truncator(decision.comment).chars(200) or "—"
