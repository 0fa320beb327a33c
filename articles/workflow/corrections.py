"""Corrections and updates of live articles: added and withdrawn through the one policy
(``can(user, "add_correction" | "withdraw_correction", article)``), each under a row lock in one
transaction and written to the record of decisions. A correction goes live at once; it reopens no
body and makes no revision, and the article's edit token is left alone (nobody's open form is refused).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from articles.diffing import normalise_newlines
from articles.models import Article, Correction
from articles.rendering import body_images
from articles.workflow.errors import WorkflowError
from articles.workflow.moves import ACTIONS
from articles.workflow.permissions import can
from articles.workflow.record import record

MAX_TEXT_CHARS = 5000


def check_correction(name: str, user, article: Article) -> None:
    """Nothing if ``can(user, name, article)`` ("add_correction", "withdraw_correction"); else raise
    WorkflowError saying why not."""
    if can(user, name, article):
        return
    action = ACTIONS[name]
    if not action.applies_to(article):
        raise WorkflowError(
            f"Corrections are added only to live articles: “{article.title}” is {article.state_label[:1].lower()}"
            f"{article.state_label[1:]}."
        )
    raise WorkflowError(f"You may not {action.label}: only {action.who} may.")


def clean_text(text: str, *, what: str = "The text") -> str:
    """The text as stored: newlines normalised, trimmed; refused if empty, too long, or placing a picture."""
    text = normalise_newlines(text or "").strip()
    if not text:
        raise WorkflowError(f"{what} is required.")
    if len(text) > MAX_TEXT_CHARS:
        raise WorkflowError(f"{what} is too long: at most {MAX_TEXT_CHARS:,} characters.")
    found = body_images(text)
    if found.placed or found.inline or found.elsewhere:
        raise WorkflowError(f"{what} cannot show pictures: remove the image reference.")
    return text


def add_correction(article: Article, user, *, kind: str, text: str) -> Correction:
    """Publish a correction (or update, clarification, editor's note) on a live article, and record it."""
    if kind not in Correction.Kind.values:
        raise WorkflowError("Choose what kind of note this is: correction, update, clarification or editor’s note.")
    text = clean_text(text)
    with transaction.atomic():
        locked = Article.objects.select_for_update(of=("self",)).select_related("author").get(pk=article.pk)
        check_correction("add_correction", user, locked)
        correction = Correction.objects.create(article=locked, kind=kind, text=text, created_by=user)
        changes = {"correction": correction.pk, "kind": kind}
        record(locked, user, "correction_added", locked.status, locked.status, comment=text, changes=changes)
    return correction


def withdraw_correction(correction: Correction, user, *, note: str) -> Correction:
    """Withdraw a correction, keeping it with the date and ``note`` readers see in its place, and record it."""
    note = clean_text(note, what="The reason for withdrawing it")
    with transaction.atomic():
        locked = Article.objects.select_for_update(of=("self",)).get(pk=correction.article_id)
        current = Correction.objects.select_for_update().get(pk=correction.pk)
        check_correction("withdraw_correction", user, locked)
        if current.is_withdrawn:
            raise WorkflowError(
                f"This {current.get_kind_display().lower()} was already withdrawn on "
                f"{date_format(timezone.localtime(current.withdrawn_at), 'j M Y, H:i')}."
            )
        current.withdrawn_at, current.withdrawn_by, current.withdrawal_note = timezone.now(), user, note
        current.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_note"])
        changes = {"correction": current.pk, "kind": current.kind}
        record(locked, user, "correction_withdrawn", locked.status, locked.status, comment=note, changes=changes)
    correction.refresh_from_db()
    return correction
