"""The shared page cache (articles/pagecache.py): served to anonymous readers, never stale.

Each change an editor (or the importer) can make is done the way the app does it, and the very
next anonymous request must show it, although the page was cached just before.
"""

import logging
import shutil
import socket
import subprocess
import time
import uuid
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles import pagecache, workflow
from articles.ingest import import_path
from articles.models import Article, Author, ContentWarning
from tests.conftest import SEED_000, SEED_004
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db


def get(url, client=None, **extra):
    response = (client or Client()).get(url, **extra)
    return response, response.content.decode()


def cache_state(response):
    return response.get(pagecache.HIT_HEADER)


@pytest.fixture
def live(editor):
    """A live article tagged Syria by Reporter Ruth, with its warning decided."""
    author = AuthorFactory(name="Reporter Ruth", slug="reporter-ruth")
    return ArticleFactory(title="Shelling near the river", slug="shelling", author=author, tags=["Syria"], decided=True)


# Serving from the cache


def test_second_request_is_served_from_the_cache_without_queries(live, django_assert_num_queries):
    """The first anonymous request renders and keeps the page; the next runs no query at all."""
    first, html = get("/")
    assert cache_state(first) == "miss" and "Shelling near the river" in html
    with django_assert_num_queries(0):
        second, again = get("/")
    assert cache_state(second) == "hit"
    assert again == html


@pytest.mark.parametrize(
    "url",
    ["/", "/articles/shelling/", "/tags/", "/tags/syria/", "/authors/reporter-ruth/", "/search/?q=river",
     "/feeds/rss/", "/feeds/atom/", "/tags/syria/feed/rss/", "/authors/reporter-ruth/feed/atom/", "/sitemap.xml",
     "/robots.txt", "/content-warnings/", "/articles/no-such-article/"],
)
def test_every_public_page_is_cached(live, url):
    """Every public page, and a page not found, comes from the cache after its first request."""
    first, _ = get(url)
    second, _ = get(url)
    assert (cache_state(first), cache_state(second)) == ("miss", "hit")
    assert second.status_code == first.status_code


def test_responses_carry_an_etag_and_a_cdn_cache_control(live):
    """A reader's page says who may keep it and for how long, and answers a matching If-None-Match with 304."""
    response, _ = get("/articles/shelling/")
    assert response["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert "Cookie" in response["Vary"]
    etag = response["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    not_modified = Client().get("/articles/shelling/", HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304 and not_modified.content == b""
    changed = Client().get("/articles/shelling/", HTTP_IF_NONE_MATCH='"something-else"')
    assert changed.status_code == 200


def test_etag_changes_when_the_page_does(live, editor, django_capture_on_commit_callbacks):
    """After an edit readers can see, the old ETag no longer answers 304."""
    etag = get("/")[0]["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        ArticleFactory(title="A second story", decided=True)
    response = Client().get("/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and "A second story" in response.content.decode()


def test_each_host_has_its_own_pages(live, settings):
    """Pages hold absolute links, so one asked for under another host name is its own page."""
    settings.ALLOWED_HOSTS = ["testserver", "news.example.org"]
    get("/articles/shelling/")
    response = Client().get("/articles/shelling/", HTTP_HOST="news.example.org")
    assert cache_state(response) == "miss"
    assert 'href="http://news.example.org/articles/shelling/"' in response.content.decode()


def test_cdn_max_age_is_a_setting(live, settings):
    """MASTHEAD_CDN_MAX_AGE lets a CDN keep pages for a while without asking."""
    settings.MASTHEAD_CDN_MAX_AGE = 30
    assert get("/")[0]["Cache-Control"] == "public, max-age=30, must-revalidate"


def test_page_cache_can_be_switched_off(live, settings, django_assert_num_queries):
    """MASTHEAD_PAGE_CACHE=0 renders every request, still with an ETag."""
    settings.MASTHEAD_PAGE_CACHE = False
    get("/")
    response, _ = get("/")
    assert cache_state(response) == "off" and response.has_header("ETag")


# Never stale: every kind of change readers could see


def change_publish(article, editor):
    fresh = ArticleFactory(title="Breaking: ceasefire", status="in_review", published_at=None, decided=True)
    workflow.perform("publish", fresh, editor)
    return "/", "Breaking: ceasefire", True


def change_unpublish(article, editor):
    workflow.perform("unpublish", article, editor, comment="Legal asked us to.")
    return "/", "Shelling near the river", False


def change_revision(article, editor):
    content = workflow.content_of(article).replace(title="Shelling near the old bridge")
    revision = workflow.propose_revision(article, editor, content)
    workflow.approve_revision(revision, editor)
    return "/articles/shelling/", "Shelling near the old bridge", True


def change_tag_merge(article, editor):
    ArticleFactory(title="Other story", tags=["Syrian war"], decided=True)
    workflow.merge_tags(Tag.objects.get(name="Syrian war"), [Tag.objects.get(name="Syria")], editor)
    return "/tags/syrian-war/", "Shelling near the river", True


def change_author(article, editor):
    author = Author.objects.get(pk=article.author_id)
    author.name = "Ruth Reporter-Smith"
    author.save()
    return "/articles/shelling/", "Ruth Reporter-Smith", True


def change_warning(article, editor):
    warning = ContentWarning.objects.get(slug="graphic-violence")
    workflow.decide_warnings(article, editor, [warning], no_warnings_apply=False)
    warning.label = "Graphic violence and injury"
    warning.save()
    return "/articles/shelling/", "Graphic violence and injury", True


def change_import(article, editor):
    result = import_path(SEED_000)
    assert result.status == "published", result
    return "/", result.title, True


def change_retag(article, editor):
    article.tags.add("Ceasefire")
    return "/tags/", "Ceasefire", True


CHANGES = [change_publish, change_unpublish, change_revision, change_tag_merge, change_author, change_warning,
           change_import, change_retag]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__.removeprefix("change_"))
def test_readers_see_every_change_on_their_next_request(live, editor, change, django_capture_on_commit_callbacks):
    """A page cached just before an editor's action is not served after it commits."""
    for url in ["/", "/articles/shelling/", "/tags/", "/tags/syria/", "/content-warnings/", "/tags/syrian-war/"]:
        get(url)
        assert cache_state(get(url)[0]) == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        url, text, shown = change(Article.objects.get(pk=live.pk), editor)
    response, html = get(url)
    assert cache_state(response) == "miss"
    if text is not None:
        assert (text in html) is shown


def test_pending_revision_does_not_change_what_readers_see(live, editor):
    """An edit waiting for approval keeps the cached live page: readers see the live version."""
    get("/articles/shelling/")
    content = workflow.content_of(live).replace(title="Not yet approved")
    workflow.propose_revision(live, editor, content)
    response, html = get("/articles/shelling/")
    assert "Not yet approved" not in html


def test_changes_to_unpublished_articles_keep_the_cache(live, editor):
    """A draft saved, tagged or warned, or an import held for review, changes nothing readers see:
    the cached pages stay (no needless renewal under a busy desk or a long import)."""
    draft = ArticleFactory(title="Draft in progress", status="draft", published_at=None)
    get("/")
    draft.title = "Draft, second go"
    draft.save()
    draft.tags.add("Ceasefire")
    draft.warnings.add(ContentWarning.objects.get(slug="death"))
    assert cache_state(get("/")[0]) == "hit"
    result = import_path(SEED_004)  # no date on the page: held for review
    assert result.status == "in_review"
    assert cache_state(get("/")[0]) == "hit"
    workflow.perform("submit", Article.objects.get(pk=draft.pk), editor)
    assert cache_state(get("/")[0]) == "hit"


def test_a_rolled_back_change_keeps_the_cache(live, editor):
    """A write that rolls back changes nothing readers see, so the cached page stays."""
    from django.db import transaction

    get("/")
    with pytest.raises(RuntimeError), transaction.atomic():
        ArticleFactory(title="Never committed", decided=True)
        raise RuntimeError("rolled back")
    response, html = get("/")
    assert cache_state(response) == "hit" and "Never committed" not in html


def test_a_change_after_a_rolled_back_one_still_ends_the_cache(live, django_capture_on_commit_callbacks):
    """A rolled-back write's renewal never runs, and it does not stop the next commit's."""
    from django.db import transaction

    get("/")
    with pytest.raises(RuntimeError), transaction.atomic():
        ArticleFactory(title="Never committed", decided=True)
        raise RuntimeError("rolled back")
    with django_capture_on_commit_callbacks(execute=True):
        ArticleFactory(title="Committed after", decided=True)
    response, html = get("/")
    assert cache_state(response) == "miss" and "Committed after" in html and "Never committed" not in html


def test_scheduled_article_appears_at_its_time(editor, time_machine):
    """With the cache on and no job running, a scheduled article shows on the first request at its time."""
    start = timezone.now().replace(microsecond=0)
    time_machine.move_to(start, tick=False)
    ArticleFactory(title="Already live", decided=True)
    article = ArticleFactory(title="Embargoed report", status="in_review", published_at=None, decided=True)
    workflow.perform("schedule", article, editor, at=start + timedelta(minutes=5))
    time_machine.move_to(start + timedelta(seconds=1), tick=False)  # pages rendered after the change
    for url in ["/", "/feeds/rss/", "/sitemap.xml"]:
        get(url)
        assert "Embargoed report" not in get(url)[1] and "embargoed" not in get(url)[1]
    time_machine.move_to(start + timedelta(minutes=4, seconds=59), tick=False)
    assert cache_state(get("/")[0]) == "hit"
    time_machine.move_to(start + timedelta(minutes=5), tick=False)
    assert "Embargoed report" in get("/")[1]
    assert "Embargoed report" in get("/feeds/rss/")[1]
    assert get(article.get_absolute_url())[0].status_code == 200


def test_rescheduled_earlier_article_appears_at_its_new_time(editor, time_machine, django_capture_on_commit_callbacks):
    """Moving a scheduled article earlier shortens the cached pages' life to the new time; cancelling the
    schedule keeps it off every page."""
    start = timezone.now().replace(microsecond=0)
    time_machine.move_to(start, tick=False)
    ArticleFactory(title="Already live", decided=True)
    early = ArticleFactory(title="Brought forward", status="in_review", published_at=None, decided=True)
    late = ArticleFactory(title="Called off", status="in_review", published_at=None, decided=True)
    workflow.perform("schedule", early, editor, at=start + timedelta(hours=2))
    workflow.perform("schedule", late, editor, at=start + timedelta(minutes=10))
    get("/")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.perform("reschedule", early, editor, at=start + timedelta(minutes=5))
        workflow.perform("cancel_schedule", late, editor, comment="Embargo extended.")
    get("/")
    time_machine.move_to(start + timedelta(minutes=5), tick=False)
    assert "Brought forward" in get("/")[1]
    time_machine.move_to(start + timedelta(minutes=11), tick=False)
    assert "Called off" not in get("/")[1]


# The reader's warning filter


def test_warning_filter_keeps_its_own_pages(live, graphic):
    """The cookie and ?hide= decide what a cached list shows and how many it hid."""
    ArticleFactory(title="Warned story", warnings=[graphic], decided=False)
    _, everything = get("/")
    filtered_client = Client()
    filtered_client.cookies[django_settings.MASTHEAD_FILTER_COOKIE_NAME] = "graphic-violence"
    _, filtered = get("/", filtered_client)
    _, hidden_by_link = get("/?hide=graphic-violence")
    assert "Warned story" in everything
    for html in (filtered, hidden_by_link):
        assert "Warned story" not in html and "1 article hidden" in html
    # Served again from the cache, each still its own.
    again_client = Client()
    again_client.cookies[django_settings.MASTHEAD_FILTER_COOKIE_NAME] = "graphic-violence"
    response, again = get("/", again_client)
    assert cache_state(response) == "hit" and "Warned story" not in again
    response, plain = get("/")
    assert cache_state(response) == "hit" and "Warned story" in plain


# Staff, previews and share links


def test_staff_are_never_served_from_the_cache_nor_fill_it(live, editor):
    """A logged-in editor gets a fresh page marked private, and leaves nothing in the cache for readers."""
    staff = Client()
    staff.force_login(editor)
    response, _ = get("/", staff)
    assert cache_state(response) is None and "private" in response["Cache-Control"]
    assert cache_state(get("/")[0]) == "miss"  # the editor's request did not fill it
    assert cache_state(get("/", staff)[0]) is None  # nor is the editor served the reader's copy


def test_share_links_and_previews_are_never_cached(live, editor):
    """A share link is rendered every time and says no-cache."""
    from articles.preview import make_share_link

    draft = ArticleFactory(title="Draft for a lawyer", status="draft", published_at=None)
    _, token = make_share_link(draft, editor, days=2)
    url = reverse("articles:preview-share", args=[token])
    for _ in range(2):
        response = Client().get(url)
        assert response.status_code == 200 and cache_state(response) is None
        assert "no-cache" in response["Cache-Control"]
    admin_preview = Client()
    admin_preview.force_login(editor)
    response = admin_preview.get(reverse("admin:articles_article_preview", args=[draft.pk]))
    assert cache_state(response) is None


def test_a_response_that_sets_a_cookie_is_not_kept(live, rf):
    """Nothing personal is shared: a response setting a cookie is passed through uncached."""
    from django.http import HttpResponse

    def view(request):
        response = HttpResponse("hello")
        response.set_cookie("personal", "1")
        return response

    wrapped = pagecache.cache_for_readers(view)
    request = rf.get("/hello/")
    request.COOKIES = {}
    assert wrapped(request).cookies and cache_state(wrapped(request)) is None


# Redis: the production cache, and readers when it goes away


def _redis_settings(location, prefix):
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


def _port_open(port):
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_cache(settings):
    """Point the cache at a Redis; afterwards back to memory, so the suite never clears a real Redis."""
    original = settings.CACHES
    yield lambda location, prefix: setattr(settings, "CACHES", _redis_settings(location, prefix))
    settings.CACHES = original


def test_pages_are_shared_through_redis(live, redis_cache, django_capture_on_commit_callbacks):
    """With the Redis on 127.0.0.1:6379 the page cache works as with the file cache."""
    if not _port_open(6379):
        pytest.skip("no Redis on 127.0.0.1:6379 (start it: see README, 'Redis')")
    redis_cache("redis://127.0.0.1:6379/0", f"test-{uuid.uuid4().hex}")  # keys expire by themselves
    assert cache_state(get("/")[0]) == "miss"
    assert cache_state(get("/")[0]) == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        ArticleFactory(title="Through Redis", decided=True)
    response, html = get("/")
    assert cache_state(response) == "miss" and "Through Redis" in html


def test_readers_get_pages_when_redis_is_unreachable(live, redis_cache, caplog):
    """Nothing listening where Redis should be: every page is served, uncached, with a log line."""
    redis_cache(f"redis://127.0.0.1:{_free_port()}/0", "down")
    with caplog.at_level(logging.WARNING, logger="articles.pagecache"):
        for url in ["/", "/articles/shelling/", "/tags/syria/", "/feeds/rss/"]:
            response, html = get(url)
            assert response.status_code == 200 and cache_state(response) == "off"
    assert "Shelling near the river" in get("/")[1]
    warnings = [record for record in caplog.records if "Page cache unavailable" in record.getMessage()]
    assert len(warnings) == 1  # one line, not one per request


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is not installed")
def test_readers_get_pages_when_redis_goes_away(live, redis_cache, caplog, tmp_path):
    """A Redis that was serving pages stops: readers go on getting fresh pages, and caching resumes after."""
    port = _free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            if _port_open(port):
                break
            time.sleep(0.1)
        redis_cache(f"redis://127.0.0.1:{port}/0", "goes-away")
        get("/")
        assert cache_state(get("/")[0]) == "hit"
    finally:
        server.terminate()
        server.wait(10)
    with caplog.at_level(logging.WARNING, logger="articles.pagecache"):
        response, html = get("/")
    assert response.status_code == 200 and "Shelling near the river" in html
    assert cache_state(response) == "off"
    assert any("Page cache unavailable" in record.getMessage() for record in caplog.records)
