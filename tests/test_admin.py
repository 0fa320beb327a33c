"""The editors' admin: lists, filters, search, change forms and import reasons render for a superuser."""

import pytest
from django.urls import reverse

from articles.models import Article, Author, ContentWarning, Topic
from tests.factories import ArticleFactory, ContentWarningFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-password-123")
    client.force_login(user)
    return client


@pytest.fixture
def articles():
    warning = ContentWarningFactory(slug="graphic-violence", label="Graphic violence")
    live = ArticleFactory(title="Live story", tags=["Analysis"], warnings=[warning])
    held = ArticleFactory(
        title="Held story", in_review=True, published_at=None, review_reasons=["no publication date found"]
    )
    return live, held


@pytest.mark.parametrize(
    "query",
    ["", "?status__exact=in_review", "?tags__id__exact=1", "?warnings__id__exact=1", "?q=Held", "?o=4"],
    ids=["plain", "status", "tag", "warning", "search", "order"],
)
def test_article_changelist_renders(editor_client, articles, query):
    """The article list renders with its filters, search and ordering."""
    response = editor_client.get(reverse("admin:articles_article_changelist") + query)
    assert response.status_code == 200


def test_changelist_columns(editor_client, articles):
    """The list shows status, warnings, tags and import reasons."""
    html = editor_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "Graphic violence" in html and "Analysis" in html
    assert "In review" in html and "no publication date found" in html


def test_status_filter_narrows_the_list(editor_client, articles):
    """Filtering by status lists only those articles."""
    response = editor_client.get(reverse("admin:articles_article_changelist") + "?status__exact=in_review")
    assert list(response.context["cl"].result_list) == [articles[1]]


def test_search_on_body(editor_client, articles):
    """Search looks in the body too."""
    ArticleFactory(title="Other", body="Something about Kobane.")
    response = editor_client.get(reverse("admin:articles_article_changelist") + "?q=Kobane")
    assert [a.title for a in response.context["cl"].result_list] == ["Other"]


def test_change_form_shows_import_reasons_and_read_only_status(editor_client, articles):
    """The change form shows why the importer held the article, and status cannot be edited."""
    held = articles[1]
    response = editor_client.get(reverse("admin:articles_article_change", args=[held.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<li>no publication date found</li>" in html
    # at the top too, in the workflow box where publishing is decided, before the form's fields
    assert html.index("The importer held it for review: check this before publishing.") < html.index('name="title"')
    assert 'name="status"' not in html
    assert 'name="tags"' in html and 'name="warnings"' in html


def test_editor_can_edit_tags_and_warnings(editor_client, articles):
    """Saving a draft's form updates tags and content warnings; status stays as it was."""
    live = ArticleFactory(title="A draft", draft=True, tags=["Analysis"])
    death = ContentWarningFactory(slug="death", label="Death")
    url = reverse("admin:articles_article_change", args=[live.pk])
    response = editor_client.post(
        url,
        {
            "title": live.title,
            "slug": live.slug,
            "author": live.author_id,
            "published_at_0": "2024-01-02",
            "published_at_1": "10:00:00",
            "standfirst": "",
            "body": "Text.",
            "image_credit": "",
            "tags": "Syria, Analysis",
            "warnings": [death.pk],
            "warning_note": "",
            "edit_version": live.version,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    live.refresh_from_db()
    assert sorted(live.tags.names()) == ["Analysis", "Syria"]
    assert list(live.warnings.all()) == [death]
    assert live.status == Article.Status.DRAFT


def test_hostile_reason_is_escaped(editor_client):
    """Import reasons are shown as text, never as markup."""
    article = ArticleFactory(in_review=True, review_reasons=["<script>alert(1)</script>"])
    html = editor_client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("model", [Author, ContentWarning, Topic])
def test_other_admins_render(editor_client, model):
    """Authors and both vocabularies have working lists and add forms."""
    opts = model._meta
    assert editor_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")).status_code == 200
    assert editor_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 200


def test_starter_vocabularies_exist():
    """The data migration ships the starter warnings and topics."""
    slugs = set(ContentWarning.objects.values_list("slug", flat=True))
    assert {
        "graphic-violence", "death", "sexual-violence", "war-and-conflict", "torture", "self-harm-and-suicide", "abuse",
    } <= slugs
    assert "ISIS" in Topic.objects.get(name="Daesh").terms


@pytest.mark.parametrize("model, title", [
    ("article", "Articles"), ("image", "Pictures"), ("author", "Authors"), ("contentwarning", "Content warnings"),
    ("correction", "Corrections"), ("decision", "Record of decisions"), ("reviewqueue", "Review queue"),
])
def test_lists_have_plain_titles(editor_client, model, title):
    """Each list is titled by what it lists ("Pictures"), never Django's "Select image to change"."""
    html = reverse(f"admin:articles_{model}_changelist")
    html = editor_client.get(html).content.decode()
    assert f"<h1>{title}</h1>" in html and f"<title>{title} |" in html
    assert "to change" not in html and "to view" not in html


def test_a_writers_list_of_pictures_is_plainly_titled(client, writer):
    """A writer's lists read the same ("Articles", "Pictures"), not "Select image to change"."""
    client.force_login(writer)
    for model, title in [("article", "Articles"), ("image", "Pictures")]:
        html = client.get(reverse(f"admin:articles_{model}_changelist")).content.decode()
        assert f"<h1>{title}</h1>" in html and "Select " not in html


def test_the_library_says_picture_everywhere(editor_client):
    """The library is named as the desk names it, not by its model ("Image"): in the sidebar, the add button
    and the add page's title."""
    html = editor_client.get(reverse("admin:articles_image_changelist")).content.decode()
    assert ">Pictures</a>" in html and "Add picture" in html
    assert ">Images</a>" not in html and "Add image" not in html
    html = editor_client.get(reverse("admin:articles_image_add")).content.decode()
    assert "<h1>New picture</h1>" in html and "<title>New picture |" in html


def test_forms_are_titled_by_what_they_are_for(client, writer):
    """"New article" to write one, "Edit article" for one she may change, "Article (read only)" for one she
    may only read (sent for review), never Django's "Add", "Change" and "View"."""
    client.force_login(writer)
    assert "<h1>New article</h1>" in client.get(reverse("admin:articles_article_add")).content.decode()
    article = ArticleFactory(created_by=writer, author=None, status="draft")
    html = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "<h1>Edit article</h1>" in html and "Change article" not in html
    Article.objects.filter(pk=article.pk).update(status="in_review")
    html = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "<h1>Article (read only)</h1>" in html and "View article" not in html
