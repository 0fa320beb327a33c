"""Search over the articles readers may see: title, standfirst, body, tags and author.

The caller passes ``Article.objects.published()`` (the visibility rule stays in one place);
``search`` narrows and ranks it, ``add_snippets`` gives a page of results their highlighted
excerpt. Queries are cleaned first (control characters dropped, whitespace collapsed, at most
``MAX_QUERY_LENGTH`` characters); a query with no word in it is not run at all.

Both databases search documents that their own triggers keep in step with every write
(migration 0008): the title, standfirst, body and the names of the author and tags.

- PostgreSQL: the weighted ``search_document || search_names`` (title A, standfirst and names
  B, body C) with its GIN index, matched with ``websearch_to_tsquery`` (quoted phrases, ``or``, ``-word``;
  never a syntax error), ranked with ``ts_rank``; snippets from ``ts_headline``.
- SQLite: the FTS5 table ``articles_search`` (Porter stemming, accents folded); every word or
  "quoted phrase" must occur; ranked with ``bm25`` (title 10, names 4, standfirst 4, body 1);
  snippets from FTS5's ``snippet``.

Cost is bounded whatever the archive's size: only CANDIDATES matches are ranked, so a word that
occurs in every article costs no more than a rare one. On PostgreSQL they are the newest visible
matches by publication time; on SQLite the most recently added matches (FTS5 reads its index
backwards by rowid), of which the visible ones are shown. News readers mostly want recent
reporting; an older article is found by adding words.

Snippets never trust stored text: it is escaped first and only then wrapped in ``<mark>``.
"""

import re
from html import unescape

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Expression, FloatField, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from articles.rendering import render_markdown

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
SNIPPET_CHARS = 220
CANDIDATES = 500
CONFIG = "english"
INDEX_NAME = "article_search_idx"  # PostgreSQL's GIN index on search_document (migration 0008)

_TERM = re.compile(r'"([^"]*)"|(\S+)')
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
# Stand-ins for <mark> and </mark> in ts_headline's and snippet's output: private-use characters
# that clean_query removes and escape() leaves alone.
_START, _STOP = "\ue000", "\ue001"


def clean_query(raw):
    """The query as searched: printable characters only, single spaces, at most MAX_QUERY_LENGTH."""
    text = "".join(ch if ch.isprintable() else " " for ch in str(raw or ""))
    text = text.replace(_START, " ").replace(_STOP, " ")
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def terms(query):
    """The words and "quoted phrases" of a cleaned query, without surrounding punctuation."""
    found = []
    for phrase, word in _TERM.findall(query):
        term = " ".join(_EDGE_PUNCTUATION.sub("", part) for part in (phrase or word).split()).strip()
        if term and term.casefold() not in {t.casefold() for t in found}:
            found.append(term)
    return found[:MAX_TERMS]


def search(articles, query):
    """``articles`` that match ``query``, best first. ``query`` must be cleaned and have terms."""
    if connection.vendor == "postgresql":
        return _postgres_search(articles, query)
    return _sqlite_search(articles, query)


def add_snippets(articles, query):
    """Give each article a ``search_snippet``: a safe excerpt with the matches in <mark>."""
    if connection.vendor == "sqlite":
        _sqlite_headlines(articles, query)
    words = terms(query)
    for article in articles:
        headline = getattr(article, "search_headline", None)
        article.search_snippet = _headline_html(headline) if headline else _excerpt(_plain_text(article), words)
    return articles


class OnArticleRow(Expression):
    """SQL about the current article row: ``template`` with ``{row}`` standing for its table alias.

    Resolves and relabels its alias like a column does, so it stays right inside subqueries.
    """

    def __init__(self, template, params=(), output_field=None):
        super().__init__(output_field=output_field)
        self.template, self.params, self.alias = template, tuple(params), None

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        clone = self.copy()
        clone.alias = query.get_initial_alias()
        return clone

    def relabeled_clone(self, relabels):
        clone = self.copy()
        clone.alias = relabels.get(self.alias, self.alias)
        return clone

    def as_sql(self, compiler, connection):
        return self.template.format(row=compiler.quote_name_unless_alias(self.alias)), list(self.params)

    def get_group_by_cols(self):
        return [self]


def _newest(matching):
    """The ids of the CANDIDATES newest of ``matching``, for ``pk__in``."""
    return matching.order_by("-published_at", "-id").values("pk")[:CANDIDATES]


# PostgreSQL


def _postgres_search(articles, query):
    def document():
        # Exactly the expression article_search_idx indexes (migration 0008).
        return OnArticleRow("({row}.search_document || {row}.search_names)", output_field=SearchVectorField())

    tsquery = SearchQuery(query, config=CONFIG, search_type="websearch")
    matching = articles.alias(document=document()).filter(document=tsquery)
    return (
        articles.filter(pk__in=_newest(matching))
        .annotate(
            search_rank=SearchRank(document(), tsquery),
            # Only computed for the rows of the page: PostgreSQL evaluates costly output after LIMIT.
            search_headline=SearchHeadline(
                Concat("standfirst", Value("\n\n"), "body", output_field=TextField()),
                tsquery,
                config=CONFIG,
                start_sel=_START,
                stop_sel=_STOP,
                max_words=30,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-search_rank", "-published_at", "-id")
    )


# SQLite (FTS5)


def fts5_query(query):
    """An FTS5 MATCH expression: each term a quoted phrase, all of them required."""
    return " ".join('"{}"'.format(term.replace('"', '""')) for term in terms(query))


# Weights: title 10, standfirst 4, body 1, author and tag names 4.
SQLITE_CANDIDATES_SQL = (
    "SELECT rowid, bm25(articles_search, 10.0, 4.0, 1.0, 4.0) FROM articles_search "
    "WHERE articles_search MATCH %s ORDER BY rowid DESC LIMIT %s"
)


def _sqlite_search(articles, query):
    """FTS5 ranks its CANDIDATES most recently added matches in one statement (it walks its index
    backwards by rowid and stops); the visible ones among them are ordered by that rank."""
    with connection.cursor() as cursor:
        cursor.execute(SQLITE_CANDIDATES_SQL, [fts5_query(query), CANDIDATES])
        ranked = cursor.fetchall()
    if not ranked:
        return articles.none()
    # bm25 is better the lower it is.
    rank = OnArticleRow(
        "CASE {row}.id " + "WHEN %s THEN %s " * len(ranked) + "END",
        [value for row in ranked for value in row],
        output_field=FloatField(),
    )
    return articles.filter(pk__in=[pk for pk, _ in ranked]).annotate(search_rank=rank).order_by(
        "search_rank", "-published_at", "-id"
    )


def _sqlite_headlines(articles, query):
    """Fill ``search_headline`` for one page of results: one query."""
    ids = [article.pk for article in articles if getattr(article, "pk", None) and not hasattr(article, "search_headline")]
    if not ids:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid, snippet(articles_search, 2, %s, %s, ' … ', 32) FROM articles_search "
            f"WHERE articles_search MATCH %s AND rowid IN ({', '.join(['%s'] * len(ids))})",
            [_START, _STOP, fts5_query(query), *ids],
        )
        found = dict(cursor.fetchall())
    for article in articles:
        if article.pk in found:
            article.search_headline = found[article.pk]


_MARKDOWN_NOISE = [
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [text](url) → text
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # <https://…> → https://…
    (re.compile(r"(^|\s)(#{1,6}|>)\s", re.MULTILINE), r"\1"),  # heading and quote markers
    (re.compile(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)"), ""),  # emphasis markers
    (re.compile(r"\s+"), " "),
]


def _headline_html(headline):
    """ts_headline output as safe HTML: Markdown markers dropped, everything escaped, then marked."""
    text = headline
    for pattern, replacement in _MARKDOWN_NOISE:
        text = pattern.sub(replacement, text)
    marked = re.sub(f"{_START}(.*?){_STOP}", r"<mark>\1</mark>", str(escape(text.strip())), flags=re.DOTALL)
    # Safe: every character that came from the database went through escape() above.
    return mark_safe(marked.replace(_START, "").replace(_STOP, ""))


def _plain_text(article):
    body = unescape(strip_tags(render_markdown(article.body)))  # the text alone: pictures are not searched
    return " ".join(f"{article.standfirst} {body}".split())


def _excerpt(text, words):
    """About SNIPPET_CHARS of ``text`` around the first match, escaped, matches in <mark>."""
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE) if words else None
    first = pattern.search(text) if pattern else None
    start = 0
    if first and first.start() > SNIPPET_CHARS // 3:
        start = text.rfind(" ", 0, first.start() - SNIPPET_CHARS // 3) + 1
    window = Truncator(text[start:]).chars(SNIPPET_CHARS)
    prefix = "… " if start else ""
    if pattern is None:
        return format_html("{}{}", prefix, window)
    pieces, position = [escape(prefix)], 0
    for match in pattern.finditer(window):
        pieces.append(escape(window[position : match.start()]))
        pieces.append(format_html("<mark>{}</mark>", match.group()))
        position = match.end()
    pieces.append(escape(window[position:]))
    # Safe: built only from escape() and format_html() pieces.
    return mark_safe("".join(pieces))
