"""What the parser gives: an article's fields and its body as blocks. Pure data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

from articles.lexicon import fold, words_of


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


@dataclass(frozen=True)
class ParsedArticle:
    source_name: str
    source_hash: str
    title: str
    author: str | None
    published_on: date | None
    sections: tuple[str, ...]
    warning_note: str  # the stated warnings' wording, labels left out ("this story contains …")
    image_credit: str
    blocks: tuple = field(repr=False)
    stated_warnings: tuple[str, ...] = ()  # each warning as the page states it ("WARNING: this story …")
    published_at: datetime | None = None  # with its time (and zone, when the page gives one)
    title_confirmed: bool = True  # False: no byline, date, deck or text confirmed which line is the headline

    @cached_property
    def body_markdown(self) -> str:
        from articles.importing.blocks import to_markdown

        return to_markdown(self.blocks)

    @property
    def plain_text(self) -> str:
        """Title and body as plain text, for matching vocabularies."""
        from articles.importing.blocks import block_text

        return "\n".join([self.title, *(block_text(block) for block in self.blocks)])

    @cached_property
    def folded_text(self) -> str:
        """plain_text folded for vocabulary matching (lexicon.fold), worked out once per page."""
        return fold(self.plain_text)

    @cached_property
    def folded_words(self) -> tuple[frozenset[str], tuple[str, ...]]:
        """The words of folded_text (lexicon.words_of), worked out once per page."""
        return words_of(self.folded_text)
