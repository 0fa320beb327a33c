"""sitemap.xml: the home page and other fixed pages, visible articles, and tags and authors that
have one. Each section is one query (items are read once, as a list)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles import selectors
from articles.models import Article


class ListSitemap(Sitemap):
    """A sitemap whose items are read once per request, so paging them costs no count query."""

    def items(self):
        if not hasattr(self, "_items_list"):
            self._items_list = list(self.query())
        return self._items_list


class PageSitemap(Sitemap):
    def items(self):
        return ["articles:home", "articles:tag-list", "articles:content-warnings"]

    def location(self, name):
        return reverse(name)


class ArticleSitemap(ListSitemap):
    def query(self):
        return Article.objects.published().only("slug", "published_at", "updated_at").order_by("-published_at", "-id")

    def lastmod(self, article):
        return max(article.published_at, article.updated_at)


class TagSitemap(ListSitemap):
    def query(self):
        return selectors.visible_tags_with_latest()

    def location(self, tag):
        return reverse("articles:tag-detail", args=[tag.slug])

    def lastmod(self, tag):
        return tag.latest


class AuthorSitemap(ListSitemap):
    def query(self):
        return selectors.visible_authors()

    def lastmod(self, author):
        return author.latest


SITEMAPS = {"pages": PageSitemap, "articles": ArticleSitemap, "tags": TagSitemap, "authors": AuthorSitemap}
