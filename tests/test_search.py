"""Search: what it finds, what it never shows, how it ranks and highlights, and odd queries."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from articles import search
from taggit.models import Tag

from articles.models import Article, Author, ContentWarning, TaggedArticle
from tests.factories import ArticleFactory, AuthorFactory
from tests.html_checks import assert_valid_html

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search only")
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5 search only")


def results(client, query, **params):
    response = client.get(reverse("articles:search"), {"q": query, **params})
    assert response.status_code == 200
    return response


def titles(response):
    return [article.title for article in response.context["object_list"]]


# Pure helpers


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("  Yazidis  ", "Yazidis"),
        ("Sinjar\x00\tmassacre\n", "Sinjar massacre"),
        ("a" * 500, "a" * search.MAX_QUERY_LENGTH),
        (None, ""),
    ],
)
def test_clean_query(raw, cleaned):
    """Queries lose control characters and extra whitespace and are capped in length."""
    assert search.clean_query(raw) == cleaned


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Yazidis", ["Yazidis"]),
        ('"mass grave" Sinjar?', ["mass grave", "Sinjar"]),
        ("!!! ... ---", []),
        ("'' \"\"", []),
        ("O'Brien's", ["O'Brien's"]),
        ("Sinjar sinjar", ["Sinjar"]),
    ],
)
def test_terms(query, expected):
    """Words and quoted phrases are the terms; punctuation-only tokens are dropped."""
    assert search.terms(query) == expected


# What it finds


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"title": "Yazidis return to Sinjar"}, id="title"),
        pytest.param({"standfirst": "Thousands of Yazidis are still missing."}, id="standfirst"),
        pytest.param({"body": "The Yazidis of Sinjar remember.\n\nMore text."}, id="body"),
        pytest.param({"tags": ["Yazidis"]}, id="tag"),
        pytest.param({"author": {"name": "Yazidis Reporter"}}, id="author"),
    ],
)
def test_finds_a_word_in_each_field(client, fields):
    """A word in the title, standfirst, body, a tag or the author's name finds the article."""
    if "author" in fields:
        fields = {**fields, "author": AuthorFactory(**fields["author"])}
    article = ArticleFactory(**fields)
    ArticleFactory(title="Unrelated story")
    assert titles(results(client, "Yazidis")) == [article.title]


def test_search_ignores_case(client):
    """Search is case-insensitive."""
    ArticleFactory(title="Yazidis return to Sinjar")
    assert titles(results(client, "yazidis")) == ["Yazidis return to Sinjar"]


def test_every_word_must_match(client):
    """All the words of a query must occur in an article for it to match."""
    ArticleFactory(title="Yazidis return to Sinjar")
    ArticleFactory(title="Yazidis in Germany")
    assert titles(results(client, "Yazidis Sinjar")) == ["Yazidis return to Sinjar"]


def test_non_latin_words_are_found(client):
    """A query in another script finds an article written in it."""
    ArticleFactory(title="Шенгал: возвращение домой")
    assert titles(results(client, "Шенгал")) == ["Шенгал: возвращение домой"]


def test_hidden_articles_are_never_found(client, hidden):
    """Draft, in-review and scheduled articles never appear in results, nor their words in the page."""
    ArticleFactory(title="Yazidis return to Sinjar", body="Visible words.")
    ArticleFactory(title="Yazidis hidden story", body="Zygomorphic secret words.", **hidden)
    response = results(client, "Yazidis")
    assert titles(response) == ["Yazidis return to Sinjar"]
    html = response.content.decode()
    assert "hidden story" not in html and "Zygomorphic" not in html
    assert titles(results(client, "zygomorphic")) == []


# Ranking and snippets


def test_title_matches_rank_above_body_matches(client):
    """An article with the word in its title ranks above one with it only in the body."""
    now = timezone.now()
    ArticleFactory(title="Elections in the north", body="Yazidis voted.", published_at=now - timedelta(hours=1))
    ArticleFactory(title="Yazidis vote in Sinjar", body="Turnout was high.", published_at=now - timedelta(days=5))
    assert titles(results(client, "Yazidis")) == ["Yazidis vote in Sinjar", "Elections in the north"]


def test_snippet_highlights_the_match(client):
    """A result shows an excerpt of its text with the matching word in <mark>."""
    ArticleFactory(title="Return", standfirst="", body="Families who fled in 2014 say the Yazidis of Sinjar need houses.")
    html = results(client, "Yazidis").content.decode()
    assert '<p class="card__snippet">' in html
    assert "<mark>Yazidis</mark>" in html


def test_snippet_escapes_stored_markup(client):
    """Markup in a body reaches the snippet as text; only <mark> is real markup."""
    ArticleFactory(title="Hostile", standfirst="", body="<script>alert(1)</script> <b>Yazidis</b> & more")
    html = results(client, "Yazidis").content.decode()
    snippet = html[html.index('<p class="card__snippet">') :]
    snippet = snippet[: snippet.index("</p>")]
    assert "<script" not in snippet and "<b>" not in snippet
    assert "<mark>Yazidis</mark>" in snippet


@pytest.mark.parametrize(
    "article",
    [
        pytest.param(SimpleNamespace(search_headline="<i>a</i> \ue000<b>Yazidis</b>\ue001 & <script>"), id="postgres-headline"),
        pytest.param(SimpleNamespace(standfirst="<i>a</i>", body="<b>Yazidis</b> & <script>"), id="fallback-excerpt"),
    ],
)
def test_snippets_escape_everything_but_their_marks(article):
    """Snippets escape the stored text, then wrap matches in <mark>: no other markup survives."""
    snippet = str(search.add_snippets([article], "Yazidis")[0].search_snippet)
    assert "<i>" not in snippet and "<b>" not in snippet and "<script>" not in snippet
    assert "&lt;i&gt;" in snippet and "&lt;script&gt;" in snippet and "&amp;" in snippet
    assert snippet.count("<mark>") == snippet.count("</mark>") == 1


def test_warned_result_shows_labels_not_snippet(client):
    """A warned result shows its warning labels and no excerpt of its text."""
    warning = ContentWarning.objects.get(slug="graphic-violence")
    ArticleFactory(title="Massacre at Kocho", standfirst="Distressing standfirst.", body="Distressing Yazidis body.", warnings=[warning])
    html = results(client, "Yazidis").content.decode()
    assert "Massacre at Kocho" in html
    assert "Content warning: Graphic violence" in html
    assert "Distressing" not in html
    assert "card__snippet" not in html


def test_phrase_search(client):
    """A "quoted phrase" matches the words together."""
    ArticleFactory(title="A mass grave near Sinjar")
    ArticleFactory(title="Mass protests", body="A grave mistake.")
    assert titles(results(client, '"mass grave"')) == ["A mass grave near Sinjar"]


# Odd queries


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "!!!",
        '"',
        "'",
        '"unterminated phrase',
        "' OR 1=1 --",
        "'; DROP TABLE articles_article; --",
        "a & b | !c <-> (d:*",
        "%_%",
        "\x00\x01",
        "<script>alert(1)</script>",
        "😀 🕊️",
        "ﷺ ‮ reversed",
        "Ça va, Zürich? São Paulo; Кобані",
        "x" * 10_000,
        "the of and",
    ],
    ids=lambda query: repr(query[:24]),
)
def test_odd_queries_get_a_friendly_page(client, query):
    """Empty, punctuation-only, SQL-ish, unicode and huge queries answer 200 with a valid page."""
    ArticleFactory(title="Yazidis return to Sinjar")
    response = results(client, query)
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert_valid_html(html, query[:20])


@pytest.mark.usefixtures("uncached_pages")
def test_empty_query_explains_and_runs_no_query(client, django_assert_num_queries):
    """An empty search asks for a word and does not touch the database."""
    with django_assert_num_queries(0):
        html = results(client, "").content.decode()
    assert "Type a word or phrase" in html


@pytest.mark.usefixtures("uncached_pages")
def test_punctuation_only_query_explains(client, django_assert_num_queries):
    """A query with no words says there was nothing to look for, without searching."""
    with django_assert_num_queries(0):
        html = results(client, "?!?").content.decode()
    assert "There are no words to look for" in html


def test_long_query_is_capped_and_says_so(client):
    """A query longer than the cap is cut to it, and the page says so."""
    ArticleFactory(title="Yazidis return to Sinjar")
    response = results(client, "Yazidis " + "x" * 400)
    assert len(response.context["query"]) == search.MAX_QUERY_LENGTH
    assert "only its first 200 characters were used" in response.content.decode()


def test_no_results_is_friendly(client):
    """A query that matches nothing says so."""
    ArticleFactory(title="Yazidis return to Sinjar")
    assert "No articles match “Kobani”" in results(client, "Kobani").content.decode()


def test_query_is_echoed_escaped(client):
    """The query is shown back in the form and heading, escaped."""
    html = results(client, '<b>"Yazidis"</b>').content.decode()
    assert "<b>" not in html
    assert 'value="&lt;b&gt;&quot;Yazidis&quot;&lt;/b&gt;"' in html


# Pages and budgets


def test_results_paginate_and_keep_the_query(client):
    """Results come 20 a page and the page links keep the query."""
    ArticleFactory.create_batch(21, title="Yazidis story")
    response = results(client, "Yazidis")
    assert len(response.context["object_list"]) == 20
    assert 'href="?q=Yazidis&amp;page=2"' in response.content.decode()
    second = client.get(reverse("articles:search"), {"q": "Yazidis", "page": 2})
    assert len(second.context["object_list"]) == 1


def test_search_page_is_not_indexed(client):
    """Search pages ask crawlers not to index them and carry no canonical link."""
    html = results(client, "Yazidis").content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert 'rel="canonical"' not in html


@pytest.mark.usefixtures("uncached_pages")
def test_search_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    """A search runs the same queries for 3 results as for 12: page, tags, warnings (and on SQLite the
    ranked candidates and the page's snippets)."""
    queries = 3 + 2 * (connection.vendor == "sqlite")
    warning = ContentWarning.objects.get(slug="death")
    ArticleFactory.create_batch(3, title="Yazidis story", tags=["Iraq", "Sinjar"], warnings=[warning])
    with django_assert_num_queries(queries):
        results(client, "Yazidis")
    ArticleFactory.create_batch(9, title="Yazidis story", tags=["Iraq", "Sinjar"], warnings=[warning])
    with django_assert_num_queries(queries):
        results(client, "Yazidis")


# The search documents and their indexes


def found(query):
    return [article.title for article in search.search(Article.objects.published(), query)]


@pytest.mark.parametrize(
    ("change", "query", "expected"),
    [
        pytest.param(lambda a: a.tags.add("Kocho"), "Kocho", True, id="tag-added"),
        pytest.param(lambda a: a.tags.remove("Sinjar"), "Sinjar", False, id="tag-removed"),
        pytest.param(lambda a: Tag.objects.filter(name="Sinjar").update(name="Shingal"), "Shingal", True, id="tag-renamed"),
        pytest.param(
            lambda a: Author.objects.filter(pk=a.author_id).update(name="Leila Haddad"), "Haddad", True, id="author-renamed"
        ),
        pytest.param(lambda a: Article.objects.filter(pk=a.pk).update(body="Now about Mosul."), "Mosul", True, id="body-edited"),
        pytest.param(lambda a: Article.objects.filter(pk=a.pk).update(title="Renamed"), "Return", False, id="title-edited"),
        pytest.param(
            lambda a: TaggedArticle.objects.filter(content_object=a).update(tag=Tag.objects.create(name="Ninewa", slug="ninewa")),
            "Ninewa", True, id="tag-moved",
        ),
    ],
)
def test_search_documents_follow_every_write(change, query, expected):
    """The database's triggers keep each document in step, whatever wrote the change (even plain SQL)."""
    article = ArticleFactory(title="Return home", body="Families came back.", tags=["Sinjar"])
    change(article)
    assert (found(query) != []) is expected


def test_deleted_article_leaves_no_document():
    """Deleting an article removes its document."""
    ArticleFactory(title="Return to Sinjar").delete()
    assert found("Sinjar") == []
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM articles_search")
            assert cursor.fetchone()[0] == 0


def test_common_words_cost_a_bounded_candidate_window(monkeypatch):
    """Only the CANDIDATES newest matches are ranked, the best of them first."""
    monkeypatch.setattr(search, "CANDIDATES", 3)
    now = timezone.now()
    old = ArticleFactory(title="Siege of the old city", published_at=now - timedelta(days=30))
    body_only = [ArticleFactory(body="The siege went on.", published_at=now - timedelta(days=n)) for n in (4, 3, 2)]
    titled = ArticleFactory(title="Siege ends", published_at=now - timedelta(days=1))
    assert found("siege") == [titled.title, body_only[2].title, body_only[1].title]
    assert old.title not in found("siege")


@sqlite_only
def test_sqlite_search_reads_the_fts_index():
    """On SQLite the candidates come from the FTS5 index, read backwards by rowid; the articles are then
    fetched by primary key. No LIKE scan over articles."""
    ArticleFactory(title="Yazidis return to Sinjar")
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {search.SQLITE_CANDIDATES_SQL}", ['"yazidis"', search.CANDIDATES])
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "VIRTUAL TABLE INDEX" in plan and "articles_search" in plan and "ORDER BY" not in plan
    sql, params = search.search(Article.objects.published(), "Yazidis").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "PRIMARY KEY" in plan and "LIKE" not in sql.upper()


@postgres_only
def test_postgres_search_uses_the_gin_index():
    """On PostgreSQL, with the planner's default settings and real statistics, a word is found through
    the GIN index, not by reading every article (20,000 of them: enough that reading them all costs
    the planner more than the index, as in any real archive)."""
    author = AuthorFactory()
    body = " ".join(["Shelling, water shortages and a long winter for the families who stayed."] * 10)
    with connection.cursor() as cursor:  # (the archive's setup, not a request: no 5 s limit on a busy machine)
        cursor.execute("SET LOCAL statement_timeout = 0")
    Article.objects.bulk_create(
        Article(title=f"Report {n}", slug=f"report-{n}", author=author, status="published",
                published_at=timezone.now() - timedelta(hours=n), body=f"{body} Day {n}.")
        for n in range(20000)
    )
    ArticleFactory(title="Yazidis return to Sinjar")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"
    plan = search.search(Article.objects.published(), "Yazidis").explain()
    assert search.INDEX_NAME in plan, plan
    assert found("Yazidis") == ["Yazidis return to Sinjar"]


@postgres_only
def test_postgres_stems_words(client):
    """On PostgreSQL a word finds its other forms (killed ~ killing)."""
    ArticleFactory(title="Villagers killed in shelling")
    assert titles(results(client, "killing")) == ["Villagers killed in shelling"]


@sqlite_only
def test_sqlite_index_survives_migrations_that_remake_tables(tmp_path):
    """Migrating back past a migration that remakes the article table, and forward again, leaves the
    index complete and in step: its triggers are made again and its rows rebuilt."""
    import subprocess
    import sys

    from tests.servers import ROOT, manage, server_env

    env = server_env(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", MASTHEAD_CACHE_DIR=tmp_path / "cache")
    manage(env, "migrate", "--no-input")
    code = (
        "from articles.models import Article, Author; from articles import search;"
        "a = Author.objects.get_or_create(slug='r', name='Rania')[0];"
        "Article.objects.create(title='{title}', slug='{slug}', author=a, body='Families return.', status='published', published_at='2024-01-01T00:00Z');"
        "print(sorted(x.title for x in search.search(Article.objects.published(), 'Sinjar')))"
    )

    def shell(title, slug):
        result = subprocess.run([sys.executable, "manage.py", "shell", "-c", code.format(title=title, slug=slug)],
                                cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        return result.stdout.strip().splitlines()[-1]

    assert shell("Sinjar before", "before") == "['Sinjar before']"
    manage(env, "migrate", "articles", "0008", "--no-input")  # unapplies 0009, which remakes the article table
    manage(env, "migrate", "--no-input")
    assert shell("Sinjar after", "after") == "['Sinjar after', 'Sinjar before']"


def test_results_heading_counts_what_it_shows(client, django_capture_on_commit_callbacks):
    """One page of results says how many; a longer list says which ones this page shows (nothing counts
    the whole archive)."""
    ArticleFactory(title="Yazidis return to Sinjar")
    assert "1 result for “Yazidis”" in results(client, "Yazidis").content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # the page cache ends as on a commit
        ArticleFactory.create_batch(21, title="Yazidis story")
    assert "Results 1–20 for “Yazidis”" in results(client, "Yazidis").content.decode()
    assert "Results 21–22 for “Yazidis”" in client.get("/search/", {"q": "Yazidis", "page": 2}).content.decode()
    assert "0 results for “Nothing”" in results(client, "Nothing").content.decode()


@sqlite_only
def test_a_write_that_leaves_the_text_alone_leaves_the_index_alone():
    """A workflow move rewrites the article's row but none of its indexed columns: the index is not
    touched (SQLite counts every row a statement and its triggers change)."""
    article = ArticleFactory(title="Return to Sinjar", body="Families came back.")
    changes = connection.connection.total_changes
    article.status = Article.Status.IN_REVIEW
    article.save()
    assert connection.connection.total_changes - changes == 1
    article.body = "Families came back to Sinjar."
    article.save()
    assert connection.connection.total_changes - changes > 2  # the row, then the index's own rows


@sqlite_only
def test_an_article_is_indexed_once_it_has_a_body_with_its_tags():
    """An article without a body (never publishable) has no row in the index; when its text arrives it is
    indexed with the tags it already had."""
    article = ArticleFactory(title="Return home", body="", tags=["Kocho"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM articles_search WHERE rowid = %s", [article.pk])
        assert cursor.fetchone()[0] == 0
    Article.objects.filter(pk=article.pk).update(body="Families came back.")
    assert found("Kocho") == ["Return home"]


@sqlite_only
def test_triggers_from_an_earlier_version_are_made_again_on_migrate():
    """A database whose triggers an earlier version of Masthead made gets this version's, and its index
    rebuilt, on the next migrate, even when no migration touches the tables."""
    from articles import searchindex

    article = ArticleFactory(title="Return to Sinjar")
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER articles_search_update")
        cursor.execute(
            "CREATE TRIGGER articles_search_update AFTER UPDATE OF body ON articles_article BEGIN SELECT 1; END"
        )
        cursor.execute("DELETE FROM articles_search")
    searchindex.after_migrate(sender=None, using="default", plan=[])
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'articles_search_%'")
        current = dict(cursor.fetchall())
    assert current == {name: searchindex._definition(name) for name in searchindex.TRIGGERS}
    assert found("Sinjar") == [article.title]
