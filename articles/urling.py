"""Public paths of pages named by a slug (or by their name alone), reversed once per slug.

A list page links every article, author and tag it shows, and every page's header and footer link a
dozen fixed pages; Django's ``reverse`` costs tens of microseconds each, a tenth of a list page's
time. The path of a given URL name and slug never changes while the URLconf and script prefix stay
the same, so it is kept (keyed on both).
"""

from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse


@lru_cache(maxsize=20_000)
def _path(name, slug, prefix, urlconf):
    return reverse(name, kwargs=None if slug is None else {"slug": slug}, urlconf=urlconf)


def path_to(name, slug=None):
    """``reverse(name, kwargs={"slug": slug})`` (``reverse(name)`` without a slug), remembered."""
    return _path(name, slug, get_script_prefix(), get_urlconf())


@receiver(setting_changed)
def _forget(setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _path.cache_clear()
