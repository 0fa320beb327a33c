"""Autosave and the edit token: text saved while typing, never published, never over someone else's save."""

import ast
from pathlib import Path

import pytest
from django.urls import reverse

import articles
from articles import workflow
from articles.models import Article, ContentWarning, Decision, Revision
from tests.test_admin_workflow import change_url, form_data, logged_in
from tests.test_workflow import make_article

pytestmark = pytest.mark.django_db


def autosave_url(article=None):
    if article is None:
        return reverse("admin:articles_article_autosave_new")
    return reverse("admin:articles_article_autosave", args=[article.pk])


def test_autosave_saves_a_draft_in_place_without_moving_it(writer):
    """An autosave of a draft stores the typed text, bumps the edit token and leaves the state alone."""
    article = make_article(writer, "draft")
    response = logged_in(writer).post(autosave_url(article), form_data(article, body="Typed, then paused."))
    assert response.status_code == 200
    answer = response.json()
    article.refresh_from_db()
    assert (article.body, article.status) == ("Typed, then paused.", "draft")
    assert answer["version"] == article.version
    assert answer["saved_at"] and answer["change_url"] == change_url(article)
    assert not Decision.objects.filter(article=article).exists()


def test_autosave_of_a_live_article_keeps_an_unsent_revision(writer, editor):
    """Autosaving a live article changes nothing readers see and sends nothing for review: one autosaved
    revision per person, replaced by the next autosave, which Save then proposes."""
    article = make_article(writer, "published")
    live_body = article.body
    client = logged_in(editor)
    for body in ("First thought.", "Second thought."):
        assert client.post(autosave_url(article), form_data(article, body=body)).status_code == 200
    article.refresh_from_db()
    assert article.body == live_body
    assert not article.revisions.pending().exists()
    (autosaved,) = Revision.objects.filter(article=article, status=Revision.Status.AUTOSAVED)
    assert autosaved.body == "Second thought."
    revisions_page = client.get(reverse("admin:articles_article_revisions", args=[article.pk])).content.decode()
    assert f"/revisions/{autosaved.pk}/" not in revisions_page  # an unfinished edit is no part of the history
    page = client.get(change_url(article))
    assert page.context["adminform"].form.initial["body"] == "Second thought."
    assert "autosaved at" in page.content.decode()
    client.post(change_url(article), form_data(article, body="Second thought."))
    autosaved.refresh_from_db()
    assert autosaved.status == Revision.Status.SUPERSEDED
    assert article.revisions.pending().get().body == "Second thought."


def test_autosave_never_records_a_warning_decision(editor, writer):
    """An editor's autosave leaves the warnings and "none apply" as they were: a decision needs a Save."""
    article = make_article(writer, "in_review")
    before = (list(article.warnings.all()), article.no_warnings_apply, article.warnings_decided_at)
    war = ContentWarning.objects.get(slug="war-and-conflict")
    data = form_data(article, body="Edited.", warnings=[war.pk], record_warning_decision="on")
    data.pop("no_warnings_apply", None)
    assert logged_in(editor).post(autosave_url(article), data).status_code == 200
    article.refresh_from_db()
    assert (list(article.warnings.all()), article.no_warnings_apply, article.warnings_decided_at) == before
    assert (article.status, article.body) == ("in_review", "Edited.")
    assert not Decision.objects.filter(article=article, action="warnings_decided").exists()


def test_autosave_refuses_to_overwrite_a_newer_save(writer, editor):
    """An autosave from a form opened before someone else's save is refused (409) and names who saved."""
    article = make_article(writer, "draft")
    stale = form_data(article, body="My stale text.")
    logged_in(editor).post(change_url(article), form_data(article, body="The editor's newer text."))
    response = logged_in(writer).post(autosave_url(article), stale)
    assert response.status_code == 409
    assert response.json()["conflict"] is True and "Not saved" in response.json()["error"]
    assert "Press Save to see where their version differs" in response.json()["error"]  # (no comparison shown here)
    assert "replaces their version" not in response.json()["error"]
    article.refresh_from_db()
    assert article.body == "The editor's newer text."


def test_autosave_of_a_new_article_creates_a_draft_once_it_has_a_title(writer):
    """The add form's autosave creates the draft (and names its change page) once a title is typed."""
    client = logged_in(writer)
    empty = client.post(autosave_url(), {"title": "", "slug": "", "body": "Notes."})
    assert empty.status_code == 400 and "Title" in empty.json()["error"]
    assert not Article.objects.exists()
    answer = client.post(autosave_url(), {"title": "Night at the border", "slug": "night-at-the-border",
                                          "author": writer.author_profile.pk, "body": "Notes."}).json()
    article = Article.objects.get()
    assert (article.status, article.created_by, article.body) == ("draft", writer, "Notes.")
    assert answer["change_url"] == change_url(article)


def test_autosave_is_for_people_who_may_edit(writer, other_writer, client):
    """Another writer's draft cannot be autosaved; without a login the answer is the login page."""
    article = make_article(writer, "draft")
    assert logged_in(other_writer).post(autosave_url(article), form_data(article, body="Mine now.")).status_code in (403, 404)
    response = client.post(autosave_url(article), form_data(article, body="Anonymous."))
    assert response.status_code == 302 and "/login/" in response["Location"]
    article.refresh_from_db()
    assert article.body not in ("Mine now.", "Anonymous.")


def test_a_change_form_without_its_edit_token_is_refused(writer, editor):
    """A POST that leaves out edit_version does not save over the article: it says why, nothing changes."""
    article = make_article(writer, "draft")
    logged_in(editor).post(change_url(article), form_data(article, body="The editor's save."))
    data = form_data(article, body="A crafted POST without the token.")
    del data["edit_version"]
    response = logged_in(writer).post(change_url(article), data)
    assert response.status_code == 200
    assert "did not say which version" in response.content.decode()
    article.refresh_from_db()
    assert article.body == "The editor's save."


def test_every_save_of_the_row_renews_the_token(writer):
    """Saves through the workflow and direct saves each produce a new edit token."""
    article = make_article(writer, "draft")
    before = article.version
    workflow.perform("submit", article, writer)
    article.refresh_from_db()
    assert article.version > before



def _article_updates():
    """Every ``Article.objects….update(…)`` call in articles/, with the keywords it passes."""
    for path in Path(articles.__file__).parent.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "update":
                chain = ast.unparse(node.func.value)
                if chain.startswith("Article.objects"):
                    yield f"{path.name}:{node.lineno}", {keyword.arg for keyword in node.keywords}


# Derived from the body, never edited (articles/bodies.py): keeping them is not an edit of the article.
DERIVED = {"body_html", "body_html_seal"}


def test_every_queryset_update_of_articles_renews_the_token():
    """A QuerySet.update of article rows (which skips save()) sets a new version and updated_at too, unless
    it writes nothing but the body's kept HTML."""
    updates = dict(_article_updates())
    assert updates, "no Article.objects….update() found: the test would check nothing"
    assert {where: names for where, names in updates.items()
            if not {"version", "updated_at"} <= names and not names <= DERIVED} == {}


def test_an_autosaved_edit_older_than_a_live_change_stays_out_of_the_form(writer, editor, second_editor):
    """An editor's unsent edit of a live article, autosaved before another editor's edit went live, is not put in her
    form (saving it would undo theirs): the form starts from the live text, and she is told, with a link to compare
    her edit and copy from it."""
    article = make_article(writer, "published")
    logged_in(editor).post(autosave_url(article), form_data(article, body="Her unsent edit."))
    his = workflow.propose_revision(article, second_editor, workflow.content_of(article).replace(standfirst="His live standfirst."))
    workflow.approve_revision(his, second_editor)
    page = logged_in(editor).get(change_url(article))
    form = page.context["adminform"].form
    assert form.initial.get("standfirst", form.instance.standfirst) == "His live standfirst."
    assert form.initial.get("body") != "Her unsent edit."
    text = page.content.decode()
    autosaved = Revision.objects.get(article=article, status=Revision.Status.AUTOSAVED)
    assert "is older than the live text" in text
    assert reverse("admin:articles_article_revision", args=[article.pk, autosaved.pk]) in text


def test_an_autosave_after_an_editor_published_the_draft_says_what_became_of_it(writer, editor):
    """A writer's autosave of a draft an editor has just published is refused in words: it is published now, she may
    no longer edit it, and her text is kept in her browser."""
    article = make_article(writer, "draft")
    workflow.perform("publish", article, editor)
    response = logged_in(writer).post(autosave_url(article), form_data(article, body="Typed meanwhile."))
    assert response.status_code == 403
    assert "is published now and you may no longer edit it" in response.json()["error"]
    assert "kept in this browser" in response.json()["error"]


def test_an_autosaved_edit_stays_in_the_form_after_a_warning_decision_or_a_correction(writer, editor):
    """The live text changes only by an approved revision: a warning decision or a correction saved since her autosave
    leaves her unsent edit in the form, without a warning that the live text changed."""
    article = make_article(writer, "published")
    logged_in(editor).post(autosave_url(article), form_data(article, body="Her unsent edit."))
    article.refresh_from_db()
    article.save()  # (a row's save that changes no text: its time moves on)
    page = logged_in(editor).get(change_url(article))
    assert page.context["adminform"].form.initial["body"] == "Her unsent edit."
    assert "is older than" not in page.content.decode()
