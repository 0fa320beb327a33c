"""The article admin's previews: the whole article as readers will see it, the body as it is typed,
and signed share links for outside reviewers."""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.views.decorators.cache import never_cache

from articles import pictures, workflow
from articles.admin.forms import ShareLinkForm
from articles.admin.images import usable_images
from articles.models import Revision
from articles.preview import make_share_link, preview_response
from articles.rendering import body_images, render_markdown, word_count

BODY_PREVIEW_MAX_CHARS = 500_000


class PreviewViews:
    """Mixed into ArticleAdmin (with ArticlePages)."""

    def preview_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/preview/", view(never_cache(self.preview_view)), name="articles_article_preview"),
            path("<path:object_id>/share/", view(self.share_view), name="articles_article_share"),
            path("body-preview/", view(self.body_preview_view), name="articles_article_body_preview"),
        ]

    def preview_view(self, request, object_id):
        article = self._article_for(request, object_id)
        revision = None
        if request.GET.get("revision"):
            revision = get_object_or_404(Revision, pk=request.GET["revision"], article=article)
        return preview_response(request, article, revision)

    def body_preview_view(self, request):
        """POST ``body``: the body as readers will see it (rendered and sanitised) and its word count, as JSON."""
        if request.method != "POST":
            return JsonResponse({"error": "Send the body with POST."}, status=405)
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        source = request.POST.get("body", "")
        if len(source) > BODY_PREVIEW_MAX_CHARS:
            return JsonResponse({"error": f"The body is too long to preview (over {BODY_PREVIEW_MAX_CHARS:,} characters)."}, status=413)
        # Only pictures this person may use: a writer's preview never shows another's upload.
        numbers = body_images(source).placed
        placed = usable_images(request.user).filter(pk__in=numbers).prefetch_related("renditions") if numbers else []
        return JsonResponse({"html": render_markdown(source, pictures.figures_for(placed)), "words": word_count(source)})

    def share_view(self, request, object_id):
        article = self._article_for(request, object_id)
        if not workflow.is_editor(request.user):
            raise PermissionDenied("Only editors can share previews.")
        form = ShareLinkForm(request.POST if request.method == "POST" else None)
        link_url = None
        if request.method == "POST" and form.is_valid():
            link, token = make_share_link(article, request.user, days=form.cleaned_data["days"])
            link_url = request.build_absolute_uri(reverse("articles:preview-share", args=[token]))
        links = article.preview_links.all()
        return self._render(
            request, "admin/articles/article/share.html", article,
            title=f"Share a preview of “{article.title}”", form=form, link_url=link_url, links=links,
        )
