"""What any line's text is at a glance, for every reader of lines (lines.py, persons.py, cautions.py and the
stages): its words, whether it reads as running text or is set in capitals; and the one pattern a list of
whole-line patterns makes. Pure.
"""

from __future__ import annotations

import re
from functools import lru_cache


def any_line(patterns, flags=re.I):
    """One pattern for a whole line that any of ``patterns`` matches (case-insensitive unless told)."""
    return re.compile(r"^(?:" + "|".join(f"(?:{p})" for p in patterns) + r")$", flags)


def is_all_caps(line: str) -> bool:
    """At least two letters, all capitals (str.isupper first: most lines fail it at once)."""
    return line.isupper() and sum(ch.isalpha() for ch in line) >= 2


def words(line: str) -> list[str]:
    """The line's words: what whitespace sets apart."""
    return line.split()


@lru_cache(maxsize=8192)
def is_sentence(line: str) -> bool:
    """Running text: long, or a full sentence."""
    count = len(words(line))
    return count >= 14 or (count >= 6 and line[-1:] in ".!?”\"’:")


def clear_caches() -> None:
    """Forget every line read so far (benchmarks time a page from cold)."""
    is_sentence.cache_clear()
