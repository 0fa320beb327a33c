from django.db import migrations, models

# Added in place (ALTER TABLE … ADD COLUMN) on both databases: Django would rebuild the table on SQLite,
# dropping the triggers earlier migrations put on it (search, tag links).
ADD = """ALTER TABLE "articles_article" ADD COLUMN "{name}" {type} DEFAULT '' NOT NULL"""
DROP = """ALTER TABLE "articles_article" DROP COLUMN "{name}\""""


class Migration(migrations.Migration):
    """The body's sanitised HTML and its seal, kept beside it (articles/bodies.py); empty until the row's
    body is next saved or ``manage.py keep_rendered_bodies`` runs (pages render the body meanwhile)."""

    dependencies = [
        ("articles", "0020_body_help_text"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(ADD.format(name="body_html", type="text"), DROP.format(name="body_html")),
                migrations.RunSQL(ADD.format(name="body_html_seal", type="varchar(64)"), DROP.format(name="body_html_seal")),
            ],
            state_operations=[
                migrations.AddField(
                    model_name="article",
                    name="body_html",
                    field=models.TextField(blank=True, editable=False),
                ),
                migrations.AddField(
                    model_name="article",
                    name="body_html_seal",
                    field=models.CharField(blank=True, editable=False, max_length=64),
                ),
            ],
        ),
    ]
