from pathlib import Path

import pytest

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
SEED_000 = SEEDS_DIR / "000_739d39e62fd4c9a8.txt"
SEED_004 = SEEDS_DIR / "004_63c2d75fce885dd3.txt"


@pytest.fixture(autouse=True)
def _simple_static_storage(settings):
    """Tests render templates without running collectstatic first."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


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
def second_editor(django_user_model):
    return _user(django_user_model, "eamon", "Editor")


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("sully", "sully@example.org", "a-long-password-123")
