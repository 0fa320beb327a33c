"""Django's file and Redis caches, each with one fix the page cache needs (``articles/pagecache.py``).

**FileCache: an ``add`` that one process wins.** Django's ``FileBasedCache.add`` checks for the key and then writes it: two gunicorn workers asking
at once may both be told they added it. The page cache takes its render lock with ``add``
(``articles/pagecache.py``: one render of a purged page, not one per worker), so here the entry is
written to a temporary file and hard-linked into place, which the file system refuses if the name
exists: of several processes adding at once, exactly one wins. An expired entry in the way is
removed first, as ``get`` would.

**FileCache: a ``set_many`` that lists the folder once.** Django's ``FileBasedCache.set`` lists every
file of the folder before each write (to cull it when it holds ``MAX_ENTRIES``), so writing n keys into a
folder of m files reads n × m names. The ledger of ended page-cache keys is written many keys at a time
and holds one file per key ever ended (an import of thousands of articles spent most of its time listing
it). Here a ``set_many`` culls once, before its writes: the folder may pass ``MAX_ENTRIES`` by at most one
call's keys until the next write culls it.

**RedisCache: one client per connection pool.** Django's Redis backend builds a new ``redis.Redis``
for every operation, and redis-py's constructor fills a table of some 170 response callbacks each
time: about half the CPU of a cached page's hit went there. A client only holds its pool (thread
safe: each command takes a connection from it), so one is kept per pool.
"""

import os
import tempfile

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class FileCache(FileBasedCache):
    _culled_for_batch = False

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        self._cull()
        self._culled_for_batch = True
        try:
            return super().set_many(data, timeout, version)
        finally:
            self._culled_for_batch = False

    def _cull(self):
        if not self._culled_for_batch:
            super()._cull()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._createdir()
        fname = self._key_to_file(key, version)
        if self.has_key(key, version):  # also removes an expired entry in the way
            return False
        fd, tmp_path = tempfile.mkstemp(dir=self._dir)
        try:
            with open(fd, "wb") as f:
                self._write_content(f, timeout, value)
            os.link(tmp_path, fname)
            return True
        except FileExistsError:
            return False
        finally:
            os.remove(tmp_path)


class _ReusedClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusedClient
