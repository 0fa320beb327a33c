"""Dependency keys: what a cached page shows, named so that a change can end exactly those pages.

A page declares the keys of what it shows while it renders (``declare``, collected by
``articles/pagecache.py`` around the view); a change ends the keys of what it changed
(``articles/signals.py``), and ``articles/purging.py`` sends them to every cache on commit. The
same keys go out as ``Surrogate-Key`` / ``Cache-Tag`` headers for an HTTP cache in front.

| key | declared by | ended by |
|---|---|---|
| ``article:12`` | every page showing article 12 (its page, a card, a feed entry, a related or older/newer link) | any change to article 12 readers could see |
| ``author:3``, ``tag:7``, ``warning:2``, ``picture:5`` | every page showing that byline, tag name, warning label or picture | a change to that row (a picture's renditions included) |
| ``list:home``, ``list:tag:7``, ``list:author:3`` | the lists (and their feeds) an article can enter or leave | an article appearing, leaving or moving in them |
| ``list:tags``, ``list:authors`` | the tag index and the sitemap's tag and author sections | a tag or author gaining or losing its first visible article, or renamed |
| ``earlier:12`` | article 12's page (its earlier coverage: related articles chosen among those published before it) | an article entering, leaving, moving or changing warnings among the visible articles of a tag of 12's published before it, with fewer articles between them than its candidate window holds (signals.related_keys) |
| ``related:tag:7`` | the pages of articles tagged 7 | the same as ``earlier:N``, for an article past more warned articles in a row than signals.RELATED_LOOKUP reads (a broad fallback a real archive does not reach) |
| ``adjacent:12``, ``adjacent:*`` | article 12's page (its older and newer links); every article page | an article appearing next to it in publication order; one appearing past more warned articles in a row than signals.ADJACENT_LOOKUP |
| ``feed``, ``search``, ``sitemap``, ``sitemap:3`` | the site feeds, search results, the sitemap index and fixed sections, article section 3 | an article appearing or leaving; any change to a visible article's text (search, its section) |
| ``list:corrections`` | /corrections/ | a correction added or withdrawn; an article with corrections appearing or leaving |
| ``warnings`` | the warning vocabulary page, and every page a reader's warning filter shaped | any change to the vocabulary |
| ``missing`` | every cached "not found" | anything that can make a new address exist |
"""

import re
from contextlib import contextmanager
from contextvars import ContextVar


HOME = "list:home"
TAGS = "list:tags"
AUTHORS = "list:authors"
FEED = "feed"
SEARCH = "search"
SITEMAP = "sitemap"
WARNINGS = "warnings"
CORRECTIONS = "list:corrections"
MISSING = "missing"
ARTICLE_CHUNK = 1000  # ids per sitemap section (articles/sitemaps.py)
_IMAGE_REFERENCE = re.compile(r"\(image:(\d+)\)")


def article(pk):
    return f"article:{pk}"


def author(pk):
    return f"author:{pk}"


def tag(pk):
    return f"tag:{pk}"


def warning(pk):
    return f"warning:{pk}"


def picture(pk):
    return f"picture:{pk}"


def tag_list(pk):
    return f"list:tag:{pk}"


def author_list(pk):
    return f"list:author:{pk}"


def related(tag_pk):
    return f"related:tag:{tag_pk}"


def earlier(pk):
    """Article ``pk``'s earlier coverage: which articles its page lists as related."""
    return f"earlier:{pk}"


def adjacent(pk):
    return f"adjacent:{pk}"


def sitemap_section(article_pk):
    """The sitemap section listing this article id (sitemap-articles-K.xml)."""
    return f"sitemap:{article_pk // ARTICLE_CHUNK}"


# --- declaring, while a page renders ------------------------------------------------------------------

_collected: ContextVar = ContextVar("masthead_page_keys", default=None)


@contextmanager
def collecting():
    """Collect the keys declared while the block runs (one page's render) into the set it yields."""
    keys = set()
    token = _collected.set(keys)
    try:
        yield keys
    finally:
        _collected.reset(token)


def declare(*keys):
    """The page being rendered shows what these keys name (nothing happens outside a cached render)."""
    collected = _collected.get()
    if collected is not None:
        collected.update(keys)


def card_keys(item):
    """The keys of an article shown as a card or entry: the article, its byline, tags, warnings and
    featured picture (read from what the list's rows or ``for_listing``'s prefetch brought: no query)."""
    keys = [article(item.pk)]
    if item.author_id:
        keys.append(author(item.author_id))
    if item.featured_image_id:
        keys.append(picture(item.featured_image_id))
    keys.extend(tag(each.pk) for each in item.tag_list)
    keys.extend(warning(each.pk) for each in item.warning_list)
    return keys


def declare_cards(articles):
    """Declare the keys of articles shown as cards or entries (``card_keys``)."""
    if _collected.get() is None:
        return
    declare(*(key for item in articles for key in card_keys(item)))


def article_keys(item):
    """The keys of an article's own part of its page: the article as a card shows it, and the pictures
    its body places."""
    placed = _IMAGE_REFERENCE.findall(item.body) if "image:" in item.body else ()  # placed or not: no parse
    return [*card_keys(item), *(picture(pk) for pk in placed)]


def article_link_keys(pk, tag_ids, related_articles, neighbours):
    """The keys of the rest of article ``pk``'s page: which articles are its earlier coverage and its
    older and newer links, and what may change them (each related entry, kept or not, declares its own
    keys: articles/parts.py). A change among a tag's articles that can change the choice ends
    ``earlier:pk`` (signals.related_keys)."""
    return [
        earlier(pk),
        adjacent(pk),
        adjacent("*"),  # ended only when an article lands past a long run of warned ones (signals.adjacent_keys)
        *(related(each) for each in tag_ids),  # ended only past a long run of warned ones (signals.related_keys)
        *(article(other.pk) for other in [*related_articles, *neighbours] if other is not None),
    ]
