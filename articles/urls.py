from django.urls import path, register_converter

from articles import feeds, preview, views
from articles.pagecache import cache_for_readers as cached


class UnicodeSlugConverter:
    """Tag and author slugs keep letters of every script (articles/slugs.py), e.g. "côte-divoire"."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(UnicodeSlugConverter, "unicode_slug")

app_name = "articles"

# Every public page but the reader's own preferences and share links comes through the page cache.

urlpatterns = [
    path("", cached(views.HomeView.as_view()), name="home"),
    path("articles/<slug:slug>/", cached(views.ArticleDetailView.as_view()), name="article-detail"),
    path("tags/", cached(views.TagListView.as_view()), name="tag-list"),
    path("tags/<unicode_slug:slug>/", cached(views.TagDetailView.as_view()), name="tag-detail"),
    path("tags/<unicode_slug:slug>/feed/rss/", cached(feeds.TagFeed()), name="tag-feed-rss"),
    path("tags/<unicode_slug:slug>/feed/atom/", cached(feeds.TagAtomFeed()), name="tag-feed-atom"),
    path("authors/<unicode_slug:slug>/", cached(views.AuthorDetailView.as_view()), name="author-detail"),
    path("authors/<unicode_slug:slug>/feed/rss/", cached(feeds.AuthorFeed()), name="author-feed-rss"),
    path("authors/<unicode_slug:slug>/feed/atom/", cached(feeds.AuthorAtomFeed()), name="author-feed-atom"),
    path("feeds/rss/", cached(feeds.ArticleFeed()), name="feed-rss"),
    path("feeds/atom/", cached(feeds.ArticleAtomFeed()), name="feed-atom"),
    path("search/", cached(views.SearchView.as_view()), name="search"),
    path("corrections/", cached(views.CorrectionListView.as_view()), name="corrections"),
    path("content-warnings/", cached(views.ContentWarningListView.as_view()), name="content-warnings"),
    path("preferences/", views.PreferencesView.as_view(), name="preferences"),
    path("preview/<str:token>/", preview.share_view, name="preview-share"),
]
