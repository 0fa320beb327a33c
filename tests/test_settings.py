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


def settings_value(expression, **environ):
    """``expression`` evaluated on cms.settings in a fresh interpreter with these variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_URL", "MASTHEAD_"))}
    clean.update({"DJANGO_SECRET_KEY": "x" * 40, **environ})
    code = f"import cms.settings as s; print({expression})"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_sqlite_runs_in_wal_with_immediate_transactions_and_a_busy_timeout():
    """The embedded default waits for a writer instead of failing, and readers never block it."""
    options = settings_value("s.DATABASES['default']['OPTIONS']")
    assert "journal_mode=WAL" in options and "'transaction_mode': 'IMMEDIATE'" in options and "'timeout': 20" in options


def test_postgres_statements_time_out_for_web_requests_not_commands():
    """Web processes cut a statement off after DATABASE_STATEMENT_TIMEOUT seconds (default 5);
    manage.py commands (migrations, imports) default to no limit."""
    url = "postgres://u@localhost:5432/masthead"
    unprepared = {"DATABASE_URL": url, "DATABASE_PREPARED_STATEMENTS": "0"}
    assert settings_value("s.DATABASES['default']['OPTIONS']", **unprepared) == "{'options': '-c statement_timeout=5000'}"
    assert "statement_timeout=1500" in settings_value("s.DATABASES['default']['OPTIONS']", DATABASE_URL=url, DATABASE_STATEMENT_TIMEOUT="1.5")
    assert settings_value("s.DATABASES['default'].get('OPTIONS')", **unprepared, DATABASE_STATEMENT_TIMEOUT="0") in ("None", "{}")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    command = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", "from django.conf import settings; print(settings.DATABASE_STATEMENT_TIMEOUT)"],
        cwd=ROOT, env={**clean, "DJANGO_SECRET_KEY": "x" * 40, "DATABASE_URL": url}, capture_output=True, text=True,
    )
    assert command.stdout.strip().splitlines()[-1] == "0.0", command.stderr


def test_postgres_prepares_statements_unless_told_not_to():
    """On PostgreSQL parameters are bound on the server and repeated statements prepared, by default (a direct
    connection); DATABASE_PREPARED_STATEMENTS=0 turns both off, for a pooler in transaction mode. SQLite: never."""
    url = "postgres://u@localhost:5432/masthead"
    options = "s.DATABASES['default'].get('OPTIONS', {})"
    default = settings_value(options, DATABASE_URL=url)
    assert "'server_side_binding': True" in default and "'prepare_threshold': 5" in default
    assert "server_side_binding" not in settings_value(options, DATABASE_URL=url, DATABASE_PREPARED_STATEMENTS="0")
    assert "server_side_binding" not in settings_value(options)


def test_manage_py_without_a_secret_key_says_so_in_one_line():
    """manage.py with DJANGO_DEBUG off and no DJANGO_SECRET_KEY stops with the setting's message, not a traceback."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    command = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=clean, capture_output=True, text=True)
    assert command.returncode == 1
    assert command.stderr.strip().splitlines() == [
        "Masthead is not configured: DJANGO_SECRET_KEY is not set. Set it to a long random value "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), or set DJANGO_DEBUG=1 for local development."
    ]


def test_cache_is_files_by_default_and_redis_with_redis_url():
    """Without REDIS_URL the page cache is a folder shared by this machine's workers (Django's file
    cache, with an add that one process wins); with it, Redis."""
    assert settings_value("s.CACHES['default']['BACKEND']") == "cms.caches.FileCache"
    assert settings_value("s.CACHES['default']['BACKEND']", REDIS_URL="redis://127.0.0.1:6379/0") == (
        "cms.caches.RedisCache"
    )


@pytest.mark.django_db
def test_the_postgres_connection_carries_the_statement_timeout():
    """On PostgreSQL the web settings' timeout is in force on the connection itself."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "5s"
