"""The editors' admin, one module per area."""

from django.conf import settings
from django.contrib import admin

from articles.admin import articles, vocabularies  # noqa: F401  (registers the ModelAdmins)

admin.site.site_header = f"{settings.MASTHEAD_SITE_NAME} newsroom"
admin.site.site_title = f"{settings.MASTHEAD_SITE_NAME} newsroom"
admin.site.index_title = "Articles, reviews and vocabularies"
