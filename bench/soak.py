"""Soak: a minute of readers at 16 connections while an editor publishes every few seconds.

    .venv/bin/python bench/soak.py                                 # 1,000 articles, SQLite
    .venv/bin/python bench/soak.py --articles 100000 --database postgres --seconds 60

The archive of bench/load.py is served by gunicorn (2 workers, page cache on, as `make run`).
wrk drives a mix of public pages — home and a later page, articles, tags, the tags index, an
author, searches for a common and a rare word, feeds, the sitemap — at 16 connections. Meanwhile
an editor (this process, through the workflow in articles/workflow.py) publishes a new article
every few seconds, alternating with approving a revision of a live one, and right after each
commit asks the server for the home page and the article: a page that does not show the change
is counted stale. Prints requests/s, p99, server errors and stale pages.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import bench_env, parse_wrk, prepare, serve  # noqa: E402

MIX = [
    "/", "/?page=3", "/articles/article-{a}/", "/articles/article-{b}/", "/tags/syria/", "/tags/", "/authors/reporter-7/",
    "/search/?q=siege", "/search/?q=zanzibar", "/search/?q=water+bridge", "/feeds/rss/", "/tags/gaza/feed/atom/",
    "/sitemap.xml", "/content-warnings/",
]

LUA = """
local paths = {%s}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def fetch(server, path):
    with urllib.request.urlopen(server.url(path), timeout=30) as response:
        return response.read().decode()


def editor_loop(server, stop, interval, report):
    """Publish or approve every ``interval`` seconds; check the very next pages show it."""
    from django.contrib.auth.models import User
    from django.utils import timezone

    from articles import workflow
    from articles.models import Article, Author

    editor, _ = User.objects.get_or_create(username="soak-editor", defaults={"is_superuser": True, "is_staff": True})
    author = Author.objects.get(slug="reporter-7")
    n = 0
    while not stop.wait(interval):
        n += 1
        if n % 2:
            article = Article.objects.create(
                title=f"Soak bulletin {n} {time.time_ns()}", slug=f"soak-{n}-{time.time_ns()}", author=author,
                body="The siege went on.", status="in_review", no_warnings_apply=True, warnings_decided_at=timezone.now(),
            )
            workflow.perform("publish", article, editor)
            expected = article.title
        else:
            live = Article.objects.published().order_by("-published_at").first()
            content = workflow.content_of(live).replace(title=f"Revised bulletin {n} {time.time_ns()}")
            workflow.approve_revision(workflow.propose_revision(live, editor, content), editor)
            article, expected = live, content.title
        report["changes"] += 1
        for path in ("/", article.get_absolute_url()):
            if expected not in fetch(server, path):
                report["stale"] += 1
                report["stale_pages"].append(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--interval", type=float, default=3.0, help="seconds between editors' changes")
    args = parser.parse_args()

    env = bench_env(args.database, args.articles)
    # The editor (this process) and the server share one page cache, as app servers do.
    cache_dir = tempfile.mkdtemp(prefix="masthead-soak-cache-")
    env["MASTHEAD_CACHE_DIR"] = cache_dir
    os.environ.update(env)
    os.environ["DATABASE_STATEMENT_TIMEOUT"] = "0"
    prepare(args.articles, args.database, rebuild=False)

    paths = [path.format(a=args.articles // 3, b=args.articles // 2) for path in MIX]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA % ", ".join(f'"{path}"' for path in paths))
    report = {"changes": 0, "stale": 0, "stale_pages": []}
    with serve(env, cache=True, cache_dir=cache_dir) as server:
        for path in paths:
            fetch(server, path)
        stop = threading.Event()
        editor = threading.Thread(target=editor_loop, args=(server, stop, args.interval, report))
        editor.start()
        try:
            out = subprocess.run(
                ["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--timeout=10s", "--latency",
                 "-s", script.name, server.url("/")],
                capture_output=True, text=True, check=True,
            ).stdout
        finally:
            stop.set()
            editor.join(60)
    os.unlink(script.name)
    rps, p99, errors = parse_wrk(out)
    backend = "SQLite" if args.database == "sqlite" else "PostgreSQL"
    print(f"{args.articles:,} articles, {backend}, {args.seconds} s at {args.connections} connections over "
          f"{len(paths)} pages, an editor's change every {args.interval:g} s")
    print(f"requests/s {rps:,.1f}  p99 {p99:.1f} ms  server errors and failed requests {errors}  "
          f"editor's changes {report['changes']}  stale pages after a change {report['stale']}"
          + (f" ({', '.join(report['stale_pages'][:5])})" if report["stale_pages"] else ""))


if __name__ == "__main__":
    main()
