"""Kept fragments (articles/fragments.py, articles/parts.py): an article's own part of its page, its
entry in other articles' related lists and its card are rendered once and used again by later renders, and any change to what they show, once
committed, is on the next render. The page cache is off here, so every request renders its page:
only fragments are kept.

The archive, newest first: W (Sudan), C (Syria), V (untagged), B (Syria, by Ruth, warned graphic), A (Syria, by
Ruth, featured picture P, placed again in its body), an untagged article and an older Syria one (A's
earlier coverage; C's is B, A and it).
"""

from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from articles import workflow
from articles.models import Article, Author
from tests import pictures
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments_only(settings, tmp_path):
    settings.MASTHEAD_PAGE_CACHE = False
    settings.MASTHEAD_FRAGMENT_CACHE = True
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def archive(graphic):
    now = timezone.now()
    ruth = AuthorFactory(name="Reporter Ruth", slug="ruth")
    picture = pictures.stored(title="The crossing", caption="Families at the crossing")
    a = ArticleFactory(title="Shelling near the river", slug="a", author=ruth, tags=["Syria"], decided=True,
                       published_at=now - timedelta(days=2), featured_image=picture,
                       body=f"The first paragraph.\n\n![](image:{picture.pk})\n\nThe last paragraph.")
    b = ArticleFactory(title="Aftermath in the square", slug="b", author=ruth, tags=["Syria"], warnings=[graphic],
                       published_at=now - timedelta(days=1), warnings_decided_at=now)
    ArticleFactory(title="Older Syria story", slug="z", tags=["Syria"], decided=True, published_at=now - timedelta(days=30))
    ArticleFactory(title="Untagged story", slug="y", decided=True, published_at=now - timedelta(days=20))
    ArticleFactory(title="Another untagged story", slug="v", decided=True, published_at=now - timedelta(hours=18))
    ArticleFactory(title="Newest Syria story", slug="c", tags=["Syria"], decided=True, published_at=now - timedelta(hours=12))
    ArticleFactory(title="Newest story", slug="w", tags=["Sudan"], decided=True, published_at=now - timedelta(hours=1))
    return {"A": a, "B": b, "P": picture}


def render(url):
    """The page's HTML and the number of queries its render ran."""
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def warm(*urls):
    """Render each page twice; the second render uses what the first kept (it runs fewer queries)."""
    for url in urls:
        first, cold = render(url)
        second, warm = render(url)
        assert second == first
        assert warm < cold, url


def edit_a(archive, editor):
    content = workflow.content_of(archive["A"]).replace(title="Shelling near the old bridge",
                                                       body=archive["A"].body.replace("first", "opening"))
    workflow.approve_revision(workflow.propose_revision(archive["A"], editor, content), editor)


def rename_tag(archive, editor):
    tag = Tag.objects.get(name="Syria")
    tag.name = "Syria (civil war)"
    tag.save()


def rename_author(archive, editor):
    author = Author.objects.get(slug="ruth")
    author.name = "Ruth Reporter-Smith"
    author.save()


def recaption(archive, editor):
    archive["P"].caption = "Families at the northern crossing"
    archive["P"].save()


def relabel(archive, editor):
    warning = archive["B"].warnings.get()
    warning.label = "Graphic violence and injury"
    warning.save()


def correct(archive, editor):
    workflow.add_correction(Article.objects.get(pk=archive["A"].pk), editor, kind="correction",
                            text="An earlier version misnamed the river.")


CHANGES = [
    # change, page, what the page shows after it
    (edit_a, "/articles/a/", "Shelling near the old bridge"),
    (edit_a, "/articles/a/", "The opening paragraph."),
    (edit_a, "/", "Shelling near the old bridge"),
    (edit_a, "/authors/ruth/", "Shelling near the old bridge"),
    (rename_tag, "/articles/a/", "Syria (civil war)"),
    (rename_tag, "/tags/syria/", "Syria (civil war)</a>"),
    (rename_author, "/articles/b/", "Ruth Reporter-Smith"),
    (rename_author, "/", "Ruth Reporter-Smith"),
    (recaption, "/articles/a/", "Families at the northern crossing"),
    (relabel, "/articles/b/", "Graphic violence and injury"),
    (relabel, "/", "Graphic violence and injury"),
    (relabel, "/articles/c/", "Graphic violence and injury"),  # B's entry among C's earlier coverage
    (correct, "/articles/a/", "An earlier version misnamed the river."),
]


@pytest.mark.parametrize(("change", "url", "shown"), CHANGES, ids=[f"{c.__name__} {u}" for c, u, _ in CHANGES])
def test_a_committed_change_is_on_the_next_render(archive, editor, django_capture_on_commit_callbacks, change, url, shown):
    """Each kind of change to what a kept article part or card shows is on the page rendered next."""
    warm(url)
    assert shown not in render(url)[0]
    with django_capture_on_commit_callbacks(execute=True):
        change(archive, editor)
    assert shown in render(url)[0]


def test_a_change_leaves_other_articles_parts_kept(archive, editor, django_capture_on_commit_callbacks):
    """An edit of A ends A's part, not B's: B's page (which links A as older) renders A's new title
    around its own kept part; only the choice of its links, which shows A's title, is read again (the
    positions of the older, the newer and its earlier coverage in one statement, their rows in another)."""
    warm("/articles/b/")
    _, kept = render("/articles/b/")
    with django_capture_on_commit_callbacks(execute=True):
        edit_a(archive, editor)
    page, queries = render("/articles/b/")
    assert "Shelling near the old bridge" in page
    assert queries == kept + 2


def test_a_change_rolled_back_ends_nothing(archive, editor, django_capture_on_commit_callbacks):
    """A change that rolls back leaves the kept part as it was, and in use."""
    warm("/articles/a/")
    _, kept = render("/articles/a/")
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            edit_a(archive, editor)
            raise RuntimeError("rolled back")
    page, queries = render("/articles/a/")
    assert "Shelling near the river" in page and queries == kept


def test_fragments_are_kept_per_site_address(archive, settings):
    """An article's head holds absolute links: a second host name renders its own."""
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    warm("/articles/a/")
    page = Client(HTTP_HOST="localhost").get("/articles/a/").content.decode()
    assert 'href="http://localhost/articles/a/"' in page
    assert "http://testserver/" not in page


def test_off_with_the_page_cache_by_default(archive, settings):
    """With MASTHEAD_FRAGMENT_CACHE unset, fragments follow the page cache: off, every render reads all."""
    settings.MASTHEAD_FRAGMENT_CACHE = None
    _, cold = render("/articles/a/")
    assert render("/articles/a/")[1] == cold


def test_pages_of_kept_parts_read_only_what_chooses_them(archive, django_assert_num_queries):
    """With its part, its related entries and the choice of its links kept, the article page runs one
    query (the article); the newest article, whose newer link the next scheduled publication would
    give it, reads its links every time (two: the positions of the older, the newer and its earlier
    coverage; their rows); with
    every card kept, the home page runs one (its rows), and a tag or author page two (the tag or
    author, then its rows). The home and tag pages share cards."""
    warm("/articles/a/", "/articles/c/", "/", "/authors/ruth/")
    render("/articles/w/")  # its part kept: no query fewer (its row brings its tags, and it has no corrections)
    for url, queries in [("/articles/a/", 1), ("/articles/c/", 1), ("/articles/w/", 3), ("/", 1), ("/tags/syria/", 2), ("/authors/ruth/", 2)]:
        with django_assert_num_queries(queries):
            Client().get(url)


def test_the_choice_of_links_is_kept_per_warning_filter(archive, graphic, settings):
    """A reader hiding graphic articles gets a choice of their own: C's earlier coverage without B, and
    with B for a reader without the filter (each kept, each used again)."""
    filtered = Client()
    filtered.cookies[settings.MASTHEAD_FILTER_COOKIE_NAME] = "graphic-violence"
    for _ in range(2):
        assert "Aftermath in the square" not in filtered.get("/articles/c/").content.decode()
        assert "Aftermath in the square" in Client().get("/articles/c/").content.decode()
