"""Masthead as it is deployed: real gunicorn servers, real databases, a real Redis.

- Two app servers on one PostgreSQL and one Redis stay consistent: an editor publishes through
  one, and the other serves the article on the very next request.
- The embedded default (SQLite) survives editors saving while readers load pages: no save ever
  fails with "database is locked".
"""

import json
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter

import pytest
from django.db import connection
from django.urls import reverse

from articles.models import Article
from tests.servers import ROOT, AppServer, Browser, collect_static, manage, port_open, remove, server_env

pytestmark = pytest.mark.deployment


@pytest.fixture(scope="module")
def static_root():
    folder = collect_static(server_env())
    yield folder
    remove(folder)


# Scale-out: two servers, one PostgreSQL, one Redis


@pytest.mark.skipif(connection.vendor != "postgresql", reason="two servers share a database: PostgreSQL only")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_app_servers_stay_consistent(static_root, editor, settings):
    """An editor publishes through server A; server B, which had cached the home page and the article's
    404 a moment before, serves the article on the very next request."""
    if not port_open(6379):
        pytest.skip("no Redis on 127.0.0.1:6379")
    from django.conf import global_settings

    from tests.factories import ArticleFactory

    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS  # as the servers check it
    editor.set_password("a-long-password-123")
    editor.save()
    article = ArticleFactory(
        title="Ceasefire holds in the north", slug="ceasefire-holds", status="in_review", published_at=None, decided=True
    )
    db = connection.settings_dict
    env = server_env(
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        REDIS_URL="redis://127.0.0.1:6379/0",
        MASTHEAD_CACHE_PREFIX=f"scaleout-{uuid.uuid4().hex}",
        DJANGO_STATIC_ROOT=static_root,
    )
    with AppServer(env) as a, AppServer(env) as b:
        reader_b = Browser(b)
        for _ in range(2):  # the second answers come from Redis
            assert reader_b.get("/articles/ceasefire-holds/")[0] == 404
            assert "Ceasefire holds" not in reader_b.get("/")[1]
        desk = Browser(a)
        desk.log_in("edith", "a-long-password-123")
        status, _ = desk.post(reverse("admin:articles_article_transition", args=[article.pk, "publish"]), {})
        assert status == 200  # followed the redirect back to the article
        assert Article.objects.get(pk=article.pk).status == "published"
        status, html = reader_b.get("/articles/ceasefire-holds/")
        assert status == 200 and "Ceasefire holds in the north" in html
        assert "Ceasefire holds in the north" in reader_b.get("/")[1]
        assert "Ceasefire holds in the north" in Browser(a).get("/")[1]


# SQLite under concurrent use


READER_PATHS = ["/", "/?page=2", "/tags/siege/", "/search/?q=siege", "/feeds/rss/", "/sitemap.xml", "/authors/desk-writer/"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the embedded default's locking: SQLite only")
def test_sqlite_saves_never_fail_while_readers_load_pages(static_root, tmp_path):
    """Two editors save (create, tag, submit, publish, edit) as fast as they can for 8 s while 8 readers
    load pages uncached through gunicorn: every save succeeds and every page answers."""
    env = server_env(
        DATABASE_URL=f"sqlite:///{tmp_path / 'masthead.sqlite3'}",
        MASTHEAD_PAGE_CACHE=0,  # every reader request reads the database
        MASTHEAD_CACHE_DIR=tmp_path / "cache",
        DJANGO_STATIC_ROOT=static_root,
    )
    manage(env, "migrate", "--no-input")
    subprocess.run([sys.executable, "-m", "tests.desk_writer", "setup"], cwd=ROOT, env=env, check=True)
    statuses, stop = Counter(), threading.Event()

    with AppServer(env) as server:

        def read():
            reader = Browser(server)
            n = 0
            while not stop.is_set():
                statuses[reader.get(READER_PATHS[n % len(READER_PATHS)])[0]] += 1
                n += 1

        readers = [threading.Thread(target=read) for _ in range(8)]
        for thread in readers:
            thread.start()
        time.sleep(0.5)
        writers = [
            subprocess.Popen([sys.executable, "-m", "tests.desk_writer", "8", name], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, text=True)
            for name in ("alpha", "beta")
        ]
        results = [json.loads(writer.communicate(timeout=120)[0].strip().splitlines()[-1]) for writer in writers]
        stop.set()
        for thread in readers:
            thread.join(30)

    for result in results:
        assert result["errors"] == [], result["errors"][:5]
        assert result["saves"] >= 25
    assert set(statuses) == {200}, statuses
    assert sum(statuses.values()) >= 50
