"""Raw text of a published news web page → a parsed article. Pure: no database, no Django models.

The files are text dumps of whole pages: menus, date banners, login forms, share
counters, the article, related-article lists, footers and donation appeals, one
after another. The parser reads them by what each line *is* (a menu bullet, a
byline, a date, a share counter, a sentence, a sub-heading…), never by where it
sits in a particular file, so other pages of the same and similar sites parse too.

Outline:
1. decode and check the bytes (empty, binary, undecodable, too large → ParseError);
2. find the headline: the first headline-like line before the byline, or the
   first of the page when there is no byline;
3. read the meta block under it: byline, date, sections ("in Analysis, Global"),
   counters and share buttons, content warnings, image captions;
4. read the body from there to the first end-of-article marker (image credit,
   share buttons, "Previous Post", donation appeal, "Comments are closed"…);
5. turn the body's blocks into paragraphs, headings, quotations, embedded tweets,
   lists and links, and serialise them as Markdown (see articles/rendering.py).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from articles.lexicon import fold

DEFAULT_MAX_BYTES = 2 * 1024 * 1024


class ParseError(ValueError):
    """A source that cannot be imported; the message names the file and the reason."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


# --- parsed structure -------------------------------------------------------------------------


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
    warning_note: str
    image_credit: str
    blocks: tuple = field(repr=False)

    @property
    def body_markdown(self) -> str:
        return to_markdown(self.blocks)

    @property
    def plain_text(self) -> str:
        """Title and body as plain text, for matching vocabularies."""
        return "\n".join([self.title, *(_block_text(block) for block in self.blocks)])

    @cached_property
    def folded_text(self) -> str:
        """plain_text folded for vocabulary matching (lexicon.fold), worked out once per page."""
        return fold(self.plain_text)


# --- line patterns --------------------------------------------------------------------------------

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun),?\s+"
_DATE_PATTERNS = [
    re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})", re.I),
    re.compile(rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})", re.I),
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"),
]
# A line that is only a date, perhaps with a weekday, a label and a time ("Published: 3 March 2021, 10:04").
_DATE_LINE = re.compile(
    rf"^(?:(?:published|posted|updated|first published)(?:\s+on)?:?\s+)?(?P<weekday>{_WEEKDAY})?(?P<date>.+?)"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:am|pm)?(?:\s+[A-Z]{2,4})?)?$",
    re.I,
)

_BULLET = re.compile(r"^[•·▪◦●■]\s*")
_LIST_ITEM = re.compile(r"^[–—-]\s+(?=\S)")
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_BY_LINE = re.compile(r"^(?:.*?\s)?by\s+(?P<name>.+)$", re.I)
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|(?:al|el|de|da|del|della|der|di|du|van|von|bin|ibn|la|le)(?:-[A-Z][\w'’.-]*)?)"
_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}}$")
_SECTIONS = re.compile(r"^in\s+(?P<list>[A-Z][\w&’' -]*(?:\s*,\s*[A-Z][\w&’' -]*)*)$")
_WARNING = re.compile(
    r"^(?P<label>(?:content|trigger|reader)\s+warning|warning|cw|tw)\s*[:\-–—]\s*(?P<note>\S.*)$",
    re.I,
)
_IMAGE_CREDIT = re.compile(
    r"^(?:featured\s+image|main\s+image|header\s+image|top\s+image|image|photo|picture)"
    r"(?:\s+(?:via|by|credit|courtesy(?:\s+of)?)|\s*credit)\s*:?\s+(?P<credit>\S.*?)\.?$",
    re.I,
)
_TWEET_ATTRIBUTION = re.compile(
    r"^[—–-]\s*(?P<author>.*?)\s*\(@(?P<handle>\w{1,30})\)\s*(?P<date>" + _MONTH + r"\s+\d{1,2},\s+\d{4})\s*$",
    re.I,
)
_TWEET_MARKERS = re.compile(r"pic\.twitter\.com/|(?<!\w)@\w+|(?<![\w&])#\w+|\bt\.co/", re.I)
_PIC_LINK = re.compile(r"(?<![\w/])(pic\.twitter\.com/\w+)")
_INLINE_URL = re.compile(r"(?<![\w<(])(https?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"”’])")
_MEDIA_MARKER = re.compile(r"\s*\[(?:videos?|photos?|pictures?|watch|video\s*&\s*photos?)\]\s*$", re.I)

# Chrome recognised line by line: counters, widgets, sharing, accounts, navigation.
_CHROME_LINE = re.compile(
    r"""^(?:
        [\d.,]+\s*[km]?(?:\s+[\d.,]+\s*[km]?)*            # share and view counters: "319", "2.5k", "170 2"
      | (?:a\s+)+a                                         # font-size widget "A A"
      | shares?|views?|comments?|likes?
      | reading\s+time\b.*|\d+\s+mins?\s+read
      | share(?:\s+on)?\s+(?:facebook|twitter|whatsapp|email|linkedin).*
      | share\d+\s*tweet\d+.*|share|tweet|email|print
      | home(?:\s+[A-Z][\w&]*)+                            # breadcrumb "Home Global Analysis"
      | no\s+results?|view\s+all\s+results?|search|menu|close
      | log\s*in|login|log\s*out|register|sign\s*up|sign\s*in|subscribe|donate|support
      | manage\s+subscription|my\s+account|forgotten\s+password\?.*
      | previous\s+post|next\s+post|read\s+more|related(?:\s+(?:posts|articles|stories))?:?
      | advertisement|sponsored
    )$""",
    re.I | re.X,
)

# Lines that close the article: what follows is the page around it.
_END_OF_ARTICLE = re.compile(
    r"""^(?:
        share(?:\s+on)?\s+(?:facebook|twitter).*|share\d+\s*tweet\d+.*
      | previous\s+post|next\s+post
      | comments\s+are\s+closed\.?|please\s+log\s*in\s+to\s+(?:join|comment).*|leave\s+a\s+(?:reply|comment)
      | we\s+need\s+your\s+help\b.*|support\s+us|get\s+involved!?|can\s+you\s+help\b.*
      | (?:you\s+)?(?:may|might)\s+also\s+like:?|related(?:\s+(?:posts|articles|stories))?:?
      | (?:sign\s+up|subscribe)\s+to\s+our\s+newsletter.*
    )$""",
    re.I | re.X,
)
# Paragraphs asking for money, wherever they stand.
_APPEAL = re.compile(
    r"\b(?:donat(?:e|ion|ing)|chip(?:ping)?\s+in|support\s+us|make\s+a\s+(?:regular|one-off)\s+(?:donation|payment)"
    r"|become\s+a\s+(?:member|patron|supporter))\b",
    re.I,
)


# --- entry point -------------------------------------------------------------------------------------


def parse_source(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedArticle:
    """Parse one raw page dump. Raises ParseError naming ``name`` and the reason."""
    text = decode_source(data, name, max_bytes=max_bytes)
    lines = [_clean_line(line) for line in text.splitlines()]

    title_at = _find_title(lines)
    if title_at is None:
        raise ParseError(name, "no title found (no headline-like line in the text)")
    title = _MEDIA_MARKER.sub("", lines[title_at]).strip()

    meta = _read_meta(lines, title_at)
    end = _find_end(lines, meta.body_start)
    body_lines = lines[meta.body_start:end]

    warning_notes = list(meta.warning_notes)
    kept = []
    for line in body_lines:
        match = _WARNING.match(line)
        if match and _looks_like_warning(match):
            warning_notes.append(match.group("note").strip())
        else:
            kept.append(line)

    image_credit = ""
    for line in lines[meta.body_start:]:
        match = _IMAGE_CREDIT.match(line)
        if match:
            image_credit = match.group("credit").strip()
            break

    return ParsedArticle(
        source_name=name,
        source_hash=hashlib.sha256(data).hexdigest(),
        title=title,
        author=meta.author,
        published_on=meta.published_on,
        sections=tuple(meta.sections),
        warning_note=" ".join(warning_notes),
        image_credit=image_credit,
        blocks=tuple(_build_blocks(_split_blocks(kept))),
    )


# Unicode's control characters (category Cc) but for tab, line feed, form feed and carriage return.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def decode_source(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Check the raw bytes and decode them as UTF-8, or raise ParseError saying what is wrong."""
    if len(data) > max_bytes:
        raise ParseError(name, f"file is {len(data):,} bytes, larger than the import limit of {max_bytes:,} bytes")
    if not data.strip():
        raise ParseError(name, "file is empty")
    if b"\x00" in data:
        raise ParseError(name, "file is binary, not text (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ParseError(name, f"file is not valid UTF-8 text (undecodable byte at offset {error.start})") from None
    controls = len(_CONTROL_CHARACTERS.findall(text))
    if controls > max(8, len(text) // 100):
        raise ParseError(name, "file is binary, not text (too many control characters)")
    return text


# --- lines ---------------------------------------------------------------------------------------------


def _clean_line(line: str) -> str:
    line = unicodedata.normalize("NFC", line).replace("\u00a0", " ").replace("\u200b", "")
    return " ".join(line.split())


def _is_chrome(line: str) -> bool:
    return bool(_BULLET.match(line) or _CHROME_LINE.match(line))


def _is_all_caps(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _parse_date(text: str) -> date | None:
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text.strip().rstrip("."))
        if match:
            month = match.group("month")
            month_number = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
            try:
                return date(int(match.group("year")), month_number, int(match.group("day")))
            except ValueError:
                return None
    return None


def _date_line(line: str) -> tuple[date | None, bool]:
    """(the date a date-only line gives, whether it names a weekday); (None, False) for other lines."""
    match = _DATE_LINE.match(line)
    if not match:
        return None, False
    return _parse_date(match.group("date")), bool(match.group("weekday"))


def _is_headline(line: str) -> bool:
    if not line or _is_chrome(line) or _is_all_caps(line) or _date_line(line)[0]:
        return False
    if _URL_LINE.match(line) or _BY_LINE.match(line) and len(line.split()) <= 6:
        return False
    if _WARNING.match(line) or _IMAGE_CREDIT.match(line):
        return False
    words = line.split()
    return 4 <= len(words) <= 40 and len(line) <= 300 and line[0].isalnum()


def _byline_name(line: str) -> str | None:
    """The author named by a byline ("by Tom Coburg", "Tom Coburg by Tom Coburg"), else None."""
    match = _BY_LINE.match(line)
    if not match or len(line.split()) > 12:
        return None
    name = match.group("name").strip().rstrip(".")
    name = re.split(r"\s*(?:[|,·•]|\s-\s)\s*", name)[0]
    return name if _NAME.match(name) else None


def _find_title(lines: list[str]) -> int | None:
    """Index of the headline: the first headline-like line of the run just before the first byline,
    or the first headline-like line of the page when no byline precedes the article."""
    for index, line in enumerate(lines):
        if _byline_name(line):
            run_start = index
            while run_start > 0 and index - run_start < 8:
                previous = lines[run_start - 1]
                if previous and (_BULLET.match(previous) or _is_all_caps(previous)):
                    break
                run_start -= 1
            for candidate in range(run_start, index):
                if _is_headline(lines[candidate]):
                    return candidate
            break
    for index, line in enumerate(lines):
        if _is_headline(line):
            return index
    return None


@dataclass
class _Meta:
    body_start: int
    author: str | None = None
    published_on: date | None = None
    sections: list[str] = field(default_factory=list)
    warning_notes: list[str] = field(default_factory=list)


def _is_sentence(line: str) -> bool:
    """A line of running text: long, or a full sentence."""
    words = line.split()
    return len(words) >= 14 or (len(words) >= 6 and line[-1:] in ".!?”\"’:")


def _looks_like_warning(match: re.Match) -> bool:
    note = match.group("note")
    label = match.group("label").lower()
    return label != "warning" or bool(re.match(r"(?:this|the following|some|graphic|contains|readers|viewer)", note, re.I))


def _read_meta(lines: list[str], title_at: int) -> _Meta:
    """Read byline, date, sections and warnings under the headline; find where the body starts.

    Scans forward until running text begins; anything that is not recognised meta
    (an image caption, a breadcrumb) before the last recognised meta line is dropped.
    """
    meta = _Meta(body_start=title_at + 1)
    bare_name = None
    index = title_at + 1
    limit = min(len(lines), title_at + 40)
    while index < limit:
        line = lines[index]
        index += 1
        if not line:
            continue
        name = _byline_name(line)
        day, has_weekday = _date_line(line)
        sections = _SECTIONS.match(line)
        warning = _WARNING.match(line)
        if name and meta.author is None:
            meta.author = name
        elif day:
            meta.published_on = meta.published_on or day
        elif sections:
            meta.sections = [s.strip() for s in sections.group("list").split(",") if s.strip()]
        elif warning and _looks_like_warning(warning):
            meta.warning_notes.append(warning.group("note").strip())
        elif _is_chrome(line) or _END_OF_ARTICLE.match(line) and not _is_sentence(line):
            pass
        elif _NAME.match(line) and not _is_sentence(line):
            # A bare byline ("Tom Coburg"). An image caption can look the same ("Jo Swinson"),
            # but the byline comes last, just above the text: the last one wins.
            bare_name = line
        elif _is_sentence(line):
            break
        else:
            continue  # a caption or label; the body starts after the last meta line
        meta.body_start = index
    if meta.author is None:
        meta.author = bare_name
    return meta


def _find_end(lines: list[str], start: int) -> int:
    """Index of the first line after ``start`` that closes the article (or the end of the text)."""
    for index in range(start, len(lines)):
        line = lines[index]
        if _END_OF_ARTICLE.match(line) or _IMAGE_CREDIT.match(line):
            return index
    return len(lines)


# --- blocks --------------------------------------------------------------------------------------------


def _split_blocks(lines: list[str]) -> list[list[str]]:
    blocks, current = [], []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_heading(block: list[str]) -> bool:
    if len(block) != 1:
        return False
    line = block[0]
    words = line.split()
    return (
        1 <= len(words) <= 10
        and len(line) <= 90
        and line[-1] not in ".,;:…”\"’"
        and (line[0].isupper() or line[0].isdigit())
        and not _URL_LINE.match(line)
    )


def _is_chrome_block(block: list[str]) -> bool:
    return all(_is_chrome(line) for line in block) or bool(_APPEAL.search(" ".join(block)) and len(block) == 1 and len(block[0]) < 400 and _is_appeal_sentence(block[0]))


def _is_appeal_sentence(line: str) -> bool:
    return bool(re.match(r"^(?:please\s+)?(?:donate|support|chip|help|can\s+you|become|you\s+can)\b", line, re.I))


def _text_blocks(lines: list[str]) -> list:
    """A block's lines as a paragraph, or a paragraph followed by a list when lines are "– items"."""
    items = [line for line in lines if _LIST_ITEM.match(line)]
    if not items:
        return [Paragraph(" ".join(lines))]
    result, prose = [], [line for line in lines if not _LIST_ITEM.match(line)]
    if prose:
        result.append(Paragraph(" ".join(prose)))
    result.append(BulletList(tuple(_LIST_ITEM.sub("", item) for item in items)))
    return result


def _is_intro(block: list[str]) -> bool:
    """A paragraph that introduces a quotation, a tweet or a link: it ends with a colon."""
    text = " ".join(block)
    return text.endswith(":") and not _TWEET_MARKERS.search(text)


def _build_blocks(raw_blocks: list[list[str]]) -> list:
    raw_blocks = [block for block in raw_blocks if not _is_chrome_block(block)]
    tweet_of = _find_tweets(raw_blocks)
    result = []
    index = 0
    while index < len(raw_blocks):
        block = raw_blocks[index]
        if index in tweet_of:
            end, attribution = tweet_of[index]
            parts = [part for raw in raw_blocks[index:end] for part in _text_blocks(raw)]
            result.append(
                Tweet(
                    blocks=tuple(parts),
                    author=attribution.group("author").strip(),
                    handle=attribution.group("handle"),
                    date_text=attribution.group("date"),
                )
            )
            index = end + 1
            continue
        if len(block) == 1 and _URL_LINE.match(block[0]):
            url = block[0] if block[0].lower().startswith("http") else f"https://{block[0]}"
            result.append(Link(url))
        elif _is_heading(block):
            result.append(Heading(block[0]))
        elif index > 0 and _is_intro(raw_blocks[index - 1]) and not _is_intro(block):
            result.append(Quote(tuple(_text_blocks(block))))
        else:
            result.extend(_text_blocks(block))
        index += 1
    return result


def _find_tweets(blocks: list[list[str]]) -> dict[int, tuple[int, re.Match]]:
    """Map the first block of each embedded tweet to (index of its attribution line, the attribution match).

    A tweet is the text just above an attribution line ("— Name (@handle) October 13, 2019").
    It reaches back to just after the paragraph that introduced it (one ending in a colon)
    when that is within a few blocks, and is otherwise the single block above.
    """
    tweets = {}
    for index, block in enumerate(blocks):
        match = _TWEET_ATTRIBUTION.match(" ".join(block)) if len(block) == 1 else None
        if not match or index == 0:
            continue
        start = index - 1
        for back in range(index - 1, max(-1, index - 5), -1):
            candidate = blocks[back]
            if _is_heading(candidate) or _TWEET_ATTRIBUTION.match(candidate[0]) or back in tweets:
                break
            if _is_intro(candidate):
                start = back + 1
                break
        tweets[start] = (index, match)
    return tweets


# --- Markdown -----------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")
_MD_LINE_START = re.compile(r"^(\s*)([+\-=>]|\d+[.)])(?=\s|$)")


def _escape(text: str) -> str:
    """Escape Markdown syntax in plain text, then turn bare URLs and pic.twitter.com links into autolinks."""
    pieces = []
    last = 0
    for match in _INLINE_URL.finditer(text):
        pieces.append(_escape_plain(text[last:match.start()]))
        pieces.append(f"<{match.group(1)}>")
        last = match.end()
    pieces.append(_escape_plain(text[last:]))
    escaped = "".join(pieces)
    escaped = _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)
    return escaped


def _escape_plain(text: str) -> str:
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


def _block_text(block) -> str:
    if isinstance(block, Paragraph | Heading):
        return block.text
    if isinstance(block, BulletList):
        return "\n".join(block.items)
    if isinstance(block, Link):
        return block.url
    return "\n".join(_block_text(child) for child in block.blocks)
