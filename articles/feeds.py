"""RSS 2.0 and Atom feeds: the whole site, one tag, one author. Visible articles only.

An entry carries the title, link, author, date and tags; a correction or update changes its
updated date (Atom ``updated``). A warned article's entry is its
warning ("Content warning: Graphic violence.") and the source's note, never its text: a feed
reader cannot hide text behind a reveal. Descriptions are HTML in both formats, so the plain
text is escaped here.
"""

import contextvars

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape

from articles import cachekeys, pictures, selectors, summaries
from articles.models import Article

FEED_LENGTH = 30
_current_request = contextvars.ContextVar("feed_request")


class ArticleFeed(Feed):
    """The site's latest visible articles (RSS 2.0)."""

    feed_type = Rss201rev2Feed

    def title(self, obj=None):
        return f"{settings.MASTHEAD_SITE_NAME}: latest articles"

    def link(self, obj=None):
        return reverse("articles:home")

    def description(self, obj=None):
        return f"Independent reporting on war and violence from {settings.MASTHEAD_SITE_NAME}."

    def subtitle(self, obj=None):
        return self.description(obj)

    def articles(self, obj):
        return Article.objects.published()

    def list_keys(self, obj):
        """The dependency keys of the list the feed follows (articles/cachekeys.py)."""
        return (cachekeys.FEED,)

    def items(self, obj=None):
        items = list(self.articles(obj).for_listing().with_corrected_at()[:FEED_LENGTH])
        cachekeys.declare(*self.list_keys(obj))
        cachekeys.declare_cards(items)
        return items

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        warning = summaries.warning_line(article)
        if warning:
            note = f" Our note: {article.newsroom_note}" if article.newsroom_note else ""
            note += f" The source’s note: {article.warning_note}" if article.warning_note else ""
            return escape(warning + note)
        return escape(article.standfirst)

    def item_author_name(self, article):
        return article.author.name if article.author else None

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        """The entry's last change readers can see (Atom's ``updated``, which every entry needs): its
        publication, or a correction added or withdrawn since."""
        return max(article.published_at, article.corrected_at or article.published_at)

    def item_categories(self, article):
        return [tag.name for tag in article.tag_list]

    def item_enclosures(self, article):
        """The featured image as an enclosure, only where a reader may see it away from the page (never a
        warned article's, never a graphic one: articles/pictures.py)."""
        image = pictures.shareable_image(article)
        if image is None:
            return []
        renditions = [r for r in image.rendition_list if r.format != "WEBP"]
        if not renditions:
            return []
        largest = renditions[-1]
        url = _current_request.get().build_absolute_uri(largest.file.url)
        return [Enclosure(url, str(largest.size), largest.mime_type)]

    def get_feed(self, obj, request):
        # The feed object serves every request: the request this feed is for is kept per context.
        token = _current_request.set(request)
        try:
            return super().get_feed(obj, request)
        finally:
            _current_request.reset(token)


class TagMoved(Exception):
    """The tag asked for was merged into ``tag``."""

    def __init__(self, tag):
        super().__init__(tag.slug)
        self.tag = tag


class TagFeed(ArticleFeed):
    """One tag's latest visible articles; a tag no visible article carries has no feed, and a tag merged
    into another redirects (301) to the kept tag's feed."""

    route = "articles:tag-feed-rss"

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except TagMoved as moved:
            return redirect(self.route, slug=moved.tag.slug, permanent=True)

    def get_object(self, request, slug):
        tag = selectors.visible_tag(slug)
        if tag is None:
            if (kept := selectors.merged_into(slug)) is not None:
                raise TagMoved(kept)
            raise Http404("No such tag.")
        return tag

    def title(self, tag):
        return f"{settings.MASTHEAD_SITE_NAME}: {tag.name}"

    def link(self, tag):
        return reverse("articles:tag-detail", args=[tag.slug])

    def description(self, tag):
        return f"Articles tagged “{tag.name}” from {settings.MASTHEAD_SITE_NAME}."

    def articles(self, tag):
        return Article.objects.published().tagged(tag)

    def list_keys(self, tag):
        return (cachekeys.tag_list(tag.pk), cachekeys.tag(tag.pk))


class AuthorFeed(ArticleFeed):
    """One author's latest visible articles; an author with none has no feed."""

    def get_object(self, request, slug):
        author = selectors.visible_author(slug)
        if author is None:
            raise Http404("No such author.")
        return author

    def title(self, author):
        return f"{settings.MASTHEAD_SITE_NAME}: articles by {author.name}"

    def link(self, author):
        return author.get_absolute_url()

    def description(self, author):
        return f"Articles by {author.name} for {settings.MASTHEAD_SITE_NAME}."

    def articles(self, author):
        return Article.objects.published().filter(author=author)

    def list_keys(self, author):
        return (cachekeys.author_list(author.pk), cachekeys.author(author.pk))


class AtomMixin:
    feed_type = Atom1Feed


class ArticleAtomFeed(AtomMixin, ArticleFeed):
    """The site's latest visible articles (Atom)."""


class TagAtomFeed(AtomMixin, TagFeed):
    """One tag's latest visible articles (Atom)."""

    route = "articles:tag-feed-atom"


class AuthorAtomFeed(AtomMixin, AuthorFeed):
    """One author's latest visible articles (Atom)."""
