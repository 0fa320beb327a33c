"""The unsaved-post restore: the text of a save that arrived after the person's login had ended.

articles.middleware keeps such a POST (when the expired session names its owner); the change form
takes it back here, once, for the same person and page.
"""

from django.contrib import messages
from django.http import QueryDict

from articles.middleware import take_unsaved_post


def take_restored_post(request):
    """The form data of this person's save that arrived after their login expired, kept for this page."""
    kept = take_unsaved_post(request)
    if kept is None:
        return None
    data = QueryDict(mutable=True)
    for key, values in kept.items():
        data.setlist(key, values)
    messages.warning(
        request,
        "Your login had expired when you saved, so nothing was saved then. Your text is restored below: "
        "check it and save again.",
    )
    return data
