"""Read a page's header: which line is the headline, and what stands between it and the body (deck,
byline, date, sections, captions, stated warnings), as a small state machine over the lines' kinds.
Then where the body starts. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from articles.importing import cautions
from articles.importing import dates
from articles.importing import endings
from articles.importing import lines as kinds
from articles.importing import persons
from articles.importing import phrases
from articles.importing import shape
from articles.importing.headline import (
    HEADLINE_FEATURES, OVERLINE_QUOTE, TITLE_BYLINE, credited, headline_candidates, is_headline_like, leading_tag,
    named_by_trail, next_lines, strip_site_suffix, title_text, under_credited,
)
from articles.importing.scoring import Choice, Scorer
from articles.importing.cautions import Warning
from articles.importing.dates import Dated

HEADER_LINES = 40  # non-blank lines after the headline that can still be header
# A page's date stands within a few lines of its headline (deck, byline, date; furniture aside): read further
# down, the line taken for the headline may be a tagline over the menus, and it is not taken for sure.
DATE_NEAR = 6
EARLY_BODY_LINES = 14  # a warning this early in the body is still the page's warning to its reader
UPDATED = re.compile(r"^(?:last\s+)?(?:updated|modified|edited)\b", re.I)
_UPDATE_LABEL = re.compile(r"^(?:last\s+)?(?:updated|modified|edited)\s*:?$", re.I)  # alone, its date on the next line
BY_WORD = re.compile(r"\bby\b", re.I)
GENERIC_CREDIT_LINE = re.compile(r"^(?:(?:written|posted)\s+)?by\s*:?\s", re.I)  # (when it names no one: "By Staff Reporter")
# A tag in brackets closing a headline ("… [graphic images]", "… (Graph1c Photos)"): a warning when it
# says the pictures or the text are hard to see, in letters or with digits standing in for them.
_TITLE_TAG = re.compile(r"\s(?:[\[(](?P<tag>[^\[\]()]{3,40})[\])]|\*(?P<starred>[^*]{3,40})\*)\s*$")
_TAG_WARNS = re.compile(
    r"(?<!\w)(?:graphic|disturbing|distressing|gory|gruesome|nsfw|nsfl|18\+|viewer discretion|triggering|(?:trigger|content) warning|tw|cw)(?!\w)",
    re.I)
_DIGIT_FOR_LETTER = str.maketrans("10345@$", "ioeasas")
# A pull-quote set under the headline: a quotation and who said it, and nothing else ("“…” —Jane Doe").
_PULL_QUOTE = re.compile(r"^[\"“][^\"“”]{10,300}[\"”]\s*[—–-]\s*[A-Z][\w .,'’-]{2,60}$")
# A spoiler notice ("*Contains spoilers about …", "Spoilers ahead!"): header, and no content warning.
_SPOILER_NOTE = re.compile(
    r"^\W{0,3}(?:(?:this|the following)\s+(?:\w+\s+){0,2})?(?:contains?|includes?|has)\s+(?:major\s+|minor\s+|some\s+|mild\s+)?spoilers?\b"
    r"|^\W{0,3}spoilers?(?:\s+(?:alert|ahead|below|warning|follow))?\b", re.I)
_TICKER = re.compile(phrases.TICKER_LABELS, re.I)
_FIELD = re.compile(r"^[A-Z][\w #./'’-]{1,30}:\s*\S")  # a record's labelled field ("Contact: …", "Case #: 25-0141")
_GALLERY_COUNTER = re.compile(r"^\d{1,3}\s*(?:/|of)\s*\d{1,3}$")  # "1 / 28": a gallery's first picture
DATELINE = re.compile(r"^[A-Z]{3,}[A-Z .'’-]*(?:,\s+[A-Z][\w .'’-]+)*\s*(?:\([A-Z]+\)\s*)?(?:–|—|--|-)\s")


@dataclass
class Header:
    title: str
    title_at: int
    body_start: int
    author: str | None = None
    dated: Dated | None = None
    sections: list[str] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    body_lead: str = ""  # the body's first words when they share a line with a warning
    title_confirmed: bool = True  # False: the scorer's winner did not win clearly
    title_rival: str = ""  # the runner-up headline, when the win was not clear
    title_margin: float = 1.0  # the winner's probability less the runner-up's
    credits_no_one: bool = False  # the byline names no one ("By Staff Reporter", "Written by: Web Desk")
    author_alone: bool = False  # the author is a name alone on its line: no "By", no job, no label says it is the writer's
    dated_by_clock: bool = False  # the date over the headline is the day the site's clock at the top of the page shows
    other_dates: list = field(default_factory=list)  # dates the header gives besides the one taken (not "Updated")
    date_written: str = ""  # the date as written when nothing on the page says which number is the day ("05/06/2022")
    date_lines_down: int = 0  # lines from the headline down to the one the date was read from, furniture aside (0: not under it)


def _captioned_warning(line, stated):
    """A warning that introduces a caption ("WARNING: … may disturb: Doctors try to…")."""
    return bool(stated and stated.rest and line[len(stated.statement):].lstrip().startswith(":"))


def _is_header_kind(line, title, month_first):
    """Lines that belong around a headline: byline, date, caption, furniture, the headline again."""
    return bool(
        line == title or kinds.is_chrome(line) or endings.is_caption(line) or kinds.byline(line)
        or dates.date_line(line, month_first=month_first) or persons.bare_name(line)
        or _captioned_warning(line, cautions.warning(line))
    )


def _date_above(lines, title_at, month_first):
    """(A date line just above the headline (only blank lines or other dates between): the first of them;
    whether it is the site's banner for the day: no time, and only a masthead or menus above it; whether its day is
    the one the site's clock shows at the top of the page)."""
    found, at = None, None
    for index in range(title_at - 1, max(-1, title_at - 6), -1):
        line = lines[index]
        if not line:
            continue
        dated = dates.date_line(line, month_first=month_first)
        if dated is None and _FIELD.match(line) and kinds.is_chrome(line):
            continue  # (a release's fields between its date and its headline: "Case #: …", "Contact: …"; not a menu)
        if dated is None:
            break
        found, at = dated, index
    if found is None:
        return None, False, False
    banner = found.at is None and any(lines[:at]) and all(
        len(shape.words(line)) <= 3 or kinds.is_chrome(line) for line in lines[:at] if line)
    return found, banner, _site_clock(lines, at, found, month_first)


CLOCK_LINES = 3  # a site's clock stands among the page's first lines
_LABELLED_DAY = re.compile(r"\b(?:published|posted|updated|modified|dated?)\b", re.I)


def _site_clock(lines, at, dated, month_first):
    """Whether the day of the date line at ``at`` is the one a site's clock shows at the top of the page: a time of
    day and the date, no label ("4.04 PM Monday, 20 May 2024"), among its first CLOCK_LINES lines above ``at``."""
    for index in [index for index in range(at) if lines[index]][:CLOCK_LINES]:
        clock = dates.date_line(lines[index], month_first=month_first)
        if clock is not None and clock.at is not None and clock.day == dated.day and not _LABELLED_DAY.search(lines[index]):
            return True
    return False


_CONFIRMED = HEADLINE_FEATURES.index("first_confirmed")
_UNTOLD, _WARNING = HEADLINE_FEATURES.index("untold_below"), HEADLINE_FEATURES.index("warning")


def _rival(scorer, candidates, choice):
    """The line to name beside the headline when it is uncertain: the best other line of three words or more that the
    article under it tells something of and that states no warning (a motto, a notice or a label named as the rival
    helps no editor); else the runner-up; "" for none."""
    others = [candidate for candidate in candidates if candidate.text != choice.winner.text and len(candidate.text.split()) >= 3
              and not candidate.features[_UNTOLD] and not candidate.features[_WARNING]]
    if others:
        return max(others, key=scorer.score).text
    return choice.runner_up.text if choice.runner_up is not None else ""


def _under_short_line(lines, title_at, month_first):
    """Whether the line at ``title_at`` is a sentence under a line of two or three words, with its credits under it:
    a label over a headline in sentences ("Guest essay" / "We reported on the massacre. We were …"), or a short
    headline over its deck ("Sudden In-Custody Death" / "A number of factors can cause …"); the text does not say
    which."""
    if not (lines[title_at].endswith(".") and shape.is_sentence(lines[title_at])):
        return False
    above = next((index for index in range(title_at - 1, max(title_at - 4, -1), -1) if lines[index]), None)
    return above is not None and 2 <= len(shape.words(lines[above])) <= 3 and is_headline_like(lines[above]) \
        and credited(lines, title_at, month_first)


_SECTION_WORDS = re.compile(rf"^(?:(?:{phrases.SECTION_LABELS}|{phrases.SECTION_NAMES})\b[\s&,/]*)+$", re.I)


def _under_short_title(lines, title_at):
    """The line just over the headline when it may be the headline itself, the taken one its deck in title case
    ("Night Ferry Returns" / "Island Link Restored After Six Years Without Overnight Crossings"): two to four words,
    headline-like, not in capitals, no section's name ("World News", "Opinion"), no furniture, over a headline in title
    case of six words or more with nothing between; which is which, an editor says. None otherwise."""
    if title_at < 1 or not lines[title_at - 1] or len(shape.words(lines[title_at])) < 6:
        return None
    long_words = [word for word in shape.words(lines[title_at]) if len(word) >= 4 and word[:1].isalpha()]
    if not long_words or sum(word[:1].isupper() for word in long_words) < 0.75 * len(long_words):
        return None  # (a deck in title case, as the headline over it: a headline in sentence case has a kicker over it)
    above = lines[title_at - 1]
    count = len(shape.words(above))
    if not 2 <= count <= 4 or shape.is_all_caps(above) or above[-1:] in ".:!?|" or not is_headline_like(above):
        return None
    if _SECTION_WORDS.match(above) or kinds.is_chrome(above) or kinds.byline(above) or dates.date_line(above) \
            or persons.names_an_outlet(above) or _TICKER.match(above):
        return None  # (a section, the site's name, "Just In")
    return above


def _heading_under_credits(lines, title_at, month_first):
    """The line heading the credits just above a short headline of four words or fewer with none of its own
    ("National College and University News" / "By Jennifer Ford" / "May 3, 2001" / "Penn State University"): the
    short line may be the first of the article's own headings, the line over the credits its headline (that line
    perhaps read as the site's name); which is which, an editor says. None when no byline stands just above."""
    if len(shape.words(lines[title_at])) > 4 or credited(lines, title_at, month_first):
        return None
    at, credits, bylined = title_at - 1, 0, False
    while at >= 0 and credits <= 3:
        line = lines[at]
        if line:
            name = kinds.byline(line)
            if not (name or dates.date_line(line, month_first=month_first)):
                break
            bylined, credits = bylined or bool(name), credits + 1
        at -= 1
    if not bylined or at < 0 or not credits:
        return None
    head = lines[at]
    return head if is_headline_like(head) and not kinds.is_chrome(head) else None


def _under_ruled(candidates, title_at, lines):
    """Whether the nearest line over ``title_at`` is the headline the old rule confirms (first_confirmed)."""
    above = next((index for index in range(title_at - 1, -1, -1) if lines[index]), -1)
    return any(candidate.index == above and candidate.features[_CONFIRMED] for candidate in candidates)


def _byline_above(lines, title_at, month_first):
    """The author a credit just above the headline names ("Posted by: Plyrx | August 3, 2011"; only blank
    lines or dates between; a line that says "by", for "Pictures | Sat Dec 31, 2016" names a section), or None."""
    for index in range(title_at - 1, max(-1, title_at - 4), -1):
        line = lines[index]
        if not line:
            continue
        name = kinds.byline(line) if BY_WORD.search(line) else None
        if name:
            return name
        if dates.date_line(line, month_first=month_first) is None:
            return None
    return None


def _numeric_order(lines, written, month_first):
    """Whether the page reads its numeric dates month first (True), day first (False), or does not say
    (None): a numeric date anywhere with a day over 12 ("13/06/2022": the site's format), or the same date
    written with its month's name on a line of its own ("Published 5 June 2022"; in running text a date in
    words may be another day's, "the vote on 6 May 2022"), decides how ``written`` ("05/06/2022") is read."""
    match = dates.NUMERIC_DATE.search(written)
    first, second, year = int(match.group("first")), int(match.group("second")), match.group("year")
    readings = {}
    for order in (False, True):  # (day first, month first)
        day = dates.parse_date(f"{first}/{second}/{year if len(year) == 4 else '20' + year}", month_first=order)
        readings[day] = order
    votes = set()
    for line in lines:
        if not line:
            continue
        for other in dates.NUMERIC_DATE.finditer(line):
            a, b = int(other.group("first")), int(other.group("second"))
            if a > 12 >= b:
                votes.add(False)
            elif b > 12 >= a:
                votes.add(True)
        named = None if shape.is_sentence(line) else dates.date_in(line, month_first=month_first, numeric=False)
        if named is not None and named.day in readings:
            votes.add(readings[named.day])
    return votes.pop() if len(votes) == 1 else None


def _settle_order(header, lines, month_first):
    """A numeric date that reads either way round: read as the page's other dates say, else as the newsroom
    reads them (``month_first``) with its text kept, so that an editor decides."""
    dated = header.dated
    order = _numeric_order(lines, dated.written, month_first)
    if order is None:
        header.date_written = dated.written
        return
    if order != month_first:
        day = dated.day.replace(month=dated.day.day, day=dated.day.month)
        header.dated = dates.Dated(day, dated.at.replace(month=day.month, day=day.day) if dated.at else None)
    else:
        header.dated = dates.Dated(dated.day, dated.at)


def title_warning(title: str) -> Warning | None:
    """The warning a headline's closing tag states ("… [graphic images]", the part of it that warns: "(link; graphic
    pics)"), or its opening tag or kicker ("[TW: suicide] …", "Graphic Photos : …"), kept as worded, or None."""
    opening = leading_tag(title)
    if opening:
        return Warning(opening, cautions.warning(opening).note if cautions.warning(opening) else opening, "")
    label = _WARNING_KICKER.match(title)
    if label and label.group("label").lower() == "graphic":
        rest = title[label.end("label"):]
        if not (_MEDIA_WORDS.search(rest) or cautions.HARM.search(rest)):
            label = None  # ("GRAPHIC: How the floodwater spread": an infographic's kicker)
    if label:
        return Warning(label.group("label"), label.group("label"), "")
    named = _NAMED_WARNING_TITLE.match(title)
    if named and (cautions.HARM.search(named.group("topics")) or cautions.distressing(named.group("topics"))):
        return Warning(title, named.group("topics"), "")  # ("Trigger warning: Suicide": the headline is the warning)
    match = _TITLE_TAG.search(title)
    if match is None:
        return None
    for tag in reversed((match.group("tag") or match.group("starred")).split(";")):  # "(link; graphic pics)": the part that warns
        tag = tag.strip()
        readable = " ".join(
            word.translate(_DIGIT_FOR_LETTER) if any(c.isalpha() for c in word) else word for word in tag.split()
        )  # "Graph1c" → "Graphic": a word spelt to slip past filters
        if _TAG_WARNS.search(readable):
            return Warning(tag, tag, "")
    return None


# A kicker that warns, opening a headline ("Graphic Photos : 36 burnt …", "GRAPHIC VIDEO: …", "Disturbing images – …",
# "GRAPHIC: Video shows …").
_WARNING_KICKER = re.compile(
    r"^(?P<label>(?:graphic|disturbing|distressing|gruesome|gory)\s+(?:photos?|pictures?|images?|videos?|footage|content)|warning\s+graphic"
    r"|graphic(?=\s*:))\s*[:–—-]\s+\S", re.I)
_MEDIA_WORDS = re.compile(r"\b(?:videos?|footage|images?|photos?|pictures?|clips?)\b", re.I)
# A headline that is a named warning and the harm it warns of ("Trigger warning: Suicide", "CW: grief"): stated as the
# whole line ("Content Warnings: Compassion, Not Coddling" is a headline about them).
_NAMED_WARNING_TITLE = re.compile(r"^(?:(?:trigger|content)\s+(?:warning|note)|tw|cw|cn)\s*[:–—-]\s*(?P<topics>\S.{0,80})$", re.I)


_ALT_TEXT_WORD = re.compile(r"\s+(?:image|photo|picture|thumbnail|logo|icon|avatar)$", re.I)


def _shown_again(lines: list[str], title_at: int, title: str, page_title: bool) -> tuple[int, str] | None:
    """The headline shown again just under the line taken for it, in the form to keep: in full under the
    page's title cut short ("…never seen bef - Site" above "…never seen before"), or without the word an
    image's alt text adds ("Episode 4: … image" above "Episode 4: …"). None when it is not."""
    stem = _ALT_TEXT_WORD.sub("", title)
    cut = title.rstrip(".… ")
    for position, other in next_lines(lines, title_at, 3):
        if stem != title and other == stem:
            return position, other
        if (page_title or title.endswith(("…", "..."))) and len(cut) >= 15 and other != title \
                and other.startswith(cut) and len(shape.words(other)) <= 40:
            return position, other
    return None


_SITE_FIRST = re.compile(r"\s+(?:\||-|–|—)\s+")  # what sets a site's name apart from the headline after it


def _page_title_shown(lines: list[str], title_at: int, title: str) -> tuple[int, str] | None:
    """The headline shown again under a page's title that names the site first ("The Ottawa Ledger | Emergency
    department waits hit record …", "RCA Telegram News California - Death toll …", then that headline on a line of
    its own): where it stands, and it."""
    parts = _SITE_FIRST.split(title, maxsplit=1)
    if len(parts) < 2 or len(shape.words(parts[1])) < 3:
        return None
    tail = parts[1].strip()
    return next(((position, other) for position, other in next_lines(lines, title_at, 15) if other == tail), None)


_TRAIL_MARK = re.compile(r"[/>»›]")  # what sets a breadcrumb's steps apart (a bar alone sets apart a menu's links)


def _breadcrumb_title(lines):
    """(index, last item) of a breadcrumb ending in a headline ("You are here: Home / World / Ceasefire
    collapses as shelling resumes"), or None. A row of links set apart by bars ("Home | My Network | Jobs |
    … | Try Premium for €0", as a spaced menu row reads) is a menu, not a trail: its last link names nothing."""
    for index, line in enumerate(lines[:80]):
        if line and kinds.BREADCRUMB.match(line) and _TRAIL_MARK.search(line):
            last = re.split(r"\s*[/>»›|]\s*", line)[-1].strip()
            if len(shape.words(last)) >= 4 and is_headline_like(last):
                return index, last
    return None


def as_recorded(author: str | None) -> str | None:
    """The writer's name as an editor records it, so that one writer has one author page: a name set in
    capitals ("By JOHN KILA") in ordinary case ("John Kila", "Mary O'Brien", "Jean-Paul McAllister"), two
    writers joined by "and" rather than "&"; an agency's or outlet's name ("AFP", "BBC News") is kept as written."""
    if not author:
        return author
    author = author.replace(" & ", " and ")  # ("Kevin Otieno & Amina Yusuf")
    words = author.split()
    if len(words) >= 2 and author.isupper() and any(len(word) >= 4 for word in words) \
            and not persons.names_an_outlet(author):
        author = " ".join(_ordinary_case(word) for word in words)
    return author


def _ordinary_case(word: str) -> str:
    """A word of a name in capitals in ordinary case, each part after a hyphen or an apostrophe capitalised
    ("O'BRIEN" → "O'Brien", "MCALLISTER" → "McAllister")."""
    parts = re.split(r"([-'’])", word)
    cased = "".join(part.capitalize() for part in parts)
    if cased.startswith("Mc") and len(cased) > 3:
        cased = "Mc" + cased[2].upper() + cased[3:]
    return cased


def _without_site_name(author: str | None, above: list[str]) -> str | None:
    """The author without a last part that is the site's own name, as a line above the headline shows it
    ("Thandeka Mokoena and Pieter van der Merwe, Highveld Courant" on a page headed "Highveld Courant"); no
    author where the byline names only the site ("By SEMENANJUNG POST")."""
    if not author:
        return author
    if persons.names_an_outlet(author) and any(line.casefold() == author.casefold() for line in above if line):
        return None  # the site credits itself ("By SEMENANJUNG POST" on a page headed "Semenanjung Post")
    head, _, tail = author.rpartition(",")
    if not head:
        head, _, tail = author.rpartition(" and ")
    if not head or not tail.strip():
        return author
    tail = tail.strip().casefold()
    return head.strip() if any(line.casefold() == tail for line in above if line) else author


# A writer's name and job on a line ("Devon Whitaker, News Editor"), as a second writer's line under the first repeats.
_MORE_AUTHORS = re.compile(r"^(?:and|&)\s+(?P<rest>[A-Z].+)$")  # a byline's second name on a line of its own


def read_header(lines: list[str], *, scorer: Scorer, clear_margin: float, month_first: bool = False) -> Header | None:
    """The headline (the scorer's pick among the candidate lines) and the header under it, or None when no
    line could be a headline."""
    candidates = headline_candidates(lines, month_first=month_first)
    choice: Choice = scorer.choose(candidates)
    if choice.winner is None:
        return None
    # A headline opening with a ticker's or a video's label ("Just in: …", "Watch: …") is never taken for sure.
    labelled = _TICKER.match(choice.winner.text) or kinds.CAPTION_LABEL.match(choice.winner.text)
    title_at, confirmed = choice.winner.index, choice.clear(clear_margin) and not labelled
    # A sentence under a headline that its credits stand under too is that headline's deck: never taken for sure; nor
    # a line just under the one the old rule confirms, nor a sentence under a line of two or three words (a headline
    # and its deck, or a label and a headline: which is which, an editor says).
    deck = (choice.winner.text.endswith(".") and under_credited(lines, title_at, month_first)) or _under_ruled(
        candidates, title_at, lines) or _under_short_line(lines, title_at, month_first)
    title = strip_site_suffix(choice.winner.text, lines)
    again = _shown_again(lines, title_at, title, page_title=title != choice.winner.text) or _page_title_shown(lines, title_at, title)
    if again is not None:
        title_at, title = again
    if confirmed and _WEEKDAY_NAME.search(choice.winner.text) and dates.date_in(choice.winner.text, month_first=month_first):
        confirmed = False  # a day's full date inside the line ("… Current Issue: Friday, April 20, 2007"): a masthead's?
    if not confirmed and named_by_trail(lines, title_at):
        confirmed = True  # a trail of sections ending with the headline names it, whatever the scorer's margin
    crumb = _breadcrumb_title(lines)
    if crumb is not None:  # a breadcrumb that ends in the headline names it
        later = [i for i, line in enumerate(lines) if i > crumb[0] and line == crumb[1]]
        title_at, confirmed, title = (later[0] if later else crumb[0]), True, crumb[1]
    # (a marker closing the headline for media the dump lacks, "… [VIDEOS]", is left out: the article has none)
    # (nor the bullet a dump leaves before it: "• TV anchor, photojournalist killed …")
    header = Header(title=dates.BULLET.sub("", kinds.MEDIA_MARKER.sub("", title)).strip(), title_at=title_at, body_start=title_at + 1,
                    title_confirmed=confirmed, title_margin=choice.margin,
                    title_rival=_rival(scorer, candidates, choice) if not confirmed else "")
    above = next((lines[at] for at in range(title_at - 1, -1, -1) if lines[at]), "")
    overline = shape.is_all_caps(above) and (
        (OVERLINE_QUOTE.match(above) and len(shape.words(above)) >= 3) or (above[-1:] in "?!" and len(shape.words(above)) >= 2))
    if crumb is None and (deck or overline):
        # (the deck of the headline above it; or under a quotation or a question in capitals, "SINKING FEELING?",
        # which may be the headline itself)
        header.title_confirmed = False
        header.title_rival = title_text(above)
    heading = _heading_under_credits(lines, title_at, month_first) if crumb is None else None
    heading = heading or (_under_short_title(lines, title_at) if crumb is None else None)
    if heading is not None:
        header.title_confirmed = False
        header.title_rival = title_text(heading)
    tagged = title_warning(header.title)
    if tagged is not None:
        header.warnings.append(tagged)
    credit = TITLE_BYLINE.search(lines[title_at])  # "Headline – By A, B & C (nytimes.com) / Nov 9 2017"
    if credit:
        header.author = kinds.byline(lines[title_at][credit.end():].split(" / ")[0].split(" (")[0])
        header.dated = dates.date_in(lines[title_at][credit.end():], month_first=month_first)
    bare_name, bare_line, bare_job = None, -1, False  # (and where it stood, and whether a job came with it)
    from_update = False  # the date taken so far is an update's
    seen = 0
    passed = 0  # lines under the headline so far, furniture and the headline shown again aside
    deck_possible = True
    gallery = False  # inside a block of photo captions (a caption carried a warning)
    index = title_at + 1
    while index < len(lines) and seen < HEADER_LINES:
        line = lines[index]
        index += 1
        if not line:
            gallery = False
            continue
        seen += 1
        if line == title or line == lines[title_at]:
            header.body_start = index
            continue
        passed += not kinds.is_chrome(line)
        plain = dates.BULLET.sub("", line)  # ("• Published Jan 06, 2023": a date in a bulleted list of facts)
        more = _MORE_AUTHORS.match(plain) if (header.author or bare_name) else None
        if more and kinds.byline("By " + more.group("rest")):  # "Noor Castellanos-Whitby, News Editor" / "and Finn …"
            second = kinds.byline("By " + more.group("rest"))
            if header.author:
                header.author = f"{header.author} and {second}"
            else:
                bare_name = f"{bare_name} and {second}"
            header.body_start = index
            continue
        name = kinds.byline(plain)
        dated = dates.date_line(plain, month_first=month_first)
        stated = cautions.warning(line)
        credit = not name and GENERIC_CREDIT_LINE.match(plain) and not shape.is_sentence(plain)
        if (name or credit) and not dated:  # "By Jane Doe on 19th July 2018", "By Staff Reporter on Aug 12, 2021"
            dated = dates.date_in(plain, month_first=month_first)
        if dated and not name and not (header.author or bare_name) and _banner(lines, index - 1, dated):
            continue  # the site's date of today among its menus, never the article's (but under a byline, the article's)
        if dated or name:
            # (an update's date: "Updated: …", or under "Updated" alone on the line above it)
            updated = bool(UPDATED.match(plain) or (index >= 2 and _UPDATE_LABEL.match(lines[index - 2])))
            if dated and header.dated and from_update and not updated:
                header.dated, from_update = dated, False  # "Updated: …" above "First published: …": the latter
            elif dated and header.dated and dated.day != header.dated.day and not updated:
                header.other_dates.append(dated.day)
            elif dated and header.dated is None:
                header.dated, from_update = dated, updated
                header.date_lines_down = passed
            if name and header.author is None:
                header.author = name
            elif name and header.author and " " not in header.author and " " in name:
                header.author = name  # a site's account posted it ("by northsidetenants"), a person wrote it ("Guest post by …")
            elif credit and header.author is None:
                header.author = ""  # a generic credit with its date: no author
        elif GENERIC_CREDIT_LINE.match(line) and len(shape.words(line)) <= 6:
            header.author = header.author or ""  # a generic credit ("By Staff Reporter"): no author
        elif kinds.SECTIONS.match(line):
            header.sections = [s.strip() for s in kinds.SECTIONS.match(line).group("list").split(",") if s.strip()]
        elif stated:
            header.warnings.append(stated)
            rest = stated.rest
            if _captioned_warning(line, stated):
                gallery = True  # "WARNING: … may disturb: Doctors try to…" — a caption follows the warning
            elif rest and cautions.leads_on(rest):  # (not "… We have not embedded the video.")
                header.body_lead = rest
                header.body_start = index
                break
        elif gallery or kinds.is_chrome(line) or endings.is_caption(line) or (kinds.is_end_of_article(line) and not shape.is_sentence(line)):
            pass
        elif _PULL_QUOTE.match(line) or (_SPOILER_NOTE.match(line) and len(shape.words(line)) <= 15):
            pass  # a pull-quote or a spoiler notice: the body starts after it
        elif kinds.is_note(line) or kinds.is_bio(line, header.author or bare_name) or kinds.is_sign_off(line):
            pass  # a note about the article, the writer's bio or their sign-off: the body starts after it
        elif kinds.SUMMARY_LABEL.match(line):
            index = _after_summary(lines, index)  # a summary box: its label and short items, then the body
        elif persons.bare_name(line):
            if bare_name and bare_line == index - 2 and kinds.WITH_ROLE.match(line) and kinds.WITH_ROLE.match(lines[index - 2]):
                bare_name = f"{bare_name} and {persons.bare_name(line)}"  # two writers, each with a job, a line each
            else:
                bare_name = persons.bare_name(line)  # a caption can look like a name: the last one, nearest the text, wins
                bare_job = bool(kinds.WITH_ROLE.match(line))
            bare_line = index - 1
        elif deck_possible and not re.search(r"[.!?][\"”’)]?(?:\s|$)", line) and len(shape.words(line)) >= 4:
            pass  # the deck (standfirst): one clause under the headline
        elif shape.is_sentence(line) or not is_headline_like(line) and len(shape.words(line)) >= 6:
            following = [other for _, other in next_lines(lines, index - 1, 2)]
            if following and following[0] == following[-1] and len(following) == 2 and not shape.is_sentence(following[0]):
                pass  # a standfirst followed by a photo's alt text and caption (the same words twice)
            elif following and _is_header_kind(following[0], title, month_first) and not _GALLERY_COUNTER.match(following[0]):
                pass  # a standfirst or caption: header lines still follow it (not a gallery's pictures: "1 / 28")
            elif header.dated is None and _date_follows(lines, index - 1, month_first):
                pass  # a standfirst of sentences: the article's date is still to come under it
            else:
                header.body_start = index - 1
                break
        elif re.search(r"[.!?][\"”’)]?$", line):
            header.body_start = index - 1  # a short sentence: the body has begun
            break
        else:
            if index < len(lines) and lines[index] == line:
                index += 1  # a caption shown twice
            deck_possible = False  # a caption or a video's title: dropped, the body starts after it
            header.body_start = index
            continue
        deck_possible = False
        header.body_start = index
    for line in lines[max(0, title_at - 10):title_at]:  # a warning stated above the headline
        stated = cautions.warning(line) if line and not is_headline_like(line) else None
        if stated:
            header.warnings.insert(0, stated)
    if header.author == "":
        header.credits_no_one = True
    if header.author is None or header.author == "":
        header.author_alone = bool(bare_name) and header.author is None and not bare_job
        header.author = bare_name if header.author is None else None
    if header.author is None and not header.credits_no_one:
        header.author = _byline_above(lines, title_at, month_first)
    header.author = _without_site_name(header.author, lines[:title_at])
    if header.dated is None and lines[title_at] != title:  # " date 2019-03-13 Headline": a stored date line
        header.dated = dates.date_line(lines[title_at], month_first=month_first)
    above, banner, clock = _date_above(lines, title_at, month_first)
    detour = _after_dateline_detour(lines, header.body_start)
    # A warning among the captions passed over on the way to the dateline is still the page's warning.
    header.warnings.extend(stated for stated in map(cautions.warning, filter(None, lines[header.body_start:detour])) if stated)
    header.body_start = detour
    if header.dated is None and above is not None:
        header.dated = above
        header.dated_by_clock = clock  # (perhaps the day the page was saved: an editor checks)
        # A date above the headline may be the site's date of today: another day named in the first
        # paragraph ("…reopened on Wednesday, 12 March 2025") leaves the two for an editor.
        first = next((line for _, line in next_lines(lines, header.body_start - 1, 1)), "")
        told = dates.date_in(first, month_first=month_first) if first else None
        if told is not None and told.day != above.day:
            header.other_dates.append(told.day)
    elif above is not None and above.day != header.dated.day and not banner:
        header.other_dates.append(above.day)  # (the site's banner for the day gives way to the article's own date)
    if header.dated is not None and header.dated.written:
        _settle_order(header, lines, month_first)
    if header.date_lines_down > DATE_NEAR:
        header.title_confirmed = False  # the date stands far under the line taken for the headline: perhaps not it
    return header


# A print edition's closing line ("Published in The Frontier Tribune, February 18th, 2026").
_PRINT_NOTE = re.compile(r"^published in\s.{2,60},\s+\S.{4,30}\d{4}\.?$", re.I)
BREADCRUMB_LINES = 12  # lines over the headline where a breadcrumb's path may give the day


def date_elsewhere(lines: list[str], title_at: int, body_start: int, end: int, *, month_first: bool = False) -> Dated | None:
    """When the header gives no date: the stored date line opening the page ("date 2019-06-21 …"), the date
    of the dateline that opens the article ("NAIROBI/GENEVA, 3 March 2026 – …", after captions perhaps), that
    of the print edition's line that closes it ("Published in The Tribune, February 18th, 2026"), that of a
    publication line at the article's foot when the page so labels one day only ("Posted 3rd October 2024 in
    Reviews"), or failing all else a day in the breadcrumb's path over the headline ("Home / Archives / 2026-02-18 /
    …"); else None. A date in a banner, a comment or the running text is never taken."""
    first = next((line for line in lines if line), "")
    if dates.STORED_DATE.match(first):
        return dates.date_line(first, month_first=month_first)
    for _, line in next_lines(lines, body_start - 1, 3):
        dated = dates.dateline_date(line, month_first=month_first)
        if dated is not None:
            return dated
    if end < len(lines) and _PRINT_NOTE.match(lines[end]):
        return dates.date_in(lines[end], month_first=month_first, numeric=False)
    # A publication line at the article's foot ("Posted 3rd October 2024 in Reviews"), when the page has one day so labelled
    footed = {dated.day: dated for dated in (dates.publication_line_date(line, month_first=month_first)
                                             for line in lines[body_start:] if line and line[:1] in "PpFf") if dated}
    if len(footed) == 1:
        return next(iter(footed.values()))
    return dates.breadcrumb_date(lines[max(0, title_at - BREADCRUMB_LINES):title_at])


SUMMARY_ITEMS = 6  # items a summary box holds at most
SUMMARY_ITEM_WORDS = 25  # words in one of them at most (the body's first paragraph says more)


def _after_summary(lines, index):
    """Where a summary box's items end (the label's line already read; ``index`` is the next): up to
    SUMMARY_ITEMS short lines of one sentence each, when a longer paragraph follows them; else ``index`` (the
    label alone is header: a page whose text is all short lines keeps them as its body)."""
    for position, line in next_lines(lines, index - 1, SUMMARY_ITEMS + 1):
        if len(shape.words(dates.BULLET.sub("", line))) > SUMMARY_ITEM_WORDS or len(cautions.sentences_in(line)) > 1:
            return position
    return index


BANNER_LINES = 12  # a site's date of today stands among the first lines of the page
_WEEKDAY_NAME = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)


def _banner(lines, at, dated):
    """Whether the date line at ``at`` is the site's date of today: a weekday and no time, among the page's first
    BANNER_LINES lines, with furniture under it (a menu's item, a section's name: two words at most, or chrome)
    rather than a headline, a byline or text."""
    if dated.at is not None or not _WEEKDAY_NAME.search(lines[at]):
        return False
    if sum(1 for line in lines[:at] if line) >= BANNER_LINES:
        return False
    following = next_lines(lines, at, 1)
    return bool(following) and (kinds.is_chrome(following[0][1]) or (
        len(shape.words(following[0][1])) <= 2 and not kinds.byline(following[0][1]) and not shape.is_sentence(following[0][1])))


def _date_follows(lines, at, month_first):
    """Whether a date line stands within the next three lines after ``at`` with no running text before it
    (a standfirst of full sentences, then "By …", "Translated by …" and "Published: …")."""
    for _, other in next_lines(lines, at, 3):
        if dates.date_line(other, month_first=month_first):
            return True
        if shape.is_sentence(other) and not kinds.byline(other):
            return False
    return False


def _after_dateline_detour(lines, start):
    """If a paragraph opening with a dateline ("SYDNEY, Australia – …") follows within three lines (furniture
    aside), a sidebar or captions stood before it: the article starts at the dateline."""
    if start >= len(lines) or DATELINE.match(lines[start] or ""):
        return start
    for position, line in next_lines(lines, start, 4):
        if DATELINE.match(line):
            between = [other for other in lines[start:position] if other and not kinds.is_chrome(other)]
            if len(between) <= 3:
                return position
    return start


def early_warnings(body_lines: list[str]) -> tuple[list[Warning], list[str]]:
    """Warnings stated in the first lines of the body (after an intro paragraph, say), and the body
    without them."""
    found, kept, seen = [], [], 0
    for line in body_lines:
        if line:
            seen += 1
        stated = cautions.warning(line) if line and seen <= EARLY_BODY_LINES else None
        if stated:
            found.append(stated)
            if stated.rest and cautions.leads_on(stated.rest):
                kept.append(stated.rest)
        else:
            kept.append(line)
    return found, kept


_VALEDICTION = re.compile(r"^[A-Z][\w’']*(?:\s+[\w’']+){0,8},$")  # "With gratitude and love from all of us,"
_WIRE_REPORTERS = re.compile(r"^(?:additional\s+)?reporting\s+by\s+(?P<who>[^;]{3,120});", re.I)
# A credit where the article ends ("Story and photos by Jane Doe", "Reporter: JANE DOE").
_CLOSING_CREDIT = re.compile(r"^(?:(?:posted|written|reporting|reported|words|story|text)(?:\s+and\s+(?:photos?|photographs?|pictures?|images?))?\s+)?by\b"
                             r"|^(?:reporter|writer|author|words)\s*:", re.I)
CLOSING_LINES = 4  # non-blank lines either side of where the article ends that may credit its writer


def _near_the_end(lines: list[str], start: int, end: int) -> tuple[list, list]:
    """The CLOSING_LINES non-blank (index, line) pairs before the article's ``end`` (from ``start``), and after it."""
    before = [(index, lines[index]) for index in range(start, min(end, len(lines))) if lines[index]][-CLOSING_LINES:]
    after = [(index, lines[index]) for index in range(end, len(lines)) if lines[index]][:CLOSING_LINES]
    return before, after


def _wire_reporters(line: str) -> str | None:
    """The reporters a wire's closing credits name ("Reporting by A and B; Editing by C" → "A and B"), or None."""
    plain = line.strip("()")
    wire = _WIRE_REPORTERS.match(plain)
    return kinds.byline("By " + wire.group("who")) if wire and kinds.WIRE_CREDITS.match(plain) else None


def wire_byline(lines: list[str], start: int, end: int) -> str | None:
    """The reporters a wire's closing credits name where the article ends, or None: they are the writers even
    when the page's own byline names no one ("By Staff Reporter", the outlet's account)."""
    before, after = _near_the_end(lines, start, end)
    return next((name for _, line in before + after if (name := _wire_reporters(line))), None)


def closing_byline(lines: list[str], start: int, end: int) -> tuple[str | None, bool]:
    """The writer a page credits where its article ends, when its header names none, and whether the name stands
    alone (nothing but where it stands says it is the writer's: a sign-off, "— Name", or a name alone under the
    last paragraph, a blog's signature): a wire's credits ("Reporting by A and B; Editing by C" → A and B), a
    byline ("Reporter: NAME", "Posted by Name at 21:12"), a reporter's sign-off or an author box
    (endings.signed_off), a name under a letter's closing words ("With gratitude …," / "Name"). (None, False) for
    none."""
    before, after = _near_the_end(lines, start, end)
    near = before + after
    letter = [(index, line) for index, line in enumerate(lines[start:min(end, len(lines))], start) if line][-3 * CLOSING_LINES:]
    for position, (index, line) in enumerate(letter[:-1]):  # a letter's closing words and its signature, nearer the top
        if _VALEDICTION.match(line) and persons.bare_name(letter[position + 1][1]) == letter[position + 1][1]:
            return persons.bare_name(letter[position + 1][1]), False
    for position, (index, line) in enumerate(near):
        signed = _wire_reporters(line) or endings.signed_off(line)  # (a sign-off: "Cathryn Khalil, reporting.")
        if signed:
            return signed, False
        credit = line.lstrip("—–- ") if line[:1] in "—–-" else line  # ("— Story and photos by Jane Doe")
        if len(shape.words(credit)) <= 12 and _CLOSING_CREDIT.match(credit):
            name = kinds.byline(credit)
            if name:
                return name, False
        if kinds.is_sign_off(line) and not (position and near[position - 1][1].endswith(("”", '"'))):
            # (a name alone: "— Name, who lived …" under a quote is no sign-off)
            return persons.bare_name(kinds.SIGN_OFF.match(line).group("who")), True
        if _VALEDICTION.match(line) and position + 1 < len(near) and persons.bare_name(near[position + 1][1]):
            return persons.bare_name(near[position + 1][1]), False
    if len(before) >= 2 and shape.is_sentence(before[-2][1]) and len(shape.words(before[-1][1])) <= 4 \
            and persons.bare_name(before[-1][1]) == before[-1][1]:
        return before[-1][1], True  # the writer's name alone under the last paragraph: a blog's signature
    return None, False

