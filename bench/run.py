"""Masthead benchmarks: seed parsing, and public pages with many articles.

Run: .venv/bin/python bench/run.py [--articles N]
Uses a throw-away SQLite database in a temporary folder and the page cache off (each request
renders the page; bench/load.py measures pages under HTTP load with the cache off and on); prints
one line per measurement.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(fn, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000, min(samples) * 1000


def bench_parsing():
    from articles.importing import parse_source
    from articles.rendering import render_markdown

    for path in sorted((ROOT / "seeds").glob("*.txt")):
        data = path.read_bytes()
        median, best = timed(lambda: parse_source(data, path.name), 200)
        print(f"parse {path.name:<28} {len(data):>6} bytes  median {median:6.2f} ms  best {best:6.2f} ms")
        markdown = parse_source(data, path.name).body_markdown
        median, best = timed(lambda: render_markdown(markdown), 200)
        print(f"render {path.name:<27} {len(markdown):>6} chars  median {median:6.2f} ms  best {best:6.2f} ms")


def bench_pages(count):
    import django
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    django.setup()
    import warnings

    from django.conf import settings

    warnings.filterwarnings("ignore", message="No directory at")
    # Production settings but without collectstatic: plain static storage.
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    call_command("migrate", verbosity=0)
    from datetime import timedelta

    from django.utils import timezone

    from articles.models import Article, Author, ContentWarning

    author = Author.objects.create(name="Bench Writer", slug="bench-writer")
    warning = ContentWarning.objects.get(slug="graphic-violence")
    body = "\n\n".join(["A paragraph of reporting about the siege and the people who lived through it."] * 30)
    now = timezone.now()
    articles = Article.objects.bulk_create(
        Article(title=f"Article {i}", slug=f"article-{i}", author=author, body=body, status="published",
                published_at=now - timedelta(minutes=i), warnings_decided_at=now, no_warnings_apply=i % 3 != 0)
        for i in range(count)
    )
    for i, article in enumerate(articles):
        article.tags.add("Syria", f"Topic {i % 20}")
        if i % 3 == 0:
            article.warnings.add(warning)
    client = Client()
    for url in ["/", "/?page=5", "/tags/", "/tags/syria/", "/authors/bench-writer/", "/articles/article-1/",
                "/search/?q=siege", "/feeds/rss/", "/sitemap.xml"]:
        status = client.get(url).status_code
        if status != 200:
            print(f"page {url:<26} skipped (status {status}: not built yet)")
            continue
        queries = []
        with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
            client.get(url)
        median, best = timed(lambda: client.get(url), 30)
        print(f"page {url:<26} {count} articles  {len(queries):>2} queries  median {median:6.2f} ms  best {best:6.2f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="masthead-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-0123456789-abcdefghij")
    os.environ["DJANGO_DEBUG"] = "0"  # as in production
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
    os.environ["MASTHEAD_PAGE_CACHE"] = "0"  # time the pages' own work; bench/load.py measures the cache too
    bench_parsing()
    bench_pages(args.articles)


if __name__ == "__main__":
    main()
