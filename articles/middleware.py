"""Keep the text of an article save that arrives after the editor's login expired.

Django admin answers such a POST with a redirect to the login page and drops the form data. This
middleware keeps it first; after the same person logs in again, the change form shows it again,
unsaved, for them to check and save (see articles.admin.restore).

It keeps a save only when all of these hold, so that nobody else can plant text in an editor's
form or fill the session table:

- the request passed Django's CSRF check (this runs in ``process_view``, after
  CsrfViewMiddleware, which stops a forged POST before it gets here);
- it is a POST to an article's admin change or add form;
- nobody is logged in, and the session cookie it carries names a session that *expired* and
  belonged to an active staff member (a request with no such cookie never gets a session);
- it is at most MAX_BYTES of form data in at most MAX_FIELDS fields; password fields are never kept.

What is kept names its owner and expires after MAX_AGE seconds.
"""

import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.models import Session
from django.utils import timezone

UNSAVED_POST_KEY = "masthead_unsaved_post"
ARTICLE_FORMS = frozenset({"articles_article_change", "articles_article_add"})
MAX_FIELDS = 200
MAX_BYTES = 512 * 1024
MAX_AGE = 60 * 60
NEVER_KEPT = ("csrfmiddlewaretoken", "password")


class KeepUnsavedAdminPostMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.user.is_authenticated:
            return None
        match = request.resolver_match
        if match is None or match.url_name not in ARTICLE_FORMS or match.namespace != "admin":
            return None
        owner = _expired_staff_session_owner(request)
        if owner is None:
            return None
        data = _keepable(request.POST)
        if data:
            request.session[UNSAVED_POST_KEY] = {"path": request.path, "user": owner, "at": time.time(), "data": data}
        return None


def _expired_staff_session_owner(request):
    """The id of the active staff member whose expired session the request's cookie names, or None."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not key:
        return None
    session = Session.objects.filter(session_key=key, expire_date__lte=timezone.now()).first()
    if session is None:
        return None
    user_id = session.get_decoded().get(SESSION_KEY)
    user = get_user_model()._default_manager.filter(pk=user_id, is_active=True, is_staff=True).first() if user_id else None
    return user.pk if user else None


def _keepable(post):
    """The form's fields as lists of values, without tokens and passwords; {} if over the limits."""
    data = {
        key: values for key, values in post.lists() if not any(word in key.lower() for word in NEVER_KEPT)
    }
    size = sum(len(key) + sum(len(value) for value in values) for key, values in data.items())
    if len(data) > MAX_FIELDS or size > MAX_BYTES:
        return {}
    return data


def take_unsaved_post(request):
    """The kept fields for this page and this person, once (removed as they are read), or None."""
    session = getattr(request, "session", None)
    stash = session.get(UNSAVED_POST_KEY) if session is not None else None
    if not stash or request.method != "GET" or stash.get("path") != request.path:
        return None
    del session[UNSAVED_POST_KEY]
    if stash.get("user") != request.user.pk or time.time() - stash.get("at", 0) > MAX_AGE:
        return None
    return stash["data"]
