"""Write the HTML of many reader pages to a folder, to compare two versions of the code byte for byte.

    .venv/bin/python bench/samepages.py OUT            # in this tree
    /path/to/other/tree/.venv/bin/python /path/to/other/tree/bench/samepages.py OTHER
    diff -r OUT OTHER                                   # nothing: the same pages

Copies bench/load.py's SQLite archive of 1,000 articles (built there if missing) to a throw-away file,
migrates it, adds what the archive lacks (corrections above and after the text, a withdrawn one, the
newsroom's and the source's warning notes, an author's bio; all dated in the past, fixed), and writes
each page (home and later pages, articles with and without pictures, warned, corrected, the first and
the last, tag, author, search, feeds, sitemap, the tag index, corrections, warnings), each without and
with the reader's warning-filter cookie and with ``?hide=``, rendered twice (the second time with what
the first kept, when parts are kept: ``--kept``). The page cache is off. With ``--keep-bodies`` the
copy's bodies have their HTML kept (articles/bodies.py) before the pages are rendered; with
``--every-article`` every article page of the archive is written too (3,000 more pages per render).
"""

import argparse
import os
import shutil
import sys
import tempfile
from datetime import datetime, timezone as dt_timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import bench_env, prepare  # noqa: E402

ARTICLES = 1000
PATHS = [
    "/", "/?page=2", "/?page=50",
    "/articles/article-500/", "/articles/article-501/", "/articles/article-0/", "/articles/article-999/",
    "/articles/article-5/", "/articles/article-10/", "/articles/article-11/", "/articles/article-21/",
    "/articles/article-100/", "/articles/article-101/", "/articles/article-102/", "/articles/article-103/",
    "/tags/", "/tags/syria/", "/tags/syria/?page=3", "/tags/rare-0/", "/authors/reporter-7/",
    "/authors/reporter-7/?page=2", "/authors/contributor-0/", "/search/?q=siege", "/search/?q=zanzibar",
    "/search/?q=siege&page=2", "/feeds/rss/", "/feeds/atom/", "/tags/syria/feed/rss/",
    "/authors/reporter-7/feed/atom/", "/sitemap.xml", "/corrections/", "/content-warnings/", "/nope/",
]
READERS = {"plain": {}, "cookie": {"cookie": "graphic-violence"}, "link": {"query": "hide=graphic-violence"}}
AT = datetime(2026, 11, 30, 12, 0, tzinfo=dt_timezone.utc)


def add_cases():
    """What the bench archive lacks, written straight to the rows (no signals needed: no cache is on)."""
    from articles.models import Article, Author, Correction

    def correct(slug, kind, text, withdrawn=None):
        article = Article.objects.get(slug=slug)
        Correction.objects.create(article=article, kind=kind, text=text, created_at=AT,
                                  withdrawn_at=withdrawn, withdrawal_note="It was right." if withdrawn else "")

    correct("article-100", "correction", "The *bridge* was [rebuilt](https://example.org) in 2019.")
    correct("article-100", "update", "Talks resumed on Monday.")
    correct("article-101", "clarification", "An earlier version named the wrong town.", withdrawn=AT)
    correct("article-102", "editors_note", "This article <script>alert(1)</script> was updated.")
    correct("article-10", "correction", "A date was wrong.")
    Article.objects.filter(slug="article-10").update(newsroom_note="Describes the aftermath of a strike.",
                                                      warning_note="Graphic & distressing images.")
    Article.objects.filter(slug="article-103").update(body="## Heading\n\n<b>raw</b> & *em*\n\n> quote\n\n"
                                                      "![a note](image:1)\n\nEnd [x](javascript:alert(1)).")
    Author.objects.filter(slug="reporter-7").update(bio="Covers the region.\n\nBased in Amman.")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--kept", action="store_true", help="keep parts (fragments) between the two renders")
    parser.add_argument("--keep-bodies", action="store_true", help="keep the bodies' HTML first (manage.py keep_rendered_bodies)")
    parser.add_argument("--every-article", action="store_true", help="every article's page too, not only the chosen")
    args = parser.parse_args()
    paths = PATHS + ([f"/articles/article-{number}/" for number in range(ARTICLES)] if args.every_article else [])

    env = bench_env("sqlite", ARTICLES)
    os.environ.update(env)
    prepare(ARTICLES, "sqlite", False)  # the archive, built once
    source = Path(env["DATABASE_URL"].removeprefix("sqlite:///"))
    folder = Path(tempfile.mkdtemp(prefix="masthead-samepages-"))
    shutil.copy(source, folder / "pages.sqlite3")
    os.environ.update({
        "DATABASE_URL": f"sqlite:///{folder / 'pages.sqlite3'}", "MASTHEAD_PAGE_CACHE": "0",
        "MASTHEAD_FRAGMENT_CACHE": "1" if args.kept else "0", "MASTHEAD_CACHE_DIR": str(folder / "cache"),
    })
    import django
    from django.conf import settings
    from django.core.management import call_command

    from django.db import connection

    django.setup()
    connection.close()
    connection.settings_dict["NAME"] = str(folder / "pages.sqlite3")  # the copy, not the archive
    call_command("migrate", verbosity=0)
    add_cases()
    if args.keep_bodies:
        call_command("keep_rendered_bodies")
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    args.out.mkdir(parents=True, exist_ok=True)
    for reader, how in READERS.items():
        client = Client()
        if "cookie" in how:
            client.cookies[settings.MASTHEAD_FILTER_COOKIE_NAME] = how["cookie"]
        for path in dict.fromkeys(paths):
            url = path + (("&" if "?" in path else "?") + how["query"] if "query" in how else "")
            for attempt in ("first", "second"):
                response = client.get(url)
                name = f"{reader}-{attempt}-{path.strip('/').replace('/', '_').replace('?', '_') or 'home'}"
                (args.out / name).write_bytes(f"{response.status_code}\n".encode() + response.content)
    shutil.rmtree(folder)
    print(f"{len(list(args.out.iterdir()))} pages in {args.out}")


if __name__ == "__main__":
    main()
