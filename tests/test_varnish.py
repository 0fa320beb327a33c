"""Varnish in front (deploy/varnish.vcl, articles/varnish.py): a real varnishd with xkey before gunicorn.

An editor's change, made in its own process as the admin would make it, purges exactly the pages
that show it; readers' warning filters keep their own copies; staff and the admin are never cached;
only the app servers may purge; a Varnish that is away never holds up a save.
"""

import http.client
import logging
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from articles import purging
from tests.factories import AuthorFactory
from tests.servers import ROOT, AppServer, collect_static, free_port, manage, port_open, remove, server_env

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
"""

EDIT = """
from articles.models import Article
article = Article.objects.get(slug="a")
article.title = "Shelling near the old bridge"
article.save()
"""


class Varnish:
    """varnishd in the foreground with deploy/varnish.vcl pointed at ``backend_port``; a context manager."""

    def __init__(self, backend_port, purgers=("127.0.0.1",)):
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="masthead-varnish-"))
        vcl = (ROOT / "deploy" / "varnish.vcl").read_text().replace('.port = "8000"', f'.port = "{backend_port}"')
        acl = "".join(f'    "{address}";\n' for address in purgers)
        vcl = vcl.replace('    "127.0.0.1";\n    "::1";\n', acl)
        (self.folder / "masthead.vcl").write_text(vcl)
        self.folder.chmod(0o755)  # varnishd reads it as its own unprivileged user
        (self.folder / "masthead.vcl").chmod(0o644)

    def __enter__(self):
        self.process = subprocess.Popen(
            ["varnishd", "-F", "-n", str(self.folder / "work"), "-a", f"127.0.0.1:{self.port}",
             "-f", str(self.folder / "masthead.vcl"), "-s", "malloc,32m"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        deadline = time.monotonic() + 30
        while not port_open(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.__exit__()
                raise RuntimeError(f"varnishd did not start: {self.process.stdout.read()[-2000:]}")
            time.sleep(0.1)
        return self

    def __exit__(self, *exc):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/"

    def get(self, path, cookie=None, source="127.0.0.1"):
        """(status, X-Cache, body) of GET ``path`` through Varnish."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30, source_address=(source, 0))
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        body = response.read().decode()
        connection.close()
        return response.status, response.getheader("X-Cache"), body

    def purge(self, keys, source):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30, source_address=(source, 0))
        connection.request("PURGE", "/", headers={"xkey-purge": keys})
        status = connection.getresponse().status
        connection.close()
        return status


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


def test_an_edit_purges_exactly_the_pages_showing_it(stack):
    """Pages come from Varnish; an edit committed by the app purges A's page, the lists and the pages
    linking A (through xkey), and leaves U's page, Sudan's and Uma's in Varnish."""
    varnish, env = stack
    showing = ["/articles/a/", "/articles/b/", "/", "/tags/syria/", "/authors/ruth/", "/feeds/rss/"]
    elsewhere = ["/articles/u/", "/tags/sudan/", "/authors/uma/", "/tags/"]
    for path in showing + elsewhere:
        cached(varnish, path)
    manage(env, "shell", "-c", EDIT)
    for path in showing:
        status, state, body = varnish.get(path)
        assert (status, state) == (200, "miss"), path
        assert "Shelling near the old bridge" in body
    for path in elsewhere:
        assert varnish.get(path)[1] == "hit", path


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
