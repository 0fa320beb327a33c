"""Words that signal a tag or a content warning. Pure: no Django models.

A vocabulary maps a key (a tag name, a warning slug) to its signal terms.
A term is a word or phrase matched case- and accent-insensitively on word
boundaries; a term ending in ``*`` matches any ending (``mutilat*`` matches
"mutilated" and "mutilation").
"""

import re
import unicodedata
from collections.abc import Iterable, Mapping


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents, so "Erdoğan" matches "erdogan"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("’", "'")


def parse_terms(text: str) -> list[str]:
    """Split an editor's list of terms (one per line or comma-separated) into clean terms."""
    terms = []
    for chunk in re.split(r"[\n,]", text or ""):
        term = " ".join(chunk.split())
        if term:
            terms.append(term)
    return terms


def _term_pattern(term: str) -> str:
    term = fold(term)
    prefix = term.endswith("*")
    words = term.rstrip("*").split()
    body = r"\s+".join(re.escape(word) for word in words)
    return rf"(?<!\w){body}" + (r"\w*" if prefix else r"(?!\w)")


def compile_terms(terms: Iterable[str]) -> re.Pattern | None:
    """One regular expression matching any of ``terms``, or None when there are none."""
    patterns = [_term_pattern(term) for term in terms if term.strip("* ")]
    if not patterns:
        return None
    return re.compile("|".join(patterns))


def match_vocabulary(vocabulary: Mapping[str, Iterable[str]], text: str) -> list[str]:
    """Return, in vocabulary order, the keys whose terms occur in ``text``."""
    folded = fold(text)
    matched = []
    for key, terms in vocabulary.items():
        pattern = compile_terms(terms)
        if pattern is not None and pattern.search(folded):
            matched.append(key)
    return matched
