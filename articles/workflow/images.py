"""The rule for graphic images: an article readers can see shows one only under a content warning.

It is checked on every path that could break it: publishing, approving a revision, deciding
warnings, and changing a library picture that published articles show (``change_picture``), which
also puts each change readers can see on those articles' record of decisions.
"""

from django.db import transaction
from django.db.models import Q

from articles.models import Article, BodyImage, Image
from articles.pictures import placed_images
from articles.workflow.errors import WorkflowError
from articles.workflow.record import record

# What readers see of a picture; a change to any of them on a published article's picture is put on record.
READER_FIELDS = ("graphic", "caption", "credit", "alt_text", "decorative")


def graphic_images(featured_image, body: str) -> list:
    """The graphic library images an article with this featured image and body would show."""
    return [image for image in [featured_image, *placed_images(body)] if image is not None and image.graphic]


def check_graphic_images(title: str, featured_image, body: str, warnings) -> None:
    """Refuse, naming the images, when a graphic image would be shown with no content warning decided on
    the article (``warnings``: the warnings that would apply)."""
    graphic = graphic_images(featured_image, body)
    if graphic and not list(warnings):
        names = ", ".join(f"“{image.title}”" for image in graphic)
        raise WorkflowError(
            f"“{title}” shows a graphic image ({names}): readers may see it only under a content warning. "
            "Decide the warnings that apply (for example Graphic violence) first."
        )


def showing(image):
    """The published articles (live or scheduled) that show ``image``: featured, or placed in the body."""
    placed = BodyImage.objects.filter(image=image).values("article")
    return Article.objects.filter(Q(featured_image=image) | Q(pk__in=placed), status=Article.Status.PUBLISHED)


def check_picture_change(image, graphic: bool) -> None:
    """Refuse marking ``image`` graphic while a published article without content warnings shows it,
    naming those articles."""
    if not graphic or image.pk is None:
        return
    unwarned = showing(image).filter(warnings__isnull=True).order_by("title")
    titles = list(unwarned.values_list("title", flat=True)[:10])
    if titles:
        names = ", ".join(f"“{title}”" for title in titles)
        raise WorkflowError(
            f"“{image.title}” cannot be marked graphic: published articles show it without a content warning "
            f"({names}). Decide their warnings first (for example Graphic violence), or take the picture out of them."
        )


def change_picture(image, user) -> list[str]:
    """Save the described fields of a library picture (``image`` carries the new values), refusing a
    change that breaks the graphic rule, and put what readers see changing on the record of every
    published article showing it, in one transaction. Returns the names of the fields readers see
    that changed."""
    with transaction.atomic():
        before = Image.objects.select_for_update().get(pk=image.pk)
        articles = list(showing(image).select_for_update().order_by("pk"))  # their warnings cannot change meanwhile
        changed = [name for name in READER_FIELDS if getattr(before, name) != getattr(image, name)]
        if image.graphic and not before.graphic:
            check_picture_change(image, graphic=True)
        image.save()
        if changed:
            changes = {
                "picture": f"“{image.title}” (No. {image.pk})",
                "picture_changes": [f"{Image._meta.get_field(name).verbose_name}: {_shown(getattr(before, name))} → "
                                    f"{_shown(getattr(image, name))}" for name in changed],
            }
            for article in articles:
                record(article, user, "picture_changed", article.status, article.status, "", changes)
    return changed


def _shown(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return f"“{value}”" if value else "(empty)"
