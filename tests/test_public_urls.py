"""Every public URL the URLconf names (tests/routes.py walks the resolver): nothing unpublished leaks
onto any of them, and no odd page number, query string or path gets a 500."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles import preview, workflow
from articles.models import PreviewLink
from tests.factories import ArticleFactory, AuthorFactory
from tests.pictures import stored
from tests.routes import BUILDERS, Subject, missing_routes, public_urls

pytestmark = pytest.mark.django_db

SECRET = "zygomorphic"  # in everything about the hidden articles, nowhere else; searched for
ALSO = "quokka"  # beside it everywhere, so a search page echoing the query still cannot show it
ANSWERS = {200, 301, 302, 404}  # what a reader may get; never a 500


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def files_of(image):
    """The storage names of a library picture's file and renditions."""
    return [image.file.name, *(rendition.file.name for rendition in image.renditions.all())]


def reader_get(url):
    return Client(raise_request_exception=False).get(url)


def test_every_public_route_is_covered():
    """Each route of the URLconf outside the admin has its URLs in tests/routes.py (a new one fails here)."""
    assert not missing_routes()


def test_nothing_unpublished_leaks_onto_any_public_url(hidden, editor):
    """No public URL shows a hidden article: not its page, text, tags, author, feeds, sitemap entry, search
    result, related or neighbour link, og/JSON-LD, picture files, nor a share link revoked, expired or of an
    article since unpublished."""
    now = timezone.now()
    visible_picture = stored("Visible picture")
    visible = ArticleFactory(title="Visible story", slug="visible-story", tags=["Shared"], published_at=now - timedelta(days=2),
                             featured_image=visible_picture, author=AuthorFactory(name="Vera Visible", slug="vera-visible"))
    featured, placed = stored(f"{SECRET} featured"), stored(f"{SECRET} placed")
    secret = ArticleFactory(
        title=f"The {SECRET} {ALSO} story", slug=f"{SECRET}-{ALSO}-story", standfirst=f"A {SECRET} {ALSO} standfirst.",
        body=f"The {SECRET} {ALSO} body.\n\n![](image:{placed.pk})", tags=[f"{SECRET} {ALSO}", "Shared"],
        featured_image=featured, author=AuthorFactory(name=f"{SECRET} {ALSO}", slug=f"{SECRET}-{ALSO}"), **hidden,
    )
    revoked, token_revoked = preview.make_share_link(secret, editor, days=2)
    PreviewLink.objects.filter(pk=revoked.pk).update(revoked_at=now)
    expired, token_expired = preview.make_share_link(secret, editor, days=2)
    PreviewLink.objects.filter(pk=expired.pk).update(expires_at=now - timedelta(minutes=1))
    taken_down = ArticleFactory(title=f"A {SECRET} {ALSO} take-down", slug=f"{SECRET}-{ALSO}-take-down", decided=True)
    _, token_taken_down = preview.make_share_link(taken_down, editor, days=2)
    workflow.perform("unpublish", taken_down, editor, comment="Legal")

    secret_files = [*files_of(featured), *files_of(placed)]
    subjects = [
        Subject.of(secret, words=SECRET, share_tokens=[token_revoked, token_expired, token_taken_down]),
        Subject.of(taken_down),
        Subject.of(visible, words="Visible", media=files_of(visible_picture)),
    ]
    checked = 0
    for subject in subjects:
        for name, urls in public_urls(subject).items():
            for url in urls:
                response = reader_get(url)
                assert response.status_code in ANSWERS, (name, url, response.status_code)
                checked += 1
                if name == "media":
                    assert response.status_code == 200, url  # a visible article's picture
                    continue
                text = response.content.decode().lower()
                assert ALSO not in text and (SECRET not in text or name == "articles:search"), (name, url)
                assert not [path for path in secret_files if path.rsplit("/", 1)[-1].split(".")[0][:32] in text], (name, url)
                if SECRET in url and name != "articles:search":  # its own page, tag, author, feeds, share links
                    assert response.status_code == 404, (name, url)
    assert checked >= len(BUILDERS)
    assert reader_get(visible.get_absolute_url()).status_code == 200


ODD = [
    pytest.param("999999999999999999999", id="huge"),
    pytest.param("9223372036854775808", id="past-int64"),
    pytest.param("-1", id="negative"),
    pytest.param("0", id="zero"),
    pytest.param("abc", id="non-numeric"),
    pytest.param("1e400", id="float"),
    pytest.param("%D9%A3", id="arabic-indic-digit"),
    pytest.param("%00", id="nul"),
    pytest.param("9" * 10_000, id="10000-digits"),
    pytest.param("x" * 10_000, id="10000-letters"),
    pytest.param("%FF%FE%C3", id="invalid-utf8"),
]
PARAMETERS = ("page", "p", "q", "hide")  # lists' pages, sitemap sections' pages, search, the warning filter
PLACEHOLDER = "PLACEHOLDER"


def with_odd_path(name, value):
    """The route's URL with ``value`` where its slug, token, section or path goes (None: it takes none)."""
    for key in ("slug", "token", "section", "path"):
        try:
            url = reverse(name, kwargs={key: PLACEHOLDER})
        except Exception:
            continue
        urls = [url.replace(PLACEHOLDER, value)]
        if key == "section":
            urls.append(url.replace(PLACEHOLDER, f"articles-{value}"))
        return urls
    return []


@pytest.mark.parametrize("value", ODD)
def test_odd_page_numbers_query_strings_and_paths_never_500(value, graphic):
    """Every public URL answers 200, 301, 302 or 404 to odd page numbers, queries and path segments."""
    article = ArticleFactory(tags=["Syria"], warnings=[graphic])
    _, token = preview.make_share_link(article, None, days=1)
    subject = Subject.of(article, words="paragraph", share_tokens=[token], media=files_of(stored()))
    query = "&".join(f"{parameter}={value}" for parameter in PARAMETERS)
    for name, urls in public_urls(subject).items():
        for url in [*urls, *with_odd_path(name, value)]:
            for asked in (url, f"{url}{'&' if '?' in url else '?'}{query}"):
                status = reader_get(asked).status_code
                assert status in ANSWERS, (name, asked[:200], status)
