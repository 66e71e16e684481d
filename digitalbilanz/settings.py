"""Django settings, read from the environment (see docs/operations.md for every variable)."""

from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from digitalbilanz.envconf import (
    env_bool,
    env_int,
    env_list,
    env_str,
    parse_cache_url,
    parse_database_url,
    parse_proxy_ssl_header,
    parse_replica_urls,
    secret_key_file,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("DIGITALBILANZ_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
# Production refuses to start without SECRET_KEY. Everywhere else the key defaults to a random one
# kept in var/secret_key, so `make demo` and the command line work with no environment at all.
PRODUCTION = env_bool("DIGITALBILANZ_PRODUCTION", False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Production (DIGITALBILANZ_PRODUCTION=true) refuses to start without it."
        )
    SECRET_KEY = secret_key_file(VAR_DIR / "secret_key")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
CSRF_FAILURE_VIEW = "digitalbilanz.errors.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "axes",
    "digitalbilanz.core",
    "digitalbilanz.portfolio",
    "digitalbilanz.finance",
    "digitalbilanz.workplaces",
    "digitalbilanz.contracts",
    "digitalbilanz.indicators",
    "digitalbilanz.steering",
    "digitalbilanz.services",
    "digitalbilanz.sources",
    "digitalbilanz.council",
    "digitalbilanz.council.oparl",
    "digitalbilanz.demo",
    "digitalbilanz.reports",
    "digitalbilanz.api",
    "digitalbilanz.portal",
    "digitalbilanz.roundtrip",
    "digitalbilanz.comparison",
    "digitalbilanz.registry",
]

MIDDLEWARE = [
    "digitalbilanz.core.middleware.DataChangeMiddleware",  # outermost: after the commit
    "digitalbilanz.core.middleware.ClientAddressMiddleware",  # before anything counts addresses
    "django.middleware.security.SecurityMiddleware",
    "digitalbilanz.guard.RequestGuardMiddleware",  # hostile query strings: 400 before any view
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "digitalbilanz.dbrouter.ReplicaReadMiddleware",  # after authentication: anonymous reads only
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "digitalbilanz.portal.middleware.SecurityHeadersMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the German lockout page
]

ROOT_URLCONF = "digitalbilanz.urls"
WSGI_APPLICATION = "digitalbilanz.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "digitalbilanz" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "digitalbilanz.core.context.memberships",
            ],
        },
    },
]
# Forms render through the accessible field and error templates (core/templates/forms).
FORM_RENDERER = "digitalbilanz.core.forms.FormRenderer"

DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": parse_database_url(DATABASE_URL)}
else:
    # Zero-configuration default: an embedded SQLite file below var/.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "digitalbilanz.sqlite3",
        }
    }
# One transaction per request: a failing form or import never leaves half-saved data.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# Read replicas (comma-separated PostgreSQL URLs): anonymous reads go there (dbrouter.py).
DATABASES.update(parse_replica_urls(env_list("DATABASE_REPLICA_URLS", []), DATABASES["default"]))
DATABASE_ROUTERS = ["digitalbilanz.dbrouter.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Login throttling (django-axes, attempts in the database: works on SQLite and PostgreSQL alike).
# After LOGIN_FAILURE_LIMIT failed logins for one account *or* from one address, further logins
# of that account or from that address are refused for LOGIN_LOCKOUT_MINUTES, the admin login
# included; every attempt during the lockout starts the wait anew.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "digitalbilanz.errors.locked_out"
# Sessions end after this much inactivity: every request moves the expiry forward.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 60) * 60
SESSION_SAVE_EVERY_REQUEST = True
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch"))]
LOCALE_PATHS = [BASE_DIR / "digitalbilanz" / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
# Numbers are formatted explicitly (core/templatetags/dbformat.py); years must stay "2023".
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "digitalbilanz" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# HTTPS in production (docs/operations.md, "Production settings"): all off by default so that
# development and a plain-HTTP test server keep working.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
# The health check answers plain HTTP too (probes on the machine itself, container HEALTHCHECK).
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Only behind a TLS proxy that sets this header on every request (and strips it from clients).
SECURE_PROXY_SSL_HEADER = parse_proxy_ssl_header(env_str("SECURE_PROXY_SSL_HEADER"))
# Only behind exactly one proxy that appends the client's address to X-Forwarded-For.
DIGITALBILANZ_TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

CACHES = {"default": parse_cache_url(env_str("CACHE_URL"), VAR_DIR)}

# Monte Carlo draws used on the web pages (the CLI may ask for more).
DIGITALBILANZ_MC_DRAWS = env_int("DIGITALBILANZ_MC_DRAWS", 2000)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Anonymous API clients: requests per minute and client address (0 = no limit); see docs/api.md.
DIGITALBILANZ_API_ANON_RATE = env_int("DIGITALBILANZ_API_ANON_RATE", 120)
# Wrong API keys per client address and quarter hour before its keyed requests get 429 (0 = off).
DIGITALBILANZ_API_KEY_FAILURES = env_int("DIGITALBILANZ_API_KEY_FAILURES", 20)

# Change reasons may be longer than a line.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
