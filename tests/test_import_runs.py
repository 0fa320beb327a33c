"""Import runs: files parsed ahead in processes of their own, the run's memory of tags and authors, and what
one new file costs in statements."""

import pickle
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, connections
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from articles import cachekeys, purging
from articles.importing import ParseError, ahead, parse_file
from articles.ingest import Importer, Outcome
from articles.models import Article
from tests.conftest import SEED_000, SEED_004

TITLE = "When Turkish-backed jihadists link up with Daesh, there’s only one outcome. And it’s begun."


def write_pages(folder: Path, count: int, broken=()) -> list[Path]:
    """``count`` pages shaped like seed 000, each with its own headline; the numbers in ``broken`` empty."""
    text = SEED_000.read_text()
    folder.mkdir(exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"page_{n:04d}.txt"
        path.write_text("" if n in broken else text.replace(TITLE, f"Dispatch {n}: {TITLE}"))
        paths.append(path)
    return paths


# --- parsing ahead (pure: no database) ------------------------------------------------------------


def test_parse_errors_survive_the_trip_between_processes():
    error = pickle.loads(pickle.dumps(ParseError("page.txt", "file is empty")))
    assert (error.name, error.reason, str(error)) == ("page.txt", "file is empty", "page.txt: file is empty")


@pytest.mark.parametrize("processes", [1, 2])
def test_parsing_processes_parse_the_same_as_this_one_in_order(tmp_path, monkeypatch, processes):
    """Several chunks through one or two parsing processes: every file's result, in the order of the paths,
    the same as parsing here, a bad file failing alone in its place."""
    monkeypatch.setattr(ahead, "CHUNK", 4)
    monkeypatch.setattr(ahead, "AHEAD", 2)
    monkeypatch.setattr(ahead, "HERE_FIRST", 1)  # the first chunk here, the bad file's in the other process
    paths = write_pages(tmp_path, 11, broken={5})
    options = {"max_bytes": 1_000_000, "month_first": False}
    there = list(ahead.parsed_in_order(paths, processes=processes, **options))
    here = list(ahead.parsed_in_order(paths, processes=0, **options))
    assert [getattr(p, "title", None) for p in there] == [getattr(p, "title", None) for p in here]
    assert [p.title for p in there if not isinstance(p, ParseError)] == [
        f"Dispatch {n}: {TITLE}" for n in range(11) if n != 5
    ]
    assert isinstance(there[5], ParseError) and there[5].reason == "file is empty"
    assert there[0].body_markdown == here[0].body_markdown and there[0].folded_text == here[0].folded_text


@pytest.fixture
def pools_started(monkeypatch):
    """The number of processes each parsing pool was asked for; no pool starts (the files are parsed here)."""
    started = []

    class Pool:
        def __init__(self, processes, **kwargs):
            started.append(processes)
            raise OSError("not started in this test")

    monkeypatch.setattr(ahead, "ProcessPoolExecutor", Pool)
    return started


@pytest.mark.parametrize("machine_cores, chunks, expected", [(1, 5, 0), (2, 5, 2), (4, 5, 4), (16, 5, 4), (2, 2, 0)])
def test_a_run_parses_in_one_process_per_core(tmp_path, monkeypatch, pools_started, machine_cores, chunks, expected):
    """By default a run parses in as many processes as the machine has cores (the writer shares them), at most
    MAX_PARSERS (four), and here alone on one core or when the files fit in the chunks parsed while processes
    would start."""
    monkeypatch.setattr(ahead, "cores", lambda: machine_cores)
    monkeypatch.setattr(ahead, "CHUNK", 2)
    paths = write_pages(tmp_path, chunks * 2)
    parsed = list(ahead.parsed_in_order(paths, max_bytes=1_000_000, month_first=False))
    assert pools_started == ([expected] if expected else [])
    assert [p.title for p in parsed] == [f"Dispatch {n}: {TITLE}" for n in range(chunks * 2)]


def test_the_parsers_asked_for_are_never_more_than_the_chunks_in_flight(tmp_path, pools_started):
    """However many processes are asked for (settings.MASTHEAD_IMPORT_PARSERS), no more start than there are
    chunks in flight (AHEAD)."""
    paths = write_pages(tmp_path, 3)
    list(ahead.parsed_in_order(paths, max_bytes=1_000_000, month_first=False, processes=50))
    assert pools_started == [ahead.AHEAD]


def test_a_slow_first_chunk_still_comes_back_first(tmp_path, monkeypatch):
    """Two processes, the first chunk's pages many times longer than the second's: the second is parsed first, yet
    every result is handed over in the order of the paths."""
    monkeypatch.setattr(ahead, "CHUNK", 3)
    monkeypatch.setattr(ahead, "AHEAD", 2)
    monkeypatch.setattr(ahead, "HERE_FIRST", 0)
    long_text = SEED_000.read_text()
    paths = write_pages(tmp_path, 6)
    for path in paths[:3]:  # (the first chunk: the seed's body thirty times over)
        path.write_text(path.read_text() + "\n\n" + long_text.split(TITLE, 1)[1] * 30)
    parsed = list(ahead.parsed_in_order(paths, max_bytes=5_000_000, month_first=False, processes=2))
    assert [p.title for p in parsed] == [f"Dispatch {n}: {TITLE}" for n in range(6)]


def test_without_a_parsing_process_the_files_are_parsed_here(tmp_path, monkeypatch):
    """If no second process can start, the run goes on, parsing in its own."""

    class NoProcesses:
        def __init__(self, *args, **kwargs):
            raise OSError("no processes left")

    monkeypatch.setattr(ahead, "ProcessPoolExecutor", NoProcesses)
    paths = write_pages(tmp_path, 40)
    parsed = list(ahead.parsed_in_order(paths, max_bytes=1_000_000, month_first=False, processes=1))
    assert [p.title for p in parsed] == [f"Dispatch {n}: {TITLE}" for n in range(40)]


def test_a_parsing_process_that_dies_midway_leaves_the_rest_parsed_here(tmp_path, monkeypatch):
    """The first chunks parsed here while the process starts, then its own, until it breaks: every file
    once, in order."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    class DiesAtItsSecondChunk:
        def __init__(self, *args, **kwargs):
            self.calls = 0

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def submit(self, function, *args):
            self.calls += 1
            future = Future()
            if self.calls == 2:
                future.set_exception(BrokenProcessPool("killed"))
            else:
                future.set_result(function(*args))
            return future

    monkeypatch.setattr(ahead, "ProcessPoolExecutor", DiesAtItsSecondChunk)
    monkeypatch.setattr(ahead, "CHUNK", 3)
    paths = write_pages(tmp_path, 20)
    parsed = list(ahead.parsed_in_order(paths, max_bytes=1_000_000, month_first=False, processes=1))
    assert [p.title for p in parsed] == [f"Dispatch {n}: {TITLE}" for n in range(20)]

def test_a_fault_in_the_parser_fails_that_file_only(tmp_path, monkeypatch):
    """A bug the parser meets on one page is that file's failure, named, not the end of the run."""
    paths = write_pages(tmp_path, 3)

    def parse(path, **options):
        if path.name == "page_0001.txt":
            raise IndexError("list index out of range")
        return parse_file(path, **options)

    monkeypatch.setattr(ahead, "parse_file", parse)
    parsed = list(ahead.parsed_in_order(paths, max_bytes=1_000_000, month_first=False, processes=0))
    assert isinstance(parsed[1], ParseError)
    assert parsed[1].reason.startswith("the parser failed on this file (IndexError: list index out of range)")
    assert not isinstance(parsed[0], ParseError) and not isinstance(parsed[2], ParseError)


# --- runs through the database ----------------------------------------------------------------------


@pytest.mark.django_db
def test_a_run_of_many_files_imports_each_once_in_order(tmp_path, monkeypatch):
    """import_seeds on more files than one chunk (parsed ahead in a second process): every article made,
    a bad file reported in its place."""
    monkeypatch.setattr(ahead, "CHUNK", 8)
    write_pages(tmp_path / "pages", 30, broken={17})
    out, err = StringIO(), StringIO()
    with pytest.raises(Exception, match="1 of 30 files failed"):
        call_command("import_seeds", str(tmp_path / "pages"), stdout=out, stderr=err)
    assert "page_0017.txt: file is empty" in err.getvalue()
    assert "30 files: 29 created" in out.getvalue()
    assert Article.objects.count() == 29
    lines = [line for line in out.getvalue().splitlines() if line.startswith("created")]
    assert [line.split()[2] for line in lines] == [f"page_{n:04d}.txt" for n in range(30) if n != 17]


@pytest.mark.django_db
def test_a_new_file_costs_a_fixed_handful_of_statements(tmp_path, django_capture_on_commit_callbacks):
    """Once the run knows the author and the tags, a new published page is: one lookup, the article's
    row, its tag, warning and suggestion links, its text, and the record and history entries."""
    first, second = write_pages(tmp_path, 2)
    importer = Importer()
    with django_capture_on_commit_callbacks(execute=True):  # what the run remembers once the file commits
        importer.import_path(first)
    with purging.batched(), CaptureQueriesContext(connection) as queries:  # as import_seeds runs
        assert importer.import_path(second).outcome is Outcome.CREATED
    statements = [
        " ".join(re.match(r'(\w+)\s+(?:.*?\b(?:FROM|INTO)\s+)?"?(\w+)', q["sql"], re.DOTALL).groups()) for q in queries.captured_queries
        if not q["sql"].startswith(("SAVEPOINT", "RELEASE", "BEGIN", "COMMIT"))
    ]
    assert statements == [
        "SELECT articles_article",  # already imported? else, which slugs are taken
        "INSERT articles_article",
        "INSERT articles_taggedarticle",
        "INSERT articles_article_warnings",
        "INSERT articles_article_suggested_warnings",
        "UPDATE articles_article",  # the text, indexed once
        "INSERT articles_decision",
        "INSERT articles_revision",
    ]


@pytest.mark.django_db
def test_what_a_run_ends_is_read_once_per_send_not_per_file(tmp_path, monkeypatch, django_capture_on_commit_callbacks):
    """The lists and neighbours' links a run's new articles end are read when the run sends (once a
    second), in six statements for all the files committed since — their rows, their tags, the
    span of the publication order they fall in with the articles on either side, and the articles
    after them in each of their tags (whose earlier coverage they may enter) — not five per file."""
    sent = []
    monkeypatch.setattr(purging, "send", lambda keys, withdrawn=(): sent.append({*keys, *withdrawn}))
    importer = Importer()
    batch = purging.batched(every=3600)
    batch.__enter__()
    with django_capture_on_commit_callbacks(execute=True):  # each file's commit
        for path in write_pages(tmp_path, 6):
            assert importer.import_path(path).outcome is Outcome.CREATED
    with CaptureQueriesContext(connection) as queries:
        batch.__exit__(None, None, None)  # the run ends: what it owes is sent
    assert [q["sql"].split()[0] for q in queries.captured_queries] == ["SELECT"] * 6
    ended = set().union(*sent)
    articles = list(Article.objects.filter(status=Article.Status.PUBLISHED))
    assert len(articles) == 6 and all(cachekeys.article(a.pk) in ended and cachekeys.adjacent(a.pk) in ended for a in articles)


def fail_midway(monkeypatch, path):
    """Make the save of ``path`` fail once its rows are written, as a database refusing it midway would."""
    save = Importer.save_parsed

    def failing_midway(self, parsed):
        result = save(self, parsed)
        if parsed.source_name == path.name:
            raise DatabaseError("disk I/O error")
        return result

    monkeypatch.setattr(Importer, "save_parsed", failing_midway)


@pytest.mark.django_db
def test_a_file_failing_in_a_group_saves_nothing_of_itself_and_leaves_the_others(tmp_path, monkeypatch):
    """A run commits its files twenty at a time, each in a savepoint: a file whose save fails midway is
    reported failed with nothing of it saved, and the files around it are saved."""
    paths = write_pages(tmp_path, 3)
    fail_midway(monkeypatch, paths[1])
    results = list(Importer().import_many(paths))
    assert [r.outcome for r in results] == [Outcome.CREATED, Outcome.FAILED, Outcome.CREATED]
    assert "disk I/O error" in results[1].message
    assert sorted(Article.objects.values_list("source_name", flat=True)) == [paths[0].name, paths[2].name]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_group_refused_at_its_commit_is_imported_file_by_file(tmp_path, monkeypatch):
    """A group whose commit the database refuses for a broken link (here a remembered tag's row deleted
    under it, which the database checks at commit) is imported again one file to a transaction: every
    file created, tagged, nothing lost."""
    paths = write_pages(tmp_path, 3)
    importer = Importer()
    assert importer.import_path(paths[0]).outcome is Outcome.CREATED  # the run now remembers the tags
    imported = Importer._import_parsed
    calls = []

    def deleting_a_tag_after_the_first(self, path, parsed, dry_run):
        result = imported(self, path, parsed, dry_run)
        calls.append(path.name)
        if len(calls) == 1:
            with connection.cursor() as cursor:  # not the ORM's delete, which would unlink it first
                cursor.execute("DELETE FROM taggit_tag WHERE name = 'Analysis'")
        return result

    monkeypatch.setattr(Importer, "_import_parsed", deleting_a_tag_after_the_first)
    results = list(importer.import_many(paths[1:]))
    assert [r.outcome for r in results] == [Outcome.CREATED, Outcome.CREATED], [r.message for r in results]
    assert calls == [paths[1].name, paths[2].name] * 2  # the group, refused; then file by file
    for path in paths:
        assert "Analysis" in Article.objects.get(source_name=path.name).tags.names()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_tag_deleted_during_a_run_is_read_afresh(tmp_path):
    """The run remembers tags; if an editor deletes one meanwhile, the next file using it still imports
    (retried once with the memory cleared), tagged with the tag made anew."""
    first, second = write_pages(tmp_path, 2)
    importer = Importer()
    assert importer.import_path(first).outcome is Outcome.CREATED
    assert "analysis" in importer.known_tags  # the page's own section
    Tag.objects.filter(name="Analysis").delete()
    result = importer.import_path(second)
    assert result.outcome is Outcome.CREATED, result.message
    assert "Analysis" in Article.objects.get(source_name=second.name).tags.names()


@pytest.mark.django_db
def test_a_dry_run_leaves_nothing_remembered(tmp_path):
    """What a dry run made is rolled back, so the run does not remember it: the real import that follows
    makes the author and tags again rather than linking to rows that are gone."""
    importer = Importer()
    importer.import_path(SEED_004, dry_run=True)
    assert importer.known_authors == {} and importer.known_tags == {}
    assert importer.import_path(SEED_004).outcome is Outcome.CREATED
    assert Article.objects.get().author is not None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_fault_in_a_file_of_a_group_stops_the_run_there_with_the_files_before_it_saved(tmp_path, monkeypatch):
    """A fault that is no database error (a bug) in the third file of a group: the group is saved again file by
    file, so the two before it are kept, as with a transaction per file, and the fault stops the run at its file."""
    paths = write_pages(tmp_path, 4)
    save = Importer.save_parsed

    def faulty_third(self, parsed):
        if parsed.source_name == paths[2].name:
            raise RuntimeError("a bug in the importer")
        return save(self, parsed)

    monkeypatch.setattr(Importer, "save_parsed", faulty_third)
    results = []
    with pytest.raises(RuntimeError, match="a bug in the importer"):
        for result in Importer().import_many(paths):
            results.append(result)
    assert sorted(Article.objects.values_list("source_name", flat=True)) == [paths[0].name, paths[1].name]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_run_commits_twenty_files_at_a_time_and_a_failing_file_leaves_its_group_saved(tmp_path, monkeypatch):
    """45 files are three commits (20, 20, 5), not 45; a file of the second group whose save fails midway
    is reported failed with nothing of it saved, and the other 44 are saved."""
    paths = write_pages(tmp_path, 45)
    database = connections[Article.objects.db]
    commits = []
    commit = database.commit

    def counted():
        commits.append(database.alias)
        commit()

    fail_midway(monkeypatch, paths[27])
    monkeypatch.setattr(database, "commit", counted)
    results = list(Importer().import_many(paths))
    assert len(commits) == 3
    assert [r.outcome for r in results] == [Outcome.CREATED] * 27 + [Outcome.FAILED] + [Outcome.CREATED] * 17
    assert "disk I/O error" in results[27].message
    assert sorted(Article.objects.values_list("source_name", flat=True)) == sorted(
        path.name for n, path in enumerate(paths) if n != 27)
    commits.clear()
    monkeypatch.undo()
    monkeypatch.setattr(database, "commit", counted)
    assert Importer().import_path(paths[27]).outcome is Outcome.CREATED
    assert len(commits) == 1  # the counter counts: one file on its own is one commit
