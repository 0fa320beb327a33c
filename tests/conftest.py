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
