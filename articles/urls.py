from django.urls import path, register_converter

from articles import feeds, preview, views


class UnicodeSlugConverter:
    """Tag slugs keep their accents (taggit slugifies with allow_unicode), e.g. "côte-divoire"."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(UnicodeSlugConverter, "unicode_slug")

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("tags/", views.TagListView.as_view(), name="tag-list"),
    path("tags/<unicode_slug:slug>/", views.TagDetailView.as_view(), name="tag-detail"),
    path("tags/<unicode_slug:slug>/feed/rss/", feeds.TagFeed(), name="tag-feed-rss"),
    path("tags/<unicode_slug:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag-feed-atom"),
    path("authors/<slug:slug>/", views.AuthorDetailView.as_view(), name="author-detail"),
    path("authors/<slug:slug>/feed/rss/", feeds.AuthorFeed(), name="author-feed-rss"),
    path("authors/<slug:slug>/feed/atom/", feeds.AuthorAtomFeed(), name="author-feed-atom"),
    path("feeds/rss/", feeds.ArticleFeed(), name="feed-rss"),
    path("feeds/atom/", feeds.ArticleAtomFeed(), name="feed-atom"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("content-warnings/", views.ContentWarningListView.as_view(), name="content-warnings"),
    path("preferences/", views.PreferencesView.as_view(), name="preferences"),
    path("preview/<str:token>/", preview.share_view, name="preview-share"),
]
