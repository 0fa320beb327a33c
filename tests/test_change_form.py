"""The article change form's record keeping: decisions only when asked, history that names real changes, revisions newest first."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.utils import timezone

from articles.models import ContentWarning, Decision, Revision
from tests.test_admin_workflow import change_url, form_data, logged_in
from tests.test_workflow import make_article

pytestmark = pytest.mark.django_db


def _undecided_with_suggestion(writer):
    article = make_article(writer, "in_review")
    article.warnings.clear()
    article.no_warnings_apply, article.warnings_decided_at = False, None
    article.save()
    war = ContentWarning.objects.get(slug="war-and-conflict")
    article.suggested_warnings.add(war)
    return article, war


def test_a_workflow_button_alone_records_no_warning_decision(writer, editor):
    """"Save and request changes" with the suggested warnings shown as they came, and the decision box
    unticked, records no warning decision."""
    article, war = _undecided_with_suggestion(writer)
    response = logged_in(editor).post(change_url(article), form_data(article, warnings=[war.pk], _workflow="request_changes"))
    assert response.status_code == 302
    assert not Decision.objects.filter(article=article, action="warnings_decided").exists()
    article.refresh_from_db()
    assert not article.warnings_decided


def test_ticking_the_box_records_the_suggestions_as_the_decision(writer, editor):
    """With "Record my content-warning decision" ticked, the same save records the decision."""
    article, war = _undecided_with_suggestion(writer)
    data = form_data(article, warnings=[war.pk], record_warning_decision="on")
    assert logged_in(editor).post(change_url(article), data).status_code == 302
    assert Decision.objects.filter(article=article, action="warnings_decided").exists()


def test_history_does_not_say_the_body_changed_when_only_line_endings_differ(writer):
    """A browser posts the body with \\r\\n: a save that changed only the title says "Changed Title"."""
    article = make_article(writer, "draft")
    article.body = "First paragraph.\n\nSecond paragraph."
    article.save()
    data = form_data(article, title="A new headline", body="First paragraph.\r\n\r\nSecond paragraph.")
    assert logged_in(writer).post(change_url(article), data).status_code == 302
    entry = LogEntry.objects.filter(object_id=str(article.pk)).latest("action_time")
    assert "Title" in entry.get_change_message() and "Body" not in entry.get_change_message()


def test_revisions_page_lists_newest_first(writer, editor):
    """The revisions page says "Newest first" and lists the newest revision first."""
    article = make_article(writer, "published")
    now = timezone.now()
    for n, body in enumerate(["Oldest edit.", "Middle edit.", "Newest edit."]):
        Revision.objects.create(article=article, title=article.title, body=body, created_by=editor,
                                created_at=now - timedelta(hours=3 - n), status=Revision.Status.SUPERSEDED)
    html = logged_in(editor).get(change_url(article).replace("/change/", "/revisions/")).content.decode()
    assert "Newest first" in html
    revisions = list(Revision.objects.filter(article=article).order_by("-created_at"))
    positions = [html.index(f"/revisions/{revision.pk}/") for revision in revisions]
    assert positions == sorted(positions)
