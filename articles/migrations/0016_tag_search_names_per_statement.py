"""PostgreSQL: tag links refresh the names in an article's search document once per statement, not once
per row. Linking nine tags in one INSERT (the importer, taggit's ``add``) updated the article's row nine
times; statement-level triggers with transition tables update each article touched once. SQLite's
FTS5 triggers (articles/searchindex.py) are unchanged by this migration.
"""

from django.db import migrations

FORWARD = [
    "DROP TRIGGER IF EXISTS articles_tagged_search ON articles_taggedarticle",
    "DROP FUNCTION IF EXISTS articles_tagged_search_names()",
    """
    CREATE FUNCTION articles_tags_linked_search_names() RETURNS trigger AS $$
    BEGIN
        UPDATE articles_article SET search_names = articles_search_names(id, author_id)
        WHERE id IN (SELECT content_object_id FROM linked);
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER articles_tags_linked_search AFTER INSERT ON articles_taggedarticle
    REFERENCING NEW TABLE AS linked FOR EACH STATEMENT EXECUTE FUNCTION articles_tags_linked_search_names()
    """,
    """
    CREATE FUNCTION articles_tags_unlinked_search_names() RETURNS trigger AS $$
    BEGIN
        UPDATE articles_article SET search_names = articles_search_names(id, author_id)
        WHERE id IN (SELECT content_object_id FROM unlinked);
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER articles_tags_unlinked_search AFTER DELETE ON articles_taggedarticle
    REFERENCING OLD TABLE AS unlinked FOR EACH STATEMENT EXECUTE FUNCTION articles_tags_unlinked_search_names()
    """,
    """
    CREATE FUNCTION articles_tags_moved_search_names() RETURNS trigger AS $$
    BEGIN
        UPDATE articles_article SET search_names = articles_search_names(id, author_id)
        WHERE id IN (SELECT content_object_id FROM before_move UNION SELECT content_object_id FROM after_move);
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER articles_tags_moved_search AFTER UPDATE ON articles_taggedarticle
    REFERENCING OLD TABLE AS before_move NEW TABLE AS after_move
    FOR EACH STATEMENT EXECUTE FUNCTION articles_tags_moved_search_names()
    """,
]

BACKWARD = [
    "DROP TRIGGER IF EXISTS articles_tags_linked_search ON articles_taggedarticle",
    "DROP TRIGGER IF EXISTS articles_tags_unlinked_search ON articles_taggedarticle",
    "DROP TRIGGER IF EXISTS articles_tags_moved_search ON articles_taggedarticle",
    "DROP FUNCTION IF EXISTS articles_tags_linked_search_names()",
    "DROP FUNCTION IF EXISTS articles_tags_unlinked_search_names()",
    "DROP FUNCTION IF EXISTS articles_tags_moved_search_names()",
    # Migration 0008's row-level trigger, as it was.
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
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0015_article_images")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False)]
