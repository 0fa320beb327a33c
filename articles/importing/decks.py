"""The deck (standfirst) a page gives under its headline: the sentence or clause that tells the story in brief,
which neither the header's credits nor the body take ("Campaigners spent four years gathering water samples to win
the designation"). It becomes the article's standfirst. Pure.
"""

from __future__ import annotations

import re

from articles.importing import cautions, dates, endings, persons, shape
from articles.importing import lines as kinds
from articles.importing.opening import is_photo_caption, opens_with_dateline

DECK_WORDS = (6, 60)  # the fewest and the most words a deck has
_AGENCY_AT_END = re.compile(r"[^\W\d]\s+(?:Reuters|AFP|AP|EPA|Getty Images|Xinhua|Anadolu|PA|AAP|Supplied)$")
_SPEAKER = re.compile(r"[”\"’']\s*[—–―-]+\s*[A-Z]")  # a quotation closed, then its speaker


def deck(lines: list[str], title_at: int, title: str, passed_over: list[str]) -> str:
    """The first line under the headline (a repeat of the headline and furniture passed over), when it is among the
    lines neither the header's credits nor the body took (``passed_over``: the lines the body's scorer passed over
    and the header's own lines) and reads as a deck: six to sixty words, not all capitals, no byline, date, note,
    warning, caption, promotion, teaser or link; "" otherwise."""
    for index in range(title_at + 1, min(len(lines), title_at + 1 + DECK_REACH)):
        line = lines[index]
        if not line or line == title or line == lines[title_at] or kinds.is_chrome(line):
            continue
        credits = [other for other in lines[index + 1:index + 1 + DECK_REACH] if other][:CREDITS_UNDER]
        credited = any(kinds.byline(other) or persons.bare_name(other) or dates.date_line(other) for other in credits)
        return line if credited and line in passed_over and _reads_as_deck(line, title) else ""
    return ""


CREDITS_UNDER = 2  # lines under the deck its byline or date stands in at most (the header's block: headline, deck, credits)


DECK_REACH = 8  # lines under the headline the deck may stand in (blank lines and furniture among them)


def _reads_as_deck(line: str, title: str) -> bool:
    """Whether the line reads as a deck: DECK_WORDS words, in sentence case, not the headline again, and none of the
    other kinds a header's line may be (a byline, a date, a note, a warning, a caption or a video's, a promotion, a
    teaser, a link, a quotation with its speaker)."""
    words = shape.words(line)
    if not DECK_WORDS[0] <= len(words) <= DECK_WORDS[1] or shape.is_all_caps(line) or line.rstrip()[-1:] in ":;,":
        return False
    if title[:30] in line or sum(word[:1].isupper() for word in words) > len(words) / 2:
        return False  # (the headline given whole, or a second headline in title case)
    if opens_with_dateline(line):
        return False  # ("TEVALU CITY — Authorities lifted …": the article's first paragraph, set above its byline)
    if kinds.CAPTION_LABEL.match(line) or _AGENCY_AT_END.search(line) or (line[:1] in "\"“‘'" and _SPEAKER.search(line)):
        return False  # ("WATCH: …", "… in Manila, Philippines Reuters", "“Do it yourselves.” —President …")
    return not (kinds.byline(line) or persons.bare_name(line) or dates.date_line(line) or kinds.is_note(line)
                or kinds.is_bio(line) or cautions.warning(line) or endings.has_caption_mark(line) or is_photo_caption(line)
                or kinds.PROMOTION.search(line) or kinds.is_teaser(line) or endings.is_pointer(line)
                or kinds.is_end_of_article(line) or cautions.LIST_MARK.match(line) or kinds.URL_LINE.match(line))
