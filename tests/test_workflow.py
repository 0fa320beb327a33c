"""The workflow (the articles/workflow/ package): who may make which move from which state and take which other
action (the one policy, workflow.can), and what each records; revisions, warning decisions, tag merges, emails."""

import threading
from datetime import timedelta

import feedparser
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import IntegrityError, connection, connections, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles import workflow
from articles.models import Article, ContentWarning, Decision, Revision, TaggedArticle, TagRedirect
from articles.workflow import WorkflowError
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ROLES = ["owner", "other_writer", "reviewer", "editor", "superuser"]
STATES = ["draft", "in_review", "published", "scheduled"]  # scheduled: published, its time still to come
STORED = {"scheduled": "published"}  # the status a state is stored as

# The specification, written out independently of workflow.MOVES: (states it starts from, roles allowed).
# A reviewer may review (and, as an editor, submit and withdraw) but never publish, schedule or unpublish.
# An editor who may publish publishes or schedules a draft directly, without submitting it to herself first.
EXPECTED = {
    "submit": ({"draft"}, {"owner", "reviewer", "editor", "superuser"}),
    "withdraw": ({"in_review"}, {"owner", "reviewer", "editor", "superuser"}),
    "request_changes": ({"in_review"}, {"reviewer", "editor", "superuser"}),
    "publish": ({"draft", "in_review"}, {"editor", "superuser"}),
    "schedule": ({"draft", "in_review"}, {"editor", "superuser"}),
    "unpublish": ({"published"}, {"editor", "superuser"}),
    "reschedule": ({"scheduled"}, {"editor", "superuser"}),
    "cancel_schedule": ({"scheduled"}, {"editor", "superuser"}),
}
TARGET = {
    "submit": "in_review",
    "withdraw": "draft",
    "request_changes": "draft",
    "publish": "published",
    "schedule": "published",
    "unpublish": "draft",
    "reschedule": "published",
    "cancel_schedule": "in_review",
}


@pytest.fixture
def people(writer, other_writer, reviewer, editor, superuser):
    return {"owner": writer, "other_writer": other_writer, "reviewer": reviewer, "editor": editor, "superuser": superuser}


def make_article(writer, state):
    """A writer's article in ``state``, with a warning decision so publishing is possible."""
    when = {"published": timezone.now() - timedelta(hours=1), "scheduled": timezone.now() + timedelta(days=1)}
    return ArticleFactory(
        status=STORED.get(state, state),
        created_by=writer,
        author=writer.author_profile,
        published_at=when.get(state),
        decided=True,
        submitted_by=writer if state == "in_review" else None,
    )


def move_kwargs(name):
    kwargs = {}
    if name in ("request_changes", "unpublish", "cancel_schedule"):
        kwargs["comment"] = "Because."
    if name in ("schedule", "reschedule"):
        kwargs["at"] = timezone.now() + timedelta(days=2)
    return kwargs


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("name", list(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(people, role, name, state):
    """Every role × every transition × every state is allowed or refused exactly as specified."""
    article = make_article(people["owner"], state)
    states, roles = EXPECTED[name]
    decisions_before = Decision.objects.count()
    if state in states and role in roles:
        workflow.perform(name, article, people[role], **move_kwargs(name))
        article.refresh_from_db()
        assert article.status == TARGET[name]
        entry = Decision.objects.latest()
        assert (entry.actor, entry.action, entry.from_status, entry.to_status) == (
            people[role], name, STORED.get(state, state), TARGET[name]
        )
    else:
        with pytest.raises(WorkflowError):
            workflow.perform(name, article, people[role], **move_kwargs(name))
        article.refresh_from_db()
        assert article.status == STORED.get(state, state)
        assert Decision.objects.count() == decisions_before


@pytest.mark.parametrize("name", ["request_changes", "unpublish"])
def test_comment_is_required(writer, editor, name):
    """Requesting changes and unpublishing need a comment; without one nothing changes."""
    article = make_article(writer, "in_review" if name == "request_changes" else "published")
    with pytest.raises(WorkflowError, match="required"):
        workflow.perform(name, article, editor, comment="  ")
    assert Article.objects.get(pk=article.pk).status == article.status


def test_unknown_transition_is_refused(writer):
    """An unknown move name is a clear error."""
    with pytest.raises(WorkflowError, match="no workflow action called “fly”"):
        workflow.perform("fly", make_article(writer, "draft"), writer)


def test_refusal_names_the_state(writer, editor):
    """The error says what state the article is in and when the move is possible."""
    with pytest.raises(WorkflowError, match="it is draft, and this is only possible when it is in review"):
        workflow.perform("request_changes", make_article(writer, "draft"), editor, comment="Sources?")
    with pytest.raises(WorkflowError, match="it is published, and this is only possible when it is draft or in review"):
        workflow.perform("publish", make_article(writer, "published"), editor)


def test_audiences_are_distinct():
    """No two audiences share a value: an alias would make the second one's emails unreachable."""
    assert len({audience.value for audience in workflow.Audience}) == len(workflow.Audience) == 3


def test_every_move_names_a_real_permission():
    """Each row of the table needs a permission that exists, so no check can silently pass."""
    for move in workflow.MOVES.values():
        app_label, codename = move.permission.split(".")
        assert Permission.objects.filter(content_type__app_label=app_label, codename=codename).exists(), move.name


# The other actions, written out independently of workflow.ACTIONS: the roles allowed each.
EXPECTED_ACTIONS = {
    "approve_revision": {"editor", "superuser"},
    "reject_revision": {"reviewer", "editor", "superuser"},
    "decide_warnings": {"reviewer", "editor", "superuser"},
    "merge_tags": {"reviewer", "editor", "superuser"},
    "add_correction": {"editor", "superuser"},
    "withdraw_correction": {"editor", "superuser"},
}


def take_action(name, user, owner):
    """Take the action ``name`` as ``user`` through the workflow function that does it."""
    if name in ("approve_revision", "reject_revision"):
        article = make_article(owner, "published")
        revision = workflow.propose_revision(article, None, workflow.content_of(article).replace(title="New"), source="import")
        if name == "approve_revision":
            return workflow.approve_revision(revision, user)
        return workflow.reject_revision(revision, user, comment="Not yet.")
    if name in ("add_correction", "withdraw_correction"):
        article = make_article(owner, "published")
        if name == "add_correction":
            return workflow.add_correction(article, user, kind="correction", text="The date was wrong.")
        editor = get_user_model().objects.get(username="edith")
        correction = workflow.add_correction(article, editor, kind="correction", text="The date was wrong.")
        return workflow.withdraw_correction(correction, user, note="It was right.")
    if name == "decide_warnings":
        return workflow.decide_warnings(make_article(owner, "in_review"), user, [], no_warnings_apply=True)
    article = ArticleFactory(tags=["Kept", "Merged"])
    return workflow.merge_tags(article.tags.get(name="Kept"), [article.tags.get(name="Merged")], user)


@pytest.mark.parametrize("name", list(EXPECTED_ACTIONS))
@pytest.mark.parametrize("role", ROLES)
def test_action_matrix(people, role, name):
    """Every role × approving and rejecting revisions, deciding warnings and merging tags: allowed exactly as
    specified, by the one policy (workflow.can), and a refusal changes nothing."""
    allowed = role in EXPECTED_ACTIONS[name]
    assert workflow.can(people[role], name) is allowed
    decisions_before = Decision.objects.count()
    if allowed:
        take_action(name, people[role], people["owner"])
    else:
        with pytest.raises(WorkflowError, match="only an editor who may"):
            take_action(name, people[role], people["owner"])
        # the proposal, or the correction that is to be withdrawn
        assert Decision.objects.count() == decisions_before + (1 if name.endswith("_revision") or name == "withdraw_correction" else 0)


def test_every_action_names_a_real_permission():
    """Each action of the table needs a permission that exists, and the table is the one the tests expect."""
    assert set(workflow.ACTIONS) == set(EXPECTED_ACTIONS)
    for action in workflow.ACTIONS.values():
        app_label, codename = action.permission.split(".")
        assert Permission.objects.filter(content_type__app_label=app_label, codename=codename).exists()


def test_reviewer_without_publish_permission_cannot_publish(writer, reviewer):
    """review_article alone never publishes, schedules or unpublishes, and says why."""
    for name, state in [("publish", "in_review"), ("schedule", "in_review"), ("unpublish", "published")]:
        with pytest.raises(WorkflowError, match="only an editor who may publish"):
            workflow.perform(name, make_article(writer, state), reviewer, **move_kwargs(name))


def test_inactive_editor_can_do_nothing(writer, editor):
    """A deactivated account is refused every move and every other action."""
    editor.is_active = False
    editor.save()
    assert not any(workflow.can(editor, name) for name in workflow.ACTIONS)
    with pytest.raises(WorkflowError):
        workflow.perform("publish", make_article(writer, "in_review"), editor)


class TestPublishing:
    def test_publish_needs_a_warning_decision(self, writer, editor):
        """No article is published without an explicit warning decision."""
        article = make_article(writer, "in_review")
        Article.objects.filter(pk=article.pk).update(warnings_decided_at=None, no_warnings_apply=False)
        with pytest.raises(WorkflowError, match="before an editor decides its content warnings"):
            workflow.perform("publish", Article.objects.get(pk=article.pk), editor)

    def test_publish_sets_the_time_and_keeps_history(self, writer, editor):
        """Publishing now sets published_at and keeps the live content as an approved revision."""
        article = workflow.perform("publish", make_article(writer, "in_review"), editor)
        assert article.published_at <= timezone.now()
        assert Article.objects.published().filter(pk=article.pk).exists()
        assert article.revisions.get().status == Revision.Status.APPROVED

    def test_schedule_needs_a_future_time(self, writer, editor):
        """Scheduling into the past is refused."""
        with pytest.raises(WorkflowError, match="in the future"):
            workflow.perform("schedule", make_article(writer, "in_review"), editor, at=timezone.now() - timedelta(minutes=1))

    def test_scheduled_article_appears_exactly_on_time(self, writer, editor, client, time_machine):
        """A scheduled article is invisible until its moment and visible from then on, with no job running."""
        start = timezone.now().replace(microsecond=0)
        time_machine.move_to(start, tick=False)
        at = start + timedelta(hours=3)
        article = workflow.perform("schedule", make_article(writer, "in_review"), editor, at=at)
        url = article.get_absolute_url()
        assert article.status == "published" and article.is_scheduled
        assert client.get(url).status_code == 404
        assert article.title not in client.get("/").content.decode()
        time_machine.move_to(at - timedelta(seconds=1), tick=False)
        assert client.get(url).status_code == 404
        time_machine.move_to(at, tick=False)
        assert client.get(url).status_code == 200
        assert article.title in client.get("/").content.decode()

    def test_perform_many_is_all_or_nothing(self, writer, editor):
        """A bulk move refused for one article changes none of them, and names the refused one."""
        ready = [make_article(writer, "in_review") for _ in range(2)]
        draft = make_article(writer, "draft")
        Article.objects.filter(pk=draft.pk).update(warnings_decided_at=None)  # publishable but for its warnings
        draft.refresh_from_db()
        with pytest.raises(WorkflowError) as raised:
            workflow.perform_many("publish", [*ready, draft], editor)
        assert draft.title in str(raised.value) and "content warnings" in str(raised.value)
        assert set(Article.objects.values_list("status", flat=True)) == {"in_review", "draft"}
        workflow.perform_many("publish", ready, editor)
        assert Article.objects.filter(status="published").count() == 2


class TestWarningDecisions:
    def test_empty_list_is_not_a_decision(self, writer, editor):
        """Deciding with no warnings and without “no warnings apply” is refused."""
        with pytest.raises(WorkflowError, match="An empty list is not a decision"):
            workflow.decide_warnings(make_article(writer, "in_review"), editor, [], no_warnings_apply=False)

    def test_both_is_not_a_decision(self, writer, editor):
        """Warnings and “no warnings apply” together are refused."""
        death = ContentWarning.objects.get(slug="death")
        with pytest.raises(WorkflowError, match="not both"):
            workflow.decide_warnings(make_article(writer, "in_review"), editor, [death], no_warnings_apply=True)

    def test_writer_cannot_decide(self, writer):
        """Warnings are an editor's decision."""
        with pytest.raises(WorkflowError, match="only an editor who may review"):
            workflow.decide_warnings(make_article(writer, "draft"), writer, [], no_warnings_apply=True)

    def test_decision_resolves_suggestions_and_is_recorded(self, writer, editor):
        """Accepted and dismissed suggestions, added and removed warnings are all on record."""
        article = make_article(writer, "in_review")
        death, war, torture = (ContentWarning.objects.get(slug=s) for s in ("death", "war-and-conflict", "torture"))
        article.warnings.set([torture])
        article.suggested_warnings.set([death, war])
        workflow.decide_warnings(article, editor, [death], no_warnings_apply=False, comment="checked")
        article.refresh_from_db()
        assert list(article.warnings.values_list("slug", flat=True)) == ["death"]
        assert not article.suggested_warnings.exists()
        assert article.warnings_decided_by == editor and article.warnings_decided
        entry = Decision.objects.latest()
        assert entry.action == "warnings_decided" and entry.actor == editor and entry.comment == "checked"
        assert entry.changes["warnings_added"] == ["death"]
        assert entry.changes["warnings_removed"] == ["torture"]
        assert entry.changes["suggestions_accepted"] == ["death"]
        assert entry.changes["suggestions_dismissed"] == ["war-and-conflict"]


    def test_unchanged_repeat_is_not_recorded_again(self, writer, editor):
        """Deciding what is already decided adds no record; a comment or a suggestion to resolve is recorded."""
        article = make_article(writer, "in_review")  # decided: no warnings apply
        before = Decision.objects.count()
        workflow.decide_warnings(article, editor, [], no_warnings_apply=True)
        assert Decision.objects.count() == before
        workflow.decide_warnings(article, editor, [], no_warnings_apply=True, comment="Checked again after the edit.")
        assert Decision.objects.count() == before + 1
        article.suggested_warnings.add(ContentWarning.objects.get(slug="death"))
        workflow.decide_warnings(article, editor, [], no_warnings_apply=True)
        assert Decision.objects.count() == before + 2 and not article.suggested_warnings.exists()


class TestDecisionRecord:
    def test_entries_cannot_be_changed(self, writer, editor):
        """The record is append-only: saving an existing entry again fails."""
        workflow.perform("submit", make_article(writer, "draft"), writer)
        entry = Decision.objects.latest()
        entry.comment = "rewritten"
        with pytest.raises(ValueError, match="never changed"):
            entry.save()

    def test_entries_cannot_be_deleted(self, writer):
        """Deleting an entry fails."""
        workflow.perform("submit", make_article(writer, "draft"), writer)
        with pytest.raises(ValueError, match="never deleted"):
            Decision.objects.latest().delete()


class TestRevisions:
    def content(self, article, **changes):
        return workflow.content_of(article).replace(**changes)

    def test_pending_revision_does_not_change_the_live_article(self, writer, editor, client):
        """Readers see the live version while a revision waits."""
        article = make_article(writer, "published")
        workflow.propose_revision(article, editor, self.content(article, body="SECRET NEW TEXT"))
        assert "SECRET NEW TEXT" not in client.get(article.get_absolute_url()).content.decode()
        assert Article.objects.get(pk=article.pk).body == article.body

    def test_approval_replaces_the_live_version(self, writer, editor, second_editor, client):
        """On approval the revision's text, tags and warnings go live, and the change is recorded."""
        article = make_article(writer, "published")
        revision = workflow.propose_revision(
            article, editor,
            self.content(article, body="Approved text.", tags=["Syria"], warnings=["death"], no_warnings_apply=False),
        )
        workflow.approve_revision(revision, second_editor)
        article.refresh_from_db()
        assert article.body == "Approved text."
        assert list(article.tags.names()) == ["Syria"]
        assert list(article.warnings.values_list("slug", flat=True)) == ["death"]
        assert "Approved text." in client.get(article.get_absolute_url()).content.decode()
        entry = Decision.objects.latest()
        assert entry.action == "revision_approved" and entry.changes["warnings_added"] == ["death"]
        assert "body" in entry.changes["fields"]

    def test_writer_cannot_propose_or_approve(self, writer, editor):
        """Writers cannot edit live articles, nor approve revisions."""
        article = make_article(writer, "published")
        with pytest.raises(WorkflowError):
            workflow.propose_revision(article, writer, self.content(article))
        revision = workflow.propose_revision(article, editor, self.content(article, body="x"))
        with pytest.raises(WorkflowError):
            workflow.approve_revision(revision, writer)

    def test_reject_needs_a_comment_and_keeps_live(self, writer, editor):
        """Sending a revision back needs a comment; the live text stays."""
        article = make_article(writer, "published")
        revision = workflow.propose_revision(article, editor, self.content(article, body="x"))
        with pytest.raises(WorkflowError, match="comment is required"):
            workflow.reject_revision(revision, editor, comment="")
        workflow.reject_revision(revision, editor, comment="No.")
        revision.refresh_from_db()
        assert revision.status == Revision.Status.REJECTED and revision.comment == "No."
        with pytest.raises(WorkflowError, match="not pending"):
            workflow.approve_revision(revision, editor)

    def test_revert_proposes_an_old_version_again(self, writer, editor):
        """Reverting makes a new pending revision with the earlier content."""
        article = make_article(writer, "published")
        workflow.snapshot_live(article, editor, source="publish")
        old = article.revisions.get()
        workflow.approve_revision(workflow.propose_revision(article, editor, self.content(article, body="New.")), editor)
        reverted = workflow.revert_to(old, editor)
        assert reverted.status == Revision.Status.PENDING and reverted.source == "revert"
        assert reverted.body == old.body
        assert Article.objects.get(pk=article.pk).body == "New."

    def test_a_new_edit_supersedes_older_pending_edits(self, writer, editor):
        """An editor's newer pending revision replaces older pending edits, which stay in the history."""
        article = make_article(writer, "published")
        first = workflow.propose_revision(article, editor, self.content(article, body="one"))
        second = workflow.propose_revision(article, editor, self.content(article, body="two"))
        first.refresh_from_db()
        assert first.status == Revision.Status.SUPERSEDED
        assert list(article.revisions.pending()) == [second]


class TestTags:
    def test_tags_are_case_insensitive(self):
        """“Syria” and “syria” are one tag."""
        a = ArticleFactory(tags=["Syria"])
        b = ArticleFactory(tags=["syria"])
        assert list(a.tags.all()) == list(b.tags.all())

    def test_non_latin_tags_get_working_slugs(self, client):
        """A tag in another script gets a slug and a working page."""
        article = ArticleFactory(tags=["Şengal", "كوباني"])
        slugs = sorted(article.tags.values_list("slug", flat=True))
        assert all(slugs) and "şengal" in slugs
        for tag in article.tags.all():
            assert client.get(f"/tags/{tag.slug}/").status_code == 200

    def test_merge_moves_articles_and_redirects(self, editor, client):
        """Merging moves articles to the kept tag, deletes the other, and its URL redirects (301)."""
        a = ArticleFactory(tags=["ISIS"])
        b = ArticleFactory(tags=["Daesh", "ISIS"])
        keep = b.tags.get(name="Daesh")
        old = a.tags.get(name="ISIS")
        retagged = workflow.merge_tags(keep, [old], editor)
        assert retagged == 2  # a moved over; b, which had both, lost the merged tag
        assert set(TaggedArticle.objects.filter(tag=keep).values_list("content_object_id", flat=True)) == {a.pk, b.pk}
        assert TagRedirect.objects.get(old_slug="isis").tag == keep
        response = client.get("/tags/isis/")
        assert response.status_code == 301 and response["Location"] == "/tags/daesh/"

    def test_merge_counts_every_retagged_article(self, editor):
        """The count is every article that carried a merged tag, those that already had the kept one included."""
        ArticleFactory(tags=["ISIS"])
        ArticleFactory(tags=["ISIS", "Daesh"])
        ArticleFactory(tags=["Isil", "ISIS"])
        keep = Tag.objects.get(name="Daesh")
        assert workflow.merge_tags(keep, list(Tag.objects.exclude(pk=keep.pk)), editor) == 3
        assert TaggedArticle.objects.filter(tag=keep).count() == 3 and list(Tag.objects.all()) == [keep]

    def test_the_admin_reports_the_true_count(self, editor):
        """The admin's merge message gives the number of articles retagged, not 0."""
        ArticleFactory(tags=["ISIS", "Daesh"])
        ArticleFactory(tags=["ISIS"])
        client = Client()
        client.force_login(editor)
        keep = Tag.objects.get(name="Daesh")
        response = client.post(reverse("admin:taggit_tag_changelist"), {
            "action": "merge_selected", "_selected_action": list(Tag.objects.values_list("pk", flat=True)),
            "apply": "1", "keep": keep.pk}, follow=True)
        assert "Merged into “Daesh”: 2 article(s) retagged" in response.content.decode()

    @pytest.mark.parametrize("articles", [3, 30])
    def test_merge_runs_a_fixed_number_of_queries(self, editor, articles):
        """Merging costs the same few queries for 3 articles as for 30 (bulk statements, no row saved one by
        one; the pages whose earlier coverage the moved articles enter are read in one statement)."""
        for number in range(articles):
            ArticleFactory(tags=["ISIS", "Daesh"] if number % 3 == 0 else ["ISIS"])
        keep, old = Tag.objects.get(name="Daesh"), Tag.objects.get(name="ISIS")
        with CaptureQueriesContext(connection) as queries:
            assert workflow.merge_tags(keep, [old], editor) == articles
        assert len(queries) <= 18, [query["sql"] for query in queries]  # 3 or 30 articles alike

    def test_merge_keeps_readers_pages_and_search_right(self, editor, client, django_capture_on_commit_callbacks):
        """After a merge the kept tag's cached page, its feed and search by its name show the moved articles."""
        ArticleFactory(title="Kept already", tags=["Daesh"])
        moved = ArticleFactory(title="Moved over", tags=["ISIS"])
        keep = Tag.objects.get(name="Daesh")
        assert "Moved over" not in client.get("/tags/daesh/").content.decode()  # now cached
        with django_capture_on_commit_callbacks(execute=True):
            workflow.merge_tags(keep, [Tag.objects.get(name="ISIS")], editor)
        assert "Moved over" in client.get("/tags/daesh/").content.decode()
        assert "Moved over" in client.get(reverse("articles:tag-feed-rss", args=["daesh"])).content.decode()
        found = client.get(reverse("articles:search"), {"q": "Daesh"}).content.decode()
        assert moved.get_absolute_url() in found
        assert "isis" not in client.get(moved.get_absolute_url()).content.decode().lower()

    @pytest.mark.parametrize("route", ["articles:tag-feed-rss", "articles:tag-feed-atom"])
    def test_a_merged_tags_feed_redirects_to_the_kept_feed(self, editor, client, route):
        """The old feed URL of a merged tag redirects (301) to the kept tag's feed of the same format."""
        ArticleFactory(title="Moved over", tags=["ISIS"])
        ArticleFactory(tags=["Daesh"])
        workflow.merge_tags(Tag.objects.get(name="Daesh"), [Tag.objects.get(name="ISIS")], editor)
        response = client.get(reverse(route, args=["isis"]))
        assert response.status_code == 301 and response["Location"] == reverse(route, args=["daesh"])
        entries = feedparser.parse(client.get(response["Location"]).content).entries
        assert "Moved over" in [entry.title for entry in entries]

    @pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no row locks (it locks the database)")
    def test_merge_locks_every_tag_it_touches(self, editor):
        """Both the kept and the merged tags are locked, so a tagging made meanwhile waits and is not lost."""
        ArticleFactory(tags=["ISIS", "Daesh"])
        keep, old = Tag.objects.get(name="Daesh"), Tag.objects.get(name="ISIS")
        with CaptureQueriesContext(connection) as queries:
            workflow.merge_tags(keep, [old], editor)
        locks = [query["sql"] for query in queries if "FOR UPDATE" in query["sql"] and "taggit_tag" in query["sql"]]
        assert len(locks) == 1 and str(keep.pk) in locks[0] and str(old.pk) in locks[0]

    @pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no row locks (it locks the database)")
    @pytest.mark.django_db(transaction=True, serialized_rollback=True)
    def test_a_tagging_still_open_when_a_merge_commits_is_refused_not_lost(self, editor):
        """A tagging with a merged tag that commits after the merge fails loudly (its tag is gone): it is never
        silently dropped, and the merge keeps every article it saw."""
        ArticleFactory(tags=["Daesh"])
        ArticleFactory(tags=["ISIS"])
        late = ArticleFactory(title="Tagged meanwhile")
        keep, old = Tag.objects.get(name="Daesh"), Tag.objects.get(name="ISIS")
        tagged, release, outcome = threading.Event(), threading.Event(), {}

        def tag_meanwhile():
            try:
                with transaction.atomic():
                    TaggedArticle.objects.create(tag=old, content_object=late)
                    tagged.set()
                    release.wait(10)
            except IntegrityError as error:
                outcome["tagging"] = error
            finally:
                connections.close_all()

        tagger = threading.Thread(target=tag_meanwhile)
        tagger.start()
        assert tagged.wait(10)
        assert workflow.merge_tags(keep, [old], editor) == 1
        release.set()
        tagger.join(10)
        assert isinstance(outcome.get("tagging"), IntegrityError)
        assert list(late.tags.names()) == [] and TaggedArticle.objects.filter(tag=keep).count() == 2

    def test_writers_cannot_merge(self, writer):
        """Only editors merge tags."""
        a = ArticleFactory(tags=["One", "Two"])
        with pytest.raises(WorkflowError):
            workflow.merge_tags(a.tags.get(name="One"), [a.tags.get(name="Two")], writer)


class TestNotifications:
    def test_submission_emails_the_editors(self, writer, editor, django_capture_on_commit_callbacks):
        """Submitting tells the editors."""
        with django_capture_on_commit_callbacks(execute=True):
            workflow.perform("submit", make_article(writer, "draft"), writer)
        assert [m.to for m in mail.outbox] == [[editor.email]]
        assert "Submitted for review" in mail.outbox[0].subject

    @pytest.mark.parametrize("name, subject", [("request_changes", "Changes requested"), ("publish", "Published")])
    def test_decisions_email_the_writer(self, writer, editor, django_capture_on_commit_callbacks, name, subject):
        """Requested changes and publication are sent to the article's writer."""
        with django_capture_on_commit_callbacks(execute=True):
            workflow.perform(name, make_article(writer, "in_review"), editor, comment="Tighten the intro.")
        assert [m.to for m in mail.outbox] == [[writer.email]]
        assert subject in mail.outbox[0].subject
        if name == "request_changes":
            assert "Tighten the intro." in mail.outbox[0].body

    def test_a_writer_taken_off_the_desk_hears_nothing(self, writer, editor, django_capture_on_commit_callbacks):
        """Out of the Writer group and no longer staff, the article's writer gets no editor's comment."""
        article = make_article(writer, "in_review")
        writer.groups.clear()
        writer.is_staff = False
        writer.save()
        with django_capture_on_commit_callbacks(execute=True):
            workflow.perform("request_changes", article, editor, comment="Tighten the intro.")
        assert mail.outbox == []

    def test_an_editor_without_staff_status_gets_no_submissions(self, writer, editor, second_editor,
                                                                  django_capture_on_commit_callbacks):
        """Submissions go only to active staff who may act on them: not to an editor whose staff status was removed."""
        editor.is_staff = False
        editor.save()
        with django_capture_on_commit_callbacks(execute=True):
            workflow.perform("submit", make_article(writer, "draft"), writer)
        assert [m.to for m in mail.outbox] == [[second_editor.email]]

    def test_submissions_reach_reviewers_and_publishers_not_writers(self, writer, other_writer, reviewer, editor,
                                                                     django_capture_on_commit_callbacks):
        """Everyone who may review or publish the article hears of it; other writers do not."""
        with django_capture_on_commit_callbacks(execute=True):
            workflow.perform("submit", make_article(writer, "draft"), writer)
        assert sorted(mail.outbox[0].to) == sorted([reviewer.email, editor.email])

    def test_the_submission_email_carries_the_writers_note_and_byline(self, writer, editor,
                                                                        django_capture_on_commit_callbacks):
        """The editors' email names the writer by her byline and carries the note she sent with it."""
        with django_capture_on_commit_callbacks(execute=True):
            workflow.perform("submit", make_article(writer, "draft"), writer, comment="Photos to follow from the agency.")
        body = mail.outbox[0].body
        assert body.startswith("Wanda Writer submitted") and "Photos to follow from the agency." in body

    def test_nobody_is_emailed_about_what_she_did_herself(self, writer, editor, second_editor,
                                                          django_capture_on_commit_callbacks):
        """An editor who submits, publishes or proposes a revision is not among those told of it."""
        article = make_article(writer, "draft")
        Article.objects.filter(pk=article.pk).update(created_by=editor)  # her own piece, under Wanda's byline
        article.refresh_from_db()
        with django_capture_on_commit_callbacks(execute=True):
            workflow.perform("submit", article, editor)
            workflow.perform("publish", article, editor)
            workflow.propose_revision(article, editor, workflow.content_of(article).replace(standfirst="New."))
        assert len(mail.outbox) == 3 and all(editor.email not in message.to for message in mail.outbox)
        assert [m.to for m in mail.outbox if "Submitted" in m.subject] == [[second_editor.email]]

    def test_recipients_follow_the_policy(self, writer, editor):
        """Whoever gets a decision's email may see the article; whoever gets a submission may act on it."""
        article = make_article(writer, "in_review")
        User = get_user_model()
        for user in User.objects.filter(email__in=workflow.recipients("submit", article)):
            assert any(workflow.can(user, name, article) for name in ("request_changes", "publish"))
        for user in User.objects.filter(email__in=workflow.recipients("publish", article)):
            assert workflow.can_view(user, article)
