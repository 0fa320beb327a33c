"""The shared page cache for anonymous readers: what a cached page depends on, and when it ends.

A public page is kept whole (status, content type, body) in Django's default cache, shared by
every worker and, with Redis, every app server. Its key is made of:

- the **generation**: a random token that every change readers could see replaces, on commit
  (``invalidate``; the model signals in ``articles/signals.py`` call it), so the first request
  after an editor's action renders afresh. The generation itself expires at the next scheduled
  publication, so a scheduled article appears at its time with no job running;
- the scheme, host, path and query string (sorted): the page number, the search and ``?hide=``,
  and the absolute links a page holds;
- the reader's warning filter cookie, normalised, since it decides what lists show.

Never cached: logged-in people (staff see what readers see but never fill or read the cache),
anything but GET and HEAD, responses that set a cookie or say ``private``/``no-store``, and
statuses other than 200, 301 and 404. Previews and share links are not wrapped at all.

Every response a reader gets carries an ETag and a ``Cache-Control`` fit for a CDN; a matching
``If-None-Match`` is answered 304. If the cache is unreachable (Redis down) pages are served
uncached, with one log line every ``_RETRY_SECONDS`` per process.
"""

import hashlib
import logging
import math
import secrets
import threading
import time
from contextlib import contextmanager
from functools import wraps
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.core.handlers.exception import response_for_exception
from django.http import Http404, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from articles import filters

logger = logging.getLogger(__name__)

GENERATION_KEY = "pages:generation"
CACHED_STATUSES = frozenset({200, 301, 404})
HIT_HEADER = "X-Masthead-Cache"
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


def _call(method, *args, **kwargs):
    """``cache.method(*args)``, or None when the cache is unreachable."""
    if not _available():
        return None
    try:
        return getattr(cache, method)(*args, **kwargs)
    except Exception as error:  # any backend's connection error: readers still get their page
        _failed(error)
        return None


# --- the generation ----------------------------------------------------------------------------------


def _new_generation():
    """A new token, and how long it may last: until the next scheduled publication, at most the page lifetime."""
    from articles.models import Article

    lifetime = settings.MASTHEAD_PAGE_CACHE_SECONDS
    when = Article.objects.next_publication()
    if when is not None:
        lifetime = min(lifetime, max(1, math.ceil(when.timestamp() - time.time())))
    return secrets.token_hex(8), lifetime


def _renew():
    token, timeout = _new_generation()
    _call("set", GENERATION_KEY, token, timeout)


_batch = None  # while a bulk job runs (batched_renewals): {"every": seconds, "last": monotonic, "due": bool}


def _renew_on_commit():
    """Renew now, or, inside batched_renewals, at most once every few seconds (and once at the end)."""
    if _batch is None:
        _renew()
        return
    if time.monotonic() - _batch["last"] >= _batch["every"]:
        _renew()
        _batch.update(last=time.monotonic(), due=False)
    else:
        _batch["due"] = True


_requests = threading.local()  # per thread, as database connections are: renewals asked for, and done


def invalidate():
    """Something readers could see changed: cached pages end when the current transaction commits.

    Every change asks (transaction.on_commit); the first of a commit's callbacks renews once for all
    asked so far in this thread, and the rest find themselves answered. A rolled-back transaction's
    callbacks never run, and the next commit's renewal covers them."""
    asked = getattr(_requests, "asked", 0) + 1
    _requests.asked = asked

    def renew_if_still_due():
        if asked > getattr(_requests, "done", 0):
            _requests.done = _requests.asked
            _renew_on_commit()

    transaction.on_commit(renew_if_still_due)


@contextmanager
def batched_renewals(every=1.0):
    """For bulk jobs committing many small transactions (an import: one per file): cached pages end at
    most once every ``every`` seconds while it runs, and once more when it ends, instead of at every
    commit. Readers see each change within ``every`` seconds."""
    global _batch
    outer, _batch = _batch, {"every": every, "last": time.monotonic(), "due": False}
    try:
        yield
    finally:
        due = _batch["due"]
        _batch = outer
        if due:
            _renew()


def current_generation():
    """The token cached pages are keyed on now, or None (cache unreachable: don't cache)."""
    token = _call("get", GENERATION_KEY)
    if token is not None:
        return token
    # None yet (first request, eviction, or the next scheduled publication arrived): start one.
    # add() never overwrites a generation an editor's commit has just set.
    token, timeout = _new_generation()
    if _call("add", GENERATION_KEY, token, timeout):
        return token
    return _call("get", GENERATION_KEY)


# --- pages --------------------------------------------------------------------------------------------


def page_key(request, generation):
    """The cache key of this request's page under ``generation``: pages hold absolute links (canonical,
    feeds, sitemap), so the scheme and host count as well as the path, query and warning filter."""
    query = "&".join(sorted(request.META.get("QUERY_STRING", "").split("&")))
    preference = ",".join(sorted(filters.preferred_slugs(request)))
    where = f"{request.scheme}://{request.get_host()}{request.path}"
    digest = hashlib.sha256(f"{where}\n{query}\n{preference}".encode()).hexdigest()[:40]
    return f"pages:{generation}:{digest}"


def _is_reader(request):
    """An anonymous GET or HEAD: the only requests the cache serves or keeps pages for."""
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True  # no session, so nobody logged in: decided without a query
    return not request.user.is_authenticated


def _cacheable(response):
    if response.status_code not in CACHED_STATUSES or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "")
    return "private" not in control and "no-store" not in control and "no-cache" not in control


class Page(NamedTuple):
    """What the cache keeps of a response."""

    status: int
    content_type: str
    headers: tuple
    content: bytes
    etag: str


_KEPT_HEADERS = ("Location", "Content-Language", "X-Robots-Tag")


def _page(response):
    content = response.content
    headers = tuple((name, response[name]) for name in _KEPT_HEADERS if response.has_header(name))
    etag = f'"{hashlib.blake2b(content, digest_size=12).hexdigest()}"'
    return Page(response.status_code, response["Content-Type"], headers, content, etag)


def _response(page):
    response = HttpResponse(page.content, status=page.status, content_type=page.content_type)
    for name, value in page.headers:
        response[name] = value
    return response


def _render(view, request, *args, **kwargs):
    """The view's response, rendered now; a page not found becomes its 404 response, which is kept too."""
    try:
        response = view(request, *args, **kwargs)
    except Http404 as error:
        return response_for_exception(request, error)
    render = getattr(response, "render", None)
    return render() if callable(render) else response


def cache_for_readers(view):
    """Serve ``view`` to anonymous readers from the shared page cache (see the module docstring)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not _is_reader(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True)
            return response

        generation = current_generation() if settings.MASTHEAD_PAGE_CACHE else None
        key = page_key(request, generation) if generation else None
        page = _call("get", key) if key else None
        if page is not None:
            response, state = _response(page), "hit"
        else:
            response = _render(view, request, *args, **kwargs)
            if not _cacheable(response):
                return response
            page = _page(response)
            if key:
                _call("set", key, page, settings.MASTHEAD_PAGE_CACHE_SECONDS)
            state = "miss" if key else "off"
        response[HIT_HEADER] = state
        response["ETag"] = page.etag
        patch_vary_headers(response, ["Cookie"])
        patch_cache_control(response, public=True, max_age=settings.MASTHEAD_CDN_MAX_AGE, must_revalidate=True)
        return get_conditional_response(request, etag=page.etag, response=response)

    return wrapped
