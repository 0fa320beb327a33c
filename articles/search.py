"""Search over the articles readers may see: title, standfirst, body, tags and author.

The caller passes ``Article.objects.published()`` (the visibility rule stays in one place);
``search`` narrows and ranks it, ``add_snippets`` gives a page of results their highlighted
excerpt. Queries are cleaned first (control characters dropped, whitespace collapsed, at most
``MAX_QUERY_LENGTH`` characters); a query with no word in it is not run at all.

PostgreSQL: full-text search with ``websearch_to_tsquery`` (quoted phrases, ``or``, ``-word``;
never a syntax error). An article matches when its *document* matches, or a tag's name, or its
author's name. The document is the expression

    to_tsvector('english', coalesce(title, '') || ' ' || coalesce(standfirst, '') || ' ' || coalesce(body, ''))

and migration 0006 puts a GIN index on exactly that expression (``DOCUMENT_SQL`` below; a test
checks the two agree and that the plan uses the index). We chose an expression index over a
stored search-vector column because it needs no model field, no trigger and no save hook: the
index stays right on every write, including imports, bulk actions and approved revisions.
Tag and author names live in other, small tables; they are matched in subqueries OR-ed with the
indexed one. Ranking uses ``ts_rank`` over a weighted vector (title A, standfirst B, body C) plus
a bonus for a tag or author match; snippets come from ``ts_headline``.

SQLite (development): every word or "quoted phrase" must occur, ignoring case, in the title,
standfirst, body, a tag name or the author's name; title matches rank first, then standfirst,
tags, author, body. Snippets are cut from the body's text in Python.

Snippets never trust stored text: it is escaped first and only then wrapped in ``<mark>``.
"""

import re
from html import unescape

from django.db import connection
from django.db.models import Case, Exists, F, FloatField, Func, IntegerField, OuterRef, Q, TextField, Value, When
from django.db.models.functions import Concat
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from articles.models import Author, TaggedArticle

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
SNIPPET_CHARS = 220
CONFIG = "english"

# The index expression of migration 0006, column names unqualified. Keep the two identical.
DOCUMENT_SQL = (
    "to_tsvector('english', coalesce(title, '') || ' ' || coalesce(standfirst, '') || ' ' || coalesce(body, ''))"
)

_TERM = re.compile(r'"([^"]*)"|(\S+)')
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
# Stand-ins for <mark> and </mark> in ts_headline's output: private-use characters that
# clean_query removes and escape() leaves alone.
_START, _STOP = "\ue000", "\ue001"


def clean_query(raw):
    """The query as searched: printable characters only, single spaces, at most MAX_QUERY_LENGTH."""
    text = "".join(ch if ch.isprintable() else " " for ch in str(raw or ""))
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
    return _fallback_search(articles, terms(query))


def add_snippets(articles, query):
    """Give each article a ``search_snippet``: a safe excerpt with the matches in <mark>."""
    words = terms(query)
    for article in articles:
        headline = getattr(article, "search_headline", None)
        article.search_snippet = _headline_html(headline) if headline else _excerpt(_plain_text(article), words)
    return articles


# PostgreSQL


class Document(Func):
    """The indexed search document of an article; renders as DOCUMENT_SQL with qualified columns."""

    template = "to_tsvector('english', coalesce(%(expressions)s, ''))"
    arg_joiner = ", '') || ' ' || coalesce("

    def __init__(self):
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(F("title"), F("standfirst"), F("body"), output_field=SearchVectorField())


def _postgres_search(articles, query):
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector

    tsquery = SearchQuery(query, config=CONFIG, search_type="websearch")
    by_document = articles.model.objects.alias(document=Document()).filter(document=tsquery).values("pk")
    by_tag = TaggedArticle.objects.alias(words=SearchVector("tag__name", config=CONFIG)).filter(words=tsquery)
    by_author = Author.objects.alias(words=SearchVector("name", config=CONFIG)).filter(words=tsquery)
    weighted = (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("standfirst", weight="B", config=CONFIG)
        + SearchVector("body", weight="C", config=CONFIG)
    )
    tag_match = Exists(by_tag.filter(content_object=OuterRef("pk")))
    author_match = Exists(by_author.filter(pk=OuterRef("author_id")))
    bonus = Case(When(tag_match, then=Value(0.3)), default=Value(0.0), output_field=FloatField()) + Case(
        When(author_match, then=Value(0.2)), default=Value(0.0), output_field=FloatField()
    )
    return (
        articles.filter(Q(pk__in=by_document) | Q(pk__in=by_tag.values("content_object_id")) | Q(author__in=by_author.values("pk")))
        .annotate(
            search_rank=SearchRank(weighted, tsquery) + bonus,
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


# SQLite and other databases


def _fallback_search(articles, words):
    def tag_has(word):
        return Exists(TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag__name__icontains=word))

    fields = [
        (lambda w: Q(title__icontains=w), 16),
        (lambda w: Q(standfirst__icontains=w), 8),
        (lambda w: Q(tag_has(w)), 4),
        (lambda w: Q(author__name__icontains=w), 2),
        (lambda w: Q(body__icontains=w), 1),
    ]
    matches = Q()
    score = Value(0)
    for word in words:
        any_field = Q()
        for condition, weight in fields:
            any_field |= condition(word)
            score = score + Case(When(condition(word), then=Value(weight)), default=Value(0), output_field=IntegerField())
        matches &= any_field
    return articles.filter(matches).annotate(search_rank=score).order_by("-search_rank", "-published_at", "-id")


def _plain_text(article):
    body = unescape(strip_tags(article.body_html))
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
