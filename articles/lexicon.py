"""Words that signal a tag or a content warning. Pure: no Django models.

A vocabulary maps a key (a tag name, a warning slug) to its signal terms.
A term is a word or phrase matched case- and accent-insensitively on word
boundaries; a term ending in ``*`` matches any ending (``mutilat*`` matches
"mutilated" and "mutilation").
"""

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents, so "Erdoğan" matches "erdogan"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    marks = {ch for ch in _NON_ASCII.findall(decomposed) if unicodedata.combining(ch)}
    if marks:  # (a character class of them, not str.translate: several times faster on a page's text)
        decomposed = re.sub("[" + "".join(sorted(marks)) + "]", "", decomposed)
    return decomposed.replace("’", "'")


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


def _literal_first_pattern(term: str) -> str:
    """_term_pattern(term) written to open with the term's first word, the assertion that no word character
    stands before it checked just after it (the same matches): a pattern opening with a literal lets the
    regular expression engine look for that literal quickly rather than try the pattern at every position of
    a page (some 30 times faster on a 10 KB text)."""
    folded = fold(term)
    words = folded.rstrip("*").split()
    if not words:
        return _term_pattern(term)
    first = re.escape(words[0])
    rest = "".join(r"\s+" + re.escape(word) for word in words[1:])
    return rf"{first}(?<!\w{first}){rest}" + (r"\w*" if folded.endswith("*") else r"(?!\w)")


def compile_terms(terms: Iterable[str]) -> re.Pattern | None:
    """One regular expression matching any of ``terms``, or None when there are none."""
    patterns = [_term_pattern(term) for term in terms if term.strip("* ")]
    if not patterns:
        return None
    return re.compile("|".join(patterns))


_WORD = re.compile(r"\w+")


class _Term:
    """One term, checked first against the set of a text's words; its pattern runs only if it could match."""

    def __init__(self, term: str):
        folded = fold(term)
        self.prefix = folded.rstrip().endswith("*")
        self.words = _WORD.findall(folded)
        # A plain word is decided by the word set alone: \w+ tokens are exactly what (?<!\w)word(?!\w) finds.
        self.pattern = None if (len(self.words) == 1 and folded.strip("* ") == self.words[0]) else re.compile(_literal_first_pattern(term))

    def occurs_in(self, folded: str, words: set[str], sorted_words: list[str]) -> bool:
        if not self.words:  # punctuation only: only the pattern can tell
            return self.pattern.search(folded) is not None
        *whole, last = self.words
        if any(word not in words for word in whole):
            return False
        if self.prefix:  # (a word must start with the last one: "violent image*" needs a word "image…")
            index = bisect.bisect_left(sorted_words, last)
            if not (index < len(sorted_words) and sorted_words[index].startswith(last)):
                return False
            if self.pattern is None:
                return True
        elif last not in words:
            return False
        return self.pattern is None or self.pattern.search(folded) is not None


def words_of(folded: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The words of a folded text, as a set and sorted: what Vocabulary.matches looks terms up in."""
    words = frozenset(_WORD.findall(folded))
    return words, tuple(sorted(words))


_words = functools.lru_cache(maxsize=8)(words_of)  # several vocabularies matched against one text


class Vocabulary:
    """A vocabulary compiled once, to match against many texts (an import run, say)."""

    def __init__(self, vocabulary: Mapping[str, Iterable[str]]):
        self._terms = [(key, [_Term(term) for term in terms if term.strip("* ")]) for key, terms in vocabulary.items()]

    def matches(self, folded: str, words: tuple[frozenset[str], tuple[str, ...]] | None = None) -> list[str]:
        """The keys, in vocabulary order, whose terms occur in ``folded`` (text already passed through fold());
        ``words``: its words_of(), if already worked out."""
        words, sorted_words = words or _words(folded)
        return [key for key, terms in self._terms if any(term.occurs_in(folded, words, sorted_words) for term in terms)]


def match_vocabulary(vocabulary: Mapping[str, Iterable[str]], text: str) -> list[str]:
    """Return, in vocabulary order, the keys whose terms occur in ``text``."""
    return Vocabulary(vocabulary).matches(fold(text))
