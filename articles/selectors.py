"""Reader-side queries built on the one visibility rule, Article.objects.published().

Shared by the pages, feeds and sitemap so that a tag, an author or a link to another article
only ever appears because some article readers may see carries it. Each is one query (earlier
coverage, ``related_articles``, two).
"""

from datetime import timezone as dt_timezone

from django.db import connections
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils.dateparse import parse_datetime
from taggit.models import Tag

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


def related_articles(article, warning_filter, tag_ids, count=RELATED_COUNT, exclude=()):
    """Earlier coverage: visible articles published before ``article`` (in publication order, id breaking
    ties) sharing the most of ``tag_ids`` (``article``'s tags) with it, newest first among equals, other
    than the articles in ``exclude`` (its older neighbour, linked already) and those the reader's filter
    hides.

    Chosen among the RELATED_CANDIDATES newest such tag-mates (``related_candidates``), so the cost does
    not grow with the archive, and an article published later never changes the list: only an article
    entering, leaving or moving among a tag's visible articles before it does (``signals.related_keys``
    finds those pages). Two queries: the candidates' tag links, then the chosen articles' rows (their
    warnings are the caller's to read).
    """
    shared = related_candidates(article, warning_filter, tag_ids, exclude)
    chosen = sorted(shared, key=lambda pk: (-len(shared[pk][1]), shared[pk][0], -pk))[:count]
    if not chosen:
        return []
    rows = Article.objects.filter(pk__in=chosen).only("title", "slug", "published_at").in_bulk()  # what the list shows
    return [rows[pk] for pk in chosen if pk in rows]


def related_candidates(article, warning_filter, tag_ids, exclude=()):
    """The RELATED_CANDIDATES newest visible articles published before ``article`` sharing a tag of
    ``tag_ids`` with it, less ``exclude`` and what the filter hides: ``{pk: (negated position, shared tag
    ids)}``, the position being its publication time's timestamp.

    One query: for each tag, its RELATED_CANDIDATES newest earlier links, from the tag's own index
    (``tagged_visible_idx``, a range read backwards from ``article``'s time, one short look per tag
    however rare or common), joined by ``UNION ALL``. Any article among the newest candidates over all
    tags is among the newest of each tag it shares, so every one of its shared tags is read.
    """
    if not tag_ids:
        return {}
    when, pk = article.published_at, article.pk
    left_out = [other.pk for other in exclude if other is not None]
    through = TaggedArticle.objects.visible()
    parts = []
    for tag_id in sorted(set(tag_ids)):
        links = through.filter(tag=tag_id, visible_from__lte=when).filter(
            Q(visible_from__lt=when) | Q(content_object_id__lt=pk))
        if left_out:
            links = links.exclude(content_object_id__in=left_out)
        if warning_filter:
            links = links.filter(~_warned_link(warning_filter))
        parts.append(links.order_by("-visible_from", "-content_object_id")
                     .values_list("content_object_id", "visible_from", "tag_id")[:RELATED_CANDIDATES])
    found = {}
    for other, at, tag_id in _union_all(parts):
        found.setdefault(other, (at, set()))[1].add(tag_id)
    newest = sorted(found, key=lambda other: (found[other][0], other), reverse=True)[:RELATED_CANDIDATES]
    return {other: (-found[other][0].timestamp(), found[other][1]) for other in newest}


def _union_all(querysets):
    """The rows of ``querysets`` (each ordered and sliced) in one ``UNION ALL``: each wrapped as a derived
    table, the form both PostgreSQL and SQLite take (Django refuses sliced parts of a compound on SQLite)."""
    if len(querysets) == 1:
        return list(querysets[0])
    statements, params = [], []
    for number, queryset in enumerate(querysets):
        sql, part_params = queryset.query.sql_with_params()
        statements.append(f"SELECT * FROM ({sql}) AS part{number}")
        params.extend(part_params)
    with connections[querysets[0].db].cursor() as cursor:
        cursor.execute(" UNION ALL ".join(statements), params)
        return [(other, _as_datetime(at), tag_id) for other, at, tag_id in cursor.fetchall()]


def _as_datetime(value):
    """A timestamp read by raw SQL: SQLite gives its text (UTC), PostgreSQL a datetime."""
    if isinstance(value, str):
        return parse_datetime(value).replace(tzinfo=dt_timezone.utc)
    return value


def _warned_link(warning_filter):
    """True for a tag link whose article carries a warning the filter hides (``WarningFilter.apply``'s rule
    read from the link)."""
    through = Article.warnings.through.objects
    hidden = [warning.pk for warning in warning_filter.warnings]
    return Exists(through.filter(article=OuterRef("content_object_id"), contentwarning__in=hidden))


def neighbours(article, warning_filter):
    """The visible articles published just before and just after ``article`` (either may be None).

    Two short queries, each a range of the publication-time index from ``article``'s own time on, one
    row long: cheaper to build and run than one query joining the two as subqueries. The older side
    names its bound before the visibility rule's ("published by now"): SQLite reads a range from the
    first upper bound it is given, and from now it would step through every newer article.
    """
    when, pk = article.published_at, article.pk
    older = warning_filter.apply(Article.objects.filter(published_at__lte=when).published())
    older = older.filter(Q(published_at__lt=when) | Q(pk__lt=pk)).order_by("-published_at", "-pk")
    newer = warning_filter.apply(Article.objects.published().filter(published_at__gte=when))
    newer = newer.filter(Q(published_at__gt=when) | Q(pk__gt=pk)).order_by("published_at", "pk")
    return tuple(side.only("title", "slug", "published_at").first() for side in (older, newer))
