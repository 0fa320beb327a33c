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

A change that takes something away from readers (an article unpublished or deleted, its warnings
changed) passes ``withdrawn=True``: its keys go to every purger as withdrawn, and no cache serves a
page showing them stale while it is rendered again (``articles/pagecache.py``; Varnish purges them
outright rather than softly).

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

    def purge(self, keys, withdrawn=frozenset()):
        if (settings.MASTHEAD_PAGE_CACHE or fragments.enabled()) and not pagecache.end(keys, withdrawn):
            raise ConnectionError("the page cache is unreachable")


_local = threading.local()
_retry: dict[str, tuple] = {}  # per purger (its dotted path): (keys, withdrawn keys) a failed send still owes
_batch = None  # inside batched(): {"every": seconds, "last": monotonic}


def _state():
    state = getattr(_local, "state", None)
    if state is None:
        state = _local.state = {"count": 0, "asked": {}, "committed": set(), "laters_done": set()}
    return state


def end_on_commit(keys=(), later=None, later_id=None, gather=None, withdrawn=False):
    """End ``keys`` when the current transaction commits (now, outside one). ``later``: a callable
    returning more keys, called at commit time (the first given per ``later_id`` in a transaction).
    ``gather``: (function, item): ``function(items)`` returns more keys, called once per send with the
    items (each once, in order) of the committed changes that gave the same function.
    ``withdrawn``: the change takes something away from readers (see the module docstring)."""
    state = _state()
    state["count"] += 1
    token = state["count"]
    later_id = later_id if later_id is not None else ("call", token)
    state["asked"][token] = (frozenset(keys), later, later_id, gather, withdrawn)
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
    newest = max(state["committed"])
    changes = []
    for token in sorted(state["asked"]):
        if token > newest:
            break
        change = state["asked"].pop(token)
        if token in state["committed"]:  # (else its transaction rolled back: a later change has committed since)
            changes.append(change)
    withdrawn_laters = {later_id for _, _, later_id, _, withdrawn in changes if withdrawn}
    keys, withdrawn_keys, gathered = set(), set(), {}
    for asked, later, later_id, gather, withdrawn in changes:
        found = set(asked)
        if later is not None and later_id not in state["laters_done"]:
            state["laters_done"].add(later_id)
            found.update(later())
            withdrawn = withdrawn or later_id in withdrawn_laters
        if gather is not None:
            gathered.setdefault(gather[0], {})[gather[1]] = None
        (withdrawn_keys if withdrawn else keys).update(found)
    for function, items in gathered.items():
        keys.update(function(list(items)))
    state["committed"].clear()
    if _batch is not None:
        _batch["last"] = time.monotonic()
    if keys or withdrawn_keys:
        send(keys - withdrawn_keys, withdrawn_keys)


@contextmanager
def batched(every=1.0):
    """For bulk jobs committing many small transactions (an import: one per twenty files): the keys of their
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


def send(keys, withdrawn=frozenset()):
    """Send ``keys`` (and ``withdrawn`` keys) to every purger now; a failure is logged and kept for the
    next send."""
    for path, purger in purgers().items():
        owed, owed_withdrawn = _retry.pop(path, (set(), set()))
        hard = set(withdrawn) | owed_withdrawn
        batch = (set(keys) | owed) - hard
        if not batch and not hard:
            continue
        try:
            purger.purge(frozenset(batch), frozenset(hard))
        except Exception as error:  # a cache or proxy being away must never break an editor's save
            _retry[path] = (batch, hard)
            logger.warning("Purging %d keys through %s failed (%s); trying again with the next change.",
                           len(batch) + len(hard), path, error)
