"""Varnish in front (deploy/varnish.vcl, articles/varnish.py): a real varnishd with xkey before gunicorn.

An editor's change, made in its own process as the admin would make it, purges exactly the pages
that show it (softly: the previous copy is served while one fetch renders it again; a withdrawal
outright); a burst of readers after a purge makes one backend request; readers' warning filters
keep their own copies; staff and the admin are never cached; only the app servers may purge; a
Varnish that is away never holds up a save.
"""

import logging
import shutil
import tempfile
import threading
import time
from pathlib import Path

import pytest

from articles import purging
from tests.factories import AuthorFactory
from tests.servers import AppServer, Varnish, collect_static, free_port, manage, remove, server_env

VMOD = Path("/usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so")
pytestmark = [
    pytest.mark.deployment,
    pytest.mark.skipif(shutil.which("varnishd") is None, reason="varnishd is not installed (make test installs "
                       "Debian's varnish and varnish-modules)"),
    pytest.mark.skipif(not VMOD.exists() and not list(Path("/usr/lib").glob("*/varnish/vmods/libvmod_xkey.so")),
                       reason="the xkey vmod is not installed (Debian's varnish-modules)"),
]

ARCHIVE = """
from datetime import timedelta
from django.utils import timezone
from articles.models import ContentWarning
from tests.factories import ArticleFactory, AuthorFactory
now = timezone.now()
ruth = AuthorFactory(name="Reporter Ruth", slug="ruth")
uma = AuthorFactory(name="Uma Unrelated", slug="uma")
ArticleFactory(title="Floods in Darfur", slug="u", author=uma, tags=["Sudan"], decided=True,
               published_at=now - timedelta(days=30))
ArticleFactory(title="Port reopens", slug="x", author=uma, tags=["Yemen"], decided=True,
               published_at=now - timedelta(days=20))
ArticleFactory(title="Shelling near the river", slug="a", author=ruth, tags=["Syria"], decided=True,
               published_at=now - timedelta(days=2))
ArticleFactory(title="Aftermath in the square", slug="b", author=ruth, tags=["Syria"], decided=True,
               warnings=[ContentWarning.objects.get(slug="graphic-violence")], published_at=now - timedelta(days=1))
ArticleFactory(title="Court papers leaked", slug="w", author=AuthorFactory(name="Wes", slug="wes"), tags=["Libya"],
               decided=True, published_at=now - timedelta(days=60))
ArticleFactory(title="Harbour crowds", slug="h", author=AuthorFactory(name="Hana", slug="hana"), tags=["Oman"],
               decided=True, published_at=now - timedelta(days=90))
"""

WITHDRAW = """
from articles.models import Article
article = Article.objects.get(slug="w")
article.status = "draft"
article.save()
"""

EDIT = """
from articles.models import Article
article = Article.objects.get(slug="a")
article.title = "Shelling near the old bridge"
article.save()
"""


@pytest.fixture(scope="module")
def stack():
    """A migrated SQLite archive served by gunicorn behind Varnish; the environment edits run with."""
    folder = Path(tempfile.mkdtemp(prefix="masthead-varnish-site-"))
    static_root = collect_static(server_env())
    env = server_env(DATABASE_URL=f"sqlite:///{folder / 'site.sqlite3'}", MASTHEAD_CACHE_DIR=str(folder / "cache"),
                     DJANGO_STATIC_ROOT=static_root)
    manage(env, "migrate", "--no-input")
    manage(env, "shell", "-c", ARCHIVE)
    with AppServer(env) as app, Varnish(app.port) as varnish:
        yield varnish, {**env, "MASTHEAD_VARNISH_URLS": varnish.url}
    remove(static_root)
    shutil.rmtree(folder, ignore_errors=True)


def cached(varnish, path, cookie=None):
    """Ask twice: the second answer must come from Varnish."""
    varnish.get(path, cookie)
    status, state, body = varnish.get(path, cookie)
    assert state == "hit", path
    return body


def fetched_again(varnish, path, text, seconds=10):
    """Ask until the page shows ``text`` (Varnish fetches it in the background); the answers before."""
    deadline, before = time.monotonic() + seconds, []
    while time.monotonic() < deadline:
        status, state, body = varnish.get(path)
        if text in body:
            return before
        before.append((status, state, body))
        time.sleep(0.05)
    raise AssertionError(f"{path} never showed {text!r}")


def test_an_edit_purges_exactly_the_pages_showing_it(stack):
    """Pages come from Varnish; an edit committed by the app purges A's page, the lists and the pages
    linking A (through xkey), softly: the first reader gets the previous copy while Varnish fetches
    the page again; and it leaves U's page, Sudan's and Uma's in Varnish, never fetched again."""
    varnish, env = stack
    showing = ["/articles/a/", "/articles/b/", "/", "/tags/syria/", "/authors/ruth/", "/feeds/rss/"]
    elsewhere = ["/articles/u/", "/tags/sudan/", "/authors/uma/", "/tags/"]
    for path in showing + elsewhere:
        cached(varnish, path)
    manage(env, "shell", "-c", EDIT)
    for path in showing:
        status, state, body = varnish.get(path)
        assert (status, "Shelling near the river" in body) == (200, True), path  # the previous copy
        fetched_again(varnish, path, "Shelling near the old bridge")
    requests = varnish.backend_requests()
    for path in elsewhere:
        assert varnish.get(path)[1] == "hit", path
    assert varnish.backend_requests() == requests


def test_a_withdrawn_article_is_never_served_from_a_previous_copy(stack):
    """An article unpublished is purged outright: the very next reader of any page that showed it
    gets a page without it."""
    varnish, env = stack
    for path in ["/articles/w/", "/tags/libya/", "/authors/wes/", "/"]:
        assert "Court papers leaked" in cached(varnish, path)
    manage(env, "shell", "-c", WITHDRAW)
    assert varnish.get("/articles/w/")[0] == 404
    for path in ["/tags/libya/", "/authors/wes/", "/"]:
        status, state, body = varnish.get(path)
        assert state == "miss" and "Court papers leaked" not in body, path


def _burst(varnish, path, count=8):
    barrier, answers = threading.Barrier(count), []

    def read():
        barrier.wait()
        answers.append(varnish.get(path))

    readers = [threading.Thread(target=read) for _ in range(count)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join(30)
    return answers


@pytest.mark.parametrize("header", ["xkey-softpurge", "xkey-purge"])
def test_a_burst_after_a_purge_makes_one_backend_request(stack, header):
    """Eight readers ask at once for a page just purged, softly (served stale meanwhile) or outright
    (they wait for the one fetch): Varnish asks the app once."""
    varnish, env = stack
    cached(varnish, "/articles/h/")
    requests = varnish.backend_requests()
    assert varnish.purge("adjacent:*", source="127.0.0.1", header=header) == 200  # every article page
    answers = _burst(varnish, "/articles/h/")
    assert len(answers) == 8 and all(status == 200 for status, _, _ in answers)
    time.sleep(0.5)  # a background fetch after the stale answers
    assert varnish.backend_requests() == requests + 1


def test_readers_warning_filters_keep_their_own_copies(stack):
    """The hide_warnings cookie is part of Varnish's key: a filtered reader never gets the unfiltered page."""
    varnish, _ = stack
    everything = cached(varnish, "/")
    filtered = cached(varnish, "/", cookie="hide_warnings=graphic-violence; csrftoken=abc")
    assert "Aftermath in the square" in everything
    assert "Aftermath in the square" not in filtered and "1 article hidden" in filtered
    assert varnish.get("/", cookie="csrftoken=other")[1] == "hit"  # other cookies do not split the cache


def test_staff_and_the_admin_are_never_cached(stack):
    """A request with a session cookie, and anything under /admin/, goes to the app every time."""
    varnish, _ = stack
    cached(varnish, "/articles/u/")
    for _ in range(2):
        assert varnish.get("/articles/u/", cookie="sessionid=someone")[1] == "miss"
        assert varnish.get("/admin/login/")[1] == "miss"


def test_only_the_app_servers_may_purge(stack):
    """A PURGE from an address outside the acl is refused; from an app server it works."""
    varnish, _ = stack
    cached(varnish, "/tags/yemen/")
    assert varnish.purge("list:tags", source="127.0.0.2") == 403
    assert varnish.get("/tags/yemen/")[1] == "hit"
    assert varnish.purge("missing", source="127.0.0.1") == 200


@pytest.mark.django_db
def test_a_varnish_that_is_away_never_holds_up_a_save(settings, caplog, django_capture_on_commit_callbacks):
    """With Varnish unreachable the save commits, the failure is logged, and the keys go again next time."""
    settings.MASTHEAD_VARNISH_URLS = [f"http://127.0.0.1:{free_port()}/"]
    settings.MASTHEAD_PURGERS = ["articles.purging.PageCachePurger", "articles.varnish.VarnishPurger"]
    with caplog.at_level(logging.WARNING, logger="articles.purging"):
        started = time.monotonic()
        author = AuthorFactory(name="Before")
        with django_capture_on_commit_callbacks(execute=True):
            author.name = "After"
            author.save()
        assert time.monotonic() - started < settings.MASTHEAD_VARNISH_TIMEOUT + 5
    assert any("VarnishPurger failed" in record.getMessage() for record in caplog.records)
    assert purging._retry["articles.varnish.VarnishPurger"]
    purging._retry.clear()
