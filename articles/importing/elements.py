"""The blocks an article's body is made of (paragraphs, headings, lists, links, quotations, tweets) and
their plain text. Pure data: the parser builds them (blocks.py), markdown.py writes them out.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Link:
    url: str


@dataclass(frozen=True)
class Quote:
    """A quoted passage; ``blocks`` are Paragraphs or BulletLists."""

    blocks: tuple


@dataclass(frozen=True)
class Tweet:
    """An embedded tweet: its text, who posted it and when, and a link to it."""

    blocks: tuple
    author: str
    handle: str
    date_text: str

    @property
    def url(self) -> str:
        return f"https://twitter.com/{self.handle}"


def block_text(block) -> str:
    """A block's words as plain text (a list's items, a quotation's paragraphs, one to a line)."""
    if isinstance(block, Paragraph | Heading):
        return block.text
    if isinstance(block, BulletList):
        return "\n".join(block.items)
    if isinstance(block, Link):
        return block.url
    return "\n".join(block_text(child) for child in block.blocks)
