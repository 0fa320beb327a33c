"""What the parser gives: an article's fields and its body as blocks. Pure data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

from articles.importing.elements import BulletList, Heading, Link, Paragraph, Quote, Tweet, block_text
from articles.importing.markdown import to_markdown
from articles.lexicon import fold, words_of

__all__ = ["BulletList", "Heading", "Link", "Paragraph", "ParsedArticle", "Quote", "Tweet"]


@dataclass(frozen=True)
class ParsedArticle:
    source_name: str
    source_hash: str
    title: str
    author: str | None
    published_on: date | None
    sections: tuple[str, ...]  # the sections a byline's line names ("in Analysis, Global")
    warning_note: str  # the stated warnings' wording, labels left out ("this story contains …")
    image_credit: str
    blocks: tuple = field(repr=False)
    stated_warnings: tuple[str, ...] = ()  # each warning as the page states it ("WARNING: this story …")
    published_at: datetime | None = None  # with its time (and zone, when the page gives one)
    title_confirmed: bool = True  # False: the headline did not win clearly over another line
    title_rival: str = ""  # that other line, when it did not
    title_margin: float = 1.0  # the headline's probability less the runner-up's (scoring.Scorer)
    other_dates: tuple[date, ...] = ()  # other publication dates the page gives (the date is then uncertain)
    ambiguous_date: str = ""  # the date as written ("05/06/2022") when nothing on the page says which number is the day
    title_echoed: bool = True  # False: none of the headline's words comes back in the article (echoes.echoed)
    author_alone: bool = False  # the author is only a name alone on its line under the headline (no "By", job or label)
    standfirst: str = ""  # the deck under the headline (decks.py)
    tags: tuple[str, ...] = ()  # the tags the page lists for the article (taglines.py: "Tags: Environment, River Tam")
    dated_by_clock: bool = False  # the date is the day a site's clock at the top of the page shows (perhaps when it was saved)

    @cached_property
    def body_markdown(self) -> str:
        return to_markdown(self.blocks)

    @property
    def plain_text(self) -> str:
        """Title and body as plain text, for matching vocabularies."""
        return "\n".join([self.title, *(block_text(block) for block in self.blocks)])

    @cached_property
    def folded_text(self) -> str:
        """plain_text folded for vocabulary matching (lexicon.fold), worked out once per page."""
        return fold(self.plain_text)

    @cached_property
    def folded_words(self) -> tuple[frozenset[str], tuple[str, ...]]:
        """The words of folded_text (lexicon.words_of), worked out once per page."""
        return words_of(self.folded_text)
