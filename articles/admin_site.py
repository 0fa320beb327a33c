"""The newsroom's admin site: Django's, with a desk at /admin/ and "view on site" limited to what the
person may see.

Outside the articles.admin package, which registers on this site while Django is still creating it."""

from django.conf import settings
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path


class NewsroomAdminSite(admin.AdminSite):
    site_header = site_title = f"{settings.MASTHEAD_SITE_NAME} newsroom"
    index_title = "Articles, reviews and vocabularies"
    index_template = "admin/desk.html"
    _desk = None

    def set_desk(self, desk_context):
        """Show a desk at /admin/: ``desk_context(request)`` gives the index template what needs the person
        now. articles.admin.desk calls this once the site exists (it cannot be imported from here)."""
        self._desk = desk_context

    def index(self, request, extra_context=None):
        """/admin/: the person's desk, then Django's list of the models they may use."""
        desk = self._desk(request) if self._desk is not None else {}
        return super().index(request, {**desk, **(extra_context or {})})

    def get_urls(self):
        urls = [url for url in super().get_urls() if getattr(url, "name", None) != "view_on_site"]
        guarded = path("r/<int:content_type_id>/<path:object_id>/", self.admin_view(self.view_on_site), name="view_on_site")
        return [guarded, *urls]

    def view_on_site(self, request, content_type_id, object_id):
        """Django's /admin/r/<type>/<id>/ redirect, only for an object this person may view in the admin
        (a writer asking for another writer's draft gets a 404, not its public URL ≈ its headline), and to
        where the model admin's ``view_on_site`` says (an article readers cannot see yet: its preview)."""
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except ContentType.DoesNotExist:
            raise Http404("No such content type.") from None
        model_admin = self._registry.get(model)
        obj = model_admin.get_object(request, object_id) if model_admin is not None else None
        if obj is None or not model_admin.has_view_permission(request, obj):
            raise Http404("Nothing to show here.")
        if callable(model_admin.view_on_site):  # the model admin's own choice, e.g. a draft's preview
            return redirect(model_admin.view_on_site(obj))
        return shortcut(request, content_type_id, object_id)
