"""Print the PostgreSQL plans (EXPLAIN ANALYZE) of the queries behind each public page.

    .venv/bin/python bench/plans.py [--articles 100000]

Reads the archive bench/load.py built in masthead_bench_N; prints, per page, each query's
execution time and, for the ones that touch the archive, the plan's lines.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = ["/", "/?page=50", "/tags/syria/", "/tags/", "/authors/reporter-7/", "/articles/article-{middle}/",
         "/search/?q=siege", "/search/?q=zanzibar", "/feeds/rss/", "/sitemap.xml"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100000)
    args = parser.parse_args()
    os.environ.update(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/masthead_bench_{args.articles}",
        DJANGO_SETTINGS_MODULE="bench.settings", DJANGO_DEBUG="0", MASTHEAD_PAGE_CACHE="0",
        DJANGO_SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY", "bench-only-secret-key-0123456789-abcdefghij"),
        DJANGO_ALLOWED_HOSTS="testserver", DATABASE_STATEMENT_TIMEOUT="0",
    )
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    for page in PAGES:
        url = page.format(middle=args.articles // 2)
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        print(f"\n### {url}  ({len(queries)} queries)\n")
        with connection.cursor() as cursor:
            for query in queries.captured_queries:
                cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) " + query["sql"])
                lines = [row[0] for row in cursor.fetchall()]
                execution = next((line for line in lines if line.startswith("Execution Time")), "")
                print(f"- {query['sql'][:110]}…  — {execution}")
                if "articles_article" in query["sql"] and "WHERE" in query["sql"]:
                    for line in lines:
                        if not line.startswith(("Planning", "Execution")):
                            print(f"      {line}")


if __name__ == "__main__":
    main()
