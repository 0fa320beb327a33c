"""The record of decisions as editors read it: labels, names and local times, never stored keys."""

from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format

from articles.models import Article, ContentWarning

CHANGE_LABELS = {
    "published_at": "Publication time",
    "warnings": "Warnings the source stated",
    "warnings_added": "Warnings added",
    "warnings_removed": "Warnings removed",
    "suggestions_accepted": "Suggestions accepted",
    "suggestions_dismissed": "Suggestions dismissed",
    "no_warnings_apply": "No content warnings apply",
    "fields": "Changed",
    "revision": "Revision",
    "source": "From",
    "picture": "Picture",
    "picture_changes": "What readers see of it",
}
SOURCES = {"edit": "an edit", "import": "a re-import of the source", "revert": "an earlier version"}
WARNING_KEYS = {"warnings", "warnings_added", "warnings_removed", "suggestions_accepted", "suggestions_dismissed"}


def state_name(status):
    """"in_review" -> "In review"; "" -> "—"."""
    return Article.Status(status).label if status in Article.Status.values else (status or "—")


def _field_name(name):
    try:
        return str(Article._meta.get_field(name).verbose_name).capitalize()
    except Exception:  # a field since removed: its stored name, made readable
        return name.replace("_", " ").capitalize()


def _value(key, value, warning_labels):
    if key in WARNING_KEYS:
        return ", ".join(warning_labels.get(slug, slug) for slug in value)
    if key == "published_at":
        try:
            return date_format(timezone.localtime(datetime.fromisoformat(value)), "j M Y, H:i")
        except (TypeError, ValueError):
            return str(value)
    if key == "no_warnings_apply":
        return "Yes" if value else "No"
    if key == "fields":
        return ", ".join(_field_name(name) for name in value)
    if key == "revision":
        return f"No. {value}"
    if key == "source":
        return SOURCES.get(value, str(value))
    return ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)


def describe(decisions):
    """For each decision: (decision, from-state, to-state, [(label, text), …]) — empty values left out."""
    slugs = {slug for d in decisions for key in WARNING_KEYS for slug in (d.changes or {}).get(key) or ()}
    labels = dict(ContentWarning.objects.filter(slug__in=slugs).values_list("slug", "label")) if slugs else {}
    rows = []
    for decision in decisions:
        changes = [
            (CHANGE_LABELS.get(key, key.replace("_", " ").capitalize()), _value(key, value, labels))
            for key, value in (decision.changes or {}).items()
            if value not in (None, "", [], ()) and not (key == "no_warnings_apply" and value is False)
        ]
        rows.append((decision, state_name(decision.from_status), state_name(decision.to_status), changes))
    return rows
