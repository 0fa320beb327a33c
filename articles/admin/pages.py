"""What the article admin's own pages share: the article a URL names (if this person may see it) and
a page rendered in the admin's frame."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from articles import workflow
from articles.models import Article


class ArticlePages:
    """Helpers for the article admin's extra views (mixed into ArticleAdmin)."""

    def _article_for(self, request, object_id) -> Article:
        article = get_object_or_404(Article.objects.select_related("author"), pk=object_id)
        if not workflow.can_view(request.user, article):
            raise PermissionDenied
        return article

    def _render(self, request, template, article, **context):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "article": article,
            "title": context.pop("title", article.title),
            **context,
        }
        return TemplateResponse(request, template, context)

    def _change_url(self, article):
        return reverse("admin:articles_article_change", args=[article.pk])
