"""The shared page cache for anonymous readers: pages kept whole, each ended by what it shows.

A public page is kept whole (status, content type, body) in Django's default cache, shared by
every worker and, with Redis, every app server, under a key made of the scheme, host, path and
sorted query string, and the reader's warning filter cookie (normalised: it decides what lists
show). Beside it the page keeps the **dependency keys** of what it showed (``articles/cachekeys.py``:
``article:12``, ``tag:7``, ``list:home``…) and when its render began.

A change ends keys, not pages: ``end(keys)`` records, per key, when it ended (the app-cache purger
in ``articles/purging.py`` calls it on commit). A page is served only while none of its keys ended
after its render began (one ``get_many`` of its keys per hit), so an edit ends exactly the pages
that showed what it changed, on every app server, and pages can otherwise stay for hours
(``MASTHEAD_PAGE_CACHE_SECONDS``). Time still ends pages at the next scheduled publication: no page
is kept past it, so a scheduled article appears at its time with no job running.

Times are each app server's clock: with several servers, ``MASTHEAD_CACHE_CLOCK_SKEW`` (seconds) must
be at least how far their clocks may differ (NTP keeps them within milliseconds); a page whose render
began within that margin after one of its keys ended is not trusted and is rendered again.

Never cached: logged-in people (staff see what readers see but never fill or read the cache),
anything but GET and HEAD, responses that set a cookie or say ``private``/``no-store``, and
statuses other than 200, 301 and 404 (a 404 depends on ``missing``). Previews and share links are
not wrapped at all.

Every response a reader gets carries an ETag, a ``Cache-Control`` fit for a CDN and its keys as
``Surrogate-Key``, ``xkey`` and ``Cache-Tag``; a matching ``If-None-Match`` is answered 304. If
the cache is unreachable (Redis down) pages are served uncached, with one log line every
``_RETRY_SECONDS`` per process.
"""

import hashlib
import logging
import math
import time
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


def end(keys):
    """Pages showing any of ``keys`` are no longer served (called on commit, by articles/purging.py).
    Returns False if the cache could not be told."""
    if not keys:
        return True
    now = time.time()
    # Kept a little longer than any page may live: a page older than that is gone anyway.
    timeout = settings.MASTHEAD_PAGE_CACHE_SECONDS + 60
    return _call("set_many", {ENDED_PREFIX + key: now for key in keys}, timeout, alias=LEDGER) is not None


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


def _still_valid(page):
    """None of the page's keys ended after its render began (None: the cache cannot say)."""
    ended = ended_times(page.keys)
    return None if ended is None else unchanged_since(page.rendered, page.keys, ended)


def get_many(keys):
    """``cache.get_many(keys)`` on the pages' cache: {} when it is unreachable (articles/fragments.py)."""
    return _call("get_many", keys) or {}


def set_many(values, timeout):
    """``cache.set_many(values, timeout)`` on the pages' cache; nothing when it is unreachable."""
    _call("set_many", values, timeout)


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
    """The page kept under ``key`` if it may still be served, else None."""
    page = _call("get", key)
    if page is None or not isinstance(page, Page):
        return None
    return page if _still_valid(page) else None


def cache_for_readers(view):
    """Serve ``view`` to anonymous readers from the shared page cache (see the module docstring)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not _is_reader(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True)
            return response

        key = page_key(request) if settings.MASTHEAD_PAGE_CACHE and _available() else None
        page = _cached_page(key) if key else None
        if page is not None:
            response, state = _response(page), "hit"
        else:
            rendered = time.time()
            response, keys = _render(view, request, *args, **kwargs)
            if not _cacheable(response):
                return response
            page = _page(response, keys, rendered, lifetime() if key else 0)
            if key:
                _call("set", key, page, page.expires - rendered)
            state = "miss" if key and _available() else "off"
        response[HIT_HEADER] = state
        response["ETag"] = page.etag
        if state != "off":  # how long an HTTP cache in front may keep it (deploy/varnish.vcl)
            response["Surrogate-Control"] = f"max-age={max(0, int(page.expires - time.time()))}"
        if page.keys:
            response["Surrogate-Key"] = response["xkey"] = " ".join(page.keys)  # Fastly, Varnish
            response["Cache-Tag"] = ",".join(page.keys)  # Cloudflare
        patch_vary_headers(response, ["Cookie"])
        patch_cache_control(response, public=True, max_age=settings.MASTHEAD_CDN_MAX_AGE, must_revalidate=True)
        return get_conditional_response(request, etag=page.etag, response=response)

    return wrapped
