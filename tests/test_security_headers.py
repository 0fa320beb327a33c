"""Security headers as a TLS deployment sends them, scored by the MDN HTTP Observatory's published
rules (tests/observatory.py) from a real gunicorn's real responses, and Django's deployment checks.

A production-like server runs with DJANGO_SECURE_SSL=1 behind a pretend TLS proxy (it sends
``X-Forwarded-Proto: https``): the home page, an article and the admin login each score A+ (100 or
more), and plain HTTP is sent to HTTPS on the same host.
"""

import http.client
import re
import subprocess
import sys

import pytest

from tests import observatory
from tests.servers import ROOT, AppServer, collect_static, manage, remove, server_env

pytestmark = pytest.mark.deployment

PROBE_ORIGIN = "https://http-observatory.security.mozilla.org"


def fetch(server, path, https=True):
    """(status, {lower-case header: [values]}, body) of GET ``path``, redirects not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    headers = {"Host": "localhost", "Origin": PROBE_ORIGIN, "Accept": "text/html"}
    if https:
        headers["X-Forwarded-Proto"] = "https"
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    collected = {}
    for name, value in response.getheaders():
        collected.setdefault(name.lower(), []).append(value)
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, collected, body


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    env = server_env(
        DJANGO_SECURE_SSL=1,
        DJANGO_ALLOWED_HOSTS="localhost",
        DATABASE_URL=f"sqlite:///{folder / 'masthead.sqlite3'}",
        MASTHEAD_CACHE_DIR=folder / "cache",
    )
    static = collect_static(env)
    env["DJANGO_STATIC_ROOT"] = static
    manage(env, "migrate", "--no-input")
    manage(env, "import_seeds")
    try:
        with AppServer(env, workers=1) as server:
            yield server
    finally:
        remove(static)


def article_path(server):
    _, _, home = fetch(server, "/")
    match = re.search(r'href="(/articles/[^"]+/)"', home)
    assert match, "the home page links to no article"
    return match.group(1)


@pytest.mark.parametrize("page", ["home", "article", "admin login"])
def test_pages_score_a_plus_by_the_observatory_rules(tls_server, page):
    """Home page, an article and the admin login each score 100 or more (A+), with the strict CSP,
    framing refused by CSP, a private referrer policy, CORP and __Host- cookies earning the bonuses."""
    path = {"home": "/", "article": article_path(tls_server), "admin login": "/admin/login/"}[page]
    status, headers, body = fetch(tls_server, path)
    assert status == 200
    redirect_status, redirect_headers, _ = fetch(tls_server, path, https=False)
    report = observatory.score(
        headers, body, f"https://localhost{path}",
        http_redirect=(redirect_status, (redirect_headers.get("location") or [""])[0]),
        origin_probe=PROBE_ORIGIN,
    )
    assert report.score >= 100, report.results
    assert report.grade == "A+"
    results = {test: result for test, (result, _) in report.results.items()}
    assert results["content-security-policy"] == "csp-implemented-with-no-unsafe-default-src-none"
    assert results["x-frame-options"] == "x-frame-options-implemented-via-csp"
    assert results["redirection"] == "redirection-to-https"
    assert results["strict-transport-security"] == "hsts-implemented-max-age-at-least-six-months"
    if page == "admin login":  # the login form sets the CSRF cookie
        assert results["cookies"] == "cookies-secure-with-httponly-sessions-and-samesite"
        assert any(cookie.startswith("__Host-csrftoken=") for cookie in headers["set-cookie"])


def test_policy_is_strict_everywhere(tls_server):
    """No inline script or style is allowed without the request's nonce; plugins, <base>, framing and
    form posts elsewhere are refused; powerful browser features are off; HSTS covers subdomains."""
    _, headers, body = fetch(tls_server, "/admin/login/")
    policy = observatory.parse_csp(headers["content-security-policy"])
    assert policy["default-src"] == {"'none'"}
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in policy[directive] and "'unsafe-eval'" not in policy[directive]
    assert policy["object-src"] == policy["base-uri"] == policy["frame-ancestors"] == {"'none'"}
    assert policy["form-action"] == {"'self'"}
    hsts = headers["strict-transport-security"][0]
    assert "includeSubDomains" in hsts and "max-age=31536000" in hsts
    assert "camera=()" in headers["permissions-policy"][0] and "geolocation=()" in headers["permissions-policy"][0]
    assert headers["cross-origin-resource-policy"] == ["same-origin"]
    assert headers["cross-origin-opener-policy"] == ["same-origin"]
    assert "<style>" not in body and "style=" not in body


def test_nonce_changes_with_every_admin_request(tls_server):
    """An admin page that needs an inline block gets a fresh nonce each time, named in its policy."""
    nonces = set()
    for _ in range(2):
        _, headers, _ = fetch(tls_server, "/admin/login/")
        policy = observatory.parse_csp(headers["content-security-policy"])
        nonces |= {source for source in policy["script-src"] | policy["style-src"] if source.startswith("'nonce-")}
    # The login page itself needs none; the header carries a nonce only when a page used one.
    assert len(nonces) in (0, 2)


def test_cached_public_pages_carry_the_policy(tls_server):
    """A page served from the page cache has the same headers as the first answer."""
    first = fetch(tls_server, "/")[1]
    second = fetch(tls_server, "/")[1]
    assert second.get("x-masthead-cache") == ["hit"]
    for name in ("content-security-policy", "permissions-policy", "cross-origin-resource-policy", "strict-transport-security"):
        assert first[name] == second[name]


def test_deploy_checks_are_clean_with_tls_settings():
    """`manage.py check --deploy --fail-level WARNING` passes with DJANGO_SECURE_SSL=1."""
    env = server_env(DJANGO_SECURE_SSL=1, DJANGO_ALLOWED_HOSTS="news.example.org")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


# The scorer itself, on header sets whose Observatory result is known


def test_scorer_gives_the_old_headers_a_b():
    """The headers Masthead sent before (no CSP, CORP or includeSubDomains) score 75, a B."""
    headers = {
        "content-type": ["text/html; charset=utf-8"],
        "strict-transport-security": ["max-age=31536000"],
        "x-content-type-options": ["nosniff"],
        "x-frame-options": ["DENY"],
        "referrer-policy": ["same-origin"],
    }
    report = observatory.score(headers, "<p>hi</p>", "https://example.org/", http_redirect=(301, "https://example.org/"))
    assert (report.score, report.grade) == (75, "B")  # -25 for no CSP, and no bonus below 90


@pytest.mark.parametrize(
    "policy, expected",
    [
        ("default-src 'none'; script-src 'self'", "csp-implemented-with-no-unsafe-default-src-none"),
        ("default-src 'self'", "csp-implemented-with-no-unsafe"),
        ("default-src 'self'; script-src 'self' 'unsafe-inline'", "csp-implemented-with-unsafe-inline"),
        ("default-src 'self'; script-src 'self' 'nonce-abc' 'unsafe-inline'", "csp-implemented-with-no-unsafe"),
        ("default-src 'self'; style-src 'self' 'unsafe-inline'", "csp-implemented-with-unsafe-inline-in-style-src-only"),
        ("default-src 'self'; script-src 'self' 'unsafe-eval'", "csp-implemented-with-unsafe-eval"),
        ("frame-ancestors 'none'", "csp-implemented-with-unsafe-inline"),  # scripts and objects unrestricted
    ],
)
def test_scorer_reads_policies_as_the_observatory_does(policy, expected):
    """Each policy gets the Observatory's result for it."""
    report = observatory.score({"content-security-policy": [policy]}, "", "https://example.org/")
    assert report.results["content-security-policy"][0] == expected


def test_scorer_judges_a_response_by_its_worst_cookie():
    """A session cookie without Secure costs 40, however good the others are."""
    headers = {"set-cookie": ["__Host-csrftoken=x; Path=/; Secure; SameSite=Lax", "sessionid=y; Path=/; HttpOnly; SameSite=Lax"]}
    report = observatory.score(headers, "", "https://example.org/")
    assert report.results["cookies"] == ("cookies-session-without-secure-flag", -40)
