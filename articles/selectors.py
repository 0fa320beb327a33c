"""Reader-side queries built on the one visibility rule, Article.objects.published().

Shared by the pages, feeds and sitemap so that a tag, an author or a link to another article
only ever appears because some article readers may see carries it. Each is one query (earlier
coverage, ``related_articles``, two).
"""

from datetime import timezone as dt_timezone

from django.db import connections
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone
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
    tags is among the newest of each tag it shares, so every one of its shared tags is read. Written
    as SQL (each part a derived table, the form both PostgreSQL and SQLite take): building it with the
    ORM cost more than twice what running it does.
    """
    if not tag_ids:
        return {}
    pk = article.pk
    left_out = [other.pk for other in exclude if other is not None]
    hidden = [warning.pk for warning in warning_filter.warnings] if warning_filter else []
    conditions, params = [], []
    if left_out:
        conditions.append(f"AND l.content_object_id NOT IN ({', '.join(['%s'] * len(left_out))})")
        params.extend(left_out)
    if hidden:
        conditions.append(
            f"AND NOT EXISTS (SELECT 1 FROM {_WARNINGS_TABLE} w WHERE w.article_id = l.content_object_id"
            f" AND w.contentwarning_id IN ({', '.join(['%s'] * len(hidden))}))")
        params.extend(hidden)
    part = (  # each part's columns named: SQLite's derived tables keep the alias "l." otherwise
        f"SELECT * FROM (SELECT l.content_object_id AS article, l.visible_from AS at, l.tag_id AS tag FROM {_LINKS_TABLE} l"
        " WHERE l.tag_id = %s AND l.visible_from <= %s AND l.visible_from <= %s"
        " AND (l.visible_from < %s OR l.content_object_id < %s) " + " ".join(conditions) +
        " ORDER BY l.visible_from DESC, l.content_object_id DESC LIMIT %s) AS part"
    )
    # The visibility rule (published by now) after the article's own time: SQLite reads a range from the
    # first upper bound it is given (see ``neighbours``).
    connection = connections[TaggedArticle.objects.db]
    when, now = (connection.ops.adapt_datetimefield_value(moment) for moment in (article.published_at, timezone.now()))
    statements, all_params = [], []
    for number, tag_id in enumerate(sorted(set(tag_ids))):
        statements.append(f"{part}{number}")
        all_params.extend([tag_id, when, now, when, pk, *params, RELATED_CANDIDATES])
    found = {}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(statements), all_params)
        for other, at, tag_id in cursor.fetchall():
            found.setdefault(other, (raw_time(at), set()))[1].add(tag_id)
    newest = sorted(found, key=lambda other: (found[other][0], other), reverse=True)[:RELATED_CANDIDATES]
    return {other: (-found[other][0].timestamp(), found[other][1]) for other in newest}


_LINKS_TABLE = TaggedArticle._meta.db_table
_WARNINGS_TABLE = Article.warnings.through._meta.db_table


def raw_time(value):
    """A time read by raw SQL, as the ORM would read it: SQLite gives its UTC text or a naive datetime,
    PostgreSQL an aware one."""
    if isinstance(value, str):
        value = parse_datetime(value)
    return value.replace(tzinfo=dt_timezone.utc) if value.tzinfo is None else value


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
