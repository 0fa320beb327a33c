"""Article body source format → sanitised HTML. Pure: no Django models.

Bodies are stored as CommonMark (Markdown). Raw HTML in the source is not
interpreted (it is shown as text), and the HTML that Markdown produces is
passed through nh3 with a small allow-list, so nothing a person or a scraper
wrote can inject markup, scripts or styles into a page.
"""

import html
import re

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


def render_markdown(source: str) -> str:
    """Render a Markdown body to HTML that is safe to put on a page."""
    return sanitise_html(_markdown.render(source or ""))


_WORD = re.compile(r"\w+(?:[’'-]\w+)*")


def plain_text(source: str) -> str:
    """The words a reader sees of a Markdown body, without markup."""
    return html.unescape(nh3.clean(render_markdown(source), tags=set()))


def word_count(source: str) -> int:
    """How many words a reader sees in a Markdown body (markup, link targets and symbols not counted)."""
    return len(_WORD.findall(plain_text(source)))
