"""Template tags of the editors' admin."""

from django import template

from articles.admin.images import thumbnail_html

register = template.Library()


@register.simple_tag
def thumbnail(image, width):
    """A library picture's thumbnail at most ``width`` pixels wide (its renditions prefetched)."""
    return thumbnail_html(image, width)
