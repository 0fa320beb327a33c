"""The rule for graphic images: an article readers can see shows one only under a content warning."""

from articles.pictures import placed_images
from articles.workflow.errors import WorkflowError


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
