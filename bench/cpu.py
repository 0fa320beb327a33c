"""CPU time per request of reader pages, in-process: the load-proof measure on a shared machine.

    .venv/bin/python bench/cpu.py --articles 1000                          # SQLite
    .venv/bin/python bench/cpu.py --articles 100000 --database postgres    # the backend's CPU counted too
    .venv/bin/python bench/cpu.py --kept                                   # kept parts on (fragments)
    .venv/bin/python bench/cpu.py --profile article                        # cProfile of one page, top 40
    .venv/bin/python bench/cpu.py --spread                                 # a different article each request

Uses bench/load.py's archive (built there if missing) and settings (DEBUG off), the page cache off
and, unless ``--kept``, no kept parts either (``MASTHEAD_FRAGMENT_CACHE=0``: a crawler's first visit to
an old article). Each page is requested through Django's test client in batches of ``--requests``;
a batch's CPU is this process's (``time.process_time``) plus, on PostgreSQL, the backend's (its
``/proc/PID/stat`` user and system ticks). Prints, per page, the best and the worst of ``--batches``
batches in milliseconds a request, the page's SQL queries and its response's size and hash (for
telling at a glance that two trees serve the same HTML). With ``--spread`` the article pages ask for a
different article each request (stepping through the whole archive from the middle, older first), so
nothing remembered in-process from an earlier request of the same page helps (picture addresses,
prepared statements' plans aside); the hash is then of the first one's page.
"""

import argparse
import cProfile
import hashlib
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import bench_env, prepare  # noqa: E402

PAGES = {
    "ceiling": "/__ceiling__/",
    "home": "/",
    "article": "/articles/article-{middle}/",
    "article pictured": "/articles/article-{pictured}/",
    "tag": "/tags/syria/",
    "author": "/authors/reporter-7/",
}
_TICKS = os.sysconf("SC_CLK_TCK")


def backend_seconds(pid):
    """User plus system CPU seconds of process ``pid`` so far (None if it cannot be read)."""
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--requests", type=int, default=100, help="requests a batch (default 100)")
    parser.add_argument("--batches", type=int, default=3)
    parser.add_argument("--only", default="", help="comma-separated page names (default: all)")
    parser.add_argument("--kept", action="store_true", help="keep parts (fragments) between requests")
    parser.add_argument("--profile", default="", help="a page name: print its cProfile instead")
    parser.add_argument("--spread", action="store_true", help="article pages: a different article each request")
    args = parser.parse_args()

    env = bench_env(args.database, args.articles)
    os.environ.update(env)
    os.environ["MASTHEAD_PAGE_CACHE"] = "0"
    os.environ["MASTHEAD_FRAGMENT_CACHE"] = "1" if args.kept else "0"
    os.environ.setdefault("MASTHEAD_CACHE_DIR", f"/tmp/masthead-cpu-cache-{os.getpid()}")
    prepare(args.articles, args.database, False)

    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    middle = args.articles // 2
    pages = {name: path.format(middle=middle, pictured=middle + 1) for name, path in PAGES.items()}
    if args.only:
        pages = {name: pages[name.strip()] for name in args.only.split(",")}
    client = Client()
    step = max(1, args.articles // (2 * args.requests * (args.batches + 2)))  # never the same one twice

    def paths(name, count, start=0):
        """``count`` paths of page ``name``: its one path, or with ``--spread`` a different article each."""
        if not (args.spread and name.startswith("article")):
            return [pages[name]] * count
        first = middle + (1 if name == "article pictured" else 0)
        return [f"/articles/article-{(first - (start + number) * step * 2) % args.articles}/" for number in range(count)]

    if args.profile:
        for path in paths(args.profile, 20):
            client.get(path)
        profile = cProfile.Profile()
        profile.enable()
        for path in paths(args.profile, args.requests, 20):
            client.get(path)
        profile.disable()
        pstats.Stats(profile).sort_stats(os.environ.get("MASTHEAD_PROFILE_SORT", "cumulative")).print_stats(60)
        return

    client.get("/")
    pid = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
    print(f"{args.articles:,} articles, {connection.vendor}, kept parts {'on' if args.kept else 'off'}, "
          f"{args.batches} batches of {args.requests}; load average {os.getloadavg()[0]:.2f}")
    print(f"{'page':<18} {'best ms':>8} {'worst ms':>8} {'queries':>7} {'bytes':>7}  sha256")
    for name, path in pages.items():
        response = client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        query_count = len(queries)  # before the next request starts a new log
        body = response.content
        samples = []
        for batch in range(args.batches):
            batch_paths = paths(name, args.requests, (batch + 1) * args.requests)
            cpu, backend = time.process_time(), backend_seconds(pid)
            for each in batch_paths:
                client.get(each)
            spent = time.process_time() - cpu + backend_seconds(pid) - backend
            samples.append(spent * 1000 / args.requests)
        status = "" if response.status_code == 200 else f"  (status {response.status_code})"
        print(f"{name:<18} {min(samples):8.2f} {max(samples):8.2f} {query_count:7} {len(body):7}  "
              f"{hashlib.sha256(body).hexdigest()[:12]}{status}", flush=True)
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
