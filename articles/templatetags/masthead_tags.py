"""Template helpers for the reader pages."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# As django.utils.html.json_script: JSON cannot close the <script> element or start a comment.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """Output ``data`` as a JSON-LD <script> block, escaped for HTML the way json_script escapes."""
    json_text = json.dumps(data, cls=DjangoJSONEncoder).translate(_JSON_SCRIPT_ESCAPES)
    # Safe: after the escapes above no character of json_text can end the script element.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(json_text))


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The absolute URL of this page, keeping only the page number of a paginated list."""
    request = context["request"]
    path = request.path
    page_obj = context.get("page_obj")
    if page_obj is not None and page_obj.number > 1:
        path = f"{path}?page={page_obj.number}"
    return request.build_absolute_uri(path)
