"""Where the body opens: the line the header reader stopped at and the next few are candidates, described by
how they open (a dateline, a bracket, a picture described, a pull-quote, "But …") and what stands around
them; the scorer (scoring.py) picks one, so that a deck, a caption or a pull-quote is passed over. Pure.
"""

from __future__ import annotations

import re
from operator import itemgetter

from articles.importing import cautions
from articles.importing import dates
from articles.importing import lines as kinds
from articles.importing import persons
from articles.importing import phrases
from articles.importing import shape
from articles.importing.headline import is_headline_like, non_blank_lines, word_keys
from articles.importing.scoring import Candidate

BODY_CANDIDATES = 8  # non-blank lines from where the header reader stopped that may open the body
BODY_FEATURES = (
    "reader_start", "rank", "words", "short", "sentence", "ends_full_stop", "no_end_punctuation",
    "several_sentences", "dateline", "opens_with_bracket", "describes_picture", "warning_words", "quote_first",
    "attribution_end", "headline_like", "after_byline_or_date", "byline_or_date_between", "next_sentence",
    "previous_is_title", "question", "first_person", "spoiler", "continues", "retold_below",
)
_DATELINE = re.compile(r"^(?:[A-Z]{3,}[A-Z .'’-]*(?:,\s+[A-Z][\w .'’-]+)*\s*(?:\([A-Z]+\)\s*)?(?:–|—|--|-|:)\s)")
_DESCRIBES_PICTURE = kinds.CuedPattern(
    r"\b(?:pictured|picture[sd]?|images?|photo(?:graph)?s?|collage|illustration|footage shows|video shows|"
    r"(?:above|below|left|right)\)|represents?|shown here|seen here|scroll down)\b",
    ("pictur", "image", "photo", "collage", "illustration", "footage shows", "video shows", "above)", "below)",
     "left)", "right)", "represent", "shown here", "seen here", "scroll down"))
_WARNING_WORDS = kinds.CuedPattern(phrases.WARNING_WORDS, phrases.WARNING_WORDS_CUES)
# How a photo's caption opens, in shapes an article's first paragraph does not take: "In this 2013 file photo, …"
# (a photo named within a few words, then a comma or "taken", "provided" …), a stock picture's place and date
# ("Re'im, Israel – April 17, 2024: Memorial …"), the photographer's name and paper run into it ("Lee Park/the
# daily ledgerStudents …").
_CAPTION_OPENING = re.compile(
    r"^In\s+this\s+(?:[\w.'’-]+\s+){0,4}?(?i:(?:file\s+|handout\s+|undated\s+)?(?:photo(?:graph)?|image|picture))"
    r"(?:,|\s+(?i:taken|made|provided|released|shot|from)\b)"
    rf"|^[A-Z][\w’'. -]{{2,40}},\s+[A-Z][\w .-]{{2,30}}\s+[–—-]\s+(?i:{dates.MONTH})\s+\d{{1,2}},\s+\d{{4}}:\s"
    r"|^[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}/[a-z]"
)
# A picture's alt text naming what it shows ("Picture of a mural over the old gate."): fifteen words at most, and none of
# the verbs that would make it a sentence ("Image of the president … went viral on Tuesday, officials said.").
_ALT_NAMING = re.compile(r"^(?:An?\s+)?(?:Picture|Photo(?:graph)?|Image|Illustration|Screenshot|Screengrab)\s+of\s+"
                         r"(?!.*\b(?:is|are|was|were|has|have|had|will|would|can|could|said|says|went|goes|became|becomes"
                         r"|shows?|showed|shown|announced|won|wins)\b)")
# How a photo's caption closes: its credit in brackets ("… (Jo Lee / Tribune)", "(Photo: …)"), or cut short with
# the dump ("… (Jo Lee /").
_CAPTION_CLOSING = re.compile(r"\((?i:photo|picture|image|credit|courtesy)\b[^()]*\)\s*$"
                              r"|\((?:[A-Z][\w.'’-]*\s+){1,3}/(?:\s*[^()]*\))?\s*$")
# News agencies whose name alone on its line credits the copy ("Reuters").
_AGENCY_ALONE = re.compile(rf"^(?:the\s+)?(?:{phrases.WIRE_AGENCIES})$", re.I)


def opens_with_dateline(line: str) -> bool:
    """Whether the line opens with a dateline ("TEVALU CITY — …", "GENEVA (Reuters) - …"): an article's first paragraph."""
    return _DATELINE.match(line[:120]) is not None


def _credit_alone(line: str) -> bool:
    """Whether the line is only a news agency's name ("Reuters", "The Associated Press"): the copy's credit."""
    return len(line) <= 40 and bool(_AGENCY_ALONE.match(line))


def _credit_between(line: str) -> bool:
    """A line that may stand between a picture's alt text and its caption: a few words (the photographer's name),
    no full stop, neither a byline nor a date."""
    return len(shape.words(line)) <= 6 and line[-1:] not in ".!?" and not kinds.byline(line) and not dates.date_line(line)


def _given_twice(lines: list[str], index: int) -> bool:
    """Whether the line is a picture's alt text or caption, or its photographer's name between them: the same
    sentence twice, one under the other (the first copy only: a paragraph a dump gives twice keeps its second), or
    with a short credit line between (both copies, and the credit)."""
    line = lines[index]
    after, before = non_blank_lines(lines, index, 1, 2), non_blank_lines(lines, index, -1, 2)
    if after and after[0] == line:
        return True
    if len(after) == 2 and after[1] == line and _credit_between(after[0]):
        return True
    if len(before) == 2 and before[1] == line and _credit_between(before[0]):
        return True
    return bool(before and after and before[0] == after[0] and shape.is_sentence(before[0]) and _credit_between(line))


def _summary_point(lines: list[str], index: int) -> bool:
    """Whether the line is one of a list of points ("- …", "• …", the line before or after it another): the
    article's summary, given before its text (passed over as a deck is)."""
    if not cautions.LIST_MARK.match(lines[index]):
        return False
    return any(cautions.LIST_MARK.match(other) for other in non_blank_lines(lines, index, -1, 1) + non_blank_lines(lines, index, 1, 1))


_ATTRIBUTION = re.compile(r"^[—–―-]+\s*[A-Z]")  # "—Pat Doe, weather service"
PULL_QUOTE_REACH = 30  # lines under a pull quote where the article gives it again


def _pull_quote(lines: list[str], index: int) -> bool:
    """Whether the line is a pull quote: a quotation with its speaker on the line under it ("“…”" / "—Pat Doe,
    weather service") that the article gives again further down, or that speaker's line."""
    line = lines[index]
    if _ATTRIBUTION.match(line) and len(shape.words(line)) <= 12:  # (the speaker's line itself)
        above = next((other for other in range(index - 1, -1, -1) if lines[other]), None)
        return above is not None and lines[above][:1] in "\"“‘'" and _pull_quote(lines, above)
    if line[:1] not in "\"“‘'":
        return False
    after = non_blank_lines(lines, index, 1, 1)
    if not (after and _ATTRIBUTION.match(after[0]) and len(shape.words(after[0])) <= 12):
        return False
    words = line.strip("\"“”‘’' ,.")[:50]
    return len(words) >= 20 and any(words in other for other in lines[index + 2:index + 2 + PULL_QUOTE_REACH])


def is_photo_caption(line: str) -> bool:
    """Whether the paragraph opens or closes as only a photo's caption does (_CAPTION_OPENING, _CAPTION_CLOSING), or is a
    picture's alt text naming what it shows (_ALT_NAMING)."""
    return bool(_CAPTION_OPENING.match(line) or _CAPTION_CLOSING.search(line[-120:])
                or (len(shape.words(line)) <= 15 and _ALT_NAMING.match(line)))


_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|my|we|our)\b")
_CONTINUES = re.compile(r"^(?:but|and|so|or|also|however|yet|still)\b", re.I)  # goes on from something before it
_FACT_BOX = re.compile(rf"^(?:{phrases.FACT_BOX_LABELS}|{phrases.RATING_WORDS})$", re.I)


def in_fact_box(lines: list[str], index: int) -> bool:
    """Whether the line follows a fact check's box label alone ("CLAIM", "VERDICT") or its rating alone ("FALSE"):
    the claim or the rating's summary, set in the box, not the body's first paragraph."""
    if len(lines[index]) <= 30 and _FACT_BOX.match(lines[index]):
        return True  # (the label or the rating itself)
    before = non_blank_lines(lines, index, -1, 1)
    return bool(before) and len(before[0]) <= 30 and bool(_FACT_BOX.match(before[0]))


def _teaser_entry(lines: list[str], index: int) -> bool:
    """Whether the line is an entry of a list of other stories: a teaser cut short (kinds.is_teaser) or a headline
    of a few words over one, with another teaser within TEASER_REACH lines (one line ending in "..." alone may be
    the article's own)."""
    line = lines[index]
    after = non_blank_lines(lines, index, 1, TEASER_REACH)
    if not kinds.is_teaser(line):
        if not (after and kinds.is_teaser(after[0]) and line[-1:] != "." and len(shape.words(line)) <= 20):
            return False
        after = after[1:]  # (a headline over its teaser: the teaser is its own, another must follow)
    return any(map(kinds.is_teaser, after + non_blank_lines(lines, index, -1, TEASER_REACH)))


TEASER_REACH = 4


def body_candidates(lines: list[str], title_at: int, start: int, end: int, *, lead: str = "",
                    month_first: bool = False) -> list[Candidate]:
    """The lines that could open the body — where the header reader stopped and the next few — with
    their features (BODY_FEATURES). ``lead``: the body's first words when they share a line with a
    warning (they come first)."""
    found = [(start - 1, lead)] if lead else []
    for index in range(start, min(end, len(lines))):
        if len(found) >= BODY_CANDIDATES:
            break
        line = lines[index]
        if line and not kinds.is_chrome(line) and not kinds.is_note(line) and not kinds.is_bio(line) \
                and not kinds.is_opening_aside(line) and not in_fact_box(lines, index) and not _teaser_entry(lines, index) \
                and not is_photo_caption(line) and not _pull_quote(lines, index) and not _summary_point(lines, index) \
                and not _given_twice(lines, index) and not _credit_alone(line):
            # (a note about the article, a bio of its writer, a help line, a fact check's box, another story's
            # headline and teaser, a photo's caption, a pull quote or a list of summary points opens no body; nor a
            # picture's alt text over its caption, or either with its photographer's name between (_given_twice); nor a
            # news agency's name alone, "Reuters")
            found.append((index, line))
    title = lines[title_at] if 0 <= title_at < len(lines) else ""
    result = []
    for rank, (index, full) in enumerate(found):
        line = full[:300]  # how a line opens is what tells: long paragraphs are looked at no further
        words = shape.words(full)
        before = non_blank_lines(lines, index, -1, 1) if not (lead and rank == 0) else [title]
        prev = before[0] if before else ""
        after = non_blank_lines(lines, index, 1, 1)
        between = [other for other in lines[title_at + 1:index] if other]
        values = {
            "reader_start": float(rank == 0),
            "rank": rank / BODY_CANDIDATES,
            "words": min(len(words), 60) / 60,
            "short": float(len(words) < 8),
            "sentence": float(shape.is_sentence(full)),
            "ends_full_stop": float(full.rstrip("”\"’'")[-1:] in ".!"),
            "no_end_punctuation": float(full[-1:] not in ".!?”\"’':;)"),
            "several_sentences": float(len(re.findall(r"[.!?][\"”’]?\s+[A-Z“\"]", line)) >= 2),
            "dateline": float(bool(_DATELINE.match(line))),
            "opens_with_bracket": float(line[:1] in "([*"),
            "describes_picture": float(bool(_DESCRIBES_PICTURE.search(line))),
            "warning_words": float(bool(_WARNING_WORDS.search(line))),
            "quote_first": float(line[:1] in "\"“‘'"),
            "attribution_end": float(full[:1] in "\"“" and bool(re.search(r"[—–-]\s*[A-Z][\w .]+$", full[-80:]))),
            "headline_like": float(is_headline_like(line) and not shape.is_sentence(line)),
            "after_byline_or_date": float(bool(prev) and bool(kinds.byline(prev) or persons.bare_name(prev) or dates.date_line(prev, month_first=month_first))),
            "byline_or_date_between": float(any(kinds.byline(o) or dates.date_line(o, month_first=month_first) for o in between[:12])),
            "next_sentence": float(bool(after) and shape.is_sentence(after[0])),
            "previous_is_title": float(prev == title),
            "question": float(full.endswith("?")),
            "first_person": float(bool(_FIRST_PERSON.search(line))),
            "spoiler": float("spoiler" in line.lower()),
            "continues": float(bool(_CONTINUES.match(line))),
            "retold_below": float(rank < RETOLD_RANKS and _retold(lines, index)),
        }
        result.append(Candidate(index, full, _BODY_ORDER(values)))
    return result


_BODY_ORDER = itemgetter(*BODY_FEATURES)
# A text opens with neither "But" nor "And"; a line the page says again further down (most of its words in one later
# line) is a deck, a caption or a summary the text goes on to tell, not its opening.
BODY_PRIOR = {"reader_start": 2.0, "continues": -1.5, "retold_below": -2.5}

RETOLD_REACH = 40  # lines below a candidate where the page may say it again
RETOLD_RANKS = 3  # the candidates looked at for it: the first few (a deck or a caption stands first)
RETOLD_SHARE = 0.8  # the share of its key words one later line must hold
def _retold(lines: list[str], index: int) -> bool:
    """Whether one of the RETOLD_REACH lines below holds RETOLD_SHARE of the line's key words (headline.word_keys, five
    at least): the page says it again further down."""
    words, line = word_keys(lines[index]), lines[index]
    if len(words) < 5:
        return False
    return any(lines[other] and lines[other] != line and len(words & word_keys(lines[other])) >= RETOLD_SHARE * len(words)
               for other in range(index + 1, min(len(lines), index + RETOLD_REACH)))
