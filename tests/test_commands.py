"""manage.py import_seeds (placement, repeat runs, changed files, editors' edits, bad files, dry runs) and
manage.py create_member (roles, bylines, emails, passwords with and without a terminal)."""

import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from articles.ingest import content_fingerprint
from articles.models import Article, Author, TaggedArticle
from tests.conftest import SEED_000, SEED_004
from tests.servers import ROOT, manage, server_env

pytestmark = pytest.mark.django_db


def run(*args):
    """Run the command; return (stdout, stderr, error or None)."""
    out, err = StringIO(), StringIO()
    try:
        call_command("import_seeds", *[str(a) for a in args], stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


@pytest.fixture
def seeds(tmp_path):
    """A private copy of the two seeds, free to change."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED_000, folder)
    shutil.copy(SEED_004, folder)
    return folder


def seed0():
    return Article.objects.get(source_name=SEED_000.name)


def seed4():
    return Article.objects.get(source_name=SEED_004.name)


def test_default_imports_the_project_seeds():
    """With no paths, the project's seeds/ folder is imported."""
    out, _, error = run()
    assert error is None
    assert Article.objects.count() == 2
    assert "2 files: 2 created, 0 updated, 0 revised, 0 unchanged, 0 skipped, 0 failed." in out


def test_complete_article_is_published(seeds):
    """Seed 000 has title, author, date and body: it is published with its tags and warning."""
    run(seeds)
    article = seed0()
    assert article.status == Article.Status.PUBLISHED
    assert article.author.name == "Tom Coburg"
    assert timezone.localtime(article.published_at).date().isoformat() == "2019-10-13"
    assert article.review_reasons == []
    assert {"Analysis", "Global", "Daesh", "Syria", "Turkey", "Kurds"} <= set(article.tags.names())
    assert list(article.warnings.values_list("slug", flat=True)) == ["graphic-violence"]
    assert article.warning_note.startswith("this story contains a very graphic video")
    assert article.image_credit == "YouTube"
    assert article.body.startswith("It appears that many of the Turkish-backed ground troops")
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_incomplete_article_waits_in_review_with_reason(seeds):
    """Seed 004 has no date and its writer's name stands alone under the headline: it goes to review, says why, and
    no date is invented."""
    out, _, _ = run(seeds)
    article = seed4()
    assert article.status == Article.Status.IN_REVIEW
    assert article.published_at is None
    assert article.review_reasons == [
        "the writer's name stands alone, with no “By”: check that “Tom Coburg” wrote it",
        "no publication date found",
        "suggested content warnings need an editor's decision: Death, Sexual violence, War and conflict",
    ]
    assert "in review: no publication date found" in out
    assert {"Daesh", "Iraq", "Yazidis"} <= set(article.tags.names())
    assert not Article.objects.published().filter(pk=article.pk).exists()


RIVER_HEADLINE = "River swimming spot to get bathing water status"
RIVER_TEXT = ("A stretch of the River Tam is to become the county's first inland bathing water, tested all summer.\n\n"
              "The designation follows a four-year campaign by local swimmers, who took more than 600 samples.\n")


def _imported(tmp_path, name, text):
    """The article imported from a page of ``text`` saved as ``name``."""
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    assert run(page)[2] is None
    return Article.objects.get(source_name=name)


def test_the_tags_a_page_lists_become_the_articles_tags(tmp_path):
    """A page's "Tags: …" line after its text gives the imported article those tags, beside the topics found."""
    article = _imported(tmp_path, "tagged.txt", (
        f"{RIVER_HEADLINE}\n\nBy Rhys Owusu\n\nPublished 3 April 2026\n\n{RIVER_TEXT}\n"
        "Share this article Facebook Twitter Email\nTags: Environment, River Tam, Swimming\nCopyright 2026 Example Media Group\n"))
    assert {"Environment", "River Tam", "Swimming"} <= set(article.tags.names())
    assert "Tags:" not in article.body and "Copyright" not in article.body


def test_the_deck_under_the_headline_becomes_the_standfirst(tmp_path):
    """The deck between a page's headline and its byline is imported as the article's standfirst, not its body."""
    deck = "Campaigners spent four years gathering water samples to win the designation"
    article = _imported(tmp_path, "decked.txt", f"{RIVER_HEADLINE}\n\n{deck}\n\nBy Rhys Owusu\n\nPublished 3 April 2026\n\n{RIVER_TEXT}")
    assert article.standfirst == deck
    assert article.body.startswith("A stretch of the River Tam")


def test_one_author_for_both_seeds(seeds):
    """The same byline on two pages is one author."""
    run(seeds)
    assert Author.objects.get().slug == "tom-coburg"


def test_repeat_run_changes_nothing(seeds):
    """A second run reports every file unchanged and touches no row."""
    run(seeds)
    before = {a.pk: (a.updated_at, a.body) for a in Article.objects.all()}
    out, _, error = run(seeds)
    assert error is None
    assert out.count("unchanged") == 3  # two lines and the summary
    assert "0 created, 0 updated, 0 revised, 2 unchanged" in out
    assert {a.pk: (a.updated_at, a.body) for a in Article.objects.all()} == before


def test_changed_file_updates_a_held_article(seeds):
    """A changed source updates the held article it made, keeping its slug."""
    run(seeds)
    slug = seed4().slug
    path = seeds / SEED_004.name
    path.write_text(path.read_text().replace("But such treachery can only aid Daesh.", "A new sentence."))
    out, _, _ = run(seeds)
    assert "1 updated, 0 revised, 1 unchanged" in out
    article = seed4()
    assert "A new sentence." in article.body and article.slug == slug
    assert Article.objects.count() == 2


def test_changed_file_of_a_live_article_becomes_a_pending_revision(seeds):
    """A changed source never touches live text: it becomes a pending revision in review."""
    run(seeds)
    live_body = seed0().body
    path = seeds / SEED_000.name
    path.write_text(path.read_text().replace("The likely outcome doesn’t bear thinking about.", "A new sentence."))
    out, _, _ = run(seeds)
    assert "1 revised" in out and "a pending revision awaits review" in out
    article = seed0()
    assert article.body == live_body
    revision = article.revisions.pending().get()
    assert revision.source == "import" and "A new sentence." in revision.body
    out, _, _ = run(seeds)
    assert "0 revised, 2 unchanged" in out  # the same change is not proposed twice


def test_completed_file_updates_reasons_on_update(seeds):
    """When a new version of a held page has its date, that reason goes; the name standing alone and the warning
    suggestions still hold it."""
    run(seeds)
    path = seeds / SEED_004.name
    path.write_text(path.read_text().replace("Tom Coburg\n", "Tom Coburg\n5 March 2020\n", 1))
    out, _, _ = run(seeds)
    assert "1 updated" in out
    article = seed4()
    assert article.status == Article.Status.IN_REVIEW
    assert article.review_reasons == [
        "the writer's name stands alone, with no “By”: check that “Tom Coburg” wrote it",
        "suggested content warnings need an editor's decision: Death, Sexual violence, War and conflict",
    ]
    assert timezone.localtime(article.published_at).date().isoformat() == "2020-03-05"


def test_complete_page_without_suggestions_is_published_with_the_importers_decision(tmp_path):
    """A complete page with nothing to warn about is published; “no warnings apply” is the import's decision."""
    page = tmp_path / "calm.txt"
    page.write_text("Library opens a new reading room for children\nby Sam Lee\n2 May 2023\n\nThe room has books.\n")
    run(page)
    article = Article.objects.get()
    assert article.status == Article.Status.PUBLISHED
    assert article.no_warnings_apply and article.warnings_decided
    decision = article.decisions.get()
    assert decision.actor is None and decision.action == "imported_and_published"


@pytest.mark.parametrize(
    "edit",
    [
        lambda a: setattr(a, "title", "An editor's better headline"),
        lambda a: setattr(a, "body", a.body + "\n\nAn editor's added paragraph."),
        lambda a: setattr(a, "standfirst", "An editor's standfirst."),
    ],
    ids=["title", "body", "standfirst"],
)
def test_editors_work_is_never_overwritten(seeds, edit):
    """A changed file whose held article an editor edited since is skipped with a warning."""
    run(seeds)
    article = seed4()
    edit(article)
    article.save()
    edited = content_fingerprint(article)
    path = seeds / SEED_004.name
    path.write_text(path.read_text() + "\nextra line\n")
    out, _, error = run(seeds)
    assert error is None
    assert "skipped" in out and "an editor has edited the article" in out
    assert content_fingerprint(seed4()) == edited


def test_editors_tag_change_is_protected(seeds):
    """Editing only the tags counts as an editor's edit too."""
    run(seeds)
    seed4().tags.add("Editor pick")
    path = seeds / SEED_004.name
    path.write_text(path.read_text() + "\nextra line\n")
    out, _, _ = run(seeds)
    assert "skipped" in out
    assert "Editor pick" in seed4().tags.names()


def test_dry_run_saves_nothing(seeds):
    """--dry-run reports what would happen and leaves the database as it was."""
    out, _, error = run(seeds, "--dry-run")
    assert error is None
    assert out.count("would create") == 2
    assert "Dry run, nothing saved." in out
    assert Article.objects.count() == 0
    assert Author.objects.count() == 0


BAD_FILES = {
    "empty.txt": (b"", "file is empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "file is binary, not text"),
    "latin1.txt": (b"Caf\xe9 society under siege in the capital\n\nText.", "file is not valid UTF-8 text"),
    "chrome.txt": ("• Home\n• News\nLOGIN\n".encode(), "no title found"),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_file_fails_alone(seeds, name):
    """A bad file gets one line naming it and the reason; the others import; the exit is non-zero."""
    data, reason = BAD_FILES[name]
    (seeds / name).write_bytes(data)
    out, err, error = run(seeds)
    assert error is not None and "1 of 3 files failed" in str(error)
    failure_lines = [line for line in err.splitlines() if "failed" in line]
    assert len(failure_lines) == 1
    assert name in failure_lines[0] and reason in failure_lines[0]
    assert Article.objects.count() == 2
    assert not Article.objects.filter(source_name=name).exists()


def test_too_large_file_fails(seeds, settings):
    """A file over MASTHEAD_IMPORT_MAX_BYTES is refused with the limit in the message."""
    settings.MASTHEAD_IMPORT_MAX_BYTES = 5000
    out, err, error = run(seeds)
    assert error is not None
    assert f"{SEED_000.name}: file is 5,001 bytes, larger than the import limit of 5,000 bytes" in err
    assert list(Article.objects.values_list("source_name", flat=True)) == [SEED_004.name]


def test_missing_path_fails_cleanly(tmp_path):
    """A path that does not exist is a failed file, not a crash."""
    out, err, error = run(tmp_path / "nope.txt")
    assert error is not None
    assert "nope.txt: file not found" in err


def test_empty_folder_is_an_error(tmp_path):
    """A folder with nothing to import says so."""
    _, _, error = run(tmp_path)
    assert error is not None and "No files to import" in str(error)


def test_database_error_saves_nothing_of_that_file(seeds, monkeypatch):
    """If saving a file fails half-way, none of it is kept and the other files still import."""
    from articles.ingest import saving

    real = saving._link

    def explode(model, owner_field, article, target_field, targets):
        if article.source_name == SEED_000.name and model is not TaggedArticle:  # after the row and its tags are written
            from django.db import DatabaseError

            raise DatabaseError("disk full")
        return real(model, owner_field, article, target_field, targets)

    monkeypatch.setattr(saving, "_link", explode)
    out, err, error = run(seeds)
    assert error is not None
    assert f"{SEED_000.name}: database error: disk full" in err
    assert list(Article.objects.values_list("source_name", flat=True)) == [SEED_004.name]


def test_unmapped_warning_note_goes_to_review(tmp_path):
    """A stated warning that matches no vocabulary entry holds the article for an editor."""
    page = tmp_path / "page.txt"
    page.write_text(
        "Floods leave thousands without homes in the delta\nby Sam Lee\n2 May 2023\n\n"
        "Content warning: distressing scenes\n\nThe river rose overnight and the floods did not stop rising for days.\n"
    )
    run(page)
    article = Article.objects.get()
    assert article.status == Article.Status.IN_REVIEW
    assert article.review_reasons == ["the source's warning note matches no content warning: “distressing scenes”"]


def test_create_member_writer(monkeypatch):
    """create_member makes a staff writer in the Writer group, linked to their author byline."""
    monkeypatch.setenv("MASTHEAD_MEMBER_PASSWORD", "a-long-password-123")
    out = StringIO()
    call_command("create_member", "wanda", "--role", "writer", "--name", "Wanda Writer", "--email", "w@example.org", stdout=out)
    user = get_user_model().objects.get(username="wanda")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Writer"]
    assert user.author_profile.name == "Wanda Writer"
    assert "Created writer" in out.getvalue()


def test_create_member_refuses_duplicates_and_weak_passwords(monkeypatch):
    """An existing name or a weak password is a clear error and creates nothing."""
    monkeypatch.setenv("MASTHEAD_MEMBER_PASSWORD", "123")
    with pytest.raises(CommandError, match="Password refused"):
        call_command("create_member", "eve", "--role", "editor", stdout=StringIO())
    assert not get_user_model().objects.filter(username="eve").exists()
    monkeypatch.setenv("MASTHEAD_MEMBER_PASSWORD", "a-long-password-123")
    call_command("create_member", "eve", "--role", "editor", stdout=StringIO())
    with pytest.raises(CommandError, match="already exists"):
        call_command("create_member", "eve", "--role", "editor", stdout=StringIO())


@pytest.mark.parametrize(
    "username, options, byline",
    [("edith", [], "edith"), ("edith", ["--name", "Edith Editor"], "Edith Editor"), ("edith@example.org", [], "edith")],
)
def test_create_member_editor_gets_a_byline_and_an_email(monkeypatch, username, options, byline):
    """An editor gets their own byline (--name, else the user name, never an email address) and the email
    workflow messages go to."""
    monkeypatch.setenv("MASTHEAD_MEMBER_PASSWORD", "a-long-password-123")
    out = StringIO()
    call_command("create_member", username, "--role", "editor", "--email", "edith@example.org", *options, stdout=out)
    user = get_user_model().objects.get(username=username)
    assert list(user.groups.values_list("name", flat=True)) == ["Editor"]
    assert user.email == "edith@example.org"
    assert user.author_profile.name == byline
    assert f"with the byline “{byline}”" in out.getvalue()


def test_an_editor_made_by_the_command_files_under_their_own_byline(monkeypatch, client):
    """A new editor's article form starts with their byline chosen, so their article can be published."""
    monkeypatch.setenv("MASTHEAD_MEMBER_PASSWORD", "a-long-password-123")
    call_command("create_member", "edith", "--role", "editor", stdout=StringIO())
    editor = get_user_model().objects.get(username="edith")
    client.force_login(editor)
    form = client.get("/admin/articles/article/add/").context["adminform"].form
    assert form.initial["author"] == editor.author_profile.pk


def test_create_member_refuses_a_malformed_email(monkeypatch):
    """An --email that is not an address is refused before anything is created."""
    monkeypatch.setenv("MASTHEAD_MEMBER_PASSWORD", "a-long-password-123")
    with pytest.raises(CommandError, match="not an email address"):
        call_command("create_member", "edith", "--role", "editor", "--email", "edith at home", stdout=StringIO())
    assert not get_user_model().objects.exists()


@pytest.fixture(scope="module")
def member_env(tmp_path_factory):
    """The environment of `make editor` on a migrated SQLite database of its own, with no password set."""
    database = tmp_path_factory.mktemp("members") / "db.sqlite3"
    env = server_env(DATABASE_URL=f"sqlite:///{database}")
    env.pop("MASTHEAD_MEMBER_PASSWORD", None)
    manage(env, "migrate", "--no-input")
    return env


def create_member(env, *args, **run_options):
    """Run ``manage.py create_member`` as the make targets do, in a subprocess."""
    command = [sys.executable, "manage.py", "create_member", *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, **run_options)


def test_create_member_without_a_terminal_reads_the_password_from_the_environment(member_env):
    """With no terminal, MASTHEAD_MEMBER_PASSWORD gives the password; without it, one clear line and a non-zero exit."""
    refused = create_member(member_env, "edna", "--role", "editor", stdin=subprocess.DEVNULL)
    assert refused.returncode != 0
    assert "Traceback" not in refused.stderr
    assert refused.stderr.strip().splitlines() == [
        "CommandError: No terminal to ask for a password: set MASTHEAD_MEMBER_PASSWORD (at least 12 characters) "
        "in the environment, or run this in a terminal. Nothing was created."
    ]
    env = {**member_env, "MASTHEAD_MEMBER_PASSWORD": "a-long-password-123"}
    made = create_member(env, "edna", "--role", "editor", "--email", "edna@example.org", stdin=subprocess.DEVNULL)
    assert made.returncode == 0, made.stderr
    assert "Created editor “edna” with the byline “edna”" in made.stdout


def test_create_member_in_a_terminal_closed_without_a_password_says_so(member_env):
    """End of input at the password prompt (Ctrl-D) ends with one clear message, not a traceback."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "manage.py", "create_member", "ezra", "--role", "writer"],
        cwd=ROOT, env=member_env, stdin=terminal, stdout=terminal, stderr=terminal, start_new_session=True,
    )
    os.close(terminal)
    output, deadline = b"", time.monotonic() + 60
    while b"Password: " not in output and time.monotonic() < deadline:
        if select.select([controller], [], [], 1)[0]:
            output += os.read(controller, 4096)
    os.write(controller, b"\x04")  # Ctrl-D: end of input
    while True:
        try:
            chunk = os.read(controller, 4096) if select.select([controller], [], [], 10)[0] else b""
        except OSError:  # the command ended and closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    assert process.wait(timeout=30) != 0
    text = output.decode()
    assert "Traceback" not in text
    assert "No password given; nothing was created." in text


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plans")
def test_importer_finds_articles_through_indexes_not_scans():
    """Every lookup the importer makes on the articles table reads an index, so a file costs the same
    in an archive of ten articles or a hundred thousand."""
    from django.test.utils import CaptureQueriesContext

    from articles.ingest import Importer

    importer = Importer()
    importer.import_path(SEED_004)
    with CaptureQueriesContext(connection) as queries:
        importer.import_path(SEED_000)
    lookups = [q["sql"] for q in queries.captured_queries if re.match(r'SELECT .* FROM "?articles_article"? ', q["sql"])]
    assert lookups
    with connection.cursor() as cursor:
        for sql in lookups:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
            assert "SCAN articles_article" not in plan, (sql, plan)


def test_a_guessed_headline_is_held_for_review(tmp_path):
    """When nothing around a page's first headline-like line confirms it, the article waits in review with
    that reason: a wrong headline is never published."""
    page = tmp_path / "unsure.txt"
    page.write_text("Northern Courier Weekly Edition\nMenu\nSearch\n\nA short line.\n")
    run(page)
    article = Article.objects.get()
    assert article.status == Article.Status.IN_REVIEW
    assert Article.UNSURE_TITLE in article.review_reasons

