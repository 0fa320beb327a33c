"""Load benchmark: every public page under real HTTP load, against a ceiling measured in the same run.

    .venv/bin/python bench/load.py --articles 1000                  # SQLite, cache off and on
    .venv/bin/python bench/load.py --articles 100000 --database postgres
    make bench-load ARTICLES=100000 DATABASE=postgres

It builds N published articles (bench/dataset.py) in a benchmark database that is kept for the
next run (var/bench/ for SQLite; database masthead_bench_N on the local PostgreSQL, or another
prefix with MASTHEAD_BENCH_DATABASE_PREFIX), serves them
with gunicorn exactly as `make run` does (2 workers), and drives each page with wrk (Debian's
package; -t1 -c4 by default) for a few seconds: first a minimal Django view through the same
middleware (the ceiling), then each page, with the page cache off and then on. It prints each
page's requests/s, its ratio to the ceiling, p99 latency, errors, and the SQL queries the page
runs when rendered (counted in-process, cache off).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import AppServer  # noqa: E402

PAGES = [
    ("home", "/"),
    ("home page 50", "/?page=50"),
    ("article", "/articles/article-{middle}/"),
    ("article with pictures", "/articles/article-{pictured}/"),
    ("tag", "/tags/syria/"),
    ("tags index", "/tags/"),
    ("author", "/authors/reporter-7/"),
    ("search common word", "/search/?q=siege"),
    ("search rare word", "/search/?q=zanzibar"),
    ("site RSS", "/feeds/rss/"),
    ("tag Atom", "/tags/syria/feed/atom/"),
    ("sitemap.xml", "/sitemap.xml"),
]
CEILING = "/__ceiling__/"


def database_url(kind, count):
    if kind == "sqlite":
        folder = ROOT / "var" / "bench"
        folder.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{folder / f'articles-{count}.sqlite3'}"
    prefix = os.environ.get("MASTHEAD_BENCH_DATABASE_PREFIX", "masthead_bench_")  # one archive per engineer
    return f"postgres://postgres@127.0.0.1:5432/{prefix}{count}"


def bench_env(database, articles):
    """The environment of a benchmark server (and of this process): the archive's database (made if
    need be), production settings (DEBUG off) with the bench URLs, quiet logs."""
    url = database_url(database, articles)
    if database == "postgres":
        ensure_postgres_database(url)
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-only-secret-key-0123456789-abcdefghij"),
        "DJANGO_LOG_LEVEL": "ERROR",
        # The archive's pictures live beside its database, so each archive keeps its own.
        "DJANGO_MEDIA_ROOT": str(ROOT / "var" / "bench" / f"media-{database}-{articles}"),
    }


def ensure_postgres_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def prepare(count, kind, rebuild):
    """Migrate, build the archive if it is not there yet, analyse it, keep its bodies' HTML, collect static
    files."""
    import django
    from django.core.management import call_command

    django.setup()
    from django.db import connection

    from articles import searchindex
    from articles.models import Article
    from bench import dataset

    call_command("migrate", verbosity=0)
    existing = Article.objects.filter(slug__startswith="article-").count()  # built here (bench/soak.py adds others)
    if existing != count or rebuild:
        if existing:
            print(f"rebuilding: the database has {existing:,} articles, not {count:,}", flush=True)
            with connection.cursor() as cursor:
                for table in ["articles_taggedarticle", "articles_article_warnings", "articles_decision",
                              "articles_revision", "articles_article", "articles_author", "taggit_tag"]:
                    cursor.execute(f"DELETE FROM {table}")
        started = time.perf_counter()
        dataset.build(count, log=lambda line: print(line, flush=True) if "000 of" in line else None)
        print(f"built {count:,} articles in {time.perf_counter() - started:.1f} s", flush=True)
        # As a database in service would be after a bulk load: vacuumed and analysed (PostgreSQL's
        # autovacuum), its search index merged (SQLite), statistics gathered.
        searchindex.optimize()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    if dataset.add_pictures(count, log=lambda line: print(line, flush=True)):
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    # As every save keeps it (articles/bodies.py); the bulk load kept none.
    with open(os.devnull, "w") as quiet:
        call_command("keep_rendered_bodies", stdout=quiet)
    call_command("collectstatic", verbosity=0, interactive=False)
    connection.close()


def query_counts(urls):
    """The SQL queries each page runs when rendered (page cache off), counted in-process."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.MASTHEAD_PAGE_CACHE = False
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    counts = {}
    for url in urls:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url).status_code
        counts[url] = (len(queries), status)
    connection.close()
    return counts


def serve(env, cache, cache_dir=None):
    """gunicorn as `make run` starts it (tests/servers.py), the page cache on or off, in ``cache_dir``
    (default: a new folder of its own)."""
    cache_dir = cache_dir or tempfile.mkdtemp(prefix="masthead-bench-cache-")
    return AppServer({**env, "MASTHEAD_PAGE_CACHE": "1" if cache else "0", "MASTHEAD_CACHE_DIR": str(cache_dir)})


_NUMBER = r"([\d.]+)(us|ms|s|m)"
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def wrk(url, duration, connections, timeout=10):
    """Run wrk against ``url``: (requests/s, p99 latency in ms, errors)."""
    result = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", f"--timeout={timeout}s", "--latency", url],
        capture_output=True, text=True, check=True,
    )
    return parse_wrk(result.stdout)


def parse_wrk(out):
    """(requests/s, p99 latency in ms, errors: non-2xx/3xx answers plus socket errors) from wrk's report."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(rf"\s99%\s+{_NUMBER}", out)
    p99_ms = float(p99.group(1)) * _UNITS[p99.group(2)] if p99 else float("nan")
    errors = 0
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non_2xx:
        errors += int(non_2xx.group(1))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return rps, p99_ms, errors


def warm(server, path, times=2):
    """Request ``path`` a few times (fills the cache, opens connections); errors are ignored here."""
    for _ in range(times):
        try:
            urllib.request.urlopen(server.url(path), timeout=60).read()
        except OSError:
            pass


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--duration", type=int, default=5, help="seconds of load per page (default 5)")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--cache", default="off,on", help="off, on, or off,on (default)")
    parser.add_argument("--only", default="", help="comma-separated page names to measure (default: all)")
    parser.add_argument("--rebuild", action="store_true", help="build the archive again even if it is there")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk (make bench-load installs it)")

    env = bench_env(args.database, args.articles)
    os.environ.update(env)
    os.environ["DATABASE_STATEMENT_TIMEOUT"] = "0"  # building and analysing may take long; the servers keep the default
    prepare(args.articles, args.database, args.rebuild)

    middle = args.articles // 2
    pages = [(name, path.format(middle=middle, pictured=middle + 1)) for name, path in PAGES]
    if args.only:
        wanted = {name.strip() for name in args.only.split(",")}
        pages = [page for page in pages if page[0] in wanted]
    counts = query_counts([path for _, path in pages])
    modes = [mode.strip() for mode in args.cache.split(",")]

    results = {}
    for mode in modes:
        with serve(env, mode == "on") as server:
            warm(server, CEILING, 20)
            ceiling = wrk(server.url(CEILING), args.duration, args.connections)
            results[(mode, "ceiling")] = ceiling
            for name, path in pages:
                warm(server, path)
                results[(mode, name)] = wrk(server.url(path), args.duration, args.connections)

    backend = "SQLite" if args.database == "sqlite" else "PostgreSQL"
    print(f"\n{date.today()}  {args.articles:,} articles, {backend}, gunicorn 2 workers, "
          f"wrk -t1 -c{args.connections} -d{args.duration}s\n")
    header = f"| {'page':<22} | queries |"
    rule = f"|{'-' * 24}|--------:|"
    for mode in modes:
        header += f" cache {mode}: req/s | % of ceiling | p99 ms | errors |"
        rule += "----------------:|-------------:|-------:|-------:|"
    print(header)
    print(rule)
    line = f"| {'ceiling (minimal view)':<22} | {'':>7} |"
    for mode in modes:
        rps, p99, errors = results[(mode, "ceiling")]
        line += f" {rps:>16,.1f} | {100:>11.1f}% | {p99:>6.1f} | {errors:>6} |"
    print(line)
    for name, path in pages:
        queries, status = counts[path]
        line = f"| {name:<22} | {queries:>7} |"
        for mode in modes:
            rps, p99, errors = results[(mode, name)]
            ratio = 100 * rps / results[(mode, "ceiling")][0]
            line += f" {rps:>16,.1f} | {ratio:>11.1f}% | {p99:>6.1f} | {errors:>6} |"
        print(line + ("" if status == 200 else f" (status {status})"))


if __name__ == "__main__":
    main()
