"""Widgets of the editors' admin."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from taggit.forms import TagWidget

from articles.admin.images import thumbnail_html
from articles.models import Image


class BrowserDateTimeWidget(forms.SplitDateTimeWidget):
    """The browser's own date and time inputs (``type="date"``, ``type="time"``), each named for screen
    readers. Their values are written as the HTML standard wants them (2026-12-05, 09:30): a browser shows
    an empty box for a value in the newsroom's locale (05/12/2026), and the next save would lose the date.
    Beside them the date in words ("Monday 7 December 2026, 09:00 (Europe/London)", static/js/date-in-words.js),
    as a browser set to another country's order shows the boxes as 12/07/2026."""

    template_name = "admin/widgets/date_time_in_words.html"

    def __init__(self, date_label="Date", time_label="Time"):
        super().__init__(
            date_attrs={"type": "date", "aria-label": date_label}, date_format="%Y-%m-%d",
            time_attrs={"type": "time", "aria-label": time_label}, time_format="%H:%M",
        )

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["time_zone"] = settings.TIME_ZONE
        return context


class ImageChooserWidget(forms.Widget):
    """A library picture as a field: its thumbnail and title, "Choose…" (the image chooser dialog,
    static/js/image-chooser.js), "Edit caption and alt text" (in the same dialog, when ``describe_url`` is
    given) and "Remove"; the picture's number travels in a hidden input.

    Shows only a picture of the field's own choices (``choices``, set by ModelChoiceField: the pictures
    this person may use), so a refused POST never displays someone else's picture."""

    template_name = "admin/widgets/image_chooser.html"
    choices = ()

    def __init__(self, chooser_url, attrs=None, describe_url=""):
        super().__init__(attrs)
        self.chooser_url = chooser_url
        self.describe_url = describe_url

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        image = self.chosen(value)
        context["widget"].update(
            chooser_url=self.chooser_url,
            describe_url=self.describe_url,
            image=image,
            thumbnail=thumbnail_html(image, 160) if image is not None and not image.graphic else "",
        )
        return context

    def chosen(self, value):
        """The chosen picture, if ``value`` names one of the choices."""
        queryset = getattr(self.choices, "queryset", Image.objects.none())
        if value in (None, ""):
            return None
        try:
            return queryset.filter(pk=value).prefetch_related("renditions").first()
        except (TypeError, ValueError, ValidationError):
            return None

    def id_for_label(self, id_):
        # The hidden input cannot take a label's focus; the widget names itself (a labelled group).
        return None


class SuggestingTagWidget(TagWidget):
    """taggit's box of comma-separated tags, with the newsroom's most used tags under it as buttons that add one
    to the box (static/js/tag-suggestions.js; hidden without it). ``suggestions``: a callable giving the names,
    called only when the field is shown (an autosave builds the form but never renders it)."""

    template_name = "admin/widgets/tags_with_suggestions.html"

    def __init__(self, attrs=None, suggestions=list):
        super().__init__(attrs)
        self.suggestions = suggestions

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["suggestions"] = [tag for tag in self.suggestions() if "," not in tag]
        return context
