"""Article body source format → sanitised HTML. Pure: no Django models.

Bodies are stored as CommonMark (Markdown). Raw HTML in the source is not
interpreted (it is shown as text), and the HTML that Markdown produces is
passed through nh3 with a small allow-list, so nothing a person or a scraper
wrote can inject markup, scripts or styles into a page.

Pictures come only from the newsroom's library: a paragraph that is nothing but
``![](image:42)`` places library image 42 there (its alt text, caption and credit
are the library's; the text in brackets is only a note for editors). The caller
supplies each placed image's figure markup, made by the site's own template; an
unknown number, an image reference inside a sentence, and any other picture (a
URL) render nothing, and ``body_images`` reports them so that editors are told.
"""

import hashlib
import html
import importlib.metadata
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import nh3
from markdown_it import MarkdownIt

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "blockquote", "ul", "ol", "li",
    "a", "em", "strong", "code", "pre", "cite", "footer",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def sanitise_html(html: str) -> str:
    """Strip everything but the allowed tags, attributes and link schemes."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )


IMAGE_REFERENCE = re.compile(r"image:(\d{1,12})")
_MARK = "\ue000"  # a private-use character: marks where a placed image goes, through the sanitiser
_PLACED = re.compile(f"<p>{_MARK}(\\d+){_MARK}</p>\n?")
_PLACED_NUMBER = re.compile(f"<p>{_MARK}(\\d+){_MARK}</p>")
_EMPTY_PARAGRAPH = re.compile(r"<p></p>\n?")


@dataclass(frozen=True)
class BodyImages:
    placed: tuple[int, ...] = ()  # library images standing as paragraphs of their own, in order
    inline: tuple[str, ...] = ()  # references inside a sentence: not shown
    elsewhere: tuple[str, ...] = ()  # pictures from anywhere but the library (a URL): not shown

    @property
    def problems(self) -> list[str]:
        """What an editor should be told, one line each."""
        lines = [f"“{ref}” is inside a sentence: put the image on a line of its own" for ref in self.inline]
        lines += [f"“{ref}” is not a library image: only library images (image:NUMBER) are shown" for ref in self.elsewhere]
        return lines


def _standalone(children, index) -> bool:
    """True when the image token at ``index`` is all its paragraph holds (blank text and line breaks aside)."""
    return all(
        i == index or (token.type == "text" and not token.content.strip()) or token.type == "softbreak"
        for i, token in enumerate(children)
    )


def _clean_source(source: str) -> str:
    return (source or "").replace(_MARK, "")


def body_images(source: str) -> BodyImages:
    """The pictures a body's Markdown asks for, sorted into those placed, misplaced and from elsewhere."""
    placed, inline, elsewhere = [], [], []
    for token in _markdown.parse(_clean_source(source)):
        for index, child in enumerate(token.children or ()):
            if child.type != "image":
                continue
            src = child.attrGet("src") or ""
            match = IMAGE_REFERENCE.fullmatch(src)
            if match is None:
                elsewhere.append(src)
            elif _standalone(token.children, index):
                placed.append(int(match.group(1)))
            else:
                inline.append(src)
    return BodyImages(tuple(placed), tuple(inline), tuple(elsewhere))


def _image_rule(renderer, tokens, index, options, env):
    """A placed library image becomes a mark replaced after sanitising; any other picture, nothing."""
    match = IMAGE_REFERENCE.fullmatch(tokens[index].attrGet("src") or "")
    if match and _standalone(tokens, index):
        return f"{_MARK}{int(match.group(1))}{_MARK}"
    return ""


_markdown.add_render_rule("image", _image_rule)


def render_markdown(source: str, figures: Mapping[int, str] | None = None) -> str:
    """Render a Markdown body to HTML that is safe to put on a page. ``figures``: the markup of each
    placed library image by its number, made by the caller's own template (not sanitised here); a
    number it lacks renders nothing."""
    return place_figures(sanitised_html(source), figures)


def sanitised_html(source: str) -> str:
    """A Markdown body rendered and sanitised, each placed library image still a mark (``place_figures``
    puts the figures there): what articles/bodies.py keeps."""
    return sanitise_html(_markdown.render(_clean_source(source)))


def placed_numbers(clean: str) -> tuple[int, ...]:
    """The library images placed in ``sanitised_html``'s output, in order (no Markdown parse)."""
    return tuple(int(number) for number in _PLACED_NUMBER.findall(clean)) if _MARK in clean else ()


def place_figures(clean: str, figures: Mapping[int, str] | None = None) -> str:
    """``sanitised_html``'s output with each placed image's figure from ``figures`` (by number), and
    nothing where a number has none."""
    if _MARK not in clean and "<p></p>" not in clean:
        return clean
    figures = figures or {}
    placed = _PLACED.sub(lambda match: figures.get(int(match.group(1)), "") and figures[int(match.group(1))] + "\n",
                         clean).replace(_MARK, "")
    return _EMPTY_PARAGRAPH.sub("", placed)  # where a picture rendered nothing


def _rules_fingerprint() -> str:
    """What decides the HTML a body renders to: this module's source (allow-lists, rules, the image
    mark) and the versions of markdown-it-py and nh3."""
    try:
        own = Path(__file__).read_bytes()
    except OSError:  # run from bytecode alone: no HTML kept by another version is ever trusted
        own = os.urandom(16)
    versions = f"{importlib.metadata.version('markdown-it-py')}:{importlib.metadata.version('nh3')}"
    return hashlib.sha256(own + versions.encode()).hexdigest()


# Changes whenever the rendering rules may have: HTML kept under other rules is not used (articles/bodies.py).
RULES = _rules_fingerprint()


_WORD = re.compile(r"\w+(?:[’'-]\w+)*")


def plain_text(source: str) -> str:
    """The words a reader sees of a Markdown body, without markup."""
    return html.unescape(nh3.clean(render_markdown(source), tags=set()))


def word_count(source: str) -> int:
    """How many words a reader sees in a Markdown body (markup, link targets and symbols not counted)."""
    return len(_WORD.findall(plain_text(source)))
