"""The tags a person may see, and the most used of them, offered under the article form's Tags field so that
a writer reuses the newsroom's tag ("Siege of Aleppo") instead of coining a near twin ("Aleppo siege").

Writers see the tags readers see and those on their own articles, counted by published articles only: never
a tag only another writer's draft carries, nor a number that gives such a draft away. Editors see them all."""

from django.db.models import Count, Q
from taggit.models import Tag

from articles import workflow
from articles.models import Article, TaggedArticle

SHOWN = 12  # tags offered under the field
RELATION = "articles_taggedarticle_items__content_object"


def visible_tags(user, tags=None):
    """The tags (of ``tags``, else all) ``user`` may see: all for editors; for anyone else those on published
    articles or her own."""
    tags = Tag.objects.all() if tags is None else tags
    if workflow.is_editor(user):
        return tags
    visible = Article.objects.published().values("pk")
    own = Article.objects.owned_by(user).values("pk")
    # A subquery, not a join and DISTINCT: each tag once, and no DISTINCT for an ORDER BY on a count to trip
    # (PostgreSQL refuses one when the count's parameters are bound on the server: DATABASE_PREPARED_STATEMENTS).
    links = TaggedArticle.objects.filter(Q(content_object__in=visible) | Q(content_object__in=own))
    return tags.filter(pk__in=links.values("tag_id"))


def article_count(user, relation):
    """Count of articles behind ``relation``: all of them for editors, only published ones for anyone else."""
    if workflow.is_editor(user):
        return Count(relation, distinct=True)
    published = Article.objects.published().values("pk")
    return Count(relation, filter=Q(**{f"{relation}__in": published}), distinct=True)


def most_used(user, limit=SHOWN) -> list[str]:
    """The names of the ``limit`` tags ``user`` may see on the most articles, most used first."""
    tags = visible_tags(user).annotate(used=article_count(user, RELATION)).filter(used__gt=0)
    return list(tags.order_by("-used", "name").values_list("name", flat=True)[:limit])
