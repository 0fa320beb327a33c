"""Content warnings a page states on one line: a label ("Content warning:", "TW:", "CN -", "WARNING GRAPHIC
CONTENT"), perhaps wrapped in asterisks or brackets, or a sentence announcing what the article holds ("This
article will discuss death and suicide."); what else shares the warning's line (Warning.rest), and a label
run together with its words on the next line (labels_joined). Each function looks at the line alone (and the
wording in phrases.py); warnings stated in plain sentences are scored in notices.py. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from articles.importing import phrases
from articles.importing.lines import CuedPattern, is_note
from articles.importing.shape import is_all_caps, is_sentence, words

_LABELLED = re.compile(
    rf"^(?P<label>(?:{phrases.WARNING_LABELS})(?:\s*\((?:tw|cw|cn)\))?)(?P<sep>\s*(?:[:\-–—!]|//?)\s*|\s*\.\s*$|\.\s+(?=(?i:this)\s)|\s*$|\s+(?=(?-i:[A-Z]{{2,}})\b)|(?<=\.)\s+)(?P<rest>.*)$",
    re.I,
)
def is_labelled_warning(line: str) -> bool:
    """A line that opens with a warning's label ("CN: suicide", "STRONG TRIGGER WARNING.")."""
    return bool(_LABELLED.match(line))


def labels_joined(lines: list[str]) -> list[str]:
    """The lines with a warning's label alone on its line, ending in a colon ("TRIGGER WARNING:", "Content warning:"),
    run together with the words it introduces on the next non-blank line, as the page shows them ("TRIGGER WARNING:
    This article discusses …"); the next line left blank, so that every other line keeps its place. A label over a
    list of points, another label or nothing stays as it is, and so does one over words that speak of no harm or
    distress ("Warning:" / "Roads will be closed from Monday.")."""
    joined = list(lines)
    for index, line in enumerate(lines):
        if not (line.endswith(":") and len(line) <= 40 and line[:1] not in LIST_MARKS):
            continue
        labelled = _LABELLED.match(_unwrap(line)[0])
        if not labelled or labelled.group("rest").strip() or _SOFT_LABEL.match(labelled.group("label")):
            continue
        after = next((other for other in range(index + 1, min(index + 3, len(lines))) if lines[other]), None)
        if after is None or LIST_MARK.match(lines[after]) or _LABELLED.match(lines[after]) or len(lines[after]) > 600:
            continue
        if not (HARM.search(lines[after]) or _DISTRESS_WORDS.search(lines[after])):
            continue
        joined[index], joined[after] = f"{line} {lines[after]}", ""
    return joined


def is_warning_label(line: str) -> bool:
    """A warning's label alone on its line ("Trigger Warning", "CONTENT WARNING:"), its words on the next."""
    labelled = _LABELLED.match(line)
    return bool(labelled) and not labelled.group("rest").strip()


_ANNOUNCES = re.compile(
    rf"^(?:please\s+(?:be\s+aware|bear\s+in\s+mind|bare\s+in\s+mind|note)(?:\s+that)?\s+)?"
    rf"(?:(?:this|the\s+following|these|the)\s+(?:[\w’']+\s+){{0,2}}(?:{phrases.ANNOUNCED_THINGS})s?|the\s+following)\s+"
    rf"(?:(?:will|may|does|do|might|also)\s+)?(?:{phrases.ANNOUNCING_VERBS})\b",  # ("The following contains …")
    re.I,
)
_WARNING_OF = re.compile(
    r"^(?:warnings?|content\s+(?:notes?|warnings?)|trigger\s+warnings?|cws?|tws?)\s+(?:of|for|about)\s+\w"
    # the same after a short aside ("I'm not sure I need to say this, but trigger warning for …", "Just a heads up,
    # content warning for …")
    r"|^[^.!?]{0,120},\s*(?:(?:but|so|and)\s+)?(?:content|trigger)\s+warning\s+(?:of|for|about)\s+(?:[^\s.!?]+\s+){0,5}[^\s.!?]+(?:[.!](?=\s|$)|$)"
    r"|^(?:some|many|several|a\s+few|certain)\s+(?:of\s+the\s+)?(?:images|photos|photographs|pictures|scenes|videos|details)\s+(?:in|of|on)\s+"
    rf"this\s+(?:{phrases.ANNOUNCED_THINGS})\b.{{0,80}}\b(?:may|might|could)\s+(?:be\s+)?(?:disturb|distress|upset)"  # ("Some images in this gallery … may be disturbing.")
    r"|^(?:this\s+is|here[’']s|consider\s+this|just)\s+(?:a|an)\s+(?:\w+\s+)?(?:content\s+|trigger\s+)?warning\b"  # "This is a brief warning for …"
    # Readers told what the piece holds ("Aboriginal and Torres Strait Islander readers are advised that this article
    # contains images and names of people who have died.")
    r"|^(?:[\w’'-]+\s+){0,8}?(?:readers?|viewers?|listeners?|audiences?|visitors?|people|communities)\s+(?:are|should\s+be)\s+(?:\w+\s+)?(?:advised|warned|cautioned|aware)\b"
    rf"(?:\s+that)?\s+(?:this|the\s+following|these)\s+(?:[\w’']+\s+){{0,2}}(?:{phrases.ANNOUNCED_THINGS})s?\s+(?:(?:may|might|will)\s+)?(?:{phrases.ANNOUNCING_VERBS})\b",
    re.I,
)
_WARNING_WORDS = CuedPattern(phrases.WARNING_WORDS, phrases.WARNING_WORDS_CUES)
# What an announcement holds that makes it an advisory ("… contains the names and images of people who have died"):
# the names, images or voices of the dead.
_OF_THE_DEAD = re.compile(r"\b(?:names?|images?|voices?|photo(?:graph)?s?|footage|pictures?)\b.{0,80}?\b(?:(?:who|that)\s+(?:have|has|had)\s+"
                          r"(?:died|passed(?:\s+away|\s+on)?)|deceased|the\s+dead)\b", re.I)
HARM = re.compile(rf"\b(?:{phrases.HARM_WORDS})\b", re.I)
_SOFT_LABEL = re.compile(phrases.SOFT_WARNING_LABELS, re.I)
_CUT_FOR = re.compile(r"^cut\s+for\s+\S", re.I)  # a journal's cut text ("Cut for hospitals and a miscarriage.")
# What keeps a warning going past its first sentence: it speaks of harm, says what the piece holds, or speaks to
# the reader about reading it or about support ("If you would rather skip it, …", "Resources … are listed at
# the end."); never a help line's number, nor a sentence turning away ("But it also shows …").
_ANNOUNCING = re.compile(r"\b(?:contains?|discuss(?:es)?|describes?|depicts?|includes?|shows?|mentions?)\b", re.I)
_TO_READER = re.compile(r"\b(?:you|your|readers?|viewers?|listeners?|skip|resources|helplines?|support|spoilers?|spoiler-free"
                        r"|take\s+care|look\s+after\s+yourselves?)\b", re.I)  # ("Please take care while reading.")
_NAMED_WARNING = re.compile(r"\b(?:trigger|content)\s+(?:warning|note)", re.I)  # a label that says what kind of warning
# The piece saying what it is, after a label that is a sentence of its own ("Trigger warning. This is a serious post about
# a very uncomfortable topic.").
_ABOUT_THIS = re.compile(r"^this\s+(?:is\s+an?\s+(?:\w+\s+){0,3}(?:post|article|story|piece|essay|blog|entry|video|episode|thread)\b"
                         r"|(?:post|article|story|piece|essay|entry|video|episode)\s+is\s+about\b)",
                         re.I)
_CONTACT = re.compile(r"\d{3,}|\bcall\b|\btext\b|@", re.I)
_TURNS_AWAY = re.compile(r"^(?:but|however|still|yet|that said)\b", re.I)


def leads_on(rest: str) -> bool:
    """Whether what shares a line with a warning (Warning.rest) is the article's text: running text, not a short
    aside ("Please don't mainpage!", "We have not embedded the video.") nor a help line's number."""
    return is_sentence(rest) and len(words(rest)) >= 10 and not is_note(rest) and not (_CONTACT.search(rest) and re.search(r"\b(?:call|text|contact)\b", rest, re.I)) \
        and not (rest[:3].lower() == "if " and _SUPPORT_OFFER.match(rest))  # (help offered to a reader it affects)


# Help offered to a reader a warning affects ("If you are struggling, the centre is open …, and … runs a free line on …").
_SUPPORT_OFFER = re.compile(r"^if\s+(?:you|this)\b.{0,60}\b(?:struggl\w*|affected|need\w*|distress\w*|upset\w*)\b", re.I)


# Age guidance after a warning ("It is not recommended for visitors under 14 without an adult.")
_AGE_GUIDANCE = re.compile(r"\b(?:not\s+(?:recommended|suitable|appropriate)|unsuitable)\s+for\b|\bparental\s+(?:guidance|discretion)\b", re.I)


def _goes_on(sentence: str) -> bool:
    """Whether a sentence after a warning's first is still part of it (see _ANNOUNCING), age guidance included."""
    if "uitable" in sentence or "ecommended" in sentence or "arental" in sentence or "ppropriate" in sentence:
        if _AGE_GUIDANCE.search(sentence):
            return True
    if _CONTACT.search(sentence) or _TURNS_AWAY.match(sentence):
        return False
    if len(words(sentence)) <= 6 and not re.match(r"^(?:please|do|don|you|we|i|thank)\b", sentence, re.I):
        return True  # "Mentions of alcohol."
    return bool(HARM.search(sentence) or _ANNOUNCING.search(sentence) or _TO_READER.search(sentence))
# What makes an announcement ("This video shows …") a warning: it says the thing is hard to see or read.
_DISTRESS_WORDS = re.compile(
    r"graphic|disturb|distress|upsett|troubl|harrow|trigger|sensitive|discretion|content note|harmful|self-harm|suicide"
    r"|(?:descri(?:bes|ptions?)|depict(?:s|ions?)|accounts?) of\b", re.I)  # ("… includes descriptions of …")
# A warning's words after a label in another language ("… imágenes que pueden herir la sensibilidad …").
_FOREIGN_WARNING_LABEL = re.compile(rf"^(?:{phrases.FOREIGN_WARNING_LABELS})$", re.I)
_FOREIGN_DISTRESS_WORDS = re.compile(phrases.FOREIGN_DISTRESS_WORDS, re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“‘'(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Warning:
    statement: str  # as the page states it, without wrapping asterisks or brackets
    note: str  # the statement without its label ("this story contains …")
    rest: str  # what else shares the line (the body's first sentence), or ""


LIST_MARKS = "-–•·▪◦●■"  # the marks a list's items open with
LIST_MARK = re.compile(rf"^[{LIST_MARKS}]\s+(?=\S)")  # a list's mark opening a line ("- ", "• ")


def _unwrap(line: str) -> tuple[str, bool]:
    for opening, closing in (("***", "***"), ("**", "**"), ("*", "*"), ("[", "]"), ("(", ")"), ("_", "_")):
        if line.startswith(opening) and line.endswith(closing) and len(line) > len(opening) + len(closing):
            return line[len(opening):-len(closing)].strip(), True
    if line.startswith("*") and not line.startswith("**") and len(line) > 2:  # "*Warning: …" (a footnote mark)
        return line[1:].strip(), False
    if line.endswith("*") and not line.endswith("**") and len(line) > 2:  # "Warning: … self-harm*" (a footnote mark)
        return line[:-1].strip(), False
    return line, False


def unwrapped(text: str) -> str:
    """The text without the asterisks or brackets wrapping the whole of it ("(WARNING: … images.)")."""
    return _unwrap(text)[0]


def _sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(text) if part]


sentences_in = _sentences


# A post saying it comes with a warning, the warning's words after it on the line.
_COMES_WITH_WARNING = re.compile(
    r"^this\s+(?:post|article|story|piece|blog(?:\s+post)?|essay|video|thread|chapter|episode)\s+(?:is\s+coming|comes|is)\s+with\s+"
    r"an?\s+(?P<kind>(?:trigger|content)(?:\s*/\s*(?:trigger|content))?\s+)?(?:warning|note)\b.{0,160}$", re.I)
# A line saying the pictures are hard to see ("Video contains graphic images.", "Images may be disturbing to some").
_MEDIA_CONTAINS = re.compile(
    r"^(?:the\s+|this\s+)?(?:video|videos|photos?|images?|pictures?|footage|gallery)\s+(?:contains?|includes?|shows?|may\s+(?:be|contain))\s+"
    r"(?:some\s+|very\s+|extremely\s+)?(?:graphic|disturbing|distressing|upsetting|gruesome)\b[^.!?]{0,30}[.!]?$", re.I)
# What a warning without its colon goes on to name ("Warning this footage is very graphic.").
_THIS_CONTENT = re.compile(r"^(?:this|these|the following)\s+(?:\w+\s+){0,2}(?:is|are|contains?|includes?|may|might|shows?)\b", re.I)
_MEDIA_BEFORE = re.compile(r"^(?:video|photos?|pictures?|images?|gallery|watch|audio)\s*:\s*(?=[\[(*]|(?i:warning|graphic|trigger|content))", re.I)


@lru_cache(maxsize=8192)
def warning(line: str) -> Warning | None:
    """A content warning the page states to its reader: a label ("Content warning:", "TW:", "CN -",
    "WARNING GRAPHIC CONTENT", "STRONG TRIGGER WARNING."), perhaps wrapped in asterisks or brackets, or a
    sentence announcing what the article contains ("This article will discuss death and suicide."), perhaps after a
    player's label ("Video: (WARNING! Graphic Content)"). Ordinary reporting that uses the word ("Police issued a warning…") is not one."""
    line = line.strip()
    if line[:1] in LIST_MARKS and LIST_MARK.match(line):  # "- WARNING GRAPHIC CONTENT" among summary points: a
        rest = LIST_MARK.sub("", line)  # label or capitals after the mark (an ordinary point, "- Warning of more
        if _LABELLED.match(rest) and (is_all_caps(rest) or _LABELLED.match(rest).group("sep").strip()):  # strikes", is none)
            line = rest
    text, wrapped = _unwrap(line)
    if not text or (len(text) > 700 and not (text[:1].isupper() and _LABELLED.match(text[:120]))
                    and not (text[:1] in "([" and 3 < text.find(")" if text[0] == "(" else "]") < 700)):
        return None  # (a long paragraph is looked at only when a label opens it: "WARNING …: Reports of …", "[TW: …] …")
    media = _MEDIA_BEFORE.match(text)
    if media:  # "Video: (WARNING! Graphic Content)": the warning the player's label introduces
        return warning(text[media.end():])
    if text[:1] in "([" and not wrapped:  # "(Content warning for a fire.) I have lived …": the warning, then the text
        close = text.find(")" if text[0] == "(" else "]")
        inside = warning(text[:close + 1]) if 3 < close < 700 else None
        rest = text[close + 1:].strip()
        if inside is not None and is_sentence(rest):
            return Warning(inside.statement, inside.note, rest)
    if _CUT_FOR.match(text):
        first = _sentences(text)[0]
        return _statement(text, label_end=0, wrapped=wrapped) if HARM.search(first) and len(words(first)) <= 20 else None
    if text[:8].lower() == "warning " and _THIS_CONTENT.match(text[8:]) and _DISTRESS_WORDS.search(_sentences(text)[0]):
        return _statement(text, label_end=0, wrapped=wrapped)  # "Warning this footage is very graphic.": no colon
    if len(text) <= 80 and _MEDIA_CONTAINS.match(text):
        return Warning(text, text, "")  # "Video contains graphic images.": what the pictures hold, said to the reader
    if text[:5].lower() == "this " and _COMES_WITH_WARNING.match(text) and (
            _COMES_WITH_WARNING.match(text).group("kind") or _DISTRESS_WORDS.search(text)):
        return Warning(text, text, "")  # "This post is coming with a trigger/content warning: ⚠️ * assault/abuse * ⚠️"
    labelled = _LABELLED.match(text)
    if labelled and labelled.group("sep")[:1] == "." and labelled.group("rest") and not _NAMED_WARNING.search(labelled.group("label")):
        labelled = None  # ("Trigger warning. This is a … post" is one; "Warning. This is …" no label at all)
    if labelled:
        label, rest = labelled.group("label"), labelled.group("rest").strip()
        caps = is_all_caps(label)
        label = _STRESSED.sub("", label)  # ("VERY IMPORTANT WARNING:" is read as "WARNING:" is)
        if not rest and re.match(r"editor", label, re.I):
            return None
        if not rest:
            # A bare label: only a line of its own in capitals, or with a full stop ("STRONG TRIGGER WARNING.").
            if not (caps or labelled.group("sep").strip() == "." or label.endswith(".") or wrapped):
                return None
            return Warning(text.rstrip(":").strip(), "", "")
        separator = labelled.group("sep").strip() or ("." if label.endswith(".") else "")  # ("… is advised. The video …")
        caps_phrase = caps and ":" in rest[:80] and is_all_caps(rest.split(":")[0])  # "WARNING EXTREMELY GRAPHIC FOOTAGE: Reports …"
        if not separator and not (caps and is_all_caps(rest.split(".")[0])) and not caps_phrase:
            return None
        if label.lower() in ("warning", "cw", "tw", "cn") and not separator and not (caps and is_all_caps(rest)) and not caps_phrase:
            return None
        if label.lower() == "warning" and not (caps or wrapped or _WARNING_WORDS.search(rest) or len(words(rest)) <= 4):
            return None
        if _SOFT_LABEL.match(label) and not (_DISTRESS_WORDS.search(rest) or HARM.search(_sentences(rest)[0]) or (
                _FOREIGN_WARNING_LABEL.match(label) and _FOREIGN_DISTRESS_WORDS.search(rest))):
            return None  # an editor's note that corrects or explains, "Please note: comments are moderated": no warning
        return _statement(text, label_end=len(text) - len(labelled.group("rest")), wrapped=wrapped)
    if _WARNING_OF.match(text) or _ANNOUNCES.match(text) or (wrapped and re.search(r"trigger warning|content (?:warning|note)", text, re.I)):
        first = _sentences(text)
        if _ANNOUNCES.match(text) and not _DISTRESS_WORDS.search(" ".join(first[:2])) and not re.search(
            r"\b(?:suicide|death|violence|abuse|assault|rape|war|killing|torture|self-harm|racism|trauma)\b", text, re.I
        ) and not _OF_THE_DEAD.search(text):
            return None
        return _statement(text, label_end=0, wrapped=wrapped)
    return None


_STRESSED = re.compile(r"^(?:very\s+)?(?:important|serious|urgent)\s+(?=warning)", re.I)  # a warning's label stressed
def distressing(text: str) -> bool:
    """Whether the text speaks of distress ("graphic", "disturbing", "self-harm", "descriptions of …")."""
    return _DISTRESS_WORDS.search(text) is not None


_LABEL_AT_END = re.compile(rf"[/|·]\s*(?:{phrases.WARNING_LABELS})\s*$", re.I)


_CAPS_THEN_DASH = re.compile(r"^\s*(?P<caps>[A-Z][A-Z'’&/]*(?:\s+[A-Z][A-Z'’&/]*){0,5})\s+[-–—]\s+(?=[A-Z][a-z])")


def _statement(text: str, *, label_end: int, wrapped: bool) -> Warning:
    """Split a warning line into the statement and what follows it on the line."""
    if wrapped:
        statement, rest = text, ""
    else:
        head, tail = text[:label_end], text[label_end:]
        # A second colon introduces something else ("…photos that may disturb: Doctors try to…").
        # (a sentence's own colon is its own; one in a later sentence, "… call the hotline: 0800 …", is not the warning's)
        colon = re.search(r":\s+(?=\S)", _sentences(tail)[0] if tail.strip() else tail) if label_end else None
        if colon and _LABEL_AT_END.search(tail[:colon.start()]):
            colon = None  # (the label again in another language: "Advertencia: contenido sensible / Warning: …")
        caps = _CAPS_THEN_DASH.match(tail) if label_end and not colon and is_all_caps(head) else None
        if caps and len(caps.group("caps").split()) >= 2 and not _DISTRESS_WORDS.search(_sentences(tail[caps.end():])[0]):  # "WARNING: GRAPHIC CONTENT - There are so many …": the phrase in capitals, then the story's words
            statement, rest = head + caps.group("caps"), tail[caps.end():]
        elif colon:
            statement, rest = head + tail[:colon.start()], tail[colon.end():]
        else:
            sentences = _sentences(tail)
            # (a label that is a sentence of its own, "Viewer discretion is advised.", needs what follows to go on)
            alone = head.rstrip().endswith((".", "!"))
            kept = [] if alone else sentences[:1]
            for sentence in sentences[len(kept):]:
                # (after a label that is a sentence of its own, the post saying what it is: "Trigger warning. This is a
                # serious post about …")
                if (_goes_on(sentence) or (alone and not kept and _ABOUT_THIS.match(sentence))) and len(kept) < 4:
                    kept.append(sentence)
                else:
                    break
            statement = (head + " ".join(kept)).strip()
            rest = tail[len(" ".join(kept)):].strip() if kept else tail
        statement = statement.rstrip(":").strip()
    note = _LABELLED.match(statement)
    note_text = note.group("rest").strip() if note and label_end else statement
    return Warning(statement, note_text.rstrip(":").strip(), rest.strip())


def clear_caches() -> None:
    """Forget every line read for a warning so far (benchmarks time a page from cold)."""
    warning.cache_clear()
