"""Public reader pages. Every article they show comes from Article.objects.published()."""

from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from articles.models import Article, Author, TagRedirect


class PublishedArticlesMixin:
    """Supplies what readers may see, loaded for listing, 20 a page."""

    paginate_by = 20

    def published_articles(self):
        return Article.objects.published().for_listing()

    def get_queryset(self):
        return self.published_articles()


class HomeView(PublishedArticlesMixin, ListView):
    template_name = "articles/home.html"


class ArticleDetailView(PublishedArticlesMixin, DetailView):
    template_name = "articles/article_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        url = self.request.build_absolute_uri(self.object.get_absolute_url())
        context["structured_data"] = news_article_data(self.object, url)
        return context


class TagListView(PublishedArticlesMixin, ListView):
    """Every tag that has at least one visible article, with how many."""

    paginate_by = None
    template_name = "articles/tag_list.html"
    context_object_name = "tags"

    def get_queryset(self):
        return (
            Tag.objects.filter(articles_taggedarticle_items__content_object__in=Article.objects.published())
            .annotate(article_count=Count("articles_taggedarticle_items", distinct=True))
            .order_by("name")
        )


class TagDetailView(PublishedArticlesMixin, ListView):
    """A tag's visible articles; a tag with none is not found."""

    allow_empty = False
    template_name = "articles/tag_detail.html"

    def get(self, request, *args, **kwargs):
        """A tag merged into another redirects permanently to the kept tag."""
        self.tag = Tag.objects.filter(slug=kwargs["slug"]).first()
        if self.tag is None:
            moved = TagRedirect.objects.filter(old_slug=kwargs["slug"]).select_related("tag").first()
            if moved is None:
                raise Http404("No such tag.")
            return redirect("articles:tag-detail", slug=moved.tag.slug, permanent=True)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.published_articles().filter(tagged_items__tag=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class AuthorDetailView(PublishedArticlesMixin, ListView):
    """An author's bio and visible articles; an author with none is not found."""

    allow_empty = False
    template_name = "articles/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return self.published_articles().filter(author=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


def news_article_data(article, url):
    """schema.org NewsArticle structured data for an article page, as a JSON-ready dict."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "url": url,
        "keywords": [tag.name for tag in article.tags.all()],
    }
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author.name}
    if article.published_at:
        data["datePublished"] = timezone.localtime(article.published_at).isoformat()
    return data
