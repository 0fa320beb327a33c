"""Reader pages: what each shows, and that nothing unpublished leaks onto any of them."""

import json
import re
from datetime import datetime, timedelta

import pytest
import time_machine
from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import filters, selectors
from articles.models import Article, Correction
from tests.factories import ArticleFactory, AuthorFactory, ContentWarningFactory
from tests.html_checks import assert_valid_html, meta_tags

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def json_ld(html):
    blocks = JSON_LD.findall(html)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def tag_url(slug):
    return reverse("articles:tag-detail", args=[slug])


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# Status codes


def test_every_page_answers(client):
    """Home, article, tag list, tag and author pages all return 200 for a live article."""
    article = ArticleFactory(tags=["Analysis"])
    for url in [
        reverse("articles:home"),
        article.get_absolute_url(),
        reverse("articles:tag-list"),
        tag_url("analysis"),
        article.author.get_absolute_url(),
    ]:
        page(client, url)


def test_empty_site_answers(client):
    """Home and tag list work before anything is published."""
    assert "Nothing has been published yet." in page(client, reverse("articles:home"))
    assert "No tags yet." in page(client, reverse("articles:tag-list"))


@pytest.mark.parametrize(
    "url", ["/articles/no-such-article/", "/tags/no-such-tag/", "/authors/no-such-author/", "/nowhere/"]
)
def test_unknown_addresses_get_the_friendly_404(client, url):
    """Unknown articles, tags, authors and paths return the site's own not-found page."""
    html = page(client, url, status=404)
    assert "Page not found" in html
    assert 'href="#content"' in html
    assert 'rel="canonical"' not in html


# The one visibility rule, on every public URL


def test_hidden_article_page_is_404(client, hidden):
    """A draft, in-review or scheduled article's page is not found."""
    article = ArticleFactory(**hidden)
    page(client, article.get_absolute_url(), status=404)


def test_hidden_article_absent_from_home(client, hidden):
    """The home page lists live articles and never a hidden one."""
    ArticleFactory(title="Visible story")
    ArticleFactory(title="Hidden story", **hidden)
    html = page(client, reverse("articles:home"))
    assert "Visible story" in html
    assert "Hidden story" not in html


def test_tag_of_only_hidden_articles_is_404(client, hidden):
    """A tag whose only article is hidden has no page."""
    ArticleFactory(tags=["Secret"], **hidden)
    page(client, tag_url("secret"), status=404)


def test_tag_of_only_hidden_articles_absent_from_tag_list(client, hidden):
    """The tag list leaves out tags whose articles are all hidden."""
    ArticleFactory(tags=["Shown"])
    ArticleFactory(tags=["Secret"], **hidden)
    html = page(client, reverse("articles:tag-list"))
    assert "Shown" in html
    assert "Secret" not in html


def test_hidden_article_absent_from_tag_page(client, hidden):
    """A tag page lists the tag's live articles and not its hidden ones."""
    ArticleFactory(title="Visible story", tags=["Analysis"])
    ArticleFactory(title="Hidden story", tags=["Analysis"], **hidden)
    html = page(client, tag_url("analysis"))
    assert "Visible story" in html
    assert "Hidden story" not in html


def test_author_of_only_hidden_articles_is_404(client, hidden):
    """An author whose articles are all hidden has no page."""
    article = ArticleFactory(**hidden)
    page(client, article.author.get_absolute_url(), status=404)


def test_author_without_articles_is_404(client):
    """An author with no articles at all has no page."""
    page(client, AuthorFactory().get_absolute_url(), status=404)


def test_hidden_article_absent_from_author_page(client, hidden):
    """An author page lists the author's live articles and not their hidden ones."""
    author = AuthorFactory()
    ArticleFactory(title="Visible story", author=author)
    ArticleFactory(title="Hidden story", author=author, **hidden)
    html = page(client, author.get_absolute_url())
    assert "Visible story" in html
    assert "Hidden story" not in html


def test_scheduled_article_appears_when_its_time_comes(client):
    """A scheduled article is hidden until its publication time, then shown everywhere."""
    article = ArticleFactory(title="Timed story", tags=["Timed"], scheduled=True)
    page(client, article.get_absolute_url(), status=404)
    with time_machine.travel(article.published_at + timedelta(minutes=1)):
        page(client, article.get_absolute_url())
        assert "Timed story" in page(client, reverse("articles:home"))
        assert "Timed story" in page(client, tag_url("timed"))
        assert "Timed story" in page(client, article.author.get_absolute_url())


# Tags


def test_tag_page_lists_its_articles_newest_first(client):
    """A tag page lists the tag's articles, newest first, and no others."""
    now = timezone.now()
    ArticleFactory(title="Older story", tags=["Analysis"], published_at=now - timedelta(days=3))
    ArticleFactory(title="Newer story", tags=["Analysis"], published_at=now - timedelta(days=1))
    ArticleFactory(title="Other story", tags=["Opinion"])
    html = page(client, tag_url("analysis"))
    assert html.index("Newer story") < html.index("Older story")
    assert "Other story" not in html
    assert "<h1" in html and "Analysis" in html


def test_tag_list_names_tags_of_visible_articles_only(client):
    """The tag list names each tag some live article carries, by name, and no other."""
    ArticleFactory.create_batch(2, tags=["Analysis", "Syria"])
    ArticleFactory(tags=["Analysis"], draft=True)
    ArticleFactory(tags=["Analysis", "Syria"], scheduled=True)
    ArticleFactory(tags=["Opinion"])
    ArticleFactory(tags=["Secret"], draft=True)
    ArticleFactory(tags=["Embargoed"], scheduled=True)
    ArticleFactory(tags=["Pending"], in_review=True)
    response = client.get(reverse("articles:tag-list"))
    html = response.content.decode()
    assert re.findall(r'<li><a href="/tags/[^"]+/">([^<]+)</a></li>', html) == ["Analysis", "Opinion", "Syria"]
    for name in ["Secret", "Embargoed", "Pending"]:
        assert name not in html


def test_tag_with_accented_slug_has_a_page(client):
    """Tags whose slug keeps accents are linked from the tag list and open."""
    ArticleFactory(title="Abidjan story", tags=["Côte d’Ivoire"])
    html = page(client, reverse("articles:tag-list"))
    url = tag_url("côte-divoire")
    assert url in html
    assert "Abidjan story" in page(client, url)


# The article page


def test_article_page_shows_the_article(client):
    """The article page shows the headline, author link, date, standfirst, body, tags and image credit."""
    article = ArticleFactory(
        title="Ceasefire talks resume",
        standfirst="Negotiators meet again.",
        body="The talks began at dawn.",
        image_credit="Jane Doe / Agency",
        tags=["Diplomacy"],
    )
    html = page(client, article.get_absolute_url())
    assert "<h1>Ceasefire talks resume</h1>" in html
    assert f'href="{article.author.get_absolute_url()}">{article.author.name}</a>' in html
    assert f'<time datetime="{timezone.localtime(article.published_at).isoformat()}">' in html
    assert "Negotiators meet again." in html
    assert "<p>The talks began at dawn.</p>" in html
    assert f'href="{tag_url("diplomacy")}">Diplomacy</a>' in html
    assert "Featured image: Jane Doe / Agency" in html


def test_article_page_has_title_description_and_canonical(client):
    """The article page has its own <title>, a meta description and an absolute canonical link."""
    article = ArticleFactory(title="Ceasefire talks resume", standfirst="Negotiators meet again.")
    html = page(client, article.get_absolute_url())
    assert "<title>Ceasefire talks resume — Masthead</title>" in html
    assert '<meta name="description" content="Negotiators meet again.">' in html
    assert f'<link rel="canonical" href="http://testserver{article.get_absolute_url()}">' in html


def test_article_without_author_renders(client):
    """An article with no author renders without a byline name or author link."""
    article = ArticleFactory(author=None, title="Unsigned story")
    html = page(client, article.get_absolute_url())
    assert "Unsigned story" in html
    assert "By " not in html
    assert "/authors/" not in html
    assert "Unsigned story" in page(client, reverse("articles:home"))


def test_warning_comes_before_the_body_which_is_behind_a_reveal(client):
    """A warned article shows the warning and note first, then the body inside a <details> reveal."""
    warning = ContentWarningFactory(slug="graphic-violence", label="Graphic violence")
    article = ArticleFactory(
        body="The unmistakable body text.",
        warning_note="Contains descriptions of injuries.",
        warnings=[warning],
    )
    html = page(client, article.get_absolute_url())
    main = html[html.index('<main id="content"') :]
    positions = [
        main.index(text)
        for text in [
            "Content warning</h2>",
            "<li>Graphic violence</li>",
            "Contains descriptions of injuries.",
            '<details class="cw-reveal">',
            '<summary><span class="cw-reveal__show">Show the article</span>',
            "The unmistakable body text.",
            "</details>",
        ]
    ]
    assert positions == sorted(positions)
    assert html.count("The unmistakable body text.") == 1


def test_unwarned_article_has_no_reveal(client):
    """An article without warnings shows its body directly, with no warning block or <details>."""
    article = ArticleFactory(body="Plain body text.")
    html = page(client, article.get_absolute_url())
    assert "<details" not in html
    assert "Content warning" not in html
    assert "<p>Plain body text.</p>" in html


def test_hostile_body_is_rendered_harmless(client):
    """Script tags and javascript: links in a body come out as inert text."""
    article = ArticleFactory(body="<script>alert(1)</script>\n\n[x](javascript:alert(1))\n\n<img src=x onerror=alert(1)>")
    html = page(client, article.get_absolute_url())
    assert "<script>alert(1)" not in html
    assert 'href="javascript:' not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_text_fields_are_escaped(client):
    """Markup in a title, standfirst, warning note, tag, author name or bio is shown as text."""
    hostile = "<b onmouseover=alert(1)>x</b>"
    author = AuthorFactory(name=hostile, bio=hostile)
    article = ArticleFactory(
        title=hostile,
        standfirst=hostile,
        warning_note=hostile,
        warnings=[ContentWarningFactory()],
        author=author,
        tags=["<i>tag</i>"],
    )
    for url in [article.get_absolute_url(), reverse("articles:home"), author.get_absolute_url(), reverse("articles:tag-list")]:
        html = page(client, url)
        assert "<b onmouseover" not in html
        assert "<i>tag</i>" not in html


# Structured data


def test_json_ld_describes_the_article(client):
    """The article page carries NewsArticle JSON-LD with headline, author, date, keywords and URL."""
    article = ArticleFactory(title="Ceasefire talks resume", tags=["Diplomacy", "Yemen"])
    data = json_ld(page(client, article.get_absolute_url()))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Ceasefire talks resume"
    assert data["author"] == {"@type": "Person", "name": article.author.name}
    assert datetime.fromisoformat(data["datePublished"]) == article.published_at
    assert sorted(data["keywords"]) == ["Diplomacy", "Yemen"]
    assert data["url"] == f"http://testserver{article.get_absolute_url()}"


def test_json_ld_omits_unknown_author(client):
    """JSON-LD has no author key when the article has no author."""
    article = ArticleFactory(author=None)
    data = json_ld(page(client, article.get_absolute_url()))
    assert "author" not in data
    assert data["keywords"] == []


def test_json_ld_cannot_be_closed_by_a_hostile_title(client):
    """A title containing </script> stays inside the JSON-LD string and never reaches the page as markup."""
    title = "</script><script>alert(1)</script> & more"
    article = ArticleFactory(title=title)
    html = page(client, article.get_absolute_url())
    assert json_ld(html)["headline"] == title
    assert "<script>alert(1)" not in html
    assert "\\u003C/script\\u003E" in html


# Lists


def list_urls(article):
    return [reverse("articles:home"), tag_url("analysis"), article.author.get_absolute_url()]


def test_list_card_shows_title_author_date_and_tags(client):
    """Each list shows an article's title link, author, date, standfirst and tags."""
    article = ArticleFactory(title="Listed story", standfirst="Listed standfirst.", tags=["Analysis"])
    for url in list_urls(article):
        html = page(client, url)
        assert f'href="{article.get_absolute_url()}">Listed story</a>' in html
        assert article.author.name in html
        assert "<time datetime=" in html
        assert "Listed standfirst." in html
        assert f'href="{tag_url("analysis")}"' in html


def test_list_card_shows_warning_and_hides_standfirst(client):
    """In every list a warned article shows its warning labels and not its standfirst."""
    warnings = [ContentWarningFactory(slug="graphic-violence", label="Graphic violence"), ContentWarningFactory(slug="torture", label="Torture")]
    article = ArticleFactory(title="Warned story", standfirst="Distressing detail.", tags=["Analysis"], warnings=warnings)
    for url in list_urls(article):
        html = page(client, url)
        assert "Warned story" in html
        assert "Content warning: Graphic violence, Torture" in html
        assert "Distressing detail." not in html


# Pagination


@pytest.fixture
def twenty_one_articles():
    author = AuthorFactory(slug="prolific")
    return ArticleFactory.create_batch(21, author=author, tags=["Analysis"])


@pytest.mark.parametrize("url", ["/", "/tags/analysis/", "/authors/prolific/"])
def test_lists_are_paginated_by_twenty(client, twenty_one_articles, url):
    """21 articles make two pages of 20 and 1; a third page is not found."""
    first = client.get(url)
    assert len(first.context["object_list"]) == 20
    first_html = first.content.decode()
    assert "Page 1" in first_html
    assert 'rel="next" href="?page=2"' in first_html
    assert 'rel="prev"' not in first_html
    second = client.get(url, {"page": 2})
    assert len(second.context["object_list"]) == 1
    second_html = second.content.decode()
    assert "Page 2" in second_html
    assert f'rel="prev" href="{url}"' in second_html
    assert 'rel="next"' not in second_html
    assert f'<link rel="canonical" href="http://testserver{url}?page=2">' in second_html
    page(client, f"{url}?page=3", status=404)
    page(client, f"{url}?page=nonsense", status=404)


def test_short_list_has_no_pagination(client):
    """A list that fits on one page shows no pagination."""
    ArticleFactory()
    assert 'class="pagination"' not in page(client, reverse("articles:home"))


# Query counts


@pytest.mark.parametrize(("url", "queries"), [("/", 2), ("/tags/analysis/", 3), ("/authors/prolific/", 3)])
@pytest.mark.usefixtures("uncached_pages")
def test_list_pages_run_a_fixed_number_of_queries(client, url, queries):
    """A list page runs the same queries for 12 articles as for 3: (tag or author,) the page's ids, then
    the cards' articles with their tags, warnings and renditions in one (articles/pagereads.py; none of
    them kept here: tests/test_fragments.py pins the page of kept cards). Nothing counts the whole list."""
    author = AuthorFactory(slug="prolific")
    warning = ContentWarningFactory()

    def add(n):
        ArticleFactory.create_batch(n, author=author, tags=["Analysis", "Syria"], warnings=[warning])

    add(3)
    assert count_queries(client, url) == queries
    add(9)
    assert count_queries(client, url) == queries


@pytest.mark.usefixtures("uncached_pages")
def test_article_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    """The article page runs three queries however many tags, warnings and earlier articles it has (the
    article with its tags; older, newer and the earlier-coverage candidates; the rows they name with their
    warnings and the article's: articles/pagereads.py), and one more for its corrections when it has any."""
    warnings = ContentWarningFactory.create_batch(3)
    now = timezone.now()

    def add(n, days):
        return [ArticleFactory(tags=["Analysis", "Syria", "Yemen"], warnings=warnings,
                               published_at=now - timedelta(days=days, minutes=minutes)) for minutes in range(n)]

    article = add(1, days=2)[0]
    add(3, days=3)  # earlier: one is its older link, two are related
    add(1, days=1)
    with django_assert_num_queries(3):
        client.get(article.get_absolute_url())
    add(9, days=4)
    add(9, days=1)
    with django_assert_num_queries(3):
        response = client.get(article.get_absolute_url())
    assert len(response.context["related_articles"]) == 4
    assert all(other.published_at < article.published_at for other in response.context["related_articles"])
    assert all(len(other.warnings.all()) == 3 for other in response.context["related_articles"])
    assert response.context["older_article"] and response.context["newer_article"]
    for kind in ("correction", "update"):
        Correction.objects.create(article=article, kind=kind, text="A date was wrong.")
    with django_assert_num_queries(4):
        response = client.get(article.get_absolute_url())
    assert len(response.context["corrections_first"]) == 1 and len(response.context["corrections_after"]) == 1


@pytest.mark.usefixtures("uncached_pages")
def test_tag_list_runs_one_query(client, django_assert_num_queries):
    """The tag list finds every tag with a visible article in one query."""
    for name in ["Analysis", "Syria", "Yemen", "Iraq"]:
        ArticleFactory.create_batch(2, tags=[name])
    with django_assert_num_queries(1):
        client.get(reverse("articles:tag-list"))


# Page furniture


def test_pages_have_landmarks_and_skip_link(client):
    """Every page has lang en-GB, a skip link to <main id="content">, the stylesheet and the site name."""
    article = ArticleFactory(tags=["Analysis"])
    for url in [reverse("articles:home"), article.get_absolute_url(), reverse("articles:tag-list")]:
        html = page(client, url)
        assert '<html lang="en-GB">' in html
        assert 'href="#content">Skip to content</a>' in html
        assert '<main id="content"' in html
        assert "/static/css/site.css" in html
        assert "<header" in html and "<footer" in html and "<nav" in html
        assert html.count("<h1") == 1
        assert "Masthead" in html


def test_pages_make_no_third_party_requests(client):
    """No page loads anything from another host."""
    article = ArticleFactory(tags=["Analysis"], warnings=[ContentWarningFactory()])
    for url in [reverse("articles:home"), article.get_absolute_url()]:
        html = page(client, url)
        assert not re.search(r'(src|href)="(https?:)?//(?!testserver)', html)


# Related articles and neighbours


def related_titles(client, article):
    return [other.title for other in client.get(article.get_absolute_url()).context["related_articles"]]


def with_untagged_neighbours(article):
    """``article``, with untagged articles published a minute before and after it as its older and newer links."""
    for minutes in (-1, 1):
        ArticleFactory(title=f"Untagged neighbour {minutes:+d}", published_at=article.published_at + timedelta(minutes=minutes))
    return article


def test_related_articles_share_tags_most_shared_first(client):
    """Earlier coverage: articles published before this one sharing a tag with it, most shared tags
    first, then newest; never itself, never a later article, however many tags it shares."""
    now = timezone.now()
    article = with_untagged_neighbours(ArticleFactory(title="Main", tags=["Iraq", "Sinjar", "Yazidis"],
                                                      published_at=now - timedelta(days=1)))
    ArticleFactory(title="One shared, newer", tags=["Iraq"], published_at=now - timedelta(days=2))
    ArticleFactory(title="Three shared", tags=["Iraq", "Sinjar", "Yazidis"], published_at=now - timedelta(days=9))
    ArticleFactory(title="Two shared", tags=["Sinjar", "Yazidis"], published_at=now - timedelta(days=5))
    ArticleFactory(title="One shared, older", tags=["Yazidis"], published_at=now - timedelta(days=7))
    ArticleFactory(title="One shared, oldest", tags=["Iraq"], published_at=now - timedelta(days=8))
    ArticleFactory(title="Later, three shared", tags=["Iraq", "Sinjar", "Yazidis"], published_at=now - timedelta(hours=1))
    ArticleFactory(title="Unrelated", tags=["Yemen"], published_at=now - timedelta(days=3))
    assert related_titles(client, article) == ["Three shared", "Two shared", "One shared, newer", "One shared, older"]
    assert "Earlier coverage" in page(client, article.get_absolute_url())


def test_related_articles_at_the_same_time_are_earlier_by_id(client, uncached_pages):
    """Published at the same time, the one saved first (the lower id) is earlier: it may be offered, the
    one saved after may not."""
    when = timezone.now() - timedelta(days=1)
    before = ArticleFactory(title="Same time, saved before", tags=["Iraq"], published_at=when)
    article = ArticleFactory(title="Main", tags=["Iraq"], published_at=when)
    ArticleFactory(title="Same time, saved after", tags=["Iraq"], published_at=when)
    with_untagged_neighbours(article)
    ArticleFactory(title="Untagged, at the same time", published_at=when)
    assert related_titles(client, article) == []  # "before" is its older link
    ArticleFactory(title="Earlier still", tags=["Iraq"], published_at=when - timedelta(days=1))
    assert before.pk < article.pk and related_titles(client, article) == ["Earlier still"]


def test_related_articles_are_capped(client):
    """At most four earlier articles are shown."""
    article = ArticleFactory(tags=["Iraq"])
    ArticleFactory.create_batch(6, tags=["Iraq"], published_at=timezone.now() - timedelta(days=3))
    assert len(related_titles(client, article)) == 4


def test_the_oldest_article_of_its_tags_has_no_related_section(client):
    """The first article on a subject has no earlier coverage, however many came after it."""
    article = ArticleFactory(tags=["Iraq"], published_at=timezone.now() - timedelta(days=3))
    ArticleFactory.create_batch(3, tags=["Iraq"])
    assert related_titles(client, article) == []
    assert "Earlier coverage" not in page(client, article.get_absolute_url())


def test_article_without_tags_has_no_related_section(client):
    """An untagged article shows no related articles."""
    ArticleFactory(tags=["Iraq"], published_at=timezone.now() - timedelta(days=3))
    html = page(client, ArticleFactory().get_absolute_url())
    assert "Earlier coverage" not in html


def test_related_articles_are_visible_only(client, hidden):
    """A hidden article sharing tags is never offered as related."""
    article = with_untagged_neighbours(ArticleFactory(tags=["Iraq"]))
    ArticleFactory(title="Visible related", tags=["Iraq"], published_at=timezone.now() - timedelta(days=5))
    earlier = {} if "published_at" in hidden or "scheduled" in hidden else {"published_at": timezone.now() - timedelta(days=4)}
    ArticleFactory(title="Hidden related", tags=["Iraq"], **hidden, **earlier)
    assert related_titles(client, article) == ["Visible related"]
    assert "Hidden related" not in page(client, article.get_absolute_url())


def test_related_warned_article_shows_its_labels(client):
    """A warned related article shows its warning labels in the list."""
    warning = ContentWarningFactory(slug="graphic-violence", label="Graphic violence")
    article = with_untagged_neighbours(ArticleFactory(tags=["Iraq"]))
    ArticleFactory(title="Warned related", tags=["Iraq"], published_at=timezone.now() - timedelta(days=5), warnings=[warning],
                   standfirst="Distressing detail.")
    html = page(client, article.get_absolute_url())
    related = html[html.index('class="related"') :]
    assert "Content warning: Graphic violence" in related
    assert "Distressing detail." not in html


def test_related_articles_leave_out_the_older_and_newer_links(client, uncached_pages):
    """An article linked as older below the page is not offered again as earlier coverage (nor is the
    newer one, which is never earlier)."""
    now = timezone.now()
    older = ArticleFactory(title="Older, same tag", tags=["Iraq"], published_at=now - timedelta(days=2))
    article = ArticleFactory(title="Middle", tags=["Iraq"], published_at=now - timedelta(days=1))
    context = client.get(article.get_absolute_url()).context
    assert context["older_article"] == older and context["related_articles"] == []
    assert "Earlier coverage" not in page(client, article.get_absolute_url())
    ArticleFactory(title="Newer, same tag", tags=["Iraq"], published_at=now - timedelta(hours=1))
    ArticleFactory(title="Oldest, same tag", tags=["Iraq"], published_at=now - timedelta(days=3))
    assert related_titles(client, article) == ["Oldest, same tag"]


def test_older_and_newer_links(client):
    """An article links to the visible article published just before and just after it."""
    now = timezone.now()
    ArticleFactory(title="Oldest", published_at=now - timedelta(days=4))
    older = ArticleFactory(title="Older", published_at=now - timedelta(days=3))
    article = ArticleFactory(title="Middle", published_at=now - timedelta(days=2))
    newer = ArticleFactory(title="Newer", published_at=now - timedelta(days=1))
    html = page(client, article.get_absolute_url())
    assert f'rel="prev" href="{older.get_absolute_url()}"' in html
    assert f'rel="next" href="{newer.get_absolute_url()}"' in html


def test_first_and_last_articles_have_one_neighbour(client):
    """The newest article has no newer link and the oldest no older link."""
    now = timezone.now()
    oldest = ArticleFactory(published_at=now - timedelta(days=2))
    newest = ArticleFactory(published_at=now - timedelta(days=1))
    context = client.get(newest.get_absolute_url()).context
    assert (context["older_article"], context["newer_article"]) == (oldest, None)
    context = client.get(oldest.get_absolute_url()).context
    assert (context["older_article"], context["newer_article"]) == (None, newest)


def test_same_time_neighbours_are_ordered_by_id(client):
    """Articles published at the same moment still link to each other, in id order."""
    when = timezone.now() - timedelta(days=1)
    first, second = ArticleFactory.create_batch(2, published_at=when)
    assert client.get(first.get_absolute_url()).context["newer_article"] == second
    assert client.get(second.get_absolute_url()).context["older_article"] == first


def _sqlite_steps(work):
    """How many SQLite virtual-machine steps (in hundreds) ``work`` takes: a measure of the rows it reads."""
    steps = 0

    def tick():
        nonlocal steps
        steps += 1
        return 0  # go on

    connection.ensure_connection()
    connection.connection.set_progress_handler(tick, 100)
    try:
        work()
    finally:
        connection.connection.set_progress_handler(None, 100)
    return steps


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's choice of index range")
def test_finding_neighbours_does_not_read_every_newer_article():
    """The older neighbour is read from the article's own time down, not from now: the work stays
    the same however many articles were published after it (from now, it read each of them)."""
    now = timezone.now()
    ArticleFactory(published_at=now - timedelta(days=900))
    article = ArticleFactory(published_at=now - timedelta(days=800))
    warning_filter = filters.WarningFilter()  # a reader who hides nothing
    ArticleFactory(published_at=now - timedelta(days=10))

    def look():
        return _sqlite_steps(lambda: selectors.article_links(article, warning_filter, []))

    before = look()
    Article.objects.bulk_create(
        Article(title=f"Later {n}", slug=f"later-{n}", status=Article.Status.PUBLISHED,
                published_at=now - timedelta(days=700 - n))
        for n in range(600)
    )
    assert selectors.article_links(article, warning_filter, [])[1].title == "Later 0"
    assert look() <= before + 5, "finding the neighbours read the articles published after it"


def test_neighbours_skip_hidden_articles(client, hidden):
    """Older and newer links skip every hidden article (draft, in review, scheduled, unpublished)."""
    now = timezone.now()
    older = ArticleFactory(title="Visible older", published_at=now - timedelta(days=3))
    article = ArticleFactory(published_at=now - timedelta(days=1))
    when = {} if "scheduled" in hidden or "published_at" in hidden else {"published_at": now - timedelta(days=2)}
    ArticleFactory(title="Hidden neighbour", **hidden, **when)
    ArticleFactory(title="Hidden later", draft=True, published_at=now)
    context = client.get(article.get_absolute_url()).context
    assert context["older_article"] == older
    assert context["newer_article"] is None
    assert "Hidden" not in page(client, article.get_absolute_url())


# Valid HTML


def test_pages_are_valid_html(client):
    """Every reader page parses without errors in a strict HTML parser and has no duplicate ids."""
    warning = ContentWarningFactory(slug="graphic-violence", label="Graphic violence")
    author = AuthorFactory(slug="leila-haddad", bio="Reports from Iraq.\n\nSecond paragraph.")
    warned = ArticleFactory(title="Warned", author=author, tags=["Iraq"], warnings=[warning], warning_note="Injuries.")
    plain = ArticleFactory(title="Plain Yazidis", author=author, tags=["Iraq", "Yazidis"], body="## Heading\n\n> Quote\n\n- item")
    ArticleFactory.create_batch(21, tags=["Iraq"])
    urls = [
        "/",
        "/?page=2",
        warned.get_absolute_url(),
        plain.get_absolute_url(),
        "/tags/",
        "/tags/iraq/",
        "/authors/leila-haddad/",
        "/search/",
        "/search/?q=Yazidis",
        "/search/?q=%21%21",
        "/search/?q=nothing-matches",
        "/preferences/",
        "/preferences/?saved=1",
        "/content-warnings/",
        "/corrections/",
        "/?hide=graphic-violence",
        "/?hide=",
        "/no-such-page/",
    ]
    client.cookies[django_settings.MASTHEAD_FILTER_COOKIE_NAME] = "death"
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert_valid_html(response.content.decode(), url)


def test_canonical_and_social_urls_agree(client):
    """Each page's canonical link and og:url are the same absolute URL."""
    article = ArticleFactory(tags=["Iraq"])
    for url in ["/", article.get_absolute_url(), "/tags/", "/tags/iraq/", article.author.get_absolute_url()]:
        html = page(client, url)
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
        assert meta_tags(html)["og:url"] == [canonical], url
        assert canonical == f"http://testserver{url}"


def test_favicon_is_served(client):
    """/favicon.ico answers a redirect (302: not a permanent one, which browsers would keep) to the static icon,
    which exists (no 404 in every browser's log)."""
    from django.contrib.staticfiles import finders

    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == "/static/favicon.ico"
    with open(finders.find("favicon.ico"), "rb") as icon:
        assert icon.read(4) == b"\x00\x00\x01\x00"  # an ICO file's header


@pytest.mark.parametrize("url", ["/", "/admin/login/"])
def test_pages_link_the_icon(client, url):
    """Reader pages and the admin name the icon in their head, so browsers need not guess."""
    html = client.get(url).content.decode()
    assert re.search(r'<link rel="icon" href="/static/favicon\.ico"', html)
