"""The MDN HTTP Observatory's published scoring, applied to one real response.

The rules and modifiers are those of the Observatory's grader (github.com/mdn/mdn-http-observatory,
``src/grader/charts.js`` and ``src/analyzer/tests/``): every site starts at 100; penalties are
counted first, and bonuses only when the score without them is at least 90; 100 or more is an A+.
Only what one response can show is scored here (HSTS preloading, which needs the browsers' list,
never earns its bonus).
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

BROAD = {"ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"}
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}
NONCE_OR_HASH = ("'sha256-", "'sha384-", "'sha512-", "'nonce-")
PRIVATE_REFERRERS = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
UNSAFE_REFERRERS = {"origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"}
SIX_MONTHS = 15768000
EXTRA_CREDIT_FROM = 90
GRADES = [(100, "A+"), (90, "A"), (85, "A-"), (80, "B+"), (70, "B"), (65, "B-"), (60, "C+"), (50, "C"),
          (45, "C-"), (40, "D+"), (30, "D"), (25, "D-"), (0, "F")]


@dataclass
class Report:
    results: dict = field(default_factory=dict)  # test name -> (result, modifier)

    def add(self, test, result, modifier):
        self.results[test] = (result, modifier)

    @property
    def score(self):
        penalties = 100 + sum(modifier for _, modifier in self.results.values() if modifier < 0)
        bonuses = sum(modifier for _, modifier in self.results.values() if modifier > 0)
        return max(penalties + (bonuses if penalties >= EXTRA_CREDIT_FROM else 0), 0)

    @property
    def grade(self):
        return next(grade for floor, grade in GRADES if self.score >= floor)


def parse_csp(values):
    """{directive: set(sources)} from the Content-Security-Policy header values; the first of a
    repeated directive wins. Raises ValueError on an unparseable policy."""
    policy = {}
    for value in values:
        for part in value.split(","):
            for directive in part.split(";"):
                tokens = directive.strip().split()
                if not tokens:
                    continue
                name = tokens[0].lower()
                if not re.fullmatch(r"[a-z-]+", name):
                    raise ValueError(f"bad directive {name!r}")
                policy.setdefault(name, {token if token.startswith("'nonce-") else token.lower() for token in tokens[1:]})
    return policy


def _csp(headers, url, report):
    values = headers.get("content-security-policy", [])
    if not values:
        report.add("content-security-policy", "csp-not-implemented", -25)
        return {}
    try:
        csp = parse_csp(values)
    except ValueError:
        report.add("content-security-policy", "csp-header-invalid", -25)
        return {}
    default = csp.get("default-src")
    script = set(csp.get("script-src") or default or {"*"})
    style = set(csp.get("style-src") or default or {"*"})
    objects = csp.get("object-src") or default or {"*"}
    for sources in (script, style):
        if any(source.startswith(NONCE_OR_HASH) for source in sources):
            sources.discard("'unsafe-inline'")
    if "'strict-dynamic'" in script and any(source.startswith(NONCE_OR_HASH) for source in script):
        script = {s for s in script if s not in ("'self'", "'unsafe-inline'") and not any(s.startswith(b) for b in BROAD)}
    passive = {source for name in ("img-src", "media-src") for source in (csp.get(name) or default or set())}
    active = {s for name, sources in csp.items() if name not in ("img-src", "media-src", "script-src") for s in sources} | script
    https = urlsplit(url).scheme == "https"
    insecure = lambda sources: https and any(s.startswith(("http:", "ftp:")) for s in sources)
    if script & (BROAD | UNSAFE_INLINE) or objects & BROAD:
        result = ("csp-implemented-with-unsafe-inline", -20)
    elif insecure(active):
        result = ("csp-implemented-with-insecure-scheme", -20)
    elif "'unsafe-eval'" in script | style:
        result = ("csp-implemented-with-unsafe-eval", -10)
    elif insecure(passive):
        result = ("csp-implemented-with-insecure-scheme-in-passive-content-only", -10)
    elif style & (BROAD | UNSAFE_INLINE):
        result = ("csp-implemented-with-unsafe-inline-in-style-src-only", 0)
    elif default == {"'none'"}:
        result = ("csp-implemented-with-no-unsafe-default-src-none", 10)
    else:
        result = ("csp-implemented-with-no-unsafe", 5)
    report.add("content-security-policy", *result)
    return csp


def _hsts(headers, url):
    """(result, modifier, passes)."""
    if urlsplit(url).scheme != "https":
        return "hsts-not-implemented-no-https", -20, False
    value = (headers.get("strict-transport-security") or [""])[0]
    if not value:
        return "hsts-not-implemented", -20, False
    match = re.search(r"max-age\s*=\s*\"?(\d+)", value, re.IGNORECASE)
    if not match:
        return "hsts-header-invalid", -20, False
    if int(match.group(1)) < SIX_MONTHS:
        return "hsts-implemented-max-age-less-than-six-months", -10, False
    return "hsts-implemented-max-age-at-least-six-months", 0, True


COOKIE_RESULTS = [  # from the least bad to the worst: a response is scored by its worst cookie
    ("cookies-without-secure-flag-but-protected-by-hsts", -5),
    ("cookies-without-secure-flag", -20),
    ("cookies-session-without-secure-flag-but-protected-by-hsts", -10),
    ("cookies-samesite-flag-invalid", -20),
    ("cookies-anticsrf-without-samesite-flag", -20),
    ("cookies-session-without-httponly-flag", -30),
    ("cookies-session-without-secure-flag", -40),
]


def _cookie_problems(raw, hsts):
    """(indices into COOKIE_RESULTS, has SameSite) for one Set-Cookie value."""
    name, _, rest = raw.partition("=")
    attributes = {}
    for attribute in rest.split(";")[1:]:
        key, _, value = attribute.strip().partition("=")
        attributes[key.strip().lower()] = value.strip()
    key, samesite, secure = name.strip().lower(), attributes.get("samesite"), "secure" in attributes
    session, anticsrf = any(s in key for s in ("login", "sess")), "csrf" in key
    problems = []
    if samesite is not None and samesite.lower() not in ("lax", "strict", "none"):
        problems.append(3)
    if samesite and samesite.lower() == "none" and not secure:
        problems.append(3)
    if not secure:
        problems.append(0 if hsts else 1)
    if anticsrf and not samesite:
        problems.append(4)
    if session and not secure:
        problems.append(2 if hsts else 6)
    if session and "httponly" not in attributes:
        problems.append(5)
    return problems, bool(samesite)


def _cookies(headers, hsts, report):
    cookies = [_cookie_problems(raw, hsts) for raw in headers.get("set-cookie", [])]
    problems = [problem for found, _ in cookies for problem in found]
    if not cookies:
        report.add("cookies", "cookies-not-found", 0)
    elif problems:
        report.add("cookies", *COOKIE_RESULTS[max(problems)])
    elif all(samesite for _, samesite in cookies):
        report.add("cookies", "cookies-secure-with-httponly-sessions-and-samesite", 5)
    else:
        report.add("cookies", "cookies-secure-with-httponly-sessions", 0)


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))


def _sri(headers, html, url, report):
    if "html" not in (headers.get("content-type") or [""])[0]:
        report.add("subresource-integrity", "sri-not-implemented-response-not-html", 0)
        return
    parser = _Scripts()
    parser.feed(html)
    host = urlsplit(url).hostname
    external = [s for s in parser.scripts if s.get("src") and urlsplit(s["src"]).hostname not in (None, host)]
    if not [s for s in parser.scripts if s.get("src")]:
        report.add("subresource-integrity", "sri-not-implemented-but-no-scripts-loaded", 0)
    elif any(s["src"].startswith(("http:", "//")) for s in external):
        report.add("subresource-integrity", "sri-not-implemented-and-external-scripts-not-loaded-securely", -50)
    elif external and not all(s.get("integrity") for s in external):
        report.add("subresource-integrity", "sri-not-implemented-but-external-scripts-loaded-securely", -5)
    elif external:
        report.add("subresource-integrity", "sri-implemented-and-external-scripts-loaded-securely", 5)
    else:
        report.add("subresource-integrity", "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0)


def score(headers, html, url, http_redirect=None, origin_probe="https://http-observatory.security.mozilla.org"):
    """The Observatory's report for one response.

    ``headers``: {lower-case name: [values]} as received for ``url``; ``html``: its body;
    ``http_redirect``: (status, Location) of the same path asked over plain HTTP, or None when the
    site does not answer HTTP. The request that produced ``headers`` carried ``Origin: origin_probe``.
    """
    report = Report()
    csp = _csp(headers, url, report)
    hsts_result, hsts_modifier, hsts_passes = _hsts(headers, url)
    report.add("strict-transport-security", hsts_result, hsts_modifier)
    _cookies(headers, hsts_passes, report)

    allow_origin = (headers.get("access-control-allow-origin") or [""])[0].strip()
    credentials = (headers.get("access-control-allow-credentials") or [""])[0].strip().lower() == "true"
    if not allow_origin:
        report.add("cross-origin-resource-sharing", "cross-origin-resource-sharing-not-implemented", 0)
    elif allow_origin == origin_probe and credentials:
        report.add("cross-origin-resource-sharing", "cross-origin-resource-sharing-implemented-with-universal-access", -50)
    else:
        report.add("cross-origin-resource-sharing", "cross-origin-resource-sharing-implemented-with-public-access", 0)

    if http_redirect is None:
        report.add("redirection", "redirection-not-needed-no-http", 0)
    else:
        status, location = http_redirect
        target = urlsplit(location or "")
        if status not in (301, 302, 303, 307, 308):
            report.add("redirection", "redirection-missing", -20)
        elif target.scheme != "https":
            report.add("redirection", "redirection-not-to-https-on-initial-redirection", -10)
        elif target.hostname != urlsplit(url).hostname:
            report.add("redirection", "redirection-off-host-from-http", -5)
        else:
            report.add("redirection", "redirection-to-https", 0)

    referrer = [p.strip().lower() for p in (headers.get("referrer-policy") or [""])[0].split(",") if p.strip()]
    if not referrer:
        report.add("referrer-policy", "referrer-policy-not-implemented", 0)
    elif referrer[-1] in PRIVATE_REFERRERS:
        report.add("referrer-policy", "referrer-policy-private", 5)
    elif referrer[-1] in UNSAFE_REFERRERS:
        report.add("referrer-policy", "referrer-policy-unsafe", -5)
    else:
        report.add("referrer-policy", "referrer-policy-header-invalid", -5)

    _sri(headers, html, url, report)

    nosniff = (headers.get("x-content-type-options") or [""])[0].strip().lower()
    if nosniff == "nosniff":
        report.add("x-content-type-options", "x-content-type-options-nosniff", 0)
    else:
        report.add("x-content-type-options", "x-content-type-options-not-implemented", -5)

    xfo = (headers.get("x-frame-options") or [""])[0].strip().lower()
    if csp.get("frame-ancestors") and not csp["frame-ancestors"] & BROAD:
        report.add("x-frame-options", "x-frame-options-implemented-via-csp", 5)
    elif xfo in ("deny", "sameorigin"):
        report.add("x-frame-options", "x-frame-options-sameorigin-or-deny", 0)
    elif not xfo:
        report.add("x-frame-options", "x-frame-options-not-implemented", -20)
    else:
        report.add("x-frame-options", "x-frame-options-header-invalid", -20)

    corp = (headers.get("cross-origin-resource-policy") or [""])[0].strip().lower()
    corp_results = {
        "": ("cross-origin-resource-policy-not-implemented", 0),
        "same-origin": ("cross-origin-resource-policy-implemented-with-same-origin", 10),
        "same-site": ("cross-origin-resource-policy-implemented-with-same-site", 10),
        "cross-origin": ("cross-origin-resource-policy-implemented-with-cross-origin", 0),
    }
    report.add("cross-origin-resource-policy", *corp_results.get(corp, ("cross-origin-resource-policy-header-invalid", -5)))
    return report
