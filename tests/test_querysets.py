"""The one visibility rule, ``Article.objects.published()``, as a truth table."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import IntegrityError, connection, transaction

from articles.models import Article, ArticleQuerySet
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
WHEN = {"past": NOW - timedelta(days=1), "now": NOW, "future": NOW + timedelta(minutes=1), "no date": None}


@pytest.mark.parametrize("when", list(WHEN))
@pytest.mark.parametrize("status", ["draft", "in_review", "published"])
def test_published_truth_table(time_machine, status, when):
    """Readers see an article only when it is published and its publication time has come (now included)."""
    time_machine.move_to(NOW, tick=False)
    if status == "published" and when == "no date":
        with pytest.raises(IntegrityError), transaction.atomic():  # the database refuses it outright
            ArticleFactory(status=status, published_at=None)
        return
    article = ArticleFactory(status=status, published_at=WHEN[when])
    visible = status == "published" and when in ("past", "now")
    assert Article.objects.published().filter(pk=article.pk).exists() is visible
    assert published_by_sql(article) is visible
    assert Article.objects.scheduled().filter(pk=article.pk).exists() is (status == "published" and when == "future")


def published_by_sql(article):
    """Whether the rule's spelling for hand-written SQL (``ArticleQuerySet.published_sql``) passes ``article`` now."""
    condition, params = ArticleQuerySet.published_sql("a", connection.ops.adapt_datetimefield_value(NOW))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT a.id FROM {Article._meta.db_table} a WHERE a.id = %s AND {condition}", [article.pk, *params])
        return cursor.fetchone() is not None
