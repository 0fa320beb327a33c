"""An article's card, as the home, tag and author pages list it, and its entry among another article's
related articles, built in Python.

The markup is templates/includes/article_card.html's (with its byline, warning labels and tags) and
templates/includes/related_item.html's, byte for byte: a list shows twenty cards, and the template language spends about 0.3 ms on each
(thirty-odd variable lookups, three includes, two ``date`` filters) where this takes a tenth of
it. tests/test_cards.py renders both for every kind of card (warned, pictured, with a snippet or a
standfirst or neither, with and without a byline, tags, a date) and requires them equal, so the
template stays the one description of a card (search results still use it) and a change to it
fails there until this follows. Likewise for the related entry.

Needs an article loaded as for a list (author and featured image joined, ``tag_list``,
``warning_list`` and the image's ``rendition_list`` read: articles/pagereads.py), or prefetched as
``for_listing`` does.
"""

from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.html import conditional_escape

from articles import pictures
from articles.pictures import escape  # (Django's escape without its lazy-text wrapper: a list escapes ~400 values)
from articles.urling import path_to


def card_html(article, heading_level=2, snippet=None) -> str:
    """The card of ``article`` as HTML (escaped here, as the template escapes)."""
    warnings = article.warning_list
    shown_image = pictures.shareable_image(article)
    classes = "card" + (" card--warned" if warnings else "") + (" card--pictured" if shown_image else "")
    picture = (f'<div class="card__picture">{pictures.picture_html(pictures.picture(shown_image, sizes=pictures.CARD_SIZES))}</div>'
               if shown_image else "")
    level = heading_level or 2
    if warnings:
        excerpt = f'\n    {warning_labels(warnings)}\n  '
    elif snippet:
        excerpt = f'\n    <p class="card__snippet">{conditional_escape(snippet)}</p>\n  '
    elif article.standfirst:
        excerpt = f'\n    <p class="card__standfirst">{escape(article.standfirst)}</p>\n  '
    else:
        excerpt = ""
    return (
        f'\n\n\n<article class="{classes}">\n'
        f"  {picture}\n"
        f'  <h{level} class="card__title"><a href="{escape(article.get_absolute_url())}">{escape(article.title)}</a></h{level}>\n'
        f"  {byline(article)}\n"
        f"  {excerpt}\n"
        f"  {tags(article.tag_list)}\n"
        "</article>\n\n"
    )


def related_html(other, warnings) -> str:
    """templates/includes/related_item.html's output for ``other`` (``warnings``: its warnings, by label)."""
    when = ""
    if other.published_at:
        local = timezone.localtime(other.published_at)
        when = f'<time datetime="{local.isoformat()}">{_long_date(local)}</time>'
    return (
        '<li class="related__item">\n'
        f'        <a class="related__title" href="{escape(other.get_absolute_url())}">{escape(other.title)}</a>\n'
        f"        {when}\n"
        f"        {warning_labels(warnings) if warnings else ''}\n"
        "      </li>"
    )


def byline(article) -> str:
    """templates/includes/byline.html's output."""
    author, published = article.author, article.published_at
    if not (author or published):
        return "\n\n"
    by = f'By <a href="{escape(author.get_absolute_url())}">{escape(author.name)}</a>' if author else ""
    dot = '<span aria-hidden="true"> · </span>' if author and published else ""
    when = ""
    if published:
        local = timezone.localtime(published)
        when = f'<time datetime="{local.isoformat()}">{_long_date(local)}</time>'
    return f'\n\n<p class="byline">\n  {by}\n  {dot}\n  {when}\n</p>\n\n'


def warning_labels(warnings) -> str:
    """templates/includes/warning_labels.html's output."""
    labels = ", ".join(escape(warning.label) for warning in warnings)
    return f'\n<p class="card__warning">Content warning: {labels}</p>\n'


def tags(tag_list) -> str:
    """templates/includes/tags.html's output."""
    if not tag_list:
        return "\n\n  \n\n"
    links = "".join(f'<li><a href="{escape(path_to("articles:tag-detail", tag.slug))}">{escape(tag.name)}</a></li>'
                    for tag in tag_list)
    return f'\n\n  \n    <ul class="tags" aria-label="Tags">\n      {links}\n    </ul>\n  \n\n'


def _long_date(local) -> str:
    """As the ``date:"j F Y"`` filter writes a local time."""
    return f"{local.day} {MONTHS[local.month]} {local.year:04d}"
