"""Small pieces shared by the admin modules."""

from django.contrib import admin

from articles import workflow


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
