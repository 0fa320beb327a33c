"""sitemap.xml: an index of sections whose size does not grow with the archive.

- ``sitemap-pages.xml``: the home page and the other fixed pages;
- ``sitemap-tags.xml`` and ``sitemap-authors.xml``: those with a visible article;
- ``sitemap-articles-K.xml``: the visible articles whose id lies in the K-th block of
  ARTICLE_CHUNK ids, so each section is one short range of the primary key.

The index itself costs one query (the highest article id), whatever the archive's size.
"""

from xml.sax.saxutils import escape

from django.contrib.sitemaps import Sitemap
from django.db.models import OuterRef, Subquery
from django.http import HttpResponse
from django.urls import reverse

from articles import cachekeys, selectors
from articles.models import Article, Author

ARTICLE_CHUNK = cachekeys.ARTICLE_CHUNK
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
ARTICLES_PREFIX = "articles-"
MAX_CHUNK = (2**63 - 1) // ARTICLE_CHUNK - 1  # a block's ids must fit a 64-bit primary key


class PageSitemap(Sitemap):
    def items(self):
        cachekeys.declare(cachekeys.SITEMAP)
        return ["articles:home", "articles:tag-list", "articles:content-warnings", "articles:corrections"]

    def location(self, name):
        return reverse(name)


class ArticleSitemap(Sitemap):
    """The visible articles with ids in one block of ARTICLE_CHUNK."""

    limit = ARTICLE_CHUNK

    def __init__(self, chunk):
        self.chunk = chunk

    def items(self):
        first = self.chunk * ARTICLE_CHUNK
        cachekeys.declare(cachekeys.sitemap_section(first))
        return (
            Article.objects.published()
            .filter(pk__gte=first, pk__lt=first + ARTICLE_CHUNK)
            .only("slug", "published_at", "updated_at")
            .with_corrected_at()
            .order_by("pk")
        )

    def lastmod(self, article):
        """The article's last change: an edit, or a correction added or withdrawn."""
        return max(article.published_at, article.updated_at, article.corrected_at or article.published_at)


class TagSitemap(Sitemap):
    def items(self):
        newest = selectors.visible_links().order_by("-visible_from").values("visible_from")[:1]
        cachekeys.declare(cachekeys.TAGS)
        return selectors.visible_tags().annotate(latest=Subquery(newest))

    def location(self, tag):
        return reverse("articles:tag-detail", args=[tag.slug])

    def lastmod(self, tag):
        return tag.latest


class AuthorSitemap(Sitemap):
    def items(self):
        newest = Article.objects.published().filter(author=OuterRef("pk")).order_by("-published_at").values("published_at")[:1]
        cachekeys.declare(cachekeys.AUTHORS)
        return Author.objects.annotate(latest=Subquery(newest)).filter(latest__isnull=False).order_by("name")

    def lastmod(self, author):
        return author.latest


FIXED_SECTIONS = {"pages": PageSitemap, "tags": TagSitemap, "authors": AuthorSitemap}


class Sections:
    """The sitemap view's ``sitemaps`` mapping: the fixed sections, and any article block by name."""

    def _chunk(self, section):
        number = section.removeprefix(ARTICLES_PREFIX)
        if section.startswith(ARTICLES_PREFIX) and number.isascii() and number.isdigit() and len(number) <= 19:
            if str(int(number)) == number and int(number) <= MAX_CHUNK:
                return int(number)
        return None

    def __contains__(self, section):
        return section in FIXED_SECTIONS or self._chunk(section) is not None

    def __getitem__(self, section):
        if section in FIXED_SECTIONS:
            return FIXED_SECTIONS[section]()
        return ArticleSitemap(self._chunk(section))


SECTIONS = Sections()


def article_sections():
    """The names of the article blocks up to the highest article id: one read of the primary key's end
    (each section applies the visibility rule; one past the last visible article is simply empty)."""
    highest = Article.objects.order_by("-pk").values_list("pk", flat=True).first()
    if highest is None:
        return []
    return [f"{ARTICLES_PREFIX}{chunk}" for chunk in range(highest // ARTICLE_CHUNK + 1)]


def index(request):
    """sitemap.xml: where each section's sitemap is, written directly (a template loop over a large
    archive's hundred sections would cost more than everything else on the page)."""
    cachekeys.declare(cachekeys.SITEMAP)
    template = request.build_absolute_uri(reverse("sitemap-section", kwargs={"section": "SECTION"}))
    entries = "".join(
        f"<sitemap><loc>{escape(template.replace('SECTION', name))}</loc></sitemap>"
        for name in [*FIXED_SECTIONS, *article_sections()]
    )
    body = f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{SITEMAP_NS}">{entries}</sitemapindex>\n'
    response = HttpResponse(body, content_type="application/xml")
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response
