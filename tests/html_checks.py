"""Helpers for asserting things about rendered HTML."""

import re
from collections import Counter

import html5lib

_ID = re.compile(r'\sid="([^"]*)"')
_META = re.compile(r'<meta\s+(?:property|name)="([^"]+)"\s+content="([^"]*)">')


def assert_valid_html(html, url=""):
    """The page parses without a single error in html5lib's strict mode and has no duplicate ids."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        parser.parse(html)
    except html5lib.html5parser.ParseError as error:
        raise AssertionError(f"{url}: HTML parse error: {error}") from None
    duplicates = [name for name, count in Counter(_ID.findall(html)).items() if count > 1]
    assert not duplicates, f"{url}: duplicate ids {duplicates}"


def head(html):
    return html[: html.index("</head>")]


def meta_tags(html):
    """{name or property: [content, …]} of the page's <meta> tags."""
    found = {}
    for name, content in _META.findall(head(html)):
        found.setdefault(name, []).append(content)
    return found
