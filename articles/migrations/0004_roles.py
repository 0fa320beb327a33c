"""Create the Writer and Editor groups with their permissions.

Object-level rules (a writer edits only their own drafts) are enforced in
articles/services.py; these model permissions are the coarse layer under them.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Writer": [
        "articles.add_article",
        "articles.change_article",
        "articles.view_article",
        "articles.view_author",
        "articles.view_contentwarning",
        "articles.view_revision",
        "taggit.view_tag",
    ],
    "Editor": [
        "articles.add_article",
        "articles.change_article",
        "articles.view_article",
        "articles.publish_article",
        "articles.review_article",
        "articles.view_revision",
        "articles.change_revision",
        "articles.view_decision",
        "articles.add_author",
        "articles.change_author",
        "articles.view_author",
        "articles.add_contentwarning",
        "articles.change_contentwarning",
        "articles.view_contentwarning",
        "articles.add_topic",
        "articles.change_topic",
        "articles.delete_topic",
        "articles.view_topic",
        "articles.add_previewlink",
        "articles.change_previewlink",
        "articles.view_previewlink",
        "taggit.add_tag",
        "taggit.change_tag",
        "taggit.view_tag",
    ],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for perm in perms:
            app_label, codename = perm.split(".")
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
