"""The file cache (cms/caches.py, FileCache): a set_many lists the folder once, not once per key, and
still culls when the folder is full."""

from cms.caches import FileCache


def make_cache(folder, max_entries=1000):
    return FileCache(str(folder), {"OPTIONS": {"MAX_ENTRIES": max_entries, "CULL_FREQUENCY": 2}})


def test_set_many_lists_the_folder_once(tmp_path, monkeypatch):
    cache = make_cache(tmp_path)
    listings = []
    original = cache._list_cache_files
    monkeypatch.setattr(cache, "_list_cache_files", lambda: listings.append(1) or original())
    cache.set_many({f"key{n}": n for n in range(20)}, 60)
    assert len(listings) == 1
    assert cache.get_many([f"key{n}" for n in range(20)]) == {f"key{n}": n for n in range(20)}
    cache.set("one", 1, 60)  # a single set still culls first
    assert len(listings) == 2


def test_a_full_folder_is_still_culled(tmp_path):
    cache = make_cache(tmp_path, max_entries=10)
    cache.set_many({f"key{n}": n for n in range(12)}, 60)  # may pass the limit by one call's keys
    assert len(cache._list_cache_files()) == 12
    cache.set_many({"more": 1}, 60)  # the next write culls half
    assert len(cache._list_cache_files()) == 7
