"""The record of decisions as editors read it: labels, names and local times, never stored keys.

A scheduled article goes live by itself (no job runs), so the moment it did is shown as a row of its
own, "Published (scheduled)", derived from the schedule that is still in force.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format

from articles import workflow
from articles.diffing import any_changed, diff_content
from articles.models import Article, ContentWarning, Correction, display_name

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
    "correction": "Correction",
    "kind": "Kind",
    "picture": "Picture",
    "picture_changes": "What readers see of it",
}
SOURCES = {"edit": "an edit", "import": "a re-import of the source", "revert": "an earlier version",
           "sent_back": "the version sent back for changes"}
WARNING_KEYS = {"warnings", "warnings_added", "warnings_removed", "suggestions_accepted", "suggestions_dismissed"}


def local_time(moment):
    """A time as the newsroom reads it, in its own time zone (settings.TIME_ZONE): "14 Dec 2026, 09:00"."""
    return date_format(timezone.localtime(moment), "j M Y, H:i") if moment else "—"


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
    if key == "correction":
        return f"No. {value}"
    if key == "kind":
        return Correction.Kind(value).label if value in Correction.Kind.values else str(value)
    return ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)


SCHEDULING = {"schedule": "Scheduled for", "reschedule": "Rescheduled for"}


def zoned_time(value) -> str:
    """"14 Dec 2026, 09:00 (Europe/London)": a time in the newsroom's zone, the zone named."""
    return f"{local_time(value)} ({settings.TIME_ZONE})"


@dataclass
class Row:
    """One line of the record as the change form shows it."""

    at: datetime
    actor_name: str
    label: str
    from_state: str
    to_state: str
    comment: str = ""
    changes: list = field(default_factory=list)


def to_state_name(decision) -> str:
    """The state a decision left the article in, as editors say it: "Scheduled" for a schedule."""
    return "Scheduled" if decision.action in SCHEDULING else state_name(decision.to_status)


def _label(decision) -> str:
    if decision.action in SCHEDULING:
        try:
            return f"{SCHEDULING[decision.action]} {zoned_time(datetime.fromisoformat(decision.changes['published_at']))}"
        except (KeyError, TypeError, ValueError):
            pass
    return decision.get_action_display().capitalize()


def _went_live(decisions, article):
    """The row for a scheduled article's publication, if the schedule in force has come to pass."""
    if article is None or not article.is_live:
        return None
    for decision in decisions:  # newest first: the last decision that set the time
        if "published_at" in (decision.changes or {}):
            if decision.action in SCHEDULING and decision.at < article.published_at:
                return Row(article.published_at, "—", "Published (scheduled)", "Scheduled", state_name(article.status))
            return None
    return None


def describe(decisions, article=None):
    """The record, newest first: a Row per decision (empty changes left out), plus "Published (scheduled)"
    when ``article`` went live at a scheduled time."""
    slugs = {slug for d in decisions for key in WARNING_KEYS for slug in (d.changes or {}).get(key) or ()}
    labels = dict(ContentWarning.objects.filter(slug__in=slugs).values_list("slug", "label")) if slugs else {}
    rows = []
    for decision in decisions:
        changes = [
            (CHANGE_LABELS.get(key, key.replace("_", " ").capitalize()), _value(key, value, labels))
            for key, value in (decision.changes or {}).items()
            if value not in (None, "", [], ()) and not (key == "no_warnings_apply" and value is False)
        ]
        to_state = to_state_name(decision)
        if decision.action in SCHEDULING:
            changes = [change for change in changes if change[0] != CHANGE_LABELS["published_at"]]
        rows.append(Row(decision.at, decision.actor_name, _label(decision), state_name(decision.from_status), to_state,
                        decision.comment, changes))
    went_live = _went_live(decisions, article)
    if went_live is not None:
        rows.append(went_live)
        rows.sort(key=lambda row: row.at, reverse=True)
    return rows


@dataclass(frozen=True)
class StandingNote:
    """What the last change of state asks of the person opening the article: its heading and comment."""

    heading: str
    comment: str
    kind: str  # "request_changes" or "submit"


def standing_note(decisions, article):
    """For a draft an editor sent back, the request for changes; for an article in review, the note its
    writer sent with it; else None. ``decisions`` newest first, as on the change form."""
    moves = [d for d in decisions if d.from_status != d.to_status]
    if not moves:
        return None
    latest = moves[0]
    if latest.action == "request_changes" and article.status == Article.Status.DRAFT:
        heading = f"Changes requested by {latest.actor_name} on {local_time(latest.at)}"
        return StandingNote(heading + (":" if latest.comment else "."), latest.comment, latest.action)
    if latest.action == "submit" and article.status == Article.Status.IN_REVIEW and latest.comment:
        return StandingNote(f"Submitted by {latest.actor_name} on {local_time(latest.at)}, with this note:",
                            latest.comment, latest.action)
    return None


@dataclass(frozen=True)
class SinceSentBack:
    """What the writer changed since an editor last sent the article back: a heading, the request, the fields' diff."""

    heading: str
    request: str  # what the editor asked for
    diff: list
    changed: bool


def since_sent_back(article):
    """For an article back in review after changes were requested, how its text differs from the version sent
    back (articles.diffing, as a revision's page shows it); else None."""
    if article.status != Article.Status.IN_REVIEW:
        return None
    sent_back = workflow.sent_back_version(article)
    if sent_back is None:
        return None
    diff = diff_content(sent_back.content(), workflow.content_of(article))
    heading = f"What changed since {display_name(sent_back.reviewed_by)} sent it back on {local_time(sent_back.created_at)}"
    return SinceSentBack(heading, sent_back.comment, diff, any_changed(diff))
