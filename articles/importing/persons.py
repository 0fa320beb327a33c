"""Who a line names: a line that is only a person's name or names (bare_name, name_line), one person's name
(is_person_name, by nameparser), the people a credit's text starts with (names_at_start), a user name
(user_name), a credit that names no one (GENERIC_CREDIT), a word that names an outlet (names_an_outlet). Each
function looks at the text alone (and the wording in phrases.py); what a byline is: lines.byline. Pure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nameparser import HumanName
from nameparser.config import CONSTANTS as NAME_CONSTANTS

from articles.importing import dates, phrases, shape


# A credit that is not a person (phrases.GENERIC_CREDITS: "Staff Reporter", "The Associated Press").
GENERIC_CREDIT = shape.any_line(phrases.GENERIC_CREDITS)

_PARTICLE = r"(?i:al|el|de|da|del|della|der|di|du|van|von|bin|ibn|la|le|st\.?|ó|ní|nic|mac|uí|ua|ter|ten|dos|das)"  # "Sarah El Deeb", "SARAH EL DEEB" too
# A capital in any European script, not only A-Z: "Şahin", "Łukasz", "Özdemir", "Élodie", "Øyvind", "Ζωή".
_CAPITAL = "[A-Z" + "".join(letter for letter in map(chr, range(0xC0, 0x530)) if letter.isupper()) + "]"
_GIVEN = rf"(?:(?:{_CAPITAL}\.){{2,3}}(?=\s)|{_CAPITAL}[\w'’-]*\.?)"  # ("J.T. Okafor")
_INITIAL = rf"{_CAPITAL}\."
_HONORIFIC = r"(?:(?:Dr|Prof|Rev|Revd|Mr|Mrs|Ms|Mx|Sir|Dame)\.?\s+)?"  # "Dr. Helen Carter"
_OUTLET_WORD_RE = "|".join(phrases.OUTLET_WORDS)  # never a name's closing word ("Jane Doe Associated Press")
# (No one's name opens with "The": "By The Associated Press" names an outlet.)
_NAME_RE = (rf"{_HONORIFIC}(?!(?i:the)\s){_GIVEN}(?:\s+{_CAPITAL}[a-z][\w'’-]*(?=\s+(?:{_INITIAL}|{_PARTICLE}\s)))?(?:\s+{_INITIAL})*(?:\s+{_PARTICLE})*"
            rf"\s+{_CAPITAL}[\w'’-]+(?:-{_CAPITAL}[\w'’-]+)?"
            # one or two more names where the name ends ("Daniela Ortiz Villalobos and Kevin Marsh", "Kelvin Tan Wei Ming")
            rf"(?:(?:\s+(?!(?:And|Updated|Published|Posted|{_OUTLET_WORD_RE})\b){_CAPITAL}[\w'’-]+){{1,2}}(?=$|\s*[,;|·•(]|\s+(?:and|&)\s))?")
NAME = re.compile(rf"^{_NAME_RE}$")
_NAMES = re.compile(rf"^(?P<names>{_NAME_RE}(?:\s*(?:,|\b[Aa]nd\b|&)\s*{_NAME_RE})*)(?P<rest>.*)$")
# Where a reporter was, between names ("Reporting by Jane Doe in Mombasa and John Roe in Nairobi; Editing by …").
IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}(?=\s+(?:and|&)\s|\s*[;,)]|$)")
ROLE_AFTER_NAME = re.compile(rf",\s*(?:[A-Z][\w-]*\s+){{0,3}}(?:{phrases.ROLE_WORDS})s?$", re.I)  # "Jane Doe, Staff Writer"
# A user name as a blog gives it ("hannah_ward", "Plyrx"): one word, and a credit that says it posted the page.
_HANDLE_WORD = re.compile(r"^[A-Za-z0-9][\w.]{2,30}$")
USER_NAME_SHAPE = re.compile(r"[_\d]|^[a-z][a-z.]{5,}$")  # an underscore, a digit, or a long word without capitals
_NO_ONES_USER_NAME = frozenset(  # accounts a site posts under, not a writer ("Posted by webmaster")
    "webmaster moderator team guest user anonymous unknown author contributor support info newsroom site adviser advisor "
    "admin administrator editor staff".split())
# An outlet's own account, its name run together ("Naija247news", "dailypostng", "KenyaTimes"), not a writer's.
_OUTLETS_ACCOUNT = re.compile(r"(?:news|times|daily|media|online|tribune|herald|gazette|magazine|post|tv)_?(?:ng|uk|ke|gh|za|pk|in)?$", re.I)
_AFTER_HANDLE = re.compile(  # what may follow a user name: a date, a section, a comment prompt
    r"\s+\|\s+|\s+(?:on|in|at)\s+|\s*[,;·•»]\s*|\s+[-–—]\s+|\s+(?=(?:leave\s+a\s+(?:comment|reply)|\d+\s+comments?|no\s+comments)\b)",
    re.I,
)
_OUTLET_WORDS = frozenset(phrases.OUTLET_WORDS)  # a name with one of these is a paper's ("Northern Courier")
_OUTLET_WORD = re.compile(r"\b(?:" + "|".join(phrases.OUTLET_WORDS) + r")\b", re.I)


def names_an_outlet(text: str) -> bool:
    """Whether the text holds a word that names an outlet ("Jeevay News", "SEMENANJUNG POST")."""
    return _OUTLET_WORD.search(text) is not None


_NOT_NAMES = re.compile(r"^(?:" + "|".join(phrases.NOT_NAME_WORDS) + r")$", re.I)


_GIVEN_ABBREVIATION = re.compile(r"^[A-Z][a-z]{1,3}\.$")  # a given name shortened ("Ma." for María, "Wm.", "Jas.")


@lru_cache(maxsize=8192)
def is_person_name(text: str) -> bool:
    """Whether ``text`` reads as one person's name, by nameparser: a given name and a surname (a known
    title such as "Dr." allowed), neither a word that names page furniture or opens a heading ("The
    Setup", "Expand Image", "Every. Woman")."""
    name = HumanName(text)
    if not (name.first and name.last) or len(text.split()) > 5:
        return False
    if name.title and name.title.lower().rstrip(".") not in NAME_CONSTANTS.titles and not _GIVEN_ABBREVIATION.match(name.title):
        return False
    if any(word.endswith(("'s", "’s")) for word in text.split()):
        return False  # a possessive ("Sri Lanka's News Portal", "Kenya’s Favourite Station"): whose, not who
    parts = [name.first, *name.middle.split(), *name.last.split()]
    if any("-" in part and all(piece in _OUTLET_WORDS for piece in part.split("-")) for part in parts):
        return False  # a paper's double name ("Ledger-Sentinel", "Herald-Tribune"): no one's surname
    return not any(_NOT_NAMES.match(part.strip(".,")) or part.strip(".,") in _OUTLET_WORDS
                   or part.strip(".,").lower() in phrases.NAV_WORDS for part in parts)


_ROLE = re.compile(rf"\b(?:{phrases.ROLE_WORDS})s?\b", re.I)
_OUTLET_TAIL = re.compile(r"^(?:[A-Z][\w.&'’-]*\s+){0,3}(?:" + "|".join(phrases.OUTLET_WORDS) + r")\b.*$")


# What a byline may carry after the name besides a date or the outlet: the writer's address, the comment count, the
# station's logo ("By Jane Doe jdoe@example.com", "By Jane Doe No comments", "ByJane Doe WLS logo").
_AFTER_NAME = re.compile(r"^(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:no|\d+)\s+comments?|[A-Z0-9]{2,6}\s+logo)\s*$", re.I)
_DATE_AFTER_NAME = re.compile(  # "By Mason White 4:43 PM January 3, 2017": a time or a date after the name
    rf"^(?:\d{{1,2}}[:.]\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{dates.MONTH_NAME}|{dates.MONTH_NAME}\s+\d|\d{{1,2}}/\d{{1,2}}/\d|\d{{4}}-\d{{2}})",
    re.I,
)


def user_name(who: str, *, posted: bool) -> str | None:
    """The user name a credit gives ("hannah_ward", "Plyrx | August 3, 2011" → "Plyrx"), kept as the page
    gives it: one word, no generic credit, no word of furniture, no outlet; a capitalised word only when the
    credit says it posted the page (``posted``), for "By Reuters" or "By Tuesday" is no one's user name."""
    if not posted and len(shape.words(who)) > 4:
        return None  # ("By morning, emergency crews had restored …": a sentence, not a user's credit)
    word = _AFTER_HANDLE.split(who.strip(), maxsplit=1)[0].strip().rstrip(".")
    if not _HANDLE_WORD.match(word) or word.isdigit() or word.lower() in dates.MONTHS:
        return None
    if (GENERIC_CREDIT.match(word) or _NOT_NAMES.match(word) or _ROLE.fullmatch(word) or word in _OUTLET_WORDS
            or word.lower() in _NO_ONES_USER_NAME or _OUTLETS_ACCOUNT.search(word)):
        return None
    return word if posted or USER_NAME_SHAPE.search(word) else None


_SERIAL_AND = re.compile(r",\s*and\s+(?=[A-Z])")
_AFFILIATION = re.compile(phrases.AFFILIATION_WORDS, re.I)  # a university's or a hospital's name, after a writer's
_GLUED_NUMBER = re.compile(r"(?<=[a-z]{2})\d{1,4}$")


def names_at_start(text: str) -> str | None:
    """The person or people a byline's text starts with ("Andrew V. Pestano and Doug G. Ware", "John M.
    Glionna And Rich Connell" out of "… Rich Connell Los Angeles Times"), or None; the last joined as written
    ("A, B, and C")."""
    if ", and " not in text:
        return _names_joined(text)
    names = _names_joined(_SERIAL_AND.sub(" and ", text))
    head, joined, last = (names or "").rpartition(" and ")
    return f"{head}, and {last}" if joined and "," in head and f"{head}, and {last}" in text else names


def _names_joined(text: str) -> str | None:
    """names_at_start for a text whose last name is joined by "and" or "&" alone (a number run into the last name,
    "… El Daccache02", left off)."""
    text = _GLUED_NUMBER.sub("", text.strip()).rstrip(".").replace(" & ", " and ")
    desk, joined, person = text.partition(" and ")
    if joined and GENERIC_CREDIT.match(desk) and not GENERIC_CREDIT.match(person):
        text = person  # a desk and a writer ("Staff Correspondent & Ananya Raghavan"): the writer
    person, joined, desk = text.rpartition(" and ")
    if joined and person and GENERIC_CREDIT.match(re.sub(r"^the\s+", "", desk, flags=re.I)) and not GENERIC_CREDIT.match(person):
        text = person  # a writer and a desk ("Jane Doe and KXYZ Staff", "… and The Associated Press"): the writer
    elif GENERIC_CREDIT.match(text):
        return None
    first_words = text.split()[:2]
    if len(first_words) == 2 and first_words[1] in _OUTLET_WORDS:
        return None  # an outlet's name ("Sahel Press Agency", "Kenya Times Online"), no one's
    if _COMPANY_END.search(text):
        return None  # a company's or a body's name ("Brookfield Foods Co.", "Lakes Trust Ltd"), no one's
    if "," not in text and _ROLE.search(text):
        text = _without_glued_role(text)
    elif "," in text and _ROLE.search(text):
        text = _ROLE_CLAUSE.sub("", text)  # "Jane Doe, Local Journalism Initiative Reporter": the job goes
    match = _NAMES.match(text)
    if not match:
        return None
    names, rest = match.group("names"), match.group("rest").strip()
    people = re.split(r"\s*(,|\b[Aa]nd\b|&)\s*", names)
    if rest and len(people) > 2 and people[-2] == "," and re.match(rf"^(?:{phrases.ROLE_WORDS})s?\b", rest, re.I):
        people[-1] = people[-1] + " " + rest  # "Jane Doe, Middle East correspondent": the place is the job's
    for position in range(0, len(people), 2):
        # "Sam Okafor, Health Correspondent": a job title, not a person; "…, The Valley Planet": the outlet; "…, McGill
        # University": where the writer works.
        if _ROLE.search(people[position]) or (position and people[position - 1] == "," and (
                _NOT_NAMES.match(people[position].split()[0]) or _AFFILIATION.search(people[position]))):
            if position == 0:
                return None
            names = "".join(
                part if i % 2 == 0 else (f" {part} " if part.strip().lower() in ("and", "&") else f"{part} ")
                for i, part in enumerate(people[:position - 1])
            ).strip()
            rest = ""
            break
    # The name grammar is greedy: give back trailing words that are the outlet ("… Connell Los Angeles Times"),
    # the fewest that make one (nothing, when what follows the names is the outlet: "… El Deeb Associated Press").
    tokens = names.split()
    for cut in range(len(tokens), 1, -1):
        head, tail = " ".join(tokens[:cut]).rstrip(","), " ".join(tokens[cut:] + ([rest] if rest else []))
        if tail and _OUTLET_TAIL.match(tail) and _NAMES.fullmatch(head) and NAME.match(head.split(" and ")[-1].split(" And ")[-1]):
            return head
    if rest and not (re.match(r"^(?:[,;|·•–—/-]|\bon\b|\bin\b|\bfor\b|\bat\b|\bof\s+(?:the\s+)?[A-Z]|\(|(?i:updated|published|posted)\b)", rest)
                     or _DATE_AFTER_NAME.match(rest) or _AFTER_NAME.match(rest)):
        if not _OUTLET_TAIL.match(rest):
            return None
    return names


_ROLE_CLAUSE = re.compile(rf",\s*(?:[A-Z][\w'’-]*\s+){{1,4}}(?:{phrases.ROLE_WORDS})s?\.?$", re.I)  # (a job of several words)


def _without_glued_role(text: str) -> str:
    """A name with its job title after it and no comma between ("Jane Doe Staff Writer", "JANE DOE Senior
    Reporter", "Jane Doe Editor-in-Chief") → the name: up to three closing words, the last a job's, the others a job's or words that
    qualify one ("Senior", "Political"), leaving two words or more. Else the text as it is."""
    tokens = text.split()
    if len(tokens) > 3 and tokens[-1].isupper() and _ROLE.fullmatch(tokens[-1].strip(".,").lower()):
        # "Gabriella Swerling RELIGIOUS AFFAIRS EDITOR": a desk in capitals after a name of two words or more in
        # ordinary case (a surname in capitals, "Anna VAN DER BERG REPORTER", keeps it: only the job goes below)
        caps = len(tokens)
        while caps > 0 and tokens[caps - 1].isupper():
            caps -= 1
        if caps >= 2 and len(tokens) - caps <= 5 and not any(token.isupper() for token in tokens[:caps]):
            return " ".join(tokens[:caps])
    for cut in range(max(2, len(tokens) - 3), len(tokens)):
        tail = [word.strip(".,").lower() for word in tokens[cut:]]
        if (_ROLE.fullmatch(tail[-1]) or (_ROLE.fullmatch(tail[-1].split("-")[0]) and _ROLE_AT.search(tail[-1]))) and all(_ROLE.fullmatch(word) or word in phrases.ROLE_MODIFIERS for word in tail[:-1]):
            return " ".join(tokens[:cut])
    return text


_ROLE_AT = re.compile(r"^[a-z]+-(?:in|at)-[a-z]+$")  # "editor-in-chief", "editor-at-large": a job, not a double surname
_COMPANY_END = re.compile(r"\s(?:Co|Inc|Ltd|LLC|PLC|Plc|Corp|Corporation|GmbH|LLP|Pty)\.?$")
# A job between two people's names ("Jane Doe, Senior Reporter, and John Roe"): set aside so both names are read.
ROLE_BEFORE_AND = re.compile(rf",\s*(?:[A-Z][\w-]*\s+){{0,3}}(?:{phrases.ROLE_WORDS})s?\s*,?\s+(?=(?:and|&)\s)", re.I)
_CAP = r"[A-ZÀ-ÖØ-Þ\u0100-\u024f][\w'’.-]+"
# Two people joined in another language ("Camila Duarte e Rafael Nogueira", "Léa Martin et Hugo Roux", "Anna Weber
# und Jonas Keller"): each of two to four capitalised words, read as joined by "and".
_FOREIGN_AND = re.compile(rf"^(?!(?i:par|por|von|di|door|de|by)\s)(?P<one>{_CAP}(?:\s{_CAP}){{1,3}})\s(?:e|et|und|i|en)\s"
                          rf"(?P<two>{_CAP}(?:\s{_CAP}){{1,3}})$")


def joined_by_and(text: str) -> str:
    """Two people joined in another language as joined by "and" ("Camila Duarte e Rafael Nogueira" → "Camila
    Duarte and Rafael Nogueira"); any other text as it is."""
    joined = _FOREIGN_AND.match(text) if " " in text else None
    return f"{joined.group('one')} and {joined.group('two')}" if joined else text


@lru_cache(maxsize=8192)
def bare_name(line: str) -> str | None:
    """A line that is only a person's name (or names), like a byline without "By"; two people joined in another
    language are named as joined by "and"."""
    if len(shape.words(line)) > 12 or shape.is_sentence(line):
        return None
    line = joined_by_and(line)
    if "," in line:
        line = ROLE_BEFORE_AND.sub(" ", line)  # "Marta Holub, Eastern Europe correspondent, and Daniel Pryce, …"
    if " in " in line:
        line = IN_PLACE.sub("", line)  # "Helena Marsh in Amman and Karim Deeb in Qasr Alun": where each filed from
    if _OUTLET_ALONE.match(line):
        return None  # a paper named after its place, under its writer's name ("El Paso Times", "Detroit Free Press")
    if "," in line and _PLACE_IN_TOWN.match(line):
        return None  # a caption's street and town ("Surrey Street, Balby"); a writer may be called Chris Street
    names = names_at_start(line) if _NAMES.match(line) else None
    if not names:
        return None
    people = [person for person in re.split(r"\s*(?:,|\b[Aa]nd\b|&)\s*", names) if person]
    if len(people) == 1 and shape.is_all_caps(names) and len(shape.words(names)) <= 2 and not _ROLE.search(line[len(names):]):
        return None  # "OH NO": a shout, not a name (a byline in capitals says "By", or gives the job: "JO LEE STAFF REPORTER")
    if any(_FOUR_CAPITALISED.match(person) for person in people) and not ROLE_AFTER_NAME.search(line):
        # "Police Arrest Three Men": four capitalised words alone read as a headline (a byline may say "By Kelvin Tan
        # Wei Ming", or give the writer's job after the name: "Tsi Tsi Ki Gonzalez, Reporter")
        return None
    return names if all(is_person_name(person) for person in people) else None


_NAME_LINE_SMALL_WORD = re.compile(rf"^(?:and|&|of|the|for|at|in|{_PARTICLE})$", re.I)  # (a particle of a name, "van")


def name_line(line: str) -> bool:
    """Whether the line is a byline without "By": a person's name or names (bare_name) and, after a comma, at most
    their outlet, desk or job in capitals ("Sheryl Ubelacker, The Canadian Press", "Kate Lee, Staff Writer"): every
    word capitalised or a small joining word, no closing full stop. A headline says more than who ("Elon Musk,
    Tesla chief, sells shares")."""
    if line[-1:] in ".!?:" or len(shape.words(line)) > 10 or not bare_name(line):
        return False
    return all(word[:1].isupper() or _NAME_LINE_SMALL_WORD.match(word.strip(",")) or not word[:1].isalpha()
               for word in line.split())


_OUTLETS = "|".join(phrases.OUTLET_WORDS)
# A paper's name: a place's one or two words and the outlet's words; after one word, only words no one is named
# ("Kenya Times", not "Emily Post").
_OUTLET_ALONE = re.compile(rf"^(?:{_CAPITAL}[\w.'’-]*\s+){{2}}(?:{_OUTLETS})(?:\s+(?:{_OUTLETS}))*$"
                           rf"|^{_CAPITAL}[\w.'’-]*\s+(?:{'|'.join(phrases.OUTLET_ONLY_WORDS)})(?:\s+(?:{_OUTLETS}))*$")
_PLACE_IN_TOWN = re.compile(rf"^(?:[A-Z][\w'’-]*\s+){{1,2}}(?i:{phrases.PLACE_WORDS}),\s+[A-Z]")
_FOUR_CAPITALISED = re.compile(rf"^{_CAPITAL}[\w'’-]+(?:\s+{_CAPITAL}[\w'’-]+){{3,}}$")


def clear_caches() -> None:
    """Forget every name read so far (benchmarks time a page from cold)."""
    bare_name.cache_clear()
    is_person_name.cache_clear()
