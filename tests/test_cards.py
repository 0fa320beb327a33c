"""Cards and related entries built in Python (articles/cards.py) are byte for byte what
templates/includes/article_card.html and related_item.html render, for every kind; and lists read
their rows in flat queries (articles/listing.py) that give what ``for_listing``'s prefetches gave."""

from datetime import timedelta

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import listing, pagereads
from articles.cards import card_html, related_html
from articles.models import Article, ContentWarning
from tests import pictures
from tests.factories import ArticleFactory, AuthorFactory, ContentWarningFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def kinds(graphic):
    """One article of each kind a card shows differently."""
    picture = pictures.stored(title="Crossing", alt_text="Families <at> the \"crossing\"")
    shocking = pictures.stored(title="Aftermath", graphic=True)
    second = ContentWarningFactory(slug="a-first", label="A first & <worst>")
    writer = AuthorFactory(name="Ruth <O'Neill> & co", slug="ruth")
    made = [
        ArticleFactory(title="Plain <b>title</b> & more", author=writer, tags=["Syria", "Q&A <x>"]),
        ArticleFactory(title="Pictured", featured_image=picture, standfirst="With a \"picture\" & text."),
        ArticleFactory(title="Graphic picture", featured_image=shocking),
        ArticleFactory(title="Warned", featured_image=picture, warnings=[graphic, second], tags=["Gaza"]),
        ArticleFactory(title="No byline", author=None, standfirst=""),
        ArticleFactory(title="Draft, no date", author=None, published_at=None, draft=True, standfirst=""),
        ArticleFactory(title="Old", published_at=timezone.now() - timedelta(days=3000)),
    ]
    return [article.pk for article in made]


def loaded(pks):
    rows = list(Article.objects.filter(pk__in=pks).select_related("author", "featured_image").order_by("pk"))
    listing.load(rows)
    return rows


@pytest.mark.parametrize("heading_level", [None, 2, 3])
@pytest.mark.parametrize("snippet", [None, "a <mark>snippet</mark>"])
def test_a_card_built_in_python_is_the_templates_card(kinds, heading_level, snippet):
    """Every kind of card (warned, pictured, graphic picture, no byline, no date, escaped text), at each
    heading level, with and without a search snippet, is the template's card byte for byte."""
    from django.utils.safestring import mark_safe

    snippet = mark_safe(snippet) if snippet else None
    for article in loaded(kinds):
        context = {"article": article, "heading_level": heading_level, "snippet": snippet}
        assert card_html(article, heading_level, snippet) == render_to_string("includes/article_card.html", context)


def test_flat_loading_gives_what_the_prefetches_gave(kinds):
    """Tags by name, warnings by label and the featured image's renditions, as ``for_listing`` reads them,
    in one query each, and nothing more read when the lists are read and the cards and entries built."""
    prefetched = {article.pk: article for article in Article.objects.filter(pk__in=kinds).for_listing()}
    with CaptureQueriesContext(connection) as queries:
        rows = loaded(kinds)
    assert len(queries) == 4  # the rows, tags, warnings, renditions
    with CaptureQueriesContext(connection) as queries:
        for article in rows:
            old = prefetched[article.pk]
            assert [tag.pk for tag in article.tag_list] == [tag.pk for tag in old.tag_list]
            assert article.warning_list == list(old.warnings.all())
            if article.featured_image_id:
                assert article.featured_image.rendition_list == list(old.featured_image.renditions.all())
            card_html(article)
            related_html(article, article.warning_list)
    assert len(queries) == 0


def test_cards_read_in_one_statement_are_the_prefetched_cards(kinds):
    """``pagereads.card_rows`` reads the visible articles of a list in one query, with the tags, warnings
    and renditions ``for_listing`` prefetches (as ``tag_list``, ``warning_list`` and ``rendition_list``),
    and their cards are the same byte for byte."""
    visible = set(Article.objects.published().filter(pk__in=kinds).values_list("pk", flat=True))
    prefetched = {article.pk: article for article in Article.objects.filter(pk__in=visible).for_listing()}
    with CaptureQueriesContext(connection) as queries:
        rows = pagereads.card_rows(kinds)
    assert len(queries) == 1
    assert {article.pk for article in rows} == visible and len(visible) > 3
    with CaptureQueriesContext(connection) as queries:
        for article in rows:
            old = prefetched[article.pk]
            assert card_html(article) == card_html(old) and card_html(article, 3) == card_html(old, 3)
            assert [tag.pk for tag in article.tag_list] == [tag.pk for tag in old.tag_list]
            assert article.warning_list == list(old.warnings.all()) == old.warning_list
            if article.featured_image_id:
                assert article.featured_image.rendition_list == list(old.featured_image.renditions.all())
    assert len(queries) == 0


def test_a_loaded_relation_still_filters_its_own_rows(kinds, graphic):
    """What listing.load sets is the list readers read, not the relation: filtering the relation reads only
    that article's rows."""
    rows = loaded(kinds)
    warned = next(article for article in rows if article.title == "Warned")
    plain = next(article for article in rows if article.title == "Pictured")
    assert list(plain.warnings.filter(slug=graphic.slug)) == []
    assert list(warned.warnings.filter(slug=graphic.slug)) == [graphic]


def test_a_related_entry_built_in_python_is_the_templates_entry(kinds):
    """Every kind of related entry (warned, undated, escaped title) is the template's entry byte for byte."""
    for article in loaded(kinds):
        expected = render_to_string("includes/related_item.html", {"other": article})
        assert related_html(article, article.warning_list) == expected


def test_a_pictures_address_follows_the_media_settings(kinds, settings):
    """Picture addresses are remembered per file, but not across a change of where media are served."""
    pictured = next(article for article in loaded(kinds) if article.title == "Pictured")
    assert 'src="/media/' in card_html(pictured)
    settings.MEDIA_URL = "/elsewhere/"
    html = card_html(pictured)
    assert 'src="/elsewhere/' in html and "/media/" not in html


def test_only_the_lists_readers_read_are_set():
    """``set_loaded`` sets a list readers read (``tag_list``, ``warning_list``, ``rendition_list``) and refuses
    any other name."""
    article = Article(title="Unsaved")
    listing.set_loaded(article, "warning_list", [])
    assert article.warning_list == []
    with pytest.raises(ValueError):
        listing.set_loaded(article, "warnings", [])


def test_refreshing_an_article_forgets_the_lists_read_with_it(kinds):
    """``warning_list`` and ``tag_list`` are read once per instance; reading the row again reads them again (a
    warning decided since is not left out of what a card or a link preview shows)."""
    article = Article.objects.get(pk=pagereads.card_rows(kinds)[0].pk)
    assert article.warning_list == list(article.warnings.all())
    article.warnings.add(ContentWarning.objects.create(label="Invented for the test", slug="invented"))
    article.refresh_from_db()
    assert "invented" in [warning.slug for warning in article.warning_list]
