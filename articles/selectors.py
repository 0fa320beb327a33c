"""Reader-side queries built on the one visibility rule, Article.objects.published().

Shared by the pages, feeds and sitemap so that a tag, an author or a link to another article
only ever appears because some article readers may see carries it. Each is one query.
"""

from django.db.models import Count, Exists, Max, OuterRef, Q
from taggit.models import Tag

from articles.models import Article, Author, TaggedArticle

RELATED_COUNT = 4


def visible_tags():
    """Tags carried by at least one visible article, by name, with their ``article_count``."""
    return (
        Tag.objects.filter(articles_taggedarticle_items__content_object__in=Article.objects.published())
        .annotate(article_count=Count("articles_taggedarticle_items", distinct=True))
        .order_by("name")
    )


def visible_tags_with_latest():
    """visible_tags(), each with ``latest``: when its newest visible article was published."""
    return visible_tags().annotate(latest=Max("articles_taggedarticle_items__content_object__published_at"))


def visible_authors():
    """Authors with at least one visible article, by name, with ``latest``."""
    return (
        Author.objects.filter(articles__in=Article.objects.published())
        .annotate(latest=Max("articles__published_at"))
        .order_by("name")
    )


def visible_tag(slug):
    """The tag with this slug if a visible article carries it, else None."""
    visible = TaggedArticle.objects.filter(tag=OuterRef("pk"), content_object__in=Article.objects.published())
    return Tag.objects.filter(Exists(visible), slug=slug).first()


def visible_author(slug):
    """The author with this slug if they have a visible article, else None."""
    visible = Article.objects.published().filter(author=OuterRef("pk"))
    return Author.objects.filter(Exists(visible), slug=slug).first()


def related_articles(article, warning_filter, count=RELATED_COUNT):
    """Visible articles sharing the most tags with ``article``, newest first among equals."""
    tag_ids = [tag.pk for tag in article.tags.all()]
    if not tag_ids:
        return []
    related = (
        Article.objects.published()
        .filter(tagged_items__tag__in=tag_ids)
        .exclude(pk=article.pk)
        .only("title", "slug", "published_at")  # what the list shows; keeps the grouping small
        .annotate(shared_tags=Count("tagged_items", distinct=True))
        .order_by("-shared_tags", "-published_at", "-id")
        .prefetch_related("warnings")
    )
    return list(warning_filter.apply(related)[:count])


def neighbours(article, warning_filter):
    """The visible articles published just before and just after ``article`` (either may be None)."""
    visible = warning_filter.apply(Article.objects.published()).exclude(pk=article.pk).only("title", "slug", "published_at")
    when, pk = article.published_at, article.pk
    older = visible.filter(Q(published_at__lt=when) | Q(published_at=when, pk__lt=pk)).order_by("-published_at", "-pk").first()
    newer = visible.filter(Q(published_at__gt=when) | Q(published_at=when, pk__gt=pk)).order_by("published_at", "pk").first()
    return older, newer
