"""Feeds (RSS 2.0 and Atom; site, tag, author), sitemap.xml and robots.txt."""

import re
from datetime import timedelta
from xml.etree import ElementTree

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from articles import sitemaps
from articles.models import Article, ContentWarning
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db

SITE_FEEDS = ["articles:feed-rss", "articles:feed-atom"]
TAG_FEEDS = ["articles:tag-feed-rss", "articles:tag-feed-atom"]
AUTHOR_FEEDS = ["articles:author-feed-rss", "articles:author-feed-atom"]
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def fetch(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response


def parse_feed(client, url):
    """The feed at ``url``, parsed; it must be well formed."""
    response = fetch(client, url)
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, (url, feed.get("bozo_exception"))
    return feed


def all_feed_urls(article):
    tag = article.tags.first().slug
    return (
        [reverse(name) for name in SITE_FEEDS]
        + [reverse(name, args=[tag]) for name in TAG_FEEDS]
        + [reverse(name, args=[article.author.slug]) for name in AUTHOR_FEEDS]
    )


@pytest.fixture
def story():
    return ArticleFactory(
        title="Ceasefire talks resume",
        standfirst="Negotiators meet again.",
        tags=["Diplomacy", "Syria"],
        author=AuthorFactory(name="Leila Haddad", slug="leila-haddad"),
    )


# Feeds


@pytest.mark.parametrize(("name", "version"), [("articles:feed-rss", "rss20"), ("articles:feed-atom", "atom10")])
def test_site_feed_is_valid_and_complete(client, story, name, version):
    """The site feeds parse cleanly as RSS 2.0 / Atom and each entry has title, link, author, date and tags."""
    feed = parse_feed(client, reverse(name))
    assert feed.version == version
    assert feed.feed.title == "Masthead: latest articles"
    (entry,) = feed.entries
    assert entry.title == "Ceasefire talks resume"
    assert entry.link == f"http://testserver{story.get_absolute_url()}"
    assert entry.author == "Leila Haddad"
    assert entry.published_parsed is not None
    assert sorted(tag.term for tag in entry.tags) == ["Diplomacy", "Syria"]
    assert entry.summary == "Negotiators meet again."


@pytest.mark.parametrize("name", TAG_FEEDS)
def test_tag_feed_has_only_that_tags_articles(client, story, name):
    """A tag's feed lists that tag's articles and no others."""
    ArticleFactory(title="Other story", tags=["Opinion"])
    feed = parse_feed(client, reverse(name, args=["syria"]))
    assert [entry.title for entry in feed.entries] == ["Ceasefire talks resume"]
    assert feed.feed.title == "Masthead: Syria"


@pytest.mark.parametrize("name", AUTHOR_FEEDS)
def test_author_feed_has_only_that_authors_articles(client, story, name):
    """An author's feed lists that author's articles and no others."""
    ArticleFactory(title="Other story")
    feed = parse_feed(client, reverse(name, args=["leila-haddad"]))
    assert [entry.title for entry in feed.entries] == ["Ceasefire talks resume"]
    assert feed.feed.title == "Masthead: articles by Leila Haddad"


def test_feed_lists_newest_first(client):
    """Feed entries come newest first."""
    now = timezone.now()
    ArticleFactory(title="Older", published_at=now - timedelta(days=2))
    ArticleFactory(title="Newer", published_at=now - timedelta(hours=1))
    assert [e.title for e in parse_feed(client, reverse("articles:feed-rss")).entries] == ["Newer", "Older"]


def test_hidden_articles_are_in_no_feed(client, hidden):
    """Draft, in-review and scheduled articles appear in no feed, and their words nowhere in one."""
    author = AuthorFactory(slug="leila-haddad")
    ArticleFactory(title="Visible story", tags=["Syria"], author=author)
    hidden_article = ArticleFactory(title="Zygomorphic story", standfirst="Zygomorphic.", tags=["Syria"], author=author, **hidden)
    for url in all_feed_urls(hidden_article):
        feed = parse_feed(client, url)
        assert [entry.title for entry in feed.entries] == ["Visible story"], url
        assert b"Zygomorphic" not in fetch(client, url).content


def test_tag_and_author_with_only_hidden_articles_have_no_feed(client, hidden):
    """A tag or author whose articles are all hidden has no feed (its name is not revealed)."""
    article = ArticleFactory(tags=["Secret"], **hidden)
    for name in TAG_FEEDS:
        fetch(client, reverse(name, args=["secret"]), status=404)
    for name in AUTHOR_FEEDS:
        fetch(client, reverse(name, args=[article.author.slug]), status=404)


def test_unknown_tag_and_author_feeds_are_404(client):
    """Feeds of tags and authors that do not exist are not found."""
    fetch(client, reverse("articles:tag-feed-rss", args=["nothing"]), status=404)
    fetch(client, reverse("articles:author-feed-atom", args=["nobody"]), status=404)


@pytest.mark.parametrize("name", SITE_FEEDS)
def test_warned_entry_gives_the_warning_not_the_text(client, name):
    """A warned article's entry starts with its warning and carries none of its text."""
    warning = ContentWarning.objects.get(slug="graphic-violence")
    ArticleFactory(
        standfirst="Distressing standfirst.",
        body="Distressing body.",
        warning_note="Graphic descriptions of injuries.",
        warnings=[warning],
    )
    (entry,) = parse_feed(client, reverse(name)).entries
    assert entry.summary.startswith("Content warning: Graphic violence.")
    assert "Graphic descriptions of injuries." in entry.summary
    assert b"Distressing" not in fetch(client, reverse(name)).content


@pytest.mark.parametrize("name", SITE_FEEDS)
def test_feed_text_is_escaped(client, name):
    """Markup in a standfirst reaches feed readers as text, not as HTML."""
    ArticleFactory(title="<b>Bold</b> title", standfirst="<script>alert(1)</script>")
    (entry,) = parse_feed(client, reverse(name)).entries
    assert "<script" not in entry.summary
    assert "&lt;script&gt;" in entry.summary


def test_pages_advertise_their_feeds(client, story):
    """Every page links the site feeds in <head>; tag and author pages also link their own."""
    feeds = re.compile(r'<link rel="alternate" type="application/(?:rss|atom)\+xml" title="[^"]*" href="([^"]+)">')
    home = feeds.findall(fetch(client, "/").content.decode())
    assert home == ["/feeds/rss/", "/feeds/atom/"]
    tag = feeds.findall(fetch(client, "/tags/syria/").content.decode())
    assert tag == ["/feeds/rss/", "/feeds/atom/", "/tags/syria/feed/rss/", "/tags/syria/feed/atom/"]
    author = feeds.findall(fetch(client, story.author.get_absolute_url()).content.decode())
    assert author[2:] == ["/authors/leila-haddad/feed/rss/", "/authors/leila-haddad/feed/atom/"]
    assert 'href="/feeds/rss/"' in fetch(client, story.get_absolute_url()).content.decode()


def test_tag_page_links_its_feed_visibly(client, story):
    """A tag page offers a visible link to its feed."""
    html = fetch(client, "/tags/syria/").content.decode()
    assert '<a href="/tags/syria/feed/rss/">RSS' in html


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/feeds/rss/", 3),
        ("/feeds/atom/", 3),
        ("/tags/syria/feed/rss/", 4),
        ("/authors/leila-haddad/feed/atom/", 4),
    ],
)
@pytest.mark.usefixtures("uncached_pages")
def test_feeds_run_a_fixed_number_of_queries(client, django_assert_num_queries, url, queries):
    """A feed runs the same few queries for 3 entries as for 12 (object, items, tags, warnings)."""
    author = AuthorFactory(slug="leila-haddad")
    warning = ContentWarning.objects.get(slug="death")
    ArticleFactory.create_batch(3, author=author, tags=["Syria", "Iraq"], warnings=[warning])
    with django_assert_num_queries(queries):
        fetch(client, url)
    ArticleFactory.create_batch(9, author=author, tags=["Syria", "Iraq"], warnings=[warning])
    with django_assert_num_queries(queries):
        fetch(client, url)


# Sitemap


def sitemap_entries(client):
    """Every <url> of every section the sitemap index lists, with its lastmod."""
    index = fetch(client, reverse("sitemap"))
    assert index["Content-Type"].startswith("application/xml")
    sections = [loc.text for loc in ElementTree.fromstring(index.content).findall("s:sitemap/s:loc", SITEMAP_NS)]
    entries = {}
    for section in sections:
        response = fetch(client, section.removeprefix("http://testserver"))
        assert response["Content-Type"].startswith("application/xml")
        for url in ElementTree.fromstring(response.content).findall("s:url", SITEMAP_NS):
            entries[url.findtext("s:loc", namespaces=SITEMAP_NS)] = url.findtext("s:lastmod", namespaces=SITEMAP_NS)
    return entries


def test_sitemap_lists_pages_articles_tags_and_authors(client, story):
    """The sitemap lists home, the tag, warning and corrections pages, each visible article, tag and author, with lastmod."""
    entries = sitemap_entries(client)
    base = "http://testserver"
    assert set(entries) == {
        f"{base}/",
        f"{base}/tags/",
        f"{base}/content-warnings/",
        f"{base}/corrections/",
        f"{base}{story.get_absolute_url()}",
        f"{base}/tags/diplomacy/",
        f"{base}/tags/syria/",
        f"{base}/authors/leila-haddad/",
    }
    assert entries[f"{base}{story.get_absolute_url()}"]
    assert entries[f"{base}/tags/syria/"] == timezone.localtime(story.published_at).date().isoformat()


def test_sitemap_leaves_out_hidden_articles_and_their_tags_and_authors(client, hidden):
    """Hidden articles, and tags and authors with only hidden articles, are not in the sitemap."""
    ArticleFactory(tags=["Shown"])
    article = ArticleFactory(tags=["Secret"], **hidden)
    urls = " ".join(sitemap_entries(client))
    assert article.get_absolute_url() not in urls
    assert "/tags/secret/" not in urls
    assert article.author.get_absolute_url() not in urls
    assert "/tags/shown/" in urls


@pytest.mark.usefixtures("uncached_pages")
def test_sitemap_index_and_sections_run_a_fixed_number_of_queries(client, django_assert_num_queries):
    """The index runs one query (the highest article id); each section two, however much there is."""
    ArticleFactory.create_batch(3, tags=["Syria", "Iraq"])

    def sections():
        with django_assert_num_queries(1):
            index = fetch(client, reverse("sitemap"))
        return [loc.text for loc in ElementTree.fromstring(index.content).findall("s:sitemap/s:loc", SITEMAP_NS)]

    def top_block():
        return max(Article.objects.values_list("pk", flat=True)) // sitemaps.ARTICLE_CHUNK

    before, top = sections(), top_block()
    ArticleFactory.create_batch(9, tags=["Syria", "Yemen"])
    # The same sections, and one more per block the new ids reached (on PostgreSQL ids go on from earlier
    # tests, so nine more may cross into the next block).
    assert sections() == before + [f"http://testserver/sitemap-{sitemaps.ARTICLES_PREFIX}{block}.xml"
                                   for block in range(top + 1, top_block() + 1)]
    blocks = {pk // sitemaps.ARTICLE_CHUNK for pk in Article.objects.values_list("pk", flat=True)}

    def expected(url):
        """Its items and the paginator's count of them; only the count for a block with no article (on
        PostgreSQL ids go on from earlier tests, so the first blocks may be empty)."""
        if url.endswith("pages.xml"):
            return 0
        block = url.rpartition(sitemaps.ARTICLES_PREFIX)[2].removesuffix(".xml")
        return 1 if block.isdigit() and int(block) not in blocks else 2

    for url in before:
        with django_assert_num_queries(expected(url)):
            fetch(client, url.removeprefix("http://testserver"))


def test_sitemap_splits_articles_into_blocks_of_ids(client, settings):
    """Articles are listed in sections of ARTICLE_CHUNK ids; the index names each block up to the newest."""
    from articles import sitemaps

    first = ArticleFactory()
    last = ArticleFactory()
    Article.objects.filter(pk=last.pk).update(id=first.pk + 2 * sitemaps.ARTICLE_CHUNK + 5)
    index = fetch(client, reverse("sitemap")).content.decode()
    for block in range(first.pk // sitemaps.ARTICLE_CHUNK, first.pk // sitemaps.ARTICLE_CHUNK + 3):
        assert f"/sitemap-articles-{block}.xml" in index
    assert f"/sitemap-articles-{first.pk // sitemaps.ARTICLE_CHUNK + 3}.xml" not in index
    assert first.get_absolute_url() in " ".join(sitemap_entries(client))
    assert last.get_absolute_url() in " ".join(sitemap_entries(client))
    assert fetch(client, "/sitemap-nonsense.xml", status=404)


# robots.txt


def test_robots_txt(client):
    """robots.txt allows crawling except admin and previews, and points at the sitemap."""
    response = fetch(client, "/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Disallow: /preview/" in lines
    assert "Disallow: /" not in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
