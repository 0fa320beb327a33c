"""django-taggit's app, named as editors know it: its own module, so that articles/apps.py keeps one app config
(Django picks an app's config from its apps.py only when there is one)."""

from taggit.apps import TaggitAppConfig


class TagsConfig(TaggitAppConfig):
    """"Tags" heads django-taggit's models in the admin (below the desk and in the sidebar), not "Taggit"."""

    verbose_name = "Tags"
