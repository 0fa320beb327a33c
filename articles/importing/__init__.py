"""Raw text of a published news web page → a parsed article. Pure: no database, no Django models.

The files are text dumps of whole pages: menus, date banners, tickers, the article, captions,
share rows, related lists and footers, one after another. The parser reads each line by what it
*is*, never by where it sits in a particular site's layout, in stages:

1. ``source``: check and decode the bytes (empty, binary, undecodable, too large → ParseError);
2. ``lines``: what each line is — furniture, a date, a byline, a stated warning, a caption, a
   headline-like line or running text (the vocabulary in ``phrases``);
3. ``header``: the headline (confirmed by what follows it), then a small state machine over the
   lines under it — deck, byline, date, sections, captions, warnings — to where the body starts;
4. ``blocks``: where the body ends, its paragraphs, headings, quotations, tweets, lists and links
   (``elements``), and ``markdown``: their Markdown (rendered and sanitised by articles/rendering.py).
"""

from __future__ import annotations

import hashlib

from articles.importing import lines as kinds
from articles.importing.blocks import build_body, find_end
from articles.importing.elements import block_text
from articles.importing.header import early_warnings, read_header
from articles.importing.markdown import to_markdown
from articles.importing.parsed import BulletList, Heading, Link, Paragraph, ParsedArticle, Quote, Tweet
from articles.importing.source import DEFAULT_MAX_BYTES, ParseError, decode_source, read_source

__all__ = [
    "DEFAULT_MAX_BYTES", "BulletList", "Heading", "Link", "Paragraph", "ParseError", "ParsedArticle", "Quote",
    "Tweet", "block_text", "decode_source", "parse_file", "parse_source", "read_source", "to_markdown",
]


def parse_file(path, *, max_bytes: int = DEFAULT_MAX_BYTES, month_first: bool = False) -> ParsedArticle:
    """Read and parse one file (never reading more than ``max_bytes`` + 1 bytes). Raises ParseError."""
    return parse_source(read_source(path, max_bytes), path.name, max_bytes=max_bytes, month_first=month_first)


def parse_source(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES, month_first: bool = False) -> ParsedArticle:
    """Parse one raw page dump. Raises ParseError naming ``name`` and the reason.

    ``month_first``: read "03/02/2021" as 2 March (US sites) rather than 3 February.
    """
    text = decode_source(data, name, max_bytes=max_bytes)
    lines = [kinds.clean_line(line) for line in text.splitlines()]
    header = read_header(lines, month_first=month_first)
    if header is None:
        raise ParseError(name, "no title found (no headline-like line in the text)")
    end = find_end(lines, header.body_start)
    body_lines = ([header.body_lead] if header.body_lead else []) + lines[header.body_start:end]
    later_warnings, body_lines = early_warnings(body_lines)
    warnings = [*header.warnings, *later_warnings]

    image_credit = ""
    for line in lines[header.body_start:]:
        match = kinds.IMAGE_CREDIT.match(line)
        if match:
            image_credit = match.group("credit").strip()
            break

    return ParsedArticle(
        source_name=name,
        source_hash=hashlib.sha256(data).hexdigest(),
        title=header.title,
        title_confirmed=header.title_confirmed,
        author=header.author,
        published_on=header.dated.day if header.dated else None,
        published_at=header.dated.at if header.dated else None,
        sections=tuple(header.sections),
        warning_note=" ".join(w.note or w.statement for w in warnings),
        stated_warnings=tuple(w.statement for w in warnings),
        image_credit=image_credit,
        blocks=tuple(build_body(body_lines)),
    )
