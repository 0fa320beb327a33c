"""The shared page cache (articles/pagecache.py): served to anonymous readers, never stale.

Each change an editor (or the importer) can make is done the way the app does it, and the very
next anonymous request must show it, although the page was cached just before.
"""

import logging
import shutil
import socket
import subprocess
import threading
import time
import uuid
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.test import Client, RequestFactory
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


def change_warning_added(article, editor):
    workflow.decide_warnings(article, editor, [ContentWarning.objects.get(slug="graphic-violence")],
                             no_warnings_apply=False)
    return "/articles/shelling/", "Graphic violence", True


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
            "BACKEND": "cms.caches.RedisCache",
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


# Stampedes: one render of a purged page, the previous copy meanwhile


def _file_cache(location):
    return {
        "default": {"BACKEND": "cms.caches.FileCache", "LOCATION": str(location)},
        "pages-ledger": {"BACKEND": "cms.caches.FileCache", "LOCATION": f"{location}-ledger"},
    }


@pytest.fixture(params=["memory", "files"])
def shared_cache(request, settings, tmp_path):
    """The page cache in memory (as the other tests) or in files, as `make run` keeps it."""
    if request.param == "files":
        settings.CACHES = _file_cache(tmp_path / "cache")
    return request.param


class SlowPage:
    """A page taking ``seconds`` to render, showing article:1, counting its renders."""

    def __init__(self, seconds=0.3):
        self.seconds, self.renders, self.version = seconds, 0, "first"
        self.lock = threading.Lock()

    def __call__(self, request):
        from django.http import HttpResponse

        from articles import cachekeys

        with self.lock:
            self.renders += 1
            version = self.version
        time.sleep(self.seconds)
        cachekeys.declare(cachekeys.article(1))
        return HttpResponse(f"<p>{version}</p>")


def _burst(wrapped, rf, count=6):
    """``count`` readers asking for the page at once, from their own threads; their (state, body)."""
    from django.db import connection

    barrier, answers = threading.Barrier(count), []

    def read():
        barrier.wait()
        request = rf.get("/popular/")
        request.COOKIES = {}
        response = wrapped(request)
        answers.append((cache_state(response), response.content.decode()))
        connection.close()

    readers = [threading.Thread(target=read) for _ in range(count)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join(30)
    return sorted(answers)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the migrations' data kept for later tests
def test_a_purged_page_is_rendered_once_while_the_others_get_the_previous_copy(shared_cache, rf):
    """Six readers ask for a popular page at once right after a change that ends it: one renders it,
    the other five get the previous copy at once; the next reader gets the new page."""
    page = SlowPage()
    wrapped = pagecache.cache_for_readers(page)
    _burst(wrapped, rf, count=1)
    page.version = "second"
    pagecache.end({"article:1"})
    answers = _burst(wrapped, rf)
    assert page.renders == 2
    assert answers == [("miss", "<p>second</p>")] + [("stale", "<p>first</p>")] * 5
    assert _burst(wrapped, rf, count=2) == [("hit", "<p>second</p>")] * 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the migrations' data kept for later tests
def test_a_withdrawn_page_is_rendered_once_and_never_served_stale(shared_cache, rf):
    """After a withdrawal (an unpublished article), readers arriving during the one render wait for
    it: nobody gets the previous copy."""
    page = SlowPage()
    wrapped = pagecache.cache_for_readers(page)
    _burst(wrapped, rf, count=1)
    page.version = "withdrawn"
    pagecache.end(set(), withdrawn={"article:1"})
    answers = _burst(wrapped, rf)
    assert page.renders == 2
    assert answers == [("hit", "<p>withdrawn</p>")] * 5 + [("miss", "<p>withdrawn</p>")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the migrations' data kept for later tests
def test_a_page_with_no_copy_is_rendered_once_for_a_burst(shared_cache, rf):
    """Readers asking at once for a page nobody has cached yet (or that ended at a scheduled
    publication) wait for the one render."""
    page = SlowPage()
    answers = _burst(pagecache.cache_for_readers(page), rf)
    assert page.renders == 1
    assert answers == [("hit", "<p>first</p>")] * 5 + [("miss", "<p>first</p>")]


def test_the_file_cache_lets_one_process_of_many_add_a_key(tmp_path):
    """The render lock is an ``add``: of eight threads adding one key at once, exactly one succeeds,
    round after round (Django's own file cache checks, then writes: several may be told they won)."""
    from cms.caches import FileCache

    cache = FileCache(str(tmp_path / "cache"), {})
    for round_ in range(30):
        barrier, won = threading.Barrier(8), []

        def add():
            barrier.wait()
            won.append(cache.add(f"lock-{round_}", "me", 30))

        adders = [threading.Thread(target=add) for _ in range(8)]
        for adder in adders:
            adder.start()
        for adder in adders:
            adder.join(10)
        assert won.count(True) == 1, round_
    cache.set("expired", "old", -1)
    assert cache.add("expired", "new", 30) and cache.get("expired") == "new"


def _someone_rendering(url):
    """Take the render lock of ``url``'s page, as a request rendering it would."""
    from django.core.cache import cache

    request = RequestFactory().get(url)
    assert cache.add(pagecache.LOCK_PREFIX + pagecache.page_key(request), "another request", 30)


def test_readers_get_the_previous_copy_of_an_edited_article_for_a_few_seconds(
    live, editor, time_machine, monkeypatch, django_capture_on_commit_callbacks
):
    """While another request renders it, an edited article's page is served as it was, marked stale,
    for MASTHEAD_STALE_SECONDS after the change and no longer."""
    monkeypatch.setattr(pagecache, "RENDER_WAIT", 0.1)
    time_machine.move_to(timezone.now(), tick=False)
    get("/articles/shelling/")
    time_machine.shift(1)
    with django_capture_on_commit_callbacks(execute=True):
        change_revision(live, editor)
    _someone_rendering("/articles/shelling/")
    time_machine.shift(django_settings.MASTHEAD_STALE_SECONDS)
    response, html = get("/articles/shelling/")
    assert cache_state(response) == "stale" and "Shelling near the river" in html
    assert response["Surrogate-Control"] == "max-age=0"  # an HTTP cache in front must not keep it
    time_machine.shift(1)
    response, html = get("/articles/shelling/")  # the lock still held: waits, then renders itself
    assert cache_state(response) == "miss" and "Shelling near the old bridge" in html


@pytest.mark.parametrize("change", [change_unpublish, change_warning_added],
                         ids=["unpublished", "warning added"])
def test_a_withdrawal_is_never_served_stale(live, editor, change, monkeypatch, django_capture_on_commit_callbacks):
    """An article unpublished (say for legal reasons), or given a warning readers may hide, is not
    served from the previous copy of any page that showed it, even while another request renders it."""
    monkeypatch.setattr(pagecache, "RENDER_WAIT", 0.1)
    urls = ["/?hide=graphic-violence", "/", "/articles/shelling/", "/tags/syria/"]
    for url in urls:
        assert "Shelling near the river" in get(url)[1]
    with django_capture_on_commit_callbacks(execute=True):
        change(Article.objects.get(pk=live.pk), editor)
    for url in urls:
        _someone_rendering(url)
        response, html = get(url)
        assert cache_state(response) == "miss", url
    assert "Shelling near the river" not in get("/?hide=graphic-violence")[1]


def test_pages_offer_a_grace_to_an_http_cache_but_not_past_a_scheduled_publication(live, editor):
    """Surrogate-Control gives Varnish the stale window; a page that ends at a scheduled publication
    gets none (the article must appear at its time)."""
    response, _ = get("/")
    assert response["Surrogate-Control"].endswith(f"stale-while-revalidate={django_settings.MASTHEAD_STALE_SECONDS}")
    article = ArticleFactory(title="Embargoed report", status="in_review", published_at=None, decided=True)
    workflow.perform("schedule", article, editor, at=timezone.now() + timedelta(minutes=5))
    response, _ = get("/tags/")
    control = response["Surrogate-Control"]
    assert control.endswith("stale-while-revalidate=0") and 295 <= int(control.split(",")[0][8:]) <= 300


# Rendered again right after the commit, so that the first reader does not wait


@pytest.fixture
def warming(settings, monkeypatch):
    """The pages are rendered again for the host the tests' readers use, in the committing thread (a
    background thread's connection would not see the test's uncommitted data)."""
    from articles import warming as warming_module

    settings.MASTHEAD_BASE_URL = "http://testserver"
    settings.MASTHEAD_WARM_PAGES = True
    monkeypatch.setattr(warming_module, "BACKGROUND", False)


def test_home_and_a_just_published_article_are_rendered_right_after_the_commit(
    live, editor, warming, django_capture_on_commit_callbacks
):
    """The first reader after a publication gets the home page and the article from the cache."""
    get("/")
    fresh = ArticleFactory(title="Breaking: ceasefire", slug="ceasefire", status="in_review", published_at=None,
                           decided=True)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.perform("publish", fresh, editor)
    response, html = get("/")
    assert cache_state(response) == "hit" and "Breaking: ceasefire" in html
    response, html = get("/articles/ceasefire/")
    assert cache_state(response) == "hit" and "Breaking: ceasefire" in html


def test_a_changed_article_is_rendered_right_after_the_commit(live, editor, warming,
                                                             django_capture_on_commit_callbacks):
    get("/articles/shelling/")
    with django_capture_on_commit_callbacks(execute=True):
        change_revision(live, editor)
    response, html = get("/articles/shelling/")
    assert cache_state(response) == "hit" and "Shelling near the old bridge" in html


def test_a_failed_render_after_a_commit_is_logged_and_the_save_kept(live, editor, warming, monkeypatch, caplog,
                                                                    django_capture_on_commit_callbacks):
    from articles import warming as warming_module

    def broken(path):
        raise RuntimeError("template missing")

    monkeypatch.setattr(warming_module, "warm", broken)
    with caplog.at_level(logging.ERROR, logger="articles.warming"), django_capture_on_commit_callbacks(execute=True):
        change_revision(live, editor)
    assert Article.objects.get(pk=live.pk).title == "Shelling near the old bridge"
    assert any("again after a change failed" in record.getMessage() for record in caplog.records)
    response, html = get("/articles/shelling/")
    assert cache_state(response) == "miss" and "Shelling near the old bridge" in html


def test_a_not_modified_answer_keeps_what_an_http_cache_needs(live):
    """A 304 to a cache revalidating its copy (Varnish's background fetch) says how long to keep it and
    what it shows, or the cache would stop keeping the page."""
    first, _ = get("/articles/shelling/")
    response = Client().get("/articles/shelling/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 304
    for name in ("Surrogate-Control", "xkey", "Surrogate-Key", "Cache-Tag"):
        assert response[name] == first[name] or name == "Surrogate-Control", name
    assert response["Surrogate-Control"].startswith("max-age=")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the migrations' data kept for later tests
def test_the_save_does_not_wait_for_the_pages_rendered_after_it(django_user_model, settings, monkeypatch):
    """The renders after a commit run in a background thread: the save returns while they are still
    going, and the first reader after them gets the page from the cache."""
    from articles import warming as warming_module

    settings.MASTHEAD_BASE_URL = "http://testserver"
    settings.MASTHEAD_WARM_PAGES = True
    editor = django_user_model.objects.create_superuser("chief", "chief@example.org", "a-long-password-123")
    ArticleFactory(title="Already live", decided=True)
    get("/")
    release, rendering = threading.Event(), threading.Event()
    real_warm = warming_module.warm

    def slow_warm(path):
        rendering.set()
        release.wait(10)
        return real_warm(path)

    monkeypatch.setattr(warming_module, "warm", slow_warm)
    fresh = ArticleFactory(title="Breaking: ceasefire", status="in_review", published_at=None, decided=True)
    workflow.perform("publish", fresh, editor)  # commits (no test transaction here)
    worker = warming_module._worker
    assert rendering.wait(10) and worker is not None and worker.is_alive()  # saved; the renders still to come
    release.set()
    worker.join(10)
    response, html = get("/")
    assert cache_state(response) == "hit" and "Breaking: ceasefire" in html
