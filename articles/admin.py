"""The editors' side: Django admin for articles, authors and the two vocabularies."""

from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html, format_html_join

from articles.models import Article, Author, ContentWarning, Topic


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "author", "status", "published_at", "warning_labels", "tag_list", "needs_attention"]
    list_filter = ["status", "author", "tags", "warnings"]
    list_select_related = ["author"]
    search_fields = ["title", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["author"]
    filter_horizontal = ["warnings"]
    readonly_fields = ["status", "import_reasons", "source_name", "source_hash", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "author", "published_at", "status", "import_reasons"]}),
        ("Text", {"fields": ["standfirst", "body", "image_credit"]}),
        (
            "Tags and content warnings",
            {
                "fields": ["tags", "warnings", "warning_note"],
                "description": "Readers see the content warnings before the text and can filter warned articles out.",
            },
        ),
        ("Source", {"classes": ["collapse"], "fields": ["source_name", "source_hash", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags", "warnings")

    @admin.display(description="Content warnings")
    def warning_labels(self, article):
        return ", ".join(warning.label for warning in article.warnings.all()) or "—"

    @admin.display(description="Tags")
    def tag_list(self, article):
        return ", ".join(tag.name for tag in article.tags.all()) or "—"

    @admin.display(description="Import reasons", boolean=False)
    def needs_attention(self, article):
        return "; ".join(article.review_reasons) or "—"

    @admin.display(description="Why the importer held it for review")
    def import_reasons(self, article):
        if not article.review_reasons:
            return "—"
        items = format_html_join("\n", "<li>{}</li>", ((reason,) for reason in article.review_reasons))
        return format_html("<ul>{}</ul>", items)


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="Articles", ordering="article_count")
    def article_count(self, author):
        return author.article_count


@admin.register(ContentWarning)
class ContentWarningAdmin(admin.ModelAdmin):
    list_display = ["label", "slug", "description"]
    search_fields = ["label", "description", "keywords"]
    prepopulated_fields = {"slug": ["label"]}


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "signals"]
    search_fields = ["name", "signals"]
