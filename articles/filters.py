"""The reader's content-warning filter: which warnings to leave out of every article list.

A reader picks warnings on the preferences page; the choice is kept in a cookie, no account
needed. A ``?hide=`` query parameter overrides the cookie for that request, so a link can carry
a filter (``?hide=graphic-violence,death``) or switch it off (``?hide=``). Slugs are checked
against the ContentWarning vocabulary; unknown ones are ignored.

Every article list goes through ``WarningFilter.apply`` and reports what it left out with
``WarningFilter.count_hidden``: one query to read the chosen warnings, one to count (up to
``HIDDEN_COUNT_LIMIT``, so the cost stays flat), however many articles there are.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef

from articles.models import Article, ContentWarning

QUERY_PARAM = "hide"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60
MAX_SLUGS = 50
# Lists say exactly how many articles the filter hid up to this many, then "more than" this many.
HIDDEN_COUNT_LIMIT = 100

_SEPARATORS = re.compile(r"[\s,]+")
_SLUG = re.compile(r"[-\w]{1,80}")
_REQUEST_CACHE = "_masthead_warning_filter"


def parse_slugs(value):
    """Warning slugs from a cookie or query value ("graphic-violence,death"): well-formed, unique, in order."""
    slugs = []
    for part in _SEPARATORS.split(value or ""):
        slug = part.lower()
        if _SLUG.fullmatch(slug) and slug not in slugs:
            slugs.append(slug)
    return tuple(slugs[:MAX_SLUGS])


@dataclass(frozen=True)
class WarningFilter:
    """The warnings one reader has chosen to hide, and where that choice came from."""

    warnings: tuple = ()
    from_link: bool = False  # chosen by the ?hide= parameter rather than the reader's cookie
    preference_slugs: tuple = ()  # the known warnings the reader's cookie hides, whatever this request does

    def __bool__(self):
        return bool(self.warnings)

    @property
    def labels(self):
        return ", ".join(warning.label for warning in self.warnings)

    @property
    def slugs(self):
        return tuple(warning.slug for warning in self.warnings)

    @property
    def shows_what_preferences_hide(self):
        """A ``?hide=`` link lets through warnings the reader's own filter would hide."""
        return self.from_link and bool(set(self.preference_slugs) - set(self.slugs))

    def _warned(self):
        """True for an article carrying any hidden warning (checked row by row, so lists can stop early)."""
        through = Article.warnings.through.objects
        return Exists(through.filter(article=OuterRef("pk"), contentwarning__in=[w.pk for w in self.warnings]))

    def apply(self, articles):
        """``articles`` less those carrying any of the hidden warnings."""
        return articles.filter(~self._warned()) if self else articles

    def count_hidden(self, articles):
        """How many of ``articles`` ``apply`` leaves out, counted up to HIDDEN_COUNT_LIMIT + 1 (so the
        cost does not grow with the archive); one query, none when nothing is hidden."""
        return articles.filter(self._warned()).order_by()[: HIDDEN_COUNT_LIMIT + 1].count() if self else 0


def preferred_slugs(request):
    """The warning slugs the reader's cookie asks to hide (settings.MASTHEAD_FILTER_COOKIE_NAME)."""
    return parse_slugs(request.COOKIES.get(settings.MASTHEAD_FILTER_COOKIE_NAME, ""))


def for_request(request):
    """The filter for this request: ``?hide=`` if present, else the cookie (cached on the request)."""
    cached = getattr(request, _REQUEST_CACHE, None)
    if cached is not None:
        return cached
    preferred = preferred_slugs(request)
    from_link = QUERY_PARAM in request.GET
    slugs = parse_slugs(",".join(request.GET.getlist(QUERY_PARAM))) if from_link else preferred
    wanted = {*slugs, *preferred}
    known = list(ContentWarning.objects.filter(slug__in=wanted)) if wanted else []  # in label order
    warning_filter = WarningFilter(
        warnings=tuple(warning for warning in known if warning.slug in slugs),
        from_link=from_link,
        preference_slugs=tuple(warning.slug for warning in known if warning.slug in preferred),
    )
    setattr(request, _REQUEST_CACHE, warning_filter)
    return warning_filter


def remember(response, slugs):
    """Keep the reader's choice in a cookie on ``response`` for a year (or forget it when empty)."""
    if slugs:
        response.set_cookie(
            settings.MASTHEAD_FILTER_COOKIE_NAME,
            ",".join(slugs),
            max_age=COOKIE_MAX_AGE,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
        )
    else:
        response.delete_cookie(settings.MASTHEAD_FILTER_COOKIE_NAME, samesite="Lax")
    return response
