"""Settings come from the environment, and production refuses to start without a real secret key."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.env import env_bool, env_list

ROOT = Path(__file__).resolve().parent.parent


def load_settings(**environ):
    """Import cms.settings in a fresh interpreter with exactly these DJANGO_* variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    clean.update(environ)
    code = "import cms.settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'], ','.join(s.ALLOWED_HOSTS))"
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True)


def test_production_refuses_to_start_without_a_key():
    """With DEBUG off and no DJANGO_SECRET_KEY, settings fail with a message saying what to set."""
    result = load_settings()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_refuses_a_short_key():
    """A short or development key is refused outside DEBUG."""
    result = load_settings(DJANGO_SECRET_KEY="short")
    assert result.returncode != 0 and "at least 32 characters" in result.stderr


def test_development_runs_with_the_marked_dev_key():
    """DJANGO_DEBUG=1 runs without a key, on SQLite, for localhost only."""
    result = load_settings(DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "django.db.backends.sqlite3", "localhost,127.0.0.1,[::1]"]


def test_database_url_selects_postgresql():
    """DATABASE_URL=postgres://… configures PostgreSQL."""
    result = load_settings(
        DJANGO_SECRET_KEY="x" * 40,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/test",
        DJANGO_ALLOWED_HOSTS="news.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "django.db.backends.postgresql", "news.example.org"]


@pytest.mark.parametrize("value, expected", [("1", True), ("yes", True), ("off", False), ("0", False)])
def test_env_bool(monkeypatch, value, expected):
    """Booleans accept the usual spellings."""
    monkeypatch.setenv("X_FLAG", value)
    assert env_bool("X_FLAG") is expected


def test_env_bool_rejects_nonsense(monkeypatch):
    """A value that is not a boolean is an error naming the variable."""
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG='maybe' is not a boolean"):
        env_bool("X_FLAG")


def test_env_list(monkeypatch):
    """Lists are comma-separated with blanks dropped."""
    monkeypatch.setenv("X_LIST", " a.example, ,b.example ")
    assert env_list("X_LIST") == ["a.example", "b.example"]
