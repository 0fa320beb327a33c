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


def related_articles(article, warning_filter, tag_ids, count=RELATED_COUNT, exclude=()):
    """Visible articles sharing the most of ``tag_ids`` (``article``'s tags) with ``article``, newest
    first among equals, other than ``article`` and the articles in ``exclude`` (its older and newer
    neighbours, linked already).

    Chosen among the RELATED_CANDIDATES newest visible articles sharing any tag with it, so the
    cost does not grow with the archive (one query; their warnings are the caller's to read).
    """
    if not tag_ids:
        return []
    shares_a_tag = Exists(TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag__in=tag_ids))
    left_out = [article.pk, *(other.pk for other in exclude)]
    candidates = (
        warning_filter.apply(Article.objects.published().filter(shares_a_tag).exclude(pk__in=left_out))
        .order_by("-published_at", "-id")
        .values("pk")[:RELATED_CANDIDATES]
    )
    related = (
        Article.objects.filter(pk__in=candidates)
        .only("title", "slug", "published_at")  # what the list shows
        .annotate(shared_tags=Count("tagged_items", filter=Q(tagged_items__tag__in=tag_ids)))
        .order_by("-shared_tags", "-published_at", "-id")
    )
    return list(related[:count])


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
