"""Django settings. Every deployment knob is an environment variable (see README)."""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from kinerja.env import env_bool, env_int, env_list, env_path, env_str

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = env_path("KINERJA_DATA", BASE_DIR.parent / "data")

DEBUG = env_bool("DEBUG", False)
# The default key is for the embedded demo only; `manage.py check --deploy` flags it.
_DEMO_KEY = "django-insecure-kinerja-demo-ganti-di-produksi"
SECRET_KEY = env_str("SECRET_KEY", _DEMO_KEY)
# Demo accounts (password "kinerja-demo") exist only in the demo: with a real SECRET_KEY
# (production) `kinerja demo` creates none and the sign-in page refuses them.
KINERJA_DEMO = env_bool("KINERJA_DEMO", SECRET_KEY == _DEMO_KEY)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "kinerja.organisations",
    "kinerja.planning",
    "kinerja.measurement",
    "kinerja.budget",
    "kinerja.evaluation",
    "kinerja.sample",
    "kinerja.periksa",
    "kinerja.reports",
    "kinerja.excel",
    "kinerja.survey",
    "kinerja.web",
    # Audit trail (who, when, old → new) of realisasi, targets and budget lines.
    "simple_history",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # /static/ from gunicorn too
    # Before the session: the session saved on the way out is a write (kinerja.web.versi).
    "kinerja.web.versi.VersiMiddleware",
    "kinerja.web.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "kinerja.web.csrf.CsrfFillMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "kinerja.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]
WSGI_APPLICATION = "kinerja.wsgi.application"

_DATABASE_URL = env_str("DATABASE_URL", "")
if _DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(_DATABASE_URL, conn_max_age=60)}
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "kinerja.sqlite3",
            # WAL: readers never block the writer; a busy timeout instead of "database is locked".
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# PostgreSQL pushes the data version to each process (LISTEN/NOTIFY): a page served from
# the cache costs no query. 0: every request reads the version row (kinerja.web.versi_push).
KINERJA_VERSI_NOTIFY = env_bool("KINERJA_VERSI_NOTIFY", True)

# Keyed by the data version (kinerja.web.versi), so never stale. "halaman": pages per
# reader, their parts, units and roles; one cache per process, bounded (a unit's entry page
# is ~100-300 KB: at most some 60 MB per process).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "halaman": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "halaman",
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": 200},
    },
    # "akun": signed-in sessions and their users, under the account version (kinerja.web.akun).
    "akun": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "akun",
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
    # "laporan": downloaded reports (DOCX/PDF, ~0,5-1 MB each), shared by the processes.
    "laporan": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": DATA_DIR / "cache" / "laporan",
        "TIMEOUT": 7 * 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 200},
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Makassar")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# WhiteNoise serves the apps' own static folders, found at start-up: no collectstatic step
# (and no STATIC_ROOT) before gunicorn.
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = DATA_DIR / "berkas"

SESSION_COOKIE_HTTPONLY = True
# Web app (kinerja.web): sign-in pages, session and lockout.
# Django's database sessions and model backend, each row read once per account change.
SESSION_ENGINE = "kinerja.web.akun"
AUTHENTICATION_BACKENDS = ["kinerja.web.akun.ModelBackend"]
LOGIN_URL = "web:masuk"
LOGIN_REDIRECT_URL = "web:beranda"
LOGOUT_REDIRECT_URL = "web:beranda"
HTTPS = env_bool("HTTPS", False)  # 1 behind TLS: cookies only over HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
# Behind TLS: redirect plain HTTP and tell browsers to use HTTPS only (HSTS, one year).
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# 1 when a reverse proxy ends TLS and sets X-Forwarded-Proto (it must overwrite the header).
if env_bool("KINERJA_PROXY_TLS", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
KINERJA_MASUK_MAKS = env_int("KINERJA_MASUK_MAKS", 5)  # failed sign-ins before a lockout
KINERJA_MASUK_MENIT = env_int("KINERJA_MASUK_MENIT", 15)  # minutes locked
KINERJA_BUKTI_MAKS_MB = env_int("KINERJA_BUKTI_MAKS_MB", 10)  # evidence file size limit
# Public survey form (kinerja.web.views.survei): submissions per client IP per window.
KINERJA_SURVEI_MAKS = env_int("KINERJA_SURVEI_MAKS", 30)
KINERJA_SURVEI_MENIT = env_int("KINERJA_SURVEI_MENIT", 60)
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
