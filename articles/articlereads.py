"""What an article page reads when nothing of it is kept, written as SQL: three statements where the ORM
ran eight queries, and no query built again on every request.

- ``visible_article``: the visible article with this slug, its author and featured image joined, one
  row per tag (its tags by name), and whether it has corrections (none read when it has none).
- ``link_positions``: its older and newer neighbours and, for each of its tags, that tag's newest
  earlier links (its earlier-coverage candidates: ``selectors.article_links`` chooses), one
  ``UNION ALL`` of short index ranges.
- ``rows_with_warnings``: the chosen articles' rows as links show them, with their warnings (and the
  article's own), one statement.

A crawler's first visit to an old article pays for every query the page runs, and on PostgreSQL each
one costs a round trip and the ORM's building of it besides its SQL (half a millisecond each, more than
running them). The visibility rule is ``ArticleQuerySet.published_sql`` (the same rule as
``published()``, tested against it) and, for tag links, their ``visible_from`` (kept in step by the
database, ``TaggedArticleQuerySet.visible``). Values are converted as the ORM converts them (SQLite's
times and booleans, every field's own ``from_db_value``), so the instances are the ORM's. Both SQLite
and PostgreSQL run the same text.
"""

from collections import defaultdict

from django.db import connections
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, ArticleQuerySet, Author, ContentWarning, Correction, Image, TaggedArticle

OLDER, NEWER = -1, -2  # the third column of ``link_positions``'s rows that are neighbours, not tag links


class Columns:
    """Some fields of ``model`` read by hand-written SQL under a table alias: their SQL, and the ORM's
    converters of their values (the backend's and each field's), worked out once per database."""

    def __init__(self, model, alias, names=None):
        self.model, self.alias = model, alias
        fields = model._meta.concrete_fields
        self.fields = [field for field in fields if names is None or field.attname in names or field.name in names]
        self.attnames = [field.attname for field in self.fields]
        self._converters = {}

    def sql(self, connection):
        quote = connection.ops.quote_name
        return ", ".join(f"{self.alias}.{quote(field.column)}" for field in self.fields)

    def converters(self, connection):
        """Per field, ``(converters, column)``: the backend's converters then the field's, as the ORM's compiler
        applies them."""
        found = self._converters.get(connection.alias)
        if found is None:
            found = []
            for field in self.fields:
                column = field.get_col(self.alias)
                found.append(([*connection.ops.get_db_converters(column), *column.get_db_converters(connection)], column))
            self._converters[connection.alias] = found
        return found

    def values(self, connection, row):
        """``row``'s values of these fields, converted as the ORM converts them."""
        values = list(row)
        for number, (functions, column) in enumerate(self.converters(connection)):
            for convert in functions:
                values[number] = convert(values[number], column, connection)
        return values

    def instance(self, connection, row):
        """A ``model`` instance of ``row`` (these fields' values), or None when its key is NULL (an outer join)."""
        values = self.values(connection, row)
        if values[self.attnames.index("id")] is None:
            return None
        return self.model.from_db(connection.alias, self.attnames, values)


_ARTICLE = Columns(Article, "a")
_AUTHOR = Columns(Author, "au")
_IMAGE = Columns(Image, "im")
_TAG = Columns(Tag, "t", ["id", "name", "slug"])
_LINK_ROW = Columns(Article, "a", ["id", "title", "slug", "published_at"])  # what a link shows
_WARNING = Columns(ContentWarning, "w")
_POSITION = Columns(TaggedArticle, "l", ["visible_from"])  # a time as the ORM reads one (SQLite: a string)

_ARTICLES = Article._meta.db_table
_LINKS = TaggedArticle._meta.db_table
_WARNED = Article.warnings.through._meta.db_table


def _database():
    return connections[Article.objects.db]


def _now(connection):
    return connection.ops.adapt_datetimefield_value(timezone.now())


def visible_article(slug):
    """``(article, has_corrections)`` for the visible article with this slug, or ``(None, False)``: its
    row with its author and featured image (``select_related``'s instances) and ``tag_list`` (by name)."""
    connection = _database()
    visible, params = ArticleQuerySet.published_sql("a", _now(connection))
    sql = (
        f"SELECT {_ARTICLE.sql(connection)}, {_AUTHOR.sql(connection)}, {_IMAGE.sql(connection)}, {_TAG.sql(connection)},"
        f" EXISTS (SELECT 1 FROM {Correction._meta.db_table} c WHERE c.article_id = a.id)"
        f" FROM {_ARTICLES} a"
        f" LEFT JOIN {Author._meta.db_table} au ON au.id = a.author_id"
        f" LEFT JOIN {Image._meta.db_table} im ON im.id = a.featured_image_id"
        f" LEFT JOIN {_LINKS} l ON l.content_object_id = a.id LEFT JOIN {Tag._meta.db_table} t ON t.id = l.tag_id"
        f" WHERE a.slug = %s AND {visible} ORDER BY t.name"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [slug, *params])
        rows = cursor.fetchall()
    if not rows:
        return None, False
    widths = [len(_ARTICLE.fields), len(_AUTHOR.fields), len(_IMAGE.fields), len(_TAG.fields)]
    ends = [sum(widths[: number + 1]) for number in range(len(widths))]
    first = rows[0]
    article = _ARTICLE.instance(connection, first[: ends[0]])
    Article.author.field.set_cached_value(article, _AUTHOR.instance(connection, first[ends[0]: ends[1]]))
    Article.featured_image.field.set_cached_value(article, _IMAGE.instance(connection, first[ends[1]: ends[2]]))
    tags = (_TAG.instance(connection, row[ends[2]: ends[3]]) for row in rows)
    article.__dict__["tag_list"] = [tag for tag in tags if tag is not None]  # Article.tag_list is a cached property
    return article, bool(first[ends[3]])


def link_positions(article, hidden_warning_ids, tag_ids, candidates):
    """``(older, newer, by_tag)`` around ``article``: the ids of the visible articles published just before
    and just after it (either None), less those carrying a warning of ``hidden_warning_ids``, and for
    each tag of ``tag_ids`` the ``candidates`` newest such articles published before it carrying that tag,
    as ``[(id, publication time)]``, newest first. One statement.

    Each part is one short range of an index from ``article``'s own time: the publication-time index for
    the neighbours (the older side names its bound before the visibility rule's, since SQLite reads a
    range from the first upper bound it is given, and from now it would step through every newer
    article), the tag's ``tagged_visible_idx`` for each tag (however rare or common the tag)."""
    connection = _database()
    now = _now(connection)
    when, pk = connection.ops.adapt_datetimefield_value(article.published_at), article.pk
    visible, visible_params = ArticleQuerySet.published_sql("a", now)
    unwarned, unwarned_params = "", []
    if hidden_warning_ids:
        marks = ", ".join(["%s"] * len(hidden_warning_ids))
        unwarned = f" AND NOT EXISTS (SELECT 1 FROM {_WARNED} w WHERE w.article_id = {{}} AND w.contentwarning_id IN ({marks}))"
        unwarned_params = list(hidden_warning_ids)
    # Each part's columns named, each part a derived table: the form both databases take (SQLite's derived
    # tables keep a column's alias otherwise).
    statements = [
        f"SELECT * FROM (SELECT a.id AS article, a.published_at AS at, {OLDER} AS tag FROM {_ARTICLES} a"
        f" WHERE a.published_at <= %s AND {visible} AND (a.published_at < %s OR a.id < %s){unwarned.format('a.id')}"
        " ORDER BY a.published_at DESC, a.id DESC LIMIT 1) AS older",
        f"SELECT * FROM (SELECT a.id AS article, a.published_at AS at, {NEWER} AS tag FROM {_ARTICLES} a"
        f" WHERE {visible} AND a.published_at >= %s AND (a.published_at > %s OR a.id > %s){unwarned.format('a.id')}"
        " ORDER BY a.published_at, a.id LIMIT 1) AS newer",
    ]
    params = [when, *visible_params, when, pk, *unwarned_params, *visible_params, when, when, pk, *unwarned_params]
    for number, tag_id in enumerate(sorted(set(tag_ids))):
        statements.append(
            "SELECT * FROM (SELECT l.content_object_id AS article, l.visible_from AS at, l.tag_id AS tag"
            f" FROM {_LINKS} l WHERE l.tag_id = %s AND l.visible_from <= %s AND l.visible_from <= %s"
            f" AND (l.visible_from < %s OR l.content_object_id < %s){unwarned.format('l.content_object_id')}"
            f" ORDER BY l.visible_from DESC, l.content_object_id DESC LIMIT %s) AS tag{number}"
        )
        params.extend([tag_id, when, now, when, pk, *unwarned_params, candidates])
    older = newer = None
    by_tag = defaultdict(list)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(statements), params)
        for other, at, tag in cursor.fetchall():
            if tag == OLDER:
                older = other
            elif tag == NEWER:
                newer = other
            else:
                by_tag[tag].append((other, _POSITION.values(connection, [at])[0]))
    return older, newer, by_tag


def rows_with_warnings(ids):
    """``{id: article}`` for the articles of ``ids`` (visible ones, chosen by ``link_positions``): the
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
