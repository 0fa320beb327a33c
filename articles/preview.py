"""Previews: an unpublished article (or a pending revision) exactly as readers would see it.

Admin previews are for the article's writer and editors; share links are signed,
expiring and revocable. No preview is ever cached or indexed.
"""

from datetime import timedelta

from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.text import slugify
from taggit.models import Tag

from articles.models import Article, ContentWarning, PreviewLink
from articles.parts import article_parts
from articles.views import corrections_context, news_article_data

SHARE_SALT = "masthead.preview-link"


class _Related(list):
    """A list that answers .all() like a related manager, for templates."""

    def all(self):
        return self


class RevisionPreview:
    """An article as a pending revision would make it: the revision's content over the article."""

    def __init__(self, article, revision):
        self._article = article
        self._revision = revision
        content = revision.content()
        content.apply_to(self)
        existing = {tag.name.casefold(): tag for tag in Tag.objects.filter(name__in=content.tags)}
        self.tags = _Related(existing.get(name.casefold()) or Tag(name=name, slug=slugify(name, allow_unicode=True)) for name in content.tags)
        self.tag_list = sorted(self.tags, key=lambda tag: tag.name)
        self.warnings = _Related(ContentWarning.objects.filter(slug__in=content.warnings))
        self.warning_list = list(self.warnings)

    def __getattr__(self, name):
        return getattr(self._article, name)


class ProposedWarnings:
    """An article whose warnings are not decided yet, shown with the warnings proposed for it (the
    writer's or the importer's suggestions), as readers would see them if the editor agrees."""

    def __init__(self, article, proposed):
        self._article = article
        self.warnings = _Related(proposed)
        self.warning_list = list(proposed)

    def __getattr__(self, name):
        return getattr(self._article, name)


def preview_response(request, article, revision=None, *, share_link=None):
    shown = RevisionPreview(article, revision) if revision is not None else article
    proposed = []
    if revision is None and not article.warnings_decided:
        proposed = list(article.suggested_warnings.all())
        if proposed:
            shown = ProposedWarnings(article, proposed)
    context = {
        "structured_data": news_article_data(shown, request.build_absolute_uri()),
        "preview": {"revision": revision, "share_link": share_link, "status": article.state_label,
                    "proposed_warnings": bool(proposed)},
        **corrections_context(list(article.corrections.all())),
    }
    context.update(article_parts(request, shown, context), article=shown, object=shown)  # never kept
    response = TemplateResponse(request, "articles/article_detail.html", context)
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def make_share_link(article, user, *, days):
    link = PreviewLink.objects.create(article=article, created_by=user, expires_at=timezone.now() + timedelta(days=days))
    return link, signing.dumps(link.pk, salt=SHARE_SALT)


def share_view(request, token):
    """The outside reviewer's view of a shared preview; an unknown, expired or revoked link is not found."""
    try:
        link_id = signing.loads(token, salt=SHARE_SALT, max_age=timedelta(days=31))
    except signing.BadSignature:
        raise Http404("This preview link is not valid.") from None
    link = get_object_or_404(PreviewLink.objects.select_related("article"), pk=link_id)
    if not link.is_active:
        raise Http404("This preview link has expired or was revoked.")
    article = Article.objects.select_related("author").get(pk=link.article_id)
    pending = article.revisions.newest_pending() if article.status == Article.Status.PUBLISHED else None
    return preview_response(request, article, pending, share_link=link)
