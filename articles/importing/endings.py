"""What closes a text and what a text's lines are: furniture that closes it (is_closing_furniture), a link to
another story set in it (is_pointer), the writer credited where it ends (is_closing_credit, signed_off), running
text (is_running_text), a caption or photo credit (is_caption, has_caption_mark). Each function looks at the line
alone (and the wording in phrases.py); what a byline is and the caption patterns: lines.py. Pure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from articles.importing import lines as kinds
from articles.importing import persons, phrases, shape


CLOSING = shape.any_line([*phrases.CLOSING_LINES, phrases.SHARE_WORDS])  # (a share button alone too: "Facebook")
POINTER = re.compile(phrases.POINTER_LABELS, re.I)


def is_closing_furniture(line: str) -> bool:
    """Furniture that closes a text (phrases.CLOSING_LINES): a prompt to join the outlet's channel, a donation
    ask ("£60 could pay for …"), a reblog or like note, a row of hashtags or reaction buttons, a lone button, a
    sign-off with a first name alone ("— Efua")."""
    return len(line) <= 300 and bool(CLOSING.match(line))


def is_pointer(line: str) -> bool:
    """A link to another story set in the text ("Read more: Farmers fear a third winter"), not a sentence."""
    return line[:1].isalpha() and bool(POINTER.match(line)) and not shape.is_sentence(line)


def is_closing_credit(line: str) -> bool:
    """The writer credited where the text ends ("By Jane Doe, Branch Historian", "Words: Jane Doe", "Jane Doe,
    reporting.", an author box's "About Jane Doe")."""
    return (len(shape.words(line)) <= 12 and line[-1:] not in ".!?:" and bool(_CLOSING_CREDIT.match(line))
            and kinds.byline(line) is not None) or signed_off(line) is not None


# A reporter's sign-off ("Cathryn Khalil, reporting. ckhalil@kltv.com.") or an author box's head ("James Green About
# James Green", "About the author: James Green"; "About Joe Biden" alone is a topic's link).
_SIGNED_OFF = re.compile(r"^(?P<who>[^,]{4,60}),\s+reporting\b[.!]?(?:\s+\S+@\S+)?$"
                         r"|^(?:(?P<named>[^,]{4,60})\s+about\s+|about\s+the\s+author\s*[:–—-]?\s*)(?P<boxed>[^,]{4,60})$", re.I)


def signed_off(line: str) -> str | None:
    """The writer a reporter's sign-off or an author box's head names (see _SIGNED_OFF), or None."""
    signed = _SIGNED_OFF.match(line) if len(line) <= 140 and ("eporting" in line or "bout" in line) else None
    who = signed and (signed.group("who") or signed.group("boxed")).strip()
    if signed and signed.group("named") and signed.group("named").strip() != who:
        return None  # ("Questions About Gaza Ceasefire": a headline; a box names its writer twice)
    return who if who and persons.bare_name(who) == who else None


_CLOSING_CREDIT = re.compile(r"^(?:by|words|text|written by|story)\s*:?\s+[A-Z]", re.I)


def is_running_text(line: str) -> bool:
    """A paragraph's running text: a sentence (shape.is_sentence) of eight words or more."""
    return len(shape.words(line)) >= 8 and shape.is_sentence(line)


_CAPTION_HINTS = ("photo", "picture", "image", "[", "|", " / ", "press", "reuters", "afp", "getty", "supplied", "©", "foto",
                  "sketch:", "illustration", "drawing:", "artwork:", "graphic:", "painting:")


def _has_hint(low: str) -> bool:
    for hint in _CAPTION_HINTS:  # (a plain loop: quicker than a regex of them or any() over a generator)
        if hint in low:
            return True
    return False


_AGENCY_PHOTO_CREDIT = re.compile(phrases.AGENCY_PHOTO_CREDIT)


def has_caption_mark(line: str) -> bool:
    """A photo credit, gallery counter or agency tag in the line (a cheap look first, in the lower-cased
    line: most lines have none)."""
    if "/" in line:
        slash = line.rfind("/", len(line) - 45)
        if slash > 0 and line[slash - 1].isupper() and _AGENCY_PHOTO_CREDIT.search(line, max(0, slash - 14)):
            return True  # "… on Sunday. AGENCY/Jane Doe"
    if line[-1:].isalpha() and _DASHED_CREDIT.search(line[-30:]):
        return True  # "Rescuers search the rubble in Nabatieh. — AFP"
    if line[-1:] in ").]" and _BRACKETED_CREDIT.search(line[-80:]):
        return True  # "… after the quake. (Foto: Agencia Andina Sur)", "… [Samwel Nyamweya, Nairobi Post]", "Courtesy of …."
    if _FOREIGN_PHOTO_CREDIT.search(line[-80:]):
        return True  # "… um dos mais atingidos. Foto: Rafael Moura/Folha do Litoral", "… habitants. Photo Le Progrès / Illustration"
    return bool(_has_hint(line.lower()) or (line.endswith(")") and "/" in line)) and bool(
        kinds.CAPTION.search(line) or kinds.CAPTION_CREDIT.search(line[-phrases.CREDIT_TAIL:]))


# A picture's source after a dash at the end of its caption ("… near Wabag. — Supplied", "… in Gaza. – Reuters").
_DASHED_CREDIT = re.compile(r"[.!?]\s*[—–]\s*(?:AFP|AP|Reuters|EPA|Getty(?:\s+Images)?|Supplied|File(?:\s+photo)?|PTI|ANI|"
                            r"Xinhua|Anadolu|AAP|dpa|IANS|Bernama|Handout|Courtesy)(?:\s+(?:file|photo|pic))?$")
# A picture's source closing its caption in brackets ("(Foto: Agencia Andina Sur)", "[Samwel Nyamweya, Nairobi Post]")
# or as a courtesy ("Courtesy of Meridian Pictures.").
_BRACKETED_CREDIT = re.compile(r"[.!?]\s*(?:\((?:foto|photo|fotografía|bild|picture|image)\s*:\s*[^()]{2,60}\)"
                             r"|\[[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){1,3},\s*[A-Z][^\[\]]{2,40}\]"
                             r"|courtesy of [A-Z][^.]{2,60}\.)$", re.I)
# A picture's source after its caption in another language ("Foto: Rafael Moura/Folha do Litoral", "Photo Le Progrès /
# Illustration", "Bild: dpa").
_FOREIGN_PHOTO_CREDIT = re.compile(r"[.!?]\s+(?:foto|photo|bild|fotografía)\s*:?\s+[A-ZÀ-Ö][^.!?]{1,50}(?:/|\s/\s)[^.!?]{1,40}$"
                                   r"|[.!?]\s+(?:foto|bild)\s*:\s+[A-ZÀ-Ö][^.!?]{1,50}$", re.I)


@lru_cache(maxsize=8192)
def is_caption(line: str) -> bool:
    return has_caption_mark(line) or bool(kinds.CAPTION_LABEL.match(line))


def clear_caches() -> None:
    """Forget every line this module has classified so far (benchmarks time a page from cold)."""
    is_caption.cache_clear()
