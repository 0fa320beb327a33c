"""Vocabulary matching (articles/lexicon.py): pure, no database.

``Vocabulary`` decides most terms from the set of a text's words and runs a term's regular
expression only when it could match; it must find exactly what the plain patterns find.
"""

import re

import pytest

from articles.lexicon import Vocabulary, compile_terms, fold, match_vocabulary, parse_terms
from tests.conftest import SEED_000, SEED_004


def by_patterns(vocabulary, text):
    """The reference: each key's compiled pattern searched over the folded text."""
    folded = fold(text)
    return [key for key, terms in vocabulary.items() if (pattern := compile_terms(terms)) and pattern.search(folded)]


CASES = [
    ({"daesh": ["ISIS", "Islamic State"]}, "The crisis deepened.", []),
    ({"daesh": ["ISIS", "Islamic State"]}, "Fighters of the Islamic  State fled.", ["daesh"]),
    ({"daesh": ["ISIS"]}, "ISIS-held towns", ["daesh"]),
    ({"violence": ["mutilat*"]}, "a mutilated body", ["violence"]),
    ({"violence": ["mutilat*"]}, "immutilated", []),
    ({"state": ["islamic stat*"]}, "islamic statehood", ["state"]),
    ({"state": ["islamic stat*"]}, "islamic  estate", []),
    ({"qaeda": ["al-Qaeda"]}, "links to al-Qaeda's affiliate", ["qaeda"]),
    ({"qaeda": ["al-Qaeda"]}, "al Qaeda", []),
    ({"turkey": ["Erdoğan"]}, "President Erdogan said", ["turkey"]),
    ({"turkey": ["erdogan"]}, "President ERDOĞAN said", ["turkey"]),
    ({"quote": ["o’brien"]}, "said O'Brien", ["quote"]),
    ({"number": ["9/11"]}, "after 9/11 and", ["number"]),
    ({"number": ["9/11"]}, "after 19/11", []),
    ({"dash": ["—"]}, "a — b", ["dash"]),
    ({"empty": ["*", " "]}, "anything", []),
    ({"a": ["syria"], "b": ["iraq"], "c": ["yemen"]}, "Iraq and Syria", ["a", "b"]),
    ({"under": ["war_crimes"]}, "war_crimes", ["under"]),
    ({"state": ["islamic state"]}, "nonislamic state", []),
    ({"state": ["islamic state"]}, "(islamic state)", ["state"]),
    ({"img": ["violent image*"]}, "violent imagery", ["img"]),
    ({"img": ["violent image*"]}, "violent imag", []),
    ({"img": ["violent image*"]}, "violent images", ["img"]),
]


@pytest.mark.parametrize(("vocabulary", "text", "expected"), CASES)
def test_vocabulary_matches_whole_words_phrases_and_prefixes(vocabulary, text, expected):
    """Terms match case- and accent-insensitively on word boundaries; a trailing * matches any ending."""
    assert Vocabulary(vocabulary).matches(fold(text)) == expected
    assert by_patterns(vocabulary, text) == expected
    assert match_vocabulary(vocabulary, text) == expected


def test_vocabulary_agrees_with_the_patterns_on_the_seeds():
    """On real pages and every word in them as a term, the fast path and the patterns agree exactly."""
    for path in (SEED_000, SEED_004):
        text = path.read_text()
        words = sorted(set(re.findall(r"\w+", fold(text))))[:400]
        vocabulary = {
            **{f"w:{word}": [word] for word in words},
            **{f"p:{word[:4]}": [f"{word[:4]}*"] for word in words if len(word) > 5},
            **{f"x:{word}": [f"{word}x", f"x{word}"] for word in words[:50]},
            **{f"phrase:{a}": [f"{a} {b}"] for a, b in zip(words, words[1:])},
        }
        assert Vocabulary(vocabulary).matches(fold(text)) == by_patterns(vocabulary, text)


def test_parse_terms_splits_lines_and_commas():
    """An editor's list is split on new lines and commas, spaces tidied, blanks dropped."""
    assert parse_terms("ISIS, Isil\n  Islamic   State ,,\n") == ["ISIS", "Isil", "Islamic State"]
