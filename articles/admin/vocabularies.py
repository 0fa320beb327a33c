"""Admin for authors, the content-warning and topic vocabularies, tags (with merging) and share links."""

from django.contrib import admin, messages
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils import timezone
import taggit.admin  # noqa: F401  (registers taggit's TagAdmin first; ours replaces it below)
from taggit.models import Tag

from articles import workflow
from articles.admin.forms import MergeTagsForm
from articles.admin.mixins import PlainTitle
from articles.admin.tag_suggestions import article_count, visible_tags
from articles.models import Article, Author, ContentWarning, PreviewLink, TagRedirect, Topic
from articles.workflow import WorkflowError


def _article_count(request, relation):
    """Count of articles behind ``relation``: all of them for editors, only published ones for anyone else
    (a writer must not learn of other writers' drafts from a number)."""
    return article_count(request.user, relation)


@admin.register(Author)
class AuthorAdmin(PlainTitle, admin.ModelAdmin):
    """Bylines. Logins are shown only to people who may see user accounts."""

    list_display = ["name", "slug", "user", "article_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]

    def _sees_logins(self, request):
        return request.user.has_perm("auth.view_user")

    def get_list_display(self, request):
        return [f for f in self.list_display if f != "user" or self._sees_logins(request)]

    def get_exclude(self, request, obj=None):
        return [] if self._sees_logins(request) else ["user"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("user")
        if not workflow.is_editor(request.user):
            # The public bylines and her own: nobody else's unpublished work shows through its author.
            queryset = queryset.filter(Q(pk__in=Article.objects.published().values("author")) | Q(user=request.user))
        return queryset.annotate(article_count=_article_count(request, "articles"))

    @admin.display(description="Articles", ordering="article_count")
    def article_count(self, author):
        return author.article_count


@admin.register(ContentWarning)
class ContentWarningAdmin(PlainTitle, admin.ModelAdmin):
    list_display = ["label", "slug", "description"]
    search_fields = ["label", "description", "keywords"]
    prepopulated_fields = {"slug": ["label"]}


@admin.register(Topic)
class TopicAdmin(PlainTitle, admin.ModelAdmin):
    list_display = ["name", "signals"]
    search_fields = ["name", "signals"]


admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(PlainTitle, admin.ModelAdmin):
    """Tags are case-insensitive; merging moves articles to the kept tag and redirects the old URL."""

    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["merge_selected"]

    def get_queryset(self, request):
        # Tags readers can see, and those on her own articles: never a tag only others' drafts carry.
        queryset = visible_tags(request.user, super().get_queryset(request))
        return queryset.annotate(article_count=_article_count(request, "articles_taggedarticle_items__content_object"))

    @admin.display(description="Articles", ordering="article_count")
    def article_count(self, tag):
        return tag.article_count

    @admin.action(description="Merge selected tags into one", permissions=["change"])
    def merge_selected(self, request, queryset):
        tags = queryset.order_by("name")
        if tags.count() < 2:
            self.message_user(request, "Select at least two tags to merge.", messages.WARNING)
            return None
        form = MergeTagsForm(request.POST if "apply" in request.POST else None, tags=tags)
        if form.is_valid():
            keep = form.cleaned_data["keep"]
            try:
                retagged = workflow.merge_tags(keep, list(tags), request.user)
            except WorkflowError as error:
                self.message_user(request, str(error), messages.ERROR)
            else:
                self.message_user(
                    request, f"Merged into “{keep.name}”: {retagged} article(s) retagged; old tag pages redirect there.",
                    messages.SUCCESS,
                )
            return None
        return TemplateResponse(request, "admin/taggit/tag/merge.html", {
            **self.admin_site.each_context(request), "opts": self.model._meta, "title": "Merge tags",
            "tags": tags, "form": form, "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        })


@admin.register(TagRedirect)
class TagRedirectAdmin(PlainTitle, admin.ModelAdmin):
    list_display = ["old_slug", "tag"]
    search_fields = ["old_slug", "tag__name"]


@admin.register(PreviewLink)
class PreviewLinkAdmin(PlainTitle, admin.ModelAdmin):
    list_display = ["article", "created_by", "created_at", "expires_at", "revoked_at", "is_active"]
    list_select_related = ["article", "created_by"]
    readonly_fields = ["article", "created_by", "created_at", "expires_at", "revoked_at"]
    actions = ["revoke"]

    @admin.display(boolean=True, description="Active")
    def is_active(self, link):
        return link.is_active

    def has_add_permission(self, request):
        return False

    @admin.action(description="Revoke selected preview links", permissions=["change"])
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, f"Revoked {count} link(s).", messages.SUCCESS)
