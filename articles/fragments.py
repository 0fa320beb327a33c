"""Rendered fragments kept between renders: an article's own part of its page, and its card in lists.

A page the page cache cannot serve (another reader's warning filter, a change elsewhere that ended
it, a crawler's first visit) is rendered again, but most of it has not changed: an article page's
headline, text and tags are the same whichever related articles sit under them, and a card is the
same on the home page, a tag page and an author page. Those parts are kept whole in the pages'
cache, each with the dependency keys of what it shows (``articles/cachekeys.py``) and the time its
render began, and are used only while none of those keys ended since (``pagecache.unchanged_since``:
the same record of ended keys that the same purge on commit writes, ``articles/purging.py``). Using
a fragment declares its keys for the page around it, so the page cache and an HTTP cache in front
still know everything the page shows.

On while the page cache is (``MASTHEAD_PAGE_CACHE``) unless ``MASTHEAD_FRAGMENT_CACHE`` says otherwise.
Rendered fragments never depend on the reader's warning filter or on the time: lists choose which
cards to show, the cards themselves never change with either. The one choice kept, which articles an
article page links (``parts.keep_links``), is kept per filter and not while the time could change it.
"""

import time
from typing import NamedTuple

from django.conf import settings

from articles import cachekeys, pagecache

PREFIX = "fragment:"


class Fragment(NamedTuple):
    parts: dict  # name → HTML, or data the page needs beside it (an article's tag ids)
    keys: tuple  # the dependency keys of what it shows
    rendered: float  # when its render began (time.time())


def enabled():
    """Fragments are kept: MASTHEAD_FRAGMENT_CACHE, else as the page cache."""
    chosen = getattr(settings, "MASTHEAD_FRAGMENT_CACHE", None)
    return settings.MASTHEAD_PAGE_CACHE if chosen is None else chosen


def get_many(names):
    """The fragments kept under ``names`` that may still be used, by name (two reads of the cache,
    none when fragments are off); each one found declares its keys for the page being rendered."""
    if not names or not enabled():
        return {}
    kept = pagecache.get_many([PREFIX + name for name in names])
    found = {name: fragment for name in names if isinstance(fragment := kept.get(PREFIX + name), Fragment)}
    if not found:
        return {}
    ended = pagecache.ended_times({key for fragment in found.values() for key in fragment.keys})
    if ended is None:
        return {}
    usable = {name: fragment for name, fragment in found.items()
              if pagecache.unchanged_since(fragment.rendered, fragment.keys, ended)}
    for fragment in usable.values():
        cachekeys.declare(*fragment.keys)
    return usable


def started():
    """The time a render begins, to give to ``keep`` (read before the rows the fragment shows)."""
    return time.time()


def keep(fragments):
    """Keep ``{name: Fragment}``, each for as long as a page may live (its keys ending ends it sooner);
    declares their keys for the page being rendered."""
    for fragment in fragments.values():
        cachekeys.declare(*fragment.keys)
    if fragments and enabled():
        pagecache.set_many({PREFIX + name: fragment for name, fragment in fragments.items()},
                           settings.MASTHEAD_PAGE_CACHE_SECONDS)
