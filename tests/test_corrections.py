"""Corrections and updates: the services (who may add and withdraw them, on which articles, what the
record keeps), the admin pages, and what readers see on the article, in feeds, in JSON-LD and on /corrections/."""

import json
import re
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Correction, Decision
from articles.workflow import WorkflowError
from tests.factories import ArticleFactory
from tests.test_workflow import make_article

pytestmark = pytest.mark.django_db

ROLES = ["owner", "other_writer", "reviewer", "editor", "superuser"]
STATES = ["draft", "in_review", "published", "scheduled"]
# Written out apart from workflow.ACTIONS: only editors who may publish correct, and only live articles.
MAY_CORRECT = {"editor", "superuser"}
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def people(writer, other_writer, reviewer, editor, superuser):
    return {"owner": writer, "other_writer": other_writer, "reviewer": reviewer, "editor": editor, "superuser": superuser}


@pytest.fixture
def live(writer):
    return make_article(writer, "published")


def correct(article, user, kind="correction", text="An earlier version misstated the date of the strike."):
    return workflow.add_correction(article, user, kind=kind, text=text)


# --- services ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_who_may_add_a_correction_and_where(people, role, state):
    """Only an editor who may publish adds a correction, and only to a live article; a refusal saves nothing."""
    article = make_article(people["owner"], state)
    user = people[role]
    allowed = role in MAY_CORRECT and state == "published"
    assert workflow.can(user, "add_correction", article) is allowed
    if allowed:
        correction = correct(article, user)
        assert correction.article == article and correction.created_by == user
    else:
        with pytest.raises(WorkflowError):
            correct(article, user)
        assert not Correction.objects.exists() and not Decision.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_who_may_withdraw_a_correction(people, live, role):
    """Only an editor who may publish withdraws a correction."""
    correction = correct(live, people["editor"])
    allowed = role in MAY_CORRECT
    assert workflow.can(people[role], "withdraw_correction", live) is allowed
    if allowed:
        workflow.withdraw_correction(correction, people[role], note="It was meant for another article.")
        assert Correction.objects.get().is_withdrawn
    else:
        with pytest.raises(WorkflowError, match="only an editor who may publish"):
            workflow.withdraw_correction(correction, people[role], note="No.")
        assert not Correction.objects.get().is_withdrawn


def test_a_correction_is_not_a_stateless_move_of_the_table():
    """Corrections are no workflow button or bulk action: they are not rows of MOVES."""
    assert "add_correction" not in workflow.MOVES and "withdraw_correction" not in workflow.MOVES


def test_a_scheduled_article_is_refused_with_the_reason(writer, editor):
    """Correcting an article readers cannot see yet is refused, saying it is not live."""
    article = make_article(writer, "scheduled")
    with pytest.raises(WorkflowError, match="only to live articles.*scheduled for"):
        correct(article, editor)


def test_adding_records_a_decision_and_leaves_the_article_alone(live, editor):
    """Adding writes one decision (kind, text, number) and changes neither the body, the edit token nor the revisions."""
    before = (live.version, live.updated_at, live.body, live.revisions.count())
    correction = correct(live, editor, kind="update", text="Officials later confirmed the figures.")
    live.refresh_from_db()
    assert (live.version, live.updated_at, live.body, live.revisions.count()) == before
    decision = Decision.objects.get()
    assert (decision.action, decision.actor, decision.comment) == ("correction_added", editor, "Officials later confirmed the figures.")
    assert decision.changes == {"correction": correction.pk, "kind": "update"}
    assert decision.from_status == decision.to_status == "published"


def test_withdrawing_keeps_the_correction_with_a_dated_note(live, editor, second_editor):
    """Withdrawing keeps the text, adds who, when and why, and writes a second decision."""
    correction = correct(live, editor)
    workflow.withdraw_correction(correction, second_editor, note="  Posted on the wrong article.\r\n ")
    correction.refresh_from_db()
    assert correction.text == "An earlier version misstated the date of the strike."
    assert correction.withdrawn_by == second_editor and correction.withdrawn_at is not None
    assert correction.withdrawal_note == "Posted on the wrong article."
    assert list(Decision.objects.values_list("action", flat=True)) == ["correction_withdrawn", "correction_added"]


def test_a_correction_is_withdrawn_once(live, editor):
    """A second withdrawal is refused with the date of the first, and the first note stays."""
    correction = correct(live, editor)
    workflow.withdraw_correction(correction, editor, note="Wrong article.")
    with pytest.raises(WorkflowError, match="already withdrawn on"):
        workflow.withdraw_correction(correction, editor, note="Again.")
    assert Correction.objects.get().withdrawal_note == "Wrong article."
    assert Decision.objects.filter(action="correction_withdrawn").count() == 1


@pytest.mark.parametrize(
    "kind, text, message",
    [
        ("correction", "   ", "The text is required"),
        ("retraction", "A real sentence.", "Choose what kind of note"),
        ("correction", "x" * 5001, "too long"),
        ("correction", "See the map.\n\n![map](image:3)", "cannot show pictures"),
        ("correction", "See ![map](https://example.org/m.png) here.", "cannot show pictures"),
    ],
)
def test_bad_input_gets_one_message_and_saves_nothing(live, editor, kind, text, message):
    """An empty text, an unknown kind, an overlong text or a picture is refused with one message; nothing is saved."""
    with pytest.raises(WorkflowError, match=message):
        correct(live, editor, kind=kind, text=text)
    assert not Correction.objects.exists() and not Decision.objects.exists()


def test_withdrawing_needs_a_reason(live, editor):
    """A withdrawal without a reason is refused and the correction stays as it was."""
    correction = correct(live, editor)
    with pytest.raises(WorkflowError, match="reason for withdrawing it is required"):
        workflow.withdraw_correction(correction, editor, note=" ")
    assert not Correction.objects.get().is_withdrawn


def test_corrections_cannot_be_deleted(live, editor):
    """Deleting a correction raises, and its article cannot be deleted from under it."""
    correction = correct(live, editor)
    with pytest.raises(ValueError, match="never deleted"):
        correction.delete()
    with pytest.raises(Exception):
        with transaction.atomic():
            live.delete()
    assert Correction.objects.filter(pk=correction.pk).exists()


def test_the_database_refuses_a_withdrawal_without_a_note(live, editor):
    """The database itself keeps a withdrawn correction's date and note together."""
    correction = correct(live, editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Correction.objects.filter(pk=correction.pk).update(withdrawn_at=timezone.now())
