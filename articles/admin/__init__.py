"""The editors' admin, one module per area; the site itself is articles.admin_site (cms.apps sets it)."""

from articles.admin import articles, decisions, desk, images, queue, vocabularies  # noqa: F401  (registers the ModelAdmins, the desk)
