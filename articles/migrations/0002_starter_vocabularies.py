"""Load the starter content-warning and topic vocabularies (articles/data/*.json).

Existing entries are left alone, so editors' changes survive; unmigrating removes nothing.
"""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"


def load(apps, schema_editor):
    ContentWarning = apps.get_model("articles", "ContentWarning")
    Topic = apps.get_model("articles", "Topic")
    for entry in json.loads((DATA / "content_warnings.json").read_text(encoding="utf-8")):
        ContentWarning.objects.get_or_create(slug=entry["slug"], defaults=entry)
    for entry in json.loads((DATA / "topics.json").read_text(encoding="utf-8")):
        Topic.objects.get_or_create(name=entry["name"], defaults=entry)


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
