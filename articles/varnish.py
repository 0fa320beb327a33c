"""Purging Varnish (xkey) in front of the app servers: the ended keys of a commit, sent as PURGE.

``deploy/varnish.vcl`` accepts ``PURGE`` from the app servers: with ``xkey-softpurge`` it keeps every
object carrying any of its keys as a stale copy, served for its grace (the app's
``MASTHEAD_STALE_SECONDS``) while one background fetch renders it again; with ``xkey-purge`` (the
keys of a withdrawal, ``articles/purging.py``) it drops them outright. Each Varnish in
``MASTHEAD_VARNISH_URLS`` gets every batch, ``CHUNK`` keys per request. The send happens after the
commit, so a Varnish that is away never undoes or holds an editor's save: its request times out
after ``MASTHEAD_VARNISH_TIMEOUT`` seconds, is logged, and its keys go again with the next change.
"""

import urllib.request

from django.conf import settings

CHUNK = 200  # keys per PURGE request, keeping the header well under Varnish's 8 KB limit


class VarnishPurger:
    """Sends ended keys to every Varnish in settings.MASTHEAD_VARNISH_URLS: soft purges, and hard
    ones for withdrawn keys."""

    def purge(self, keys, withdrawn=frozenset()):
        for header, named in (("xkey-purge", withdrawn), ("xkey-softpurge", set(keys) - set(withdrawn))):
            ordered = sorted(named)
            for url in settings.MASTHEAD_VARNISH_URLS:
                for start in range(0, len(ordered), CHUNK):
                    request = urllib.request.Request(
                        url, method="PURGE", headers={header: " ".join(ordered[start : start + CHUNK])}
                    )
                    with urllib.request.urlopen(request, timeout=settings.MASTHEAD_VARNISH_TIMEOUT) as response:
                        response.read()
