"""The article change form's record keeping: decisions only when asked, history that names real changes, revisions newest first."""

from datetime import timedelta

import re

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, ContentWarning, Decision, Revision
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


def test_the_live_preview_shows_the_warning_and_our_note_first(writer):
    """The form's live preview puts the content warning (the writer's proposal) and "Our note" before the
    standfirst and body, as readers will see them."""
    war = ContentWarning.objects.get(slug="war-and-conflict")
    response = logged_in(writer).post(reverse("admin:articles_article_body_preview"), {
        "title": "Night at the crossing", "standfirst": "The crossing reopened.", "body": "Families waited.",
        "suggested_warnings": [war.pk], "newsroom_note": "Describes the aftermath of shelling.",
    })
    html = response.json()["html"]
    order = [html.index(text) for text in ("War and conflict", "Our note: Describes the aftermath", "The crossing reopened.", "Families waited.")]
    assert order == sorted(order)
    assert "Proposed warnings" in html


def test_the_live_preview_of_an_editor_shows_the_chosen_warnings(editor):
    """For an editor the preview shows the warnings chosen in the form, not a proposal."""
    war = ContentWarning.objects.get(slug="war-and-conflict")
    html = logged_in(editor).post(reverse("admin:articles_article_body_preview"), {
        "body": "Families waited.", "warnings": [war.pk],
    }).json()["html"]
    assert "War and conflict" in html and "Proposed warnings" not in html


def _schedule(client, article, when):
    data = {**form_data(article, body="Edited before scheduling."), "_workflow": "schedule", "_schedule_at": when}
    return client.post(change_url(article), data, follow=True)


def test_save_and_schedule_from_the_article_in_the_newsrooms_time_zone(writer, editor):
    """The time typed beside "Save and schedule" is read in the newsroom's zone; the article is scheduled at
    once, the message and the record say "Scheduled for … (Europe/London)"."""
    article = make_article(writer, "in_review")
    when = (timezone.localtime() + timedelta(days=3)).replace(hour=9, minute=0, second=0, microsecond=0)
    response = _schedule(logged_in(editor), article, when.strftime("%Y-%m-%dT%H:%M"))
    article.refresh_from_db()
    assert article.is_scheduled and article.published_at == when
    html = response.content.decode()
    label = f"{when.strftime('%-d %b %Y')}, 09:00 (Europe/London)"
    assert f"it goes live on {label}" in html
    record_html = html[html.index('id="record-of-decisions"'):]
    assert f"Scheduled for {label}" in record_html
    page = logged_in(editor).get(change_url(article)).content.decode()
    assert f'value="{when.strftime("%Y-%m-%dT%H:%M")}"' in page and "Reschedule for" in page


def test_schedule_for_starts_from_the_time_the_article_asks_for(writer, editor):
    """An article in review dated ahead (the writer's "Published at") offers that time beside "Save and
    schedule", so the editor schedules it as asked in one press; one dated in the past, or undated, offers
    the next full hour."""
    article = make_article(writer, "in_review")
    when = (timezone.localtime() + timedelta(days=2)).replace(hour=9, minute=0, second=0, microsecond=0)
    Article.objects.filter(pk=article.pk).update(published_at=when)
    page = logged_in(editor).get(change_url(article)).content.decode()
    assert f'value="{when.strftime("%Y-%m-%dT%H:%M")}"' in page
    Article.objects.filter(pk=article.pk).update(published_at=when - timedelta(days=30))
    next_hour = (timezone.localtime() + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
    page = logged_in(editor).get(change_url(article)).content.decode()
    assert f'value="{next_hour.strftime("%Y-%m-%dT%H:%M")}"' in page


@pytest.mark.parametrize("typed", ["2020-01-01T09:00", "", "not a time"])
def test_a_past_or_missing_schedule_time_saves_nothing(writer, editor, typed):
    """A past, empty or unreadable time is refused with one message naming the problem; nothing is saved."""
    article = make_article(writer, "in_review")
    response = _schedule(logged_in(editor), article, typed)
    html = response.content.decode()
    assert "has already passed" in html if typed.startswith("2020") else "choose the date and time (Europe/London)" in html
    article.refresh_from_db()
    assert article.status == "in_review" and article.body != "Edited before scheduling."


def test_the_record_says_published_scheduled_once_the_time_has_come(writer, editor, time_machine):
    """After the scheduled time the record shows "Published (scheduled)" at that time."""
    article = make_article(writer, "in_review")
    at = timezone.now() + timedelta(hours=2)
    workflow.perform("schedule", article, editor, at=at)
    time_machine.move_to(at + timedelta(minutes=5))
    html = logged_in(editor).get(change_url(article)).content.decode()
    record_html = html[html.index('id="record-of-decisions"'):]
    assert "Published (scheduled)" in record_html and "Scheduled → Published" in record_html


def test_the_preview_page_shows_proposed_warnings_and_our_note(writer):
    """The article's Preview shows a draft's proposed warning and "Our note" before the text, saying the
    warning is a proposal."""
    article = make_article(writer, "draft")
    Article.objects.filter(pk=article.pk).update(warnings_decided_at=None, no_warnings_apply=False,
                                                 newsroom_note="Describes the aftermath of shelling.",
                                                 body="Shelling resumed at dawn.")
    article.warnings.clear()
    article.suggested_warnings.add(ContentWarning.objects.get(slug="war-and-conflict"))
    html = logged_in(writer).get(reverse("admin:articles_article_preview", args=[article.pk])).content.decode()
    assert html.index("War and conflict") < html.index("Our note: Describes the aftermath") < html.index("Shelling resumed at dawn.")
    assert "The content warning shown is the one proposed" in html


def test_a_new_article_can_be_saved_and_submitted_in_one_press(writer):
    """The add form offers "Save and submit for review": the draft is saved, then the submission's
    confirmation page opens."""
    client = logged_in(writer)
    assert 'name="_workflow" value="submit"' in client.get(reverse("admin:articles_article_add")).content.decode()
    response = client.post(reverse("admin:articles_article_add"), {
        "title": "Night at the border", "slug": "night-at-the-border", "author": writer.author_profile.pk,
        "body": "Notes.", "_workflow": "submit",
    })
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_transition", args=[article.pk, "submit"])
    assert article.status == "draft"


def test_an_undated_import_is_not_published_with_todays_date(writer, editor):
    """An imported page held for its missing date cannot be published (which would date it today) until an
    editor enters the source's date; the change form says so once, with the other blockers."""
    article = make_article(writer, "in_review")
    Article.objects.filter(pk=article.pk).update(source_name="004.txt", published_at=None)
    article.refresh_from_db()
    with pytest.raises(workflow.WorkflowError, match="the importer found none"):
        workflow.perform("publish", article, editor)
    html = logged_in(editor).get(change_url(article)).content.decode()
    assert html.count("the importer found none") == 1
    article.refresh_from_db()
    assert article.status == "in_review" and article.published_at is None


def test_publishing_now_an_article_dated_ahead_says_which_date_it_lost(writer, editor):
    """"Save and publish now" on an article the writer dated ahead publishes it now and says so, naming the
    date it had and how to hold it until then instead."""
    article = make_article(writer, "in_review")
    when = (timezone.localtime() + timedelta(days=2)).replace(hour=9, minute=0, second=0, microsecond=0)
    Article.objects.filter(pk=article.pk).update(published_at=when)
    article.refresh_from_db()
    data = {**form_data(article, published_at_0=when.strftime("%Y-%m-%d"), published_at_1="09:00"), "_workflow": "publish"}
    html = logged_in(editor).post(change_url(article), data, follow=True).content.decode()
    article.refresh_from_db()
    assert article.is_live
    assert f"Published now, not on {when.strftime('%-d %b %Y')}, 09:00 (Europe/London) as it was dated" in html


def test_an_article_back_in_review_shows_what_changed_since_it_was_sent_back(writer, editor):
    """When a writer resubmits an article an editor sent back, its form shows the editor what changed since
    (the word struck and the word added, under the field's name), and the version sent back is kept with the
    request's comment; a resubmission that changed nothing says so."""
    article = make_article(writer, "in_review")
    Article.objects.filter(pk=article.pk).update(body="The first lorries crossed the bridge.\n\nNobody spoke.")
    article.refresh_from_db()
    workflow.perform("request_changes", article, editor, comment="Name the agency.")
    sent_back = workflow.sent_back_version(article)
    assert sent_back.comment == "Name the agency." and sent_back.body.startswith("The first lorries")
    article.refresh_from_db()
    client = logged_in(writer)
    client.post(change_url(article), form_data(article, body="The first Red Crescent lorries crossed the bridge.\n\nNobody spoke."))
    article.refresh_from_db()
    assert "Red Crescent" in article.body
    workflow.perform("submit", article, writer, comment="Named it.")
    html = logged_in(editor).get(change_url(article)).content.decode()
    note = html[html.index('id="since-sent-back"'):]
    assert f"What changed since {editor.username} sent it back on" in note
    assert "The first<ins> Red Crescent</ins> lorries" in note[:note.index("</details>")]
    assert "The request: <q>Name the agency.</q>" in note
    workflow.perform("request_changes", article, editor, comment="And the date.")
    workflow.perform("submit", article, writer)
    html = logged_in(editor).get(change_url(article)).content.decode()
    assert "Nothing: the text is as it was sent back." in html


def test_the_publication_time_names_the_newsrooms_time_zone(writer):
    """The article form's "Published at" says whose clock its time is (a correspondent abroad types a time)."""
    html = logged_in(writer).get(reverse("admin:articles_article_add")).content.decode()
    assert "The time is the newsroom’s (Europe/London)." in html


def test_the_featured_image_credit_says_when_readers_see_it(client, writer):
    """The article's own featured-image credit says it shows only when the picture has no credit of its own."""
    client.force_login(writer)
    html = client.get(reverse("admin:articles_article_add")).content.decode()
    assert "Shown only when the featured picture has no credit of its own in the library" in html


def test_an_editor_finishes_at_the_foot_of_the_form_where_the_warnings_are_decided(writer, editor):
    """The content warnings are decided at the foot of the form, so the editor's "Save and publish now" is
    there too (and at the top): one press saves her decision and publishes."""
    article = make_article(writer, "in_review")
    Article.objects.filter(pk=article.pk).update(warnings_decided_at=None, no_warnings_apply=False)
    article.refresh_from_db()
    client = logged_in(editor)
    html = client.get(change_url(article)).content.decode()
    foot = html[html.index('id="id_warnings"'):]
    assert '<button type="submit" name="_workflow" value="publish" class="button default">Save and publish now</button>' in foot
    data = {**form_data(article), "warnings": [ContentWarning.objects.get(slug="war-and-conflict").pk],
            "record_warning_decision": "on", "_workflow": "publish"}
    data.pop("no_warnings_apply", None)
    response = client.post(change_url(article), data, follow=True)
    html = response.content.decode()
    assert "Your changes were saved. Published." in html, re.findall(r"errorlist[^>]*>(.*?)</ul>", html, re.S)
    article.refresh_from_db()
    assert article.warnings_decided and list(article.warnings.values_list("slug", flat=True)) == ["war-and-conflict"]
    assert article.is_live


def test_a_writer_sees_no_publishing_button_at_the_foot(writer):
    """A writer's own draft ends with her submission, never a publication."""
    article = make_article(writer, "draft")
    html = logged_in(writer).get(change_url(article)).content.decode()
    assert 'value="submit" class="button default">Save and submit for review' in html
    assert 'value="publish"' not in html
