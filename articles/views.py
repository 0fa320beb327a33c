"""Public reader pages. Every article they show comes from Article.objects.published()."""

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.html import format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import DetailView, ListView, TemplateView
from django.views.static import serve
from taggit.models import Tag

from articles import cachekeys, filters, fragments, listing, pagereads, parts, search, selectors
from articles.pagination import WindowPaginator
from articles.models import Article, Author, ContentWarning, Correction
from articles.rendering import plain_text
from articles.urling import path_to


class PublishedArticlesMixin:
    """Supplies what readers may see, loaded for listing."""

    def published_articles(self):
        return Article.objects.published().for_listing()

    def get_queryset(self):
        return self.published_articles()


class VaryOnCookieMixin:
    """The page depends on the reader's content-warning cookie: shared caches must keep one per cookie."""

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        patch_vary_headers(response, ["Cookie"])
        return response


class ArticleListMixin(VaryOnCookieMixin, PublishedArticlesMixin):
    """Visible articles, 20 a page, less those the reader's content-warning filter hides.

    A view picks its articles in ``get_articles``; the filter, the count of what it hid and the
    notice's context are added here, for every list. Pages are read a window at a time, never
    counted (articles/pagination.py). With ``not_found_when_empty`` the page is not found when
    there is no visible article at all (hidden by the filter ones still count). With
    ``card_heading_level`` the list is of article ids and the page shows them as ``cards``
    (articles/parts.py: only those not kept are read beyond their id).
    """

    paginate_by = 20
    paginator_class = WindowPaginator
    not_found_when_empty = False
    list_keys = ()  # the dependency keys of the list itself (articles/cachekeys.py)
    card_heading_level = None  # a number: the list's articles become ``cards`` with headings of that level

    def get_articles(self):
        return self.published_articles()

    def declare_shown(self, shown):
        """The dependency keys of what the page lists (articles as cards, by default; cards declare their own)."""
        if self.card_heading_level is None:
            cachekeys.declare_cards(shown)

    def get_queryset(self):
        self.started = fragments.started()
        articles = self.get_articles()
        cachekeys.declare(*self.list_keys)
        self.warning_filter = filters.for_request(self.request)
        self.hidden_count = self.warning_filter.count_hidden(articles)
        shown = self.warning_filter.apply(articles)
        return shown if self.card_heading_level is None else shown.values_list("pk", flat=True)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            warning_filter=self.warning_filter,
            hidden_count=self.hidden_count,
            hidden_count_limit=filters.HIDDEN_COUNT_LIMIT,
            **kwargs,
        )
        shown = context["page_obj"].object_list
        self.declare_shown(shown)
        if self.not_found_when_empty and not shown and not self.hidden_count:
            raise Http404("Nothing to show here.")
        if self.card_heading_level is not None:
            context["cards"] = parts.cards(shown, self.started, self.card_heading_level)
        return context


class HomeView(ArticleListMixin, ListView):
    template_name = "articles/home.html"
    list_keys = (cachekeys.HOME,)
    card_heading_level = 2


class ArticleDetailView(VaryOnCookieMixin, DetailView):
    """An article with its corrections (a correction above the text, other notes after it), then its
    earlier coverage (related articles published before it) and its older and newer neighbours (the
    reader's filter applies).

    The article's own part (head and article: articles/parts.py) is read and rendered only when it is not
    kept, and so is each related article's entry, and so is the choice of which articles are its earlier
    coverage and next to it (kept per reader's filter, ended by the changes that can alter it). What is
    not kept is read in few statements (articles/pagereads.py): the article with its tags, then its
    links' positions, then their rows with their warnings and the article's own.
    """

    template_name = "articles/article_detail.html"

    def get_object(self, queryset=None):
        self.started = fragments.started()  # before the row: a change committed after it ends what is kept
        article, self.has_corrections = pagereads.visible_article(self.kwargs["slug"])
        if article is None:
            raise Http404("No such article.")
        return article

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        warning_filter = filters.for_request(self.request)
        own, links = parts.kept_article(self.request, article.pk, warning_filter)
        tag_ids = own["tag_ids"] if own else [tag.pk for tag in article.tag_list]
        if links is None:
            # Its links' warnings are read in one statement with the article's own when its part is rendered.
            links = self.choose_links(article, warning_filter, tag_ids, also=[] if own else [article])
        elif own is None:
            listing.load_warnings([article])
        if own is None:
            own = {**self.article_parts(article), "tag_ids": tag_ids}
            parts.keep_article(self.request, article, own, self.started)
        context.update(own, related_articles=links["related"], related_entries=links["entries"],
                       older_article=links["older"], newer_article=links["newer"])
        return context

    def choose_links(self, article, warning_filter, tag_ids, also):
        """Its older and newer neighbours, its earlier coverage and their entries, read now and kept
        (parts.keep_links)."""
        older, newer, related = selectors.article_links(article, warning_filter, tag_ids, also=also)
        entries, entry_keys = parts.related_entries(related, self.started)
        links = {"related": related, "older": older, "newer": newer, "entries": entries}
        parts.keep_links(article, tag_ids, warning_filter, links, entry_keys, self.started)
        return links

    def article_parts(self, article):
        url = self.request.build_absolute_uri(article.get_absolute_url())
        corrections = list(article.corrections.all()) if self.has_corrections else []
        return parts.article_parts(self.request, article, {
            "structured_data": news_article_data(article, url, corrections), **corrections_context(corrections),
        })


class TagListView(TemplateView):
    """Every tag that has at least one visible article. Thousands of links, written in one join (a
    template loop over two thousand tags costs more than the query finding them)."""

    template_name = "articles/tag_list.html"

    def get_context_data(self, **kwargs):
        cachekeys.declare(cachekeys.TAGS)
        tags = selectors.visible_tags().values_list("slug", "name")
        links = format_html_join("\n", '<li><a href="{}">{}</a></li>',
                                 ((path_to("articles:tag-detail", slug), name) for slug, name in tags))
        return super().get_context_data(tag_links=links, **kwargs)


class TagDetailView(ArticleListMixin, ListView):
    """A tag's visible articles; a tag with none is not found."""

    not_found_when_empty = True
    card_heading_level = 2
    template_name = "articles/tag_detail.html"

    def get(self, request, *args, **kwargs):
        """A tag merged into another redirects permanently to the kept tag."""
        self.tag = Tag.objects.filter(slug=kwargs["slug"]).first()
        if self.tag is None:
            kept = selectors.merged_into(kwargs["slug"])
            if kept is None:
                raise Http404("No such tag.")
            cachekeys.declare(cachekeys.tag(kept.pk))
            return redirect("articles:tag-detail", slug=kept.slug, permanent=True)
        return super().get(request, *args, **kwargs)

    def get_articles(self):
        self.list_keys = (cachekeys.tag_list(self.tag.pk), cachekeys.tag(self.tag.pk))
        return self.published_articles().tagged(self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class AuthorDetailView(ArticleListMixin, ListView):
    """An author's bio and visible articles; an author with none is not found."""

    not_found_when_empty = True
    card_heading_level = 3  # under the page's "Articles by" heading
    template_name = "articles/author_detail.html"

    def get_articles(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        self.list_keys = (cachekeys.author_list(self.author.pk), cachekeys.author(self.author.pk))
        return self.published_articles().filter(author=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class SearchView(ArticleListMixin, ListView):
    """Search results for ``?q=``; an empty or wordless query gets a friendly page and runs no search."""

    template_name = "articles/search.html"
    list_keys = (cachekeys.SEARCH,)

    def get_articles(self):
        raw = self.request.GET.get("q", "")
        self.query = search.clean_query(raw)
        self.query_shortened = len(" ".join(raw.split())) > search.MAX_QUERY_LENGTH
        self.searchable = bool(search.terms(self.query))
        if not self.searchable:
            return Article.objects.none()
        return search.search(self.published_articles(), self.query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = search.add_snippets(list(context["object_list"]), self.query)
        context.update(
            object_list=page,
            query=self.query,
            query_shortened=self.query_shortened,
            searchable=self.searchable,
            max_query_length=search.MAX_QUERY_LENGTH,
        )
        return context


class CorrectionListView(ArticleListMixin, ListView):
    """Every correction and update of a visible article, newest first, 20 a page; the reader's warning
    filter leaves out those of the articles it hides."""

    template_name = "articles/correction_list.html"
    context_object_name = "corrections"
    list_keys = (cachekeys.CORRECTIONS,)

    def declare_shown(self, shown):
        """Each correction names its article (title, warnings)."""
        cachekeys.declare(*(cachekeys.article(correction.article_id) for correction in shown),
                          *(cachekeys.warning(warning.pk) for correction in shown for warning in correction.article.warnings.all()))

    def get_articles(self):
        return Article.objects.published().filter(Exists(Correction.objects.filter(article=OuterRef("pk"))))

    def get_queryset(self):
        shown = super().get_queryset()  # the visible corrected articles, less those the filter hides
        return Correction.objects.filter(article__in=shown.values("pk")).select_related("article").prefetch_related(
            "article__warnings"
        )


class ContentWarningListView(ListView):
    """Each warning of the vocabulary: what it covers."""

    model = ContentWarning
    template_name = "articles/content_warnings.html"
    context_object_name = "warnings"

    def get_queryset(self):
        cachekeys.declare(cachekeys.WARNINGS)
        return super().get_queryset()


class PreferencesView(TemplateView):
    """The reader's content-warning filter: a checkbox per warning, kept in a cookie on save."""

    template_name = "articles/preferences.html"

    def get_context_data(self, **kwargs):
        chosen = filters.preferred_slugs(self.request)
        return super().get_context_data(
            warnings=ContentWarning.objects.all(),
            chosen=chosen,
            next=self.safe_next(self.request.GET.get("next")),
            saved="saved" in self.request.GET,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        asked = filters.parse_slugs(",".join(request.POST.getlist(filters.QUERY_PARAM)))
        known = set(ContentWarning.objects.filter(slug__in=asked).values_list("slug", flat=True)) if asked else set()
        next_url = self.safe_next(request.POST.get("next")) or f"{reverse('articles:preferences')}?saved=1"
        response = HttpResponseRedirect(next_url, status=303)
        return filters.remember(response, [slug for slug in asked if slug in known])

    def safe_next(self, url):
        """A same-site path to go back to after saving, or ""."""
        if url and url.startswith("/") and url_has_allowed_host_and_scheme(
            url, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return url
        return ""


def favicon(request):
    """/favicon.ico, which browsers ask for on every site: a redirect to the static icon (whitenoise serves it,
    cached for a year under its hashed name), not a permanent one, which browsers would keep after the icon and
    its name change; the pages themselves link it (<link rel="icon">)."""
    return HttpResponseRedirect(static("favicon.ico"))


def robots_txt(request):
    """Crawlers may read everything but the admin and previews; the sitemap lists what there is."""
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    admin = reverse("admin:index")
    lines = ["User-agent: *", f"Disallow: {admin}", "Disallow: /preview/", "", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def corrections_context(corrections):
    """What the article page shows of its corrections: those above the text, those after it, the last change."""
    return {
        "corrections_first": [c for c in corrections if c.goes_first],
        "corrections_after": [c for c in corrections if not c.goes_first],
        "last_updated": last_change(corrections),
    }


def last_change(corrections):
    """When readers last saw a correction of the article appear or be withdrawn, or None."""
    return max((correction.changed_at for correction in corrections), default=None)


def news_article_data(article, url, corrections=()):
    """schema.org NewsArticle structured data for an article page, as a JSON-ready dict: with corrections,
    ``dateModified`` and each one still standing as a ``correction`` (CorrectionComment)."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "url": url,
        "keywords": [tag.name for tag in article.tag_list],
    }
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author.name}
    if article.published_at:
        data["datePublished"] = timezone.localtime(article.published_at).isoformat()
    if corrections:
        data["dateModified"] = timezone.localtime(last_change(corrections)).isoformat()
        standing = [correction for correction in corrections if not correction.is_withdrawn]
        if standing:
            data["correction"] = [
                {
                    "@type": "CorrectionComment",
                    "text": f"{correction.get_kind_display()}: {plain_text(correction.text).strip()}",
                    "datePublished": timezone.localtime(correction.created_at).isoformat(),
                }
                for correction in standing
            ]
    return data


def media_file(request, path):
    """A library picture from var/media/ (the embedded default; production serves them from object
    storage). Names are generated and never reused, so browsers and CDNs may keep them for a year."""
    try:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    except (OSError, ValueError):  # a name the file system cannot hold (too long, a NUL): no such file
        raise Http404("No such picture.") from None
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
