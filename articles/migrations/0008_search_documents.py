"""Search documents the database keeps in step with every write: no save hook can forget them.

Each article's document is its title, standfirst, body, and the names of its author and tags.
Triggers rebuild it when any of those change — an article saved, a tag added, removed or moved
by a merge, a tag or an author renamed — whatever wrote it (admin, workflow, importer, SQL).

PostgreSQL: two tsvector columns on the article — ``search_document`` (title A, standfirst B,
body C) and ``search_names`` (author and tags, B), so a tag change never re-reads the body —
filled by triggers, with the GIN index ``article_search_idx`` on their concatenation (replacing
migration 0006's expression index, which ranking had to recompute row by row).

SQLite: an FTS5 table ``articles_search`` (rowid = article id; columns title, standfirst, body,
names; Porter stemming, accents folded) filled by triggers, which articles/searchindex.py makes
after each migration run (SQLite refuses to remake a table while a trigger refers to it).

articles/search.py queries both; it applies the visibility rule, so documents exist for every
article, visible or not.
"""

from django.db import migrations

# --- PostgreSQL -------------------------------------------------------------------------------------

PG_FORWARD = [
    "DROP INDEX IF EXISTS article_search_idx",
    "ALTER TABLE articles_article ADD COLUMN search_document tsvector NOT NULL DEFAULT ''::tsvector, "
    "ADD COLUMN search_names tsvector NOT NULL DEFAULT ''::tsvector",
    # The names of an article's author and tags, as a small vector of their own: a tag added or
    # renamed recomputes only this, never the body's.
    """
    CREATE FUNCTION articles_search_names(article bigint, author bigint) RETURNS tsvector AS $$
        SELECT setweight(to_tsvector('english',
            coalesce((SELECT name FROM articles_author WHERE id = author), '') || ' ' ||
            coalesce((SELECT string_agg(t.name, ' ') FROM articles_taggedarticle i
                      JOIN taggit_tag t ON t.id = i.tag_id WHERE i.content_object_id = article), '')), 'B')
    $$ LANGUAGE sql STABLE
    """,
    """
    CREATE FUNCTION articles_article_search_document() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'INSERT' OR NEW.title IS DISTINCT FROM OLD.title OR NEW.standfirst IS DISTINCT FROM OLD.standfirst
                OR NEW.body IS DISTINCT FROM OLD.body THEN
            NEW.search_document :=
                setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
                setweight(to_tsvector('english', coalesce(NEW.standfirst, '')), 'B') ||
                setweight(to_tsvector('english', coalesce(NEW.body, '')), 'C');
        END IF;
        IF TG_OP = 'INSERT' OR NEW.author_id IS DISTINCT FROM OLD.author_id THEN
            NEW.search_names := articles_search_names(NEW.id, NEW.author_id);
        END IF;
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER articles_article_search BEFORE INSERT OR UPDATE OF title, standfirst, body, author_id
    ON articles_article FOR EACH ROW EXECUTE FUNCTION articles_article_search_document()
    """,
    """
    CREATE FUNCTION articles_tagged_search_names() RETURNS trigger AS $$
    BEGIN
        UPDATE articles_article SET search_names = articles_search_names(id, author_id)
        WHERE id IN (
            SELECT OLD.content_object_id WHERE TG_OP IN ('UPDATE', 'DELETE')
            UNION SELECT NEW.content_object_id WHERE TG_OP IN ('UPDATE', 'INSERT')
        );
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER articles_tagged_search AFTER INSERT OR UPDATE OR DELETE ON articles_taggedarticle
    FOR EACH ROW EXECUTE FUNCTION articles_tagged_search_names()
    """,
    """
    CREATE FUNCTION articles_tag_search_names() RETURNS trigger AS $$
    BEGIN
        UPDATE articles_article SET search_names = articles_search_names(id, author_id)
        WHERE id IN (SELECT content_object_id FROM articles_taggedarticle WHERE tag_id = NEW.id);
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER articles_tag_search AFTER UPDATE OF name ON taggit_tag
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION articles_tag_search_names()
    """,
    """
    CREATE FUNCTION articles_author_search_names() RETURNS trigger AS $$
    BEGIN
        UPDATE articles_article SET search_names = articles_search_names(id, author_id) WHERE author_id = NEW.id;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER articles_author_search AFTER UPDATE OF name ON articles_author
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION articles_author_search_names()
    """,
    """
    UPDATE articles_article SET
        search_document = setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
                          setweight(to_tsvector('english', coalesce(standfirst, '')), 'B') ||
                          setweight(to_tsvector('english', coalesce(body, '')), 'C'),
        search_names = articles_search_names(id, author_id)
    """,
    "CREATE INDEX article_search_idx ON articles_article USING GIN ((search_document || search_names))",
]

PG_BACKWARD = [
    "DROP TRIGGER IF EXISTS articles_author_search ON articles_author",
    "DROP TRIGGER IF EXISTS articles_tag_search ON taggit_tag",
    "DROP TRIGGER IF EXISTS articles_tagged_search ON articles_taggedarticle",
    "DROP TRIGGER IF EXISTS articles_article_search ON articles_article",
    "DROP FUNCTION IF EXISTS articles_author_search_names()",
    "DROP FUNCTION IF EXISTS articles_tag_search_names()",
    "DROP FUNCTION IF EXISTS articles_tagged_search_names()",
    "DROP FUNCTION IF EXISTS articles_article_search_document()",
    "DROP FUNCTION IF EXISTS articles_search_names(bigint, bigint)",
    "DROP INDEX IF EXISTS article_search_idx",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_document, DROP COLUMN IF EXISTS search_names",
    # Migration 0006's index, as it was.
    "CREATE INDEX article_search_idx ON articles_article USING GIN (to_tsvector('english', coalesce(title, '') "
    "|| ' ' || coalesce(standfirst, '') || ' ' || coalesce(body, '')))",
]

# --- SQLite -------------------------------------------------------------------------------------------

# The FTS5 table only: its triggers and its rows are made after every migration run that touches
# the tables they read (articles/searchindex.py explains why).
SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE articles_search USING fts5("
    "title, standfirst, body, names, tokenize = 'porter unicode61 remove_diacritics 2')",
]

SQLITE_BACKWARD = [
    *(
        f"DROP TRIGGER IF EXISTS articles_search_{name}"
        for name in ["insert", "update", "delete", "tag_added", "tag_removed", "tag_moved", "tag_renamed", "author_renamed"]
    ),
    "DROP TABLE IF EXISTS articles_search",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_author_visibility_index")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
            elidable=False,
        )
    ]
