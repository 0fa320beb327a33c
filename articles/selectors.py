"""Reader-side queries built on the one visibility rule, Article.objects.published().

Shared by the pages, feeds and sitemap so that a tag, an author or a link to another article
only ever appears because some article readers may see carries it. Each is one query.
"""

from django.db.models import Count, Exists, OuterRef, Q, Subquery
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


def article_links(article, warning_filter, tag_ids):
    """``(older, newer, related)``: the visible articles published just before and just after ``article``
    (either may be None), and those sharing the most of ``tag_ids`` (its tags) with it, newest first
    among equals, other than it and those two (linked already), at most RELATED_COUNT. One query.

    Related articles are chosen among the RELATED_CANDIDATES newest visible articles sharing any tag
    with it, so the cost does not grow with the archive; each neighbour's id is a short range of the
    publication-time index from ``article``'s own time on (a scalar subquery each). The query reads
    the neighbours and two candidates more than that (either neighbour may be one); the nearest rows
    on each side are the neighbours, since every candidate passes the same rule and filter. The older
    side names its bound before the visibility rule's ("published by now"): SQLite reads a range from
    the first upper bound it is given, and from now it would step through every newer article. Their
    warnings are the caller's to read.
    """
    when, pk = article.published_at, article.pk
    older = warning_filter.apply(Article.objects.filter(published_at__lte=when).published())
    older = older.filter(Q(published_at__lt=when) | Q(pk__lt=pk))
    newer = warning_filter.apply(Article.objects.published().filter(published_at__gte=when))
    newer = newer.filter(Q(published_at__gt=when) | Q(pk__gt=pk))
    wanted = (Q(pk=Subquery(older.order_by("-published_at", "-pk").values("pk")[:1]))
              | Q(pk=Subquery(newer.order_by("published_at", "pk").values("pk")[:1])))
    if tag_ids:
        shares_a_tag = Exists(TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag__in=tag_ids))
        candidates = (
            warning_filter.apply(Article.objects.published().filter(shares_a_tag).exclude(pk=pk))
            .order_by("-published_at", "-id")
            .values("pk")[: RELATED_CANDIDATES + 2]
        )
        wanted |= Q(pk__in=candidates)
    rows = Article.objects.filter(wanted).order_by("-published_at", "-id")
    if tag_ids:
        rows = rows.annotate(shared_tags=Count("tagged_items", filter=Q(tagged_items__tag__in=tag_ids)))
    shared = ("shared_tags",) if tag_ids else ()
    db, rows = rows.db, list(rows.values_list(*_LINK_FIELDS, *shared))  # Articles are made only of those shown
    here = (when, pk)
    older = next((row for row in rows if (row[3], row[0]) < here), None)
    newer = next((row for row in reversed(rows) if (row[3], row[0]) > here), None)
    pool = [row for row in rows if row is not older and row is not newer][:RELATED_CANDIDATES] if tag_ids else []
    pool.sort(key=lambda row: row[-1], reverse=True)  # most shared tags first; stable: newest first among equals
    return _link(db, older), _link(db, newer), [_link(db, row) for row in pool[:RELATED_COUNT]]


_LINK_FIELDS = ("id", "title", "slug", "published_at")  # what the links show, in the model's field order


def _link(db, row):
    """An Article of the link's fields only (the others deferred), as ``only()`` reads it."""
    return None if row is None else Article.from_db(db, _LINK_FIELDS, row[: len(_LINK_FIELDS)])
