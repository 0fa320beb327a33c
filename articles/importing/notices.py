"""Warnings stated in plain sentences ("This story isn't for the faint of heart.", "If you are squeamish,
you probably shouldn't read on."): every sentence of the header and of the body's first lines is scored on
its features (warning_sentence_features) with weights fitted on the corpus; the sentences the
scorer holds to be the page's warning are taken out of the body and kept as worded. Labelled warnings
("Content warning: …") are found before this, by cautions.warning. Pure.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from operator import itemgetter

from articles.importing import cautions
from articles.importing import lines as kinds
from articles.importing import shape
from articles.importing.cautions import Warning
from articles.importing.scoring import Scorer

WARNING_FEATURES = (
    "bias", "labelled", "announces", "says_warning", "says_trigger_warning", "addresses_reader", "discretion",
    "distressing_words", "faint_of_heart", "below", "may_find", "should_not", "contains_verb", "pictures",
    "conditional", "first_person", "reporting", "quoted", "digits", "words", "first_in_line", "last_in_line",
    "line_rank", "question", "in_header", "this_piece", "beside_cue", "short_paragraph", "declares", "warns_reader",
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|my|we|our)\b")
_ADDRESSES_READER = re.compile(r"\b(?:you|your|readers?|viewers?|audience)\b", re.I)
_DISCRETION = re.compile(r"\b(?:viewer|reader|audience)s?[’']?s?\s+discretion\b|\bdiscretion\s+(?:is\s+)?(?:advised|recommended|required)\b|\bforewarn|\bbe (?:advised|warned)\b|\b(?:proceed|read|view|watch|continue)\s+with\s+(?:caution|care)\b|\bbrace yourself\b", re.I)
_DISTRESSING = re.compile(r"\b(?:graphic|disturbing|distressing|upsetting|harrowing|harmful|triggering|sensitive|traumati[sz]ing|violent|gruesome)\b", re.I)
# The reader left to choose, when what follows may hurt them ("If pregnancy loss is triggering for you, … skip this
# read.", "If hospital scenes are hard for you, … skip this post."): discretion, as "Viewer discretion is advised" is.
_SKIP_THIS = re.compile(r"\bskip\s+this\b", re.I)
_HARD_FOR_YOU = re.compile(r"\b(?:hard|difficult|painful|too\s+much)\s+for\s+(?:you|some)\b", re.I)
_FAINT = re.compile(r"\bfaint of heart\b|\bnot for (?:everyone|the squeamish)\b|\bsqueamish\b", re.I)
_BELOW = re.compile(r"\b(?:below|following|ahead|follows)\b", re.I)
_MAY_FIND = re.compile(r"\bmay (?:find|be|upset|disturb|distress|contain)\b|\bmight (?:find|be)\b", re.I)
_SHOULD_NOT = re.compile(r"\b(?:should(?:n[’']t| not)|do not|don[’']t|please)\s+(?:\w+\s+){0,2}(?:read|watch|view|look|open|scroll|continue)\b", re.I)
_CONTAINS = re.compile(r"\b(?:contains?|discuss(?:es)?|depicts?|describes?|includes?|mentions?|deals? with|references?)\b", re.I)
_PICTURES = re.compile(r"\b(?:images?|photos?|pictures?|footage|videos?|gallery|content)\b", re.I)
_CONDITIONAL = re.compile(r"^(?:if|when|for (?:people|anyone|those))\b", re.I)
# The piece speaking of itself ("This story isn't for…", "…whether you want to read this post", "read on").
_THIS_PIECE = re.compile(
    r"\bthis\s+(?:post|story|article|piece|page|webpage|blog|video|review|report|entry|episode|thread|gallery|content)\b"
    r"|\bread\s+(?:this|on|further|ahead)\b|\bwatch\s+(?:this|on)\b", re.I)
# A warning named by its kind ("trigger warning", "content note", "content notes apply for …").
_KIND_OF_WARNING = r"\b(?:trigger|content)\s+(?:warning|note)\b|\bcontent\s+notes\b"
_SAYS_KIND_OF_WARNING = re.compile(_KIND_OF_WARNING, re.I)
# A sentence that calls itself a warning ("…but here's a trigger warning.", "Consider yourself warned.").
_DECLARES = re.compile(
    r"\b(?:here(?:[’']s|\s+is)|this is|consider this|consider yourself|just)\s+(?:a|an|your|fair)?\s*(?:\w+\s+)?(?:(?:trigger|content)\s+)?(?:warning|warned)\b"
    r"|\b(?:has|carries|comes with|needs)\s+(?:a\s+)?(?:trigger|content)\s+(?:warning|note)\b|\bcontent\s+notes\b", re.I)
# What alone marks a sentence as a word to the reader: a sentence beside one of these belongs to it
# ("Graphic photos below. Viewer's discretion is advised.", "…shouldn't read this. There's a violent bit.").
_STRONG_CUE = re.compile(
    r"\b(?:viewer|reader|audience)s?[’']?s?\s+discretion\b|\bdiscretion\s+(?:is\s+)?(?:advised|recommended|required)\b"
    r"|\bforewarn|\bbe (?:advised|warned)\b|\b(?:read|view|watch)\s+with\s+(?:caution|care)\b|\bfaint of heart\b|\bsqueamish\b|\bwarned\b|" + _KIND_OF_WARNING +
    r"|\b(?:should(?:n[’']t| not)|do not|don[’']t)\s+(?:\w+\s+){0,2}(?:read|watch|view|look|scroll|continue)\b", re.I)
# The writer warning the reader in their own voice ("I will warn you the video is graphic", "Here is the video and I
# must warn that …", "I warn you, it is hard to watch", "And a warning – her report contains distressing images").
_WARNS_READER = re.compile(r"\b(?:I|we)\s+(?:(?:must|will|should|have\s+to|need\s+to|do|would|'ll|’ll|am\s+going\s+to)\s+)?"
                           r"(?:(?:just|also|first)\s+)?warn\s+(?:you|that|readers?|viewers?|everyone)\b"
                           r"|^(?:and|but|just|so)?\s*a\s+(?:quick\s+|brief\s+|short\s+|fair\s+)?warning\s*[–—:-]\s*\S", re.I)
_REPORTING = re.compile(r"\b(?:said|says|told|according to|police|officials?|reported|issued|announced)\b", re.I)
# The words a warning to the reader is made of: a sentence with none is not scored at all (plain
# substring tests on the lower-cased text: far cheaper than a pattern on every sentence of a page).
WARNING_CUES = (
    "warn", "graphic", "disturb", "distress", "upsett", "harrow", "harm", "trigger", "sensitive", "discretion",
    "advis", "caution", "squeamish", "faint of heart", "content note", "viewer", "reader", "shouldn", "should not",
    "don't read", "don’t read", "don't watch", "don’t watch", "violen", "suicid", "abuse", "skip this",
)


def has_warning_cue(text: str) -> bool:
    low = text.lower()
    for cue in WARNING_CUES:  # (a plain loop: quicker than any() over a generator)
        if cue in low:
            return True
    return False


def warning_sentence_features(sentence: str, *, first: bool, last: bool, line_rank: int, in_header: bool,
                              beside_cue: bool = False, short_paragraph: bool = False) -> tuple[float, ...]:
    """What speaks for (and against) a sentence being the page's warning to its reader. ``beside_cue``: a
    sentence next to it in its paragraph says plainly that it warns ("…discretion is advised", "trigger
    warning"); ``short_paragraph``: its paragraph is short (two sentences at most), standing apart."""
    words = shape.words(sentence)
    values = {
        "bias": 1.0,
        "labelled": float(bool(cautions.warning(sentence))),
        "announces": float(bool(re.match(r"^(?:this|the following|these)\s+(?:\w+\s+){0,2}\w+\s+(?:\w+\s+)?(?:contains?|discuss|includes?|depicts?|shows?|describes?|deals?)", sentence, re.I))),
        "says_warning": float("warning" in sentence.lower()),
        "says_trigger_warning": float(bool(_SAYS_KIND_OF_WARNING.search(sentence))),
        "addresses_reader": float(bool(_ADDRESSES_READER.search(sentence))),
        "discretion": float(bool(_DISCRETION.search(sentence)) or (
            bool(_SKIP_THIS.search(sentence)) and bool(_DISTRESSING.search(sentence) or _HARD_FOR_YOU.search(sentence)))),
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
        "this_piece": float(bool(_THIS_PIECE.search(sentence))),
        "beside_cue": float(beside_cue),
        "short_paragraph": float(short_paragraph),
        "declares": float(bool(_DECLARES.search(sentence))),
        "warns_reader": float(bool(_WARNS_READER.search(sentence))),
    }
    return _WARNING_ORDER(values)


_WARNING_ORDER = itemgetter(*WARNING_FEATURES)
# Where the weights start and are pulled back towards: what any reader takes for a warning (a label, a
# word to the reader about what follows). Few pages state one in plain words, so the data moves them little.
WARNING_PRIOR = {
    "bias": -3.0, "labelled": 3.0, "says_trigger_warning": 2.5, "discretion": 3.0, "faint_of_heart": 3.0,
    "should_not": 2.0, "addresses_reader": 1.0, "distressing_words": 1.0, "may_find": 1.0, "reporting": -1.5,
    "quoted": -1.0, "this_piece": 1.0, "beside_cue": 3.0, "declares": 2.0, "warns_reader": 3.5,
}
WARNING_THRESHOLD = 0.5  # a sentence is the page's warning when the scorer gives it at least this probability


def sentences_of(line: str) -> list[str]:
    return [part.strip() for part in re.split(r"(?<=[.!?])\s+(?=[\"“‘'(\[]?[A-Z0-9])", line) if part.strip()]


EARLY_LINES = 14  # non-blank lines of the body where a warning may still stand


@dataclass(frozen=True)
class Sentence:
    in_body: bool
    line: int  # its line's position in the body's lines (or the header's)
    position: int  # its place among its line's sentences
    text: str
    features: tuple[float, ...]
    labelled: bool = False  # it opens with a warning's label ("WARNING: …"): a warning whatever its score


_QUOTED = re.compile(r'"[^"]{1,160}"|“[^”]{1,160}”')


def _bracketed(sentence: str) -> bool:
    """Whether the sentence is wholly in brackets ("(Viewer Discretion Advised)")."""
    return sentence[:1] in "([" and sentence.rstrip(".")[-1:] in ")]"


def _quotes_warnings(sentence: str) -> bool:
    """Whether the sentence quotes two warnings or more, as examples of what others say."""
    return ('"' in sentence or "“" in sentence) and sum(map(has_warning_cue, _QUOTED.findall(sentence))) >= 2


def warning_sentences(header_lines: list[str], body_lines: list[str]) -> list[Sentence]:
    """The sentences that could be a warning stated in plain words, with their features."""
    found = []
    for in_body, lines in ((False, header_lines), (True, body_lines)):
        seen = 0
        for index, line in enumerate(lines):
            if not line:
                continue
            seen += 1
            if seen > EARLY_LINES:
                break
            if cautions.warning(line) or kinds.is_chrome(line) or len(line) > 1200:
                continue
            parts = sentences_of(line)
            if len(parts) > 8:
                continue
            short = len(parts) <= 2 and len(shape.words(line)) <= 40  # (only there does a neighbour's cue count)
            # (an aside in brackets, "(Viewer Discretion Advised)", is a warning whole: it lends nothing to its neighbour)
            strong = [bool(_STRONG_CUE.search(part)) and not _quotes_warnings(part) and not _bracketed(part) for part in parts] if short else []
            for position, sentence in enumerate(parts):
                beside = short and ((position > 0 and strong[position - 1]) or (position + 1 < len(parts) and strong[position + 1]))
                if not (beside or has_warning_cue(sentence)):
                    continue  # no word a warning is made of, nor beside one: not scored (and never taken)
                if _quotes_warnings(sentence):
                    continue  # warnings quoted as examples ('… carry a warning: "Contains graphic content" or …'): about them
                features = warning_sentence_features(
                    sentence, first=position == 0, last=position == len(parts) - 1, line_rank=seen, in_header=not in_body,
                    beside_cue=beside, short_paragraph=short,
                )
                found.append(Sentence(in_body, index, position, sentence, features, bool(cautions.warning(sentence))))
    return found


def warning_probability(scorer: Scorer, features: tuple[float, ...]) -> float:
    """The probability that a sentence with ``features`` is the page's warning (a logistic score)."""
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, scorer.score_features(features)))))


def plain_warnings(header_lines: list[str], body_lines: list[str], scorer: Scorer) -> tuple[list[Warning], list[str]]:
    """The warnings stated in plain sentences (``scorer``: the warning scorer), and the body's lines
    without them."""
    chosen = [s for s in warning_sentences(header_lines, body_lines)
              if s.labelled or warning_probability(scorer, s.features) >= WARNING_THRESHOLD]
    if not chosen:
        return [], body_lines
    warnings, dropped, body = [], {}, list(body_lines)
    group: list[Sentence] = []
    for sentence in [*chosen, None]:
        if group and (sentence is None or (sentence.in_body, sentence.line) != (group[-1].in_body, group[-1].line)
                      or sentence.position != group[-1].position + 1):
            statement = cautions.unwrapped(" ".join(s.text for s in group))
            warnings.append(Warning(statement, statement, ""))
            group = []
        if sentence is not None:
            group.append(sentence)
            if sentence.in_body:
                dropped.setdefault(sentence.line, set()).add(sentence.position)
    for index, positions in dropped.items():
        kept = [part for position, part in enumerate(sentences_of(body[index])) if position not in positions]
        body[index] = " ".join(kept)
    return warnings, [line for index, line in enumerate(body) if line or index not in dropped]
