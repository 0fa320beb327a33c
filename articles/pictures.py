"""Library images as readers see them: responsive ``<picture>`` markup, graphic images covered, and the
figures a body places (articles/rendering.py).

Every size and format was made once, on upload (articles/image_store.py): a page only reads the
``Rendition`` rows, prefetched with the image, and never makes a file. Which images readers may see
where is decided here:

- on the article page, the featured image and the body's figures sit inside the warning's reveal
  like the text (templates/includes/article_text.html); a graphic one is covered, with its caption
  and a "Show image" control, even once the article is revealed;
- away from the page (lists, related articles, search results, link previews, feeds) only an
  unwarned article's non-graphic featured image appears: ``shareable_image``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from html import escape as _escape

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from articles import bodies, listing
from articles.models import Image
from articles.rendering import body_images, place_figures, placed_numbers

# The column the article text sits in is at most about 46rem wide; lists show a small thumbnail.
ARTICLE_SIZES = "(min-width: 50rem) 46rem, 100vw"
CARD_SIZES = "(min-width: 50rem) 12rem, 33vw"


@dataclass(frozen=True)
class Source:
    mime_type: str
    srcset: str


@dataclass(frozen=True)
class Picture:
    """What picture_html needs of one image."""

    image: object  # an articles.models.Image, renditions prefetched
    sources: tuple[Source, ...]  # WebP first; the fallback is the <img> itself
    src: str
    srcset: str
    width: int
    height: int
    sizes: str
    lazy: bool


def picture(image, *, sizes=ARTICLE_SIZES, lazy=True) -> Picture:
    """The <picture> of a library image: WebP renditions first, JPEG or PNG as the fallback, the image's
    own width and height (no layout shift)."""
    by_format: dict[str, list] = {}
    for rendition in image.rendition_list:  # read with the image's row or prefetched: ordered by width
        by_format.setdefault(rendition.format, []).append(rendition)
    fallback = by_format.get("JPEG") or by_format.get("PNG") or []
    webp = by_format.get("WEBP", [])

    def srcset(renditions):
        return ", ".join(f"{file_url(rendition.file)} {rendition.width}w" for rendition in renditions)

    middle = fallback[len(fallback) // 2] if fallback else None
    return Picture(
        image=image,
        sources=(Source("image/webp", srcset(webp)),) if webp else (),
        src=file_url(middle.file if middle else image.file),
        srcset=srcset(fallback),
        width=image.width,
        height=image.height,
        sizes=sizes,
        lazy=lazy or image.graphic,  # a covered image is fetched only when the reader shows it
    )


def file_url(file) -> str:
    """``file.url``, remembered by storage and name: a picture's files are named once and never reused, and
    their storage's URLs are unsigned (settings.STORAGES), so a name's URL holds while the settings do.
    A list of twenty cards asks for a hundred or so."""
    return _url(file.storage, file.name)


@lru_cache(maxsize=50_000)
def _url(storage, name):
    return storage.url(name)


@receiver(setting_changed)
def _forget_urls(setting, **kwargs):
    if setting in {"STORAGES", "MEDIA_URL", "MEDIA_ROOT"}:
        _url.cache_clear()


def picture_html(picture: Picture) -> str:
    """The <picture> element: WebP where the browser takes it, JPEG or PNG otherwise; width and height
    reserve its space. Built here, every value escaped, rather than by a template or ``format_html``: a
    list shows up to twenty."""
    image = picture.image
    sizes = escape(picture.sizes)
    sources = "".join(f'<source type="{escape(s.mime_type)}" srcset="{escape(s.srcset)}" sizes="{sizes}">'
                      for s in picture.sources)
    srcset = f' srcset="{escape(picture.srcset)}" sizes="{sizes}"' if picture.srcset else ""
    alt = "" if image.decorative else escape(image.alt_text)
    lazy = ' loading="lazy"' if picture.lazy else ""
    return mark_safe(
        f'<picture>{sources}<img src="{escape(picture.src)}"{srcset} width="{escape(picture.width)}"'
        f' height="{escape(picture.height)}" alt="{alt}"{lazy} decoding="async"></picture>'
    )


def escape(value) -> str:
    """What ``django.utils.html.escape`` writes (the standard library's ``html.escape`` of the text), without
    the lazy-text wrapper around it."""
    return _escape(str(value))


def figure_html(image, *, lazy=True) -> str:
    """A figure of ``image`` as the article page shows it (templates/includes/figure.html)."""
    return render_to_string("includes/figure.html", {"picture": picture(image, lazy=lazy)})


def figures_for(images) -> dict[int, str]:
    """The figure markup of each image, by its number, for rendering.render_markdown."""
    return {image.pk: figure_html(image) for image in images}


def body_html(article) -> str:
    """An article's (or a revision preview's) body rendered from Markdown and sanitised (the HTML kept on its
    row when it may be used: articles/bodies.py), with the library images it places as figures."""
    clean = bodies.sanitised_html(article)
    return place_figures(clean, figures_for(_images(placed_numbers(clean))))


def placed_images(source: str):
    """The library images a body places, with their renditions (two queries; none for a body without any)."""
    return _images(body_images(source).placed if "image:" in (source or "") else ())


def _images(numbers):
    if not numbers:
        return []
    images = list(Image.objects.filter(pk__in=numbers))
    listing.load_renditions(images)
    return images


def shareable_image(article):
    """The featured image readers may see away from the article page (lists, link previews, feeds):
    only an unwarned article's, and never a graphic one. None otherwise."""
    image = article.featured_image
    if image is None or image.graphic or article.warning_list:
        return None
    return image
