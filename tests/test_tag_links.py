"""Rare tags at flat cost (issue 18): tag links carry their article's visibility (``visible_from``, kept
by the database on every write), so a tag's page, feed and line in the tag index read the tag's own
index whether it has one article from 2009 or thirty thousand.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone
from taggit.models import Tag

from articles import selectors, workflow
from articles.models import Article, TaggedArticle
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def visible_from(article):
    return set(TaggedArticle.objects.filter(content_object=article).values_list("visible_from", flat=True))


@pytest.fixture(autouse=True)
def uncached(uncached_pages):
    """Pages rendered every time: these tests are about what the queries find."""


def test_links_follow_their_article_on_every_write(editor):
    """Tagging, publishing, unpublishing, rescheduling by update() and a raw INSERT (as the importer
    writes links) all leave each link's visible_from equal to the article's publication time while it
    is published, and empty otherwise."""
    article = ArticleFactory(title="Draft", status="draft", published_at=None, tags=["Syria"], decided=True)
    assert visible_from(article) == {None}
    article.status = "in_review"
    article.save()
    workflow.perform("publish", Article.objects.get(pk=article.pk), editor)
    published = Article.objects.get(pk=article.pk).published_at
    assert visible_from(article) == {published}
    later = published - timedelta(days=1)
    Article.objects.filter(pk=article.pk).update(published_at=later)
    assert visible_from(article) == {later}
    tag = Tag.objects.create(name="Raw", slug="raw")
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO articles_taggedarticle (tag_id, content_object_id) VALUES (%s, %s)", [tag.pk, article.pk])
    assert TaggedArticle.objects.get(tag=tag).visible_from == later
    workflow.perform("unpublish", Article.objects.get(pk=article.pk), editor, comment="Legal.")
    assert visible_from(article) == {None}


def test_a_rare_old_tag_and_a_scheduled_one(time_machine):
    """A tag whose one article is from 2009 is listed and has its page; a tag only a scheduled article
    carries has neither until the article's time comes."""
    now = timezone.now().replace(microsecond=0)
    time_machine.move_to(now, tick=False)
    ArticleFactory(title="Common", tags=["Common"], decided=True)
    ArticleFactory(title="From 2009", tags=["Rare"], decided=True, published_at=now.replace(year=2009))
    ArticleFactory(title="Embargoed", tags=["Later"], decided=True, published_at=now + timedelta(hours=1))
    assert [tag.slug for tag in selectors.visible_tags()] == ["common", "rare"]
    assert "From 2009" in Client().get("/tags/rare/").content.decode()
    assert Client().get("/tags/later/").status_code == 404
    assert Client().get("/tags/later/feed/atom/").status_code == 404
    time_machine.move_to(now + timedelta(hours=1), tick=False)
    assert [tag.slug for tag in selectors.visible_tags()] == ["common", "later", "rare"]
    assert "Embargoed" in Client().get("/tags/later/feed/atom/").content.decode()


def test_a_tag_page_lists_newest_first_across_pages():
    """The tag page's order is the publication order (newest first, then the higher id), page after page."""
    now = timezone.now()
    made = [ArticleFactory(title=f"Story {n}", tags=["Syria"], decided=True, published_at=now - timedelta(hours=n))
            for n in range(25)]
    expected = [article.pk for article in made]
    found = list(Article.objects.published().tagged(Tag.objects.get(slug="syria")).values_list("pk", flat=True))
    assert found == expected
    assert "Story 20" in Client().get("/tags/syria/?page=2").content.decode()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's plan (PostgreSQL's: bench/README.md)")
def test_tag_queries_read_the_tags_own_index():
    """The tag page and the tag index look up the tag's links in their index, never walk the archive."""
    ArticleFactory(tags=["Syria"], decided=True)
    tag = Tag.objects.get(slug="syria")
    for queryset in (Article.objects.published().tagged(tag)[:21], selectors.visible_tags()):
        sql, params = queryset.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = " ".join(str(row) for row in cursor.fetchall())
        assert "tagged_visible_idx" in plan
        assert "SCAN articles_article" not in plan
