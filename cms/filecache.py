"""Django's file cache with an ``add`` that one process wins.

Django's ``FileBasedCache.add`` checks for the key and then writes it: two gunicorn workers asking
at once may both be told they added it. The page cache takes its render lock with ``add``
(``articles/pagecache.py``: one render of a purged page, not one per worker), so here the entry is
written to a temporary file and hard-linked into place, which the file system refuses if the name
exists: of several processes adding at once, exactly one wins. An expired entry in the way is
removed first, as ``get`` would.
"""

import os
import tempfile

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache


class FileCache(FileBasedCache):
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
