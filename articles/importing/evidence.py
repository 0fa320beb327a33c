"""Deciding by evidence: every line that could be the headline is a candidate, described by features of
what its text says (position, length, case, punctuation, its neighbours, whether it repeats on the page,
whether it reads as a sentence, a name, a date, a menu or a promotion). A scorer whose weights were fitted
on the corpus's training folds (weights.py, written by bench/importer_accuracy.py --fit) gives each
candidate a probability; the best wins, and the margin by which it won is kept so that an unclear win
holds the article for an editor. Pure.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from articles.importing import lines as kinds
from articles.importing import phrases

MAX_LINES = 400  # lines from the top where the headline may be
MAX_CANDIDATES = 20  # candidate lines scored at most (in the corpus and the seeds the headline is among the first six)
TEXT_BEFORE_STOP = 6  # paragraphs of running text after which no line is a candidate any more
CLEAR_MARGIN = 0.35  # the least margin that counts as a clear win, whatever the fitting says

STORED_DATE_PREFIX = re.compile(r"^date\s+\d{4}-\d{2}-\d{2}\s+(?=\S)", re.I)  # " date 2019-03-13 Headline…"
SITE_SUFFIX = re.compile(r"^(?P<title>.{12,}?\S)\s+[-|–]\s+(?P<site>[^-|–—]{2,45})$")
_PROMOTION = re.compile(phrases.PROMOTION, re.I)
_TICKER = re.compile(phrases.TICKER_LABELS, re.I)
_LIVE_STRIP = re.compile(phrases.LIVE_STRIP, re.I)
_KICKER = re.compile(r"^[A-Z][\w' ]{1,24}:\s+\S")
_FUNCTION_WORDS = frozenset("the a an of to in on for is are was were and but with by at as from after over has have".split())
_CREDIT = re.compile(phrases.CREDIT_LINES, re.I)
_ENDS_CUT = re.compile(r"\w(?:…|\.\.\.)$")
_NEXT_SENTENCE = re.compile(r"[.!?][\"”’]?\s+[A-Z“\"]")


def title_text(line: str) -> str:
    """A candidate line as a headline: without a stored date before it, a media marker or a stray asterisk
    after it ("… [VIDEO]", "…TV\\"*")."""
    text = STORED_DATE_PREFIX.sub("", line)
    text = kinds.MEDIA_MARKER.sub("", text).strip()
    if text.endswith("*") and not text.startswith("*"):
        text = text.rstrip("*").strip()
    return text


def strip_site_suffix(title: str, lines: list[str]) -> str:
    """"Headline - Site Name" → "Headline" when the tail names a site rather than finishing the sentence:
    a short run of capitalised words (or the page repeats the headline without it)."""
    match = SITE_SUFFIX.match(title)
    if not match:
        return title
    head, site = match.group("title"), match.group("site").strip()
    site_words = site.split()
    named = len(site_words) <= 6 and all(word[:1].isupper() or word[:1].isdigit() or word.lower() in ("of", "the", "and", "&") for word in site_words)
    repeated = any(line.startswith(head[:40]) and line != title for line in lines if line)
    if named or repeated:
        return head
    return title


@dataclass(frozen=True)
class Candidate:
    index: int
    text: str  # the headline this line gives (title_text of it)
    features: tuple[float, ...]


@dataclass(frozen=True)
class Choice:
    """What a scorer decided: the winner, its probability, and the runner-up with its own."""

    winner: Candidate | None
    probability: float
    runner_up: Candidate | None
    runner_up_probability: float

    @property
    def margin(self) -> float:
        return self.probability - self.runner_up_probability

    def clear(self, margin: float = CLEAR_MARGIN) -> bool:
        """Whether the winner beat the runner-up by at least ``margin`` (of probability)."""
        return self.winner is not None and self.margin >= max(margin, CLEAR_MARGIN)


HEADLINE_FEATURES = (
    "bias", "first_candidate", "rank", "position", "words", "short", "long", "ends_full_stop", "ends_question",
    "ends_colon", "title_case", "all_caps", "starts_lower", "sentence", "several_sentences", "repeated",
    "repeated_with_more", "site_suffix", "next_sentence", "next_byline", "next_date", "next_chrome",
    "next_short_line", "previous_chrome", "previous_date", "date_near", "byline_near", "promotion", "ticker",
    "menu_like", "caption", "headline_like", "name", "warning", "kicker", "furniture_before",
    "cut_short", "date_in_line", "first_confirmed", "first_headline_like", "after_stored_date", "echoes_page_title", "text_before", "single_word", "live_strip",
)


_HEADLINE_ORDER = itemgetter(*HEADLINE_FEATURES)  # a feature dict → the tuple the weights line up with


@lru_cache(maxsize=8192)  # a site's lines recur from page to page: what a line says of itself is worked out once
def _line_features(text: str, month_first: bool) -> tuple[tuple[str, float], ...]:
    """The headline features a line has on its own, wherever it stands."""
    words = kinds.words(text)
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
        "all_caps": float(kinds.is_all_caps(text)),
        "starts_lower": float(text[:1].islower()),
        "sentence": float(kinds.is_sentence(text)),
        "several_sentences": float(len(_NEXT_SENTENCE.findall(text)) >= 1),
        "site_suffix": float(strip_site_suffix(text, ()) != text),
        "promotion": float(bool(_PROMOTION.search(text))),
        "ticker": float(bool(_TICKER.match(text))),
        "menu_like": float(len(words) >= 4 and not any(w in _FUNCTION_WORDS for w in lower) and text[-1:] not in ".?!"),
        "caption": float(kinds.is_caption(text) or bool(_CREDIT.match(text))),
        "headline_like": float(kinds.is_headline_like(text)),
        "name": float(bool(kinds.bare_name(text)) and len(words) <= 4),
        "warning": float(bool(kinds.warning(text))),
        "kicker": float(bool(_KICKER.match(text))),
        "cut_short": float(bool(_ENDS_CUT.search(text))),
        "date_in_line": float(bool(kinds.date_in(text, month_first=month_first))),
        "single_word": float(len(words) == 1),
        "live_strip": float(bool(_LIVE_STRIP.search(text))),
    }.items())


def forget_lines() -> None:
    """Forget the lines worked out so far (articles.importing.clear_caches)."""
    _line_features.cache_clear()


def _non_blank(lines, start, step, count):
    found, position = [], start + step
    while 0 <= position < len(lines) and len(found) < count:
        if lines[position]:
            found.append(lines[position])
        position += step
    return found


def headline_candidates(lines: list[str], *, month_first: bool = False) -> list[Candidate]:
    """The lines near the top that could be the headline, each with its features (HEADLINE_FEATURES)."""
    counts: dict[str, int] = {}
    by_start: dict[str, list[str]] = {}  # the page's lines by their first 15 characters
    for line in lines[:600]:
        if line:
            counts[line] = counts.get(line, 0) + 1
            by_start.setdefault(line[:15], []).append(line)
    candidates, chrome_before, text_before = [], 0, 0
    for index, line in enumerate(lines[:MAX_LINES]):
        if not line:
            continue
        running = kinds.is_sentence(line) and len(kinds.words(line)) >= 14
        if len(candidates) >= MAX_CANDIDATES or text_before > TEXT_BEFORE_STOP:
            break  # (the headline stands above the article's running text, not deep inside it)
        if kinds.is_chrome(line) and not line.endswith("?"):  # furniture (looked at first: it is cached)
            chrome_before += 1
            continue
        text = title_text(line)
        count = len(kinds.words(text))
        stored = text != line and STORED_DATE_PREFIX.match(line)
        if not 1 <= count <= 40 or len(text) > 300 or kinds.URL_LINE.match(text) or (not stored and kinds.date_line(line, month_first=month_first)):
            chrome_before += 1
            text_before += running
            continue
        if _CREDIT.match(text):  # a photo credit
            chrome_before += 1
            continue
        candidates.append((index, line, text, chrome_before, bool(stored), text_before))
        text_before += running
    rule_at, rule_confirmed = first_confirmed(lines, month_first)
    # Page titles ("Headline - Site"), perhaps cut short: the headline they begin with is echoed.
    page_titles = [title for title in (strip_site_suffix(text, ()) for _, _, text, *_ in candidates) if title]
    page_titles = [title for title, (_, _, text, *_) in zip(page_titles, candidates) if title != text]
    result = []
    for rank, (index, line, text, chrome_before, stored, text_before) in enumerate(candidates):
        after = _non_blank(lines, index, 1, 6)
        before = _non_blank(lines, index, -1, 1)
        nxt = after[0] if after else ""
        prev = before[0] if before else ""
        values = dict(_line_features(text, month_first))
        values.update({
            "first_candidate": float(rank == 0),
            "rank": min(rank, 20) / 20,
            "position": min(index, 200) / 200,
            "repeated": float(counts.get(line, 0) > 1 or any(text == other for other in after)),
            "repeated_with_more": float(len(text) >= 15 and any(o != line and o.startswith(text) for o in by_start.get(text[:15], ()))),
            "next_sentence": float(bool(nxt) and kinds.is_sentence(nxt)),
            "next_byline": float(bool(nxt) and bool(kinds.byline(nxt) or kinds.bare_name(nxt))),
            "next_date": float(bool(nxt) and bool(kinds.date_line(nxt, month_first=month_first))),
            "next_chrome": float(bool(nxt) and kinds.is_chrome(nxt)),
            "next_short_line": float(bool(nxt) and len(kinds.words(nxt)) <= 4),
            "previous_chrome": float(not prev or kinds.is_chrome(prev)),
            "previous_date": float(bool(prev) and bool(kinds.date_line(prev, month_first=month_first))),
            "date_near": float(any(kinds.date_line(o, month_first=month_first) for o in after)),
            "byline_near": float(any(kinds.byline(o) for o in after)),
            "furniture_before": min(chrome_before, 20) / 20,
            "first_confirmed": float(index == rule_at and rule_confirmed),
            "first_headline_like": float(index == rule_at),
            "after_stored_date": float(stored),
            "text_before": min(text_before, 5) / 5,
            "echoes_page_title": float(any(len(title) >= 15 and title != text and text.startswith(title.rstrip(".… ")) for title in page_titles)),
        })
        result.append(Candidate(index, text, _HEADLINE_ORDER(values)))
    return result


def _next_lines(lines, index, count):
    """The next ``count`` non-blank lines after ``index``, as (index, line)."""
    found = []
    for position in range(index + 1, len(lines)):
        if lines[position]:
            found.append((position, lines[position]))
            if len(found) == count:
                break
    return found


def first_confirmed(lines: list[str], month_first=False) -> tuple[int | None, bool]:
    """The old rule, now one feature among others: (index of the headline, whether what follows confirms it). The headline is the first headline-like
    line confirmed by what follows it (its repeat, a deck, a byline, a date, a warning, a caption or running
    text) rather than by more furniture; failing that, the first headline-like line, unconfirmed."""
    first_candidate = None
    for index, line in enumerate(lines[:400]):
        if not kinds.is_headline_like(line):
            continue
        first_candidate = index if first_candidate is None else first_candidate
        following = _next_lines(lines, index, 12)
        if any(other == line for _, other in following):
            return index, True  # a headline shown twice
        if not following:
            continue
        after = following[0][1]
        if kinds.is_chrome(after) and not (kinds.date_line(after) or kinds.byline(after)):
            continue
        if kinds.is_headline_like(after) and not kinds.is_sentence(after):
            if len(kinds.words(line)) <= 3:
                continue  # a site's name above the real headline
            return index, True  # a headline and its deck
        if (
            kinds.is_sentence(after) or kinds.byline(after) or kinds.bare_name(after) or kinds.warning(after)
            or kinds.date_line(after, month_first=month_first) or kinds.is_caption(after)
            or kinds.SECTIONS.match(after) or kinds.is_headline_like(after)
        ):
            return index, True
    return first_candidate, False



class Scorer:
    """A conditional logit: each candidate's score is the dot product of its features with the weights; a
    page's candidates share out a probability of 1 by softmax."""

    def __init__(self, weights: dict[str, float], names: tuple[str, ...] = HEADLINE_FEATURES):
        self.weights = dict(weights)
        self.vector = tuple(weights.get(name, 0.0) for name in names)

    def score(self, candidate: Candidate) -> float:
        return sum(w * x for w, x in zip(self.vector, candidate.features))

    def choose(self, candidates: list[Candidate]) -> Choice:
        if not candidates:
            return Choice(None, 0.0, None, 0.0)
        scores = [self.score(candidate) for candidate in candidates]
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        total = sum(exps)
        order = sorted(range(len(candidates)), key=lambda i: -scores[i])
        best = order[0]
        # A runner-up that gives the same headline (the headline shown twice) is no rival.
        rival = next((i for i in order[1:] if candidates[i].text != candidates[best].text), None)
        same = sum(exps[i] for i in range(len(candidates)) if candidates[i].text == candidates[best].text)
        return Choice(
            candidates[best], same / total,
            candidates[rival] if rival is not None else None, exps[rival] / total if rival is not None else 0.0,
        )


# Where the weights start, and what they are pulled back towards: the rule the importer used before it
# learned (the first headline-like line that what follows confirms). The data moves them from there.
# A promotion, a ticker or a caption is never the headline a reader means: they start against.
PRIOR = {"first_confirmed": 1.5, "first_headline_like": 1.0, "headline_like": 1.0, "promotion": -2.0, "ticker": -1.0,
         "caption": -2.0, "single_word": -2.0, "live_strip": -2.5}


def fit(groups: list[tuple[list[tuple[float, ...]], list[int]]], *, l2: float = 0.02, iterations: int = 300,
        rate: float = 0.2, names: tuple[str, ...] = HEADLINE_FEATURES, prior: dict | None = None) -> dict[str, float]:
    """Fit a conditional logit by gradient ascent (Adam) on ``groups``: for each page, its candidates'
    features and the positions of the right ones; L2 pulls each weight towards ``prior`` (default PRIOR).
    Returns {feature name: weight}."""
    size = len(names)
    prior = PRIOR if prior is None else prior
    centre = [prior.get(name, 0.0) for name in names]
    weights = list(centre)
    first, second = [0.0] * size, [0.0] * size
    groups = [(rows, right) for rows, right in groups if right and rows]
    for step in range(1, iterations + 1):
        gradient = [-l2 * (w - c) * len(groups) for w, c in zip(weights, centre)]
        for rows, right in groups:
            scores = [sum(w * x for w, x in zip(weights, row)) for row in rows]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            right_total = sum(exps[i] for i in right)
            for i, row in enumerate(rows):
                share = (exps[i] / right_total if i in right else 0.0) - exps[i] / total
                if share:
                    for k, x in enumerate(row):
                        if x:
                            gradient[k] += share * x
        for k in range(size):
            g = gradient[k] / len(groups)
            first[k] = 0.9 * first[k] + 0.1 * g
            second[k] = 0.999 * second[k] + 0.001 * g * g
            weights[k] += rate * (first[k] / (1 - 0.9 ** step)) / (math.sqrt(second[k] / (1 - 0.999 ** step)) + 1e-8)
    return {name: round(weight, 4) for name, weight in zip(names, weights)}


# --- where the body starts ------------------------------------------------------------------------------

BODY_CANDIDATES = 8  # non-blank lines from where the header reader stopped that may open the body
BODY_FEATURES = (
    "reader_start", "rank", "words", "short", "sentence", "ends_full_stop", "no_end_punctuation",
    "several_sentences", "dateline", "opens_with_bracket", "describes_picture", "warning_words", "quote_first",
    "attribution_end", "headline_like", "after_byline_or_date", "byline_or_date_between", "next_sentence",
    "previous_is_title", "question", "first_person", "spoiler", "continues",
)
_DATELINE = re.compile(r"^(?:[A-Z]{3,}[A-Z .'’-]*(?:,\s+[A-Z][\w .'’-]+)*\s*(?:\([A-Z]+\)\s*)?(?:–|—|--|-|:)\s)")
_DESCRIBES_PICTURE = re.compile(
    r"\b(?:pictured|picture[sd]?|images?|photo(?:graph)?s?|collage|illustration|footage shows|video shows|"
    r"(?:above|below|left|right)\)|represents?|shown here|seen here|scroll down)\b", re.I)
_WARNING_WORDS = re.compile(phrases.WARNING_WORDS, re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|my|we|our)\b")
_CONTINUES = re.compile(r"^(?:but|and|so|or|also|however|yet|still)\b", re.I)  # goes on from something before it


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
        if line and not kinds.is_chrome(line):
            found.append((index, line))
    title = lines[title_at] if 0 <= title_at < len(lines) else ""
    result = []
    for rank, (index, full) in enumerate(found):
        line = full[:300]  # how a line opens is what tells: long paragraphs are looked at no further
        words = kinds.words(full)
        before = _non_blank(lines, index, -1, 1) if not (lead and rank == 0) else [title]
        prev = before[0] if before else ""
        after = _non_blank(lines, index, 1, 1)
        between = [other for other in lines[title_at + 1:index] if other]
        values = {
            "reader_start": float(rank == 0),
            "rank": rank / BODY_CANDIDATES,
            "words": min(len(words), 60) / 60,
            "short": float(len(words) < 8),
            "sentence": float(kinds.is_sentence(full)),
            "ends_full_stop": float(full.rstrip("”\"’'")[-1:] in ".!"),
            "no_end_punctuation": float(full[-1:] not in ".!?”\"’':;)"),
            "several_sentences": float(len(re.findall(r"[.!?][\"”’]?\s+[A-Z“\"]", line)) >= 2),
            "dateline": float(bool(_DATELINE.match(line))),
            "opens_with_bracket": float(line[:1] in "([*"),
            "describes_picture": float(bool(_DESCRIBES_PICTURE.search(line))),
            "warning_words": float(bool(_WARNING_WORDS.search(line))),
            "quote_first": float(line[:1] in "\"“‘'"),
            "attribution_end": float(full[:1] in "\"“" and bool(re.search(r"[—–-]\s*[A-Z][\w .]+$", full[-80:]))),
            "headline_like": float(kinds.is_headline_like(line) and not kinds.is_sentence(line)),
            "after_byline_or_date": float(bool(prev) and bool(kinds.byline(prev) or kinds.bare_name(prev) or kinds.date_line(prev, month_first=month_first))),
            "byline_or_date_between": float(any(kinds.byline(o) or kinds.date_line(o, month_first=month_first) for o in between[:12])),
            "next_sentence": float(bool(after) and kinds.is_sentence(after[0])),
            "previous_is_title": float(prev == title),
            "question": float(full.endswith("?")),
            "first_person": float(bool(_FIRST_PERSON.search(line))),
            "spoiler": float("spoiler" in line.lower()),
            "continues": float(bool(_CONTINUES.match(line))),
        }
        result.append(Candidate(index, full, _BODY_ORDER(values)))
    return result


_BODY_ORDER = itemgetter(*BODY_FEATURES)
BODY_PRIOR = {"reader_start": 2.0, "continues": -1.5}  # a text opens with neither "But" nor "And"


@dataclass(frozen=True)
class Model:
    """The scorers of one fitting: which line is the headline, which opens the body."""

    headline: Scorer
    body: Scorer
    warning: Scorer
    clear_margin: float = CLEAR_MARGIN  # a headline that wins by less is uncertain (fitted: see bench)

    @classmethod
    def from_weights(cls, headline: dict[str, float], body: dict[str, float], warning: dict[str, float],
                     clear_margin: float = CLEAR_MARGIN) -> Model:
        return cls(Scorer(headline, HEADLINE_FEATURES), Scorer(body, BODY_FEATURES), Scorer(warning, WARNING_FEATURES),
                   clear_margin)

    def warning_probability(self, features: tuple[float, ...]) -> float:
        """The probability that a sentence with ``features`` is the page's warning (a logistic score)."""
        score = sum(w * x for w, x in zip(self.warning.vector, features))
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, score))))


# --- warnings stated in plain sentences -------------------------------------------------------------------

WARNING_FEATURES = (
    "bias", "labelled", "announces", "says_warning", "says_trigger_warning", "addresses_reader", "discretion",
    "distressing_words", "faint_of_heart", "below", "may_find", "should_not", "contains_verb", "pictures",
    "conditional", "first_person", "reporting", "quoted", "digits", "words", "first_in_line", "last_in_line",
    "line_rank", "question", "in_header",
)
_ADDRESSES_READER = re.compile(r"\b(?:you|your|readers?|viewers?|audience)\b", re.I)
_DISCRETION = re.compile(r"\bdiscretion\b|\bforewarn|\bbe (?:advised|warned)\b|\bproceed with caution\b|\bbrace yourself\b", re.I)
_DISTRESSING = re.compile(r"\b(?:graphic|disturbing|distressing|upsetting|harrowing|harmful|triggering|sensitive|traumati[sz]ing|violent|gruesome)\b", re.I)
_FAINT = re.compile(r"\bfaint of heart\b|\bnot for (?:everyone|the squeamish)\b|\bsqueamish\b", re.I)
_BELOW = re.compile(r"\b(?:below|following|ahead|follows)\b", re.I)
_MAY_FIND = re.compile(r"\bmay (?:find|be|upset|disturb|distress|contain)\b|\bmight (?:find|be)\b", re.I)
_SHOULD_NOT = re.compile(r"\b(?:should(?:n[’']t| not)|do not|don[’']t|please)\s+(?:\w+\s+){0,2}(?:read|watch|view|look|open|scroll|continue)\b", re.I)
_CONTAINS = re.compile(r"\b(?:contains?|discuss(?:es)?|depicts?|describes?|includes?|mentions?|deals? with|references?)\b", re.I)
_PICTURES = re.compile(r"\b(?:images?|photos?|pictures?|footage|videos?|gallery|content)\b", re.I)
_CONDITIONAL = re.compile(r"^(?:if|when|for (?:people|anyone|those))\b", re.I)
_REPORTING = re.compile(r"\b(?:said|says|told|according to|police|officials?|reported|issued|announced)\b", re.I)
# The words a warning to the reader is made of: a sentence with none is not scored at all (plain
# substring tests on the lower-cased text: far cheaper than a pattern on every sentence of a page).
WARNING_CUES = (
    "warn", "graphic", "disturb", "distress", "upsett", "harrow", "harm", "trigger", "sensitive", "discretion",
    "advis", "caution", "squeamish", "faint of heart", "content note", "viewer", "reader", "shouldn", "should not",
    "don't read", "don’t read", "don't watch", "don’t watch", "violen", "suicid", "abuse",
)


def has_warning_cue(text: str) -> bool:
    low = text.lower()
    return any(cue in low for cue in WARNING_CUES)


def warning_sentence_features(sentence: str, *, first: bool, last: bool, line_rank: int, in_header: bool) -> tuple[float, ...]:
    """What speaks for (and against) a sentence being the page's warning to its reader."""
    words = kinds.words(sentence)
    values = {
        "bias": 1.0,
        "labelled": float(bool(kinds.warning(sentence))),
        "announces": float(bool(re.match(r"^(?:this|the following|these)\s+(?:\w+\s+){0,2}\w+\s+(?:\w+\s+)?(?:contains?|discuss|includes?|depicts?|shows?|describes?|deals?)", sentence, re.I))),
        "says_warning": float("warning" in sentence.lower()),
        "says_trigger_warning": float(bool(re.search(r"\b(?:trigger|content)\s+(?:warning|note)\b", sentence, re.I))),
        "addresses_reader": float(bool(_ADDRESSES_READER.search(sentence))),
        "discretion": float(bool(_DISCRETION.search(sentence))),
        "distressing_words": float(bool(_DISTRESSING.search(sentence))),
        "faint_of_heart": float(bool(_FAINT.search(sentence))),
        "below": float(bool(_BELOW.search(sentence))),
        "may_find": float(bool(_MAY_FIND.search(sentence))),
        "should_not": float(bool(_SHOULD_NOT.search(sentence))),
        "contains_verb": float(bool(_CONTAINS.search(sentence))),
        "pictures": float(bool(_PICTURES.search(sentence))),
        "conditional": float(bool(_CONDITIONAL.match(sentence))),
        "first_person": float(bool(_FIRST_PERSON.search(sentence))),
        "reporting": float(bool(_REPORTING.search(sentence))),
        "quoted": float(bool(re.search(r"[\"“”]", sentence))),
        "digits": float(bool(re.search(r"\d", sentence))),
        "words": min(len(words), 40) / 40,
        "first_in_line": float(first),
        "last_in_line": float(last),
        "line_rank": min(line_rank, 14) / 14,
        "question": float(sentence.endswith("?")),
        "in_header": float(in_header),
    }
    return _WARNING_ORDER(values)


_WARNING_ORDER = itemgetter(*WARNING_FEATURES)
# Where the weights start and are pulled back towards: what any reader takes for a warning (a label, a
# word to the reader about what follows). Few pages state one in plain words, so the data moves them little.
WARNING_PRIOR = {
    "bias": -3.0, "labelled": 3.0, "says_trigger_warning": 2.5, "discretion": 2.0, "faint_of_heart": 3.0,
    "should_not": 2.0, "addresses_reader": 1.0, "distressing_words": 1.0, "may_find": 1.0, "reporting": -1.5,
    "quoted": -1.0,
}
WARNING_THRESHOLD = 0.5  # a sentence is the page's warning when the scorer gives it at least this probability


def sentences_of(line: str) -> list[str]:
    return [part.strip() for part in re.split(r"(?<=[.!?])\s+(?=[\"“‘'(\[]?[A-Z0-9])", line) if part.strip()]



