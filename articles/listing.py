"""What cards, related entries and an article's own part show beside each article's row, read in one flat
query per relation and set where every reader looks for it (``set_loaded``): ``Article.tag_list``,
``Article.warning_list`` and ``Image.rendition_list``.

The same queries ``ArticleQuerySet.for_listing``'s prefetches run, without ``prefetch_related``'s
machinery around them (a manager, a queryset and a filter per article and relation: a third of a
cold list page's time). The rows come in the prefetches' order (tags by name, warnings by label,
renditions by width).
"""

from collections import defaultdict

from taggit.models import Tag

from articles.models import LOADED_LISTS, Article, ContentWarning, Rendition, TaggedArticle

_TAG_FIELDS = ["id", "name", "slug"]  # what pages show of a tag (its other fields are read if asked for)
_WARNING_FIELDS = [field.attname for field in ContentWarning._meta.concrete_fields]  # the whole row


def load(articles, *, tags=True, warnings=True, renditions=True):
    """Read and set, for ``articles`` (rows already read, author and featured image joined): their
    tags, their warnings and their featured images' renditions; one query each, none for an empty
    list or (renditions) when none has a featured image."""
    articles = [article for article in articles if article is not None]
    if not articles:
        return
    ids = [article.pk for article in articles]
    if tags:
        by_article = defaultdict(list)
        links = TaggedArticle.objects.filter(content_object_id__in=ids).order_by("tag__name")
        for article_id, *tag in links.values_list("content_object_id", "tag_id", "tag__name", "tag__slug"):
            by_article[article_id].append(Tag.from_db(links.db, _TAG_FIELDS, tag))
        for article in articles:
            set_loaded(article, "tag_list", by_article[article.pk])
    if warnings:
        load_warnings(articles)
    if renditions:
        load_renditions([article.featured_image for article in articles if article.featured_image_id])


def load_warnings(articles):
    """Set the warnings of ``articles`` (one query; none for an empty list)."""
    articles = [article for article in articles if article is not None]
    if not articles:
        return
    through = Article.warnings.through.objects.filter(article_id__in=[article.pk for article in articles])
    by_article = defaultdict(list)
    rows = through.order_by("contentwarning__label").values_list("article_id", *(f"contentwarning__{name}" for name in _WARNING_FIELDS))
    for article_id, *warning in rows:
        by_article[article_id].append(ContentWarning.from_db(rows.db, _WARNING_FIELDS, warning))
    for article in articles:
        set_loaded(article, "warning_list", by_article[article.pk])


def load_renditions(images):
    """Set the renditions of ``images`` (library images, the same one possibly read more than once; one
    query, none for an empty list)."""
    images = list(images)
    if not images:
        return
    by_image = defaultdict(list)
    for rendition in Rendition.objects.filter(image__in={image.pk for image in images}):  # by image, width, format
        by_image[rendition.image_id].append(rendition)
    for image in images:
        set_loaded(image, "rendition_list", by_image[image.pk])


LISTS = LOADED_LISTS  # the cached properties readers read (articles/models.py)


def set_loaded(instance, name, rows):
    """Make ``instance.<name>`` (one of ``LISTS``: ``Article.tag_list``, ``Article.warning_list``,
    ``Image.rendition_list``) return ``rows``, read with other rows, without a query. A plain list, no
    manager or queryset made (a list page loads twenty articles' worth); the relation itself
    (``warnings.all()``) still reads the database."""
    if name not in LISTS:
        raise ValueError(f"{name!r} is not one of {LISTS}")
    instance.__dict__[name] = rows  # where the cached property keeps its value
