"""Which line is the headline: every line near the top that could be (is_headline_like: what the line alone
says) is a candidate, described by what its text says (position, length, case, punctuation, its neighbours,
whether it repeats on the page, whether it reads as a sentence, a name, a date, a menu, a promotion or a
ticker). The scorer (scoring.py) weighs them with weights fitted on the corpus (weights.py). Pure.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from operator import itemgetter

from articles.importing import cautions
from articles.importing import dates
from articles.importing import endings
from articles.importing import lines as kinds
from articles.importing import persons
from articles.importing import phrases
from articles.importing import shape
from articles.importing.scoring import Candidate

MAX_LINES = 400  # lines from the top where the headline may be
MAX_CANDIDATES = 20  # candidate lines scored at most (in the corpus and the seeds the headline is among the first six)
TEXT_BEFORE_STOP = 6  # paragraphs of running text after which no line is a candidate any more
STORED_DATE_PREFIX = re.compile(r"^date\s+\d{4}-\d{2}-\d{2}\s+(?=\S)", re.I)  # " date 2019-03-13 Headline…"
SITE_SUFFIX = re.compile(r"^(?P<title>.{12,}?\S)\s+[-|–]\s+(?P<site>[^-|–—]{2,45})$")
_PROMOTION = kinds.PROMOTION
_TICKER = re.compile(phrases.TICKER_LABELS, re.I)
_LIVE_STRIP = kinds.CuedPattern(phrases.LIVE_STRIP, phrases.LIVE_STRIP_CUES)
_POINTER = re.compile(phrases.POINTER_LABELS, re.I)
_ALERT_LABEL = re.compile(phrases.ALERT_LABELS, re.I)
# A live blog's own headline says so at its end ("Kharkiv hit by overnight strikes – live updates"): no strip.
_LIVE_TAIL = re.compile(r"\w.{15,}\s[–—-]\s*(?:live(?:\s+(?:updates?|blog|coverage|reaction))?|as it happened|latest updates)$", re.I)
_NAV_WORDS = phrases.NAV_WORDS


@lru_cache(maxsize=8192)
def is_headline_like(line: str) -> bool:
    """Could be a headline: a line of 2 to 40 words starting with a capital, a digit or a quote (in any language's
    marks: „…", «…», ¿…?), that is not
    furniture, a date, a byline, a warning, a caption or a link."""
    if not line or len(line) > 300 or kinds.is_chrome(line) or kinds.URL_LINE.match(line):
        return False
    count = len(shape.words(line))
    if not 2 <= count <= 40:
        return False
    if not (line[0].isupper() or line[0].isdigit() or line[0] in "\"“‘'#„«¿¡" or _LEADING_TAG.match(line)):
        return False
    if shape.is_all_caps(line) and count > 3 and not re.match(r"^[A-Z]+:", line):
        return False
    if dates.date_line(line) or kinds.byline(line) or endings.has_caption_mark(line) or kinds.IMAGE_CREDIT.match(line):
        return False
    if cautions.warning(line) and not re.fullmatch(r"(?:content|trigger)\s+warnings?", line, re.I) and not _LEADING_TAG.match(line):
        return False
    return True


# A warning's tag opening a headline ("[TW: suicide] What my brother's last voicemail taught me"): the headline's.
_LEADING_TAG = re.compile(r"^[\[(](?:tw|cw|cn|trigger warning|content warning|content note)\s*:[^\[\]()]{2,60}[\])]\s+(?=[\w“\"'‘])\S.{10,}", re.I)


def leading_tag(line: str) -> str:
    """The warning's tag a headline opens with, without its brackets ("TW: suicide"), or ""."""
    return line[1:line.index("]" if line[0] == "[" else ")")].strip() if _LEADING_TAG.match(line) else ""


def is_nav_row(line: str) -> bool:
    """A menu row: two words or more, every one a menu's ("Home About Contact"); or a longer row of capitalised
    words set apart by spaces alone, most of them a menu's, the others the sections a site names after its
    country or its town ("Home Ruritania Politics Economy Sports Video Photo")."""
    words = line.lower().replace("&", " ").replace("|", " ").split()
    if len(words) >= 2 and all(word.strip(",.·•") in _NAV_WORDS for word in words):
        return True
    if len(words) < 6 or line[-1:] in ".!?:" or not all(word[:1].isupper() for word in line.replace("&", " ").split()):
        return False
    menu = sum(word in _NAV_WORDS for word in words)
    return menu >= 4 and menu * 3 >= len(words) * 2 and not any(word in _FUNCTION_WORDS for word in words)


_SALUTATION = re.compile(r"^(?:dear|hi|hello|to)\s+[^,.!?]{2,40},$", re.I)  # "Dear Editor,": a letter's greeting
_TIME_ALONE = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?$", re.I)  # "6:12 PM", "21:47"
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\S")  # "2. Libraries stay open": an item of a numbered list
_READING_TIME = re.compile(r"^(?:reading time\b.*|\d+\s+min(?:ute)?s?\s+read)$", re.I)  # stands under a headline
_KICKER = re.compile(r"^[A-Z][\w' ]{1,24}:\s+\S")
TITLE_BYLINE = re.compile(r"\s+[–—-]\s+(?=[Bb]y\s+[A-Z])")  # "Headline – By A, B & C …": the byline after the dash
_SECTION_KICKER = re.compile(r"^(?:editorial|opinion|column|commentary|analysis|exclusive|breaking(?: news)?|review|letter|op-ed)\s*:\s+\S", re.I)
_FUNCTION_WORDS = frozenset("the a an of to in on for is are was were and but with by at as from after over has have".split())
_CREDIT = re.compile(phrases.CREDIT_LINES, re.I)
_CAPS_LABEL = re.compile(r"^[A-Z][A-Z'’&-]+(?:\s+[A-Z][A-Z'’&-]+){2,5}\s*:\s+\S")  # "FIRST ALERT WEATHER DAY: …"
_SECTION_BAR = re.compile(rf"^(?:{phrases.SECTION_LABELS}|(?:(?:{phrases.SECTION_NAMES})\s+){{0,1}}(?:{phrases.SECTION_NAMES}))"
                          r"\s+\|\s+(?=\S)", re.I)
_MEDIA_LABEL = re.compile(r"^(?:video|watch|photos?|gallery|audio|listen)\s*[:|–—-]\s*\S", re.I)  # "Video: Family remembers …"
_ENDS_CUT = re.compile(r"\w(?:…|\.\.\.)$")
_NEXT_SENTENCE = re.compile(r"[.!?][\"”’]?\s+[A-Z“\"]")
_LEADING_MARKER = re.compile(r"^[\[(](?:videos?|photos?|pictures?|watch|gallery|audio|listen|live)[\])]\s*(?=\S)", re.I)
_ENDS_SENTENCE = re.compile(r"[.!?][\"”’'»)]*$")  # a closing quote alone ("… execution “acted”") ends no sentence
# The last characters those two patterns need ("$" also matches before a final line break): looked at first, as a
# search for a pattern anchored at the end tries every position of the line.
_SENTENCE_LAST = ".!?\"”’'»)\n"
_CUT_LAST = ("…", "...", "\n")


_FORUM_LABEL = re.compile(r"^(?:thread|topic|subject)\s*:\s+(?=\S)", re.I)  # a forum's field, not the title's words


def title_text(line: str) -> str:
    """A candidate line as a headline: without a stored date, a forum's field label ("Thread: …") or a section's
    name set off by a bar ("Opinion | I'm an ER nurse …", "Lifestyle | Domestic Abuse, and My Journey …": a label or a
    section phrases.py names, as a page's title gives it; "Brexit | Five things …" keeps its topic) before it, a byline after a
    dash ("… – By Alan Blinder, …") or a stray
    asterisk after it ("…TV\\"*") or the marks of bold around it ("**…**"). (A media marker closing it, "…
    [VIDEO]", is left out by read_header, which names the headline.)"""
    text = STORED_DATE_PREFIX.sub("", line)
    text = _FORUM_LABEL.sub("", text)
    if " By " in text or " by " in text:
        text = TITLE_BYLINE.split(text, maxsplit=1)[0]  # ("Headline – By Alan Blinder, … / Nov 9 2017": the headline)
    if "|" in text:
        text = _SECTION_BAR.sub("", text)
    text = text.strip()
    if text.endswith("*") and not text.startswith("*") and text.count("*") % 2:
        text = text.rstrip("*").strip()  # (a tag in asterisks keeps them: "… *TRIGGERING IMAGES*")
    if text[-2:] in (" |", " -", " –", " —"):
        text = text[:-2].rstrip()  # a separator left after the headline ("… against terrorism |"): the site's name cut off
    if text.startswith("**") and text.endswith("**") and len(text) > 4:
        text = text[2:-2].strip()  # a headline set in bold as a page's text gives it ("**Storm Floris …**")
    return text


def strip_site_suffix(title: str, lines: list[str]) -> str:
    """"Headline - Site Name" → "Headline" when the tail names a site rather than finishing the sentence: a short
    run of capitalised words that names an outlet, is said elsewhere on the page, or is three words at most after a
    headline of four or more (or the page repeats the headline without it). A title-case subtitle after a short
    headline ("Suicide Notes - Learning Through The Stigma") is kept."""
    match = SITE_SUFFIX.match(title)
    if not match:
        return title
    head, site = match.group("title"), match.group("site").strip()
    site_words = site.split()
    named = len(site_words) <= 6 and all(word[:1].isupper() or word[:1].isdigit() or word.lower() in ("of", "the", "and", "&") for word in site_words) \
        and (persons.names_an_outlet(site) or (len(site_words) <= 3 and len(shape.words(head)) >= 4)
             or any(site.casefold() in line.casefold() for line in lines if line and title not in line))
    repeated = any(line.startswith(head[:40]) and line != title for line in lines if line)
    if named or repeated:
        return head
    return title


# Where someone stands in a picture, "… a man (pictured left and right) …", "… the mayor (centre) …": a caption's words
# (a body's too, "Smith (pictured) was jailed …"), never a headline's.
_PLACED = re.compile(r"\((?:pictured(?:\s+(?:left|right|centre|center|above|below|top|bottom|inset|with|here|and))*|left|right|"
                     r"centre|center|above|below|inset|left\s+to\s+right|l-r|far\s+(?:left|right))\)", re.I)
HEADLINE_FEATURES = (
    "bias", "first_candidate", "rank", "position", "words", "short", "long", "ends_full_stop", "ends_question",
    "ends_colon", "title_case", "all_caps", "starts_lower", "sentence", "several_sentences", "repeated",
    "repeated_with_more", "site_suffix", "next_sentence", "next_byline", "next_date", "next_chrome",
    "next_short_line", "previous_chrome", "previous_date", "date_near", "byline_near", "promotion", "ticker",
    "menu_like", "caption", "headline_like", "name", "warning", "kicker", "furniture_before",
    "cut_short", "date_in_line", "first_confirmed", "first_headline_like", "after_stored_date", "echoes_page_title", "text_before", "single_word", "live_strip",
    "pointer", "in_list", "numbered", "credited", "banner", "under_credited", "told_below", "untold_below",
    "after_credited_text",
)


_HEADLINE_ORDER = itemgetter(*HEADLINE_FEATURES)  # a feature dict → the tuple the weights line up with


@lru_cache(maxsize=8192)  # a site's lines recur from page to page: what a line says of itself is worked out once
def _line_features(text: str, month_first: bool) -> tuple[tuple[str, float], ...]:
    """The headline features a line has on its own, wherever it stands (a media marker before it, "[VIDEO]
    …", left aside)."""
    text = _LEADING_MARKER.sub("", text)
    words = shape.words(text)
    long_words = [w for w in words if len(w) >= 4 and w[0].isalpha()]
    lower = [w.lower().strip(",.:;") for w in words]
    return tuple({
        "bias": 1.0,
        "words": min(len(words), 30) / 30,
        "short": float(len(words) <= 3),
        "long": float(len(words) > 22),
        "ends_full_stop": float(text.endswith(".")),
        "ends_question": float(text.endswith("?")),
        "ends_colon": float(text.endswith(":")),
        "title_case": (sum(w[0].isupper() for w in long_words) / len(long_words)) if long_words else 0.0,
        "all_caps": float(shape.is_all_caps(text)),
        "starts_lower": float(text[:1].islower()),
        "sentence": float(len(words) >= 14 or (len(words) >= 6 and text[-1:] in _SENTENCE_LAST
                                                and bool(_ENDS_SENTENCE.search(text)))),
        "several_sentences": float(len(_NEXT_SENTENCE.findall(text)) >= 1),
        "site_suffix": float(strip_site_suffix(text, ()) != text),
        "promotion": float(bool(_PROMOTION.search(text))),
        "ticker": float(bool(_TICKER.match(text))),
        "menu_like": float(len(words) >= 4 and not any(w in _FUNCTION_WORDS for w in lower) and text[-1:] not in ".?!"),
        "caption": float(endings.is_caption(text) or bool(_CREDIT.match(text)) or ("(" in text and bool(_PLACED.search(text)))),
        "headline_like": float(is_headline_like(text)),
        "name": float(bool(persons.bare_name(text)) and len(words) <= 4),
        "warning": float(bool(cautions.warning(text))),
        "kicker": float(bool(_KICKER.match(text))),
        "cut_short": float(text.endswith(_CUT_LAST) and bool(_ENDS_CUT.search(text))),
        "date_in_line": float(bool(dates.date_in(text, month_first=month_first))),
        "single_word": float(len(words) == 1),
        "live_strip": float(bool(_LIVE_STRIP.search(text)) and not _LIVE_TAIL.search(text)),
        "pointer": float(bool(_POINTER.match(text))),
        "numbered": float(bool(_NUMBERED.match(text))),
    }.items())


@lru_cache(maxsize=8192)
def _on_its_own(line: str, month_first: bool) -> tuple[bool, str, bool, bool, bool, bool]:
    """What headline_candidates asks of a line alone: (furniture, its headline text, after a stored date,
    unfit as a headline (too long or short, a link, a date line, a writer and their job, a letter's greeting), a photo credit or a time alone, running
    text)."""
    running = shape.is_sentence(line) and len(shape.words(line)) >= 14
    furniture = ((kinds.is_chrome(line) and not line.endswith("?")) or is_nav_row(line) or kinds.is_section_trail(line)
                 or kinds.listed_with_age(line))
    text = title_text(line)
    count = len(shape.words(text))
    stored = bool(text != line and STORED_DATE_PREFIX.match(line))
    unfit = (not 1 <= count <= 40 or len(text) > 300 or bool(kinds.URL_LINE.match(text))
             or (not stored and dates.date_line(line, month_first=month_first) is not None) or kinds.is_writer_with_job(text)
             or bool(_SALUTATION.match(text)))
    credit = bool(_CREDIT.match(text) or _TIME_ALONE.match(text))
    return furniture, text, stored, unfit, credit, running


def forget_lines() -> None:
    """Forget the lines worked out so far (articles.importing.clear_caches)."""
    _line_features.cache_clear()
    _on_its_own.cache_clear()
    word_keys.cache_clear()
    _passed_over.cache_clear()
    _header_kind.cache_clear()
    is_headline_like.cache_clear()
    _page_memo.lines, _page_memo.found = None, {}


def non_blank_lines(lines, start, step, count):
    """Up to ``count`` non-blank lines from ``start`` (not included), going by ``step`` (1 down, -1 up)."""
    found, position = [], start + step
    while 0 <= position < len(lines) and len(found) < count:
        if lines[position]:
            found.append(lines[position])
        position += step
    return found


MENU_RUN = 3  # short lines one under another, with no blank line between, that make a menu


def _short_item(line: str) -> bool:
    """What a menu's entry looks like: one to three words, no sentence's end, and none of the kinds a header's
    short lines are (a date, a byline, a name, a warning)."""
    return bool(line) and len(shape.words(line)) <= 3 and line[-1:] not in ".!?" and not (
        dates.date_line(line) or kinds.byline(line) or persons.bare_name(line) or cautions.warning(line))


def in_menu(lines: list[str], index: int) -> bool:
    """Whether the line is an entry of a menu set out one entry a line ("News" / "Sport" / "Farming" /
    "Jobs"): a run of at least MENU_RUN short items with no blank line between them."""
    if not _short_item(lines[index]):
        # A longer entry between two of a menu's ("Where we work" / "Democratic Republic of the Congo" / "Burundi")
        line = lines[index]
        return (bool(line) and len(shape.words(line)) <= 6 and line[-1:] not in ".!?:" and 0 < index < len(lines) - 1
                and _menu_run(lines, index - 1, -1) >= MENU_RUN and _menu_run(lines, index + 1, 1) >= MENU_RUN)
    count, up, down = 1, index - 1, index + 1
    while up >= 0 and count < MENU_RUN and _short_item(lines[up]):
        count, up = count + 1, up - 1
    while down < len(lines) and count < MENU_RUN and _short_item(lines[down]):
        count, down = count + 1, down + 1
    return count >= MENU_RUN


def _menu_run(lines: list[str], index: int, step: int) -> int:
    """How many short items stand one under another from ``index`` going by ``step`` (up to MENU_RUN)."""
    count = 0
    while 0 <= index < len(lines) and count < MENU_RUN and _short_item(lines[index]):
        count, index = count + 1, index + step
    return count


# When an event runs ("3 May – 30 September 2024 · Gallery 2", "12–14 June 2025"): the days, not a link.
_DATE_RANGE = re.compile(r"^\d{1,2}(?:\s+[A-Za-z]{3,9})?\s*[–—-]\s*\d{1,2}\s+[A-Za-z]{3,9}(?:\s+\d{4})?\b")
LIST_RUN = 3  # headline-like lines one under another, with no blank line between, that make a list


def _list_item(lines: list[str], index: int) -> bool:
    """A link in a list of headlines: 4 to 15 words, headline-like, no sentence, and no byline, name or date
    under it (a headline with its byline under a list is the article's own)."""
    line = lines[index]
    if not line or not 4 <= len(shape.words(line)) <= 15 or not is_headline_like(line) or shape.is_sentence(line) \
            or _NUMBERED.match(line) or kinds.is_end_of_article(line) or _PROMOTION.search(line) or _DATE_RANGE.match(line):
        return False  # (a numbered item, an appeal, a promotion or when an event runs is furniture of its own kind)
    after = lines[index + 1] if index + 1 < len(lines) else ""
    return not (after and (kinds.byline(after) or persons.bare_name(after) or dates.date_line(after)))


def in_list(lines: list[str], index: int) -> bool:
    """Whether the line stands in a list of headlines ("Top stories" and three links under it): a run of at
    least LIST_RUN such lines with no blank line between them."""
    if not _list_item(lines, index):
        return False
    count, up, down = 1, index - 1, index + 1
    while up >= 0 and count < LIST_RUN and _list_item(lines, up):
        count, up = count + 1, up - 1
    while down < len(lines) and count < LIST_RUN and _list_item(lines, down):
        count, down = count + 1, down + 1
    return count >= LIST_RUN


FOOTER_LINES = 8  # the page's last non-blank lines, where a footer names whoever runs the site


_FOOTER_ITEMS = re.compile(r"\s+[|·]\s+")


def copyright_lines(lines: list[str]) -> list[str]:
    """The page's copyright lines ("© 2026 Kettle River Sentinel. All rights reserved."), folded to lower case;
    and, each ending in a bar so as to be told apart, the first item of the footer's lines that set the site's
    name apart from its address or links ("kettle river sheriff's office |" from "Kettle River Sheriff's Office
    | 100 Main St"), and the outlet a writer's bio says they write for ("the sunday lantern |" from "… is a
    columnist for the Sunday Lantern.")."""
    found = []
    for line in lines:
        if line and ("©" in line or "opyright" in line or "ights reserved" in line or "IGHTS RESERVED" in line):
            found.append(line.casefold())
    footer = [line for line in lines[-4 * FOOTER_LINES:] if line][-FOOTER_LINES:]
    found.extend(_FOOTER_ITEMS.split(line, maxsplit=1)[0].casefold() + " |" for line in footer
                 if (" | " in line or " · " in line) and len(line) <= 160)
    for line in lines:  # the outlet a writer's bio names ("Jo Lee is a columnist for the Sunday Lantern."), bar-ended too
        writes_for = _WRITES_FOR.search(line) if line and len(line) <= 400 and (" is " in line or " was " in line or " has been " in line) \
            and _ROLE_CUE.search(line) else None
        if writes_for:
            outlet = writes_for.group("outlet").rstrip(".").casefold()
            found.extend((outlet + " |", "the " + outlet + " |"))
    return found


_ROLE_CUE = re.compile(r"columnist|reporter|correspondent|editor|writer|contributor|journalist|critic", re.I)
_WRITES_FOR = re.compile(
    r"\b(?:is|was|has been)\s+(?:an?|the)\s+(?:[\w’'-]+\s+){0,3}?(?:columnist|reporter|correspondent|editor|writer|contributor"
    r"|journalist|critic)s?\s+(?:for|at|with)\s+(?:the\s+)?(?P<outlet>[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,4}?)(?=[.,;]|\s*$|\s+(?:and|who|since|in|where)\b)")


def _owner(line: str, owners: list[str]) -> bool:
    """Whether the line names whoever holds the page's copyright (the site's or the body's name at its head:
    "Eastlake Unified School District" over "Copyright © 2026 Eastlake Unified School District"), or is the name
    the footer gives first before the site's address or links: never the headline."""
    if not owners or not 1 <= len(shape.words(line)) <= 8:
        return False
    folded = line.casefold()
    return any(folded + " |" == owner if owner.endswith(" |") else (folded in owner and folded != owner)
               for owner in owners)


_KEY_WORD = re.compile(r"[^\W\d_]{4,}")
_KEY_STOP = frozenset(phrases.COMMON_WORDS)
TOLD_BELOW = 6  # paragraphs of running text under a line in which its words are looked for
TOLD_CANDIDATES = 8  # the first candidates asked how much the text under them tells (the headline is among the first six)


@lru_cache(maxsize=4096)
def word_keys(line: str) -> frozenset[str]:
    """The line's words of four letters or more, common ones aside, each cut to its first five letters (so that
    "shelling" meets "shells" and "mourning" meets "mourned")."""
    return frozenset(word[:5] for word in _KEY_WORD.findall(line.casefold()) if word not in _KEY_STOP)


def _told_below(lines: list[str], running: list[int], index: int, text: str) -> float | None:
    """How much of the line the paragraphs of running text under it tell (a headline says what its article tells; a
    site's motto, a notice or a menu does not): the line's words they use, divided by one more than the line's
    words (so that a short line's few words count for less, and the share never reaches 1); 0 for a name alone or
    an author box's head (told below as a matter of course: the writer's, or the one the piece is about); None for
    a line of fewer than two such words."""
    if persons.bare_name(text) or endings.signed_off(text):  # (a name, or an author box's head: "Name About Name")
        return 0.0
    keys = word_keys(text)
    if len(keys) < 2:
        return None
    start = bisect_right(running, index)
    below = set()
    for other in running[start:start + TOLD_BELOW]:
        if lines[other] != lines[index]:
            below |= word_keys(lines[other])
    return len(keys & below) / (len(keys) + 1)


def _running_under(lines: list[str], filled: list[int], first: int, last: int) -> list[int]:
    """The indexes of the paragraphs of running text from under line ``first`` to TOLD_BELOW of them under line
    ``last``, in order: what the candidates between them are told by (another story's teaser cut short tells of
    that story, and the site's own lines, "Thanks for reading The Harbour Letter! Subscribe …", of the site: neither
    counts)."""
    running, beyond = [], 0
    for index in filled:
        if index <= first:
            continue
        line = lines[index]
        if endings.is_running_text(line) and not kinds.is_teaser(line) and not kinds.is_chrome(line) \
                and not (len(line) < 300 and kinds.PROMOTION.search(line)):
            running.append(index)
            beyond += index > last
            if beyond >= TOLD_BELOW:
                break
    return running


def headline_candidates(lines: list[str], *, month_first: bool = False) -> list[Candidate]:
    """The lines near the top that could be the headline, each with its features (HEADLINE_FEATURES)."""
    counts = Counter(filter(None, lines[:600]))
    filled = [index for index, line in enumerate(lines) if line]  # the non-blank lines' indexes, in order
    candidates, chrome_before, text_before = [], 0, 0
    owners = copyright_lines(lines)
    for place, index in enumerate(filled):
        if index >= MAX_LINES:
            break
        line = lines[index]
        if len(candidates) >= MAX_CANDIDATES or text_before > TEXT_BEFORE_STOP:
            break  # (the headline stands above the article's running text, not deep inside it)
        furniture, text, stored, unfit, credit, running = _on_its_own(line, month_first)
        if furniture or _label_over_warning(lines, index) or _owner(line, owners) \
                or (place == 0 and kinds.is_site_name(line)) \
                or (place and _CAPTION_LABEL_LINE.match(lines[filled[place - 1]])) or in_menu(lines, index) \
                or is_banner(lines, index) or _media_label_under_headline(lines, index, month_first):
            # furniture, a warning's label over its words, the site's name heading the page, the line under a
            # caption's label, or an entry of a menu set out one a line: never the headline
            chrome_before += 1
            continue
        if unfit:
            chrome_before += 1
            text_before += running
            continue
        if credit:  # a photo credit, or a live entry's time ("6:12 PM")
            chrome_before += 1
            continue
        candidates.append((index, place, line, text, chrome_before, stored, text_before))
        text_before += running
    # The page's lines by their first 15 characters, those of the candidates' headlines only (a line that
    # starts with a headline has its first 15 characters).
    starts = {text[:15] for _, _, _, text, *_ in candidates if len(text) >= 15}
    by_start: dict[str, list[str]] = {}
    for line in lines[:600]:
        if line and line[:15] in starts:
            by_start.setdefault(line[:15], []).append(line)
    rule_at, rule_confirmed = first_confirmed(lines, month_first, owners=owners)
    # Page titles ("Headline - Site"), perhaps cut short: the headline they begin with is echoed.
    page_titles = [title for title in (strip_site_suffix(text, ()) for _, _, _, text, *_ in candidates) if title]
    page_titles = [title for title, (_, _, _, text, *_) in zip(page_titles, candidates) if title != text]
    told_ones = candidates[:TOLD_CANDIDATES]
    running = _running_under(lines, filled, told_ones[0][0], told_ones[-1][0]) if told_ones else []
    result = []
    credited_text = None  # the running text counted before the first candidate with its credits under it
    for rank, (index, place, line, text, chrome_before, stored, text_before) in enumerate(candidates):
        after = [lines[other] for other in filled[place + 1:place + 7]]
        nxt = after[0] if after else ""
        prev = lines[filled[place - 1]] if place else ""
        values = dict(_line_features(text, month_first))
        values.update({
            "first_candidate": float(rank == 0),
            "rank": min(rank, 20) / 20,
            "position": min(index, 200) / 200,
            "repeated": float(counts.get(line, 0) > 1 or any(text == other for other in after)),
            "repeated_with_more": float(len(text) >= 15 and any(o != line and o.startswith(text) for o in by_start.get(text[:15], ()))),
            "next_sentence": float(bool(nxt) and shape.is_sentence(nxt)),
            "next_byline": float(bool(nxt) and bool(kinds.byline(nxt) or persons.bare_name(nxt))),
            "next_date": float(bool(nxt) and bool(dates.date_line(nxt, month_first=month_first))),
            "next_chrome": float(bool(nxt) and kinds.is_chrome(nxt)),
            "next_short_line": float(bool(nxt) and len(shape.words(nxt)) <= 4),
            "previous_chrome": float(not prev or kinds.is_chrome(prev)),
            "previous_date": float(bool(prev) and bool(dates.date_line(prev, month_first=month_first))),
            "date_near": float(any(dates.date_line(o, month_first=month_first) for o in after)),
            "byline_near": float(any(kinds.byline(o) for o in after)),
            "furniture_before": min(chrome_before, 20) / 20,
            "first_confirmed": float(index == rule_at and rule_confirmed),
            "first_headline_like": float(index == rule_at),
            "after_stored_date": float(stored),
            "text_before": min(text_before, 5) / 5,
            "in_list": float(in_list(lines, index)),
            "credited": float(credited(lines, index, month_first)),
            "banner": float(is_banner_over_header(lines, index, month_first)),
            "under_credited": float(under_credited(lines, index, month_first)),
            "told_below": told if (told := _told_below(lines, running, index, text) if rank < TOLD_CANDIDATES else None) is not None else 0.0,
            "untold_below": float(told == 0.0),
            "echoes_page_title": float(any(len(title) >= 15 and title != text and text.startswith(title.rstrip(".… ")) for title in page_titles)),
            # running text under a headline-like line (no sentence, no promotion) with its credits under it, before
            # this one: a heading inside that article
            "after_credited_text": float(credited_text is not None and text_before > credited_text),
        })
        if credited_text is None and values["credited"] and not (values["sentence"] or values["promotion"]):
            credited_text = text_before
        result.append(Candidate(index, text, _HEADLINE_ORDER(values)))
    return result


def next_lines(lines, index, count):
    """The next ``count`` non-blank lines after ``index``, as (index, line)."""
    found = []
    for position in range(index + 1, len(lines)):
        if lines[position]:
            found.append((position, lines[position]))
            if len(found) == count:
                break
    return found


def _unmarked_short_line(line: str, month_first: bool) -> bool:
    """Three words or fewer and none of the kinds a header is made of."""
    return len(shape.words(line)) <= 3 and not (
        is_headline_like(line) or kinds.is_chrome(line) or dates.date_line(line, month_first=month_first)
        or kinds.byline(line) or persons.bare_name(line) or cautions.warning(line))


_CAPTION_LABEL_LINE = re.compile(r"^(?:image|photo|picture|video)?\s*caption\s*[,:]?$", re.I)


def _after_caption_label(lines: list[str], index: int) -> bool:
    """The line under a caption's label alone ("Image caption,"): the caption, never the headline."""
    above = non_blank_lines(lines, index, -1, 1)
    return bool(above) and bool(_CAPTION_LABEL_LINE.match(above[0]))


def _label_over_warning(lines: list[str], index: int) -> bool:
    """A warning's label alone on its line over the warning's words ("Trigger Warning" / "This article
    discusses …"); a post titled "Trigger Warning" over a warning of its own ("STRONG TRIGGER WARNING.") is not."""
    if not cautions.is_warning_label(lines[index]):
        return False
    below = next_lines(lines, index, 1)
    return bool(below) and cautions.warning(below[0][1]) is not None and not cautions.is_labelled_warning(below[0][1])


def is_banner(lines: list[str], index: int) -> bool:
    """A banner across the top of the page rather than its headline: an alert's label alone ("SEVERE WEATHER
    ALERT"), the alert's words right under it, or a line opening with a ticker's label ("BREAKING NEWS: …",
    "WEATHER ALERT: …") — each only when a headline stands under it with its byline or date (perhaps after a
    deck), as the article's own does; a page whose headline opens with "BREAKING:" has none under it. A ticker
    carrying several stories ("BREAKING NEWS: … | … | …") is one wherever it stands."""
    line = lines[index]
    alone = bool(_ALERT_LABEL.match(line))
    ticker = bool(_TICKER.match(line))
    if ticker and (" | " in line or " || " in line):
        return True  # a ticker carrying several stories ("BREAKING NEWS: … | … | …")
    if not (alone or ticker or (index and lines[index - 1] and _ALERT_LABEL.match(lines[index - 1]))):
        return False
    following = [other for _, other in next_lines(lines, index, 5) if other != line]  # (the line shown twice is itself)
    if alone:
        following = following[1:]  # (the alert's words)
    if len(following) > 1 and len(shape.words(following[0])) <= 2 and not _credits(following[0], False):
        following = following[1:]  # (a section's name over the headline: "News")
    if len(following) < 2 or len(shape.words(following[0])) < 5 or not _headline_shaped(following[0]) \
            or shape.is_sentence(following[0]) or _credits(following[0], False):
        return False  # (a headline of five words or more, not the writer's name: "Ma. Theresa D. Villanueva")
    return _credits(following[1], False) or (len(following) > 2 and _credits(following[2], False))


_OUTLET_WORDS = frozenset(word.upper() for word in phrases.OUTLET_WORDS)


def is_masthead(line: str) -> bool:
    """A paper's name in capitals on its own line ("THE NORTH VALLEY DAILY POST"): six words or fewer, the last
    one a paper's ("Post", "Gazette", "Times")."""
    words = line.split()
    return len(words) <= 6 and words[-1].strip(".,") in _OUTLET_WORDS and shape.is_all_caps(line)


def _post_title(lines: list[str], index: int) -> bool:
    """A post's title written in lower case ("the winter the river froze"), as blogs and newsletters write them:
    two to fifteen words, no sentence, and its byline or date right under it, perhaps under its deck (or the
    writer's name, then the date); a user's page title ("fernwick: a teapot on a windowsill (Default)") over the journal's name is not,
    nor a motto over the blog's menu."""
    line = lines[index]
    if not 2 <= len(shape.words(line)) <= 15 or line[-1:] in ".!?:)" or shape.is_sentence(line) or STORED_DATE_PREFIX.match(line) \
            or kinds.is_chrome(line) or cautions.warning(line) or is_nav_row(line) or _short_list(line):
        return False
    following = [other for _, other in next_lines(lines, index, 3)]
    if following and (is_nav_row(following[0]) or kinds.is_menu_row(following[0])):
        return False  # (a blog's motto over its menu: "notes from a reporter …" / "Home | About me | Archive")
    if following and not _credits(following[0], False) and following[0][-1:] not in ".!?" \
            and len(shape.words(following[0])) > max(3, len(shape.words(line))):
        following = following[1:]  # (its deck: "after the attack on ward 7, nobody asked the people who were there")
    if not following:
        return False
    under = following[0]
    if kinds.byline(under) or dates.date_line(under):
        return True
    return bool(persons.bare_name(under)) and len(following) > 1 and bool(dates.date_line(following[1]))


_LIST_MARK = re.compile(r"\s*[,·|•/]\s*")


def _short_list(line: str) -> bool:
    """A motto or a menu set out as a list of short items ("essays, weather, birds", "recipes · stories · about")."""
    parts = _LIST_MARK.split(line)
    return len(parts) >= 3 and all(len(part.split()) <= 2 for part in parts)


def _titled_below(lines: list[str], index: int) -> bool:
    """Whether a post's title in lower case, or a headline with its byline or date, stands in the lines under
    ``index``."""
    if _credited_headline_below(lines, index, False, window=14):  # (past a share row: "Share this post" / "Copy link" / …)
        return True
    return any(other[:1].islower() and _post_title(lines, at) for at, other in next_lines(lines, index, 14))


def _over_menu(lines: list[str], following, month_first: bool) -> bool:
    """Whether a menu stands right under a line (the lines (index, line) under it), a date line between them
    aside: a menu's row, or an entry of a menu set out one a line — what stands under a site's name or motto
    ("Serving Mayo, Galway and Roscommon since 1891" / "Saturday 5 December 2026" / "News" / "Sport" / …), never
    under a headline."""
    if following and dates.date_line(following[0][1], month_first=month_first):
        following = following[1:]
    if not following:
        return False
    at, line = following[0]
    if in_menu(lines, at) or (kinds.is_menu_row(line) and len(shape.words(line)) >= 3):
        return True
    # A motto between a site's name and its menu ("Kettle Valley Sentinel" / "Your town. Your paper." / "Home" / …)
    return (len(following) > 1 and len(shape.words(line)) <= 8 and not _credits(line, month_first)
            and in_menu(lines, following[1][0]))


_PATH_MARK = re.compile(r"\s*[/›>»|]\s*")


OVERLINE_QUOTE = re.compile(r"^['‘\"“„].{3,80}['’\"”]$")  # a line that is a quote and nothing else


def _label_words(line: str) -> int:
    """The words of a short line, a section's path ("Indie Spotlight / Reviews") counted without its marks."""
    return len(_PATH_MARK.sub(" ", line).split())


def _longer_headline(after: str, line: str) -> bool:
    """Whether ``after`` reads as a headline of its own, longer than ``line``: five words or more, headline-like,
    and not running text (no full stop at its end unless written in title case, as headlines are: "Staff Used
    Face-Down Restraints … Regulators Rarely Stepped In.")."""
    count = len(shape.words(after))
    if count < 5 or count <= len(shape.words(line)) or not _headline_shaped(after):
        return False
    if not after.endswith((".", "!")):
        return True
    long_words = [w for w in shape.words(after) if len(w) >= 4 and w[0].isalpha()]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.8


def _post_under_date(following) -> bool:
    """Whether the lines (index, line) under a date are a post of its own: a short headline-like line (no
    sentence), then running text, a byline or a name."""
    if len(following) < 2:
        return False
    title, first = following[0][1], following[1][1]
    return (_headline_shaped(title) and not shape.is_sentence(title) and len(shape.words(title)) <= 12
            and bool(shape.is_sentence(first) or kinds.byline(first) or persons.bare_name(first)))


def _credits(line: str, month_first: bool) -> bool:
    """A byline (one naming no one included: "Written by Editorial Team"), a name alone or a date line: what
    stands under a headline."""
    return bool(line) and bool(kinds.byline(line) or persons.bare_name(line) or kinds.GENERIC_BYLINE.match(line)
                               or dates.date_line(line, month_first=month_first))


def _menu_item(line: str) -> bool:
    """A menu's entry: furniture, a menu row, or a single capitalised word that is neither a date nor a name."""
    return bool(kinds.is_chrome(line) or is_nav_row(line) or line.lower() in _NAV_WORDS
                or (len(shape.words(line)) == 1 and line[:1].isupper() and line[-1:].isalpha()))


def _headline_shaped(text: str) -> bool:
    """Headline-like, a headline in capitals included ("COUNCIL VOTES TO CLOSE THE OLD LIBRARY")."""
    if shape.is_all_caps(text) and 4 <= len(shape.words(text)) <= 20:
        return is_headline_like(text.title())
    return is_headline_like(text)


def _article(following) -> bool:
    """Whether the first of the lines (index, line) belongs to an article: running text, a byline, a name or a
    warning (not a menu's item, nor another headline)."""
    return any(shape.is_sentence(line) or kinds.byline(line) or persons.bare_name(line) or cautions.warning(line)
               for _, line in following[:1])


def first_confirmed(lines: list[str], month_first=False, *, owners: list[str] | None = None) -> tuple[int | None, bool]:
    """The old rule, now one feature among others: (index of the headline, whether what follows confirms it).
    The headline is the first headline-like line, in capitals or not (a promotion, a photo credit, a pointer
    to another story, a banner (an alert or a ticker over the headline), a menu row or a menu's entry, an appeal or a footer's line, an item of a list of
    headlines or of a numbered list, a story listed with its age ("… - 16 mins ago"), another story's or an
    advert's link over its teaser cut short (and the teaser), or a name shown twice never; a stored date or a
    media marker before it left aside), confirmed by what follows it (its repeat, a deck, a byline, a date, a warning, a caption,
    running text or the reading time; a single word such as the site's name, an unmarked short line or a
    promotion passed over, except under a ticker's line; past furniture or a menu, only a byline; a
    masthead's day banner confirms nothing, nor the day's date over a blog's post, nor a line shown twice, which
    is the headline itself) rather than by more furniture; a label of three words or fewer over a longer headline is passed over, and so are a site's name
    and motto over its menu; a trail of sections run together with the headline confirms the headline under it;
    failing that, the first headline-like line, unconfirmed."""
    first_candidate = name_at = None  # (the site's name passed over, and where)
    owners = copyright_lines(lines) if owners is None else owners  # (headline_candidates has them already)
    teaser_at = -1  # (the teaser under another story's link, passed over with it)
    for index, line in enumerate(lines[:400]):
        if index == teaser_at:
            continue
        if line[:1].islower() and _post_title(lines, index):
            return index, True  # a post's title in lower case over its byline or date
        trail_to = _trail_to_headline(lines, index) if len(line) > 20 else None  # (a trail and a headline of four words)
        if trail_to is not None:
            return trail_to, True  # the trail ends with the headline it names, given under it
        if not line or not _headline_shaped(_LEADING_MARKER.sub("", title_text(line))) \
                or _PROMOTION.search(line) or _CREDIT.match(line) or ("(" in line and _PLACED.search(line)) or _POINTER.match(line) or is_nav_row(line) or kinds.is_section_trail(line) \
                or _NUMBERED.match(line) or kinds.is_end_of_article(line) or in_list(lines, index) or kinds.listed_with_age(line) \
                or _label_over_warning(lines, index) or _after_caption_label(lines, index) or in_menu(lines, index) \
                or is_banner(lines, index) or _owner(line, owners) or is_banner_over_header(lines, index, month_first) \
                or _running_sentence(lines, index):
            continue  # (a promotion, a photo credit, a pointer, a menu, an appeal, a list's item or the site's owner is no headline)
        following = next_lines(lines, index, 12)
        if following and following[0][1] == line and persons.bare_name(line):
            continue  # a byline's name shown twice ("Jane Doe" / "Jane Doe"), not a headline shown twice
        first_candidate = index if first_candidate is None else first_candidate
        if following and _label_words(line) <= 3 and _longer_headline(following[0][1], line):
            name_at = index
            continue  # a label over the headline, though shown again below it (a show's name over its episode)
        if any(other == line for _, other in following):
            if _label_words(line) <= 3 and _titled_below(lines, index):
                name_at = index
                continue  # a publication's name shown twice, over a post's title with its byline or date
            return index, True  # a headline shown twice
        line = _LEADING_MARKER.sub("", title_text(line))  # (" date 2019-03-13 [VIDEO] Headline": the headline's words)
        # A single word under it (the site's or the section's name) confirms nothing, nor a short line that is
        # none of the kinds (an image's alt text or caption, "phone scam"): what comes after them is looked at.
        raw_following = following
        ticker = bool(_TICKER.match(line))  # (a ticker's line is confirmed only by what stands right under it)
        following = [(position, other) for position, other in following  # (an app's advert confirms nothing)
                     if (ticker or len(shape.words(other)) > 1) and not _PROMOTION.search(other)]
        while len(following) > 1 and not ticker and _unmarked_short_line(following[0][1], month_first):
            following = following[1:]
        if not following:
            continue
        after = following[0][1]
        if kinds.is_teaser(after) and _headline_below_teaser([other for position, other in raw_following
                                                               if position > following[0][0]], month_first):
            teaser_at = following[0][0]
            continue  # another story's or a product's link over its teaser cut short ("The Law Officer's Pocket Manual" /
            # "This handy manual offers examples showing how rules are..."), a headline with its deck or credits below:
            # neither the link nor its teaser
        if raw_following and _PROMOTION.search(raw_following[0][1]) and _headline_with_credits(
                [other for _, other in raw_following[1:6]], month_first):
            continue  # a motto over the site's "Subscribe / Sign in", a headline with its byline or date below them
        if ((shape.is_sentence(after) and after.endswith(".")) or line.endswith(".")) and not _credits(after, month_first) \
                and _credited_headline_below(lines, index, month_first):
            continue  # a notice's line or sentence, above a headline with its byline or date under it
        if _over_menu(lines, raw_following, month_first):
            # A menu under it: a site's name or motto over its menu (perhaps with the day's date between them),
            # unless a byline stands past the furniture (the headline over "Published" / "4 hours ago" / "Share").
            past = next((other for position, other in raw_following
                         if not (kinds.is_chrome(other) or in_menu(lines, position) or _after_caption_label(lines, position)
                                 or dates.date_line(other, month_first=month_first))), "")
            if past and kinds.byline(past) and len(shape.words(line)) > 3:
                return index, True
            continue
        if len(shape.words(line)) <= 3 and dates.date_line(after, month_first=month_first) and not _article(
                [(position, other) for position, other in raw_following if other != after][:1]):
            continue  # a masthead over the site's banner for the day, then a menu or the headline ("THE COURIER", "Sunday 22 October 2023", "News")
        if len(shape.words(line)) <= 5 and dates.date_line(after, month_first=month_first) and _post_under_date(
                [(position, other) for position, other in raw_following if other != after]):
            continue  # a blog's motto over its day's date and the day's post ("Notes from plot 14" / "Monday, 7 April 2014" / "Broad beans at last")
        if kinds.is_chrome(after) and dates.RELATIVE_DATE.search(after) and len(shape.words(after)) <= 5 \
                and len(shape.words(line)) > 3 and _running_text_under(raw_following, following[0][0]):
            return index, True  # a headline over when it was posted ("1 min ago") and the article's first paragraph
        if dates.BULLET.match(after) and len(shape.words(after)) >= 6 and len(shape.words(line)) > 3:
            return index, True  # a headline over its summary in points ("• More than 80 firefighters are battling …")
        if kinds.is_chrome(after) and not (dates.date_line(after) or kinds.byline(after) or _READING_TIME.match(after)):
            # Furniture under it (a menu's next item, or summary bullets): only a byline past it confirms (a date
            # may stand above the headline), and not a short line's (a site's name).
            past = next((other for position, other in following
                         if not kinds.is_chrome(other) and not _after_caption_label(lines, position)), "")
            if past and kinds.byline(past) and len(shape.words(line)) > 3:
                return index, True
            continue
        if kinds.GENERIC_BYLINE.match(after) and len(shape.words(line)) > 3:
            return index, True  # a byline naming no one under it ("Written by Editorial Team") still credits it
        if _label_words(line) <= 3 and _longer_headline(after, line):
            name_at = index
            continue  # a section's or a series' label over the headline ("Police & Fire", "Investigations: Locked Doors")
        below_after = next((other for position, other in raw_following if position > following[0][0]), "")
        if OVERLINE_QUOTE.match(line) and shape.is_all_caps(line) and _longer_headline(after, line) \
                and _credits(below_after, month_first):
            continue  # a quote in capitals over the headline and its byline ("'I THOUGHT I WAS GOING TO DIE'")
        if len(shape.words(line)) <= 3 and not _credits(after, month_first) and _credits(below_after, month_first):
            continue  # a label ("Guest essay") over the headline, whose byline or date stands under it
        if is_headline_like(after) and (not shape.is_sentence(after) or after.endswith("?")):
            if _label_words(line) <= 3 or is_masthead(line) or _SECTION_KICKER.match(after):
                # (a headline opens with its section's kicker, a deck never: "EDITORIAL: We need to talk …" is the
                # headline under the site's motto)
                name_at = index
                continue  # a site's name (or a section's path: "Newsroom / Press releases") above the real headline
            at = following[0][0]
            under = next((other for position, other in raw_following if position > at), "")
            if len(shape.words(line)) > 3 and len(shape.words(after)) <= 4 and persons.names_an_outlet(after) \
                    and under and dates.RELATIVE_DATE.search(under):
                return index, True  # a headline over its outlet's name and when ("Jeevay News" / "4 hours ago")
            if name_at is not None and index - name_at <= 2 and _credits(under, month_first) and not shape.is_all_caps(lines[name_at]) \
                    and not shape.is_sentence(line) and len(shape.words(after)) >= 4 and not persons.bare_name(after):
                continue  # a newsletter's name, its motto, then the post's title with its writer or date under it (a
                # kicker in capitals over the headline and its deck is no newsletter's name: "PROZESS IN KOBLENZ")
            if under and _menu_item(under) and not persons.bare_name(under) and not (persons.bare_name(after) or kinds.byline(after)):
                continue  # a blog's name and its tagline over its menu ("Notes from the Border" / "Essays and reporting" / "Posts")
            if not (persons.bare_name(after) or kinds.byline(after)) and _over_menu(
                    lines, [(position, other) for position, other in raw_following if position > at], month_first):
                continue  # a site's name and its motto over the day's date and its menu
            if under == after and len(shape.words(after)) >= 2 and _site_motto(line):
                continue  # the line under it is shown twice (the page's title, then its heading): that is the headline,
                # this the site's name or motto ("TMX Talks — News. Updates. Events" / "Domestic Violence Awareness" ×2)
            return index, True  # a headline and its deck
        past = next((other for position, other in raw_following if position > following[0][0]), "")
        if shape.is_sentence(after) and len(shape.words(line)) <= 5 and past and (is_nav_row(past) or kinds.is_menu_row(past)):
            continue  # a site's name and its motto over its menu ("Notes from Kharkiv" / "A volunteer medic's diary." / "Home  About")
        if (
            shape.is_sentence(after) or kinds.byline(after) or persons.bare_name(after) or cautions.warning(after)
            or dates.date_line(after, month_first=month_first) or endings.is_caption(after)
            or kinds.SECTIONS.match(after) or is_headline_like(after) or _READING_TIME.match(after)
        ):
            return index, True
    return first_candidate, False


def _running_text_under(following: list[tuple[int, str]], at: int) -> bool:
    """Whether the first of the ``following`` lines past position ``at`` is running text (a sentence)."""
    return endings.is_running_text(next((other for position, other in following if position > at), ""))


def named_by_trail(lines: list[str], at: int) -> bool:
    """Whether a trail of sections over the line at ``at`` ends with it (_trail_to_headline): it names the headline."""
    return any(len(lines[index]) > 20 and _trail_to_headline(lines, index) == at
               for index in range(max(0, at - 3 * TRAIL_REACH), at))


def _trail_to_headline(lines: list[str], index: int) -> int | None:
    """Where the headline is, when the line is a trail of sections that ends with it, the headline then given on a
    line of its own under it (within TRAIL_REACH lines): run together ("HomeHeadline StoryInquiry publishes …") or
    a few capitalised steps apart ("Home Essays Should We Look at Corrosive Images?"). Else None."""
    line = lines[index]
    for position, headline in next_lines(lines, index, TRAIL_REACH):
        if len(headline) >= len(line) or (line[-3:] != headline[-3:] and not _QUOTES.intersection(line[-3:] + headline[-3:])):
            continue  # (most lines: not its end; only quotes set straight may make the two ends differ)
        line, headline = line.translate(_STRAIGHT), headline.translate(_STRAIGHT)  # ("CNN's" in the trail, "CNN’s" under it)
        if len(shape.words(headline)) >= 4 and line.endswith(headline):
            steps = line[:-len(headline)]
            if not steps[-1].isspace() or (2 <= len(steps.split()) <= 4 and all(word[:1].isupper() for word in steps.split())):
                return position
    return None


TRAIL_REACH = 8
_STRAIGHT = str.maketrans("’‘“”", "''\"\"")
_QUOTES = frozenset("’‘“”")


def _running_sentence(lines: list[str], index: int) -> bool:
    """Whether the line is a sentence of running text, which a headline is not: twelve words or more ending with a
    full stop, most of them in lower case, with more running text (or the same words again, as a caption) under
    it ("A MAN has allegedly slashed a nurse a number of times with two knives.")."""
    line = lines[index]
    if not line.endswith(".") or line.endswith("..."):
        return False
    count = len(shape.words(line))
    if count < 12 or sum(word[:1].islower() for word in shape.words(line)) * 2 <= count:
        return False
    after = next_lines(lines, index, 1)
    return bool(after) and (after[0][1].startswith(line[:-1]) or endings.is_running_text(after[0][1]))


def _headline_with_credits(following: list[str], month_first: bool) -> bool:
    """Whether the first of the lines is a headline of four words or more with a byline or a date right under
    it or under its deck."""
    if len(following) < 2 or not _headline_shaped(following[0]) or shape.is_sentence(following[0]) \
            or len(shape.words(following[0])) < 4:
        return False
    return _credits(following[1], month_first) or (len(following) > 2 and _credits(following[2], month_first))


_MOTTO_AFTER_NAME = re.compile(r"^(?:\S+\s+){0,2}\S+\s+[—–|-]\s+\S")  # "TMX Talks — News. Updates. Events"


def _site_motto(line: str) -> bool:
    """Whether the line reads as a site's name, perhaps with its motto after a dash or a bar: three words at most, or
    a name of three words at most set off from what follows ("TMX Talks — News. Updates. Events")."""
    return _label_words(line) <= 3 or bool(_MOTTO_AFTER_NAME.match(line))


def _headline_below_teaser(following: list[str], month_first: bool) -> bool:
    """Whether the first of the lines (those under a teaser cut short) is a headline, not a sentence nor another
    teaser, with running text, a byline or a date on one of the two lines under it."""
    if len(following) < 2 or not _headline_shaped(following[0]) or shape.is_sentence(following[0]) or kinds.is_teaser(following[0]):
        return False
    return any(_credits(other, month_first) or (shape.is_sentence(other) and not kinds.is_teaser(other)) for other in following[1:3])


HEADER_REACH = 6  # how far under a headline its credits may stand (past its deck, a warning, a caption)


@lru_cache(maxsize=8192)
def _passed_over(line: str) -> bool:
    """What may stand between a headline and its credits without breaking the header: a stated warning, a
    caption or a video's label, a promotion, the reading time, a share row or other furniture."""
    if _MEDIA_LABEL.match(line) or _READING_TIME.match(line) or _CREDIT.match(line) or endings.is_caption(line) \
            or cautions.warning(line):
        return True
    # (a promotion or furniture is short: a paragraph of running text is looked at no further)
    return len(shape.words(line)) <= 25 and bool(kinds.is_chrome(line) or _PROMOTION.search(line))


class _PageMemo(threading.local):
    """What credited() found for each line of the page being read, kept for each thread apart: the page's lines
    are one list for the whole parse, so the answers are kept while that list is the one asked about (a new
    list starts afresh). The list must not be changed in place once asked about (layout() reads the site's
    furniture out before the header)."""

    def __init__(self):
        self.lines: list[str] | None = None
        self.found: dict = {}

    def of(self, lines: list[str]) -> dict:
        if self.lines is not lines:
            self.lines, self.found = lines, {}
        return self.found


_page_memo = _PageMemo()


def credited(lines: list[str], index: int, month_first: bool = False) -> bool:
    """Whether the line heads an article's header: its byline, the writer's name or a date (a relative one,
    "2 hours ago", included) stands under it within HEADER_REACH lines, past at most one deck (a line of
    another kind, not a short label) and any warnings, captions, promotions or furniture — but not past
    running text or a short label."""
    found = _page_memo.of(lines)
    key = (index, month_first)
    if key not in found:
        found[key] = _credited(lines, index, month_first)
    return found[key]


def _credited(lines: list[str], index: int, month_first: bool) -> bool:
    deck, short = False, len(shape.words(title_text(lines[index]))) <= 3
    for _, line in next_lines(lines, index, HEADER_REACH):
        kind = _header_kind(line, month_first)
        if kind == "credit":
            return True
        if kind == "passed":
            continue
        if kind == "stop" or deck or short:
            return False  # (a menu, a label, running text; or a second deck, or a label or a name over its deck)
        deck = True
    return False


@lru_cache(maxsize=8192)
def _header_kind(line: str, month_first: bool) -> str:
    """What a line under a possible headline is to credited(): "credit" (a byline, a name, a date, a relative
    time), "passed" (what may stand between a headline and its credits: _passed_over), "stop" (a menu, a label of
    three words or fewer, long running text), or "deck"."""
    count = len(shape.words(line))
    if _credits(line, month_first) or (count <= 6 and dates.RELATIVE_DATE.search(line)):
        return "credit"
    if is_nav_row(line) or kinds.is_menu_row(line):
        return "stop"
    if _passed_over(line):
        return "passed"
    if count <= 3 or (count >= 40 and shape.is_sentence(line)):
        return "stop"
    return "deck"


def is_banner_over_header(lines: list[str], index: int, month_first: bool = False) -> bool:
    """Whether the line is a banner over the article's header rather than its headline: it is not credited
    itself, and under it, past one or more short labels (a section's name: "WAR", "Courts", "News" / "Campus")
    or promotions, stands a headline of four words or more that is ("Air raid alert in Kharkiv oblast" /
    "WAR" / "Missile strike on Kharkiv market kills seven" / "25.05.2024"); a writer's name with their outlet
    there ("Jo Lee, The Canadian Press") is the headline's byline, not another headline."""
    if credited(lines, index, month_first):
        return False
    if _TICKER.match(lines[index]) or _CAPS_LABEL.match(lines[index]):
        # A ticker's or an alert's line ("BREAKING: Bussell Highway closed …", "FIRST ALERT WEATHER DAY: …") over the
        # site's name, its motto or a section, then a headline that is credited: a banner.
        return any(6 <= len(shape.words(line)) <= 30 and not line.endswith(".") and _headline_shaped(line)
                   and credited(lines, position, month_first) for position, line in next_lines(lines, index, 6))
    labels = 0
    for position, line in next_lines(lines, index, 5):
        count = len(shape.words(line))
        if (count <= 3 and not _credits(line, month_first)) or (count <= 25 and _PROMOTION.search(line)):
            labels += 1
            continue
        return bool(labels and 4 <= len(shape.words(line)) <= 30 and _headline_shaped(line) and not line.endswith(".")
                    and not persons.name_line(line) and credited(lines, position, month_first))
    return False


def _media_label_under_headline(lines: list[str], index: int, month_first: bool) -> bool:
    """A video's or a gallery's label ("Video: Family remembers …") under a headline whose credits stand under
    both (perhaps past a warning): the label of the page's video, not its headline."""
    if not _MEDIA_LABEL.match(lines[index]):
        return False
    above = [position for position in range(index - 1, max(index - 5, -1), -1) if lines[position]]
    for position in above:
        if not _passed_over(lines[position]):
            return len(shape.words(lines[position])) >= 4 and _headline_shaped(lines[position]) \
                and credited(lines, position, month_first)
    return False


def under_credited(lines: list[str], index: int, month_first: bool) -> bool:
    """Whether the line is the deck of a credited headline right above it (a line of four to thirty words,
    no sentence ending in a full stop, whose credits stand under this one)."""
    above = [position for position in range(index - 1, max(index - 4, -1), -1) if lines[position]][:1]
    return bool(above) and 4 <= len(shape.words(lines[above[0]])) <= 30 and not lines[above[0]].endswith(".") \
        and not kinds.is_chrome(lines[above[0]]) and not _credits(lines[index], month_first) \
        and credited(lines, above[0], month_first) and not _passed_over(lines[index])


def _running_text(line: str) -> bool:
    """A sentence that ends as one: a long deck with no full stop ("Thirteen years on, I still …") is still a deck."""
    return shape.is_sentence(line) and line[-1:] in ".!?”\"’"


def _credited_headline_below(lines: list[str], index: int, month_first: bool, window: int = 5) -> bool:
    """Whether, in the ``window`` lines under ``index`` (before more running text), a headline stands with its
    byline or date right under it, or under its deck."""
    following = [other for _, other in next_lines(lines, index, window)]
    for place, line in enumerate(following[:-1]):
        if shape.is_sentence(line) and len(shape.words(line)) >= 14:
            return False  # (the article's running text: what stands under it is not its header)
        if not _headline_shaped(line) or shape.is_sentence(line) or len(shape.words(line)) < 5:
            continue
        under = following[place + 1:place + 3]
        if _credits(under[0], month_first) or (len(under) > 1 and not _credits(under[0], month_first)
                                                and not _running_text(under[0]) and _credits(under[1], month_first)):
            return True
    return False


# Where the weights start, and what they are pulled back towards: the rule the importer used before it
# learned (the first headline-like line that what follows confirms). The data moves them from there.
# A promotion, a ticker, a caption, a pointer to another story or an item of a list (of headlines, or
# numbered) is never the headline a reader means: they start against.
PRIOR = {"first_confirmed": 1.5, "first_headline_like": 1.0, "told_below": 3.0, "untold_below": -1.5, "headline_like": 1.0, "promotion": -2.0, "ticker": -1.0,
         "caption": -2.0, "single_word": -2.0, "live_strip": -2.5, "pointer": -2.0,
         "in_list": -1.5, "numbered": -2.0, "banner": -1.5, "after_credited_text": -2.0}
