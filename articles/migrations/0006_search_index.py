"""A GIN index for full-text search, on PostgreSQL only (other databases search without it).

An expression index rather than a search-vector column: no model field, no trigger, no save
hook, and PostgreSQL keeps it right on every write. articles/search.py queries with exactly this
expression (its DOCUMENT_SQL; a test checks they agree), which is what lets the planner use it.
"""

from django.db import migrations

INDEX_NAME = "article_search_idx"
DOCUMENT_SQL = (
    "to_tsvector('english', coalesce(title, '') || ' ' || coalesce(standfirst, '') || ' ' || coalesce(body, ''))"
)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("articles", "Article")._meta.db_table)
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {table} USING GIN ({DOCUMENT_SQL})")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_review_queue")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
