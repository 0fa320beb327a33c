"""One way out for ended dependency keys: gathered per transaction, sent on commit to every purger.

``end_on_commit(keys)`` is what a change calls (``articles/signals.py``): each call asks
``transaction.on_commit`` for a callback, and the callbacks a commit runs send their changes' keys
(at once outside a transaction) to every purger: the app's page
cache (``articles/pagecache.py``: Redis or files), and an HTTP cache in front when configured
(``articles/varnish.py``). A change whose transaction (or savepoint) rolls back never has its
callback run, so its keys are dropped, not sent.

Some keys can only be known once the transaction is over (which tags an imported article carries,
which articles now stand next to it): a change passes ``later``, called at commit time, or
``gather=(function, item)``: one call ``function(items)`` per send for the items of every change
committed since the last (an import commits a file at a time but sends once a second: one reading
for all its articles rather than one per article).

A purger that fails is logged and its keys are tried again with the next send from this process;
nothing here ever raises into the write that ended the keys.
"""

import logging
import threading
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

from articles import fragments, pagecache

logger = logging.getLogger(__name__)


class PageCachePurger:
    """The app's own page cache: records when each key ended (articles/pagecache.py), which ends the
    pages and the fragments (articles/fragments.py) showing them."""

    def purge(self, keys):
        if (settings.MASTHEAD_PAGE_CACHE or fragments.enabled()) and not pagecache.end(keys):
            raise ConnectionError("the page cache is unreachable")


_local = threading.local()
_retry: dict[str, set] = {}  # per purger (its dotted path): keys a failed send still owes
_batch = None  # inside batched(): {"every": seconds, "last": monotonic}


def _state():
    state = getattr(_local, "state", None)
    if state is None:
        state = _local.state = {"count": 0, "asked": {}, "committed": set(), "laters_done": set()}
    return state


def end_on_commit(keys=(), later=None, later_id=None, gather=None):
    """End ``keys`` when the current transaction commits (now, outside one). ``later``: a callable
    returning more keys, called at commit time (the first given per ``later_id`` in a transaction).
    ``gather``: (function, item): ``function(items)`` returns more keys, called once per send with the
    items (each once, in order) of the committed changes that gave the same function."""
    state = _state()
    state["count"] += 1
    token = state["count"]
    state["asked"][token] = (frozenset(keys), later, later_id if later_id is not None else ("call", token), gather)
    state["laters_done"] = set()  # a change being made: the next commit computes its laters afresh
    transaction.on_commit(lambda: _committed(token))


def _committed(token):
    """A change's callback ran, so its transaction committed: send what is committed and unsent. A
    commit runs its changes' callbacks one after the other in the order they were asked for, so a
    ``later`` shared by several changes runs once, with the first change's arguments."""
    state = _state()
    state["committed"].add(token)
    _flush()


def _flush():
    state = _state()
    if _batch is not None and time.monotonic() - _batch["last"] < _batch["every"]:
        return  # batched(): sent with a later commit, or when the batch ends
    if not state["committed"]:
        return
    keys, newest, gathered = set(), max(state["committed"]), {}
    for token in sorted(state["asked"]):
        if token > newest:
            break
        asked, later, later_id, gather = state["asked"].pop(token)
        if token not in state["committed"]:
            continue  # its transaction rolled back: a later change has committed since
        keys.update(asked)
        if later is not None and later_id not in state["laters_done"]:
            state["laters_done"].add(later_id)
            keys.update(later())
        if gather is not None:
            gathered.setdefault(gather[0], {})[gather[1]] = None
    for function, items in gathered.items():
        keys.update(function(list(items)))
    state["committed"].clear()
    if _batch is not None:
        _batch["last"] = time.monotonic()
    if keys:
        send(keys)


@contextmanager
def batched(every=1.0):
    """For bulk jobs committing many small transactions (an import: one per file): the keys of their
    commits go out at most once every ``every`` seconds, and once more when the job ends."""
    global _batch
    outer, _batch = _batch, {"every": every, "last": time.monotonic()}
    try:
        yield
    finally:
        _batch = outer
        _flush()


def purgers():
    """Every purger configured (settings.MASTHEAD_PURGERS: dotted paths), by path."""
    return {path: import_string(path)() for path in settings.MASTHEAD_PURGERS}


def send(keys):
    """Send ``keys`` to every purger now; a failure is logged and kept for the next send."""
    for path, purger in purgers().items():
        owed = _retry.pop(path, set())
        batch = set(keys) | owed
        if not batch:
            continue
        try:
            purger.purge(frozenset(batch))
        except Exception as error:  # a cache or proxy being away must never break an editor's save
            _retry[path] = batch
            logger.warning("Purging %d keys through %s failed (%s); trying again with the next change.",
                           len(batch), path, error)
