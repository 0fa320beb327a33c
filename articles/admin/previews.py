"""The article admin's previews: the whole article as readers will see it, the body as it is typed,
and signed share links for outside reviewers."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.views.decorators.cache import never_cache

from articles import pictures, workflow
from articles.admin.chooser import describe_url
from articles.admin.forms import ShareLinkForm
from articles.admin.images import usable_images
from articles.models import ContentWarning, Revision
from articles.preview import make_share_link, preview_response
from articles.rendering import body_images, render_markdown, word_count

BODY_PREVIEW_MAX_CHARS = 500_000


def _ids(values):
    return [int(value) for value in values if str(value).isdigit()][:50]


def editable_figures(images, edit_url):
    """The figure of each of ``images`` by its number, as ``pictures.figures_for`` makes them, each with an
    "Edit caption and alt text" button under it that opens the picture's description at ``edit_url`` (the
    chooser's ImageDescribeView) in the image chooser; the bare figures when ``edit_url`` is empty."""
    figures = pictures.figures_for(images)
    if not edit_url:
        return figures
    return {
        image.pk: render_to_string("admin/articles/article/preview_figure.html",
                                   {"figure": figures[image.pk], "image": image, "describe_url": edit_url})
        for image in images
    }


@dataclass
class LivePreview:
    """What the article form holds, shaped like an article for the reader templates (never saved)."""

    title: str
    standfirst: str
    rendered_body: str  # sanitised HTML (rendering.render_markdown), with only the viewer's pictures
    newsroom_note: str
    warning_note: str
    warnings: list
    proposed: bool  # the warnings are a writer's proposal, not yet an editor's decision
    featured_image: object

    @classmethod
    def from_post(cls, post, images, is_editor, edit_url=""):
        """Read the posted form. Only pictures in ``images`` (those this person may use) are shown, so a
        writer's preview never shows another's upload; for a writer the warnings are those she proposes.
        With ``edit_url``, each picture in the body has its "Edit caption and alt text" button
        (``editable_figures``)."""
        source = post.get("body", "")
        numbers = body_images(source).placed
        placed = images.filter(pk__in=numbers).prefetch_related("renditions") if numbers else []
        chosen = _ids(post.getlist("warnings")) if is_editor else []
        proposed = not chosen
        if proposed:
            chosen = _ids(post.getlist("suggested_warnings"))
        featured = _ids([post.get("featured_image", "")])
        return cls(
            title=post.get("title", ""),
            standfirst=post.get("standfirst", ""),
            rendered_body=render_markdown(source, editable_figures(placed, edit_url)),
            newsroom_note=post.get("newsroom_note", ""),
            warning_note=post.get("warning_note", ""),
            warnings=list(ContentWarning.objects.filter(pk__in=chosen)) if chosen else [],
            proposed=proposed,
            featured_image=images.filter(pk__in=featured).prefetch_related("renditions").first() if featured else None,
        )


    @classmethod
    def from_article(cls, article):
        """A saved article as readers see it: its body through the one sanitised rendering path
        (pictures.body_html), its decided warnings, or until an editor decides, those proposed for it.
        No title: the page showing it has its own."""
        decided = article.warnings_decided
        return cls(
            title="",
            standfirst=article.standfirst,
            rendered_body=pictures.body_html(article),
            newsroom_note=article.newsroom_note,
            warning_note=article.warning_note,
            warnings=list(article.warnings.all() if decided else article.suggested_warnings.all()),
            proposed=not decided,
            featured_image=article.featured_image,
        )


def as_readers_see_it(article) -> str:
    """The reader page's text of a saved ``article`` (warnings first, the text open under them), as HTML for
    the admin's read-only page."""
    shown = LivePreview.from_article(article)
    return render_to_string(
        "admin/articles/article/live_preview.html", {"article": shown, "warnings": shown.warnings, "revealed": True}
    )


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
        """POST the article form (or just ``body``): the article as readers will see it — the content
        warning and notes first, then the featured image, standfirst and body, rendered and
        sanitised as on the public page, each picture in the body with its "Edit caption and alt text"
        button — and the body's word count, as JSON."""
        if request.method != "POST":
            return JsonResponse({"error": "Send the body with POST."}, status=405)
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        source = request.POST.get("body", "")
        if len(source) > BODY_PREVIEW_MAX_CHARS:
            return JsonResponse({"error": f"The body is too long to preview (over {BODY_PREVIEW_MAX_CHARS:,} characters)."}, status=413)
        # The pictures she may use are those the library lets her describe (a writer's own, an editor any).
        shown = LivePreview.from_post(request.POST, usable_images(request.user), workflow.is_editor(request.user),
                                      describe_url(request, self))
        html = render_to_string("admin/articles/article/live_preview.html", {"article": shown, "warnings": shown.warnings})
        return JsonResponse({"html": html, "words": word_count(source)})

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
