"""One way out for ended dependency keys: gathered per transaction, sent on commit to every purger.

``end_on_commit(keys)`` is what a change calls (``articles/signals.py``): the keys are gathered on
this thread and sent once the transaction commits (``transaction.on_commit``; at once outside
one), to every purger: the app's page cache (``articles/pagecache.py``: Redis or files), and an
HTTP cache in front when configured (``articles/varnish.py``). A transaction that rolls back
sends nothing of its own; keys gathered inside a rolled-back savepoint may still go out with the
outer commit, which only ends a page more.

Some keys can only be known once the transaction is over (which tags an imported article carries,
which articles now stand next to it): a change passes ``later``, called at commit time.

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

from articles import pagecache

logger = logging.getLogger(__name__)


class PageCachePurger:
    """The app's own page cache: records when each key ended (articles/pagecache.py)."""

    def purge(self, keys):
        if settings.MASTHEAD_PAGE_CACHE and not pagecache.end(keys):
            raise ConnectionError("the page cache is unreachable")


_local = threading.local()
_retry: dict[str, set] = {}  # per purger (its dotted path): keys a failed send still owes
_batch = None  # inside batched(): {"every": seconds, "last": monotonic}


def _pending():
    pending = getattr(_local, "pending", None)
    if pending is None:
        pending = _local.pending = {"keys": set(), "later": {}}
    return pending


def end_on_commit(keys=(), later=None, later_id=None):
    """End ``keys`` when the current transaction commits (now, outside one). ``later``: a callable
    returning more keys, called at commit time (the first given per ``later_id`` in a transaction)."""
    pending = _pending()
    pending["keys"].update(keys)
    if later is not None:
        pending["later"].setdefault(later_id if later_id is not None else id(later), later)  # the first wins
    transaction.on_commit(_flush)  # every call registers: a savepoint rolled back drops only its own


def _flush():
    pending = _pending()
    if not pending["keys"] and not pending["later"]:
        return
    if _batch is not None and time.monotonic() - _batch["last"] < _batch["every"]:
        return  # batched(): sent with a later commit, or when the batch ends
    _local.pending = None
    keys = set(pending["keys"])
    for later in pending["later"].values():
        keys.update(later())
    if _batch is not None:
        _batch["last"] = time.monotonic()
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
