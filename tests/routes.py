"""Every public route of the URLconf, filled in with what one article shows: its page, its tags' and
author's pages and feeds, the site's lists, feeds and sitemap sections, search, its share link and its
picture files.

``BUILDERS`` has one entry per route name; ``missing_routes()`` names any route of the URLconf it
lacks, so a new route is covered here or fails the tests that use it.
"""

from dataclasses import dataclass, field

from django.urls import reverse

from articles import sitemaps
from tests.conftest import public_routes


@dataclass(frozen=True)
class Subject:
    """What the URLs are about (slugs as readers would ask for them)."""

    article: str
    tags: tuple[str, ...] = ()
    author: str = ""
    words: str = ""  # searched for
    share_tokens: tuple[str, ...] = ()
    media: tuple[str, ...] = field(default=())  # storage names of picture files (their /media/ path)

    @classmethod
    def of(cls, article, *, words="", share_tokens=(), media=()):
        return cls(
            article=article.slug,
            tags=tuple(article.tags.values_list("slug", flat=True)),
            author=article.author.slug if article.author else "",
            words=words,
            share_tokens=tuple(share_tokens),
            media=tuple(media),
        )


def _each(name, values, key="slug"):
    return [reverse(name, kwargs={key: value}) for value in values if value]


BUILDERS = {
    "articles:home": lambda s: [reverse("articles:home")],
    "articles:article-detail": lambda s: _each("articles:article-detail", [s.article]),
    "articles:tag-list": lambda s: [reverse("articles:tag-list")],
    "articles:tag-detail": lambda s: _each("articles:tag-detail", s.tags),
    "articles:tag-feed-rss": lambda s: _each("articles:tag-feed-rss", s.tags),
    "articles:tag-feed-atom": lambda s: _each("articles:tag-feed-atom", s.tags),
    "articles:author-detail": lambda s: _each("articles:author-detail", [s.author]),
    "articles:author-feed-rss": lambda s: _each("articles:author-feed-rss", [s.author]),
    "articles:author-feed-atom": lambda s: _each("articles:author-feed-atom", [s.author]),
    "articles:feed-rss": lambda s: [reverse("articles:feed-rss")],
    "articles:feed-atom": lambda s: [reverse("articles:feed-atom")],
    "articles:search": lambda s: [reverse("articles:search") + (f"?q={s.words}" if s.words else "")],
    "articles:content-warnings": lambda s: [reverse("articles:content-warnings")],
    "articles:preferences": lambda s: [reverse("articles:preferences")],
    "articles:corrections": lambda s: [reverse("articles:corrections")],
    "articles:preview-share": lambda s: _each("articles:preview-share", s.share_tokens, "token"),
    "sitemap": lambda s: [reverse("sitemap")],
    "sitemap-section": lambda s: _each("sitemap-section", [*sitemaps.FIXED_SECTIONS, *sitemaps.article_sections()], "section"),
    "robots": lambda s: [reverse("robots")],
    "favicon": lambda s: [reverse("favicon")],
    "media": lambda s: _each("media", s.media, "path"),
}


def missing_routes() -> set[str]:
    """Public routes of the URLconf this module cannot fill in (add them to BUILDERS)."""
    return set(public_routes()) - set(BUILDERS)


def public_urls(subject: Subject) -> dict[str, list[str]]:
    """For each public route, the URLs that could show ``subject``."""
    assert not missing_routes(), f"public routes with no URLs in tests/routes.py: {sorted(missing_routes())}"
    return {name: build(subject) for name, build in BUILDERS.items()}
