"""Tag links carry when their article became visible (``TaggedArticle.visible_from``), kept by triggers.

A tag's page, feed and its line in the tag index then read the tag's own links, newest first, from
one index (tag, visible_from, article): the cost is the same for a tag on one article from 2009 as
for one on thirty thousand (issue 18). ``visible_from`` is the article's ``published_at`` while it is
published, else NULL; the database keeps it in step on every path — Django's saves and ``update()``,
the importer's raw INSERTs, ``bulk_create`` — with triggers on both tables.
"""

from django.db import migrations, models

POSTGRES = [
    """
    CREATE FUNCTION articles_link_visible_from() RETURNS trigger AS $$
    BEGIN
        NEW.visible_from := (SELECT CASE WHEN status = 'published' THEN published_at END
                             FROM articles_article WHERE id = NEW.content_object_id);
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER articles_link_visible_from BEFORE INSERT OR UPDATE OF content_object_id ON articles_taggedarticle
    FOR EACH ROW EXECUTE FUNCTION articles_link_visible_from()
    """,
    """
    CREATE FUNCTION articles_article_visible_from() RETURNS trigger AS $$
    BEGIN
        UPDATE articles_taggedarticle SET visible_from = CASE WHEN NEW.status = 'published' THEN NEW.published_at END
        WHERE content_object_id = NEW.id;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER articles_article_visible_from AFTER UPDATE OF status, published_at ON articles_article
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.published_at IS DISTINCT FROM NEW.published_at)
    EXECUTE FUNCTION articles_article_visible_from()
    """,
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS articles_link_visible_from ON articles_taggedarticle",
    "DROP TRIGGER IF EXISTS articles_article_visible_from ON articles_article",
    "DROP FUNCTION IF EXISTS articles_link_visible_from()",
    "DROP FUNCTION IF EXISTS articles_article_visible_from()",
]

_FROM_ARTICLE = """UPDATE articles_taggedarticle SET visible_from = (
    SELECT CASE WHEN status = 'published' THEN published_at END FROM articles_article WHERE id = NEW.content_object_id
) WHERE id = NEW.id;"""
SQLITE = [
    f"CREATE TRIGGER articles_link_visible_from AFTER INSERT ON articles_taggedarticle BEGIN {_FROM_ARTICLE} END",
    "CREATE TRIGGER articles_link_moved_visible_from AFTER UPDATE OF content_object_id ON articles_taggedarticle "
    f"BEGIN {_FROM_ARTICLE} END",
    """CREATE TRIGGER articles_article_visible_from AFTER UPDATE OF status, published_at ON articles_article
    WHEN OLD.status IS NOT NEW.status OR OLD.published_at IS NOT NEW.published_at BEGIN
        UPDATE articles_taggedarticle SET visible_from = CASE WHEN NEW.status = 'published' THEN NEW.published_at END
        WHERE content_object_id = NEW.id;
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS articles_link_visible_from",
    "DROP TRIGGER IF EXISTS articles_link_moved_visible_from",
    "DROP TRIGGER IF EXISTS articles_article_visible_from",
]
FILL = """UPDATE articles_taggedarticle SET visible_from = (
    SELECT CASE WHEN a.status = 'published' THEN a.published_at END FROM articles_article a
    WHERE a.id = articles_taggedarticle.content_object_id
)"""


def _run(statements):
    def run(apps, schema_editor):
        chosen = statements.get(schema_editor.connection.vendor, [])
        with schema_editor.connection.cursor() as cursor:
            for statement in chosen:
                cursor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0018_corrections")]

    operations = [
        migrations.AddField(
            model_name="taggedarticle",
            name="visible_from",
            field=models.DateTimeField(
                blank=True, editable=False, null=True,
                help_text="The article's publication time while it is published, else empty (kept by the database).",
            ),
        ),
        migrations.RunPython(
            _run({"postgresql": [FILL, *POSTGRES], "sqlite": [FILL, *SQLITE]}),
            _run({"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
        migrations.AddIndex(
            model_name="taggedarticle",
            index=models.Index(fields=["tag", "visible_from", "content_object"], name="tagged_visible_idx"),
        ),
    ]
