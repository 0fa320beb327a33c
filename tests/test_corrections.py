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


# --- admin ------------------------------------------------------------------------------------------


def logged_in(client, user):
    client.force_login(user)
    return client


def correction_url(article):
    return reverse("admin:articles_article_correction", args=[article.pk])


def test_the_change_form_offers_corrections_to_editors_on_live_articles(client, live, editor, writer):
    """An editor's change form of a live article links to "Add a correction or update" and lists its corrections;
    the writer's shows the list but no link."""
    correct(live, editor, text="The strike was on *3 March*.")
    page = logged_in(client, editor).get(reverse("admin:articles_article_change", args=[live.pk])).content.decode()
    assert correction_url(live) in page and "Add a correction or update" in page
    assert 'id="corrections"' in page and "<em>3 March</em>" in page and ">Withdraw<" in page
    page = logged_in(client, writer).get(reverse("admin:articles_article_change", args=[live.pk])).content.decode()
    assert 'id="corrections"' in page and correction_url(live) not in page and ">Withdraw<" not in page


def test_an_editor_adds_a_correction_from_the_admin(client, live, editor):
    """Posting the form publishes the correction, records it, and returns to the article's corrections."""
    response = logged_in(client, editor).post(correction_url(live), {"kind": "clarification", "text": "We meant the eastern district."})
    assert response.status_code == 302 and response["Location"].endswith(f"/{live.pk}/change/#corrections")
    correction = Correction.objects.get()
    assert (correction.kind, correction.text, correction.created_by) == ("clarification", "We meant the eastern district.", editor)
    assert Decision.objects.get().action == "correction_added"


def test_bad_input_in_the_admin_form_is_named_and_nothing_saved(client, live, editor):
    """A picture in the text is refused on the field with one message; the typed text stays in the form."""
    response = logged_in(client, editor).post(correction_url(live), {"kind": "correction", "text": "![](image:1)"})
    assert response.status_code == 200
    assert response.context["form"].errors == {"text": ["The text cannot show pictures: remove the image reference."]}
    assert "![](image:1)" in response.content.decode()
    assert not Correction.objects.exists() and not Decision.objects.exists()


@pytest.mark.parametrize("who, state", [("writer", "published"), ("reviewer", "published"), ("editor", "draft")])
def test_the_admin_refuses_whom_and_what_the_policy_refuses(client, request, writer, who, state):
    """A writer or reviewer, or a draft, gets the reason on the page and a refused POST; nothing is saved."""
    article = make_article(writer, state)
    client = logged_in(client, request.getfixturevalue(who))
    page = client.get(correction_url(article))
    assert page.status_code == 200 and page.context["refusal"] and b"<textarea" not in page.content
    assert client.post(correction_url(article), {"kind": "correction", "text": "Sneaky."}).status_code == 403
    assert not Correction.objects.exists()


def test_an_editor_withdraws_a_correction_from_the_admin(client, live, editor):
    """The withdraw page takes a reason; the correction stays, withdrawn, and a second try is refused."""
    correction = correct(live, editor)
    url = reverse("admin:articles_article_withdraw_correction", args=[live.pk, correction.pk])
    client = logged_in(client, editor)
    assert client.post(url, {"note": " "}).context["form"].errors["note"] == ["The reason for withdrawing it is required."]
    response = client.post(url, {"note": "It belonged to another article."})
    assert response.status_code == 302
    correction.refresh_from_db()
    assert correction.withdrawal_note == "It belonged to another article."
    assert client.post(url, {"note": "Again."}).status_code == 403


def test_no_one_deletes_a_correction_in_the_admin(client, live, editor, superuser):
    """The corrections list is read-only: no add, change or delete, even for a superuser."""
    correction = correct(live, editor)
    client = logged_in(client, superuser)
    assert client.get(reverse("admin:articles_correction_changelist")).status_code == 200
    assert client.get(reverse("admin:articles_correction_delete", args=[correction.pk])).status_code == 403
    assert client.post(reverse("admin:articles_correction_changelist"),
                       {"action": "delete_selected", "_selected_action": [correction.pk]}).status_code in (200, 302, 403)
    assert Correction.objects.filter(pk=correction.pk).exists()


def test_the_record_names_corrections_in_words(client, live, editor):
    """The change form's record reads "Correction added" with the kind's label, never a stored code."""
    correct(live, editor, kind="editors_note", text="This article is part of a series.")
    page = logged_in(client, editor).get(reverse("admin:articles_article_change", args=[live.pk])).content.decode()
    record = page[page.index('id="record-of-decisions"'):]
    assert "Correction added" in record and "Editor’s note" in record and "editors_note" not in record
