"""The parts of reader pages kept as fragments (articles/fragments.py): an article's own part of its
page, its entries of related articles and which articles it links (its earlier coverage, older and
newer: per warning filter), and the cards of the home, tag and author pages.

Each is rendered by its template from rows read as for any page, and kept with the dependency keys of
what it shows (``cachekeys.article_keys``, ``cachekeys.card_keys``); a page made of kept parts reads
only what chooses them (the ids a list shows, the article a page is), never their tags, warnings,
pictures, corrections or body.
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from articles import cachekeys, fragments, pagereads
from articles.cards import card_html, related_html
from articles.fragments import Fragment


def article_parts(request, article, context):
    """The article's head (``article_meta``) and the article itself (``article_main``) as HTML, rendered
    now: for previews, and for the article page when nothing is kept. ``context``: what the templates
    need beside the article (structured data, corrections; ``preview`` on a preview)."""
    context = {"article": article, **context}
    return {
        "article_meta": render_to_string("includes/article_meta.html", context, request),
        "article_main": render_to_string("includes/article_main.html", context, request),
    }


def kept_article(request, pk, warning_filter):
    """Article ``pk``'s kept parts for this site address and this reader's filter, each or None (one read
    of the kept fragments): its own part, ``{"article_meta", "article_main", "tag_ids"}`` (its HTML was
    made by the templates, escaped there), and the choice of its links (``keep_links``)."""
    names = (_article_name(request, pk), _links_name(pk, warning_filter))
    found = fragments.get_many(list(names))
    own, links = (found.get(name) for name in names)
    if own is not None:
        own = {**own.parts, **{part: mark_safe(own.parts[part]) for part in _HTML}}
    if links is not None and "entries" in links.parts:  # (kept by an earlier version without them: not used)
        # Its entries were made by their template, escaped there.
        return own, {**links.parts, "entries": [mark_safe(entry) for entry in links.parts["entries"]]}
    return own, None


def keep_links(article, tag_ids, warning_filter, links, entry_keys, started):
    """Keep which articles are ``article``'s earlier coverage and its older and newer links under this
    reader's filter (``links``: ``{"related", "older", "newer"}``, the rows the page shows of them,
    read after ``started``, and ``"entries"``, the related entries' HTML, which show ``entry_keys``),
    with the keys of what chose them: ``cachekeys.article_link_keys``, the article's own (its tags and
    place), and the warning vocabulary's when a filter shaped them. The page then reads its related
    entries with the choice, not on their own.

    Declares those keys for the page. Not kept while the article has no newer link: the next
    scheduled publication would give it one with no change to end it (its older link and earlier
    coverage never change with the time: every article before a live one is live).
    """
    keys = (cachekeys.article(article.pk),
            *cachekeys.article_link_keys(article.pk, tag_ids, links["related"], (links["older"], links["newer"])),
            *((cachekeys.WARNINGS,) if warning_filter else ()), *sorted(entry_keys))
    if links["newer"] is None:
        cachekeys.declare(*keys)
        return
    kept = {**links, "entries": [str(entry) for entry in links["entries"]]}
    fragments.keep({_links_name(article.pk, warning_filter): Fragment(kept, tuple(dict.fromkeys(keys)), started)})


def keep_article(request, article, parts, started):
    """Keep the article's part (``article_parts`` plus ``tag_ids``), rendered from rows read after
    ``started``."""
    fragments.keep({_article_name(request, article.pk): Fragment(
        {part: str(parts[part]) for part in _HTML} | {"tag_ids": parts["tag_ids"]},
        tuple(cachekeys.article_keys(article)),
        started,
    )})


_HTML = ("article_meta", "article_main")


def _links_name(pk, warning_filter):
    return f"links:{pk}:{','.join(sorted(warning_filter.slugs))}"


def _article_name(request, pk):
    # Its head holds absolute links (canonical, og:url, JSON-LD): one per scheme and host, as pages.
    return f"article:{pk}:{request.scheme}://{request.get_host()}"


def cards(ids, started, heading_level=2):
    """The card (templates/includes/article_card.html, built by articles/cards.py) of each article in
    ``ids`` as HTML, in order: kept ones as kept; the others read (``_card_rows``: one query) after
    ``started``, built and kept. An article no longer visible by then is left out."""
    names = {pk: f"card:{pk}:{heading_level}" for pk in ids}
    found = fragments.get_many(list(names.values()))
    missing = [pk for pk in ids if names[pk] not in found]
    if missing:
        made = {
            names[item.pk]: Fragment({"html": card_html(item, heading_level)}, tuple(cachekeys.card_keys(item)), started)
            for item in _card_rows(missing)
        }
        fragments.keep(made)
        found = {**found, **made}
    # Safe: each was built by articles/cards.py, which escaped what it shows.
    return [mark_safe(found[names[pk]].parts["html"]) for pk in ids if names[pk] in found]


def _card_rows(ids):
    """The visible articles of ``ids`` as cards show them: what they show of the row with its author and
    featured image, its tags, warnings and renditions (articles/pagereads.py): one query."""
    return pagereads.card_rows(ids)


def related_entries(related, started):
    """The entry (templates/includes/related_item.html, built by articles/cards.py) of each article in
    ``related`` (read after ``started``, its warnings loaded: ``selectors.article_links``) as HTML, in
    order, and the keys of what they show: kept ones as kept, the others built and kept."""
    names = {item.pk: f"related:{item.pk}" for item in related}
    found = fragments.get_many(list(names.values()))
    missing = [item for item in related if names[item.pk] not in found]
    if missing:
        made = {}
        for item in missing:
            warnings = item.warning_list
            made[names[item.pk]] = Fragment({"html": related_html(item, warnings)},
                                            (cachekeys.article(item.pk), *(cachekeys.warning(each.pk) for each in warnings)),
                                            started)
        fragments.keep(made)
        found = {**found, **made}
    # Safe: each was built by articles/cards.py, which escaped what it shows.
    return ([mark_safe(found[names[item.pk]].parts["html"]) for item in related],
            {key for item in related for key in found[names[item.pk]].keys})
