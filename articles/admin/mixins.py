"""Small pieces shared by the admin modules."""

from django.contrib import admin
from django.utils.text import capfirst

from articles import workflow


class PlainTitle:
    """A list titled by what it lists ("Articles", "Pictures"), not Django's "Select article to change"
    (``changelist_title``; the model's plural name if unset); and a form by what it is for: "New article",
    "Edit article", or "Article (read only)" for one this person may only read, not Django's "Add article",
    "Change article" and "View article"."""

    changelist_title = None

    def changelist_view(self, request, extra_context=None):
        title = self.changelist_title or capfirst(self.model._meta.verbose_name_plural)
        return super().changelist_view(request, {"title": title, **(extra_context or {})})

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        name = self.model._meta.verbose_name
        if add:
            context["title"] = f"New {name}"
        elif self.has_change_permission(request, obj):
            context["title"] = f"Edit {name}"
        else:
            context["title"] = f"{capfirst(name)} (read only)"
        return super().render_change_form(request, context, add=add, change=change, form_url=form_url, obj=obj)


class EditorsReadOnly:
    """A page editors can read and nobody can add to, change or delete from."""

    def has_module_permission(self, request):
        return workflow.is_editor(request.user)

    def has_view_permission(self, request, obj=None):
        return workflow.is_editor(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.display(description="Import reasons")
def needs_attention(article):
    """List column: why the importer held the article, if it did."""
    return "; ".join(article.review_reasons) or "—"
