"""Readers' content-warning choices: the filter (cookie, query parameter, notice), the preferences
and content-warnings pages, and link previews that never show what a warning hides."""

import re
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client
from django.utils import timezone
from django.urls import reverse

from articles import filters
from articles.models import ContentWarning
from tests.factories import ArticleFactory, AuthorFactory
from tests.html_checks import assert_valid_html, head, meta_tags

pytestmark = pytest.mark.django_db

COOKIE = django_settings.MASTHEAD_FILTER_COOKIE_NAME

def page(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, url
    return response.content.decode()


# Parsing


@pytest.mark.parametrize(
    ("value", "slugs"),
    [
        ("graphic-violence,death", ("graphic-violence", "death")),
        (" Graphic-Violence , death,,death ", ("graphic-violence", "death")),
        ("death torture", ("death", "torture")),
        ("", ()),
        (None, ()),
        ("<script>,';drop,death", ("death",)),
        ("x" * 81, ()),
    ],
)
def test_parse_slugs(value, slugs):
    """Cookie and query values become well-formed, unique, lower-case slugs; anything else is dropped."""
    assert filters.parse_slugs(value) == slugs


def test_parse_slugs_caps_the_number():
    """At most MAX_SLUGS slugs are read from one value."""
    assert len(filters.parse_slugs(",".join(f"w{n}" for n in range(500)))) == filters.MAX_SLUGS


# The filter on every list


@pytest.fixture
def lists(graphic):
    """One warned and one plain article sharing a tag, an author and a searchable word."""
    author = AuthorFactory(slug="leila-haddad", name="Leila Haddad")
    warned = ArticleFactory(title="Yazidis massacre anniversary", tags=["Sinjar"], author=author, warnings=[graphic])
    plain = ArticleFactory(title="Yazidis return home", tags=["Sinjar"], author=author)
    return warned, plain


LIST_URLS = [
    pytest.param("/", id="home"),
    pytest.param("/tags/sinjar/", id="tag"),
    pytest.param("/authors/leila-haddad/", id="author"),
    pytest.param("/search/?q=Yazidis", id="search"),
]


@pytest.mark.parametrize("url", LIST_URLS)
def test_cookie_filter_hides_warned_articles_with_a_notice(client, lists, url):
    """With the cookie set, warned articles leave every list and a notice says how many and why."""
    client.cookies[COOKIE] = "graphic-violence"
    html = page(client, url)
    assert "Yazidis return home" in html
    assert "Yazidis massacre anniversary" not in html
    assert "1 article hidden because of your content-warning filter (Graphic violence)." in html
    assert "Show them</a>" in html
    assert f'href="{reverse("articles:preferences")}?next=' in html


@pytest.mark.parametrize("url", LIST_URLS)
def test_show_them_link_shows_everything(client, lists, url):
    """The notice's "Show them" link (?hide=) lists the hidden articles again, with a way back."""
    client.cookies[COOKIE] = "graphic-violence"
    separator = "&" if "?" in url else "?"
    html = page(client, f"{url}{separator}hide=")
    assert "Yazidis massacre anniversary" in html
    assert "hidden because of" not in html
    assert "This page includes articles your content-warning filter hides." in html
    assert "Hide them again</a>" in html


@pytest.mark.parametrize("url", LIST_URLS)
def test_query_parameter_filters_without_a_cookie(client, lists, url):
    """?hide=slug hides those warnings for that request, and the notice says the link chose it."""
    separator = "&" if "?" in url else "?"
    html = page(client, f"{url}{separator}hide=graphic-violence,death")
    assert "Yazidis massacre anniversary" not in html
    assert "1 article hidden because of this link’s content-warning filter (Death, Graphic violence)." in html


def test_query_parameter_overrides_the_cookie(client, lists):
    """A ?hide= parameter replaces the cookie's choice for that request."""
    client.cookies[COOKIE] = "death"
    assert "Yazidis massacre anniversary" not in page(client, "/", hide="graphic-violence")
    assert "Yazidis massacre anniversary" in page(client, "/")


@pytest.mark.parametrize("value", ["no-such-warning", "<b>,,", "graphic_violence"])
def test_unknown_slugs_are_ignored(client, lists, value):
    """Unknown or malformed warning names hide nothing and raise nothing."""
    client.cookies[COOKIE] = value
    html = page(client, "/")
    assert "Yazidis massacre anniversary" in html
    assert "hidden because of" not in html


def test_no_filter_no_notice(client, lists):
    """Without a filter every visible article is listed and there is no notice."""
    html = page(client, "/")
    assert "Yazidis massacre anniversary" in html and "Yazidis return home" in html
    assert "filter-notice" not in html


def test_notice_counts_only_this_lists_articles(client, graphic):
    """The hidden count is of this list's articles only."""
    ArticleFactory.create_batch(2, tags=["Sinjar"], warnings=[graphic])
    ArticleFactory(tags=["Mosul"], warnings=[graphic])
    ArticleFactory(tags=["Mosul"])
    client.cookies[COOKIE] = "graphic-violence"
    assert "1 article hidden" in page(client, "/tags/mosul/")
    assert "3 articles hidden" in page(client, "/")


def test_hidden_articles_are_not_counted(client, graphic, hidden):
    """Articles readers may not see are never counted as hidden by the filter."""
    ArticleFactory(warnings=[graphic], **hidden)
    ArticleFactory()
    client.cookies[COOKIE] = "graphic-violence"
    assert "hidden because of" not in page(client, "/")


def test_tag_whose_articles_are_all_filtered_still_answers(client, graphic):
    """A tag page whose every article the filter hides shows the notice, not a 404."""
    ArticleFactory(tags=["Kocho"], warnings=[graphic])
    client.cookies[COOKIE] = "graphic-violence"
    html = page(client, "/tags/kocho/")
    assert "1 article hidden" in html


def test_pagination_keeps_the_filter(client, graphic):
    """Page links keep a ?hide= parameter."""
    ArticleFactory.create_batch(21)
    html = page(client, "/", hide="graphic-violence")
    assert 'rel="next" href="?hide=graphic-violence&amp;page=2"' in html


def test_filter_applies_to_related_and_neighbours(client, graphic):
    """Related articles and older/newer links leave out what the reader hides."""
    now = timezone.now()
    ArticleFactory(title="Warned neighbour", tags=["Sinjar"], warnings=[graphic], published_at=now - timedelta(days=2))
    article = ArticleFactory(title="Middle", tags=["Sinjar"], published_at=now - timedelta(days=1))
    client.cookies[COOKIE] = "graphic-violence"
    assert "Warned neighbour" not in page(client, article.get_absolute_url())
    client.cookies[COOKIE] = ""
    assert "Warned neighbour" in page(client, article.get_absolute_url())


def test_filtered_article_still_opens_from_a_link(client, lists):
    """The filter hides articles from lists; a warned article's own page still opens, warning first."""
    warned, _ = lists
    client.cookies[COOKIE] = "graphic-violence"
    html = page(client, warned.get_absolute_url())
    assert "Content warning</h2>" in html


def test_lists_vary_on_cookie(client, lists):
    """List and article pages say they vary by cookie, so caches keep readers' filters apart."""
    warned, _ = lists
    for url in ["/", "/tags/sinjar/", "/search/?q=Yazidis", warned.get_absolute_url()]:
        assert "Cookie" in client.get(url)["Vary"], url


@pytest.mark.parametrize(
    ("url", "queries"),
    # search on SQLite adds two: the ranked candidates, the page's snippets; lists of cards read ids, then the cards not kept
    [("/", 4), ("/tags/sinjar/", 5), ("/authors/leila-haddad/", 5), ("/search/?q=Yazidis", 5 + 2 * (connection.vendor == "sqlite"))],
)
@pytest.mark.usefixtures("uncached_pages")
def test_filtered_lists_run_a_fixed_number_of_queries(client, graphic, django_assert_num_queries, url, queries):
    """With a filter on, a list adds two queries (the chosen warnings, the hidden count) whatever its size."""
    author = AuthorFactory(slug="leila-haddad")
    client.cookies[COOKIE] = "graphic-violence"

    def add(n):
        ArticleFactory.create_batch(n, title="Yazidis", author=author, tags=["Sinjar", "Iraq"], warnings=[graphic])
        ArticleFactory.create_batch(n, title="Yazidis", author=author, tags=["Sinjar", "Iraq"])

    add(2)
    with django_assert_num_queries(queries):
        page(client, url)
    add(8)
    with django_assert_num_queries(queries):
        page(client, url)


def test_hidden_count_stops_at_its_limit(client, graphic, monkeypatch, django_capture_on_commit_callbacks):
    """Past HIDDEN_COUNT_LIMIT the notice says "more than", so the count never scans the whole archive."""
    monkeypatch.setattr(filters, "HIDDEN_COUNT_LIMIT", 2)
    ArticleFactory.create_batch(2, warnings=[graphic])
    client.cookies[COOKIE] = "graphic-violence"
    assert "2 articles hidden" in page(client, "/")
    with django_capture_on_commit_callbacks(execute=True):  # the page cache ends as on a commit
        ArticleFactory(warnings=[graphic])
    html = page(client, "/")
    assert "More than 2 articles hidden" in html and "3 articles" not in html


# The preferences page


def test_preferences_page_offers_every_warning(client):
    """The preferences page has a labelled checkbox, with its description, for each warning."""
    html = page(client, reverse("articles:preferences"))
    for warning in ContentWarning.objects.all():
        assert f'id="hide-{warning.slug}" name="hide" value="{warning.slug}"' in html
        assert f'<label for="hide-{warning.slug}">{warning.label}</label>' in html
        assert warning.description in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert_valid_html(html)


def test_preferences_page_shows_the_current_choice(client):
    """Warnings in the cookie are checked; the others are not."""
    client.cookies[COOKIE] = "death,torture"
    html = page(client, reverse("articles:preferences"))
    assert 'value="death" checked' in html and 'value="torture" checked' in html
    assert 'value="graphic-violence" checked' not in html


def test_saving_sets_the_cookie(client):
    """Saving keeps the known choices in a year-long, SameSite=Lax, HTTP-only cookie, and confirms."""
    response = client.post(reverse("articles:preferences"), {"hide": ["graphic-violence", "death", "no-such-thing"]})
    assert response.status_code == 303
    assert response["Location"] == f"{reverse('articles:preferences')}?saved=1"
    cookie = response.cookies[COOKIE]
    assert cookie.value == "graphic-violence,death"
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 365 * 24 * 60 * 60
    assert cookie["httponly"] is True
    assert "Your preferences are saved." in page(client, response["Location"])


def test_saving_nothing_forgets_the_cookie(client):
    """Saving with nothing checked removes the cookie."""
    client.cookies[COOKIE] = "death"
    response = client.post(reverse("articles:preferences"), {})
    assert response.cookies[COOKIE].value == ""
    assert response.cookies[COOKIE]["max-age"] == 0


def test_saving_goes_back_to_the_list(client):
    """Saving returns to the page the reader came from."""
    response = client.post(reverse("articles:preferences"), {"hide": "death", "next": "/tags/sinjar/?q=x"})
    assert response["Location"] == "/tags/sinjar/?q=x"


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", "\\\\evil.example"])
def test_saving_never_redirects_off_site(client, next_url):
    """A next address on another site is ignored."""
    response = client.post(reverse("articles:preferences"), {"hide": "death", "next": next_url})
    assert response["Location"] == f"{reverse('articles:preferences')}?saved=1"


def test_saving_requires_the_csrf_token():
    """A save without the CSRF token is refused."""
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("articles:preferences"), {"hide": "death"})
    assert response.status_code == 403
    assert COOKIE not in response.cookies


def test_preferences_page_keeps_where_the_reader_came_from(client):
    """A next address in the link is carried through the form."""
    html = page(client, reverse("articles:preferences"), next="/tags/sinjar/")
    assert '<input type="hidden" name="next" value="/tags/sinjar/">' in html


# The content-warnings page


@pytest.mark.usefixtures("uncached_pages")
def test_content_warnings_page_explains_each_warning(client, django_assert_num_queries):
    """/content-warnings/ lists every warning's label and description, in one query."""
    with django_assert_num_queries(1):
        html = page(client, reverse("articles:content-warnings"))
    for warning in ContentWarning.objects.all():
        assert f'<dt id="warning-{warning.slug}">{warning.label}</dt>' in html
        assert f"<dd>{warning.description}</dd>" in html
    assert_valid_html(html)


def test_warning_block_links_to_explanations(client, graphic):
    """A warned article's warning links to the explanations and the preferences."""
    html = page(client, ArticleFactory(warnings=[graphic]).get_absolute_url())
    assert f'href="{reverse("articles:content-warnings")}"' in html
    assert f'href="{reverse("articles:preferences")}"' in html


# Link previews


def test_warned_article_preview_gives_the_warning_and_no_image(client, graphic):
    """A warned article's description, OpenGraph and Twitter text is its warning; no image is offered."""
    article = ArticleFactory(title="Kocho", standfirst="Distressing standfirst.", body="Distressing body.", warnings=[graphic])
    html = page(client, article.get_absolute_url())
    meta = meta_tags(html)
    for name in ["description", "og:description", "twitter:description"]:
        assert meta[name] == ["Content warning: Graphic violence."], name
    assert meta["og:type"] == ["article"]
    assert meta["og:title"] == meta["twitter:title"] == ["Kocho"]
    assert meta["twitter:card"] == ["summary"]
    assert not any("image" in name for name in meta)
    assert "Distressing" not in head(html)


def test_unwarned_article_preview_uses_the_standfirst(client):
    """An article without warnings is described by its standfirst in all link previews."""
    article = ArticleFactory(standfirst="Negotiators meet again.", tags=["Diplomacy"])
    meta = meta_tags(page(client, article.get_absolute_url()))
    for name in ["description", "og:description", "twitter:description"]:
        assert meta[name] == ["Negotiators meet again."], name
    assert meta["og:url"] == [f"http://testserver{article.get_absolute_url()}"]
    assert meta["article:tag"] == ["Diplomacy"]


def test_warned_article_page_has_no_media(client, graphic):
    """A warned article's page embeds no image, video, audio or frame, and nothing autoplays."""
    article = ArticleFactory(
        body="![body](https://example.org/wound.jpg)\n\n<video autoplay src=x></video>\n\n<iframe src=x></iframe>",
        warnings=[graphic],
    )
    html = page(client, article.get_absolute_url())
    for tag in ["<img", "<video", "<audio", "<iframe", "<picture", "<source", "<embed", "<object"]:
        assert tag not in html, tag
    assert not re.search(r"<[^>]*\sautoplay", html)
