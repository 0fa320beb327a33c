"""Dates as a page writes them: the publication date a line gives (date_line, publication_line_date), a date
inside another line (date_in), a breadcrumb's or a dateline's date, a date in another language (read by
dateparser), and numeric dates that read either way round (either_way). Each function looks at the text
alone (and the wording in phrases.py); which date is the article's is the header reader's business
(header.py). Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import lru_cache

import dateparser

from articles.importing import phrases

BULLET = re.compile(r"^[•·▪◦●■]\s*")  # a bullet opening a line ("• Published Jan 06, 2023"; page furniture too)
# How long ago, or "yesterday": a relative date, never a publication date (a line of a few words with one is furniture).
RELATIVE_DATE = re.compile(r"\b\d+\s*(?:(?:second|minute|hour|day|week|month|year)s?|h|hrs?|m|mins?|d)\s+ago\b|\byesterday\b", re.I)

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
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+"
_TIME = r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::\d{2})?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?\s*(?P<zone>(?-i:[A-Z]{2,5})\b)?"
_DATES = [
    re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?:of\s+)?{MONTH}(?:,\s*|\s+)(?P<year>\d{{4}})", re.I),  # ("16th, April 2013")
    re.compile(rf"{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<year>\d{{4}})", re.I),  # ("Feb 27,2026")
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"),
    re.compile(r"(?P<first>\d{1,2})(?P<sep>[/.-])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4})"),
]
# ("On April 3, 2014"; a broadcast transcript's "Aired March 6, 2001 - 1:05 p.m. ET", with the time it aired: a
# review's "Aired: 3 May 2024", the work's date, is none)
_LABEL = (r"(?:(?:last\s+)?(?:published|posted|updated|modified|first\s+published|dated?)(?:\s+online)?(?:\s+on)?\s*:?\s*"
          r"|on\s+(?=\d|[a-z]{3,9}\.?\s+\d)|aired\s+(?=[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}\s*[-–,]?\s*\d{1,2}[:.]\d{2}))")
_ISO_STAMP = re.compile(r"^(?P<day>\d{4}-\d{2}-\d{2})T(?P<hour>\d{2}):(?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?(?P<zone>Z|[+-]00:?00)?$")
_DATE_LINE = re.compile(
    rf"^{_LABEL}?(?:(?P<lead>\d{{1,2}}:\d{{2}}(?:\s*(?:am|pm))?)\s*,?\s*)?(?:{_WEEKDAY})?(?P<date>.+?)"
    r"(?P<trail>(?:[\s,]+(?:at\s+)?(?:\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?|[A-Z]{2,5}|-|–))*)"
    r"(?:\s+in\s+[A-Z][\w/& -]*)?(?:\s+#\d{1,6})?$",  # "February 23, 2011 in Nation/World"; a forum post's number ("3 Aug 2021 #1")
    re.I,
)
_TIME_IN_TRAIL = re.compile(_TIME, re.I)
HAS_DIGIT = re.compile(r"\d")  # every date has one, in any script ("২০২৪"): the cheap look before the dear one
_YEAR = re.compile(r"\d{4}")
_ZONES = {"GMT": UTC, "UTC": UTC, "Z": UTC}
_SPACED_BAR = re.compile(r"\s+[|·•—]\s+")  # the parts of a date line: "5 March 2023 • 4 min read", "5 Dec 2026 — 2 min read"
STORED_DATE = _STORED_DATE = re.compile(r"^date\s+(\d{4}-\d{2}-\d{2})\b", re.I)  # a capture's stored date line


@dataclass(frozen=True)
class Dated:
    day: date
    at: datetime | None  # with the time (and zone) when the line gives them
    written: str = ""  # the date as written, when its day and month could be either way round ("05/06/2022")


# A date all in numbers ("05/06/2022", "5.6.22"): read in the newsroom's order, but when both numbers could be
# a month and they differ, the page alone may not say which is which (the header reader looks for more).
NUMERIC_DATE = re.compile(r"(?<![\d/.])(?P<first>\d{1,2})(?P<sep>[/.-])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})(?![\d/.]\d)")


def either_way(text: str) -> str:
    """The numeric date in ``text`` if its day and month could be read either way round ("05/06/2022"),
    else "" ("13/06/2022", "06/06/2022", "2022-06-05" and "08.05.2024", dotted and so day first, read one way only)."""
    match = NUMERIC_DATE.search(text)
    if match is None:
        return ""
    if "." in match.group(0):
        return ""  # (a date set with dots, "08.05.2024", is written day first wherever it is written)
    first, second = int(match.group("first")), int(match.group("second"))
    return match.group(0) if 1 <= first <= 12 and 1 <= second <= 12 and first != second else ""


def parse_date(text: str, *, month_first: bool = False) -> date | None:
    """A calendar date in one of the forms news sites use, or None (also for impossible dates)."""
    text = text.strip().rstrip(".,")
    for pattern in _DATES:
        match = pattern.fullmatch(text)
        if not match:
            continue
        groups = match.groupdict()
        if "first" in groups:
            first, second = int(groups["first"]), int(groups["second"])
            day, month = (second, first) if month_first and groups.get("sep") != "." else (first, second)
        else:
            month = groups["month"]
            month = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
            day = int(groups["day"])
        try:
            return date(int(groups["year"]), month, day)
        except ValueError:
            return None
    return None


def _time_in(text: str) -> tuple[time | None, str]:
    """The first time of day in ``text`` and its zone abbreviation, if any."""
    match = _TIME_IN_TRAIL.search(text or "")
    if match is None:
        return None, ""
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    ampm = (match.group("ampm") or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None, ""
    return time(hour, minute), (match.group("zone") or "").upper()


# What may follow a date on its line and is no part of it: "Updated 2 hours ago", "| Last modified …", "(3 days ago)".
_PARTS = re.compile(r"\s*[|·•]\s*|,\s+(?=(?:last\s+)?updated\b)", re.I)  # ("Posted 11h ago, updated 3 Jun 2025")
_UPDATE_TAIL = re.compile(  # "… Updated 2 hours ago", "… Last update on: Wed Feb 25, 2026 09:40 PM", "… Actualizado: …"
    r"(?:\s+|\s*[|·•,;(]\s*)(?:(?:last\s+)?(?:updated|modified|edited)\b|last\s+update\b|\d+\s+\w+\s+ago\b"
    # the same in other languages ("… 12:45 h. Actualizado: …", "… 10:15 Uhr (Stand: …)", "mis à jour le …")
    r"|actualizado\b|atualizado\b|aggiornato\b|mis\s+à\s+jour\b|modifié\b|aktualisiert\b|stand\s*:)", re.I)


# Every date the patterns, the labels or dateparser read has a month's name or numbers joined by a separator
# ("5/3/2021", "16.09.24", "2019-06-21"): a line with neither holds no date (the cheap look before the dear ones).
_MAY_HOLD_DATE = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d[./-]\d", re.I)


def date_line(line: str, *, month_first: bool = False) -> Dated | None:
    """The publication date a date line gives (_date_line); one cache entry per line and order, however the
    order is passed."""
    return _date_line(line, month_first)


_UPDATED_FIRST = re.compile(r"^(?:last\s+)?(?:updated|modified|edited)\b", re.I)
_PUBLISHED_LATER = re.compile(r"(?<=[\s,;|·•(])(?:(?:first|originally)\s+)?(?:published|posted)\b(?:\s+(?:on|at))?\s*:?\s*", re.I)


def publication_line_date(line: str, *, month_first: bool = False) -> Dated | None:
    """The date of a line that says it is the publication's ("Published: 08:15, 22 August 2023", "Posted 3rd
    October 2024 in Reviews", "Published 19.03.2023 · Last edited 20.03.2023"), or None."""
    if len(line) > 120 or not _PUBLICATION_LABEL.match(line) or _UPDATED_FIRST.match(line):
        return None
    return date_line(line, month_first=month_first) or date_in(line, month_first=month_first)


_PUBLICATION_LABEL = re.compile(
    r"^(?:(?:(?:last\s+|first\s+)?(?:published|posted|updated|modified)|update\s+time|publi(?:shed|cation)\s+date)\b|date\s*:)", re.I)


@lru_cache(maxsize=8192)
def _date_line(line: str, month_first: bool) -> Dated | None:
    """The publication date a date line gives ("Published: Tue 2 Mar 2021 10.04 GMT", "2012-02-08 12:06",
    "31 May 2016, 13:18 | Updated: …", "• Published Jan 06, 2023", "March 5, 2023 10:14 AM UTC Updated 2 hours
    ago"): the first date wins; what an "Updated …" or "… ago" after it says is left aside. None for other
    lines and for relative dates alone. A numeric date that reads either way round keeps its text
    (``written``)."""
    if len(line) > 120 or not HAS_DIGIT.search(line):
        stored = _STORED_DATE.match(line) if line[:5].lower() == "date " else None  # (" date 2018-03-10 <a long headline>")
        day = parse_date(stored.group(1)) if stored else None
        return Dated(day, None) if day else None
    if not line.isascii() or line[:1] in "PpGgVvOoJjSsEe" or _FOREIGN_DATE.search(line):  # another language's (_foreign_date)
        foreign = _foreign_date(BULLET.sub("", line)) if len(line) <= 80 else None
        if foreign is not None:
            return foreign
    if not _MAY_HOLD_DATE.search(line):
        return None
    line = BULLET.sub("", line)
    if "·" in line:
        line = _DOT_GAP.sub(" · ", line)  # "5:23 pm·0 commentsViews:": the counters' dot set without spaces
    if GLUED_MONTH.search(line):
        line = GLUED_MONTH.sub(" ", line)  # "HeadlineJul 05, 2005": a label run into the date
    if _UPDATED_FIRST.match(line):  # "Updated 9 March 2024, first published 2 March 2024": the first publication
        published = _PUBLISHED_LATER.search(line)
        if published and HAS_DIGIT.search(line[published.end():]):
            first = _first_date(line[published.end():].strip(" ,;|·•()"), month_first) \
                or date_in(line[published.end():], month_first=month_first)
            if first is not None:
                return first
    parts = _PARTS.split(line)
    if len(parts) > 1:  # "2 hours ago | March 5, 2023": the relative part is left aside
        absolute = [part for part in parts if not RELATIVE_DATE.search(part)]
        if absolute and len(absolute) < len(parts):
            line = " | ".join(absolute)
    tail = _UPDATE_TAIL.search(line)
    if tail and HAS_DIGIT.search(line[:tail.start()]):
        line = line[:tail.start()].rstrip(" ,;|·•(-–—")  # the date before "Updated 2 hours ago"
    if line[-8:].lower().endswith(("comment", "comments")):
        line = _COMMENTS_TAIL.sub("", line)  # "07.07.14 32 Comments": the date, then how many comments
    if "ago" in line:
        line = _AGO_BEFORE.sub("", line)  # "/ 4 hours ago February 20, 2018": how long ago, then the date itself
    if RELATIVE_DATE.search(line.split("|")[0]):
        return None  # (a relative "Updated: 1 hour ago" after the date does not spoil it)
    dated = _first_date(line, month_first)
    if dated is None and _PUBLICATION_LABEL.match(line) and len(line.split()) <= 14:
        # A labelled line in a form the patterns miss ("Update Time : Wednesday, 03 December 2026, 9:15 pm",
        # "Published November 30, 2026 at 8:45 pm (Santiago time)", "Updated / Tuesday, 11 Feb 2025 13:27"):
        # the date inside it.
        dated = date_in(line, month_first=month_first)
    if dated is None and " / " in line:  # the date in two languages or scripts ("১৬ জুলাই ২০২৪ / July 16, 2024")
        parts = [part.strip() for part in line.split(" / ")]
        if len(parts) == 2 and all(HAS_DIGIT.search(part) for part in parts):  # (both sides a date, not "Reuters / …")
            sides = [found for found in (_date_line(part, month_first) for part in parts) if found]
            dated = sides[0] if sides and all(side.day == sides[0].day for side in sides) else None  # (two days: none)
    if dated is None:
        placed = _PLACE_FIRST.match(line)  # "Białystok, 9.10.2023, 17:52": a dateline's place, then the date
        if placed:
            dated = _date_line(line[placed.end():], month_first)
    if dated is None:
        labelled = _WORD_BEFORE_MONTH.match(line)  # "Headline Jul 05, 2005": a label naming the line, then the date
        if labelled:
            dated = _date_line(line[labelled.end():], month_first)
    if dated is not None and either_way(line):
        return Dated(dated.day, dated.at, either_way(line))
    return dated


_COMMENTS_TAIL = re.compile(r"\s+(?:\d+|no)\s+comments?$", re.I)
_AGO_BEFORE = re.compile(r"^[\s/|·•-]*(?:about\s+)?\d+\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago\s+"
                         r"(?=\d|[A-Za-z]{3,9}\.?\s+\d)", re.I)
_DOT_GAP = re.compile(r"\s*·\s*")
# A label or a name run into a month's name and its day ("HeadlineJul 05, 2005", "By Ken MeyerApr 3rd, 2022").
GLUED_MONTH = re.compile(r"(?<=[a-z])(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d)")
_PLACE_FIRST = re.compile(r"^[A-ZÀ-ÖØ-Þ\u0100-\u024f][\w'’.-]+(?:\s[A-ZÀ-ÖØ-Þ\u0100-\u024f][\w'’.-]+){0,2}(?:,|\s[-–—])\s+"
                          r"(?=\d|[A-Za-z]{3,9}\.?\s+\d)")  # ("BENGALURU, AUG 10 2024, 23:58 IST")


def _stamped(stamp: re.Match) -> Dated | None:
    """The date (and time, in UTC when the stamp says so) of an ISO timestamp."""
    day = parse_date(stamp.group("day"))
    hour, minute = int(stamp.group("hour")), int(stamp.group("minute"))
    if day is None or hour > 23 or minute > 59:
        return Dated(day, None) if day else None
    return Dated(day, datetime.combine(day, time(hour, minute), tzinfo=UTC if stamp.group("zone") else None))


def _first_date(line: str, month_first: bool) -> Dated | None:
    for part in [part.strip() for part in _SPACED_BAR.split(line) if part.strip()]:
        stamp = _ISO_STAMP.match(part)  # "2021-08-12T10:30:00Z", a machine's timestamp left in the text
        if stamp:
            return _stamped(stamp)
        iso = _STORED_DATE.match(part)  # a stored "date 2019-06-21 Email" line
        if iso:
            day = parse_date(iso.group(1))
            return Dated(day, None) if day else None
        match = _DATE_LINE.match(part)
        if not match:
            continue
        day = parse_date(match.group("date"), month_first=month_first)
        if day is None:
            continue
        at_time, zone = _time_in(match.group("trail"))
        if at_time is None:
            at_time, zone = _time_in(match.group("lead"))
        at = datetime.combine(day, at_time, tzinfo=_ZONES.get(zone)) if at_time else None
        return Dated(day, at)
    return (_library_date(line, month_first=month_first) or _labelled_date(line, month_first) or _credit_date(line, month_first)
            or _document_date(line, month_first))


# An episode's release or broadcast with its length ("Released 22/07/2024 · 52 min"): a film's or an album's release
# date in a review's box ("Released: 12 May 2023"), or when a reviewed episode aired, is the work's, never the page's.
_EPISODE_RELEASE = re.compile(r"^(?:released|aired|broadcast)(?:\s+on)?\s*:?\s*(?P<date>[^·|•]{6,40}?)\s*[·|•]\s*\d+\s*(?:min|mins|minutes)\b", re.I)
_DOCUMENT_DATE = re.compile(rf"^{phrases.DOCUMENT_KINDS}\s*[–—:|-]\s*(?P<date>\S.*)$", re.I)


def _document_date(line: str, month_first: bool) -> Dated | None:
    """The date a document gives after what it calls itself ("Media Release – Thursday 27 June 2024",
    "Statement: 3 May 2025"): a date line when the rest of the line is one."""
    match = (_DOCUMENT_DATE.match(line) or _EPISODE_RELEASE.match(line)) if len(line) <= 80 else None
    return _first_date(match.group("date"), month_first) if match else None


_DATE_LABEL = re.compile(  # a label, then a colon, "on"/"at" or a number ("Date night ideas …" is a headline)
    r"^(?:(?:last\s+|originally\s+|first\s+)?(?:published|posted|updated|modified|dated?)|republished|(?:print\s+)?edition|issue\s+date)(?:\s+online)?"
    r"(?:\s*[:|]|\s+(?:on|at)\b|\s+\d)|^published\s+in\s+[^.]{2,60}?\s+on\s+\S", re.I)  # ("Published in The Ledger on Nov. 24, 2026.")


def _labelled_date(line: str, month_first: bool) -> Dated | None:
    """A short line that says it gives a date ("Updated 1124 GMT (1924 HKT) March 4, 2019", "Originally
    published 3 February 2009. Republished 14 January 2021.", a briefing's "Edition: Thursday 7 November 2024"): its
    first date with a day, a month and a year, whatever else stands around it."""
    if not _DATE_LABEL.match(line) or len(line.split()) > 12:
        return None
    return date_in(line, month_first=month_first)


# A credit that ends with when it was posted ("[profile] jane posted on March 4th, 2014 at 09:12 pm", "Discussion in
# 'Help' started by ColdbrookDoug, 11 November 2024."): the verb, perhaps who, then the date and nothing but a time.
_CREDIT_DATE = re.compile(
    r"\b(?:posted|published|started|submitted|uploaded)\b(?:\s+by\s+[^,]{1,40}?)?(?:,\s*|\s+)(?:on\s+)?(?P<date>\S.*)$", re.I)
_CREDIT_VERBS = ("posted", "published", "started", "submitted", "uploaded")  # (a cheap look first)
_ONLY_TIME = re.compile(r"^(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s*\(?[A-Z]{2,5}\)?)?)?\s*\.?$", re.I)


def _credit_date(line: str, month_first: bool) -> Dated | None:
    """The date a short credit line ends with, after a verb of posting (see _CREDIT_DATE), or None."""
    low = line.lower()
    if len(line.split()) > 18 or not any(verb in low for verb in _CREDIT_VERBS):
        return None
    credit = _CREDIT_DATE.search(line)
    if credit is None:
        return None
    text = credit.group("date")
    for pattern in _DATES[:2]:
        match = pattern.match(text)
        if match and _ONLY_TIME.match(text[match.end():]):
            day = parse_date(match.group(0), month_first=month_first)
            at_time, zone = _time_in(text[match.end():])
            if day:
                return Dated(day, datetime.combine(day, at_time, tzinfo=_ZONES.get(zone)) if at_time else None)
    return None


# Labels and counters that sit before a date ("Published time:", "Posted at 4:40 PM,", "9 min read").
_LEAD_IN = re.compile(
    r"^(?:(?:\d+\s+min(?:ute)?s?\s+read)\s*|(?:last\s+)?(?:published|posted|updated|modified|date|first\s+published)"
    r"(?:\s+(?:time|date|on|at))?\s*:?\s*)+",
    re.I,
)
# What a date looks like once its label is gone: it opens with a day, a month, a weekday or a time, and a
# day stands beside a month name or the date is all numbers. Only such text is handed to dateparser.
MONTH_NAME = MONTH.replace("(?P<month>", "(?:")  # a month's name, as MONTH without its group
_WORD_BEFORE_MONTH = re.compile(rf"^(?:headline|date|dated|story|article|filed|news)\s+(?={MONTH_NAME}\s+\d)", re.I)
_DATE_SHAPE = re.compile(
    rf"^(?=\d|{MONTH_NAME}|{_WEEKDAY})"
    rf".*?(?:\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_NAME}|{MONTH_NAME}\s+\d{{1,2}}\b|\b\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b)",
    re.I,
)
_BAR = re.compile(r"\s*[|·•]\s*")  # ("Tom Baines · 3 min read · Mar 12, 2025")
_NO_PERIOD = re.compile(r"^\d+(?:\.\d+)?$")
_LIBRARY_SETTINGS = {
    "PREFER_DATES_FROM": "past",
    "STRICT_PARSING": True,  # a day, a month and a year, or nothing
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["absolute-time"],  # never "22 minutes ago", "yesterday" or a bare timestamp
}
_CLOCK = re.compile(r"\d{1,2}:\d{2}|\d\s*(?:am|pm|a\.m\.|p\.m\.)", re.I)


def _library_date(line: str, *, month_first: bool) -> Dated | None:
    """A date line in a form the patterns above do not know ("Published time: 29 Jul, 2019", "Posted at
    4:40 PM, Nov 21, 2016", "16.09.24", "9 min readMay 11, 2023"), read by dateparser: the newsroom's
    order of day and month, absolute dates only, the whole line a date once its label is gone."""
    if len(line) > 80:
        return None
    for part in _BAR.split(line):
        text = _LEAD_IN.sub("", part.strip()).strip(" ,-–—·•")  # ("6 min read · Jan 9, 2024")
        if not text or _NO_PERIOD.match(text) or len(text.split()) > 8 or not _DATE_SHAPE.match(text):
            continue
        settings = {**_LIBRARY_SETTINGS, "DATE_ORDER": "MDY" if month_first else "DMY"}
        found = dateparser.parse(text, languages=["en"], settings=settings)
        if found is None:
            continue
        return Dated(found.date(), found if _CLOCK.search(text) else None)
    return None


# A press release's or a wire's dateline with a full date ("GENEVA, 3 March 2024 — …", "NAIROBI/GENEVA, 3 March
# 2026 – …"): the places in capitals, then the date, then a dash.
_DATELINE_DATE = re.compile(
    r"^[A-Z][A-Z./ '’-]{2,40}(?:,\s*[A-Z][\w .'’-]{1,30}){0,2},\s*(?P<date>[\w ,.]{6,30}?\d{4})\s*(?:\([A-Za-z ]{2,30}\)\s*|/[A-Za-z -]{2,30}/\s*)?(?:–|—|--|-|:)\s"  # (an agency in brackets, a wire's "/PRNewswire/")
    # A release's place and state, then its day between dashes ("Denver, CO – Wednesday, August 29, 2018 – On …")
    rf"|^[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){{0,2}},\s*[A-Z]{{2}}\s*[–—-]+\s*(?i:{_WEEKDAY})?(?P<dashed>[A-Za-z]{{3,9}}\.?\s+\d{{1,2}},\s*\d{{4}})\s*[–—-]+\s")


_PATH_PARTS = re.compile(r"\s+[/›>»|]\s+")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def breadcrumb_date(lines: list[str]) -> Dated | None:
    """The day a breadcrumb's path names ("Home / Archives / 2026-02-18 / Khyber Pakhtunkhwa"), the nearest
    such line last among ``lines``, or None."""
    for line in reversed(lines):
        parts = _PATH_PARTS.split(line) if line else []
        if len(parts) >= 3:
            for part in parts:
                day = parse_date(part) if _ISO_DAY.match(part.strip()) else None
                if day:
                    return Dated(day, None)
    return None


def dateline_date(paragraph: str, *, month_first: bool = False) -> Dated | None:
    """The date a body's opening dateline gives, when it gives a full one, or None."""
    match = _DATELINE_DATE.match(paragraph)
    day = parse_date(match.group("date") or match.group("dashed"), month_first=month_first) if match else None
    return Dated(day, None) if day else None


def date_in(line: str, *, month_first: bool = False, numeric: bool = True) -> Dated | None:
    """A date written inside another line ("By Jane Doe on 19th July 2018 Category: News"; with ``numeric``,
    "By Jane Doe on 05/06/2022" too, keeping its text when it reads either way round)."""
    if not _YEAR.search(line) or not _MAY_HOLD_DATE.search(line):
        return None
    for pattern in _DATES[:3]:
        match = pattern.search(line)
        if match:
            day = parse_date(match.group(0), month_first=month_first)
            if day:
                return Dated(day, None)
    match = _DATES[3].search(line) if numeric else None
    day = parse_date(match.group(0), month_first=month_first) if match else None
    return Dated(day, None, either_way(match.group(0))) if day else None


# A date banner in another language ("Port-au-Prince, le vendredi 4 décembre 2026", "Lima, 3 de diciembre de 2026",
# "Berlin, 4. Dezember 2026"): the site's day or the story's, never a headline.
_FOREIGN_MONTH = (
    r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
    r"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|januar|februar|märz|juni|juli|oktober|dezember"
)
_FOREIGN_DATE = re.compile(rf"\b\d{{1,2}}(?:er|º|°|\.)?\s+(?:de\s+)?(?:{_FOREIGN_MONTH})\s+(?:de\s+)?\d{{4}}\b", re.I)


# What a publication line says before its date in other languages ("Publié le 18 févr. 2021 à 07h45", "Publicado em 3
# de dezembro de 2020", "Gepubliceerd: 21 okt 2019", "Publiziert: 14. Februar 2022"), and a date written in Japanese
# or Chinese ("2021年4月9日"). A line with one of these, or a date in another language (_FOREIGN_DATE), is read by
# dateparser in those languages.
_FOREIGN_LABEL = re.compile(
    r"^(?:publié\s+le|publicado(?:\s+(?:em|el|a\s+las))?|gepubliceerd(?:\s+op)?|veröffentlicht(?:\s+am)?|"
    r"publiziert(?:\s+am)?|erschienen(?:\s+am)?|stand|pubblicato(?:\s+il)?|opublikowano|publicerad|julkaistu)\s*:?\s*", re.I)
_CJK_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_FOREIGN_LANGUAGES = ["fr", "es", "pt", "de", "it", "nl", "ja", "zh"]
_FOREIGN_CLOCK = re.compile(r"\d{1,2}\s*(?:h|時)\s*\d{2}")  # "à 07h45", "18時05分"
_CHUNKS = re.compile(r"\s*[|·•,(]\s*")


def _foreign_date(line: str) -> Dated | None:
    """The date a line gives in another language, or None: its label (_FOREIGN_LABEL) left aside, the first
    piece holding a date (what follows a comma or a bar is an update or a reading time) read by dateparser in
    the languages above, day first (as those languages write dates), absolute dates only."""
    label = _FOREIGN_LABEL.match(line)
    text = line[label.end():] if label else line
    if not (label or _FOREIGN_DATE.search(text) or _CJK_DATE.search(text)):
        return None
    settings = {**_LIBRARY_SETTINGS, "DATE_ORDER": "DMY"}
    for piece in [chunk for chunk in _CHUNKS.split(text) if HAS_DIGIT.search(chunk)][:2]:
        found = dateparser.parse(piece, languages=_FOREIGN_LANGUAGES, settings=settings)
        if found is not None:
            return Dated(found.date(), found if _CLOCK.search(piece) or _FOREIGN_CLOCK.search(piece) else None)
    return None


def is_foreign_date_line(line: str) -> bool:
    """A line of ten words or fewer that gives a date in French, Spanish, Portuguese, Italian or German."""
    return len(line.split()) <= 10 and _FOREIGN_DATE.search(line) is not None


def clear_caches() -> None:
    """Forget every line read for a date so far (benchmarks time a page from cold)."""
    _date_line.cache_clear()
