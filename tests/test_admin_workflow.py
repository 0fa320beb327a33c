"""The workflow as editors and writers meet it in the admin: URLs, direct POSTs, bulk actions, conflicts, previews."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles import preview, workflow
from articles.models import Article, ContentWarning, Decision, PreviewLink, Revision
from tests.factories import ArticleFactory
from tests.test_workflow import EXPECTED, ROLES, STATES, STORED, TARGET, make_article

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def form_data(article, **overrides):
    """The change form's fields for ``article``, as a browser would post them."""
    data = {
        "title": article.title,
        "slug": article.slug,
        "author": article.author_id or "",
        "published_at_0": "",
        "published_at_1": "",
        "standfirst": article.standfirst,
        "body": article.body,
        "image_credit": article.image_credit,
        "tags": ", ".join(article.tags.names()),
        "warning_note": article.warning_note,
        "edit_version": article.version,
        "warnings": [w.pk for w in article.warnings.all()],
    }
    if article.no_warnings_apply:
        data["no_warnings_apply"] = "on"
    data.update(overrides)
    return data


@pytest.fixture
def people(writer, other_writer, reviewer, editor, superuser):
    return {"owner": writer, "other_writer": other_writer, "reviewer": reviewer, "editor": editor, "superuser": superuser}


# --- the permission matrix through direct POSTs --------------------------------------------------------


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("name", list(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_transition_posts_follow_the_matrix(people, role, name, state):
    """A direct POST to a transition URL does exactly what the specification allows, and nothing else."""
    article = make_article(people["owner"], state)
    data = {"comment": "Because."}
    if name in ("schedule", "reschedule"):
        at = timezone.localtime() + timedelta(days=2)
        data.update({"publish_at_0": at.strftime("%Y-%m-%d"), "publish_at_1": at.strftime("%H:%M:%S")})
    response = logged_in(people[role]).post(reverse("admin:articles_article_transition", args=[article.pk, name]), data)
    article.refresh_from_db()
    states, roles = EXPECTED[name]
    if state in states and role in roles:
        assert response.status_code == 302
        assert article.status == TARGET[name]
    else:
        assert response.status_code == 403
        assert article.status == STORED.get(state, state)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("name", list(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_bulk_actions_follow_the_matrix(people, role, name, state):
    """The changelist's bulk action for each move obeys the same table as the move itself."""
    article = make_article(people["owner"], state)
    at = timezone.localtime() + timedelta(days=2)
    data = {
        "action": f"{name}_selected",
        ACTION_CHECKBOX_NAME: [article.pk],
        "apply": "1",
        "comment": "Because.",
        "publish_at_0": at.strftime("%Y-%m-%d"),
        "publish_at_1": at.strftime("%H:%M:%S"),
    }
    logged_in(people[role]).post(reverse("admin:articles_article_changelist"), data)
    article.refresh_from_db()
    states, roles = EXPECTED[name]
    assert article.status == (TARGET[name] if state in states and role in roles else STORED.get(state, state))


def test_transition_page_explains_a_refusal(writer, editor):
    """Opening a move that is not possible says why, and offers no button."""
    article = make_article(writer, "published")
    response = logged_in(editor).get(reverse("admin:articles_article_transition", args=[article.pk, "publish"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "this is only possible when it is draft or in review" in html and 'value="Publish now"' not in html


def test_request_changes_without_comment_shows_the_form_again(writer, editor):
    """A missing comment is a form error; the article stays in review."""
    article = make_article(writer, "in_review")
    response = logged_in(editor).post(reverse("admin:articles_article_transition", args=[article.pk, "request_changes"]), {"comment": ""})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == "in_review"


# --- a writer against another writer's article ----------------------------------------------------------


@pytest.fixture
def others_article(other_writer, editor):
    return make_article(other_writer, "draft")


@pytest.mark.parametrize(
    "url_name, args",
    [
        ("admin:articles_article_change", []),
        ("admin:articles_article_history", []),
        ("admin:articles_article_preview", []),
        ("admin:articles_article_revisions", []),
        ("admin:articles_article_share", []),
        ("admin:articles_article_transition", ["submit"]),
        ("admin:articles_article_delete", []),
    ],
)
def test_writer_cannot_open_another_writers_article(writer, others_article, url_name, args):
    """Every admin URL of someone else's article refuses a writer, for GET and POST alike."""
    client = logged_in(writer)
    url = reverse(url_name, args=[others_article.pk, *args])
    refused = {403, "/admin/"}  # 403, or Django's "no such article" redirect to the admin index
    for response in (client.get(url), client.post(url, {"comment": "x", "title": "hijacked", "post": "yes"})):
        assert (response.status_code if response.status_code != 302 else response["Location"]) in refused
        assert others_article.title not in response.content.decode()
    others_article.refresh_from_db()
    assert others_article.status == "draft" and others_article.title != "hijacked"


def test_writer_cannot_see_another_writers_revision_diff(writer, other_writer, editor):
    """A revision page of someone else's article is refused."""
    article = make_article(other_writer, "published")
    revision = workflow.propose_revision(article, editor, workflow.content_of(article).replace(body="x"))
    url = reverse("admin:articles_article_revision", args=[article.pk, revision.pk])
    client = logged_in(writer)
    assert client.get(url).status_code == 403
    assert client.post(url, {"action": "approve"}).status_code == 403
    assert Revision.objects.get(pk=revision.pk).status == Revision.Status.PENDING


def _view_on_site(article):
    return reverse("admin:view_on_site", args=[ContentType.objects.get_for_model(Article).pk, article.pk])


def test_view_on_site_never_reveals_another_writers_draft(writer, others_article):
    """/admin/r/<type>/<id>/ answers a writer 404 for another writer's draft, instead of redirecting to its URL."""
    response = logged_in(writer).get(_view_on_site(others_article))
    assert response.status_code == 404
    assert others_article.slug not in response.headers.get("Location", "")


def test_view_on_site_still_works_for_what_one_may_see(writer, editor, others_article):
    """A writer's own article, and any article for an editor, still redirect to the page."""
    own = make_article(writer, "published")
    assert logged_in(writer).get(_view_on_site(own)).headers["Location"].endswith(own.get_absolute_url())
    assert logged_in(editor).get(_view_on_site(others_article)).status_code == 302


def _view_on_site_link(client, article):
    """The href of the change form's "View on site" link."""
    html = client.get(change_url(article)).content.decode()
    return re.search(r'<a href="([^"]+)" class="viewsitelink">View on site</a>', html).group(1)


@pytest.mark.parametrize("state", ["draft", "in_review", "scheduled"])
def test_view_on_site_of_an_article_readers_cannot_see_opens_its_preview(writer, editor, state):
    """"View on site" on an article readers cannot see yet opens its admin preview, not a 404."""
    article = make_article(writer, state)
    preview = reverse("admin:articles_article_preview", args=[article.pk])
    for person in (writer, editor):
        client = logged_in(person)
        link = _view_on_site_link(client, article)
        assert link == preview
        response = client.get(link)
        assert response.status_code == 200 and article.title in response.content.decode()
        assert client.get(_view_on_site(article)).headers["Location"] == preview


def test_view_on_site_of_a_live_article_opens_its_public_page(writer, editor):
    """"View on site" on a live article opens the page readers see."""
    article = make_article(writer, "published")
    link = _view_on_site_link(logged_in(editor), article)
    assert link == article.get_absolute_url()
    assert Client().get(link).status_code == 200


def test_writers_see_no_logins_and_no_tags_of_others_drafts(writer, other_writer, editor):
    """Another writer's login name, and a tag only her draft carries, appear nowhere a writer looks; counts
    shown to a writer include published articles only."""
    draft = make_article(other_writer, "draft")
    draft.tags.add("Secret offensive")
    live = make_article(other_writer, "published")
    live.tags.add("Frontline")
    make_article(other_writer, "in_review").tags.add("Frontline")
    client = logged_in(writer)
    pages = {
        "authors": client.get(reverse("admin:articles_author_changelist")).content.decode(),
        "tags": client.get(reverse("admin:taggit_tag_changelist")).content.decode(),
        "articles": client.get(reverse("admin:articles_article_changelist")).content.decode(),
    }
    for name, html in pages.items():
        assert not re.search(r"\boscar\b(?!-)", html), name  # the other writer's login (not her public slug)
        assert "Secret offensive" not in html, name
    assert "Frontline" in pages["tags"]
    tag = reverse("admin:taggit_tag_changelist")
    counts = logged_in(writer).get(tag).context["cl"].result_list
    assert {t.name: t.article_count for t in counts} == {"Frontline": 1}
    editor_counts = logged_in(editor).get(tag).context["cl"].result_list
    assert {t.name: t.article_count for t in editor_counts} == {"Frontline": 2, "Secret offensive": 1}


def test_writer_cannot_file_under_another_byline(writer, other_writer):
    """A crafted add form naming another writer's byline is refused, and nothing is saved."""
    data = {
        "title": "Under a stolen byline", "slug": "stolen", "author": other_writer.author_profile.pk,
        "published_at_0": "", "published_at_1": "", "standfirst": "", "body": "Text.", "image_credit": "",
        "tags": "", "warning_note": "",
    }
    response = logged_in(writer).post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Article.objects.filter(slug="stolen").exists()


def test_writer_changelist_lists_only_their_articles(writer, others_article):
    """A writer's article list holds their own work only."""
    mine = make_article(writer, "draft")
    response = logged_in(writer).get(reverse("admin:articles_article_changelist"))
    assert list(response.context["cl"].result_list) == [mine]


def test_writer_bulk_action_cannot_reach_others(writer, others_article):
    """Selecting another writer's article in a bulk action changes nothing."""
    logged_in(writer).post(
        reverse("admin:articles_article_changelist"),
        {"action": "submit_selected", ACTION_CHECKBOX_NAME: [others_article.pk]},
    )
    assert Article.objects.get(pk=others_article.pk).status == "draft"


def test_writer_cannot_open_the_queue_or_record(writer):
    """The review queue and the record of decisions are for editors."""
    client = logged_in(writer)
    assert client.get(reverse("admin:articles_reviewqueue_changelist")).status_code == 403
    assert client.get(reverse("admin:articles_decision_changelist")).status_code == 403


def test_writer_cannot_edit_own_article_in_review(writer):
    """Once submitted, a writer's own article is read-only to them."""
    article = make_article(writer, "in_review")
    client = logged_in(writer)
    response = client.get(change_url(article))
    assert response.status_code == 200 and 'name="body"' not in response.content.decode()
    client.post(change_url(article), form_data(article, body="changed"))
    assert Article.objects.get(pk=article.pk).body != "changed"


def test_writers_new_article_gets_their_author(writer):
    """The add form starts with the writer's own Author."""
    response = logged_in(writer).get(reverse("admin:articles_article_add"))
    assert response.context["adminform"].form.initial["author"] == writer.author_profile.pk


def test_writer_cannot_set_warnings(writer):
    """Warnings are read-only to writers."""
    article = make_article(writer, "draft")
    html = logged_in(writer).get(change_url(article)).content.decode()
    assert 'name="warnings"' not in html and 'name="no_warnings_apply"' not in html


# --- bulk actions ----------------------------------------------------------------------------------------


def test_bulk_publish_checks_every_article(writer, editor):
    """If one selected article may not be published, none is, and the message names it."""
    ready = make_article(writer, "in_review")
    draft = make_article(writer, "draft")
    Article.objects.filter(pk=draft.pk).update(warnings_decided_at=None)  # its warnings undecided: not publishable
    response = logged_in(editor).post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", ACTION_CHECKBOX_NAME: [draft.pk, ready.pk]},
        follow=True,
    )
    assert "Nothing was changed." in response.content.decode() and draft.title in response.content.decode()
    assert Article.objects.get(pk=ready.pk).status == "in_review"


def test_bulk_request_changes_asks_for_a_comment(writer, editor):
    """A bulk move that needs a comment shows a form first, then applies to all."""
    articles = [make_article(writer, "in_review") for _ in range(2)]
    client = logged_in(editor)
    url = reverse("admin:articles_article_changelist")
    ids = [a.pk for a in articles]
    first = client.post(url, {"action": "request_changes_selected", ACTION_CHECKBOX_NAME: ids})
    assert first.status_code == 200 and "What needs to change" in first.content.decode()
    client.post(url, {"action": "request_changes_selected", ACTION_CHECKBOX_NAME: ids, "apply": "1", "comment": "Sources?"})
    assert set(Article.objects.values_list("status", flat=True)) == {"draft"}
    assert Decision.objects.filter(action="request_changes", comment="Sources?").count() == 2


# --- the review queue ------------------------------------------------------------------------------------


def test_review_queue_oldest_first_with_reasons(writer, editor):
    """The queue lists what waits, oldest submission first, with import reasons and suggestions."""
    newer = make_article(writer, "in_review")
    older = make_article(writer, "in_review")
    Article.objects.filter(pk=older.pk).update(submitted_at=timezone.now() - timedelta(days=2), review_reasons=["no publication date found"])
    Article.objects.filter(pk=newer.pk).update(submitted_at=timezone.now() - timedelta(days=1))
    older.suggested_warnings.add(ContentWarning.objects.get(slug="death"))
    live = make_article(writer, "published")
    workflow.propose_revision(live, editor, workflow.content_of(live).replace(body="new"))
    make_article(writer, "draft")
    response = logged_in(editor).get(reverse("admin:articles_reviewqueue_changelist"))
    assert [a.pk for a in response.context["cl"].result_list][:2] == [older.pk, newer.pk]
    assert live.pk in [a.pk for a in response.context["cl"].result_list]
    html = response.content.decode()
    assert "no publication date found" in html and "Death" in html and "pending revision" in html
    assert f'<a href="{change_url(older)}">{older.title}</a>' in html


# --- edits of live articles --------------------------------------------------------------------------------


def test_editing_a_live_article_makes_a_pending_revision(writer, editor, client):
    """Saving a live article's form keeps the live text and stores the edit as a pending revision."""
    article = make_article(writer, "published")
    response = logged_in(editor).post(change_url(article), form_data(article, body="Pending words.", no_warnings_apply="on"), follow=True)
    assert "saved as a pending revision" in response.content.decode()
    article.refresh_from_db()
    assert article.body != "Pending words."
    assert article.revisions.pending().get().body == "Pending words."
    assert "Pending words." not in client.get(article.get_absolute_url()).content.decode()
    # The next edit starts from the pending revision, so edits build on each other.
    form = logged_in(editor).get(change_url(article)).context["adminform"].form
    assert form.initial["body"] == "Pending words."


def test_revision_page_shows_a_diff_and_approves(writer, editor, client):
    """The revision page shows what changed; approving makes it live."""
    article = make_article(writer, "published")
    revision = workflow.propose_revision(article, editor, workflow.content_of(article).replace(body="Brand new paragraph.", tags=("Syria",)))
    url = reverse("admin:articles_article_revision", args=[article.pk, revision.pk])
    page = logged_in(editor).get(url).content.decode()
    assert 'class="diff-line diff-added">+ Brand new paragraph.' in page
    assert 'diff-added">+ Syria' in page
    logged_in(editor).post(url, {"action": "approve", "comment": ""})
    assert "Brand new paragraph." in client.get(article.get_absolute_url()).content.decode()


# --- no lost edits -----------------------------------------------------------------------------------------


def test_two_sessions_second_save_is_refused_and_keeps_its_text(writer, editor, second_editor):
    """When two people edit, the second save names who saved in between and keeps their typing in the form."""
    article = make_article(writer, "draft")
    first, second = logged_in(editor), logged_in(second_editor)
    first_form = first.get(change_url(article)).context["adminform"].form
    second_form = second.get(change_url(article)).context["adminform"].form
    assert first_form["edit_version"].value() == second_form["edit_version"].value() == article.version
    assert first.post(change_url(article), form_data(article, body="Edith's version.")).status_code == 302
    response = second.post(change_url(article), form_data(article, body="Eamon's careful rewrite."))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Not saved: edith saved this article" in html
    assert "Eamon&#x27;s careful rewrite." in html
    assert Article.objects.get(pk=article.pk).body == "Edith's version."
    # Having seen the message, the second person can save deliberately.
    version = response.context["adminform"].form.data["edit_version"]
    assert second.post(change_url(article), form_data(article, body="Eamon's careful rewrite.", edit_version=version)).status_code == 302
    assert Article.objects.get(pk=article.pk).body == "Eamon's careful rewrite."


def expire_sessions():
    """The server ends every login (as SESSION_COOKIE_AGE passing would); browsers keep their cookies."""
    from django.contrib.sessions.models import Session

    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))


def log_in_again(client, article):
    response = client.post(
        reverse("admin:login") + f"?next={change_url(article)}",
        {"username": "edith", "password": "a-long-password-123", "next": change_url(article)},
    )
    assert response.status_code == 302 and response["Location"] == change_url(article)


def test_save_after_session_expiry_keeps_the_text(writer, editor):
    """A save made after the login expired is brought back, unsaved, after logging in again."""
    article = make_article(writer, "draft")
    client = Client()
    client.post(reverse("admin:login"), {"username": "edith", "password": "a-long-password-123"})
    form_page = client.get(change_url(article))
    token = str(form_page.context["csrf_token"])
    expire_sessions()
    client.handler.enforce_csrf_checks = True  # the browser's save carries the form's token, as a real one does
    response = client.post(change_url(article), {**form_data(article, body="Typed while logged out."), "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]
    assert Article.objects.get(pk=article.pk).body != "Typed while logged out."
    client.handler.enforce_csrf_checks = False
    log_in_again(client, article)
    page = client.get(change_url(article)).content.decode()
    assert "Typed while logged out." in page and "Your login had expired" in page
    assert Article.objects.get(pk=article.pk).body != "Typed while logged out."  # nothing saved behind their back
    assert "Typed while logged out." not in client.get(change_url(article)).content.decode()  # shown once


def test_forged_cross_site_post_plants_nothing(writer, editor):
    """A page on another site auto-submits a POST with no CSRF token to the editor's article form: it is
    refused (403), the editor stays logged in, and her form shows nothing of the attacker's text."""
    from django.contrib.sessions.models import Session

    article = make_article(writer, "draft")
    editor_browser = Client(enforce_csrf_checks=True)
    editor_browser.force_login(editor)
    sessions = Session.objects.count()
    forged = editor_browser.post(change_url(article), form_data(article, title="Planted", body="Attacker's text", no_warnings_apply="on"))
    assert forged.status_code == 403
    assert Session.objects.count() == sessions
    page = editor_browser.get(change_url(article))
    assert page.status_code == 200  # still logged in
    assert "Attacker" not in page.content.decode() and "Planted" not in page.content.decode()


def test_forged_post_after_expiry_plants_nothing(writer, editor):
    """The same forged POST arriving once the editor's login expired is refused, and after she logs in
    again her form is not "restored" with the attacker's text."""
    article = make_article(writer, "draft")
    client = Client()
    client.post(reverse("admin:login"), {"username": "edith", "password": "a-long-password-123"})
    assert client.get(change_url(article)).status_code == 200
    expire_sessions()
    client.handler.enforce_csrf_checks = True  # the forged POST carries no token
    assert client.post(change_url(article), form_data(article, body="Attacker's text")).status_code == 403
    client.handler.enforce_csrf_checks = False
    log_in_again(client, article)
    page = client.get(change_url(article)).content.decode()
    assert "Attacker" not in page and "Your login had expired" not in page


def test_anonymous_posts_never_create_sessions():
    """POSTs with no cookie at all, however large, create no session row and keep nothing."""
    from django.contrib.sessions.models import Session

    anonymous = Client(enforce_csrf_checks=True)
    for _ in range(3):
        response = anonymous.post(reverse("admin:articles_article_add"), {"title": "x", "body": "y" * 300_000})
        assert response.status_code == 403
    unchecked = Client()  # even past the CSRF check, a request with no expired staff session keeps nothing
    unchecked.post(reverse("admin:articles_article_add"), {"title": "x", "body": "y" * 300_000})
    assert Session.objects.count() == 0


def test_expired_save_keeps_no_passwords_and_no_huge_posts(writer, editor):
    """Password fields are never kept, nor a save over the size limit; other forms are never kept."""
    from django.contrib.sessions.models import Session

    from articles import middleware

    article = make_article(writer, "draft")
    client = Client()
    client.force_login(editor)
    expire_sessions()
    client.post(change_url(article), {**form_data(article, body="Kept."), "password1": "hunter2-secret", "new_password": "x"})
    kept = [s.get_decoded().get(middleware.UNSAVED_POST_KEY) for s in Session.objects.all()]
    kept = [entry for entry in kept if entry]
    assert len(kept) == 1 and kept[0]["data"]["body"] == ["Kept."]
    assert not any("password" in key for key in kept[0]["data"])
    Session.objects.all().delete()
    client.force_login(editor)
    expire_sessions()
    client.post(change_url(article), form_data(article, body="y" * (middleware.MAX_BYTES + 1)))
    client.post(reverse("admin:auth_user_add"), {"username": "new", "password1": "hunter2-secret", "password2": "hunter2-secret"})
    assert not any(s.get_decoded().get(middleware.UNSAVED_POST_KEY) for s in Session.objects.all())


def test_kept_save_is_only_restored_for_its_owner(writer, editor, second_editor):
    """Text kept from Edith's expired session is never shown to someone else who logs in on that browser."""
    article = make_article(writer, "draft")
    client = Client()
    client.force_login(editor)
    expire_sessions()
    client.post(change_url(article), form_data(article, body="Edith's unsaved words."))
    client.post(reverse("admin:login"), {"username": "eamon", "password": "a-long-password-123"})
    assert "Edith's unsaved words." not in client.get(change_url(article)).content.decode().replace("&#x27;", "'")


# --- warning decisions in the form ---------------------------------------------------------------------------


def test_what_stops_publishing_links_to_the_warnings_it_needs(writer, editor):
    """An undecided article's "Below, under Content warnings" is a link to the warnings' checkboxes (a long form
    away), and on the new-article form too."""
    article = make_article(writer, "in_review")
    Article.objects.filter(pk=article.pk).update(warnings_decided_at=None, no_warnings_apply=False)
    for url in (change_url(article), reverse("admin:articles_article_add")):
        html = logged_in(editor).get(url).content.decode()
        assert '<a href="#id_warnings">“Content warnings”</a>' in html and 'id="id_warnings"' in html


def test_editor_records_a_warning_decision_in_the_form(writer, editor):
    """An editor's form save with the decision box records who decided and what changed."""
    article = make_article(writer, "in_review")
    Article.objects.filter(pk=article.pk).update(warnings_decided_at=None, no_warnings_apply=False)
    article.refresh_from_db()
    death = ContentWarning.objects.get(slug="death")
    article.suggested_warnings.add(death, ContentWarning.objects.get(slug="torture"))
    response = logged_in(editor).post(change_url(article), form_data(article, warnings=[death.pk], record_warning_decision="on"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.warnings_decided_by == editor
    assert list(article.warnings.all()) == [death] and not article.suggested_warnings.exists()
    entry = Decision.objects.latest()
    assert entry.changes["suggestions_accepted"] == ["death"] and entry.changes["suggestions_dismissed"] == ["torture"]


def test_saving_the_same_warning_decision_again_records_nothing_new(writer, editor):
    """The same decision saved twice (the box ticked again, the warnings as they are) is on record once."""
    article = make_article(writer, "in_review")
    Article.objects.filter(pk=article.pk).update(warnings_decided_at=None, no_warnings_apply=False)
    article.refresh_from_db()
    death = ContentWarning.objects.get(slug="death")
    client = logged_in(editor)
    assert client.post(change_url(article), form_data(article, warnings=[death.pk], record_warning_decision="on")).status_code == 302
    article.refresh_from_db()
    decided_at = article.warnings_decided_at
    assert client.post(change_url(article), form_data(article, warnings=[death.pk], record_warning_decision="on")).status_code == 302
    article.refresh_from_db()
    assert article.decisions.filter(action="warnings_decided").count() == 1
    assert article.warnings_decided_at == decided_at
    war = ContentWarning.objects.get(slug="war-and-conflict")
    client.post(change_url(article), form_data(article, warnings=[death.pk, war.pk], record_warning_decision="on"))
    assert article.decisions.filter(action="warnings_decided").count() == 2  # a changed decision is recorded


def test_empty_decision_is_refused_in_the_form(writer, editor):
    """Recording a decision with nothing chosen is a form error, nothing saved."""
    article = make_article(writer, "in_review")
    data = form_data(article, body="new", record_warning_decision="on")
    data.pop("no_warnings_apply")
    response = logged_in(editor).post(change_url(article), data)
    assert response.status_code == 200 and "An empty list is not a decision" in response.content.decode()
    assert Article.objects.get(pk=article.pk).body != "new"


def test_suggestions_never_reach_readers(client):
    """Suggested warnings are for editors only."""
    article = ArticleFactory(decided=True)
    article.suggested_warnings.add(ContentWarning.objects.get(slug="torture"))
    assert "Torture" not in client.get(article.get_absolute_url()).content.decode()


# --- the record of decisions -----------------------------------------------------------------------------------


def test_change_page_shows_the_record_newest_first(writer, editor):
    """The article page lists its decisions, newest first."""
    article = make_article(writer, "draft")
    workflow.perform("submit", article, writer)
    workflow.perform("request_changes", article, editor, comment="Needs sources.")
    html = logged_in(editor).get(change_url(article)).content.decode()
    record = html[html.index("Record of decisions"):]
    assert record.index("Changes requested") < record.index("Submitted for review")
    assert "Needs sources." in record


def test_nobody_edits_or_deletes_the_record(writer, superuser):
    """Even a superuser cannot change or delete an entry through the admin."""
    article = make_article(writer, "draft")
    workflow.perform("submit", article, writer)
    entry = Decision.objects.get()
    client = logged_in(superuser)
    client.post(reverse("admin:articles_decision_change", args=[entry.pk]), {"comment": "rewritten"})
    assert client.post(reverse("admin:articles_decision_delete", args=[entry.pk]), {"post": "yes"}).status_code == 403
    assert Decision.objects.get(pk=entry.pk).comment == ""


# --- previews ----------------------------------------------------------------------------------------------------


def test_writer_previews_own_draft_uncached(writer):
    """A writer sees their draft as readers would, and the response is never cached."""
    article = make_article(writer, "draft")
    response = logged_in(writer).get(reverse("admin:articles_article_preview", args=[article.pk]))
    assert response.status_code == 200
    assert article.title in response.content.decode() and "Preview — not visible to readers" in response.content.decode()
    assert "no-store" in response["Cache-Control"] and "noindex" in response["X-Robots-Tag"]
    html = response.content.decode()
    assert 'rel="canonical"' not in html and "og:url" not in html  # a preview address is never advertised


def test_anonymous_cannot_preview(writer, client):
    """The admin preview asks for a login."""
    article = make_article(writer, "draft")
    response = client.get(reverse("admin:articles_article_preview", args=[article.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_preview_of_a_pending_revision(writer, editor):
    """An editor previews a pending revision's text over the live article."""
    article = make_article(writer, "published")
    revision = workflow.propose_revision(article, editor, workflow.content_of(article).replace(body="Revision words."))
    url = reverse("admin:articles_article_preview", args=[article.pk]) + f"?revision={revision.pk}"
    assert "Revision words." in logged_in(editor).get(url).content.decode()


def test_share_link_lifecycle(writer, editor, client, time_machine):
    """An editor's share link works without a login until it is revoked or expires."""
    article = make_article(writer, "in_review")
    response = logged_in(editor).post(reverse("admin:articles_article_share", args=[article.pk]), {"days": 2})
    link_url = re.search(r'value="(http[^"]+/preview/[^"]+)"', response.content.decode()).group(1)
    path = link_url.split("testserver", 1)[1]
    shared = client.get(path)
    assert shared.status_code == 200 and article.title in shared.content.decode()
    assert "no-store" in shared["Cache-Control"]
    assert client.get(path[:-3] + "xx/").status_code == 404  # a tampered token
    time_machine.move_to(timezone.now() + timedelta(days=3))
    assert client.get(path).status_code == 404
    time_machine.move_to(timezone.now() - timedelta(days=3))
    PreviewLink.objects.update(revoked_at=timezone.now())
    assert client.get(path).status_code == 404


def test_share_link_shows_the_newest_pending_revision(editor, client):
    """A share link of a live article shows the revision proposed last, not an older one (the importer's)."""
    article = ArticleFactory(title="As it went live", decided=True)
    workflow.propose_revision(article, None, workflow.content_of(article).replace(title="The importer's old version"),
                              source="import")
    workflow.propose_revision(article, editor, workflow.content_of(article).replace(title="The editor's newest"))
    link, token = preview.make_share_link(article, editor, days=2)
    html = client.get(reverse("articles:preview-share", args=[token])).content.decode()
    assert "The editor's newest" in html and "The importer's old version" not in html


def test_writers_cannot_make_share_links(writer):
    """Share links are an editor's tool."""
    article = make_article(writer, "draft")
    assert logged_in(writer).post(reverse("admin:articles_article_share", args=[article.pk]), {"days": 2}).status_code == 403
    assert not PreviewLink.objects.exists()


# --- one-line headlines, and emails that cannot break a decision -------------------------------------------


def test_crafted_title_with_line_breaks_is_saved_on_one_line(writer, editor):
    """A POST carrying a newline in the title (no browser field can) saves it as one line, and every
    workflow action on the article still works afterwards."""
    article = make_article(writer, "draft")
    response = logged_in(editor).post(change_url(article), form_data(article, title="Shelling\r\nBcc: victim@example.org"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Shelling Bcc: victim@example.org"
    for name in ["submit", "request_changes"]:
        response = logged_in(editor).post(reverse("admin:articles_article_transition", args=[article.pk, name]), {"comment": "Fix it."})
        assert response.status_code == 302


def test_a_title_with_a_line_break_cannot_be_stored(writer):
    """The database refuses a multi-line headline, whatever writes it."""
    from django.core.exceptions import ValidationError
    from django.db import IntegrityError, transaction

    article = make_article(writer, "draft")
    article.title = "Two\nlines"
    with pytest.raises(ValidationError, match="one line"):
        article.validate_constraints()
    with pytest.raises(IntegrityError), transaction.atomic():
        article.save()


def test_a_failing_email_never_breaks_a_committed_move(writer, editor, monkeypatch, caplog,
                                                      django_capture_on_commit_callbacks):
    """If the mail server or a header refuses the notification, the move stands and the page answers."""
    from django.core.mail import BadHeaderError

    from articles import notifications

    def refuse(*args, **kwargs):
        raise BadHeaderError("Header values can't contain newlines")

    monkeypatch.setattr(notifications, "send_mail", refuse)
    article = make_article(writer, "draft")
    with django_capture_on_commit_callbacks(execute=True):
        # The writer submits (the editor, who is told of it, would not be told of her own submission).
        response = logged_in(writer).post(reverse("admin:articles_article_transition", args=[article.pk, "submit"]), {})
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).status == "in_review"
    assert "Could not send workflow email" in caplog.text


# --- the edit-conflict token comes from every write --------------------------------------------------------


def _stale_save_is_refused(editor, article, write):
    """Open the change form, let ``write`` change the article some other way, then save the stale form."""
    client = logged_in(editor)
    started_from = client.get(change_url(article)).context["adminform"].form["edit_version"].value()
    write()
    article.refresh_from_db()
    stale = form_data(article, body="An editor's stale text.", edit_version=started_from)
    response = client.post(change_url(article), stale)
    assert response.status_code == 200, "the stale save went through"
    assert "Not saved:" in response.content.decode()
    assert Article.objects.get(pk=article.pk).body != "An editor's stale text."


def test_stale_form_cannot_overwrite_a_reimport(editor, tmp_path):
    """An editor opens an article held for review, its changed source is re-imported, and her stale save is
    refused instead of silently replacing the importer's new text."""
    from django.core.management import call_command

    from tests.conftest import SEED_004

    path = tmp_path / SEED_004.name
    path.write_text(SEED_004.read_text())
    call_command("import_seeds", str(path), stdout=StringIO())
    article = Article.objects.get(source_name=SEED_004.name)
    assert article.status == "in_review"

    def reimport():
        path.write_text(path.read_text().replace("But such treachery can only aid Daesh.", "A new sentence."))
        call_command("import_seeds", str(path), stdout=StringIO())

    _stale_save_is_refused(editor, article, reimport)
    assert "A new sentence." in Article.objects.get(pk=article.pk).body


@pytest.mark.parametrize("path", ["warning decision", "workflow move", "model save"])
def test_stale_form_is_refused_after_any_write(writer, editor, second_editor, graphic, path):
    """A warning decision, a move there and back, or any save of the row: each makes the open form stale."""
    article = make_article(writer, "in_review")
    writes = {
        "warning decision": lambda: workflow.decide_warnings(article, second_editor, [graphic], no_warnings_apply=False),
        "workflow move": lambda: workflow.perform("withdraw", article, writer) and workflow.perform("submit", article, writer),
        "model save": lambda: Article.objects.get(pk=article.pk).save(update_fields=["standfirst"]),
    }
    _stale_save_is_refused(editor, article, writes[path])


# --- workflow buttons keep the edits; moves that cannot go yet say why --------------------------------------


@pytest.mark.parametrize("who, state, name", [("writer", "draft", "submit"), ("editor", "in_review", "request_changes")])
def test_workflow_buttons_save_the_form_first(writer, editor, who, state, name):
    """Editing the form and pressing a workflow button that takes a comment saves the edits, then opens the
    move's confirmation."""
    article = make_article(writer, state)
    client = logged_in(writer if who == "writer" else editor)
    html = client.get(change_url(article)).content.decode()
    assert f'name="_workflow" value="{name}"' in html
    response = client.post(change_url(article), {**form_data(article, body="Typed just before pressing."), "_workflow": name})
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("admin:articles_article_transition", args=[article.pk, name])
    assert Article.objects.get(pk=article.pk).body == "Typed just before pressing."


def test_workflow_button_with_an_invalid_form_keeps_the_text(writer):
    """If the form cannot be saved, the move does not happen and the typing stays in the form."""
    article = make_article(writer, "draft")
    client = logged_in(writer)
    response = client.post(change_url(article), {**form_data(article, title="", body="Kept words."), "_workflow": "submit"})
    assert response.status_code == 200
    assert "Kept words." in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == "draft"


def test_enter_in_a_field_saves_rather_than_moves(writer):
    """The form's first submit button (the one Enter presses) is the plain Save, before any workflow button."""
    article = make_article(writer, "draft")
    html = logged_in(writer).get(change_url(article)).content.decode()
    form = html[html.index('id="article_form"'):]
    first_submit = re.search(r'<(?:input|button)[^>]*type="submit"[^>]*>', form).group(0)
    assert 'name="_save"' in first_submit


def test_publish_before_warnings_are_decided_says_how_once(writer, editor):
    """Undecided warnings: the change form says once why it cannot be published yet and how to decide in the
    same form (the tickbox named); "Save and publish now" then saves and refuses the move; the move's own page
    refuses at once."""
    article = make_article(writer, "in_review")
    Article.objects.filter(pk=article.pk).update(warnings_decided_at=None)
    client = logged_in(editor)
    html = client.get(change_url(article)).content.decode()
    assert html.count("cannot be published before an editor decides its content warnings") == 1
    assert "Record my content-warning decision”, then press a button here" in html
    response = client.post(change_url(article), {**form_data(article, body="Edited."), "_workflow": "publish"}, follow=True)
    page_text = response.content.decode()
    assert "Your changes were saved, but the article was not moved" in page_text
    article.refresh_from_db()
    assert (article.status, article.body) == ("in_review", "Edited.")
    page = client.get(reverse("admin:articles_article_transition", args=[article.pk, "publish"])).content.decode()
    assert "cannot be published before an editor decides" in page
    assert 'value="Publish now"' not in page  # no confirmation button to press


def test_suggested_warnings_are_preselected_for_the_decision(writer, editor, graphic):
    """An editor's form starts the warning decision from the suggestions."""
    article = make_article(writer, "in_review")
    Article.objects.filter(pk=article.pk).update(warnings_decided_at=None)
    article.suggested_warnings.add(graphic)
    form = logged_in(editor).get(change_url(article)).context["adminform"].form
    assert [int(pk) for pk in form["warnings"].value()] == [graphic.pk]


def test_a_scheduled_article_says_so_and_offers_reschedule_and_cancel(writer, editor):
    """A scheduled article is not called live: its page and preview say "Scheduled for …", and the moves
    offered are reschedule and cancel, not unpublish."""
    article = make_article(writer, "scheduled")
    client = logged_in(editor)
    html = client.get(change_url(article)).content.decode()
    when = timezone.localtime(article.published_at).strftime("%-d %b %Y, %H:%M")
    assert f"Scheduled for {when}" in html
    assert "This article is live" not in html
    assert 'value="reschedule"' in html and 'value="cancel_schedule"' in html and 'value="unpublish"' not in html
    preview = client.get(reverse("admin:articles_article_preview", args=[article.pk])).content.decode()
    assert f"Scheduled for {when}" in preview and "Status: Published" not in preview


def test_cancelling_a_schedule_sends_it_back_to_review(writer, editor):
    """Cancel the schedule: back in review with no publication time, on the record with the reason."""
    article = make_article(writer, "scheduled")
    url = reverse("admin:articles_article_transition", args=[article.pk, "cancel_schedule"])
    assert logged_in(editor).post(url, {"comment": "Embargo moved."}).status_code == 302
    article.refresh_from_db()
    assert (article.status, article.published_at) == ("in_review", None)
    assert Decision.objects.latest().comment == "Embargo moved."


def test_record_of_decisions_reads_as_editors_speak(writer, editor, graphic):
    """The record shows states, times and warnings by their names: no stored keys, slugs or ISO dates."""
    article = make_article(writer, "in_review")
    workflow.decide_warnings(article, editor, [graphic], no_warnings_apply=False)
    at = (timezone.localtime() + timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)
    workflow.perform("schedule", article, editor, at=at)
    html = logged_in(editor).get(change_url(article)).content.decode()
    record_html = html[html.index('id="record-of-decisions"'):]
    assert f"Scheduled for {at.strftime('%-d %b %Y')}, 09:00 (Europe/London)" in record_html
    assert "Warnings added: Graphic violence" in record_html
    assert "In review → Scheduled" in record_html and "In review → Published" not in record_html
    for raw in ("Publishedat", "published_at", "graphic-violence", "in_review", "Warningsadded", f"{at.year}-"):
        assert raw not in record_html, raw


# --- revisions of live articles: nothing dropped, nothing empty, diffs by words -------------------------------


def test_browser_line_endings_make_no_difference(writer, editor):
    """A body sent back with \\r\\n line endings (as browsers send it) is stored with \\n: a save that changed
    nothing makes no revision, and an article saved from the admin diffs cleanly."""
    article = make_article(writer, "published")
    article.body = "First paragraph.\n\nSecond paragraph."
    article.save()
    client = logged_in(editor)
    data = form_data(article, body=article.body.replace("\n", "\r\n"))
    response = client.post(change_url(article), data, follow=True)
    assert "Nothing was changed, so no revision was made." in response.content.decode()
    assert not article.revisions.pending().exists()


@pytest.mark.parametrize("move", ["", "unpublish"])
def test_an_untouched_live_article_with_spaces_at_the_ends_of_its_text_makes_no_revision(writer, editor, move):
    """An imported body ends with a line break and a standfirst may start with a space, which a form cannot
    show: saving the untouched form (or "Save and unpublish") proposes no revision and tells nobody."""
    article = make_article(writer, "published")
    Article.objects.filter(pk=article.pk).update(
        body="First paragraph.\n\nSecond paragraph.\n", standfirst=" Aid reached the crossing. ")
    article.refresh_from_db()
    data = form_data(article, body=article.body.strip().replace("\n", "\r\n"), standfirst=article.standfirst.strip())
    if move:
        data["_workflow"] = move
    client = logged_in(editor)
    client.post(change_url(article), data, follow=True)
    assert not article.revisions.pending().exists()
    assert not Decision.objects.filter(article=article, action="revision_proposed").exists()


def test_slug_and_time_of_a_live_article_are_not_silently_dropped(writer, editor):
    """On a published article the slug and publication time are shown read-only (changed by moves, not
    edits), so a crafted POST changing them changes nothing and makes no empty revision."""
    article = make_article(writer, "published")
    slug, published_at = article.slug, article.published_at
    client = logged_in(editor)
    form = client.get(change_url(article)).context["adminform"].form
    assert "slug" not in form.fields and "published_at" not in form.fields
    client.post(change_url(article), form_data(article, slug="a-new-slug", published_at_0="2030-01-01", published_at_1="09:00"))
    article.refresh_from_db()
    assert (article.slug, article.published_at) == (slug, published_at)
    assert not article.revisions.pending().exists()


def test_revision_diff_marks_changed_words_within_a_paragraph(writer, editor):
    """Changing one word of a long paragraph shows that paragraph once, with the word struck and inserted."""
    article = make_article(writer, "published")
    article.body = "The convoy reached Sinjar at dawn on Tuesday.\n\nAid followed."
    article.save()
    edited = "The convoy reached Sinjar at dusk on Tuesday.\r\n\r\nAid followed."
    revision = workflow.propose_revision(article, editor, workflow.content_of(article).replace(body=edited))
    page = logged_in(editor).get(reverse("admin:articles_article_revision", args=[article.pk, revision.pk])).content.decode()
    assert "<del>dawn</del><ins>dusk</ins>" in page
    assert "− The convoy" not in page and "Aid followed." in page


def test_no_differences_is_said_when_there_are_none(writer, editor):
    """A revision identical to the live version says "No differences"."""
    article = make_article(writer, "published")
    revision = workflow.propose_revision(article, editor, workflow.content_of(article))
    page = logged_in(editor).get(reverse("admin:articles_article_revision", args=[article.pk, revision.pk])).content.decode()
    assert "No differences" in page


# --- importer's leftovers -----------------------------------------------------------------------------------


def test_import_reasons_go_once_resolved(writer, editor, graphic):
    """A held import's reasons go as an editor fixes them: the date once set, the warning reasons once
    decided, all of them once published."""
    article = make_article(writer, "in_review")
    Article.objects.filter(pk=article.pk).update(
        warnings_decided_at=None,
        review_reasons=[Article.NO_DATE, "suggested content warnings need an editor's decision: Graphic violence"],
    )
    article.refresh_from_db()
    article.published_at = timezone.now() - timedelta(hours=2)
    article.save()
    assert article.review_reasons == ["suggested content warnings need an editor's decision: Graphic violence"]
    workflow.decide_warnings(article, editor, [graphic], no_warnings_apply=False)
    assert Article.objects.get(pk=article.pk).review_reasons == []
    html = logged_in(editor).get(change_url(article)).content.decode()
    assert "Why the importer held it" not in html


def test_articles_written_in_the_admin_show_no_importer_fields(writer):
    """An article a writer created has no source file, hash or import reasons on its page."""
    article = make_article(writer, "draft")
    html = logged_in(writer).get(change_url(article)).content.decode()
    for importer_only in ("Source file", "source_name", "source_hash", "Why the importer held it"):
        assert importer_only not in html, importer_only


# --- writing the body: help, rendered preview, word count -----------------------------------------------------


def test_markdown_help_shows_the_link_form_as_typed(writer):
    """The body's help shows "<https://…>" as text, not swallowed as an HTML tag."""
    html = logged_in(writer).get(reverse("admin:articles_article_add")).content.decode()
    assert "&lt;https://…&gt; for a link" in html and "&gt; for a quotation" in html


def test_markdown_help_is_not_on_a_read_only_page(writer):
    """A writer's article in review is shown read-only, its body rendered: no Markdown help, escaped or not."""
    article = make_article(writer, "in_review")
    html = logged_in(writer).get(change_url(article)).content.decode()
    assert "for a link" not in html and "<https://…>" not in html


def test_writers_read_only_page_shows_the_text_rendered_warnings_first(writer, editor):
    """A writer's article in review reads as readers will see it: its warnings first, then the body rendered
    and sanitised (headings, emphasis; no raw Markdown, no script)."""
    article = make_article(writer, "in_review")
    Article.objects.filter(pk=article.pk).update(
        body="## Aftermath\n\nShelling *resumed* at dawn. <script>alert(1)</script>", no_warnings_apply=False)
    workflow.decide_warnings(article, editor, [ContentWarning.objects.get(slug="death")], no_warnings_apply=False)
    html = logged_in(writer).get(change_url(article)).content.decode()
    assert "<h2>Aftermath</h2>" in html and "<em>resumed</em>" in html
    assert "## Aftermath" not in html and "*resumed*" not in html and "<script>alert" not in html
    assert html.index("content-warning__labels") < html.index("<h2>Aftermath</h2>")
    assert "Death" in html[html.index("content-warning__labels"):html.index("<h2>Aftermath</h2>")]


def test_writers_read_only_page_shows_her_proposed_warnings_first(writer):
    """Before an editor decides, the read-only page shows the warnings the writer proposed, said to be proposed."""
    article = make_article(writer, "in_review")
    Article.objects.filter(pk=article.pk).update(warnings_decided_at=None, no_warnings_apply=False, body="Plain *words*.")
    article.suggested_warnings.add(ContentWarning.objects.get(slug="torture"))
    html = logged_in(writer).get(change_url(article)).content.decode()
    assert "Proposed warnings" in html and html.index("Torture") < html.index("<em>words</em>")


def test_body_preview_renders_as_readers_see_it(writer):
    """The preview endpoint returns the sanitised rendering and the words readers will read."""
    url = reverse("admin:articles_article_body_preview")
    response = logged_in(writer).post(url, {"body": "## Aftermath\n\nShelling *resumed* at dawn. <script>alert(1)</script>\n\n<https://example.org/report>"})
    data = response.json()
    assert "<h2>Aftermath</h2>" in data["html"] and "<em>resumed</em>" in data["html"]
    assert "<script>" not in data["html"]
    assert 'href="https://example.org/report"' in data["html"]
    assert data["words"] == 1 + 4 + 4 + 4  # heading; sentence; the script tag shown as text; the link's text
    words = logged_in(writer).post(url, {"body": "**Two** words.\n\n> A [quoted](https://x.org) line's end"}).json()["words"]
    assert words == 2 + 4  # markup and link targets are not words
    assert logged_in(writer).get(url).status_code == 405
    assert Client().post(url, {"body": "x"}).status_code == 302  # to the login page


def test_body_preview_refuses_huge_input_clearly(writer):
    """Past the cap the endpoint says why instead of rendering."""
    from articles.admin.previews import BODY_PREVIEW_MAX_CHARS

    response = logged_in(writer).post(reverse("admin:articles_article_body_preview"), {"body": "x" * (BODY_PREVIEW_MAX_CHARS + 1)})
    assert response.status_code == 413 and "too long to preview" in response.json()["error"]


# --- writers propose warnings and a note of their own ---------------------------------------------------------


def test_writer_proposes_warnings_and_a_note_credited_to_the_newsroom(writer, editor, graphic, client):
    """A writer ticks the warnings she proposes and writes the newsroom's note; the editor finds them as
    suggestions, preselected; readers see the note as "Our note", never as the source's."""
    article = make_article(writer, "draft")
    Article.objects.filter(pk=article.pk).update(warnings_decided_at=None, no_warnings_apply=False)
    article.refresh_from_db()
    data = form_data(article, newsroom_note="Describes the aftermath of an air strike.")
    data.pop("warnings")
    data["suggested_warnings"] = [graphic.pk]
    data["warning_note"] = "Planted as the source's words."  # read-only for writers: ignored
    assert logged_in(writer).post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert list(article.suggested_warnings.all()) == [graphic]
    assert article.newsroom_note == "Describes the aftermath of an air strike."
    assert article.warning_note == ""
    workflow.perform("submit", article, writer)

    form = logged_in(editor).get(change_url(article)).context["adminform"].form
    assert [int(pk) for pk in form["warnings"].value()] == [graphic.pk]
    workflow.decide_warnings(article, editor, [graphic], no_warnings_apply=False)
    workflow.perform("publish", article, editor)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Our note: Describes the aftermath of an air strike." in page
    assert "The source’s note" not in page


def test_submitting_asks_for_a_note_for_the_editors_and_says_what_happens_next(writer):
    """The submission's confirmation names its box for what it is (a note for the editors, optional), and
    once submitted the writer is told the article is with the editors, how to change it, and that she will
    hear by email."""
    article = make_article(writer, "draft")
    client = logged_in(writer)
    url = reverse("admin:articles_article_transition", args=[article.pk, "submit"])
    assert "A note for the editors (optional):" in client.get(url).content.decode()
    html = client.post(url, {"comment": ""}, follow=True).content.decode()
    assert "It is with the editors now" in html and "withdraw it from review to change it" in html
    article.refresh_from_db()
    assert article.status == "in_review"


def test_an_edit_of_a_live_article_from_an_older_page_never_supersedes_a_newer_pending_one_unseen(writer, editor, second_editor):
    """Two editors open a live article; one saves an edit (a pending revision); the other's save from the page she
    opened before is refused, naming who proposed the edit, with her text kept; saving again once she has looked
    goes through. Before, hers silently superseded his."""
    from articles import workflow
    from articles.models import Revision

    live = make_article(writer, "published")
    opened = logged_in(editor).get(change_url(live)).context["adminform"].form
    assert opened["edit_revision"].value() == 0
    his = workflow.propose_revision(live, second_editor, workflow.content_of(live).replace(body="His edit of the body."))
    client = logged_in(editor)
    data = form_data(live, standfirst="Her new standfirst.", edit_revision=0)
    response = client.post(change_url(live), data)
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.non_field_errors())
    assert "saved an edit of this live article" in errors and "after you opened it" in errors
    assert Revision.objects.get(pk=his.pk).status == Revision.Status.PENDING
    again = response.context["adminform"].form.data.copy()
    assert int(again["edit_revision"]) == his.pk
    assert client.post(change_url(live), again).status_code == 302
    assert Revision.objects.get(pk=his.pk).status == Revision.Status.SUPERSEDED


def test_a_writers_save_keeps_the_byline_an_editor_gave_her_draft(writer, other_writer, editor):
    """An editor gives a writer's draft another byline; the writer's form offers it beside her own, and her next save
    keeps it (before, her only choice was her own, and saving took the editor's change back)."""
    article = make_article(writer, "draft")
    article.author = other_writer.author_profile
    article.save()
    article.refresh_from_db()
    client = logged_in(writer)
    form = client.get(change_url(article)).context["adminform"].form
    assert set(form.fields["author"].queryset) == {writer.author_profile, other_writer.author_profile}
    assert client.post(change_url(article), form_data(article, body="Her edit.")).status_code == 302
    article.refresh_from_db()
    assert (article.author, article.body) == (other_writer.author_profile, "Her edit.")


def test_an_edit_opened_with_a_pending_revision_since_sent_back_saves(writer, editor, second_editor):
    """The pending revision an editor's page was opened with is sent back meanwhile, and none is pending now: her save
    goes through as a new pending revision (before, it failed with a server error)."""
    from articles import workflow
    from articles.models import Revision

    live = make_article(writer, "published")
    his = workflow.propose_revision(live, second_editor, workflow.content_of(live).replace(body="His edit."))
    client = logged_in(editor)
    assert client.get(change_url(live)).context["adminform"].form["edit_revision"].value() == his.pk
    workflow.reject_revision(his, second_editor, comment="Not needed.")
    response = client.post(change_url(live), form_data(live, standfirst="Her standfirst.", edit_revision=his.pk))
    assert response.status_code == 302
    assert live.revisions.pending().get().standfirst == "Her standfirst."


def test_a_writer_is_offered_to_compare_a_pending_revision_not_to_approve_it(writer, editor):
    from articles import workflow

    live = make_article(writer, "published")
    workflow.propose_revision(live, editor, workflow.content_of(live).replace(body="An edit."))
    page = logged_in(writer).get(change_url(live)).content.decode()
    assert "approve or send back" not in page and "Compare it with live" in page


def test_a_writer_opening_another_writers_draft_is_told_whose_it_is(writer, other_writer):
    """Another writer's draft is said to be someone else's work in progress, not "doesn't exist. Perhaps it was deleted?"."""
    draft = make_article(writer, "draft")
    response = logged_in(other_writer).get(change_url(draft), follow=True)
    text = response.content.decode()
    assert "work in progress: only she and the editors may open it" in text and "Perhaps it was deleted" not in text
    missing = logged_in(other_writer).get(reverse("admin:articles_article_change", args=[999999]), follow=True)
    assert "Perhaps it was deleted" in missing.content.decode()
