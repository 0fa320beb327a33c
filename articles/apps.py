from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "Newsroom"

    def ready(self):
        from django.db.models.signals import post_migrate, pre_migrate

        from articles import searchindex, signals

        signals.connect()
        pre_migrate.connect(searchindex.before_migrate, sender=self, dispatch_uid="searchindex-before")
        post_migrate.connect(searchindex.after_migrate, sender=self, dispatch_uid="searchindex-after")

