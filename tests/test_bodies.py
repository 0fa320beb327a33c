"""An article body's sanitised HTML kept on its row (articles/bodies.py): a page uses it instead of
rendering the Markdown again, only while its seal holds for that body under today's rendering rules;
what is kept is the sanitiser's output; an edit, a write past ``save()``, a change of the rules or a
forged row is never served from it. Pages here are rendered with nothing else kept (page cache and
fragments off): a crawler's first visit."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from articles import bodies, rendering
from articles.ingest import Importer, Outcome
from articles.models import Article
from tests import pictures
from tests.conftest import SEED_000
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

BODY = "A *stressed* word.\n\n<script>alert(1)</script> and [a link](javascript:alert(2)).\n\nLast paragraph."


@pytest.fixture(autouse=True)
def cold(settings, tmp_path):
    settings.MASTHEAD_PAGE_CACHE = False
    settings.MASTHEAD_FRAGMENT_CACHE = False
    settings.MEDIA_ROOT = tmp_path / "media"


def page(article):
    response = Client().get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def fail_if_rendered(monkeypatch):
    def rendered(source):
        raise AssertionError("the body was rendered again")

    monkeypatch.setattr(rendering, "sanitised_html", rendered)


def test_a_saved_body_keeps_only_the_sanitisers_html():
    """Saving keeps the body's sanitised HTML: no script, no javascript: link, the raw HTML as text."""
    article = ArticleFactory(body=BODY)
    article.refresh_from_db()
    assert article.body_html == rendering.sanitised_html(BODY)
    assert "<em>stressed</em>" in article.body_html
    assert "<script" not in article.body_html and 'href="javascript' not in article.body_html
    assert "&lt;script&gt;" in article.body_html
    assert bodies.usable(article.body, article.body_html, article.body_html_seal)


def test_a_page_uses_the_kept_html_without_rendering_the_markdown(monkeypatch):
    """A cold render of an article with its HTML kept parses no Markdown, and shows the same body."""
    article = ArticleFactory(body=BODY)
    before = page(article)
    fail_if_rendered(monkeypatch)
    assert page(article) == before
    assert "<em>stressed</em>" in before


def test_an_edited_body_is_on_the_next_cold_render(monkeypatch):
    """An edit saved through the model is on the next render, and is itself kept (not rendered again)."""
    article = ArticleFactory(body="The old text.")
    assert "The old text." in page(article)
    article.body = "The *new* text."
    article.save(update_fields=["body"])
    fail_if_rendered(monkeypatch)
    html = page(article)
    assert "The <em>new</em> text." in html and "The old text." not in html


def test_a_body_written_past_save_is_rendered_not_its_old_html():
    """A body written by ``update()`` (no HTML kept with it) shows the new text: the old seal does not hold."""
    article = ArticleFactory(body="The old text.")
    Article.objects.filter(pk=article.pk).update(body="The *changed* text.")
    html = page(article)
    assert "The <em>changed</em> text." in html and "The old text." not in html


def test_a_change_of_the_rendering_rules_does_not_serve_html_kept_under_the_old_ones(monkeypatch):
    """With the rules changed (here: emphasis no longer allowed) the kept HTML is not used; while the
    fingerprint is unchanged it would be."""
    article = ArticleFactory(body="A *stressed* word.")
    monkeypatch.setattr(rendering, "ALLOWED_TAGS", rendering.ALLOWED_TAGS - {"em"})
    assert "<em>stressed</em>" in page(article)  # the same fingerprint: the kept HTML stands
    monkeypatch.setattr(rendering, "RULES", "rules of another version")
    html = page(article)
    assert "<em>" not in html and "A stressed word." in html


def test_the_rules_fingerprint_follows_the_rendering_module(monkeypatch):
    """Any change to articles/rendering.py's source gives another fingerprint."""
    today = rendering._rules_fingerprint()
    assert today == rendering.RULES
    source = rendering.Path(rendering.__file__).read_bytes()
    monkeypatch.setattr(rendering.Path, "read_bytes", lambda self: source.replace(b'"strong"', b'"strong", "img"'))
    assert rendering._rules_fingerprint() != today


@pytest.mark.parametrize("forged", [
    {"body_html": "<p><script>alert(1)</script></p>"},  # the HTML changed, the seal kept
    {"body_html": "<p><script>alert(1)</script></p>", "body_html_seal": "0" * 64},
])
def test_html_the_sanitiser_did_not_make_for_this_body_is_never_served(forged):
    """A row whose kept HTML or seal was written by anything else shows the body rendered now."""
    article = ArticleFactory(body="Plain words.")
    Article.objects.filter(pk=article.pk).update(**forged)
    html = page(article)
    assert "<script>alert(1)</script>" not in html and "Plain words." in html


def test_a_seal_made_with_another_secret_key_does_not_hold(settings):
    """The seal is keyed on the site's secret: a row sealed elsewhere is rendered again."""
    article = ArticleFactory(body="Plain words.")
    article.refresh_from_db()
    settings.SECRET_KEY = "another-secret-key-" + "x" * 40
    assert not bodies.usable(article.body, article.body_html, article.body_html_seal)


def test_placed_pictures_come_from_the_library_at_render_time():
    """The kept HTML holds no figure, only where one goes: a caption changed in the library is on the next render."""
    image = pictures.stored(title="Crossing", caption="Families at the crossing")
    article = ArticleFactory(body=f"Before.\n\n![note](image:{image.pk})\n\nAfter.")
    article.refresh_from_db()
    assert "<figure" not in article.body_html
    assert "Families at the crossing" in page(article)
    image.caption = "Families at the northern crossing"
    image.save()
    assert "Families at the northern crossing" in page(article)


def test_keep_rendered_bodies_fills_rows_without_kept_html(monkeypatch):
    """Rows loaded in bulk (no HTML kept) get theirs from the command; a second run keeps none."""
    Article.objects.bulk_create([Article(title=f"Bulk {n}", slug=f"bulk-{n}", body=f"Body *{n}*.") for n in range(3)])
    out = StringIO()
    call_command("keep_rendered_bodies", stdout=out)
    assert out.getvalue().strip() == "3 of 3 article bodies kept"
    for article in Article.objects.filter(slug__startswith="bulk-"):
        assert bodies.usable(article.body, article.body_html, article.body_html_seal)
    call_command("keep_rendered_bodies", stdout=(again := StringIO()))
    assert again.getvalue().strip() == "0 of 3 article bodies kept"


def test_an_imported_article_keeps_no_html_and_its_page_renders_the_body():
    """The importer writes the body past ``save()`` and keeps no HTML beside it (a bulk load: the import
    rate would pay for it); its page renders the body, and keep_rendered_bodies keeps it later."""
    result = Importer().import_path(SEED_000)
    assert result.outcome is Outcome.CREATED
    article = Article.objects.get(source_name=result.name)
    assert article.body and not bodies.usable(article.body, article.body_html, article.body_html_seal)
    assert bodies.sanitised_html(article) == rendering.sanitised_html(article.body)
    call_command("keep_rendered_bodies", stdout=StringIO())
    article.refresh_from_db()
    assert bodies.usable(article.body, article.body_html, article.body_html_seal)
