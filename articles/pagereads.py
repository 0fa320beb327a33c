"""What reader pages read when nothing of them is kept, written as SQL: few statements, none built again
on every request.

The article page runs three where the ORM ran eight:

- ``visible_article``: the visible article with this slug, its author and featured image joined, its
  tags by name and its featured image's renditions (JSON columns), and whether it has corrections (none
  read when it has none).
- ``links``: its older and newer neighbours and its earlier coverage, chosen by the database from
  short index ranges (one per tag), one statement.
- ``rows_with_warnings``: the chosen articles' rows as links show them, with their warnings (and the
  article's own), one statement.

The cards of the home, tag and author pages are read in one (``card_rows``: their rows with author and
featured image, tags, warnings and renditions) where the ORM ran four.

A crawler's first visit to an old article pays for every query the page runs, and on PostgreSQL each
one costs a round trip and the ORM's building of it besides its SQL (half a millisecond each, more than
running them). The visibility rule is ``ArticleQuerySet.published_sql`` (the same rule as
``published()``, tested against it) and, for tag links, their ``visible_from`` (kept in step by the
database, ``TaggedArticleQuerySet.visible``). Values are converted as the ORM converts them (SQLite's
times and booleans, every field's own ``from_db_value``), so the instances are the ORM's. Both SQLite
and PostgreSQL run the same text but for the JSON aggregates (``_json_list``).
"""

import functools
import json
from collections import defaultdict

from django.db import connections
from django.utils import timezone
from taggit.models import Tag

from articles import listing
from articles.models import Article, ArticleQuerySet, Author, ContentWarning, Correction, Image, Rendition, TaggedArticle

OLDER, NEWER = -1, -2  # the kind of ``links``'s rows that are neighbours (0: earlier coverage)


class Columns:
    """Some fields of ``model`` read by hand-written SQL under a table alias: their SQL, and the ORM's
    converters of their values (the backend's and each field's), worked out once per database."""

    def __init__(self, model, alias, names=None):
        self.model, self.alias = model, alias
        fields = model._meta.concrete_fields
        self.fields = [field for field in fields if names is None or field.attname in names or field.name in names]
        self.attnames = [field.attname for field in self.fields]
        self._key = self.attnames.index("id") if "id" in self.attnames else None  # (instances need it)
        self._converters, self._sql = {}, {}

    def sql(self, connection):
        found = self._sql.get(connection.alias)
        if found is None:
            quote = connection.ops.quote_name
            found = self._sql[connection.alias] = ", ".join(f"{self.alias}.{quote(field.column)}" for field in self.fields)
        return found

    def converters(self, connection):
        """``(position, converters, column)`` of each field that has converters: the backend's then the
        field's, as the ORM's compiler applies them."""
        found = self._converters.get(connection.alias)
        if found is None:
            found = []
            for number, field in enumerate(self.fields):
                column = field.get_col(self.alias)
                functions = [*connection.ops.get_db_converters(column), *column.get_db_converters(connection)]
                if functions:
                    found.append((number, functions, column))
            self._converters[connection.alias] = found
        return found

    def values(self, connection, row):
        """``row``'s values of these fields, converted as the ORM converts them."""
        values = list(row)
        for number, functions, column in self.converters(connection):
            for convert in functions:
                values[number] = convert(values[number], column, connection)
        return values

    def instance(self, connection, row):
        """A ``model`` instance of ``row`` (these fields' values), or None when its key is NULL (an outer join)."""
        if row[self._key] is None:
            return None
        return self.model.from_db(connection.alias, self.attnames, self.values(connection, row))


class Joined:
    """Visible articles read with their author and featured image (outer joins): the ``Columns`` of
    each (under the aliases ``a``, ``au`` and ``im``), the statement that reads them and the instances
    of its rows. Shared by the article page (``visible_article``) and the cards (``card_rows``)."""

    def __init__(self, article, author, image):
        self.groups = (article, author, image)
        ends = [len(article.fields), len(article.fields) + len(author.fields)]
        self.bounds = ((0, ends[0]), (ends[0], ends[1]), (ends[1], ends[1] + len(image.fields)))
        self.set_author = Article.author.field.set_cached_value
        self.set_image = Article.featured_image.field.set_cached_value

    def sql(self, connection, more, where):
        """The statement: these columns, then the expressions of ``more``, of the visible articles of
        ``where``. Its parameters: ``where``'s, then the visibility rule's."""
        visible = ArticleQuerySet.published_sql("a", None)[0]
        return (
            f"SELECT {', '.join(group.sql(connection) for group in self.groups)}, {', '.join(more)}"
            f" FROM {_ARTICLES} a"
            f" LEFT JOIN {Author._meta.db_table} au ON au.id = a.author_id"
            f" LEFT JOIN {Image._meta.db_table} im ON im.id = a.featured_image_id"
            f" WHERE {where} AND {visible}"
        )

    def article(self, connection, row):
        """``(article, rest)`` of one of the statement's rows: the article with its author and featured
        image set where ``select_related`` sets them (None for none), and the values of ``more``."""
        (articles, authors, images), ((a, b), (c, d), (e, f)) = self.groups, self.bounds
        article = articles.instance(connection, row[a:b])
        self.set_author(article, authors.instance(connection, row[c:d]))
        self.set_image(article, images.instance(connection, row[e:f]))
        return article, row[f:]


_ARTICLES = Article._meta.db_table
_PAGE = Joined(Columns(Article, "a"), Columns(Author, "au"), Columns(Image, "im"))
_TAG_FIELDS = ["id", "name", "slug"]  # what pages show of a tag
_WARNING_FIELDS = [field.attname for field in ContentWarning._meta.concrete_fields]  # text and numbers: no conversion
_WARNING_COLUMNS = [field.column for field in ContentWarning._meta.concrete_fields]
_RENDITION_FIELDS = [field.attname for field in Rendition._meta.concrete_fields]  # the same
_RENDITION_COLUMNS = [field.column for field in Rendition._meta.concrete_fields]
_LINK_ROW = Columns(Article, "a", ["id", "title", "slug", "published_at"])  # what a link shows
_WARNING = Columns(ContentWarning, "w")
_POSITION = Columns(TaggedArticle, "l", ["visible_from"])  # a time as the ORM reads one (SQLite: a string)

_LINKS = TaggedArticle._meta.db_table
_WARNED = Article.warnings.through._meta.db_table


def _database():
    return connections[Article.objects.db]


def _now(connection):
    return connection.ops.adapt_datetimefield_value(timezone.now())


def visible_article(slug):
    """``(article, has_corrections)`` for the visible article with this slug, or ``(None, False)``: its
    row with its author and featured image (``select_related``'s instances), ``tag_list`` (by name) and its
    featured image's renditions."""
    connection = _database()
    sql, params = _visible_article_sql(connection.alias), [slug, *ArticleQuerySet.published_sql("a", _now(connection))[1]]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None, False
    article, (tags, renditions, has_corrections) = _PAGE.article(connection, row)
    _set_tags(article, tags, connection.alias)
    _set_renditions(article.featured_image, renditions, connection.alias)
    return article, bool(has_corrections)


@functools.cache
def _visible_article_sql(alias):
    """``visible_article``'s statement for database ``alias`` (its parameters: the slug, then the rule's)."""
    connection = connections[alias]
    return _PAGE.sql(
        connection,
        [_tags_json(connection), _renditions_json(connection),
         f"EXISTS (SELECT 1 FROM {Correction._meta.db_table} c WHERE c.article_id = a.id)"],
        "a.slug = %s")


def _json_list(connection, columns, source, order):
    """A correlated subquery: a JSON array of ``[column, ...]`` arrays, one per row of ``source`` (``FROM ...
    WHERE ...``) in ``order``; PostgreSQL's ``json_agg`` or SQLite's ``json_group_array`` (which keeps the
    order of the rows it is given). One column rather than a row per related row: joined, the outer
    row (an article's body and kept HTML) went out, and on PostgreSQL was decompressed, once for each."""
    if connection.vendor == "postgresql":
        return f"(SELECT json_agg(json_build_array({', '.join(columns)}) ORDER BY {order}) {source})"
    named = ", ".join(f"{column} AS c{number}" for number, column in enumerate(columns))
    listed = ", ".join(f"c{number}" for number in range(len(columns)))
    return f"(SELECT json_group_array(json_array({listed})) FROM (SELECT {named} {source} ORDER BY {order}))"


def _from_json(value):
    """The rows of a ``_json_list`` column: psycopg may have read the JSON already, SQLite gives its text."""
    if isinstance(value, str):
        value = json.loads(value)
    return value or ()


def _tags_json(connection, article="a.id"):
    """The tags of ``article`` as ``[id, name, slug]``, by name."""
    return _json_list(connection, ["t.id", "t.name", "t.slug"],
                      f"FROM {_LINKS} l JOIN {Tag._meta.db_table} t ON t.id = l.tag_id WHERE l.content_object_id = {article}",
                      "t.name")


def _warnings_json(connection, article="a.id"):
    """The warnings of ``article`` as rows of ``_WARNING_FIELDS``, by label."""
    return _json_list(connection, [f"w.{name}" for name in _WARNING_COLUMNS],
                      f"FROM {_WARNED} aw JOIN {ContentWarning._meta.db_table} w ON w.id = aw.contentwarning_id"
                      f" WHERE aw.article_id = {article}", "w.label")


def _renditions_json(connection, image="a.featured_image_id"):
    """The renditions of library image ``image`` as rows of ``_RENDITION_FIELDS``, by width and format."""
    return _json_list(connection, [f"r.{name}" for name in _RENDITION_COLUMNS],
                      f"FROM {Rendition._meta.db_table} r WHERE r.image_id = {image}", "r.width, r.format")


def _set_tags(article, rows, db):
    listing.set_loaded(article, "tag_list", [Tag.from_db(db, _TAG_FIELDS, tag) for tag in _from_json(rows)])


def _set_renditions(image, rows, db):
    if image is not None:
        listing.set_loaded(image, "rendition_list", [Rendition.from_db(db, _RENDITION_FIELDS, row) for row in _from_json(rows)])


def links(article, hidden_warning_ids, tag_ids, count, candidates):
    """``(older, newer, related)`` ids around ``article``, leaving out the articles carrying a warning of
    ``hidden_warning_ids``: the visible articles published just before and just after it (either None),
    and its earlier coverage (``selectors.article_links`` states the rule), at most ``count``, in order.
    One statement.

    Each range is short and read from an index at ``article``'s own time: the publication-time index
    for the neighbours (the older side names its bound before the visibility rule's, since SQLite reads
    a range from the first upper bound it is given, and from now it would step through every newer
    article); for each tag of ``tag_ids``, the tag's ``tagged_visible_idx`` (however rare or common the
    tag), its ``candidates`` newest earlier links less the older neighbour. Of those, the
    ``candidates`` newest articles are counted and ranked by the database: a few rows come back, not
    one per link."""
    connection = _database()
    now = _now(connection)
    when, pk = connection.ops.adapt_datetimefield_value(article.published_at), article.pk
    visible, visible_params = ArticleQuerySet.published_sql("a", now)
    unwarned, unwarned_params = "", []
    if hidden_warning_ids:
        marks = ", ".join(["%s"] * len(hidden_warning_ids))
        unwarned = f" AND NOT EXISTS (SELECT 1 FROM {_WARNED} w WHERE w.article_id = {{}} AND w.contentwarning_id IN ({marks}))"
        unwarned_params = list(hidden_warning_ids)
    tables = [
        f"older AS (SELECT a.id AS article, a.published_at AS at FROM {_ARTICLES} a"
        f" WHERE a.published_at <= %s AND {visible} AND (a.published_at < %s OR a.id < %s){unwarned.format('a.id')}"
        " ORDER BY a.published_at DESC, a.id DESC LIMIT 1)",
        f"newer AS (SELECT a.id AS article, a.published_at AS at FROM {_ARTICLES} a"
        f" WHERE {visible} AND a.published_at >= %s AND (a.published_at > %s OR a.id > %s){unwarned.format('a.id')}"
        " ORDER BY a.published_at, a.id LIMIT 1)",
    ]
    params = [when, *visible_params, when, pk, *unwarned_params, *visible_params, when, when, pk, *unwarned_params]
    rows = [f"SELECT article, {OLDER} AS kind, 0 AS shared, at FROM older",
            f"SELECT article, {NEWER} AS kind, 0 AS shared, at FROM newer"]
    tag_ids = sorted(set(tag_ids))
    if tag_ids:
        # Each part a derived table with its columns named: the form both databases take.
        parts = " UNION ALL ".join(
            "SELECT * FROM (SELECT l.content_object_id AS article, l.visible_from AS at"
            f" FROM {_LINKS} l WHERE l.tag_id = %s AND l.visible_from <= %s AND l.visible_from <= %s"
            f" AND (l.visible_from < %s OR l.content_object_id < %s){unwarned.format('l.content_object_id')}"
            f" AND l.content_object_id NOT IN (SELECT article FROM older)"
            f" ORDER BY l.visible_from DESC, l.content_object_id DESC LIMIT %s) AS tag{number}"
            for number in range(len(tag_ids))
        )
        for tag_id in tag_ids:
            params.extend([tag_id, when, now, when, pk, *unwarned_params, candidates])
        tables.append(f"tagged AS ({parts})")
        tables.append("newest AS (SELECT article, MAX(at) AS at, COUNT(*) AS shared FROM tagged GROUP BY article"
                      " ORDER BY MAX(at) DESC, article DESC LIMIT %s)")
        params.append(candidates)
        rows.append("SELECT * FROM (SELECT article, 0 AS kind, shared, at FROM newest"
                    " ORDER BY shared DESC, at DESC, article DESC LIMIT %s) AS chosen")
        params.append(count)
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {', '.join(tables)} {' UNION ALL '.join(rows)}", params)
        found = cursor.fetchall()
    older = next((other for other, kind, _, _ in found if kind == OLDER), None)
    newer = next((other for other, kind, _, _ in found if kind == NEWER), None)
    # Ranked again here: the order of a UNION ALL's rows is not promised.
    chosen = [(other, shared, _POSITION.values(connection, [at])[0]) for other, kind, shared, at in found if kind == 0]
    related = [other for other, _, _ in sorted(chosen, key=lambda row: (-row[1], -row[2].timestamp(), -row[0]))]
    return older, newer, related


def rows_with_warnings(ids):
    """``{id: article}`` for the articles of ``ids`` (visible ones, chosen by ``links``): the
    fields a link shows (title, slug, publication time), each with its warnings by label set where
    ``article.warnings.all()`` looks. One statement."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    connection = _database()
    sql = (
        f"SELECT {_LINK_ROW.sql(connection)}, {_WARNING.sql(connection)} FROM {_ARTICLES} a"
        f" LEFT JOIN {_WARNED} aw ON aw.article_id = a.id"
        f" LEFT JOIN {ContentWarning._meta.db_table} w ON w.id = aw.contentwarning_id"
        f" WHERE a.id IN ({', '.join(['%s'] * len(ids))}) ORDER BY w.label"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        rows = cursor.fetchall()
    width = len(_LINK_ROW.fields)
    found, warnings = {}, defaultdict(list)
    for row in rows:
        pk = row[0]
        if pk not in found:
            found[pk] = _LINK_ROW.instance(connection, row[:width])
        warning = _WARNING.instance(connection, row[width:])
        if warning is not None:
            warnings[pk].append(warning)
    return {pk: (article, warnings[pk]) for pk, article in found.items()}


_CARDS = Joined(  # what cards show
    Columns(Article, "a", ["id", "title", "slug", "published_at", "standfirst", "author_id", "featured_image_id"]),
    Columns(Author, "au", ["id", "name", "slug"]),
    Columns(Image, "im", ["id", "file", "alt_text", "decorative", "graphic", "width", "height"]),
)


def card_rows(ids):
    """The visible articles of ``ids`` as cards show them (articles/cards.py), in no particular order: what
    they show of the row with its author and featured image, ``tag_list`` (by name), ``warning_list`` (by
    label) and the image's ``rendition_list``. One statement."""
    ids = list(ids)
    if not ids:
        return []
    connection = _database()
    before, after = _card_rows_sql(connection.alias)
    sql = before + ", ".join(["%s"] * len(ids)) + after
    with connection.cursor() as cursor:
        cursor.execute(sql, [*ids, *ArticleQuerySet.published_sql("a", _now(connection))[1]])
        rows = cursor.fetchall()
    db, found = connection.alias, []
    for row in rows:
        article, (tags, warnings, renditions) = _CARDS.article(connection, row)
        _set_tags(article, tags, db)
        listing.set_loaded(article, "warning_list", [ContentWarning.from_db(db, _WARNING_FIELDS, each) for each in _from_json(warnings)])
        _set_renditions(article.featured_image, renditions, db)
        found.append(article)
    return found


@functools.cache
def _card_rows_sql(alias):
    """``card_rows``'s statement for database ``alias``: its text before and after the ids' marks."""
    connection = connections[alias]
    sql = _CARDS.sql(
        connection,
        [_tags_json(connection), _warnings_json(connection), _renditions_json(connection)],
        f"a.id IN ({_IDS})")
    before, _, after = sql.partition(_IDS)
    return before, after


_IDS = "\0"  # where ``_card_rows_sql`` puts the ids' marks
