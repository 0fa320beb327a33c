"""Small pieces shared by the admin modules."""

from django.contrib import admin
from django.utils.text import capfirst

from articles import workflow


class PlainTitle:
    """A list titled by what it lists ("Articles", "Pictures"), not Django's "Select article to change"
    (``changelist_title``; the model's plural name if unset)."""

    changelist_title = None

    def changelist_view(self, request, extra_context=None):
        title = self.changelist_title or capfirst(self.model._meta.verbose_name_plural)
        return super().changelist_view(request, {"title": title, **(extra_context or {})})


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
