"""Tags: merging, which keeps every old tag URL working."""

from django.db import transaction

from articles.workflow.errors import WorkflowError
from articles.workflow.permissions import is_editor


def merge_tags(keep, others, user) -> int:
    """Move every article of ``others`` to ``keep``, delete them, and redirect their URLs to ``keep``.

    Returns how many articles were retagged.
    """
    from taggit.models import Tag

    from articles.models import TaggedArticle, TagRedirect

    if not is_editor(user):
        raise WorkflowError("Only an editor may merge tags.")
    others = [tag for tag in others if tag.pk != keep.pk]
    if not others:
        raise WorkflowError("Choose at least one tag to merge into the kept one.")
    with transaction.atomic():
        keep = Tag.objects.select_for_update().get(pk=keep.pk)
        moved = 0
        tagged_with_keep = set(TaggedArticle.objects.filter(tag=keep).values_list("content_object_id", flat=True))
        for tag in others:
            for item in TaggedArticle.objects.filter(tag=tag):
                if item.content_object_id in tagged_with_keep:
                    item.delete()
                else:
                    item.tag = keep
                    item.save(update_fields=["tag"])
                    tagged_with_keep.add(item.content_object_id)
                    moved += 1
            TagRedirect.objects.filter(tag=tag).update(tag=keep)
            TagRedirect.objects.update_or_create(old_slug=tag.slug, defaults={"tag": keep})
            tag.delete()
        TagRedirect.objects.filter(old_slug=keep.slug).delete()
    return moved
