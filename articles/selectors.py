"""Reader-side queries built on the one visibility rule, Article.objects.published().

Shared by the pages, feeds and sitemap so that a tag, an author or a link to another article
only ever appears because some article readers may see carries it. Each is one query (an article's
links, ``article_links``, two: articles/pagereads.py).
"""

from datetime import timezone as dt_timezone

from django.db.models import Exists, OuterRef, Subquery
from django.utils.dateparse import parse_datetime
from taggit.models import Tag

from articles import listing, pagereads
from articles.models import Article, Author, TaggedArticle, TagRedirect

RELATED_COUNT = 4
RELATED_CANDIDATES = 50


def visible_links(tag=OuterRef("pk")):
    """The links of ``tag`` (by default the outer query's tag) whose article readers may see now: the
    database keeps each link's ``visible_from`` in step with its article (migration 0019), so this is
    ``published()`` read from the tag's own index."""
    return TaggedArticle.objects.visible().filter(tag=tag)


def _with_visible_article():
    """Tags annotated with ``visible_article``: the id of one visible article carrying the tag, or None.

    A scalar subquery with LIMIT 1 on the tag's own links (one look in the tag's index) rather than
    EXISTS, which PostgreSQL may plan as a join over every link.
    """
    first = visible_links().order_by().values("content_object_id")[:1]
    return Tag.objects.alias(visible_article=Subquery(first)).filter(visible_article__isnull=False)


def visible_tags():
    """Tags carried by at least one visible article, by name: one short look per tag, no count."""
    return _with_visible_article().order_by("name")


def visible_tag(slug):
    """The tag with this slug if a visible article carries it, else None."""
    return _with_visible_article().filter(slug=slug).first()


def merged_into(slug):
    """The tag that a tag with this slug was merged into (its pages and feeds redirect there), or None;
    None as well when a tag has the slug again."""
    moved = TagRedirect.objects.filter(old_slug=slug).select_related("tag").first()
    return None if moved is None or Tag.objects.filter(slug=slug).exists() else moved.tag


def visible_author(slug):
    """The author with this slug if they have a visible article, else None."""
    visible = Article.objects.published().filter(author=OuterRef("pk"))
    return Author.objects.filter(Exists(visible), slug=slug).first()


def article_links(article, warning_filter, tag_ids, count=RELATED_COUNT, also=()):
    """``(older, newer, related)`` of ``article`` under the reader's filter: the visible articles published
    just before and just after it (either may be None), and its earlier coverage.

    Earlier coverage: visible articles published before ``article`` (in publication order, id breaking
    ties) sharing the most of ``tag_ids`` (``article``'s tags) with it, newest first among equals, other
    than its older neighbour (linked already) and those the reader's filter hides. Chosen among the
    RELATED_CANDIDATES newest such tag-mates, so the cost does not grow with the archive, and an article
    published later never changes the list: only an article entering, leaving or moving among a tag's
    visible articles before it does (``signals.related_keys`` finds those pages). Any article among the
    newest candidates over all tags is among the newest of each tag it shares, so every one of its shared
    tags is read.

    Every article returned has its warnings read, and so have the articles in ``also`` (the article's
    own, when its page shows them). Two statements (articles/pagereads.py): the choice, then the rows
    with their warnings.
    """
    hidden = [warning.pk for warning in warning_filter.warnings] if warning_filter else []
    older, newer, chosen = pagereads.links(article, hidden, tag_ids, count, RELATED_CANDIDATES)
    rows = pagereads.rows_with_warnings([*chosen, *(pk for pk in (older, newer) if pk is not None),
                                            *(item.pk for item in also)])
    for item, warnings in rows.values():
        listing.set_loaded(item, "warning_list", warnings)
    for item in also:
        listing.set_loaded(item, "warning_list", rows[item.pk][1] if item.pk in rows else [])
    older, newer = (rows[pk][0] if pk in rows else None for pk in (older, newer))
    return older, newer, [rows[pk][0] for pk in chosen if pk in rows]


def raw_time(value):
    """A time read by raw SQL, as the ORM would read it: SQLite gives its UTC text or a naive datetime,
    PostgreSQL an aware one."""
    if isinstance(value, str):
        value = parse_datetime(value)
    return value.replace(tzinfo=dt_timezone.utc) if value.tzinfo is None else value
