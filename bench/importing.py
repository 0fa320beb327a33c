"""Import throughput: N new pages shaped like seed 000, imported as `manage.py import_seeds` does.

    .venv/bin/python bench/importing.py                  # 1,000 and 10,000 files on SQLite
    .venv/bin/python bench/importing.py --files 500 --database postgres

Each size runs in a fresh process on a fresh database (a temporary SQLite file, or the database
masthead_bench_import on the local PostgreSQL), so its peak memory (max RSS) is its own. The
files are seed 000 with a numbered headline each, written to a temporary folder. Prints files,
seconds, articles per second, the outcome counts and the peak memory (of the run's process, and of
the process that parses ahead: articles/importing/ahead.py); and, as the ceiling measured in the same
run, how fast the same files are only read and parsed in one process (no database).
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_739d39e62fd4c9a8.txt"
TITLE = "When Turkish-backed jihadists link up with Daesh, there’s only one outcome. And it’s begun."


def write_pages(folder, count):
    text = SEED.read_text()
    assert TITLE in text, "seed 000 changed: update bench/importing.py"
    for n in range(count):
        (folder / f"page_{n:06d}.txt").write_text(text.replace(TITLE, f"Dispatch {n}: {TITLE}"))


def run_one(count, database):
    """In this process: a fresh database, N files, the import; prints one JSON line."""
    with tempfile.TemporaryDirectory(prefix="masthead-import-bench-") as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        write_pages(folder, count)
        if database == "sqlite":
            os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/import.sqlite3"
        else:
            import psycopg

            with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
                conn.execute("DROP DATABASE IF EXISTS masthead_bench_import")
                conn.execute("CREATE DATABASE masthead_bench_import")
            os.environ["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/masthead_bench_import"
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        from articles.importing import parse_source
        from articles.ingest import Importer, find_sources

        from articles.importing import clear_caches

        sources = find_sources([folder])
        clear_caches()
        started = time.perf_counter()
        for path in sources:
            parse_source(path.read_bytes(), path.name)
        parse_seconds = time.perf_counter() - started

        from articles import purging
        from articles.importing import clear_caches

        clear_caches()  # the import parses from cold, not helped by the parse-only pass above
        counts = Counter()
        started = time.perf_counter()
        importer = Importer()  # as import_seeds does: one per run, ending cached pages once a second
        with purging.batched():
            for result in importer.import_many(sources):
                counts[str(result.outcome)] += 1
        seconds = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        parser_peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(json.dumps({"files": count, "seconds": seconds, "parse_seconds": parse_seconds,
                          "counts": counts, "peak_mb": peak_mb,
                          "parser_peak_mb": parser_peak_mb}))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", default="1000,10000", help="comma-separated sizes (default 1000,10000)")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-0123456789-abcdefghij")
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ["DATABASE_STATEMENT_TIMEOUT"] = "0"
    os.environ["MASTHEAD_CACHE_DIR"] = tempfile.mkdtemp(prefix="masthead-import-cache-")
    sys.path.insert(0, str(ROOT))
    if args.one:
        run_one(args.one, args.database)
        return
    backend = "SQLite" if args.database == "sqlite" else "PostgreSQL"
    print("| files | database | seconds | articles/s | read+parse only, files/s | import ÷ parse | peak memory | parsing process | outcomes |")
    print("|------:|---|---:|---:|---:|---:|---:|---:|---|")
    for count in [int(n) for n in args.files.split(",")]:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(count), "--database", args.database],
            capture_output=True, text=True, check=True,
        ).stdout.strip().splitlines()[-1]
        r = json.loads(out)
        rate, parse_rate = r["files"] / r["seconds"], r["files"] / r["parse_seconds"]
        outcomes = ", ".join(f"{n} {name}" for name, n in sorted(r["counts"].items()))
        print(f"| {r['files']:,} | {backend} | {r['seconds']:.1f} | {rate:,.0f} | {parse_rate:,.0f} | "
              f"{100 * rate / parse_rate:.0f}% | {r['peak_mb']:.0f} MB | {r['parser_peak_mb']:.0f} MB | {outcomes} |", flush=True)


if __name__ == "__main__":
    main()
