"""Masthead settings. Everything that differs between machines comes from the environment.

Variables (see README.md):
    DJANGO_DEBUG            1 for development (default 0).
    DJANGO_SECRET_KEY       required unless DJANGO_DEBUG=1.
    DJANGO_ALLOWED_HOSTS    comma-separated host names (default: localhost names when debugging).
    DJANGO_CSRF_TRUSTED_ORIGINS  comma-separated origins, e.g. https://news.example.org
    DATABASE_URL            e.g. postgres://user@host:5432/db (default: SQLite in var/).
    DJANGO_TIME_ZONE        the newsroom's time zone (default Europe/London).
    MASTHEAD_SITE_NAME      the publication's name shown on every page.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from cms.env import env, env_bool, env_float, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("DJANGO_DEBUG", False)

# A development key that announces itself; refused outside DEBUG.
_DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
SECRET_KEY = env("DJANGO_SECRET_KEY") or (_DEV_SECRET_KEY if DEBUG else None)
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set. Set it to a long random value "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
        "or set DJANGO_DEBUG=1 for local development."
    )
if not DEBUG and (SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 32):
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be a real secret of at least 32 characters when DJANGO_DEBUG is off.")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms.apps.NewsroomAdminConfig",  # django.contrib.admin with the newsroom's site
    "django.contrib.auth",
    "axes",  # login throttling
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",  # full-text search on PostgreSQL; harmless elsewhere
    "django.contrib.sitemaps",
    "articles.taggit_config.TagsConfig",  # django-taggit, headed "Tags" in the admin
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "cms.middleware.CrossOriginResourcePolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "articles.middleware.KeepUnsavedAdminPostMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out user name and address first
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

_DATABASE_URL = env("DATABASE_URL")
if not _DATABASE_URL:
    VAR_DIR.mkdir(exist_ok=True)  # the default SQLite file lives in the git-ignored var/
DATABASES = {
    "default": dj_database_url.parse(
        _DATABASE_URL or f"sqlite:///{VAR_DIR / 'masthead.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# No public request may hold a worker for long: statements are cut off after this many seconds
# (0 = no limit). manage.py sets 0 for commands (migrations, imports), unless the variable is set.
DATABASE_STATEMENT_TIMEOUT = env_float("DATABASE_STATEMENT_TIMEOUT", 5.0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default under concurrent use: readers never block the writer (WAL), a writer
    # waits for another instead of failing with "database is locked" (timeout), and a transaction
    # takes the write lock when it starts (IMMEDIATE), so it cannot fail half-way on an upgrade.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("DATABASE_BUSY_TIMEOUT", 20),
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and DATABASE_STATEMENT_TIMEOUT:
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c statement_timeout={int(DATABASE_STATEMENT_TIMEOUT * 1000)}"
    )
# PostgreSQL: statements bound on the server and, run five times on a connection, prepared there (psycopg),
# so a page's queries are not parsed and planned again on every request (bench/README.md, issue 18). On by
# default, for a direct connection (make run, deploy/); DATABASE_PREPARED_STATEMENTS=0 behind a pooler in
# transaction mode that cannot keep prepared statements (PgBouncer before 1.21, or without max_prepared_statements).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool("DATABASE_PREPARED_STATEMENTS", True):
    DATABASES["default"].setdefault("OPTIONS", {}).update({"server_side_binding": True, "prepare_threshold": 5})

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
FORMAT_MODULE_PATH = ["cms.formats"]  # times on the 24-hour clock (cms/formats/en_GB/formats.py)
TIME_ZONE = env("DJANGO_TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded pictures (the image library): files under var/media/ served by the app (make run), or object
# storage in production (docs/deployment.md). Limits are checked by decoding the file (articles/images.py).
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(VAR_DIR / "media")))
MASTHEAD_IMAGE_MAX_BYTES = env_int("MASTHEAD_IMAGE_MAX_BYTES", 20 * 1024 * 1024)
MASTHEAD_IMAGE_MAX_PIXELS = env_int("MASTHEAD_IMAGE_MAX_PIXELS", 40_000_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # form fields (files are counted apart, against the limit above)

# With MASTHEAD_S3_BUCKET set, pictures and their renditions go to S3-compatible object storage through
# django-storages, so several app servers share them (docs/deployment.md). Names are generated and never
# reused, so objects are public, unsigned and cached for a year. MASTHEAD_S3_ENDPOINT_URL: a non-AWS
# service (MinIO, R2, …); MASTHEAD_S3_PUBLIC_URL: the address readers fetch them from (a CDN, say), else
# the bucket's own. Credentials come the usual boto3 ways (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, roles).
MASTHEAD_S3_BUCKET = env("MASTHEAD_S3_BUCKET", "")
if MASTHEAD_S3_BUCKET:
    _s3_public = env("MASTHEAD_S3_PUBLIC_URL", "").rstrip("/")
    _s3_endpoint = env("MASTHEAD_S3_ENDPOINT_URL", "") or None
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MASTHEAD_S3_BUCKET,
            "endpoint_url": _s3_endpoint,
            "region_name": env("MASTHEAD_S3_REGION", "") or None,
            "custom_domain": urlsplit(_s3_public).netloc + urlsplit(_s3_public).path if _s3_public else None,
            "url_protocol": (urlsplit(_s3_public).scheme or "https") + ":",
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": env("MASTHEAD_S3_ACL", "") or None,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    # Readers' browsers fetch the pictures from there: the page's Content-Security-Policy allows it.
    _s3_origin = _s3_public or (_s3_endpoint and f"{_s3_endpoint.rstrip('/')}") or f"https://{MASTHEAD_S3_BUCKET}.s3.amazonaws.com"
    MASTHEAD_MEDIA_ORIGINS = [f"{urlsplit(_s3_origin).scheme}://{urlsplit(_s3_origin).netloc}"]
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    MASTHEAD_MEDIA_ORIGINS = []

STORAGES = {
    "default": _media_storage,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Login throttling (django-axes): after MASTHEAD_LOGIN_FAILURE_LIMIT wrong passwords for one user name
# from one address, that pair is refused (429, saying why) for the cool-off. Only the pair: an
# attacker elsewhere cannot lock an editor out of her own address. A success clears the count.
# Attempts are kept in the database (admin: Axes); behind a proxy set the client address in REMOTE_ADDR.
AXES_FAILURE_LIMIT = env_int("MASTHEAD_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("MASTHEAD_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_VERBOSE = False

# Caches. The page cache for anonymous readers (articles/pagecache.py) lives in the default cache.
# Without REDIS_URL it is a folder of files under var/, shared by every gunicorn worker on this
# machine; with REDIS_URL (redis://host:6379/0) Django's Redis backend, shared by every app server.
REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "cms.caches.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("MASTHEAD_CACHE_PREFIX", "masthead"),
            # Fail fast when Redis is away: readers then get pages uncached (articles/pagecache.py).
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "cms.caches.FileCache",
            "LOCATION": env("MASTHEAD_CACHE_DIR", str(VAR_DIR / "cache")),
            "KEY_PREFIX": env("MASTHEAD_CACHE_PREFIX", "masthead"),
            "OPTIONS": {"MAX_ENTRIES": env_int("MASTHEAD_CACHE_MAX_ENTRIES", 5000)},
        },
        # When each dependency key last ended (articles/pagecache.py): small entries that must not be
        # culled while a page that depends on them may live, so a folder of their own.
        "pages-ledger": {
            "BACKEND": "cms.caches.FileCache",  # a set_many culls once, not once per key
            "LOCATION": env("MASTHEAD_CACHE_DIR", str(VAR_DIR / "cache")) + "-ledger",
            "KEY_PREFIX": env("MASTHEAD_CACHE_PREFIX", "masthead"),
            "OPTIONS": {"MAX_ENTRIES": 1_000_000},
        },
    }
# The page cache: on unless MASTHEAD_PAGE_CACHE=0; how long a page may stay when nothing it shows
# changes (a change ends the pages showing it at once: articles/cachekeys.py); the Cache-Control
# max-age offered to a CDN (0: a CDN keeps pages but asks again every time, answered 304 when unchanged).
MASTHEAD_PAGE_CACHE = env_bool("MASTHEAD_PAGE_CACHE", True)
MASTHEAD_PAGE_CACHE_SECONDS = env_int("MASTHEAD_PAGE_CACHE_SECONDS", 6 * 60 * 60)
# Rendered fragments (an article's own part of its page, its card in lists: articles/fragments.py),
# ended by the same keys: on with the page cache unless MASTHEAD_FRAGMENT_CACHE=0 or 1 says otherwise.
MASTHEAD_FRAGMENT_CACHE = env_bool("MASTHEAD_FRAGMENT_CACHE", None)
# How many seconds after a change a page showing it may still be served, stale, while one request
# renders it again (0: never; a withdrawn article is never served stale): the page cache, and the
# grace an HTTP cache in front is given (deploy/varnish.vcl).
MASTHEAD_STALE_SECONDS = env_int("MASTHEAD_STALE_SECONDS", 10)
# Render the home page and a changed article's page again right after the commit that ended them
# (articles/warming.py), under the host of MASTHEAD_BASE_URL, so that the first reader does not wait.
MASTHEAD_WARM_PAGES = env_bool("MASTHEAD_WARM_PAGES", True)
# Where ended dependency keys go on commit (articles/purging.py): the page cache, the pages rendered
# again, and Varnish when MASTHEAD_VARNISH_URLS names it (after them: its next fetch finds them ready).
MASTHEAD_PURGERS = ["articles.purging.PageCachePurger", "articles.warming.Warmer"]
# Varnish in front (deploy/varnish.vcl): where to send PURGE requests, e.g. http://10.0.0.5:6081/
MASTHEAD_VARNISH_URLS = env_list("MASTHEAD_VARNISH_URLS")
MASTHEAD_VARNISH_TIMEOUT = env_float("MASTHEAD_VARNISH_TIMEOUT", 2.0)
if MASTHEAD_VARNISH_URLS:
    MASTHEAD_PURGERS.append("articles.varnish.VarnishPurger")
# How far apart the app servers' clocks may be, in seconds (articles/pagecache.py); 0 for one machine.
MASTHEAD_CACHE_CLOCK_SKEW = env_float("MASTHEAD_CACHE_CLOCK_SKEW", 0.0)
MASTHEAD_CDN_MAX_AGE = env_int("MASTHEAD_CDN_MAX_AGE", 0)

# Tags: "Syria" and "syria" are one tag.
TAGGIT_CASE_INSENSITIVE = True
# Tags are separated by commas only: "War crimes" is one tag (articles/tagging.py).
TAGGIT_TAGS_FROM_STRING = "articles.tagging.parse_tags"
TAGGIT_STRING_FROM_TAGS = "articles.tagging.edit_string"

# Security headers (docs/deployment.md). Every response carries a Content-Security-Policy that
# allows nothing by default: scripts, styles, images and fonts only from this site, inline scripts
# and styles only with the request's nonce (the admin's few; public pages have none, so cached
# pages never hold a stale nonce), no plugins, no <base>, no framing, forms posting only here.
from csp.constants import NONCE, NONE, SELF

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, *MASTHEAD_MEDIA_ORIGINS, *env_list("MASTHEAD_CSP_IMG_ORIGINS")],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    },
}
# Powerful browser features nobody reading or editing the news needs are switched off.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "fullscreen",
        "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get",
        "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
    )
}
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"  # cms/middleware.py
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# Behind TLS (DJANGO_SECURE_SSL=1): HTTPS only, HSTS for this host and its subdomains (ready for the
# browsers' preload list; DJANGO_HSTS_PRELOAD=0 to stay off it), and cookies named __Host-, which
# browsers accept only when Secure, for this exact host and path /, so no subdomain can plant them.
_SSL = env_bool("DJANGO_SECURE_SSL", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = _SSL
SECURE_SSL_REDIRECT = _SSL
SECURE_HSTS_SECONDS = 31536000 if _SSL else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = _SSL
SECURE_HSTS_PRELOAD = _SSL and env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if _SSL else None
_COOKIE_PREFIX = "__Host-" if _SSL else ""
SESSION_COOKIE_NAME = f"{_COOKIE_PREFIX}sessionid"
CSRF_COOKIE_NAME = f"{_COOKIE_PREFIX}csrftoken"
MASTHEAD_FILTER_COOKIE_NAME = f"{_COOKIE_PREFIX}hide_warnings"  # the reader's warning filter

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
}

MASTHEAD_SITE_NAME = env("MASTHEAD_SITE_NAME", "Masthead")
# Used to build links in emails, e.g. https://news.example.org
MASTHEAD_BASE_URL = env("MASTHEAD_BASE_URL", "http://127.0.0.1:8000")

# Email: printed to the console unless EMAIL_HOST is set.
EMAIL_HOST = env("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "masthead@localhost")
# Raw source files larger than this are refused by the importer.
MASTHEAD_IMPORT_MAX_BYTES = env_int("MASTHEAD_IMPORT_MAX_BYTES", 2 * 1024 * 1024)
# Numeric dates like 03/02/2021 are day-first (3 February) unless the imported site writes month first
# (a page's own other dates settle it when they can; a date nothing settles holds the article for review).
MASTHEAD_IMPORT_MONTH_FIRST = env_bool("MASTHEAD_IMPORT_MONTH_FIRST", False)
# Processes an import run parses its files in (each ~140 MB): 0 for one per core, at most four.
MASTHEAD_IMPORT_PARSERS = env_int("MASTHEAD_IMPORT_PARSERS", 0)
