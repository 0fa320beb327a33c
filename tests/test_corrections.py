"""Corrections and updates: the services (who may add and withdraw them, on which articles, what the
record keeps), the admin pages, and what readers see on the article, in feeds, in JSON-LD and on /corrections/."""

import json
import re
from datetime import datetime, timedelta
from xml.etree import ElementTree

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Correction, Decision
from articles.workflow import WorkflowError
from tests.html_checks import assert_valid_html
from tests.test_workflow import make_article

pytestmark = pytest.mark.django_db

ROLES = ["owner", "other_writer", "reviewer", "editor", "superuser"]
STATES = ["draft", "in_review", "published", "scheduled"]
# Written out apart from workflow.ACTIONS: only editors who may publish correct, and only live articles.
MAY_CORRECT = {"editor", "superuser"}
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def people(writer, other_writer, reviewer, editor, superuser):
    return {
        "owner": writer,
        "other_writer": other_writer,
        "reviewer": reviewer,
        "editor": editor,
        "superuser": superuser,
    }


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
    assert (decision.action, decision.actor, decision.comment) == (
        "correction_added",
        editor,
        "Officials later confirmed the figures.",
    )
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


def test_a_correction_text_is_never_rewritten(live, editor):
    """Saving a changed text, kind or article over a correction raises; only a withdrawal writes to it."""
    correction = correct(live, editor)
    correction.text = "Quietly rewritten."
    with pytest.raises(ValueError, match="never rewritten"):
        correction.save()
    with pytest.raises(ValueError, match="never rewritten"):
        correction.save(update_fields=["text"])
    with pytest.raises(ValueError, match="never deleted"):
        Correction.objects.all().delete()
    assert Correction.objects.get().text == "An earlier version misstated the date of the strike."


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
    """An editor's change form links to "Add a correction or update" and lists corrections; a writer's lists them only."""
    correct(live, editor, text="The strike was on *3 March*.")
    page = logged_in(client, editor).get(reverse("admin:articles_article_change", args=[live.pk])).content.decode()
    assert correction_url(live) in page and "Add a correction or update" in page
    assert 'id="corrections"' in page and "<em>3 March</em>" in page and ">Withdraw<" in page
    page = logged_in(client, writer).get(reverse("admin:articles_article_change", args=[live.pk])).content.decode()
    assert 'id="corrections"' in page and correction_url(live) not in page and ">Withdraw<" not in page


def test_an_editor_adds_a_correction_from_the_admin(client, live, editor):
    """Posting the form publishes the correction, records it, and returns to the article's corrections."""
    response = logged_in(client, editor).post(
        correction_url(live), {"kind": "clarification", "text": "We meant the eastern district."}
    )
    assert response.status_code == 302 and response["Location"].endswith(f"/{live.pk}/change/#corrections")
    correction = Correction.objects.get()
    assert (correction.kind, correction.text, correction.created_by) == (
        "clarification",
        "We meant the eastern district.",
        editor,
    )
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
    assert client.post(url, {"note": " "}).context["form"].errors["note"] == [
        "The reason for withdrawing it is required."
    ]
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
    assert client.post(
        reverse("admin:articles_correction_changelist"),
        {"action": "delete_selected", "_selected_action": [correction.pk]},
    ).status_code in (200, 302, 403)
    assert Correction.objects.filter(pk=correction.pk).exists()


def test_the_record_names_corrections_in_words(client, live, editor):
    """The change form's record reads "Correction added" with the kind's label, never a stored code."""
    correct(live, editor, kind="editors_note", text="This article is part of a series.")
    page = logged_in(client, editor).get(reverse("admin:articles_article_change", args=[live.pk])).content.decode()
    record = page[page.index('id="record-of-decisions"') :]
    assert "Correction added" in record and "Editor’s note" in record and "editors_note" not in record


# --- readers ----------------------------------------------------------------------------------------

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def read(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def article_element(html):
    """The page's <article> element: what readers read (the JSON-LD in <head> left out)."""
    start = html.index('<article class="article">')
    return html[start : html.index("</article>", start)]


def at(when):
    """Stored times to the second, as pages and feeds print them."""
    return when.replace(microsecond=0)


def datetime_of(text):
    """An ISO 8601 time from a page or feed, to the second."""
    return at(datetime.fromisoformat(text))


def test_a_correction_stands_above_the_text_and_other_notes_follow_it(client, live, editor):
    """On the article a correction is dated above the body, an update below it, and the dateline says "Updated"."""
    correct(live, editor, text="An earlier version gave the wrong date.")
    update = correct(live, editor, kind="update", text="Officials confirmed the figures on Friday.")
    html = article_element(read(client, live.get_absolute_url()))
    assert html.index("An earlier version gave the wrong date.") < html.index('class="article__body"')
    assert html.index('class="article__body"') < html.index("Officials confirmed the figures on Friday.")
    assert '<h2 id="corrections-heading" class="corrections__heading">Correction</h2>' in html
    header = html[: html.index("</header>")]
    assert f'Updated <time datetime="{timezone.localtime(update.created_at):%Y-%m-%dT%H:%M:%S}' in header


def test_an_article_without_corrections_says_nothing_of_them(client, live):
    """No correction: no corrections block and no "Updated" line."""
    html = read(client, live.get_absolute_url())
    assert 'class="corrections"' not in html and "Updated <time" not in html


def test_on_a_warned_article_the_warning_comes_first(client, writer, editor, graphic):
    """On a warned article the warning comes before the correction, and updates stay inside the reveal."""
    article = make_article(writer, "published")
    article.warnings.add(graphic)
    correct(article, editor, text="The town was misnamed.")
    correct(article, editor, kind="update", text="The death toll has since risen.")
    html = article_element(read(client, article.get_absolute_url()))
    assert (
        html.index('class="content-warning"')
        < html.index("The town was misnamed.")
        < html.index('<details class="cw-reveal">')
    )
    reveal = html[
        html.index('<details class="cw-reveal">') : html.index("</details>", html.index('<details class="cw-reveal">'))
    ]
    assert "The death toll has since risen." in reveal


def test_correction_text_goes_through_the_sanitiser(client, live, editor):
    """Markdown in a correction renders; markup, scripts and javascript: links typed into it never reach the page."""
    correct(
        live,
        editor,
        text='See [the report](https://example.org/r). <script>alert(1)</script> [x](javascript:alert(2)) <b onclick="y">z</b>',
    )
    html = article_element(read(client, live.get_absolute_url()))
    block = html[html.index('id="corrections"') : html.index("</section>", html.index('id="corrections"'))]
    assert '<a href="https://example.org/r" rel="nofollow noopener noreferrer">the report</a>' in block
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in block and "<script" not in block
    assert 'href="javascript:' not in block and "<b " not in block


def test_a_withdrawn_correction_shows_only_its_dated_reason(client, live, editor):
    """Withdrawn, readers see the kind, the dates and the reason, not the withdrawn text."""
    correction = correct(live, editor, text="The mayor resigned.")
    workflow.withdraw_correction(correction, editor, note="Posted on the wrong article.")
    html = article_element(read(client, live.get_absolute_url()))
    day = timezone.localtime(Correction.objects.get().withdrawn_at)
    assert f'Withdrawn on <time datetime="{day:%Y-%m-%dT%H:%M:%S}' in html
    assert f"{day.day} {day:%B %Y}</time>: Posted on the wrong article." in html
    assert "The mayor resigned." not in html
    assert "The mayor resigned." not in read(client, reverse("articles:corrections"))


def test_json_ld_carries_corrections_and_date_modified(client, live, editor):
    """JSON-LD gains dateModified and a CorrectionComment for each standing note; a withdrawn one only moves the date."""
    first = correct(live, editor, text="The strike was on **3 March**.")
    gone = correct(live, editor, kind="update", text="Roads reopened.")
    workflow.withdraw_correction(gone, editor, note="Roads did not reopen.")
    gone.refresh_from_db()
    data = json.loads(JSON_LD.findall(read(client, live.get_absolute_url()))[0])
    assert datetime_of(data["dateModified"]) == at(gone.withdrawn_at)
    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "Correction: The strike was on 3 March.",
            "datePublished": timezone.localtime(first.created_at).isoformat(),
        }
    ]


def test_the_atom_entry_is_updated_by_a_correction(client, live, editor, django_capture_on_commit_callbacks):
    """In the Atom feed the entry's ``updated`` moves to the correction's time; ``published`` stays."""

    def entry():
        feed = ElementTree.fromstring(client.get(reverse("articles:feed-atom")).content)
        found = [e for e in feed.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == live.title][0]
        return datetime_of(found.findtext(f"{ATOM}updated")), datetime_of(found.findtext(f"{ATOM}published"))

    assert entry() == (at(live.published_at), at(live.published_at))
    with django_capture_on_commit_callbacks(execute=True):
        correction = correct(live, editor)
    assert entry() == (at(correction.created_at), at(live.published_at))


def test_the_corrections_page_lists_them_newest_first(client, writer, editor):
    """/corrections/ lists every correction of visible articles, newest first, each linking to its article."""
    one, two = make_article(writer, "published"), make_article(writer, "published")
    correct(one, editor, text="First of all.")
    correct(two, editor, kind="clarification", text="Second of all.")
    html = read(client, reverse("articles:corrections"))
    assert html.index("Second of all.") < html.index("First of all.")
    assert f'href="{one.get_absolute_url()}"' in html and "Clarification" in html


def test_the_corrections_page_is_paginated_like_other_lists(client, live, editor):
    """Twenty a page, with a link to older ones; a page past the end is not found."""
    for n in range(21):
        correct(live, editor, text=f"Note number {n}.")
    first = client.get(reverse("articles:corrections"))
    assert len(first.context["corrections"]) == 20 and first.context["page_obj"].has_next()
    assert 'Older<span class="visually-hidden"> corrections</span>' in first.content.decode()
    assert "Note number 0." in read(client, reverse("articles:corrections") + "?page=2")
    read(client, reverse("articles:corrections") + "?page=3", status=404)


@pytest.mark.parametrize("hide", ["draft", "in_review", "scheduled", "unpublished"])
def test_nothing_of_an_unpublished_article_appears_on_the_corrections_page(client, live, editor, hide):
    """Once its article is not visible (a draft, in review, scheduled or unpublished), a correction shows nowhere."""
    correct(live, editor, text="A note readers must not see now.")
    if hide == "unpublished":
        workflow.perform("unpublish", live, editor, comment="Legal review.")
    elif hide == "scheduled":
        type(live).objects.filter(pk=live.pk).update(published_at=timezone.now() + timedelta(days=1))
    else:
        type(live).objects.filter(pk=live.pk).update(status=hide)
    html = read(client, reverse("articles:corrections"))
    assert "A note readers must not see now." not in html and live.title not in html
    assert "No corrections or updates yet." in html


def test_the_warning_filter_applies_to_the_corrections_page(client, writer, editor, graphic):
    """A warned article's correction shows its labels first, and the reader's filter hides it, saying so."""
    warned = make_article(writer, "published")
    warned.warnings.add(graphic)
    correct(warned, editor, text="A warned article, corrected.")
    html = read(client, reverse("articles:corrections"))
    assert html.index("Content warning: Graphic violence") < html.index("A warned article, corrected.")
    html = read(client, reverse("articles:corrections") + "?hide=graphic-violence")
    assert "A warned article" not in html and "1 article hidden" in html


def test_the_footer_links_to_the_corrections_page(client):
    """Every page's footer links to /corrections/."""
    assert f'<a href="{reverse("articles:corrections")}">Corrections</a>' in read(client, "/")


@pytest.mark.usefixtures("uncached_pages")
def test_the_corrections_page_runs_two_queries(client, writer, editor, django_assert_num_queries):
    """However many corrections: the corrections with their articles, and the articles' warnings."""
    for n in range(3):
        correct(make_article(writer, "published"), editor)
    with django_assert_num_queries(2):
        read(client, reverse("articles:corrections"))


def test_a_cached_article_page_ends_when_a_correction_is_added_or_withdrawn(
    client, live, editor, django_capture_on_commit_callbacks
):
    """The page cache never serves an article (or /corrections/) without its newest correction or withdrawal."""
    urls = [live.get_absolute_url(), reverse("articles:corrections")]
    for url in urls:
        read(client, url)
        assert client.get(url)["X-Masthead-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        correction = correct(live, editor, text="Added after caching.")
    assert all("Added after caching." in read(client, url) for url in urls)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.withdraw_correction(correction, editor, note="Withdrawn after caching.")
    assert all("Withdrawn after caching." in read(client, url) for url in urls)


def test_pages_with_corrections_are_valid_html(client, writer, editor, graphic):
    """The article page (warned and not) and /corrections/ with corrections, updates and a withdrawal parse strictly."""
    plain, warned = make_article(writer, "published"), make_article(writer, "published")
    warned.warnings.add(graphic)
    for article in (plain, warned):
        correct(article, editor)
        workflow.withdraw_correction(
            correct(article, editor, kind="editors_note", text="A note."), editor, note="Wrong."
        )
        correct(article, editor, kind="update", text="New facts.")
    for url in (plain.get_absolute_url(), warned.get_absolute_url(), reverse("articles:corrections")):
        assert_valid_html(read(client, url), url)


def test_the_sitemap_dates_an_article_by_its_last_correction(client, live, editor):
    """The article's sitemap lastmod moves to the day of its correction, and /corrections/ is listed."""
    type(live).objects.filter(pk=live.pk).update(
        published_at=timezone.now() - timedelta(days=30), updated_at=timezone.now() - timedelta(days=30)
    )
    correction = correct(live, editor)
    xml = client.get("/sitemap-articles-0.xml").content.decode()
    assert f"<lastmod>{timezone.localtime(correction.created_at).date().isoformat()}</lastmod>" in xml
    assert "http://testserver/corrections/" in client.get("/sitemap-pages.xml").content.decode()


def test_the_preview_of_a_revision_shows_the_live_corrections(client, live, editor):
    """Previewing a live article (or its pending revision) shows its corrections as readers will see them."""
    correct(live, editor, text="Shown in the preview too.")
    html = logged_in(client, editor).get(reverse("admin:articles_article_preview", args=[live.pk])).content.decode()
    assert "Shown in the preview too." in article_element(html)
