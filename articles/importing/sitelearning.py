"""What a batch teaches about its site: when a folder holds several pages, the short lines that repeat
across them (menus, footers, tickers, promotions, share rows) are that site's furniture, for all of its
pages — never a byline, a date, a warning, a line that closes an article or running text. A single page is read on its own. Pure.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from articles.importing import cautions
from articles.importing import dates
from articles.importing import lines as kinds
from articles.importing import persons
from articles.importing import shape
from articles.importing.source import DEFAULT_MAX_BYTES, ParseError, decode_source, read_source

SAMPLE = 50  # pages of a folder read to learn its furniture (memory stays flat however large the folder)
MIN_PAGES = 3  # a line is furniture when at least this many of the pages read carry it …
MIN_SHARE = 0.3  # … and at least this share of them
MAX_WORDS = 15  # running text is never furniture, however often it repeats


def repeated_lines(texts: list[str]) -> frozenset[str]:
    """The short lines that at least MIN_PAGES (and MIN_SHARE) of ``texts`` carry."""
    if len(texts) < MIN_PAGES:
        return frozenset()
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({kinds.clean_line(line) for line in text.splitlines()} - {""})
    needed = max(MIN_PAGES, MIN_SHARE * len(texts))
    return frozenset(
        line for line, count in counts.items()
        if count >= needed and len(shape.words(line)) <= MAX_WORDS and not shape.is_sentence(line)
        and not _speaks_for_the_page(line)
    )


def _speaks_for_the_page(line: str) -> bool:
    """A byline, a date or a warning stays each page's own, however many pages share it (a columnist's
    folder, a day's stories); so does a line that closes an article (a shared picture credit, "Related
    stories"), which the parser needs to see to end each body there."""
    return bool(kinds.byline(line) or persons.bare_name(line) or dates.date_line(line) or cautions.warning(line)
                or kinds.is_end_of_article(line))


def learn_furniture(paths: list[Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[Path, frozenset[str]]:
    """For each folder among ``paths`` holding several pages: the furniture its pages repeat (read from
    up to SAMPLE of them, spread through the folder; files that cannot be read are passed over here and
    reported when they are imported)."""
    by_folder: dict[Path, list[Path]] = defaultdict(list)
    for path in paths:
        by_folder[path.parent].append(path)
    learned = {}
    for folder, files in by_folder.items():
        if len(files) < MIN_PAGES:
            continue
        step = max(1, len(files) // SAMPLE)
        texts = []
        for path in files[::step][:SAMPLE]:
            try:
                texts.append(decode_source(read_source(path, max_bytes), path.name, max_bytes=max_bytes))
            except ParseError:
                continue
        furniture = repeated_lines(texts)
        if furniture:
            learned[folder] = furniture
    return learned
