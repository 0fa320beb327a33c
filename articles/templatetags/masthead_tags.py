"""Template helpers for the reader pages."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles import pictures, summaries
from articles.models import display_name as name_of
from articles.rendering import render_markdown
from articles.urling import path_to

register = template.Library()

# As django.utils.html.json_script: JSON cannot close the <script> element or start a comment.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """Output ``data`` as a JSON-LD <script> block, escaped for HTML the way json_script escapes."""
    json_text = json.dumps(data, cls=DjangoJSONEncoder).translate(_JSON_SCRIPT_ESCAPES)
    # Safe: after the escapes above no character of json_text can end the script element.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(json_text))


@register.simple_tag
def path(name, slug=None):
    """``{% url name %}`` or ``{% url name slug %}`` for the site's own pages, remembered (articles/urling.py)."""
    return path_to(name, slug)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The absolute URL of this page, keeping only the page number of a paginated list."""
    request = context["request"]
    path = request.path
    page_obj = context.get("page_obj")
    if page_obj is not None and page_obj.number > 1:
        path = f"{path}?page={page_obj.number}"
    return request.build_absolute_uri(path)


def _url(request, query):
    query_string = query.urlencode()
    return f"{request.path}?{query_string}" if query_string else request.path


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The link to page ``number`` of this list, keeping the other query parameters (search, filter)."""
    request = context["request"]
    query = request.GET.copy()
    query.pop("page", None)
    if number != 1:
        query["page"] = number
        return f"?{query.urlencode()}"
    return _url(request, query)


@register.simple_tag(takes_context=True)
def this_url(context, **changes):
    """This page's path and query with some parameters changed; ``None`` removes one, always page 1."""
    request = context["request"]
    query = request.GET.copy()
    query.pop("page", None)
    for name, value in changes.items():
        query.pop(name, None)
        if value is not None:
            query[name] = value
    return _url(request, query)


@register.filter
def reader_description(article):
    """The article's one-line description for meta tags and link previews: its warning first."""
    return summaries.description(article)


@register.filter
def sanitised_markdown(text):
    """Markdown a person typed (a correction's text) as HTML, through the one sanitising path (nh3 in
    articles/rendering.py, no pictures): what it returns is the sanitiser's output, never the text as typed."""
    return mark_safe(render_markdown(text))


@register.filter
def tag_url(tag):
    """The path of a tag's page."""
    return path_to("articles:tag-detail", tag.slug)


@register.filter
def display_name(user):
    """A colleague's name as the newsroom knows it (byline, full name, else login); "the importer" for None."""
    return name_of(user or None)


@register.simple_tag
def article_body(article):
    """An article's body: Markdown rendered and sanitised by nh3 (articles/rendering.py), with its figures."""
    # A live preview brings its body already rendered, with only the pictures its viewer may use.
    rendered = getattr(article, "rendered_body", None)
    # Sanitised by rendering.render_markdown either way; figures come from a template.
    return mark_safe(rendered if rendered is not None else pictures.body_html(article))


@register.simple_tag
def figure(image, lazy=True):
    """A library image as the article page shows it (templates/includes/figure.html), graphic ones covered."""
    return pictures.figure_html(image, lazy=lazy)  # rendered by a template, so already escaped


@register.simple_tag
def thumbnail(image):
    """A small picture for a list entry (an image shareable_image allowed)."""
    return pictures.picture_html(pictures.picture(image, sizes=pictures.CARD_SIZES))


@register.simple_tag
def picture_element(picture):
    """The <picture> element of a articles.pictures.Picture."""
    return pictures.picture_html(picture)


@register.filter
def shareable_image(article):
    """The featured image readers may see away from the article page, or None (articles/pictures.py)."""
    return pictures.shareable_image(article)


@register.simple_tag(takes_context=True)
def image_url(context, image):
    """The absolute URL of an image's largest fallback rendition (link previews)."""
    renditions = [r for r in image.rendition_list if r.format != "WEBP"]
    url = (renditions[-1] if renditions else image).file.url
    return context["request"].build_absolute_uri(url)
