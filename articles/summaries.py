"""What readers see of an article away from its page: meta descriptions, link previews, feed entries.

The rule is the article page's: a warned article is described by its warning, never by its text.
Works on anything shaped like an Article (``warning_list``, ``standfirst``, ``title``), so
previews of revisions get the same treatment.
"""

from django.utils.text import Truncator


def warning_line(article):
    """"Content warning: Graphic violence, Death." for a warned article, else ""."""
    labels = [warning.label for warning in article.warning_list]
    return f"Content warning: {', '.join(labels)}." if labels else ""


def description(article, length=200):
    """A one-line description: the warning if there is one, else the standfirst, else the title."""
    return warning_line(article) or Truncator(article.standfirst or article.title).chars(length)
