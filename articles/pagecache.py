"""The shared page cache for anonymous readers: pages kept whole, each ended by what it shows.

A public page is kept whole (status, content type, body) in Django's default cache, shared by
every worker and, with Redis, every app server, under a key made of the scheme, host, path and
sorted query string, and the reader's warning filter cookie (normalised: it decides what lists
show). Beside it the page keeps the **dependency keys** of what it showed (``articles/cachekeys.py``:
``article:12``, ``tag:7``, ``list:home``…) and when its render began.

A change ends keys, not pages: ``end(keys)`` records, per key, when it ended (the app-cache purger
in ``articles/purging.py`` calls it on commit). A page is served only while none of its keys ended
after its render began, so an edit ends exactly the pages
that showed what it changed, on every app server, and pages can otherwise stay for hours
(``MASTHEAD_PAGE_CACHE_SECONDS``). Time still ends pages at the next scheduled publication: no page
is kept past it, so a scheduled article appears at its time with no job running.

Each end() also renews the ledger's version, read with the page itself (one ``get_many``): while
it is unchanged, what a process has already read of the ledger still holds, so a hit usually costs
one round trip to Redis (or two files), however many keys the page has.

Times are each app server's clock: with several servers, ``MASTHEAD_CACHE_CLOCK_SKEW`` (seconds) must
be at least how far their clocks may differ (NTP keeps them within milliseconds); a page whose render
began within that margin after one of its keys ended is not trusted and is rendered again.

Never cached: logged-in people (staff see what readers see but never fill or read the cache),
anything but GET and HEAD, responses that set a cookie or say ``private``/``no-store``, and
statuses other than 200, 301 and 404 (a 404 depends on ``missing``). Previews and share links are
not wrapped at all.

**Stampede-proof.** A page whose keys ended is not dropped: of the requests that find it so, the
one that takes its render lock (``cache.add``: Redis ``SET NX``, a hard link with the file cache,
``cms/caches.py``) renders it, while the others get the previous copy, marked ``stale``, for up
to ``MASTHEAD_STALE_SECONDS`` after the change — never for a withdrawal (``end(keys, withdrawn)``:
an article unpublished or deleted, warnings changed, which a reader must not be shown even for a
few seconds), never past the page's own lifetime (a scheduled publication), and never when the
cache cannot say. With no copy to serve they wait up to ``RENDER_WAIT`` seconds for the renderer's
page before rendering it themselves (a renderer that died frees its lock after ``LOCK_SECONDS``).

Every response a reader gets carries an ETag, a ``Cache-Control`` fit for a CDN and its keys as
``Surrogate-Key``, ``xkey`` and ``Cache-Tag``; a matching ``If-None-Match`` is answered 304. If
the cache is unreachable (Redis down) pages are served uncached, with one log line every
``_RETRY_SECONDS`` per process.
"""

import hashlib
import logging
import math
import os
import time
import uuid
from functools import wraps
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.core.handlers.exception import response_for_exception
from django.http import Http404, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from articles import cachekeys, filters
from articles.models import Article

logger = logging.getLogger(__name__)

CACHED_STATUSES = frozenset({200, 301, 404})
HIT_HEADER = "X-Masthead-Cache"
ENDED_PREFIX = "pages:ended:"
WITHDRAWN_PREFIX = "pages:withdrawn:"
LOCK_PREFIX = "pages:rendering:"
LOCK_SECONDS = 30  # a render lock outlives any render; a process that died holding it frees it so
RENDER_WAIT = 3.0  # seconds a request with no copy to serve waits for another's render
_WAIT_STEP = 0.02
LEDGER_VERSION = "pages:ended-version"  # renewed by every end(): what a process read of the ledger still holds
_MEMO_SIZE = 200_000
_memo = {"version": None, "ended": {}}  # per process: the ledger as read while its version was "version"
LEDGER = "pages-ledger"  # the cache alias of the ended keys, when settings define one
_RETRY_SECONDS = 5.0
_down_until = 0.0  # per process: after a cache error, skip the cache until then


# --- the cache, failing open -------------------------------------------------------------------------


def _available():
    return time.monotonic() >= _down_until


def _failed(error):
    global _down_until
    if _available():
        logger.warning("Page cache unavailable (%s); serving pages uncached for %ss.", error, _RETRY_SECONDS)
    _down_until = time.monotonic() + _RETRY_SECONDS


def _cache(alias):
    """The pages' cache, or the ledger of ended keys: its own cache where settings give it one (the
    file cache culls entries at random when full, and a lost ledger entry would leave a page stale)."""
    return caches[alias if alias in settings.CACHES else "default"]


def _call(method, *args, alias="default", **kwargs):
    """``cache.method(*args)``, or None when the cache is unreachable."""
    if not _available():
        return None
    try:
        return getattr(_cache(alias), method)(*args, **kwargs)
    except Exception as error:  # any backend's connection error: readers still get their page
        _failed(error)
        return None


# --- keys ending ----------------------------------------------------------------------------------------


def end(keys, withdrawn=()):
    """Pages showing any of ``keys`` or ``withdrawn`` are no longer served as they are (called on
    commit, by articles/purging.py); those showing any of ``withdrawn`` are not served stale either.
    Returns False if the cache could not be told."""
    if not keys and not withdrawn:
        return True
    now = time.time()
    entries = {ENDED_PREFIX + key: now for key in {*keys, *withdrawn}}
    entries.update({WITHDRAWN_PREFIX + key: now for key in withdrawn})
    entries[LEDGER_VERSION] = uuid.uuid4().hex  # last, and with them (Redis: one MSET)
    # Kept a little longer than any page may live: a page older than that is gone anyway.
    timeout = settings.MASTHEAD_PAGE_CACHE_SECONDS + 60
    return _call("set_many", entries, timeout, alias=LEDGER) is not None


def ended_times(keys):
    """When each of ``keys`` last ended, by key (those that never did are left out), or None when the
    cache cannot say. Pages and the fragments of articles/fragments.py are judged by it."""
    if not keys:
        return {}
    ended = _call("get_many", [ENDED_PREFIX + key for key in keys], alias=LEDGER)
    if ended is None:
        return None
    return {name.removeprefix(ENDED_PREFIX): when for name, when in ended.items()}


def unchanged_since(rendered, keys, ended):
    """None of ``keys`` ended (``ended``: from ended_times) after ``rendered``, when a render began."""
    return all(ended.get(key, -math.inf) < rendered - settings.MASTHEAD_CACHE_CLOCK_SKEW for key in keys)


def get_many(keys):
    """``cache.get_many(keys)`` on the pages' cache: {} when it is unreachable (articles/fragments.py)."""
    return _call("get_many", keys) or {}


def set_many(values, timeout):
    """``cache.set_many(values, timeout)`` on the pages' cache; nothing when it is unreachable."""
    _call("set_many", values, timeout)

def _ended(keys, version):
    """When each of ``keys`` last ended (0.0: not within the ledger's memory), or None if the cache
    cannot say. While the ledger's version is the one read with the page, what this process has
    already read of it still holds: only keys it has not read yet are asked for."""
    if version is None:  # never renewed yet (or expired): start one, for the next requests
        _call("add", LEDGER_VERSION, uuid.uuid4().hex, settings.MASTHEAD_PAGE_CACHE_SECONDS + 60, alias=LEDGER)
    if version is None or _memo["version"] != version:
        _memo.update(version=version, ended={})
    known = _memo["ended"]
    missing = [key for key in keys if key not in known] if version is not None else list(keys)
    if missing:
        got = _call("get_many", [ENDED_PREFIX + key for key in missing], alias=LEDGER)
        if got is None:
            return None
        if len(known) > _MEMO_SIZE:
            known.clear()
        fetched = {key: got.get(ENDED_PREFIX + key, 0.0) for key in missing}
        if version is None:
            return fetched
        known.update(fetched)
    return {key: known[key] for key in keys}


FRESH, STALE, ENDED = "fresh", "stale", "ended"


def _freshness(page, version=None):
    """FRESH: none of the page's keys ended after its render began; STALE: some did, at most
    MASTHEAD_STALE_SECONDS ago, none withdrawn, so the page may be served while another request
    renders it; else ENDED (also when the cache cannot say)."""
    if not page.keys:
        return FRESH
    ended = _ended(page.keys, version)
    if ended is None:
        return ENDED
    since = page.rendered - settings.MASTHEAD_CACHE_CLOCK_SKEW
    after = {key: when for key, when in ended.items() if when >= since}
    if not after:
        return FRESH
    now = time.time()
    if now - min(after.values()) > settings.MASTHEAD_STALE_SECONDS or now >= page.expires:
        return ENDED
    withdrawn = _call("get_many", [WITHDRAWN_PREFIX + key for key in after], alias=LEDGER)
    if withdrawn is None or any(when >= since for when in withdrawn.values()):
        return ENDED
    return STALE


def lifetime():
    """How long a page rendered now may be kept: MASTHEAD_PAGE_CACHE_SECONDS, and never past the next
    scheduled publication (one short read of the publication-time index)."""
    seconds = settings.MASTHEAD_PAGE_CACHE_SECONDS
    when = Article.objects.next_publication()
    if when is not None:
        seconds = min(seconds, max(1, math.ceil(when.timestamp() - time.time())))
    return seconds


# --- pages --------------------------------------------------------------------------------------------


def page_key(request):
    """The cache key of this request's page: pages hold absolute links (canonical, feeds, sitemap), so
    the scheme and host count as well as the path, query and warning filter."""
    query = "&".join(sorted(request.META.get("QUERY_STRING", "").split("&")))
    preference = ",".join(sorted(filters.preferred_slugs(request)))
    where = f"{request.scheme}://{request.get_host()}{request.path}"
    digest = hashlib.sha256(f"{where}\n{query}\n{preference}".encode()).hexdigest()[:40]
    return f"pages:{digest}"


def _is_reader(request):
    """An anonymous GET or HEAD: the only requests the cache serves or keeps pages for."""
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True  # no session, so nobody logged in: decided without a query
    return not request.user.is_authenticated


def _has_filter(request):
    """The reader's warning filter (cookie or ``?hide=``) shapes this page's lists and links."""
    return filters.QUERY_PARAM in request.GET or settings.MASTHEAD_FILTER_COOKIE_NAME in request.COOKIES


def _cacheable(response):
    if response.status_code not in CACHED_STATUSES or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "")
    return "private" not in control and "no-store" not in control and "no-cache" not in control


class Page(NamedTuple):
    """What the cache keeps of a response, with what it showed and when its render began."""

    status: int
    content_type: str
    headers: tuple
    content: bytes
    etag: str
    keys: tuple
    rendered: float
    expires: float


_KEPT_HEADERS = ("Location", "Content-Language", "X-Robots-Tag")
_REVALIDATION_HEADERS = (HIT_HEADER, "Surrogate-Control", "Surrogate-Key", "xkey", "Cache-Tag")


def _page(response, keys, rendered, seconds):
    content = response.content
    headers = tuple((name, response[name]) for name in _KEPT_HEADERS if response.has_header(name))
    etag = f'"{hashlib.blake2b(content, digest_size=12).hexdigest()}"'
    keys = tuple(sorted(keys))
    return Page(response.status_code, response["Content-Type"], headers, content, etag, keys, rendered, rendered + seconds)


def _response(page):
    response = HttpResponse(page.content, status=page.status, content_type=page.content_type)
    for name, value in page.headers:
        response[name] = value
    return response


def _render(view, request, *args, **kwargs):
    """The view's response, rendered now, and the keys it declared; a page not found becomes its 404
    response, which is kept too (until anything can make a new address exist)."""
    with cachekeys.collecting() as keys:
        try:
            response = view(request, *args, **kwargs)
        except Http404 as error:
            response = response_for_exception(request, error)
        render = getattr(response, "render", None)
        if callable(render):
            response = render()
    if response.status_code == 404:
        keys.add(cachekeys.MISSING)
    if _has_filter(request):
        keys.add(cachekeys.WARNINGS)
    return response, keys


def _cached_page(key):
    """The page kept under ``key`` and its freshness, or (None, ENDED). The page and the ledger's
    version are read together (one round trip to Redis) unless the ledger is a cache of its own."""
    if LEDGER in settings.CACHES:
        page = _call("get", key)
        version = _call("get", LEDGER_VERSION, alias=LEDGER) if page is not None else None
    else:
        got = _call("get_many", [key, LEDGER_VERSION]) or {}
        page, version = got.get(key), got.get(LEDGER_VERSION)
    if page is None or not isinstance(page, Page):
        return None, ENDED
    return page, _freshness(page, version)


def _render_lock(key):
    """True if this request may render the page under ``key`` now: no other request is rendering it."""
    return bool(_call("add", LOCK_PREFIX + key, os.getpid(), LOCK_SECONDS))


def _awaited_page(key):
    """The fresh page another request is rendering under ``key``, waited for up to RENDER_WAIT seconds."""
    for _ in range(math.ceil(RENDER_WAIT / _WAIT_STEP)):  # counted, not timed: immune to the clock
        if not _available():
            break
        time.sleep(_WAIT_STEP)
        page, freshness = _cached_page(key)
        if freshness == FRESH:
            return page
    return None


def _rendered_page(view, request, key, *args, **kwargs):
    """Render the page now and keep it under ``key`` (if any); (response, page), page None if the
    response may not be kept."""
    rendered = time.time()
    response, keys = _render(view, request, *args, **kwargs)
    if not _cacheable(response):
        return response, None
    page = _page(response, keys, rendered, lifetime() if key else 0)
    if key:
        _call("set", key, page, page.expires - rendered)
    return response, page


def _surrogate_control(page, state):
    """How long an HTTP cache in front may keep the page (deploy/varnish.vcl), and how long it may
    serve it stale while fetching it again: not a stale copy, nor a page that ends at a scheduled
    publication (the article must appear at its time)."""
    remaining = max(0, int(page.expires - time.time()))
    if state == "stale":
        return "max-age=0"
    bounded = page.expires - page.rendered < settings.MASTHEAD_PAGE_CACHE_SECONDS
    grace = 0 if bounded else settings.MASTHEAD_STALE_SECONDS
    return f"max-age={remaining}, stale-while-revalidate={grace}"


def _answer(view, request, key, *args, **kwargs):
    """(response, page, state) for a reader: the kept page if fresh; else rendered by this request if
    it takes the render lock; else the previous copy if it may be served stale; else the page another
    request renders, waited for; else rendered here. ``key`` None: the cache is off or away."""
    page, freshness = _cached_page(key) if key else (None, ENDED)
    if freshness == FRESH:
        return _response(page), page, "hit"
    if key and _render_lock(key):
        try:
            page, freshness = _cached_page(key)  # a render may have ended just before the lock was taken
            if freshness == FRESH:
                return _response(page), page, "hit"
            response, page = _rendered_page(view, request, key, *args, **kwargs)
            return response, page, "miss" if _available() else "off"
        finally:
            _call("delete", LOCK_PREFIX + key)
    if freshness == STALE:
        return _response(page), page, "stale"
    page = _awaited_page(key) if key else None
    if page is not None:
        return _response(page), page, "hit"
    response, page = _rendered_page(view, request, key, *args, **kwargs)
    return response, page, "miss" if key and _available() else "off"


def cache_for_readers(view):
    """Serve ``view`` to anonymous readers from the shared page cache (see the module docstring)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not _is_reader(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True)
            return response

        key = page_key(request) if settings.MASTHEAD_PAGE_CACHE and _available() else None
        response, page, state = _answer(view, request, key, *args, **kwargs)
        if page is None:
            return response  # not to be kept (a cookie set, private, an error)
        response[HIT_HEADER] = state
        response["ETag"] = page.etag
        if state != "off":  # how long an HTTP cache in front may keep it (deploy/varnish.vcl)
            response["Surrogate-Control"] = _surrogate_control(page, state)
        if page.keys:
            response["Surrogate-Key"] = response["xkey"] = " ".join(page.keys)  # Fastly, Varnish
            response["Cache-Tag"] = ",".join(page.keys)  # Cloudflare
        patch_vary_headers(response, ["Cookie"])
        patch_cache_control(response, public=True, max_age=settings.MASTHEAD_CDN_MAX_AGE, must_revalidate=True)
        answer = get_conditional_response(request, etag=page.etag, response=response)
        if answer is not response:  # 304: an HTTP cache revalidating its copy keeps it as long, with these keys
            for name in _REVALIDATION_HEADERS:
                if response.has_header(name):
                    answer[name] = response[name]
        return answer

    return wrapped
