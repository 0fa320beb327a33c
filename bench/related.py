"""Issue 18: what a publication ends of the article pages, and the CPU an uncached article page costs.

    .venv/bin/python bench/related.py [--articles 100000] [--database NAME] [--redis redis://127.0.0.1:6379/10]
        [--pages 100] [--rounds 3] [--plans]

Reads an archive bench/load.py built (PostgreSQL ``masthead_bench_N``, or ``--database``; read only:
nothing is written). Prints:

- **pages ended**: how many article pages a new article with the newest article's tags ends through
  its earlier-coverage keys (``signals.related_keys``), published now, backdated to the middle of the
  archive, and a tag added to the middle article; beside the share of the archive carrying one of
  those tags (what the former ``related:tag:N`` keys ended);
- **CPU per article page** in this process plus the PostgreSQL backend's (``/proc/PID/stat``), page
  cache off, for ``--pages`` articles around the middle: fully cold (fragments off) and with its
  parts kept (fragments on in Redis; each page rendered once before), best of ``--rounds``;
- with ``--plans``, the plans (EXPLAIN ANALYZE) of the earlier-coverage queries of the middle article.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def cpu_seconds(backend_pid):
    """This process's CPU time plus the PostgreSQL backend's (user + system, in seconds)."""
    fields = Path(f"/proc/{backend_pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return time.process_time() + (int(fields[11]) + int(fields[12])) / ticks


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100000)
    parser.add_argument("--database", default="")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/10")
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--plans", action="store_true")
    args = parser.parse_args()
    database = args.database or f"masthead_bench_{args.articles}"
    os.environ.update(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{database}", REDIS_URL=args.redis,
        DJANGO_SETTINGS_MODULE="bench.settings", DJANGO_DEBUG="0", MASTHEAD_PAGE_CACHE="0",
        DJANGO_SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY", "bench-only-secret-key-0123456789-abcdefghij"),
        DJANGO_ALLOWED_HOSTS="testserver", DATABASE_STATEMENT_TIMEOUT="0",
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from articles.models import Article, TaggedArticle

    call_command("collectstatic", verbosity=0, interactive=False)
    live = Article.objects.published().order_by("published_at", "pk")
    total = live.count()
    middle = live[total // 2]
    newest = live.last()
    print(f"{total:,} visible articles; load average {os.getloadavg()[0]:.2f} / {os.getloadavg()[1]:.2f}")

    signals = __import__("articles.signals", fromlist=["related_keys"])
    if hasattr(signals, "related_keys"):
        tags = list(TaggedArticle.objects.filter(content_object=newest).values_list("tag_id", flat=True))
        carrying = Article.objects.published().filter(tagged_items__tag__in=tags).distinct().count()
        print(f"\nPages ended (the newest article's {len(tags)} tags; {carrying:,} articles, "
              f"{100 * carrying / total:.1f} % of the archive, carry one of them):")
        cases = [("published now", timezone.now()), ("backdated to the middle", middle.published_at)]
        for name, when in cases:
            started = time.perf_counter()
            keys = signals.related_keys([(10**9, when, tags)])
            took = (time.perf_counter() - started) * 1000
            print(f"- a new article {name}: {len(keys)} article pages ({sorted(keys)[:3]}…), {took:.1f} ms")
        started = time.perf_counter()
        middle_tags = set(TaggedArticle.objects.filter(content_object=middle).values_list("tag_id", flat=True))
        other = next(tag for tag in tags if tag not in middle_tags) if set(tags) - middle_tags else tags[0]
        keys = signals.related_keys([(middle.pk, middle.published_at, [other])])
        print(f"- a tag added to the middle article: {len(keys)} article pages, "
              f"{(time.perf_counter() - started) * 1000:.1f} ms")

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    slugs = list(live[total // 2 - args.pages // 2:][:args.pages].values_list("slug", flat=True))
    client = Client()

    def batch():
        started = cpu_seconds(backend)
        for slug in slugs:
            assert client.get(f"/articles/{slug}/").status_code == 200
        return (cpu_seconds(backend) - started) * 1000 / len(slugs)

    print(f"\nCPU per article page (ms, this process + the PostgreSQL backend), {args.pages} articles, best of "
          f"{args.rounds}:")
    for label, fragments in (("fully cold (fragments off)", False), ("parts kept (fragments on)", True)):
        settings.MASTHEAD_FRAGMENT_CACHE = fragments
        batch()  # the parts kept, the connection and the templates warm
        connection.force_debug_cursor = True
        connection.queries_log.clear()
        client.get(f"/articles/{slugs[0]}/")
        queries = list(connection.queries)
        connection.force_debug_cursor = False
        best = min(batch() for _ in range(args.rounds))
        print(f"- {label}: {best:.2f} ms, {len(queries)} queries, load average {os.getloadavg()[0]:.2f}")

    if args.plans:
        settings.MASTHEAD_FRAGMENT_CACHE = False
        with CaptureQueriesContext(connection) as queries:
            client.get(middle.get_absolute_url())
        with connection.cursor() as cursor:
            for query in queries.captured_queries:
                if "taggit_tag" in query["sql"] or "tagged" not in query["sql"]:
                    continue
                cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) " + query["sql"])
                print(f"\n{query['sql'][:160]}…")
                for (line,) in cursor.fetchall():
                    print(f"    {line}")


if __name__ == "__main__":
    main()
