"""Settings for deptcoord, read from environment variables with safe defaults (see .env.example)."""

import os
import secrets
from ipaddress import ip_network
from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("DEPTCOORD_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_flag(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def load_secret_key() -> str:
    """Use SECRET_KEY when set; otherwise generate one into var/ on first start and keep it."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = load_secret_key()
PRODUCTION = env_flag("DEPTCOORD_PRODUCTION")
DEBUG = env_flag("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django_htmx",
    "ninja",
    "django_tasks_db",
    "deptcoord.core",
    "deptcoord.access",
    "deptcoord.audit",
    "deptcoord.notices",
    "deptcoord.search",
    "deptcoord.org",
    "deptcoord.goals",
    "deptcoord.people",
    "deptcoord.work",
    "deptcoord.records",
    "deptcoord.api",
    "deptcoord.reports",
    "deptcoord.planning",
    "deptcoord.meetings",
    "deptcoord.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "deptcoord.core.private_responses.PrivateResponses",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "deptcoord.core.bounds.StripControlCharacters",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "deptcoord.core.request_memo.RequestMemo",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "deptcoord.org.middleware.PersonMiddleware",
]

ROOT_URLCONF = "deptcoord.urls"
WSGI_APPLICATION = "deptcoord.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "deptcoord" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "deptcoord.org.context.navigation",
            ],
        },
    },
]

# Database: SQLite under var/ by default, PostgreSQL through DATABASE_URL.
SQLITE_OPTIONS = {
    "init_command": (
        "PRAGMA journal_mode=WAL;"
        "PRAGMA synchronous=FULL;"
        "PRAGMA foreign_keys=ON;"
        "PRAGMA busy_timeout=20000;"
    ),
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "deptcoord.sqlite3",
            "OPTIONS": SQLITE_OPTIONS,
        }
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", SQLITE_OPTIONS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The reverse proxies in front of the application (addresses or networks, comma-separated):
# X-Forwarded-For is believed only when a request comes from one of them.
TRUSTED_PROXIES = [
    ip_network(proxy.strip(), strict=False)
    for proxy in os.environ.get("TRUSTED_PROXIES", "").split(",")
    if proxy.strip()
]

# Cache, sessions and background jobs: local by default, Redis through REDIS_URL.
REDIS_URL = os.environ.get("REDIS_URL", "")
# Plan runs (seconds to minutes of solving each) have a worker of their own, so that e-mails
# and reminders never wait behind them.
TASK_QUEUES = ["default", "planner"]
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    RQ_QUEUES = {queue: {"URL": REDIS_URL} for queue in TASK_QUEUES}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": TASK_QUEUES}}
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
else:
    # In the database, so that every web process counts the same failed sign-ins and sees the
    # same change counters. Room for a company's counters and kept Today cards (some 20 a
    # person): past the limit, a third of the entries are dropped at once, the counters too.
    CACHES = {
        "default": {
            "BACKEND": "deptcoord.core.db_cache.DatabaseCache",
            "LOCATION": "deptcoord_cache",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "today"
LOGOUT_REDIRECT_URL = "account_login"

# django-allauth: sign-in by e-mail, no public sign-up (people are invited), TOTP.
ACCOUNT_ADAPTER = "deptcoord.org.auth_adapter.InvitationOnlyAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
ACCOUNT_RATE_LIMITS = {
    # Per address, and per account at one address (the key; see org/auth_adapter.py).
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "10/m/ip,5/5m/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[deptcoord] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "deptcoord"
SOCIALACCOUNT_ADAPTER = "deptcoord.org.auth_adapter.ExistingPeopleSocialAdapter"
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_PROVIDERS = {}
if os.environ.get("OIDC_SERVER_URL"):
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": "sso",
                "name": os.environ.get("OIDC_NAME", "SSO"),
                "client_id": os.environ.get("OIDC_CLIENT_ID", ""),
                "secret": os.environ.get("OIDC_CLIENT_SECRET", ""),
                "settings": {"server_url": os.environ["OIDC_SERVER_URL"]},
            }
        ],
    }

# E-mail: printed to the console by default, SMTP (or any backend) through EMAIL_URL.
EMAIL_URL = os.environ.get("EMAIL_URL", "")


def mailer_from_url(url: str) -> dict:
    """A MAILERS entry from an EMAIL_URL such as smtp+tls://user:password@host:587."""
    parsed = dj_email_url.parse(url)
    if "EMAIL_BACKEND" not in parsed:
        known = ", ".join(sorted(dj_email_url.SCHEMES))
        raise ImproperlyConfigured(f"EMAIL_URL: unknown scheme in {url!r}; use one of {known}")
    options = {
        "host": parsed["EMAIL_HOST"],
        "port": parsed["EMAIL_PORT"],
        "username": parsed["EMAIL_HOST_USER"],
        "password": parsed["EMAIL_HOST_PASSWORD"],
        "use_tls": parsed["EMAIL_USE_TLS"],
        "use_ssl": parsed["EMAIL_USE_SSL"],
        "timeout": parsed["EMAIL_TIMEOUT"] or 20,
    }
    if parsed["EMAIL_BACKEND"].endswith("filebased.EmailBackend"):
        options = {"file_path": parsed["EMAIL_FILE_PATH"]}
    elif not parsed["EMAIL_BACKEND"].endswith("smtp.EmailBackend"):
        options = {}
    return {"BACKEND": parsed["EMAIL_BACKEND"], "OPTIONS": options}


if EMAIL_URL:
    MAILERS = {"default": mailer_from_url(EMAIL_URL)}
elif PRODUCTION:
    MAILERS = {"default": mailer_from_url("smtp://localhost:25")}
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "deptcoord <no-reply@deptcoord.local>")

# Languages, dates and time zones.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("vi", _("Vietnamese"))]
LOCALE_PATHS = [BASE_DIR / "deptcoord" / "locale", BASE_DIR / "deptcoord" / "locale_allauth"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FIRST_DAY_OF_WEEK = 1
FORMAT_MODULE_PATH = ["deptcoord.formats"]
LANGUAGE_COOKIE_NAME = "deptcoord_language"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns about a missing folder before collectstatic
STATICFILES_DIRS = [BASE_DIR / "deptcoord" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"
WHITENOISE_USE_FINDERS = DEBUG
IMPORT_MAX_BYTES = 5 * 1024 * 1024
RECORDS_MAX_UPLOAD_MB = int(os.environ.get("RECORDS_MAX_UPLOAD_MB", "20"))
# A request body held in memory: room for the largest document sent base64-encoded to the API
# (4/3 of its size) with its JSON around it.
DATA_UPLOAD_MAX_MEMORY_SIZE = (RECORDS_MAX_UPLOAD_MB * 4 // 3 + 2) * 1024 * 1024

# Content Security Policy: no inline scripts, nonces for the few script tags.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],  # FullCalendar injects its styles with the nonce
    "style-src-attr": [CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
}

# Security in production (DEPTCOORD_PRODUCTION=1 behind HTTPS).
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]  # load balancers ask over plain HTTP
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Periodic jobs and housekeeping.
IMPORT_UPLOAD_MAX_AGE_DAYS = 7
TASK_RESULT_MAX_AGE_DAYS = 14
WORK_REQUEST_STALE_DAYS = int(os.environ.get("WORK_REQUEST_STALE_DAYS", "5"))  # flagged after
WORK_REMINDER_WORKING_DAYS = int(os.environ.get("WORK_REMINDER_WORKING_DAYS", "1"))  # before due

# The planner: CP-SAT's time limit for a plan (the verdict comes within it), for each re-plan
# behind a suggestion, and its search workers.
PLANNER_SECONDS = float(os.environ.get("PLANNER_SECONDS", "15"))
PLANNER_SUGGESTION_SECONDS = float(os.environ.get("PLANNER_SUGGESTION_SECONDS", "3"))
PLANNER_WORKERS = int(os.environ.get("PLANNER_WORKERS", "2"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
