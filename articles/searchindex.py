"""SQLite's full-text index: the FTS5 table ``articles_search`` and the triggers that keep it in step.

Migration 0008 creates the table. The triggers live here, not in a migration, because SQLite checks
every trigger when a migration remakes a table (to add a constraint, say) and refuses while one
refers to the table being replaced. So before a migration run that touches the tables they read,
the triggers are dropped; after it they are created again and the index is rebuilt from the
articles (``pre_migrate`` / ``post_migrate``, connected in apps.py). On PostgreSQL the triggers
are ordinary ones, made by migration 0008, and survive schema changes.

Each article's row: its title, standfirst, body, and the names of its author and tags. Only articles
with a body have a row: nothing without one can be published, so readers never search for it, and an
article written in two steps (the importer's row first, linked to its tags, then its text) is indexed
once, when its text arrives, not once for every tag linked before. A write that leaves the indexed
columns as they were (a workflow move, say) leaves the row alone.
"""

from django.db import connection, connections

TABLE = "articles_search"
# The tables the triggers read: a migration of their apps drops and remakes the triggers.
APPS = frozenset({"articles", "taggit"})


def _insert(ids):
    """The statement that writes the rows of the articles whose ids ``ids`` gives (what may follow IN)."""
    return f"""
        INSERT INTO articles_search (rowid, title, standfirst, body, names)
        SELECT a.id, a.title, a.standfirst, a.body,
               coalesce((SELECT name FROM articles_author WHERE id = a.author_id), '') || ' ' ||
               coalesce((SELECT group_concat(t.name, ' ') FROM articles_taggedarticle i
                         JOIN taggit_tag t ON t.id = i.tag_id WHERE i.content_object_id = a.id), '')
        FROM articles_article a WHERE a.id IN ({ids}) AND a.body != '';"""


def _refresh(ids):
    return f"DELETE FROM articles_search WHERE rowid IN ({ids}); {_insert(ids)}"


def _indexed(article_id):
    """A trigger's condition: the article has a row in the index (it has a body)."""
    return f"EXISTS (SELECT 1 FROM articles_search WHERE rowid = {article_id})"


_INDEXED_CHANGED = " OR ".join(f"OLD.{column} IS NOT NEW.{column}" for column in ("id", "title", "standfirst", "body", "author_id"))

TRIGGERS = {
    "articles_search_insert": f"AFTER INSERT ON articles_article WHEN NEW.body != '' BEGIN {_insert('NEW.id')} END",
    "articles_search_update": "AFTER UPDATE OF id, title, standfirst, body, author_id ON articles_article "
    f"WHEN {_INDEXED_CHANGED} BEGIN DELETE FROM articles_search WHERE rowid = OLD.id; {_refresh('NEW.id')} END",
    "articles_search_delete": "AFTER DELETE ON articles_article BEGIN DELETE FROM articles_search WHERE rowid = OLD.id; END",
    "articles_search_tag_added": f"AFTER INSERT ON articles_taggedarticle WHEN {_indexed('NEW.content_object_id')} "
    f"BEGIN {_refresh('NEW.content_object_id')} END",
    "articles_search_tag_removed": f"AFTER DELETE ON articles_taggedarticle WHEN {_indexed('OLD.content_object_id')} "
    f"BEGIN {_refresh('OLD.content_object_id')} END",
    "articles_search_tag_moved": "AFTER UPDATE OF tag_id, content_object_id ON articles_taggedarticle "
    f"BEGIN {_refresh('OLD.content_object_id, NEW.content_object_id')} END",
    "articles_search_tag_renamed": "AFTER UPDATE OF name ON taggit_tag WHEN OLD.name IS NOT NEW.name "
    f"BEGIN {_refresh('SELECT content_object_id FROM articles_taggedarticle WHERE tag_id = NEW.id')} END",
    "articles_search_author_renamed": "AFTER UPDATE OF name ON articles_author WHEN OLD.name IS NOT NEW.name "
    f"BEGIN {_refresh('SELECT id FROM articles_article WHERE author_id = NEW.id')} END",
}


def _definition(name):
    """The statement that creates trigger ``name``, as SQLite keeps it in sqlite_master."""
    return f"CREATE TRIGGER {name} {TRIGGERS[name]}"


def _is_sqlite_with_index(using_connection):
    if using_connection.vendor != "sqlite":
        return False
    return TABLE in using_connection.introspection.table_names(include_views=False)


def _touches_index(plan):
    return any(migration.app_label in APPS for migration, _backwards in plan or [])


def drop_triggers(using_connection=connection):
    with using_connection.cursor() as cursor:
        for name in TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def create_triggers_and_rebuild(using_connection=connection):
    """Create the triggers as this module defines them and rebuild every row of the index from the articles."""
    drop_triggers(using_connection)
    with using_connection.cursor() as cursor:
        for name in TRIGGERS:
            cursor.execute(_definition(name))
        cursor.execute(f"DELETE FROM {TABLE}")
        cursor.execute(_insert("SELECT id FROM articles_article"))
    optimize(using_connection)


def optimize(using_connection=connection):
    """Merge the index into one segment (FTS5 'optimize'): worth it after many writes at once, such as
    a rebuild or a bulk import, which leave it in many small segments that every search reads."""
    if _is_sqlite_with_index(using_connection):
        with using_connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")


def before_migrate(sender, using, plan=None, **kwargs):
    if _touches_index(plan) and _is_sqlite_with_index(connections[using]):
        drop_triggers(connections[using])


def after_migrate(sender, using, plan=None, **kwargs):
    if _is_sqlite_with_index(connections[using]):
        with connections[using].cursor() as cursor:
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'articles_search_%'")
            current = dict(cursor.fetchall())
        # Missing, or made by an earlier version of this module: made again, and the index rebuilt.
        if current != {name: _definition(name) for name in TRIGGERS} or _touches_index(plan):
            create_triggers_and_rebuild(connections[using])
