"""Settings shared by every environment. `dev`, `test` and `production` import this module."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import dj_email_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "demo",
    "operations",
    "api",
    "newsletters",
    "home",
    "search",
    "news",
    "people",
    "editions",
    "core",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    # After frontend_cache: its ready() disconnects the purges that app's ready() connects.
    "caching",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail_modeladmin",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    # After wagtail.images: its ready() replaces the file clean-up that app's ready() connects.
    "images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "axes",
    "django_tasks",
    "django_tasks_db",
    # WhiteNoise serves static files under runserver too, so dev behaves like production.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the session: a cached page is served before anything else is looked up.
    "caching.page_cache.PageCacheMiddleware",
    # Below the page cache: pages are trimmed once, before they are stored.
    "caching.trim.TrimHtmlMiddleware",
    # Below the page cache: a page missing a picture's crops is marked no-store.
    "core.crops.ReaderCropsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The edition (language) from the address's prefix; `/` by Accept-Language, no cookie.
    "editions.routing.EditionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Above the CSRF check: a POST to a page is a 405, not a 403 (core/methods.py).
    "core.methods.ReadOnlySiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.view_restrictions.ViewRestrictionsPerRequestMiddleware",
    # Below the page cache: cached pages keep the header they were rendered with (no nonces).
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: counts failed logins and locks out repeated failures.
    "axes.middleware.AxesMiddleware",
]

# The public views that take a form (POST); every other public view reads only (GET, HEAD).
PUBLIC_FORM_VIEWS = [
    "wagtailcore_authenticate_with_password",  # a private page's password
    "wagtaildocs_authenticate_with_password",  # a private collection's password
    "wagtailcore_login",  # signing in to read a page for signed-in readers
    # Newsletters (newsletters/views.py): signing up, and the signed links in their emails.
    "newsletter_signup",
    "newsletter_confirm",
    "newsletter_cancel",
    "newsletter_manage",
    "newsletter_unsubscribe",
]

ROOT_URLCONF = "magazine.urls"
WSGI_APPLICATION = "magazine.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.navigation",
                "editions.context_processors.editions",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=600
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's, answering reads that name an integer past 64 bits (magazine/sqlite/base.py).
    DATABASES["default"]["ENGINE"] = "magazine.sqlite"
    # Wait for a writer rather than fail, and take the write lock up front so that two
    # processes (the server and the scheduler, say) never deadlock upgrading a read lock.
    # WAL lets readers and a writer work at once; with it, NORMAL syncing is still safe from
    # corruption and spares an fsync on every small write (a search records a hit).
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif os.environ.get("DATABASE_SERVER_SIDE_BINDING", "1") == "1":
    # Parameters travel apart from the SQL: psycopg no longer writes them into each query, and a
    # query shape asked a fifth time on a connection is prepared, so PostgreSQL stops planning
    # it anew. Uncached articles: 30-34 requests/s instead of 17-26 (bench/throughput.py, two
    # runs each way). Set DATABASE_SERVER_SIDE_BINDING=0 behind a pooler that cannot keep
    # prepared statements (PgBouncer before 1.21 in transaction mode).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=5
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: after AXES_FAILURE_LIMIT failed logins for one username from one address,
# logins are refused for AXES_COOLOFF_TIME, with a page that says so (templates/axes/).
# (AxesBackend only refuses; ModelBackend signs in. AxesBackend rather than the standalone one:
# it can also load the signed-in user, which Django asks of the first backend.)
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failures are counted per username *and* address: an attacker locks out only their own
# attempts, and the editor signs in from their usual address meanwhile. Addresses come from
# core/client_address.py, which reads X-Forwarded-For only from TRUSTED_PROXIES.
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_address"
TRUSTED_PROXIES = [
    network.strip()
    for network in os.environ.get("TRUSTED_PROXIES", "").split(",")
    if network.strip()
]
AXES_FAILURE_LIMIT = 5
# Wrong passwords for a private page or document from one address, per window
# (core/page_passwords.py).
PASSWORD_GUESSES = 5
PASSWORD_GUESS_WINDOW = 15 * 60
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "axes/locked_out.html"
AXES_RESET_ON_SUCCESS = True

# Security headers on every response (tests/magazine/test_security_headers.py). SecurityMiddleware
# sends nosniff, the referrer policy and the opener policy; HSTS and the HTTPS redirect are
# production's (they would lock a developer's browser out of http://127.0.0.1).
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview frames its own admin pages with SAMEORIGIN
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "interest-cohort",
    )
}
# The public site's content security policy: its own scripts, styles and fonts only, no
# inline script; pictures from itself (and production's media host); video players in embeds.
# The admin (its own inline scripts and styles) and Wagtail's previews under it are left out.
EMBED_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": EMBED_FRAME_SOURCES,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Purges name each edition's addresses themselves: Wagtail would purge every address in every
# language too (/en/... for /es/...), the other edition's feeds included.
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []
# Two editions, each under its language's prefix (/en/, /es/): Wagtail's locales, one per
# language, and Django's catalogues for the interface (locale/; `make install` compiles them).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates as the magazine writes them in each language (magazine/formats/).
FORMAT_MODULE_PATH = ["magazine.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Django serves uploads only where no web server or object store sits in front of it
# (`make run`, `make prod`, the tests).
SERVE_MEDIA_FILES = os.environ.get("SERVE_MEDIA_FILES") == "1"

# Large StreamField bodies post many fields from the page editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Magazine"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.MagazineImage"
# The magazine's name, logo and links, for the apps below home (core/site_settings.py).
MAGAZINE_SETTINGS_MODEL = "home.MagazineSettings"
# Tag pages at /tags/cote-divoire/ rather than /tags/c%C3%B4te-divoire/.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True
WAGTAILIMAGES_IMAGE_FORM_BASE = "images.forms.MagazineImageForm"
# No SVG: it can carry scripts, and every picture here is a photo or an illustration.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 60_000_000
WAGTAILIMAGES_AVIF_QUALITY = 60
WAGTAILIMAGES_WEBP_QUALITY = 75
WAGTAILIMAGES_JPEG_QUALITY = 80
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}

# The page cache (caching/page_cache.py): files here, Redis in production. Not local memory:
# `make run`'s scheduler publishes from a process of its own, and the server must hear of it.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": BASE_DIR / ".cache" / "pages",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_SECONDS = 24 * 60 * 60  # a change empties it anyway
# What a CDN and browsers are told: browsers ask again within a minute; a CDN keeps a page five
# minutes (purged sooner on publishing) and may serve it a while longer while it fetches anew.
# Where responses list their surrogate keys: Varnish's xkey always; add "Surrogate-Key" for
# Fastly, "Cache-Tag" for Cloudflare (production reads SURROGATE_KEY_HEADERS).
SURROGATE_KEY_HEADERS = ["xkey"]
# What a CDN in front holds that lists every page, as URL names and their arguments: purged
# by address with any page's change (caching/freshness.py; each page adds its own addresses).
CDN_SITE_WIDE_URLS = [
    ("sitemap_index",),
    ("sitemap", "pages"),
    ("news_sitemap",),
    ("feed_rss",),
    ("feed_atom",),
]
PAGE_CACHE_CONTROL = {
    "public": True,
    "max_age": 60,
    "s_maxage": 300,
    "stale_while_revalidate": 60,
}
# PostgreSQL's text search configurations, one per edition: stemming after unaccent, created
# by search's migrations 0001 (English) and 0003 (Spanish). Each article is indexed with its
# language's, each search and news's related coverage (news/related_terms.py) read words with
# the edition's (core/text.py search_configuration).
TEXT_SEARCH_CONFIGURATION = "magazine_unaccent"
TEXT_SEARCH_CONFIGURATIONS = {"en": TEXT_SEARCH_CONFIGURATION, "es": "magazine_unaccent_es"}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = TEXT_SEARCH_CONFIGURATION
# Documents always go through Wagtail's view, which checks their collection's privacy; on remote
# storage Wagtail would otherwise redirect to the file's public address.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Background work (image crops, embeds, Wagtail's reference index and CDN purges) goes through
# Django's tasks framework (the django-tasks backport): kept in the database and run by
# `manage.py db_worker` (`make run` starts one); Redis and RQ in production.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Email (newsletters/): the SMTP server EMAIL_URL names, e.g.
# smtp://user:password@mail.example.org:587/?tls=True (production; `make prod` sets one to its
# local sink); without it, each message is written to a file in .mail/ (`make run`).
if os.environ.get("EMAIL_URL"):
    globals().update(dj_email_url.parse(os.environ["EMAIL_URL"]))
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = BASE_DIR / ".mail"
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "The Parallax <newsletters@localhost>")
NEWSLETTER_FROM_EMAIL = os.environ.get("NEWSLETTER_FROM_EMAIL", DEFAULT_FROM_EMAIL)
# A confirmation link works this long; unconfirmed sign-ups are then deleted.
NEWSLETTER_CONFIRM_HOURS = 72
# Sign-ups from one address (per hour) and for one email address (per day), instead of a CAPTCHA.
NEWSLETTER_SIGNUPS_PER_IP = 10
NEWSLETTER_SIGNUPS_PER_ADDRESS = 3
# Recipients read per query while sending an issue (newsletters/sending.py).
NEWSLETTER_BATCH = 500

# How often a live page open in a reader's browser asks for new updates (docs/live.md).
LIVE_POLL_SECONDS = 30
