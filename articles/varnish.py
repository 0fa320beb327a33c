"""Purging Varnish (xkey) in front of the app servers: the ended keys of a commit, sent as PURGE.

``deploy/varnish.vcl`` accepts ``PURGE`` with an ``xkey-purge`` header from the app servers and
drops every object carrying any of its keys (pages send them as ``xkey``/``Surrogate-Key``).
Each Varnish in ``MASTHEAD_VARNISH_URLS`` gets every batch, ``CHUNK`` keys per request. The send
happens after the commit (``articles/purging.py``), so a Varnish that is away never undoes or holds
an editor's save: its request times out after ``MASTHEAD_VARNISH_TIMEOUT`` seconds, is logged,
and its keys go again with the next change.
"""

import urllib.request

from django.conf import settings

CHUNK = 200  # keys per PURGE request, keeping the header well under Varnish's 8 KB limit


class VarnishPurger:
    """Sends ended keys to every Varnish in settings.MASTHEAD_VARNISH_URLS."""

    def purge(self, keys):
        ordered = sorted(keys)
        for url in settings.MASTHEAD_VARNISH_URLS:
            for start in range(0, len(ordered), CHUNK):
                request = urllib.request.Request(
                    url, method="PURGE", headers={"xkey-purge": " ".join(ordered[start : start + CHUNK])}
                )
                with urllib.request.urlopen(request, timeout=settings.MASTHEAD_VARNISH_TIMEOUT) as response:
                    response.read()
