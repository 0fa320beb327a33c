"""Pages of an article list that cost the same however long the archive is.

Django's Paginator counts the whole list to number its pages: a scan of every visible article
on every request. ``WindowPaginator`` reads one window of ``per_page + 1`` rows instead, which
tells whether an older page exists; pages link to newer and older neighbours ("Page 3"), not to
"page 3 of 4,812". A page past the end is not found, as with Django's paginator, and so is a
number past MAX_PAGE: its offset would not fit the database's 64-bit integers (a 500 otherwise).
"""

from collections.abc import Sequence

from django.core.paginator import EmptyPage, PageNotAnInteger

MAX_PAGE = 10_000_000  # far past any archive: 200 million articles at 20 a page


class WindowPage(Sequence):
    def __init__(self, object_list, number, paginator, has_next):
        self.object_list = object_list
        self.number = number
        self.paginator = paginator
        self._has_next = has_next

    def __repr__(self):
        return f"<Page {self.number}>"

    def __len__(self):
        return len(self.object_list)

    def __getitem__(self, index):
        return self.object_list[index]

    def has_next(self):
        return self._has_next

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_previous() or self.has_next()

    def next_page_number(self):
        if not self._has_next:
            raise EmptyPage("That page contains no results")
        return self.number + 1

    def start_index(self):
        """The 1-based position of this page's first item in the whole list (0 for an empty page)."""
        return (self.number - 1) * self.paginator.per_page + 1 if self.object_list else 0

    def end_index(self):
        """The 1-based position of this page's last item."""
        return self.start_index() + len(self.object_list) - 1 if self.object_list else 0

    def previous_page_number(self):
        if self.number <= 1:
            raise EmptyPage("That page number is less than 1")
        return self.number - 1


class WindowPaginator:
    """A paginator with Django's interface for ListView, less the counts (``count``, ``num_pages``)."""

    def __init__(self, object_list, per_page, orphans=0, allow_empty_first_page=True):
        self.object_list = object_list
        self.per_page = int(per_page)
        self.allow_empty_first_page = allow_empty_first_page
        self.num_pages = None  # unknown on purpose: "?page=last" is not found

    def validate_number(self, number):
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That page number is not an integer") from None
        if number < 1:
            raise EmptyPage("That page number is less than 1")
        if number > MAX_PAGE:
            raise EmptyPage("That page contains no results")
        return number

    def page(self, number):
        number = self.validate_number(number)
        start = (number - 1) * self.per_page
        rows = list(self.object_list[start : start + self.per_page + 1])
        if not rows and (number > 1 or not self.allow_empty_first_page):
            raise EmptyPage("That page contains no results")
        return WindowPage(rows[: self.per_page], number, self, has_next=len(rows) > self.per_page)
