"""Tags: merging, which keeps every old tag URL (pages and feeds) working.

A merge is a few statements whatever the number of articles: no row is saved one by one. The
database's own triggers keep each article's search document in step (articles/searchindex.py,
migration 0016); the page cache hears of the change once, through the signal Django sends when a
relation changes (``m2m_changed`` on the tags' through model, from the tag's side), and through the
merged tags' deletion.
"""

from django.db import connections, router, transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed
from taggit.models import Tag

from articles.models import Article, TaggedArticle, TagRedirect
from articles.workflow.errors import WorkflowError
from articles.workflow.permissions import require


def merge_tags(keep, others, user) -> int:
    """Move every article of ``others`` to ``keep``, delete them, and redirect their URLs to ``keep``.

    All the tags are locked first (in id order), so an article tagged with one of them meanwhile is
    either merged too or refused, never lost. Returns how many articles carried a merged tag (each
    now carries ``keep`` instead).
    """
    require(user, "merge_tags")
    other_ids = sorted({tag.pk for tag in others} - {keep.pk})
    if not other_ids:
        raise WorkflowError("Choose at least one tag to merge into the kept one.")
    using = router.db_for_write(TaggedArticle)
    with transaction.atomic(using=using):
        locked = {tag.pk: tag for tag in Tag.objects.select_for_update().filter(pk__in=[keep.pk, *other_ids]).order_by("pk")}
        if keep.pk not in locked:
            raise WorkflowError(f"The tag “{keep.name}” no longer exists.")
        keep, other_ids = locked[keep.pk], [pk for pk in other_ids if pk in locked]
        merged = TaggedArticle.objects.filter(tag_id__in=other_ids)
        retagged = set(merged.values_list("content_object_id", flat=True))
        # One link per article moves to the kept tag, unless the article has it already; the rest go.
        firsts = merged.exclude(content_object__tagged_items__tag=keep).values("content_object_id").annotate(first=Min("pk"))
        moved = TaggedArticle.objects.filter(pk__in=firsts.values("first")).update(tag=keep)
        _unlink(using, other_ids)
        TagRedirect.objects.filter(tag_id__in=other_ids).update(tag=keep)
        redirects = [TagRedirect(old_slug=locked[pk].slug, tag=keep) for pk in other_ids]
        TagRedirect.objects.bulk_create(redirects, update_conflicts=True, unique_fields=["old_slug"], update_fields=["tag"])
        TagRedirect.objects.filter(old_slug=keep.slug).delete()
        Tag.objects.filter(pk__in=other_ids).delete()
        if moved:
            m2m_changed.send(
                sender=TaggedArticle, instance=keep, action="post_add", reverse=True, model=Article, pk_set=retagged,
                using=using,
            )
    return len(retagged)


def _unlink(using, tag_ids):
    """Delete the links of ``tag_ids`` in one statement (a queryset's delete would send a signal per row)."""
    table = connections[using].ops.quote_name(TaggedArticle._meta.db_table)
    column = connections[using].ops.quote_name(TaggedArticle._meta.get_field("tag").column)
    with connections[using].cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {column} IN ({', '.join(['%s'] * len(tag_ids))})", tag_ids)
