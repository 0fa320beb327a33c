"""Import throughput: N new pages shaped like seed 000, imported as `manage.py import_seeds` does.

    .venv/bin/python bench/importing.py                  # 1,000 and 10,000 files on SQLite
    .venv/bin/python bench/importing.py --files 500 --database postgres
    .venv/bin/python bench/importing.py --files 2000 --pages copies   # seed 000 copied, as before

Each size runs in a fresh process on a fresh database (a temporary SQLite file, or the database
<prefix>bench_import on the local PostgreSQL, the prefix from MASTHEAD_BENCH_DATABASE_PREFIX,
"masthead_" by default), so its peak memory (max RSS) is its own. The pages are written to a
temporary folder, one site's pages as a real import gets them (``--pages varied``, the default):
seed 000's menus, footers and related lists kept, its article rewritten per page — the headline
numbered, one of five authors, a date a day earlier each page, share counts, the embedded
tweets' addresses and days, the picture's credit (one of seven), and the words of every body line
drawn anew (same length and case; dates, links and handles kept; the stated warning kept) — so
that a line of the article is seen once, as in a real folder, and only the site's furniture
repeats. ``--pages copies``: seed 000 with a numbered headline each (every
line but one repeats, which flatters what the parser remembers per line).

Prints files, seconds, articles per second, the CPU time per article (the run's process and the
process that parses ahead: articles/importing/ahead.py), the outcome counts and the peak memory;
and, as the ceiling measured in the same run, how fast the same files are only read and parsed in
one process (no database), from cold and with the furniture their folder teaches, as the import
parses them. Outcomes also count the pages that parse like seed 000 (the same author, date,
warning and kinds of body blocks as the page was written with): a variant that did not would be
measuring another page.
"""

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_739d39e62fd4c9a8.txt"
TITLE = "When Turkish-backed jihadists link up with Daesh, there’s only one outcome. And it’s begun."
BYLINE = "Tom Coburg by Tom Coburg"
DATE_LINE = "13 October 2019"
BODY_END = "Featured image via YouTube"
AUTHORS = ["Tom Coburg", "Nadia Perrin", "Owen Castellano", "Grace Ilunga", "Matthias Brandt"]  # invented but the first
CREDITS = ["YouTube", "Wikimedia Commons", "Flickr", "Twitter", "Reuters", "Pixabay", "Unsplash"]
COUNTS = {"170 2", "319", "2.5k"}  # share and view counters under the byline
# Words never drawn or replaced: dates, the warning's and the captions' vocabulary, and what marks a tweet.
KEPT = re.compile(
    r"^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|twitter|tweet|pic|warning|graphic|video|videos|footage|image|images|"
    r"photo|photos|picture|pictured|featured|readers?|distressing|disturbing|contains?|story|shares|views|reading)$",
    re.I,
)


def _word_pools(lines):
    lower, capital = set(), set()
    for line in lines:
        for token in line.split():
            core = token.strip(".,:;!?“”‘’\"'()…")
            if len(core) >= 4 and core.isalpha() and not KEPT.match(core):
                (lower if core.islower() else capital if core[0].isupper() and core[1:].islower() else set()).add(core)
    return sorted(lower), sorted(capital)


def _redraw(line, rng, lower, capital):
    """The line with each plain word of four letters or more drawn anew, of the same case."""
    if line.startswith("http"):
        return line
    out = []
    for token in line.split(" "):
        start = len(token) - len(token.lstrip(".,:;!?“”‘’\"'(…"))
        end = len(token.rstrip(".,:;!?“”‘’\"')…"))
        core = token[start:end]
        if len(core) >= 4 and core.isalpha() and not KEPT.match(core):
            pool = lower if core.islower() else capital if core[0].isupper() and core[1:].islower() else None
            if pool:
                core = rng.choice(pool)
        out.append(token[:start] + core + token[end:])
    return " ".join(out)


def page_text(text, n, kind="varied"):
    """Page ``n`` of the benchmark's folder (see the module's docstring)."""
    if kind == "copies":
        return text.replace(TITLE, f"Dispatch {n}: {TITLE}")
    lines = text.split("\n")
    top, end = lines.index(TITLE), lines.index(BODY_END)
    body = next(index for index in range(top, end) if lines[index].startswith("WARNING"))
    lower, capital = _word_pools(lines[body + 1:end])
    rng = random.Random(n)
    author = AUTHORS[n % len(AUTHORS)]
    day = date(2019, 10, 13) - timedelta(days=n)
    for index in range(top, end):
        line = lines[index]
        if index == top:
            lines[index] = f"Dispatch {n}: {TITLE}"
        elif line == BYLINE:
            lines[index] = f"{author} by {author}"
        elif line == DATE_LINE:
            lines[index] = f"{day.day} {day:%B %Y}"
        elif line in COUNTS:
            lines[index] = str(100 + rng.randrange(900))
        elif line.startswith("https://twitter.com/"):  # another tweet embedded
            lines[index] = re.sub(r"/status/\d+", f"/status/{rng.randrange(10**17, 10**18)}", line)
        elif line.startswith("— "):  # a tweet's attribution: another day
            lines[index] = re.sub(r"\b\d{1,2}(?=, \d{4}$)", str(1 + rng.randrange(28)), _redraw(line, rng, lower, capital))
        elif line and index > body:
            lines[index] = _redraw(line, rng, lower, capital)
    lines[end] = f"Featured image via {CREDITS[n % len(CREDITS)]}"
    return "\n".join(lines)


def write_pages(folder, count, kind="varied"):
    text = SEED.read_text()
    assert TITLE in text and BODY_END in text, "seed 000 changed: update bench/importing.py"
    for n in range(count):
        (folder / f"page_{n:06d}.txt").write_text(page_text(text, n, kind))


def shape(parsed):
    """What a page of this benchmark must parse to, but for its own words."""
    return (bool(parsed.author), parsed.published_on is not None, parsed.warning_note[:30],
            tuple(type(block).__name__ for block in parsed.blocks))


def _cpu_seconds(who):
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_one(count, database, kind):
    """In this process: a fresh database, N files, the import; prints one JSON line."""
    with tempfile.TemporaryDirectory(prefix="masthead-import-bench-") as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        write_pages(folder, count, kind)
        if database == "sqlite":
            os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/import.sqlite3"
        else:
            import psycopg

            name = os.environ.get("MASTHEAD_BENCH_DATABASE_PREFIX", "masthead_") + "bench_import"
            with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
                conn.execute(f'CREATE DATABASE "{name}"')
            os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        from articles import purging
        from articles.importing import clear_caches, parse_file
        from articles.importing.sitelearning import learn_furniture
        from articles.ingest import Importer, find_sources

        sources = find_sources([folder])
        expected = shape(parse_file(SEED))
        # The ceiling: read and parse only, in this one process, from cold, with the furniture the folder
        # teaches (as the import parses them).
        clear_caches()
        started = time.perf_counter()
        furniture = learn_furniture(sources)
        shapes = Counter(shape(parse_file(path, furniture=furniture.get(path.parent, frozenset()))) == expected
                         for path in sources)
        parse_seconds = time.perf_counter() - started

        clear_caches()  # the import parses from cold, not helped by the parse-only pass above
        counts = Counter()
        cpu_before = _cpu_seconds(resource.RUSAGE_SELF)
        started = time.perf_counter()
        importer = Importer()  # as import_seeds does: one per run, ending cached pages once a second
        with purging.batched():
            for result in importer.import_many(sources):
                counts[f"{result.outcome} ({result.status})" if result.status else str(result.outcome)] += 1
        seconds = time.perf_counter() - started
        cpu_main = _cpu_seconds(resource.RUSAGE_SELF) - cpu_before
        cpu_parser = _cpu_seconds(resource.RUSAGE_CHILDREN)  # the parsing process, joined by now
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        parser_peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(json.dumps({"files": count, "seconds": seconds, "parse_seconds": parse_seconds,
                          "counts": counts, "like_seed": shapes[True], "peak_mb": peak_mb,
                          "parser_peak_mb": parser_peak_mb, "cpu_main": cpu_main, "cpu_parser": cpu_parser}))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", default="1000,10000", help="comma-separated sizes (default 1000,10000)")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--pages", choices=["varied", "copies"], default="varied",
                        help="one site's varied pages (default), or seed 000 copied")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-0123456789-abcdefghij")
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ["DATABASE_STATEMENT_TIMEOUT"] = "0"
    os.environ["MASTHEAD_CACHE_DIR"] = tempfile.mkdtemp(prefix="masthead-import-cache-")
    sys.path.insert(0, str(ROOT))
    if args.one:
        run_one(args.one, args.database, args.pages)
        return
    backend = "SQLite" if args.database == "sqlite" else "PostgreSQL"
    print(f"pages: {args.pages}; load average {os.getloadavg()[0]:.1f} at the start")
    print("| files | database | seconds | articles/s | CPU ms per article (writing + parsing) | read+parse only, files/s "
          "| import ÷ parse | peak memory | parsing process | outcomes |")
    print("|------:|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for count in [int(n) for n in args.files.split(",")]:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(count), "--database", args.database, "--pages", args.pages],
            capture_output=True, text=True, check=True,
        ).stdout.strip().splitlines()[-1]
        r = json.loads(out)
        rate, parse_rate = r["files"] / r["seconds"], r["files"] / r["parse_seconds"]
        outcomes = ", ".join(f"{n} {name}" for name, n in sorted(r["counts"].items()))
        cpu = f"{1000 * r['cpu_main'] / r['files']:.1f} + {1000 * r['cpu_parser'] / r['files']:.1f}"
        print(f"| {r['files']:,} | {backend} | {r['seconds']:.1f} | {rate:,.0f} | {cpu} | {parse_rate:,.0f} | "
              f"{100 * rate / parse_rate:.0f}% | {r['peak_mb']:.0f} MB | {r['parser_peak_mb']:.0f} MB | "
              f"{outcomes}; {r['like_seed']} parse like seed 000 |", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
