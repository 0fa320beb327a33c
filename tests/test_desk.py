"""The desk at /admin/ for writers and editors, the review queue's wording and the record of decisions' list."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.admin.desk import SHOWN, desk_for
from articles.models import Article, Decision
from tests.factories import ArticleFactory, ContentWarningFactory
from tests.test_workflow import make_article

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def sections(user):
    """The person's desk as {section key: section}."""
    return {section.key: section for section in desk_for(user)[1]}


def titles(section):
    return [item.title for item in section.items]


def sent_back(writer, editor, title="Sent back", comment="Name your sources."):
    """A writer's article she submitted and an editor sent back with ``comment``."""
    article = make_article(writer, "draft")
    Article.objects.filter(pk=article.pk).update(title=title)
    workflow.perform("submit", article, writer, comment="Ready, I think.")
    workflow.perform("request_changes", article, editor, comment=comment)
    return article


def held_import(title="Held import"):
    return ArticleFactory(title=title, in_review=True, published_at=None, source_name=f"{title}.txt",
                          review_reasons=[Article.UNSURE_TITLE], submitted_at=timezone.now())


# --- a writer's desk -------------------------------------------------------------------------------------


def test_writer_desk_lists_her_drafts_returns_reviews_and_schedule(writer, editor):
    """A writer's desk lists her drafts, what came back (with the editor's comment and name), what is in review
    and what is scheduled, each in its own section."""
    editor.first_name, editor.last_name = "Edith", "Editor"
    editor.save()
    draft = make_article(writer, "draft")
    back = sent_back(writer, editor)
    waiting = make_article(writer, "in_review")
    scheduled = make_article(writer, "scheduled")
    desk = sections(writer)
    assert list(desk) == ["sent-back", "drafts", "in-review", "scheduled"]
    assert titles(desk["drafts"]) == [draft.title]  # the sent-back draft is listed once, under what came back
    [item] = desk["sent-back"].items
    assert (item.title, item.comment, item.comment_by) == ("Sent back", "Name your sources.", "Edith Editor")
    assert item.url == reverse("admin:articles_article_change", args=[back.pk])
    assert titles(desk["in-review"]) == [waiting.title]
    assert titles(desk["scheduled"]) == [scheduled.title]


def test_a_resubmitted_article_no_longer_counts_as_sent_back(writer, editor):
    """Once the writer submits again, the article leaves "came back" for "in review"."""
    back = sent_back(writer, editor)
    workflow.perform("submit", back, writer)
    desk = sections(writer)
    assert desk["sent-back"].count == 0 and titles(desk["in-review"]) == [back.title]


def test_writer_never_sees_another_writers_articles(writer, other_writer, editor):
    """Nothing of another writer's reaches a writer's desk: drafts, returns, reviews or schedule."""
    for state in ("draft", "in_review", "scheduled"):
        make_article(other_writer, state)
    sent_back(other_writer, editor, title="Oscar's returned draft")
    desk = sections(writer)
    assert all(section.count == 0 and not section.items for section in desk.values())
    html = logged_in(writer).get(reverse("admin:index")).content.decode()
    assert "Oscar" not in html and "Article number" not in html


def test_writer_desk_page_shows_the_comment_and_keeps_the_models(writer, editor):
    """/admin/ shows the writer's desk with the editor's comment, and still links to the models she may use."""
    sent_back(writer, editor, comment="The second paragraph needs a source.")
    response = logged_in(writer).get(reverse("admin:index"))
    html = response.content.decode()
    assert response.context["title"] == "Your desk"
    assert "Came back with changes requested" in html and "The second paragraph needs a source." in html
    assert reverse("admin:articles_article_changelist") in html  # the list of models is still there


def test_long_sections_link_to_the_filtered_list(writer):
    """A section lists SHOWN items and links to the change list filtered to all of them."""
    for _ in range(SHOWN + 2):
        make_article(writer, "draft")
    drafts = sections(writer)["drafts"]
    assert (drafts.count, len(drafts.items), drafts.more) == (SHOWN + 2, SHOWN, True)
    assert drafts.see_all == reverse("admin:articles_article_changelist") + "?status__exact=draft"
    assert logged_in(writer).get(drafts.see_all).context["cl"].result_count == SHOWN + 2


# --- an editor's desk ------------------------------------------------------------------------------------


def test_editor_desk_lists_queue_revisions_imports_schedule_and_today(writer, editor, settings):
    """An editor's desk lists the review queue with submit comments, pending revisions, held imports with their
    reasons, everything scheduled in the newsroom's named time zone and what was published today."""
    settings.TIME_ZONE = "Asia/Baghdad"
    submitted = make_article(writer, "draft")
    workflow.perform("submit", submitted, writer, comment="Checked with the second source.")
    live = make_article(writer, "published")
    # Published just now, not an hour ago: between 21:00 and 22:00 UTC an hour ago is yesterday in Baghdad.
    Article.objects.filter(pk=live.pk).update(published_at=timezone.now())
    live.refresh_from_db()
    workflow.propose_revision(live, editor, workflow.content_of(live).replace(body="A corrected paragraph."))
    held = held_import()
    at = timezone.now().replace(microsecond=0) + timedelta(days=3)
    scheduled = ArticleFactory(decided=True, published_at=at)
    yesterday = ArticleFactory(published_at=timezone.now() - timedelta(days=2))
    desk = sections(editor)
    assert list(desk) == ["review-queue", "revisions", "held-imports", "scheduled", "published-today"]
    [item] = desk["review-queue"].items
    assert (item.title, item.comment, item.comment_by) == (submitted.title, "Checked with the second source.", "Wanda Writer")
    assert titles(desk["revisions"]) == [live.title]
    [import_item] = desk["held-imports"].items
    assert (import_item.title, import_item.notes) == (held.title, (Article.UNSURE_TITLE,))
    [scheduled_item] = desk["scheduled"].items
    local = at.astimezone(ZoneInfo("Asia/Baghdad"))
    assert scheduled_item.title == scheduled.title
    assert f"{local:%-d %b %Y, %H:%M} (Asia/Baghdad)" in scheduled_item.details[0]
    assert "Asia/Baghdad" in desk["scheduled"].note
    assert live.title in titles(desk["published-today"]) and yesterday.title not in titles(desk["published-today"])


def test_editor_desk_page_names_the_time_zone_and_links_each_article(writer, editor):
    """/admin/ as an editor: the editors' desk, each article linked, the time zone named."""
    submitted = make_article(writer, "in_review")
    make_article(writer, "scheduled")
    response = logged_in(editor).get(reverse("admin:index"))
    html = response.content.decode()
    assert response.context["title"] == "Editors’ desk"
    assert f'href="{reverse("admin:articles_article_change", args=[submitted.pk])}"' in html
    assert "Times in the newsroom’s time zone, Europe/London." in html


# --- the cost: a fixed number of queries -----------------------------------------------------------------


def _fill(writer, editor, n):
    """``n`` articles in every list of both desks."""
    for _ in range(n):
        for state in ("draft", "in_review", "scheduled", "published"):
            make_article(writer, state)
        sent_back(writer, editor)
        held_import(title=f"Held {Article.objects.count()}")
        live = make_article(writer, "published")
        workflow.propose_revision(live, editor, workflow.content_of(live).replace(body="New words."))


def _queries(client):
    """The queries /admin/ runs, and the count each desk section shows."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return len(queries), {section.key: section.count for section in response.context["desk"]}


@pytest.mark.parametrize("who", ["writer", "editor"])
def test_the_desk_costs_the_same_queries_at_any_size(writer, editor, who, django_assert_max_num_queries):
    """/admin/ runs the same number of queries (at most 15) whether every desk list holds 2 articles or 12."""
    client = logged_in(writer if who == "writer" else editor)
    _fill(writer, editor, 2)
    small, counts = _queries(client)
    counts.pop("published-today", None)  # _fill's live articles went live an hour ago: yesterday, just after midnight
    assert set(counts.values()) == {2}
    _fill(writer, editor, 10)
    with django_assert_max_num_queries(15):
        large, counts = _queries(client)
    counts.pop("published-today", None)
    assert large == small and set(counts.values()) == {12}


# --- the review queue ----------------------------------------------------------------------------------


def test_review_queue_reads_naturally_and_shows_the_submit_comment(writer, editor):
    """The queue is titled "Review queue", counts "2 articles waiting" and shows each writer's submit comment."""
    first = make_article(writer, "draft")
    workflow.perform("submit", first, writer, comment="Ready for the morning.")
    make_article(writer, "in_review")
    response = logged_in(editor).get(reverse("admin:articles_reviewqueue_changelist"))
    html = response.content.decode()
    assert response.context["title"] == "Review queue" and "<h1>Review queue</h1>" in html
    assert "2 articles waiting" in html and "review queue</p>" not in html.replace("\n", "")
    assert "Writer’s comment" in html
    assert "Ready for the morning." in html


def test_the_queue_shows_the_latest_submit_comment(writer, editor):
    """After changes and a new submission, the queue shows the new submit comment, not the first."""
    article = sent_back(writer, editor)
    workflow.perform("submit", article, writer, comment="Sources named now.")
    html = logged_in(editor).get(reverse("admin:articles_reviewqueue_changelist")).content.decode()
    assert "Sources named now." in html and "Ready, I think." not in html


def test_the_queue_lists_what_to_decide_once(editor):
    """"To decide" lists each reason the importer held an article, then the suggested warnings, but not twice
    when a reason already names them."""
    death, war = ContentWarningFactory(label="Deaths shown"), ContentWarningFactory(label="Armed conflict")
    named = held_import("Suggestions named")
    named.review_reasons = [
        Article.UNSURE_TITLE, "suggested content warnings need an editor’s decision: Deaths shown, Armed conflict",
    ]
    named.save()
    named.suggested_warnings.set([death, war])
    unnamed = held_import("Suggestions unnamed")
    unnamed.suggested_warnings.set([death])
    html = logged_in(editor).get(reverse("admin:articles_reviewqueue_changelist")).content.decode()
    assert html.count("Deaths shown, Armed conflict") == 1
    assert html.count('<span class="queue-decide__kind">Suggested warnings:</span> Deaths shown</li>') == 1
    assert html.count('<span class="queue-decide__kind">Held by the importer:</span>') == 3


# --- the record of decisions ---------------------------------------------------------------------------


def test_decisions_list_speaks_in_labels_not_codes(writer, editor):
    """The record's columns and filters read "Imported and published", "In review", never the stored codes."""
    held_import()
    Decision.objects.create(article=Article.objects.get(), action="imported_and_published", to_status="published")
    Decision.objects.create(article=Article.objects.get(), action="imported_for_review", to_status="in_review")
    html = logged_in(editor).get(reverse("admin:articles_decision_changelist")).content.decode()
    for label in ("Imported and published", "Imported and held for review", "In review", "Published"):
        assert f">{label}<" in html or f"{label}</" in html, label
    for code in ("imported_and_published", "imported_for_review", "in_review"):
        assert f">{code}<" not in html and f"{code}</" not in html, code


@pytest.mark.parametrize(
    "action, label",
    [("request_changes", "Changes requested"), ("imported_and_published", "Imported and published"),
     ("warnings_decided", "Warnings decided"), ("a_future_action", "A future action")],
)
def test_decisions_read_as_labels(action, label):
    """Each stored action code has a readable name; one the table does not know reads as its words."""
    assert Decision.label_of(action) == label


def test_editor_see_all_links_open_the_matching_lists(writer, editor):
    """"See all" from the schedule and from today's publications opens the article list filtered to just those."""
    for _ in range(SHOWN + 1):
        make_article(writer, "scheduled")
        ArticleFactory(decided=True, published_at=timezone.now() - timedelta(minutes=1))
    ArticleFactory(published_at=timezone.now() - timedelta(days=2))
    make_article(writer, "draft")
    desk, client = sections(editor), logged_in(editor)
    for key in ("scheduled", "published-today"):
        assert desk[key].more
        response = client.get(desk[key].see_all)
        assert response.status_code == 200 and response.context["cl"].result_count == SHOWN + 1, key


@pytest.mark.parametrize("who", ["writer", "editor"])
def test_the_tags_section_is_called_tags_not_by_the_librarys_name(who, request):
    """The admin's list of models (below the desk, and the sidebar) heads the tags "Tags", never "Taggit" (the
    library's name, which no editor knows)."""
    client = Client()
    client.force_login(request.getfixturevalue(who))
    html = client.get(reverse("admin:index")).content.decode()
    assert "Taggit" not in html and "TAGGIT" not in html
    assert 'class="app-taggit module' in html


def test_a_revision_of_an_article_since_unpublished_waits_in_no_queue(writer, editor):
    """A pending revision of an article an editor then unpublished is no "pending revision of a live article":
    neither the desk nor the review queue lists it (the draft's own form still links it); a live one's still is."""
    unpublished = make_article(writer, "published")
    workflow.propose_revision(unpublished, editor, workflow.content_of(unpublished).replace(body="An edit."))
    workflow.perform("unpublish", unpublished, editor, comment="Legal hold.")
    live = make_article(writer, "published")
    workflow.propose_revision(live, editor, workflow.content_of(live).replace(body="Another edit."))
    assert titles(sections(editor)["revisions"]) == [live.title]
    assert list(Article.objects.awaiting_review()) == [live]
    client = Client()
    client.force_login(editor)
    queue = client.get(reverse("admin:articles_reviewqueue_changelist")).content.decode()
    assert live.title in queue and unpublished.title not in queue
    form = client.get(reverse("admin:articles_article_change", args=[unpublished.pk])).content.decode()
    assert "1 pending revision awaiting review" in form


def test_the_newsroom_app_keeps_its_own_config():
    """The "articles" app runs ArticlesConfig (whose ready() connects the cache's signals), tags their renamed one."""
    from django.apps import apps

    from articles.apps import ArticlesConfig
    from articles.taggit_config import TagsConfig

    assert type(apps.get_app_config("articles")) is ArticlesConfig
    assert type(apps.get_app_config("taggit")) is TagsConfig


def test_a_live_articles_page_leads_straight_to_reviewing_its_pending_revision(writer, editor):
    """An editor on a live article with a pending revision reaches the page that compares it with the live text and
    approves or sends it back in one click (the newest, when there are several, all of them one link away)."""
    live = make_article(writer, "published")
    first = workflow.propose_revision(live, editor, workflow.content_of(live).replace(body="A first edit."))
    client = Client()
    client.force_login(editor)
    form = client.get(reverse("admin:articles_article_change", args=[live.pk])).content.decode()
    review = reverse("admin:articles_article_revision", args=[live.pk, first.pk])
    assert f'href="{review}">Review it: compare with live, approve or send back</a>' in form
    page = client.get(review).content.decode()
    assert 'value="approve"' in page and 'value="reject"' in page
    # (an edit supersedes the older pending edits; an import's revision waits beside them)
    second = workflow.propose_revision(live, None, workflow.content_of(live).replace(body="The source changed."),
                                       source="import", source_hash="changed")
    assert live.revisions.pending().count() == 2
    form = client.get(reverse("admin:articles_article_change", args=[live.pk])).content.decode()
    assert reverse("admin:articles_article_revision", args=[live.pk, second.pk]) in form
    assert "Review the newest" in form and reverse("admin:articles_article_revisions", args=[live.pk]) in form


def test_a_writer_on_her_live_article_is_told_who_may_change_it_not_how_saving_works(writer, editor):
    """A writer who may not edit her live article reads that an editor may change it, never how saving an edit works
    on a page she cannot save; an editor still reads how a saved edit becomes a pending revision."""
    live = make_article(writer, "published")
    client = Client()
    client.force_login(writer)
    page = client.get(reverse("admin:articles_article_change", args=[live.pk])).content.decode()
    assert "Only an editor may change it now" in page and "Saving an edit creates a pending revision" not in page
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_change", args=[live.pk])).content.decode()
    assert "Saving an edit creates a pending revision" in page and "Only an editor may change it now" not in page


def test_an_articles_history_starts_with_its_record_of_decisions(writer, editor):
    """The History button's page leads with who submitted, published or sent the article back, when and why (the
    record of decisions), before the admin's log of saves."""
    article = make_article(writer, "in_review")
    workflow.perform("request_changes", article, editor, comment="Check the casualty figure.")
    client = Client()
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_history", args=[article.pk])).content.decode()
    assert page.index("Record of decisions") < page.index("Every save (the admin")
    assert "Changes requested" in page and "Check the casualty figure." in page
