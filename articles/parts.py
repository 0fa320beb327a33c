"""The parts of reader pages kept as fragments (articles/fragments.py): an article's own part of its
page, and the cards of the home, tag and author pages.

Each is rendered by its template from rows read as for any page, and kept with the dependency keys of
what it shows (``cachekeys.article_keys``, ``cachekeys.card_keys``); a page made of kept parts reads
only what chooses them (which articles a list shows, which article a page is), never their tags,
warnings, pictures, corrections or body.
"""

from django.db.models import prefetch_related_objects
from django.template.loader import get_template, render_to_string
from django.utils.safestring import mark_safe

from articles import cachekeys, fragments
from articles.fragments import Fragment
from articles.models import listing_prefetches


def article_parts(request, article, context):
    """The article's head (``article_meta``) and the article itself (``article_main``) as HTML, rendered
    now: for previews, and for the article page when nothing is kept. ``context``: what the templates
    need beside the article (structured data, corrections; ``preview`` on a preview)."""
    context = {"article": article, **context}
    return {
        "article_meta": render_to_string("includes/article_meta.html", context, request),
        "article_main": render_to_string("includes/article_main.html", context, request),
    }


def kept_article(request, pk):
    """Article ``pk``'s kept part for this site address, or None: ``{"article_meta", "article_main",
    "tag_ids"}`` (its HTML was made by the templates, escaped there)."""
    name = _article_name(request, pk)
    found = fragments.get_many([name]).get(name)
    return None if found is None else {**found.parts, **{part: mark_safe(found.parts[part]) for part in _HTML}}


def keep_article(request, article, parts, started):
    """Keep the article's part (``article_parts`` plus ``tag_ids``), rendered from rows read after
    ``started``."""
    fragments.keep({_article_name(request, article.pk): Fragment(
        {part: str(parts[part]) for part in _HTML} | {"tag_ids": parts["tag_ids"]},
        tuple(cachekeys.article_keys(article)),
        started,
    )})


_HTML = ("article_meta", "article_main")


def _article_name(request, pk):
    # Its head holds absolute links (canonical, og:url, JSON-LD): one per scheme and host, as pages.
    return f"article:{pk}:{request.scheme}://{request.get_host()}"


def cards(articles, started, heading_level=2):
    """Each article's card (templates/includes/article_card.html) as HTML, in order: kept ones as kept,
    the others rendered from ``articles`` (rows read after ``started``, with their author and featured
    image) after one prefetch of what cards show, then kept."""
    names = {item.pk: f"card:{item.pk}:{heading_level}" for item in articles}
    found = fragments.get_many(list(names.values()))
    missing = [item for item in articles if names[item.pk] not in found]
    if missing:
        prefetch_related_objects(missing, *listing_prefetches())
        template = get_template("includes/article_card.html")
        made = {
            names[item.pk]: Fragment({"html": str(template.render({"article": item, "heading_level": heading_level}))},
                                     tuple(cachekeys.card_keys(item)), started)
            for item in missing
        }
        fragments.keep(made)
        found = {**found, **made}
    # Safe: each was rendered by the card template, which escaped what it shows.
    return [mark_safe(found[names[item.pk]].parts["html"]) for item in articles]
