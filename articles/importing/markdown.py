"""Parsed blocks → the Markdown source stored in Article.body (rendered and sanitised by
articles/rendering.py). Pure.
"""

from __future__ import annotations

import re

from articles.importing.elements import BulletList, Heading, Link, Paragraph, Quote, Tweet

_PIC_LINK = re.compile(r"(?<![\w/])(pic\.twitter\.com/\w+)")
_INLINE_URL = re.compile(r"(?<![\w<(])(https?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"”’])")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")
_MD_LINE_START = re.compile(r"^(\s*)([+\-=>]|\d+[.)])(?=\s|$)")


def _escape(text: str) -> str:
    """Escape Markdown syntax in plain text, then turn bare URLs and pic.twitter.com links into autolinks."""
    if "http" not in text:  # (most paragraphs: no address to link)
        return _escape_line_start(_escape_plain(text))
    pieces = []
    last = 0
    for match in _INLINE_URL.finditer(text):
        pieces.append(_escape_plain(text[last:match.start()]))
        pieces.append(f"<{match.group(1)}>")
        last = match.end()
    pieces.append(_escape_plain(text[last:]))
    return _escape_line_start("".join(pieces))


def _escape_line_start(text: str) -> str:
    """The text with a mark Markdown reads at a line's start escaped ("1. ", "- ", "> ", "="): a list's, a
    quotation's, a heading's underline. (Looked for before substituting: most text opens with none.)"""
    if not _MD_LINE_START.match(text):
        return text
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _escape_plain(text: str) -> str:
    if "pic.twitter.com/" not in text:
        return _MD_SPECIAL.sub(r"\\\1", text) if _MD_SPECIAL.search(text) else text  # (most text: nothing to escape)
    pieces = []
    last = 0
    for match in _PIC_LINK.finditer(text):
        pieces.append(_MD_SPECIAL.sub(r"\\\1", text[last:match.start()]))
        pieces.append(f"[{match.group(1)}](https://{match.group(1)})")
        last = match.end()
    pieces.append(_MD_SPECIAL.sub(r"\\\1", text[last:]))
    return "".join(pieces)


def _block_markdown(block) -> list[str]:
    if isinstance(block, Paragraph):
        return [_escape(block.text)]
    if isinstance(block, Heading):
        return ["## " + _escape(block.text)]
    if isinstance(block, BulletList):
        return ["\n".join("- " + _escape(item) for item in block.items)]
    if isinstance(block, Link):
        return [f"<{block.url}>"]
    if isinstance(block, Quote | Tweet):
        inner = [part for child in block.blocks for part in _block_markdown(child)]
        if isinstance(block, Tweet):
            who = _escape(f"{block.author} (@{block.handle})".strip())
            inner.append(f"— [{who}]({block.url}), {_escape(block.date_text)}")
        quoted = "\n>\n".join("\n".join("> " + line if line else ">" for line in part.split("\n")) for part in inner)
        return [quoted]
    raise TypeError(f"unknown block {block!r}")


def to_markdown(blocks) -> str:
    """Serialise parsed blocks as the Markdown source stored in Article.body."""
    return "\n\n".join(part for block in blocks for part in _block_markdown(block)) + ("\n" if blocks else "")
