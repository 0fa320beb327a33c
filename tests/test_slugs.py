"""Every tag and author gets a non-empty slug that a URL takes, whatever script its name is in."""

from io import StringIO
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article, Author
from articles.slugs import author_slug, slug_for
from tests.factories import ArticleFactory

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.mark.parametrize(
    ("name", "slug"),
    [("🔥", "u1f525"), ("…", "u2026"), ("?", "u3f"), (">", "u3e"), ("? !", "u3f-u21"), ("Côte d’Ivoire", "côte-divoire"),
     ("Syria", "syria"), ("", "untitled")],
)
def test_slug_for_is_never_empty(name, slug):
    """Letters of any script are kept; a name without any is spelled by its code points."""
    assert slug_for(name) == slug


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Tom Coburg", "tom-coburg"), ("Zoë Smith", "zoe-smith"), ("أحمد الكردي", "أحمد-الكردي"),
     ("Ахмед Smith", "ахмед-smith"), ("✍️", "u270d-ufe0f")],
)
def test_author_slug_keeps_latin_bylines_ascii(name, slug):
    """Latin bylines keep the ASCII slugs they always had; others keep their own letters."""
    assert author_slug(name) == slug


def public_pages(client, article):
    """Every public page that shows ``article``, its tags or its author, with the sitemap's sections."""
    urls = ["/", "/tags/", article.get_absolute_url(), article.author.get_absolute_url(), "/search/?q=Kobani",
            "/feeds/rss/", f"{article.author.get_absolute_url()}feed/rss/", "/sitemap.xml"]
    urls += [reverse("articles:tag-detail", args=[tag.slug]) for tag in article.tag_list]
    index = client.get("/sitemap.xml")
    urls += [loc.text.removeprefix("http://testserver") for loc in ElementTree.fromstring(index.content).findall("s:sitemap/s:loc", SITEMAP_NS)]
    return urls


@pytest.mark.django_db
def test_live_article_with_letterless_tags_breaks_no_page():
    """Tags named "?", "…", "🔥" and ">" on a live article: every public page answers 200, tag pages included."""
    article = ArticleFactory(title="Kobani after the siege", tags=["?", "…", "🔥", ">"], decided=True)
    slugs = sorted(Tag.objects.values_list("slug", flat=True))
    assert slugs == sorted(["u3f", "u2026", "u1f525", "u3e"])
    client = Client()
    for url in public_pages(client, Article.objects.get(pk=article.pk)):
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_writer_creates_letterless_tags_in_the_admin(writer):
    """A writer's draft tagged "🔥, ?" through the admin form gets tags with working slugs."""
    client = Client()
    client.force_login(writer)
    response = client.post("/admin/articles/article/add/", {
        "title": "Fire season", "slug": "fire-season", "author": writer.author_profile.pk,
        "published_at_0": "", "published_at_1": "", "standfirst": "", "body": "Text.", "image_credit": "",
        "tags": "🔥, ?", "warning_note": "",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    assert sorted(Article.objects.get(slug="fire-season").tags.values_list("slug", flat=True)) == ["u1f525", "u3f"]


@pytest.mark.django_db
def test_byline_without_latin_letters(monkeypatch):
    """create_member with an Arabic byline gives the author an Arabic slug; once their article is live,
    home, the article, their page, search and the sitemap all answer 200."""
    monkeypatch.setenv("MASTHEAD_MEMBER_PASSWORD", "a-long-password-123")
    call_command("create_member", "reporter@example.org", "--role", "writer", "--name", "أحمد الكردي", stdout=StringIO())
    author = Author.objects.get()
    assert author.slug == "أحمد-الكردي"
    article = ArticleFactory(title="Kobani after the siege", author=author, tags=["Syria"], decided=True)
    client = Client()
    for url in public_pages(client, Article.objects.get(pk=article.pk)):
        assert client.get(url).status_code == 200, url
    assert "أحمد الكردي" in client.get(author.get_absolute_url()).content.decode()
