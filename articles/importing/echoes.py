"""Whether the article says again what its headline says. A headline's words come back in the article's
text (a "flood" in the headline, "floods" or "flooded" below it); a market ticker's, a menu label's, a
promotion's or a site motto's do not. Pure: words of four letters or more are compared without their
commonest endings, by their first five letters."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]{4,}")  # letters only ("1,652.40" and "USD/MYR 4.41" have no word to echo)
_ENDINGS = ("ing", "ed", "es", "s")
_COMMON = frozenset(
    "that this these those with from have been were will would could should about after before their there "
    "they them then than what when where which while into over under more most some such only also just "
    "said says your ours other every being does here very".split()
)
READ = 4000  # characters of the article's text read


def _stem(word: str) -> str | None:
    """The word without its ending ("-ing", "-ed", "-es", "-s"), cut to five letters; None for the commonest."""
    word = word.lower()
    if word in _COMMON:
        return None
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[: -len(ending)]
            break
    return word[:5]


def stems(text: str) -> frozenset[str]:
    """The text's words of four letters or more but the commonest, by their stems."""
    return frozenset(filter(None, map(_stem, _WORD.findall(text))))


def echoed(title: str, text: str) -> bool:
    """Whether any of the headline's words comes back in the first READ characters of the article's text
    (read only as far as the first that does)."""
    wanted = stems(title)
    return bool(wanted) and any(_stem(match.group()) in wanted for match in _WORD.finditer(text, 0, READ))
