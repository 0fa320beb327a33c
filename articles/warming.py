"""Pages rendered again right after the commit that ended them, so that the first reader does not wait.

Listed among the purgers (``settings.MASTHEAD_PURGERS``, after the page cache's own): when a commit's
keys include the home page's list, the home page is rendered again; when they name articles that
readers may now see (just published or changed), the newest ``ARTICLES`` of their pages are too.
Each page is asked for as an anonymous reader at ``MASTHEAD_BASE_URL`` would ask for it, through
the whole middleware stack, in this process: its page cache entry (``articles/pagecache.py``) is
filled as a reader's request would fill it, taking the render lock, so that readers meanwhile get
the previous copy. An HTTP cache in front fetches the page from the app servers, ready.

The renders run after the commit, in one background thread per process (``BACKGROUND``): the
editor's save does not wait for them (the home page of a large archive takes a good part of a
second to render), pages asked for again while they wait are rendered once, and the thread closes
its database connections when it runs out of pages. A failure is logged, never raised, and never
retried.
"""

import io
import logging
import re
import threading
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.db import connections
from django.http.request import split_domain_port, validate_host

from articles import cachekeys
from articles.models import Article

logger = logging.getLogger(__name__)

ARTICLES = 3  # article pages rendered again per commit at most (a bulk import ends thousands)
_ARTICLE_KEY = re.compile(r"^article:(\d+)$")
BACKGROUND = True  # False: render in the committing thread (tests, whose data no other connection sees)
_handler = None  # per process: the WSGI handler with its middleware loaded
_lock = threading.Lock()
_waiting = []  # paths to render again, in order
_worker = None  # the background thread rendering them, while there are some


def paths(keys):
    """What to render again after ``keys`` ended: the home page and the newest visible changed articles."""
    found = ["/"] if cachekeys.HOME in keys else []
    ids = [int(match.group(1)) for match in map(_ARTICLE_KEY.match, keys) if match]
    if ids:
        newest = Article.objects.published().filter(pk__in=ids).order_by("-published_at", "-pk")
        found += [article.get_absolute_url() for article in newest.only("slug")[:ARTICLES]]
    return found


def _request(path):
    """An anonymous reader's GET of ``path`` at MASTHEAD_BASE_URL."""
    base = urlsplit(settings.MASTHEAD_BASE_URL)
    scheme = base.scheme or "http"
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": unquote(path).encode().decode("iso-8859-1"),  # as a WSGI server passes it
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "HTTP_HOST": base.netloc,
        "SERVER_NAME": base.hostname or "localhost",
        "SERVER_PORT": str(base.port or (443 if scheme == "https" else 80)),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": scheme,
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
    }
    if settings.SECURE_PROXY_SSL_HEADER and scheme == "https":
        header, value = settings.SECURE_PROXY_SSL_HEADER
        environ[header] = value
    return WSGIRequest(environ)


def warm(path):
    """Ask for ``path`` as a reader would, in this process; the cache's answer (miss, hit, stale)."""
    global _handler
    if _handler is None:
        _handler = WSGIHandler()
    response = _handler.get_response(_request(path))
    if response.status_code != 200:
        logger.warning("Rendering %s again after a change answered %s.", path, response.status_code)
    return response.get("X-Masthead-Cache")


def _render_waiting():
    """Render the waiting paths one by one until none is left."""
    global _worker
    while True:
        with _lock:
            if not _waiting:
                _worker = None
                return
            path = _waiting.pop(0)
        try:
            warm(path)
        except Exception:  # rendering ahead is a courtesy: the save is made, readers will render it
            logger.exception("Rendering %s again after a change failed.", path)


def _in_background():
    try:
        _render_waiting()
    finally:
        connections.close_all()  # this thread's own


def schedule(found):
    """Render ``found`` paths again: in the background thread (started if need be), or now."""
    global _worker
    with _lock:
        _waiting.extend(path for path in found if path not in _waiting)
        if not BACKGROUND or _worker is not None:
            start = False
        else:
            start = _worker = threading.Thread(target=_in_background, name="masthead-warming", daemon=True)
    if start:
        start.start()
    elif not BACKGROUND:
        _render_waiting()


class Warmer:
    """Renders again the pages readers ask for first among those a commit ended (see the module docstring)."""

    def purge(self, keys, withdrawn=frozenset()):
        if not (settings.MASTHEAD_PAGE_CACHE and settings.MASTHEAD_WARM_PAGES):
            return
        host, _ = split_domain_port(urlsplit(settings.MASTHEAD_BASE_URL).netloc)
        if not validate_host(host, settings.ALLOWED_HOSTS):
            return  # this server does not answer for MASTHEAD_BASE_URL: nothing to render for it
        try:
            schedule(paths({*keys, *withdrawn}))
        except Exception:
            logger.exception("Rendering pages again after a change failed.")
