"""The editors' admin, one module per area."""

from articles.admin import articles, vocabularies  # noqa: F401  (registers the ModelAdmins)
