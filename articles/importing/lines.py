"""What one line of a page is: furniture or a byline (what closes a text, a caption or running text: endings.py;
a date: dates.py; a stated warning: cautions.py; a person's name: persons.py; a line's words, sentence or
capitals: shape.py; whether a line could be a headline: headline.is_headline_like). Each function looks at the
line alone (and the phrases in phrases.py); where it stands on the page is the header reader's business
(header.py). Pure.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cached_property, lru_cache

try:  # the parsed form of a pattern (FirstCharacterIndex); private to re, so a later Python may lack it
    from re import _constants as codes, _parser
except ImportError:  # pragma: no cover - every alternative is then tried, as before the index
    codes = _parser = None

from articles.importing import dates, persons, phrases, shape


# What a case-insensitive pattern reads as an ASCII letter besides its two cases ("İ" and "ı" as "i", "ſ" as "s",
# the Kelvin sign as "k"): with them made that letter, a line lower-cased holds, in lower case, every run of ASCII
# characters a case-insensitive pattern matches in it.
_AS_ASCII_LETTER = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def lowered(line: str) -> str:
    """The line lower-cased for plain substring tests standing in for a case-insensitive pattern (see above)."""
    if line.isascii() or not ("\u0130" in line or "\u0131" in line or "\u017f" in line):
        return line.lower()  # (the Kelvin sign lower-cases to "k" of itself)
    return line.translate(_AS_ASCII_LETTER).lower()


class CuedPattern:
    """A case-insensitive pattern with its cues: ASCII words or phrases, in lower case, one of which every match
    holds. ``search`` runs the pattern only on a line holding a cue (a few substring tests on the lower-cased
    line cost far less than a search for a long alternation over a long line), with the same result."""

    def __init__(self, pattern: str, cues: tuple[str, ...]):
        self.pattern = re.compile(pattern, re.I)
        self.cues = cues

    def search(self, line: str) -> re.Match | None:
        low = lowered(line)
        for cue in self.cues:  # (a plain loop: quicker than any() over a generator)
            if cue in low:
                return self.pattern.search(line)
        return None


class FirstCharacterIndex:
    """``shape.any_line(patterns)`` for a long list of whole-line patterns, looked up by the line's first character: for
    each first character one pattern of only the alternatives whose matches can start with it (read from each
    alternative's parsed form: ``_first_characters``; made the first time a line starts with that character),
    so that a line is tried against a few alternatives, not all of them (the engine tries every alternative of a
    case-insensitive alternation in turn, at some cost each on every line). An alternative whose first
    character cannot be told is tried whatever the line's. ``match`` finds a match exactly when
    ``shape.any_line(patterns).match`` does; the match comes from a smaller pattern (its groups numbered otherwise): test
    it for truth only."""

    def __init__(self, patterns, flags=re.I):
        self.patterns, self.flags = list(patterns), flags
        self._starts = [_first_characters(pattern, flags) for pattern in self.patterns]
        self._by_first: dict[str, re.Pattern | None] = {}
        self._by_choice: dict[tuple[int, ...], re.Pattern | None] = {}

    @cached_property
    def whole(self) -> re.Pattern:
        """All the alternatives as one pattern, as ``shape.any_line`` makes it."""
        return shape.any_line(self.patterns, self.flags)

    def match(self, line: str) -> re.Match | None:
        first = line[:1]
        try:
            pattern = self._by_first[first]
        except KeyError:
            pattern = self._by_first[first] = self._pattern_for(first)
        return pattern.match(line) if pattern is not None else None

    def _pattern_for(self, first: str) -> re.Pattern | None:
        """The alternatives a line starting with ``first`` may match, as one pattern (None: none may)."""
        chosen = tuple(index for index, starts in enumerate(self._starts) if starts is None or any(
            re.fullmatch(character, first, flags) for character, flags in starts))
        if chosen not in self._by_choice:
            self._by_choice[chosen] = shape.any_line([self.patterns[index] for index in chosen], self.flags) if chosen else None
        return self._by_choice[chosen]


def _first_characters(pattern: str, flags) -> list[tuple[str, int]] | None:
    """What a non-empty match of ``pattern`` can start with, as one-character patterns, each with its flags; None
    when that cannot be told (any character, a class such as ``[^…]``) or the pattern may match an empty line."""
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
        first, empty = _sequence_firsts(parsed.data, flags | parsed.state.flags)  # (with "(?i)" at its start)
    except Exception:  # (the parser's private form changed): every alternative is tried
        return None
    return None if first is None or empty else first


def _sequence_firsts(items, flags) -> tuple[list[tuple[str, int]] | None, bool]:
    """(what the parsed items' matches start with, or None: anything; whether they may match nothing)."""
    found = []
    for op, av in items:
        first, empty = _item_firsts(op, av, flags)
        if first is None:
            return None, False
        found += first
        if not empty:
            return found, False
    return found, True


_CATEGORIES = {codes.CATEGORY_DIGIT: r"\d", codes.CATEGORY_SPACE: r"\s", codes.CATEGORY_WORD: r"\w"} if codes else {}


def _item_firsts(op, av, flags) -> tuple[list[tuple[str, int]] | None, bool]:
    if op is codes.LITERAL:
        return [(re.escape(chr(av)), flags)], False
    if op is codes.IN:
        found = []
        for kind, value in av:
            if kind is codes.LITERAL:
                found.append((re.escape(chr(value)), flags))
            elif kind is codes.RANGE:
                found.append((f"[{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}]", flags))
            elif kind is codes.CATEGORY and value in _CATEGORIES:
                found.append((_CATEGORIES[value], flags))
            else:
                return None, False
        return found, False
    if op in (codes.AT, codes.ASSERT, codes.ASSERT_NOT):  # (matching no character)
        return [], True
    if op is codes.SUBPATTERN:
        # (with the flags it adds, "(?i:…)"; one it takes away, "(?-i:…)", only narrows what it matches)
        return _sequence_firsts(av[-1].data, flags | av[1])
    if op is codes.BRANCH:
        found, empty = [], False
        for branch in av[1]:
            first, may_be_empty = _sequence_firsts(branch.data, flags)
            if first is None:
                return None, False
            found, empty = found + first, empty or may_be_empty
        return found, empty
    if op in (codes.MAX_REPEAT, codes.MIN_REPEAT, codes.POSSESSIVE_REPEAT):
        first, empty = _sequence_firsts(av[2].data, flags)
        return first, empty or av[0] == 0
    return None, False


CHROME = FirstCharacterIndex(phrases.CHROME_LINES)
SIDEBAR = shape.any_line(phrases.SIDEBAR_LABELS)
SPONSOR = shape.any_line([phrases.SPONSOR_LABELS])
WEATHER_WIDGET = re.compile(phrases.WEATHER_WIDGET, re.I)
SHARE_ROW = re.compile(rf"^(?:share\s+(?:(?:this|the)\s+\w+\s+)?(?:on|via|to)\s*:?\s*)?(?:(?:{phrases.SHARE_WORDS})\b[\s|,·•:/]*){{2,}}$", re.I)
PROMOTION = CuedPattern(phrases.PROMOTION, phrases.PROMOTION_CUES)
END_OF_ARTICLE = FirstCharacterIndex(phrases.END_OF_ARTICLE)


def _cued(pairs):
    """(cue, whole-line pattern) pairs, compiled."""
    return tuple((cue, shape.any_line([pattern])) for cue, pattern in pairs)


def _matches_cued(cued, line: str) -> bool:
    """Whether the line is one of the cued patterns' (looked for only when its cue is in the lower-cased line)."""
    low = line.lower()
    for cue, pattern in cued:  # (a plain loop: quicker than any() over a generator)
        if cue in low and pattern.match(line):
            return True
    return False


END_OF_ARTICLE_CUED = _cued(phrases.END_OF_ARTICLE_CUED)
CAPTION = re.compile("|".join(phrases.CAPTION_MARKS), re.I)
CAPTION_CREDIT = re.compile("|".join(phrases.CAPTION_CREDITS), re.I)
# A byline that names no one ("Written by Editorial Team", "By Staff Reporter", "By the Associated Press").
GENERIC_BYLINE = re.compile(
    r"^(?:(?:written|posted|reported|compiled|story|article)\s+)?by\s*:?\s+(?:the\s+)?(?:" + "|".join(phrases.GENERIC_CREDITS) + r")\.?$"
    rf"|^(?:{phrases.NO_ONES_CREDIT})$"  # ("Staff Correspondent" alone under the headline)
    # the paper's own reporter ("Times Reporter", "Daily Nation Correspondent")
    rf"|^(?:[\w'’&.-]+\s+){{0,2}}(?:{'|'.join(phrases.OUTLET_WORDS)})\s+(?:correspondent|reporter|writer)s?$",
    re.I)
APPEAL = re.compile(phrases.APPEAL, re.I)

LIST_ITEM = re.compile(r"^[–—-]\s+(?=\S)")
URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
COUNTER = re.compile(r"^[\d.,]+\s*[km]?(?:\s+[\d.,]+\s*[km]?)*$", re.I)
TICKER = re.compile(r"^\d+\s*(?:s|m|min|mins|h|hr|hrs|d)\s+ago", re.I)  # "29m agoCaptain Tom's daughter…"
BREADCRUMB = re.compile(r"^(?:you are here:\s*)?home\s*(?:[/>»›|]\s*[^/>»›|]+)+$", re.I)
HOME_TRAIL = re.compile(r"^home(?:\s+[A-Z][\w&]*)+$")  # "Home Global Analysis"
MEDIA_MARKER = re.compile(r"\s*\[(?:videos?|photos?|pictures?|watch|video\s*&\s*photos?)\]\s*$", re.I)
SECTIONS = re.compile(r"^in\s+(?P<list>[A-Z][\w&’' -]*(?:\s*,\s*[A-Z][\w&’' -]*)*)$")
IMAGE_CREDIT = re.compile(
    r"^(?:featured\s+image|main\s+image|header\s+image|top\s+image|image|photo|picture)"
    r"(?:\s+(?:via|by|credit|courtesy(?:\s+of)?)|\s*credit)\s*:?\s+(?P<credit>\S.*?)\.?$",
    re.I,
)
CAPTION_LABEL = re.compile(rf"^(?:{phrases.CAPTION_LABELS})\s*:\s+\S", re.I)

# --- cleaning ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=8192)  # a site's menus and footers come back on every page
def clean_line(line: str) -> str:
    """NFC, no-break spaces as spaces, no zero-width characters, single spaces, and no emoji or reference mark
    used as a bullet at the start ("💔 This past weekend…", "⚠️ TW: …", "※ Viewer discretion …", "× Flash flooding …"), nor a picture's
    file name glued before the text ("news_722-300x180 At least …")."""
    if "  " in line or "\t" in line:
        row = _spaced_row(line)
        if row:
            line = row
    sized = _SIZED_PICTURE.match(line) if "x" in line[:100] and "-" in line[:100] else None
    if sized:
        line = line[sized.end():]  # a picture's file name glued before the text ("jos_news_722-300x180 At least 25 …")
    if line.isascii():  # most lines: already NFC, no special spaces, and only "^" or "`" could be stripped
        line = " ".join(line.split())
        if not line.startswith(("^", "`")):
            return line
    line = unicodedata.normalize("NFC", line).replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    line = " ".join(line.split())
    stripped = line
    # (an emoji's variation selector or joiner goes with it: "⚠️ TW: …")
    while stripped and (unicodedata.category(stripped[0]) in ("So", "Sk", "Cs") and stripped[0] not in "©®"
                        or stripped[0] in "\ufe0e\ufe0f\u200d※×"):  # (and a reference mark: "※ Viewer discretion …", a close button's ×)
        stripped = stripped[1:].lstrip()
    return stripped if stripped != line and stripped else line


@lru_cache(maxsize=8192)
def unglued(line: str) -> tuple[str, ...]:
    """The line, or the two lines a page's text ran together: a deck and its writer's name ("… disrupted rescue
    efforts.Menuka Dhungana"), a picture's alt text and the first paragraph ("Court GavelAn Asaba High Court
    yesterday …"), or whatever stood before a dateline in brackets and the paragraph it opens ("…ABC News(SPARKS,
    Nev.) — A …"). Anything else: the line alone."""
    if len(line) < 40:
        return (line,)
    stop = max(line.rfind(".", -45), line.rfind("!", -45), line.rfind("?", -45))  # (the name closes the line)
    if 0 < stop < len(line) - 4 and line[stop - 1].islower() and line[stop + 1].isupper():
        name = line[stop + 1:]
        if _NAME_AFTER_SENTENCE.fullmatch(name) and persons.bare_name(name) == name:
            return line[:stop + 1], name
    alt = _ALT_BEFORE_TEXT.match(line)
    if alt:
        return alt.group("alt"), line[alt.end("alt"):]
    timed = _TIME_BEFORE_NAME.search(line)  # "Published: … | 12:08 AMAdrian Frater/Gleaner Writer"
    if timed and persons.bare_name(line[timed.end():]):
        return line[:timed.end()], line[timed.end():]
    if "(" in line:
        dateline = _GLUED_DATELINE.search(line)  # "…16x9 992? KOLO/ABC News(SPARKS, Nev.) — A middle school …"
        if dateline:
            return line[:dateline.start()].rstrip(), line[dateline.start():]
    return (line,)


# A dateline in brackets opening the article's text, run into what stood before it (a picture's alt text and credit).
_GLUED_DATELINE = re.compile(r"(?<=[\w.?!])\([A-Z][A-Z .'’-]{2,30},\s*[A-Z][\w.]{1,15}(?:\s[A-Z][\w.]{1,15})?\)\s*[—–-]\s+(?=[A-Z]\S*\s\S.{40,}$)")
_TIME_BEFORE_NAME = re.compile(r"\d{1,2}[:.]\d{2}\s?(?:AM|PM|am|pm|a\.m\.|p\.m\.)(?=[A-Z][a-z]+\s+[A-Z])")  # a time, a name run into it
_NAME_AFTER_SENTENCE = re.compile(r"[A-Z][a-z]+(?: [A-Z][\w'’-]+){1,2}")
_ALT_BEFORE_TEXT = re.compile(
    r"^(?P<alt>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){1,3}[a-z])(?=(?:A|An|The|After|When|Police|Two|Three)\s\S.{40,}$)")


_WIDE_GAP = re.compile(r"\s{2,}|\t")
_PICTURE_EXTENSIONS = ("jpg", "jpeg", "png", "gif", "webp", "avif", "svg")  # a picture file's endings
_PICTURE_ENDS = tuple(extension[-4:] if len(extension) >= 4 else "." + extension for extension in _PICTURE_EXTENSIONS)
_PICTURE_EXTENSION = "(?:" + "|".join(_PICTURE_EXTENSIONS) + ")"
_SIZED_PICTURE = re.compile(rf"[\w.-]{{1,80}}-\d{{2,4}}x\d{{2,4}}(?:\.{_PICTURE_EXTENSION})?\s+(?=\S)", re.I)


def _spaced_row(line: str) -> str:
    """A row of items set apart by wide gaps rather than words ("Forums   What's new   Members   Resources", a
    menu as a page's text gives it) written with bars between the items ("Forums | What's new | …"), so that it
    reads as the row it is once its spaces are made single; "" for any other line (sentences set two spaces
    apart included)."""
    parts = _WIDE_GAP.split(line.strip())
    if len(parts) < 3 or not all(1 <= len(part.split()) <= 4 and part[-1:] not in ".!?,;:" for part in parts):
        return ""
    return " | ".join(parts)


# A menu in one line ("Visit | Collections | Learning | Support us", "Peshawar · Islamabad · Quetta"): three items
# or more, each of one to four words (or two of up to three), none lower-case at its start or closing a sentence.
_ROW_SEPARATOR = re.compile(r"\s+[|·•]\s+")


def is_menu_row(line: str) -> bool:
    """A row of a menu's items between bars or dots; not a date line, a byline ("By JANE O'NEILL | Staff
    Writer"), nor a credit opening with a person's name ("Tom Baines · 3 min read · Mar 12, 2025")."""
    if "|" not in line and "·" not in line and "•" not in line:
        return False
    parts = _ROW_SEPARATOR.split(line.strip(" |·•"))
    most = 4 if len(parts) >= 3 else 3  # (two items of three words at most: "World | Middle East", "Sign in | Subscribe")
    if len(parts) < 2 or not all(
        1 <= len(part.split()) <= most and len(part) <= 40 and not part[:1].islower() and part[-1:] not in ".!?,;"
        for part in parts
    ):
        return False
    if len(parts) == 2 and dates.HAS_DIGIT.search(line):
        return False  # ("E48 · Goblin Lore Podcast": an episode's number and its show)
    return dates.date_line(line) is None and not any(dates.date_line(part) for part in parts) and not persons.bare_name(parts[0]) \
        and byline(line) is None


# A trail of sections without "Home" ("Stories from the field / Sudan", "Football › Championship › Ashbridge
# Athletic", "National / U.S. News"): two to five steps of one to four words, each set apart by a slash or an arrow,
# none a sentence (a full stop only inside a word: "U.S.").
_WORD = r"[^/›»>|:.,!?\s]+(?:(?:\.[^/›»>|:.,!?\s]+)+\.?)?"  # (full stops only in an abbreviation: "U.S.")
_STEP = rf"(?=[\w(]){_WORD}(?: {_WORD}){{0,3}}"
SECTION_TRAIL = re.compile(rf"^{_STEP}(?: [/›»>] {_STEP}){{1,4}}$")


# A strip of market figures ("FBM KLCI 1,652.40 ▲ 3.11 | USD/MYR 4.41"): arrows, a currency pair or code, a
# currency sign before a figure.
_MARKET = re.compile(r"[▲▼▴▾]|\b[A-Z]{3}/[A-Z]{3}\b|\b(?:USD|EUR|GBP|JPY|CNY|INR|KES|NGN|ZAR|MYR|PKR|AED|SAR|UAH|MXN|BRL)\b"
                     r"|[$€£¥₦₹]\s?\d|\d/\$")
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_ITEMS = re.compile(r"\s[|•▸·]\s")
_TICKER_LABEL = re.compile(phrases.TICKER_LABELS, re.I)


def is_ticker_strip(line: str) -> bool:
    """A ticker's strip of several items ("BREAKING: Senate confirms … | Naira closes at N1,412/$ | …", "JUST IN
    • … • …": a ticker's label and three items, or two set apart by a bullet), or a strip of market figures (two
    items with figures, or figures with an arrow or a currency pair)."""
    items = len(_ITEMS.findall(line)) + 1
    if items >= 2:  # (with no item's mark, the line less its label has none either: one part)
        if _TICKER_LABEL.match(line) and (items >= 3 or re.search(r"\s[•▸]\s", line)):
            return True
        parts = [part for part in _ITEMS.split(_TICKER_LABEL.sub("", line)) if part.strip()]
        if len(parts) >= 2 and all(len(shape.words(part)) >= 4 for part in parts) and (
                _TICKER_LABEL.match(line) or (len(parts) >= 3 and re.search(r"\s[•▸]\s", line))):
            return True  # stories side by side ("Latest: Airstrike hits … | Junta extends …", "FLASH ▸ … ▸ … ▸ …")
    if len(shape.words(line)) > 30 or _MARKET.search(line) is None:
        return False
    with_figures = sum(1 for item in _ITEMS.split(line) if _FIGURE.search(item))
    return with_figures >= 2 or (re.search(r"[▲▼▴▾]|\b[A-Z]{3}/[A-Z]{3}\b", line) is not None
                                 and len(_FIGURE.findall(line)) >= 2)


_SELF_NAMED = re.compile(  # what a site calls itself under its name: "news portal", "newspaper", "No 1 GhettoRadio"
    r"(?:news|newspaper|paper|portal|site|website|source|station|radio|tv|channel|network|daily|weekly|magazine|voice|"
    r"newsroom|outlet)$", re.I)


def is_motto(line: str) -> bool:
    """A site's motto under its name, naming whose it is ("Sri Lanka's News Portal", "TÜRKİYE'S ENGLISH-LANGUAGE
    NEWSPAPER", "Kenya's No 1 GhettoRadio"): a possessive and what the site is, in seven words or fewer."""
    found = shape.words(line)
    return (2 <= len(found) <= 7 and any(word.lower().endswith(("'s", "’s")) for word in found[:-1])
            and _SELF_NAMED.search(found[-1].rstrip(".!")) is not None)


_PICKER_MARK = re.compile(r"[|•·/]")


def is_language_picker(line: str) -> bool:
    """A site's language picker: two or more names of languages set apart by bars, bullets or slashes
    ("Bahasa Indonesia | English", "සිංහල | தமிழ் | English", "EN | FR")."""
    first = line.split(None, 1)
    if first and any(word and word.lower() not in phrases.LANGUAGES for word in _PICKER_MARK.split(first[0])):
        return False  # (the first word's pieces are words of the items: one that names no language settles it)
    items = [item.strip() for item in re.split(r"\s*[|•·/]\s*", line) if item.strip()]
    return len(items) >= 2 and all(
        all(word.lower() in phrases.LANGUAGES for word in item.split()) for item in items)


_ADVERT = re.compile(phrases.ADVERT, re.I)
# A trail that ends with the page's own title, as breadcrumbs do ("Community Forum » Local News » Fire on Quay
# Street last night – anyone know what happened?"): two or more short steps set apart by arrows, then the rest.
TRAIL_TO_TITLE = re.compile(rf"^{_STEP}(?: [›»>] {_STEP}){{1,4}} [›»>] \S")


def is_section_trail(line: str) -> bool:
    """A trail of sections without "Home" (SECTION_TRAIL), or one that ends with the page's title (TRAIL_TO_TITLE)."""
    return _MARKS.search(line) is not None and (SECTION_TRAIL.match(line) is not None
                                                 or TRAIL_TO_TITLE.match(line) is not None)


# A site's name as its masthead gives it: two to six capitalised words or numbers, one of them a word that names
# an outlet, capitalised ("KXTV 12 Prairie News", "The Kettle River Sentinel").
_MASTHEAD_WORD = re.compile(r"^(?:[A-Z0-9][\w'’&.-]*|of|the|and|&)$")
_OUTLET_NAME = re.compile(r"\b(?:" + "|".join(phrases.OUTLET_WORDS) + r")\b")


def is_site_name(line: str) -> bool:
    """Whether the line reads as a site's name in capitalised words (see above): what a page's first line often
    is, never its headline (a paper's name in capitals anywhere: headline.is_masthead)."""
    parts = line.split()
    return (2 <= len(parts) <= 6 and line[-1:] not in ".!?:" and _OUTLET_NAME.search(line) is not None
            and all(_MASTHEAD_WORD.match(part) for part in parts))


_MARKS = re.compile(r"[|•▸·▲▼▴▾/›»>]")  # what sets a strip's items, a trail's steps or a picker's languages apart
_POSSESSIVE = re.compile(r"['’]s\b")


_HOURS = re.compile(r"\bhours\s*:\s*(?:mon|tue|wed|thu|fri|sat|sun|daily|\d)", re.I)  # "Adoption center hours: Tue–Sun 11–6"


_GREETING = re.compile(phrases.GREETING, re.I)


def is_greeting(line: str) -> bool:
    """A site greeting its reader ("Hello, welcome to the Harbour Gazette"): a greeting and a comma before
    "welcome to", or a paper's name after it (phrases.OUTLET_WORDS); "Welcome to the new normal" is no greeting."""
    match = _GREETING.match(line)
    return bool(match) and bool(match.group("hello") or persons.names_an_outlet(match.group("site")))


_PHONE_ITEM = re.compile(r"^[A-Za-z][\w &/'’-]{0,30}:\s*\+?[\d()][\d()\s.-]{1,18}\d$")  # "Non-Emergency: 503-555-0110"


def _phone_row(line: str) -> bool:
    """A row of the site's telephone numbers, each under its label ("Emergency: 911 | Front desk: 555-0110")."""
    return dates.HAS_DIGIT.search(line) is not None and all(_PHONE_ITEM.match(item.strip()) for item in line.split(" | "))


# The site's banner for the day, in words ("Today is Monday, 2 October 2023", "Hoy es lunes, 2 de octubre"): never
# the publication date nor the headline.
_TODAY_IS = re.compile(r"^(?:today\s+is|today\s*:|hoy\s+es|aujourd[’']hui\s*(?:,|:|nous\s+sommes)|heute\s+ist|oggi\s+è|hoje\s+é)\s", re.I)
_OPEN_NOW = re.compile(r"^open\s+(?:today|now|daily|every\s+day)\b.{0,30}\d", re.I)  # "Open today 10:00–17:00 · Free admission"


def _link_row(line: str) -> bool:
    """A row of three or more short links set apart by bars, perhaps under a label ("Quick links: Report a
    problem | Pay online | Opening hours | Vacancies | Contact us")."""
    items = [item.strip() for item in line.split(" | ")]
    return (len(items) >= 3 and dates.HAS_DIGIT.search(line) is None  # (a byline's row has its date: "Jane Doe | Staff Writer | 12 …")
            and all(item and len(item.split()) <= 5 and item[-1:] not in ".!?" for item in items)
            and not persons.bare_name(items[0]))


# A logo's alt text: "The" and the site's one-word name ("The Mighty Logo"), a station's call sign ("KXAN logo"), or the
# site's name and "Logo" given twice ("Her Campus Logo Her Campus Logo"); a headline about a logo says more ("Twitter
# Unveils New Logo").
_LOGO = re.compile(r"^The\s+[A-Z][\w&'’.-]*\s+Logo$|^[A-Z0-9]{2,6}\s+(?i:logo)$"
                   r"|^(?P<name>(?:[A-Z0-9][\w&'’.-]*\s+){1,4})(?i:logo)\s+(?P=name)(?i:logo)$")


def _strip_or_banner(line: str, count: int) -> bool:
    """A trail of sections, a ticker's or a market's strip, a row of links, opening hours, a language picker, a site's motto,
    an advertisement or a date banner in another language; each looked for only where its marks are (most
    lines have none), and only in lines of as many words as it can have (``count``: the line's words)."""
    if _MARKS.search(line) and (SECTION_TRAIL.match(line) or is_ticker_strip(line) or is_language_picker(line)
                                or (" | " in line and (_link_row(line) or _phone_row(line)))):
        return True
    if "ours" in line and count <= 10 and _HOURS.search(line):
        return True
    if count <= 10 and line[:5].lower() == "open " and _OPEN_NOW.match(line):  # (opening hours for today)
        return True
    if count <= 10 and _TODAY_IS.match(line) and dates.HAS_DIGIT.search(line) is not None:  # ("Today is Monday, 2 October 2023")
        return True
    if count <= 7 and _POSSESSIVE.search(line) and is_motto(line):  # (a motto has seven words at most)
        return True
    if count <= 12 and "elcome" in line and is_greeting(line):  # (a greeting: twelve words at most)
        return True
    if count <= 10 and "ogo" in line and _LOGO.match(line):  # (a logo's alt text, perhaps twice)
        return True
    if count <= 16:
        folded = line.lower()
        if ("now" in folded or "today" in folded or "win" in folded or "giveaway" in folded or "podcast" in folded
                or folded.startswith("advertise")) and _ADVERT.search(line):
            return True
    if count <= 10 and dates.HAS_DIGIT.search(line) is not None and dates.is_foreign_date_line(line):  # (ten words at most)
        return True
    # menu buttons with their symbols ("Menu ☰ Search 🔍"): furniture once the symbols are set aside
    if line.isascii() or len(line) > 40:
        return False
    bare = "".join(ch for ch in line if unicodedata.category(ch) != "So").strip()
    return bool(bare) and bare != line and (CHROME.match(" ".join(bare.split())) is not None
                                             or all(word.lower() in phrases.NAV_WORDS or CHROME.match(word)
                                                    for word in bare.split()))


# A site's acknowledgement of the land it works on ("Acknowledgement of Country: The Quillon is produced on the
# unceded lands of …", "We acknowledge the Traditional Custodians of …", "Land acknowledgement: …"): a notice
# of the site's, on every page, never the headline or the article's text.
_LAND_ACKNOWLEDGEMENT = re.compile(
    r"^(?:acknowledge?ment\s+of\s+country\b|land\s+acknowledge?ment\b|(?:[\w.'’&-]+\s+){0,6}acknowledges?\s+the\s+"
    r"(?:traditional\s+(?:owners|custodians)|first\s+nations|aboriginal|indigenous)\b)"
    r"|\b(?:produced|published|made|written|based)\s+on\s+(?:the\s+)?(?:unceded|stolen)\s+(?:lands?|territor)", re.I)


def is_land_acknowledgement(line: str) -> bool:
    """Whether the line is a site's acknowledgement of the land (above)."""
    low = line[:200].lower()
    return ("acknowledg" in low or "unceded" in low or "stolen land" in low) and _LAND_ACKNOWLEDGEMENT.search(line) is not None


@lru_cache(maxsize=8192)  # a line is classified once, however often a stage asks
def is_chrome(line: str) -> bool:
    """Page furniture: menus, bullets of a menu, counters, share rows, tickers, placeholders, a land acknowledgement,
    a picture's file name."""
    count = len(shape.words(line))
    return bool(
        dates.BULLET.match(line) or CHROME.match(line) or COUNTER.match(line) or TICKER.match(line) or SHARE_ROW.match(line)
        or BREADCRUMB.match(line) or HOME_TRAIL.match(line) or _strip_or_banner(line, count)
        or (count <= 8 and dates.RELATIVE_DATE.search(line) and not _ANNIVERSARY.match(line)) or is_menu_row(line)
        or (len(line) <= 120 and ((line[:1] in "«‹←" and "»" not in line[1:]) or (line[-1:] in "»›→" and "«" not in line[:-1])))  # a link to the post before or after (a quotation in guillemets is none)
        or (("°" in line or line[:7].lower() == "weather") and WEATHER_WIDGET.match(line))
        or is_land_acknowledgement(line) or (line[-4:].lower() in _PICTURE_ENDS and PICTURE_FILE.match(line))
    )


# A headline that looks back some years ("15 years ago in Nyarubuye", "20 years ago today: …"), not when a post went up.
_ANNIVERSARY = re.compile(r"^\d+\s+years\s+ago(?:\s+(?:in|at|on|today|this\s+week)\b|\s*:)\s*\S", re.I)


PICTURE_FILE = re.compile(rf"^\S.{{0,100}}\.{_PICTURE_EXTENSION}$", re.I)  # "Jeanne Huff BW headshot.jpg": a picture's file


# A wire story's closing credits ("Reporting by Maria Okafor in Geneva; Editing by Peter Long"): the article ends there.
WIRE_CREDITS = re.compile(
    r"^\(?(?:(?:additional\s+)?reporting|writing|compiled)\s+by\s+[^;]{3,120};\s*(?:(?:writing|editing|additional\s+reporting)\s+by\s+.+)$",
    re.I,
)


@lru_cache(maxsize=8192)
def is_end_of_article(line: str) -> bool:
    return bool(END_OF_ARTICLE.match(line) or IMAGE_CREDIT.match(line) or WIRE_CREDITS.match(line)
                or _matches_cued(END_OF_ARTICLE_CUED, line))


ARTICLE_NOTE = shape.any_line(phrases.ARTICLE_NOTES + phrases.OUTLET_NOTES + phrases.OBITUARY_NOTES)
ARTICLE_NOTE_CUED = _cued(phrases.ARTICLE_NOTES_CUED + phrases.OUTLET_NOTES_CUED)
SUMMARY_LABEL = shape.any_line([rf"(?:{phrases.SUMMARY_LABELS})\s*:?"])
SIGN_OFF = re.compile(r"^(?:—|–|--)\s*(?P<who>\S.{2,60})$")  # "— Colm Ó Gallchóir": the writer signing off


_OPENING_ASIDE = shape.any_line(phrases.OPENING_ASIDES)


def is_opening_aside(line: str) -> bool:
    """An aside that never opens the body, though it may close it (phrases.OPENING_ASIDES: a help line, how the
    text was edited, who the writer is)."""
    return len(line) <= 400 and bool(_OPENING_ASIDE.match(line))


@lru_cache(maxsize=8192)
def is_note(line: str) -> bool:
    """A note about the article itself (phrases.ARTICLE_NOTES: "This article was originally published in Spanish
    …", "Review code provided by the publisher.", "Please attribute to …", a guest post's credit, "Claim: …"):
    header, never the body's first paragraph, and no part of its end."""
    return len(line) <= 400 and bool(ARTICLE_NOTE.match(line) or _matches_cued(ARTICLE_NOTE_CUED, line))


# A line about someone: one to four capitalised words (a name, or a surname alone; not a pronoun nor an article)
# and "is"/"was" what they are ("… is a …"), or what they do (phrases.BIO_WORDS, BIO_VERBS).
_WHO = (r"^(?!(?:There|It|This|That|These|Those|He|She|They|We|I|What|Here|Which|Who|One|Each|Every\w*|Nothing|Nobody"
        r"|Some\w+|Today|Now|The|A|An|Our|His|Her|Their|My)\b)(?P<who>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+)\s+")
_BIO_CUES = (" is ", " was ", " writes ", " covers ", " reports ")  # (a cheap look first: most lines have none)
_BIO_IS = re.compile(_WHO + r"(?:is|was)\s+(?:a|an|the)\s+\S")
_BIO_JOB = re.compile(_WHO + rf"(?:(?:is|was)\s+(?:\S+\s+){{0,7}}?(?:{phrases.BIO_WORDS})|{phrases.BIO_VERBS})\b")


_OUTLET_ABOUT = re.compile(
    r"^\S+(?:\s+\S+){0,3}\s+is\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:news|media|information)\s+"
    r"(?:platform|website|site|outlet|portal|publication|agency|organi[sz]ation|company|network|service|blog)"
    r"(?:\s+(?:that|which|covering|based|dedicated|focused|bringing|providing|for|in|of)\b|\s*[,.]|$)", re.I)


# A name and its job after a comma ("Erza Ballata, Staff Writer", "Jane Doe, Middle East correspondent").
WITH_ROLE = re.compile(rf"^[^,]{{3,60}},\s*(?:[\w-]+\s+){{0,3}}(?:{phrases.ROLE_WORDS})s?[.,]?\s*$", re.I)


def is_writer_with_job(line: str) -> bool:
    """A writer's name and their job, a comma between ("Erza Ballata, Staff Writer"): a byline without "By", never
    a headline."""
    return len(line) <= 90 and bool(WITH_ROLE.match(line)) and persons.bare_name(line.split(",")[0]) is not None


_CUT_TEASER = re.compile(r"[\w,;’'”)](?:\.\.\.|…)$")


# How long ago a story went up, after its headline on the same line, as a list of the latest stories gives them
# ("Five Killed in Texas Crash - 2 hours ago", "… · about 1 hour ago").
_AGO_TAIL = re.compile(r"\s[-–—|·•]\s+(?:about\s+|over\s+)?(?:\d+|an?)\s*(?:sec(?:ond)?s?|min(?:ute)?s?|hrs?|hours?|days?|weeks?)\s+ago$",
                       re.I)


def listed_with_age(line: str) -> bool:
    """A story's headline with how long ago it went up after it ("Five Killed in Texas Crash - 2 hours ago"): an
    entry of a list of the latest stories, not the page's own headline."""
    return len(line) <= 300 and line[-3:].lower() == "ago" and _AGO_TAIL.search(line) is not None


def is_teaser(line: str) -> bool:
    """A story's opening words cut short, as a list of related stories gives them under each headline ("THE former
    chairman of the Post Office has defended..."): thirty words or fewer ending in an ellipsis; or a story's headline
    with how long ago it went up (listed_with_age)."""
    return len(line) <= 300 and ((_CUT_TEASER.search(line) is not None and len(shape.words(line)) <= 30) or listed_with_age(line))


def is_bio(line: str, author: str | None = None) -> bool:
    """A short line about who wrote the article ("Jane Doe is a freelance journalist based in Lyon.",
    "Achterberg-Yeo is a senior studying public health …"): it names the author (by their surname) and says what
    they are, or names someone (a name of two words or more) in a writer's words (phrases.BIO_WORDS, BIO_VERBS).
    Also an outlet's words about itself, which stand where a writer's bio does ("X is a news platform that …").
    A paragraph of a profile (over 60 words) is no bio."""
    if len(line) > 400 or not line[:1].isupper() or len(shape.words(line)) > 60:
        return False
    if " is " in line and _OUTLET_ABOUT.match(line):
        return True  # the outlet's own box ("Naija247news is an investigative news platform that tracks …")
    if not any(cue in line for cue in _BIO_CUES):
        return False
    job = _BIO_JOB.match(line)
    match = job or _BIO_IS.match(line)
    if not match:
        return False
    who = match.group("who").split()
    if author and who[-1] in author.replace(",", " ").split():
        return True
    return bool(job) and len(who) >= 2 and bool(persons.bare_name(" ".join(who)))


def is_sign_off(line: str) -> bool:
    """A writer signing the article off with their name alone ("— Colm Ó Gallchóir"), or the agency or desk the copy
    came from ("— Pacific Wire Service": a few capitalised words, one naming an outlet)."""
    signed = SIGN_OFF.match(line)
    if not signed:
        return False
    who = signed.group("who").strip()
    if persons.bare_name(who) == who:
        return True
    names = shape.words(who)
    # (an outlet's word last or next to last, "Pacific Wire Service", "Kiriwa Press Agency"; "The Guardian Angels Trust" is none)
    return len(names) <= 5 and all(name[:1].isupper() for name in names) and who[-1:].isalpha() \
        and persons.names_an_outlet(" ".join(names[-2:]))


# --- bylines ----------------------------------------------------------------------------------------------
# (Beside is_chrome, not in persons.py: a byline's bar row asks whether its first part is furniture, and a menu
# row is furniture only when it is no byline. The names a byline gives are read by persons.py.)

_BY = re.compile(
    r"^(?:(?:written|words|reporting|reported|story|posted|article|text|report|column|review|interview|compiled|(?:guest\s+)?post)"
    r"(?:\s+and\s+(?:photos?|photographs?|pictures?|images?))?\s+)?by\s*:?\s+(?P<who>.+)$"
    r"|^(?-i:By(?P<glued>[A-Z][a-z].+))$",  # "ByAndrea Garcia-Vargas": the space lost with the markup ("Byline: …" is none)
    re.I,
)
# "By" in the languages of a site's chrome over an English article ("Par …", "Por …", "Von …", "di …", "Door …"):
# only a person's name may follow.
_FOREIGN_BY = re.compile(r"^(?i:par|por|von|di|door)\s+(?P<who>[A-ZÀ-ÖØ-Þ\u0100-\u024f].+)$")
_WITH_AGENCY = re.compile(r"\s+(?:avec|con|com|mit|met)\s+")
_HANDLE = re.compile(r"^by\s*:?\s+(?P<who>[a-z0-9][a-z0-9_.]{5,30})$")  # "by thethreepennyguignol": a user name
# A credit with a label and a colon ("Words: Sam Lee", "Text: …", "Author: …"); "Words by …" is in _BY.
_CREDIT_LABEL = re.compile(r"^(?:words|text|texto|texte|testo|story|author(?:\s+of\s+(?:the|this)\s+(?:article|story|post))?|writer|reporter|reporting(?:\s+team)?|byline)"
                           r"(?:\s+(?:and|&)\s+(?:pictures|photos|photographs|photography|images))?\s*:\s*(?P<who>\S.*)$", re.I)
_OTHER_CREDIT = re.compile(r"\.?\s+(?:[|/·•]\s+)?(?=(?:photos?|pictures?|photography|images?|illustrations?|video|graphics?)"
                           r"(?:\s+by)?\s*:)", re.I)  # a photographer's credit after the writer's
_POSTED = re.compile(r"^(?:post(?=\s+by\b)|posted|published|submitted|written|uploaded)\b", re.I)
_THREAD_STARTER = re.compile(r"^thread\s+starter\s*:?\s+(?P<who>\S+)", re.I)
_FROM_PLACE = re.compile(r"^from\s+(?P<who>[^,]{3,60}),\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}$", re.I)
_BYLINE_BAR = re.compile(r"\s*\|\s*")
_CAPS_OUTLET = re.compile(r"(?<=\S)\s+(?:FOR|IN|AT)\s+[A-Z][A-Z0-9 .&'’-]*$")


_WRITTEN_AND = re.compile(r"^(?:written|reported)\s+and\s+\w+$", re.I)  # "Written and presented by …": the writer


@lru_cache(maxsize=8192)
def byline(line: str) -> str | None:
    """The author a byline names (_byline), written as the page writes it: two writers joined by "&" keep it."""
    name = _byline(line)
    if name and " and " in name and " & " in line and " and " not in line.lower():
        name = name.replace(" and ", " & ")
    return name


_BY_BY = re.compile(r"^by\s+by\s", re.I)


def _byline(line: str) -> str | None:
    """The author a byline names: "By X", "By X and Y", "By X on 19th July 2018 Category: …", "X | Outlet",
    "Tom Coburg by Tom Coburg". None for anything else, and for generic credits ("By Staff Reporter")."""
    if len(shape.words(line)) > 16 and not (len(shape.words(line)) <= 30 and _BY.match(line)):
        return None  # (running text; a long line opening with "By …" may still credit: "Guest post by A, resident of …")
    if line[:5].lower() == "by by" and _BY_BY.match(line):
        line = line[3:]  # "By By Justin Phillips / American Press": the word doubled by the page's template ("By Byron …" is not)
    line = _CAPS_OUTLET.sub("", line)  # "By JOHN SMITH FOR THE DAILY LEDGER": the outlet or place in capitals left out
    line = dates.GLUED_MONTH.sub(" ", line)  # "By Ken MeyerApr 3rd, 2022": the name and the date run together
    if "|" in line:
        line = _BYLINE_BAR.sub(" | ", line)  # "Rick Poynor|Essays": a bar set without spaces
    line = persons.ROLE_BEFORE_AND.sub(" ", line)  # "By Jane Doe, Senior Reporter, and John Roe, …": both names kept
    sent_from = _FROM_PLACE.match(line) if line[:5].lower() == "from " else None
    if sent_from:  # "From Jane Doe, Kaduna": a correspondent and where they file from
        return persons.bare_name(sent_from.group("who"))
    starter = _THREAD_STARTER.match(line) if line[:6].lower() == "thread" else None
    if starter:  # a forum thread's head ("Thread starter jo_walks  Start date …"): the user who started it
        return persons.user_name(starter.group("who"), posted=True)
    handle = _HANDLE.match(line.strip())
    if handle and not persons.GENERIC_CREDIT.match(handle.group("who")):
        return handle.group("who")
    foreign = _FOREIGN_BY.match(line)
    if foreign:  # "Par Élodie Marchand", "Por Lucas Ferreira", "di Giulia Ferrante": the people named, or no one
        who = _WITH_AGENCY.split(foreign.group("who"), maxsplit=1)[0]  # ("Par X avec AFP": X)
        return persons.names_at_start(persons.joined_by_and(who))  # ("Von Katrin Albers und Mehmet Yıldız")
    match = _BY.match(line) or _CREDIT_LABEL.match(line) or re.match(r"^(?P<before>.*?)\sby\s+(?P<who>.+)$", line, re.I)
    if match and match.groupdict().get("glued"):
        return persons.names_at_start(match.group("glued"))
    if match:
        before = match.groupdict().get("before") or ""
        if re.search(r"\b(?:photo(?:graph)?s?|pictures?|images?|video|illustrations?|graphics?|cartoon|edited|directed|produced|"
                     r"narrated|composed|translated|illustrated|designed|hosted|performed|read|provided|distributed|issued|"
                     r"sponsored|presented)\s*$", before, re.I) and not _WRITTEN_AND.match(before):
            return None  # a photographer's, an editor's or a film's credit, not the writer's
        if len(shape.words(before)) > 4 and not (_POSTED.match(before) or dates.date_in(before) or dates.date_line(before)) \
                and (re.search(r"[|:–—]", before) or len(shape.words(before)) > 7):
            return None  # a work's title and its author ("Book Review | The Salt Daughters by Imogen Takahara-Fell",
            # "Detail of the cover of Regarding the Pain of Others by Susan Sontag, 2003")
        who = match.group("who").strip()
        if " in " in who:
            who = persons.IN_PLACE.sub("", who)
        if ":" in who:
            who = _OTHER_CREDIT.split(who, maxsplit=1)[0]  # "Words: Jane Doe. Photos: John Roe": the writer
        inside = re.match(r"^\((?P<name>[^()]+)\)(?P<rest>.*)$", who)  # "By (Adam Woodbrey)"
        if inside:
            who = inside.group("name") + inside.group("rest")
        names = persons.names_at_start(who)
        if names or (before and not (_POSTED.match(before) or _STARTED.search(before) or dates.date_in(before) or dates.date_line(before))):
            return names
        # "Posted on June 14, 2021 by hannah_ward", "Posted by: Plyrx | August 3, 2011", "Discussion in 'After
        # service' started by ColdbrookDoug, 11 November 2024.": a user name
        if len(shape.words(line)) > 16:
            return None  # ("By morning, emergency crews had restored …": a sentence, not a user name)
        return persons.user_name(who, posted=bool(_POSTED.match(before or line) or _STARTED.search(before)))
    if " | " in line and not is_language_picker(line):  # "Jane Doe | The Courier", "Geordie (A) | 30.07.2010 16:44 | …": a person's name, or a name with
        # the date it posted ("Log in | Subscribe" is no one's)
        parts = [part.strip() for part in line.split(" | ")]
        first = persons.ROLE_AFTER_NAME.sub("", parts[0]) if "," in parts[0] else parts[0]  # ("Jane Doe, Staff Writer | date")
        # One capitalised word before the date ("Bhopal | Updated: …") is a dateline's place or a section, not a writer.
        one_word = " " not in first and not persons.USER_NAME_SHAPE.search(first)
        if not one_word and dates.date_line(first) is None and re.match(r"^[A-Z][\w'’.-]*(?:\s+[\w'’.()-]+){0,3}$", first) \
                and (persons.bare_name(first) or (any(dates.date_line(part) for part in parts[1:]) and not persons.names_an_outlet(first))) \
                and not is_chrome(first):  # (an outlet's name before the date is no one's: "China Daily | Updated: …")
            return first
        if len(parts) == 2 and len(shape.words(first)) <= 2 and persons.bare_name(parts[1]):
            return persons.bare_name(parts[1])  # "Column | Hana Dvořáková-Linde": a label and the writer
        if len(parts) == 2 and dates.date_line(first) is not None and (_BY.match(parts[1]) or _CREDIT_LABEL.match(parts[1])):
            return _byline(parts[1])  # "Aug 25, 2009, 2:50 PM | Article By: Alfred Sowe": the date, then the byline
    if " · " in line:  # "Tom Baines · 3 min read · Mar 12, 2025": a person's name first
        parts = [part.strip() for part in line.split(" · ")]
        if persons.bare_name(parts[0]):
            return persons.bare_name(parts[0])
        # An aggregator's credit: the paper's name, then its writer ("The Eastfield Courier · Jane Doe")
        if len(parts) == 2 and len(shape.words(parts[0])) <= 5 and persons.names_an_outlet(parts[0]) and persons.bare_name(parts[1]) == parts[1]:
            return parts[1]
    posted = _POSTED_AFTER.match(line)  # "[personal profile] larkspur_ink posted on March 4th, 2014 at 09:12 pm"
    if posted:
        return persons.user_name(posted.group("who"), posted=True)
    return None


_STARTED = re.compile(r"\b(?:started|posted|submitted|shared|uploaded)$", re.I)
_POSTED_AFTER = re.compile(r"^(?:\[[^\]]{1,30}\]\s*)?(?P<who>[\w.]{3,30})\s+(?:posted|wrote)\s+(?:on|at)\s+\S", re.I)


def clear_caches() -> None:
    """Forget every line this module has classified so far (benchmarks time a page from cold)."""
    for function in (clean_line, unglued, is_chrome, byline, is_note, is_end_of_article):
        function.cache_clear()
