"""Writers upload and use pictures; editors also change anyone's and delete unused ones."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Writer": ["articles.add_image", "articles.change_image", "articles.view_image"],
    "Editor": ["articles.add_image", "articles.change_image", "articles.view_image", "articles.delete_image"],
}


def grant(apps, schema_editor):
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


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, perms in ROLES.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(*group.permissions.filter(codename__in=[p.split(".")[1] for p in perms]))


class Migration(migrations.Migration):
    dependencies = [("articles", "0013_image_library"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(grant, revoke)]
