"""Fixtures every test file shares: users by role, the hidden-article cases, the public routes, and
the page cache as in production.

Tests run inside a transaction that is rolled back, so Django never runs ``transaction.on_commit``
callbacks (the page cache's renewal, workflow emails) by itself: a test that needs them wraps the
writes in Django's supported capture, ``django_capture_on_commit_callbacks(execute=True)``, which
runs them as a commit would (a rolled-back block's are dropped, a robust one's error is logged).
"""

from pathlib import Path

import pytest
from django.db.backends.signals import connection_created
from django.urls import URLPattern, URLResolver, get_resolver

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
SEED_000 = SEEDS_DIR / "000_739d39e62fd4c9a8.txt"
SEED_004 = SEEDS_DIR / "004_63c2d75fce885dd3.txt"


def _readers_take_no_table_locks(sender, connection, **kwargs):
    """The SQLite test database lives in memory with a shared cache, whose table locks make a write fail at
    once ("database table is locked", no busy timeout) while another thread's connection is reading the
    table, such as the live server's finishing a browser test's last request. Its readers take no table
    locks here, as readers of a file database in production (WAL) take none."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA read_uncommitted = 1")


connection_created.connect(_readers_take_no_table_locks)


@pytest.fixture(autouse=True)
def _simple_static_storage(settings):
    """Tests render templates without running collectstatic first."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _page_cache(settings):
    """Each test starts with an empty page cache of its own (in memory), switched on as in production, and
    no pages rendered again after a commit (articles/warming.py: a background thread whose renders would
    outlive the test; the tests of that turn it on, rendering in the test's own thread)."""
    from django.core.cache import cache

    from articles import pagecache

    pagecache._down_until = 0.0
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
    settings.MASTHEAD_PAGE_CACHE = True
    settings.MASTHEAD_WARM_PAGES = False
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def uncached_pages(settings):
    """The page cache off: for tests that pin the queries a page itself runs."""
    settings.MASTHEAD_PAGE_CACHE = False


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Real hashers are slow on purpose; tests only need logins to work."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _user(django_user_model, username, group=None, **extra):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username, f"{username}@example.org", "a-long-password-123", is_staff=True, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def graphic():
    """The starter vocabulary's "Graphic violence" warning."""
    from articles.models import ContentWarning

    return ContentWarning.objects.get(slug="graphic-violence")


@pytest.fixture
def writer(django_user_model):
    """A writer with their own Author profile."""
    from articles.models import Author

    user = _user(django_user_model, "wanda", "Writer")
    Author.objects.create(name="Wanda Writer", slug="wanda-writer", user=user)
    return user


@pytest.fixture
def other_writer(django_user_model):
    from articles.models import Author

    user = _user(django_user_model, "oscar", "Writer")
    Author.objects.create(name="Oscar Other", slug="oscar-other", user=user)
    return user


@pytest.fixture
def editor(django_user_model):
    return _user(django_user_model, "edith", "Editor")


@pytest.fixture
def reviewer(django_user_model):
    """Staff who may review (request changes, decide warnings) but not publish."""
    from django.contrib.auth.models import Permission

    user = _user(django_user_model, "rita")
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="articles",
            codename__in=["view_article", "add_article", "change_article", "review_article"],
        )
    )
    return user


@pytest.fixture
def second_editor(django_user_model):
    return _user(django_user_model, "eamon", "Editor")


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("sully", "sully@example.org", "a-long-password-123")


# --- what readers must never see, and where they look ---------------------------------------------------

# Every way an article can exist without readers being allowed to see it (ArticleFactory traits and
# fields). The ``hidden`` fixture runs a test once per case.
HIDDEN = [
    pytest.param({"draft": True}, id="draft"),
    pytest.param({"in_review": True}, id="in_review"),
    pytest.param({"in_review": True, "published_at": None}, id="in_review_undated"),
    pytest.param({"scheduled": True}, id="scheduled"),
    pytest.param({"draft": True, "decided": True}, id="unpublished"),  # as unpublishing leaves it: dated, decided
]


@pytest.fixture(params=HIDDEN)
def hidden(request):
    """ArticleFactory arguments for an article readers may not see: one test run per case of HIDDEN."""
    return request.param


NOT_PUBLIC = {"admin"}  # namespaces of the URLconf that readers never reach


def public_routes(patterns=None, prefix=""):
    """The name of every public route in the URLconf (namespaced, e.g. "articles:home"), walked from the
    resolver, so a route added to urls.py shows up here."""
    names = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace not in NOT_PUBLIC:
                names += public_routes(entry.url_patterns, f"{prefix}{entry.namespace}:" if entry.namespace else prefix)
        elif isinstance(entry, URLPattern):
            assert entry.name, f"the route {entry.pattern} has no name: every public route needs one"
            names.append(prefix + entry.name)
    return names
