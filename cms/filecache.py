"""Django's file cache, but a ``set_many`` lists the cache folder once, not once per key.

Django's ``FileBasedCache.set`` lists every file of the folder before each write (to cull it when it
holds ``MAX_ENTRIES``), so writing n keys into a folder of m files reads n × m names. The ledger of
ended page-cache keys (``articles/pagecache.py``) is written many keys at a time and holds one file per
key ever ended, so an import of thousands of articles spent most of its time listing that folder.
Here a ``set_many`` culls once, before its writes: the folder may pass ``MAX_ENTRIES`` by at most one
call's keys until the next write culls it.
"""

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache


class BatchFileCache(FileBasedCache):
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
