"""Keep the text of an admin save that arrives after the login session expired.

Django admin answers such a POST with a redirect to the login page and drops the
form data. This middleware stores it in the (new, anonymous) session first; after
the person logs in, the change form shows it again, unsaved, for them to check and
save (see articles.admin.articles._take_unsaved_post). Nothing is saved for them.
"""

from django.urls import reverse

UNSAVED_POST_KEY = "masthead_unsaved_post"
MAX_FIELDS = 2000


class KeepUnsavedAdminPostMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method == "POST"
            and not request.user.is_authenticated
            and request.path.startswith(reverse("admin:index"))
            and request.path.endswith(("/change/", "/add/"))
        ):
            data = {key: values for key, values in request.POST.lists() if key != "csrfmiddlewaretoken"}
            if 0 < len(data) <= MAX_FIELDS:
                request.session[UNSAVED_POST_KEY] = {"path": request.path, "data": data}
        return self.get_response(request)
