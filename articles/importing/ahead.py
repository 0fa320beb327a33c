"""Parsing ahead: files read and parsed in other processes while the caller saves the ones before.

Parsing is pure (no database) and costs more than saving, so on a machine with more than one core an
import run gives it one process per core (at most MAX_PARSERS: each holds the parser, about 140 MB),
and the run's own process only writes: the writer and the parsers then share the cores, and the run
goes as fast as the cores can parse and save together (with one parsing process it went only as fast
as that process could parse). settings.MASTHEAD_IMPORT_PARSERS sets another number. At most ``AHEAD``
chunks are parsed but not yet handed over, so memory stays the same however many files a run has.
Results come back in the order of the paths. If a parsing process cannot start or dies, the rest
are parsed here.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path

from articles.importing import ParseError, ParsedArticle, parse_file

logger = logging.getLogger(__name__)

CHUNK = 16  # files handed to a parsing process at a time (fewer round trips than one by one)
AHEAD = 8  # chunks in flight at most: 128 files
HERE_FIRST = 2  # chunks parsed here while the parsing processes start
MAX_PARSERS = 4  # parsing processes by default at most, however many cores (memory: about 140 MB each) (a fresh interpreter: about half a second)


def parse_for_import(path: Path, *, max_bytes: int, month_first: bool,
                     furniture: frozenset = frozenset()) -> ParsedArticle | ParseError:
    """One file parsed (what the importer works out from the parse — the body's Markdown, the folded words
    the vocabularies are matched against — is left to the writing process, which has the lighter share of the
    work, and then does not travel between the two); a file that cannot be imported gives its ParseError.
    ``furniture``: the lines its site's other pages repeat (sitelearning.py)."""
    try:
        parsed = parse_file(path, max_bytes=max_bytes, month_first=month_first, furniture=furniture)
    except ParseError as error:
        return error
    except Exception as error:  # a fault in the parser fails this file, not the run
        logger.exception("The parser failed on %s", path.name)
        return ParseError(path.name, f"the parser failed on this file ({type(error).__name__}: {error}); please report it")
    return parsed


def _parse_chunk(paths: list[Path], *, max_bytes: int, month_first: bool,
                 furniture: dict[Path, frozenset] | None = None) -> list[ParsedArticle | ParseError]:
    furniture = furniture or {}
    return [
        parse_for_import(path, max_bytes=max_bytes, month_first=month_first, furniture=furniture.get(path.parent, frozenset()))
        for path in paths
    ]


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def parsed_in_order(
    paths: list[Path], *, max_bytes: int, month_first: bool, processes: int | None = None,
    furniture: dict[Path, frozenset] | None = None,
) -> Iterator[ParsedArticle | ParseError]:
    """Each path's parse (a ParsedArticle, or the ParseError saying why not), in the order of ``paths``.

    ``processes``: parsing processes to use (default: one per core, at most MAX_PARSERS, when there are
    two cores or more and more chunks than HERE_FIRST; 0 parses here; never more than AHEAD, the chunks
    in flight). With parsing processes, the first HERE_FIRST chunks are still parsed here, while they
    start. ``furniture``: each folder's furniture (sitelearning.py).
    """
    parse = partial(_parse_chunk, max_bytes=max_bytes, month_first=month_first, furniture=furniture)
    chunks = [paths[start:start + CHUNK] for start in range(0, len(paths), CHUNK)]
    if processes is None:
        processes = min(cores(), MAX_PARSERS) if cores() > 1 and len(chunks) > HERE_FIRST else 0
    processes = min(processes, AHEAD)
    if not processes:
        for chunk in chunks:
            yield from parse(chunk)
        return
    done = 0  # chunks handed over, in order
    try:
        # "spawn": a fresh interpreter that imports only the parser, inheriting no database connection.
        with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn")) as pool:
            pending = deque(pool.submit(parse, chunk) for chunk in chunks[HERE_FIRST:HERE_FIRST + AHEAD])
            submitted = HERE_FIRST + len(pending)
            for chunk in chunks[:HERE_FIRST]:
                yield from parse(chunk)
                done += 1
            while pending:
                results = pending.popleft().result()
                if submitted < len(chunks):
                    pending.append(pool.submit(parse, chunks[submitted]))
                    submitted += 1
                yield from results
                done += 1
    except (BrokenProcessPool, OSError):
        for chunk in chunks[done:]:
            yield from parse(chunk)
