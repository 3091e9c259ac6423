"""Zhangban settings, read from the environment (twelve-factor).

Without any variable beyond the secrets this is the embedded default: SQLite, in-memory
channel layer, local-memory cache, eager Celery, console SMS and e-mail, sandbox
providers on loopback. Setting `DATABASE_URL` and `REDIS_URL` turns on PostgreSQL,
channels_redis, django-redis and the Celery broker. Secrets come only from the
environment (or a local, git-ignored `.env` written by `scripts/bootstrap_env.py`).
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
_env_file = Path(os.environ.get("ENV_FILE", BASE_DIR / ".env"))
if _env_file.is_file():
    # Values already in the environment win over the file.
    env.read_env(str(_env_file), overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Browser clients served from other origins (the H5 page of mobile_mock/ under `make run`) may call
# /api/ with a bearer token, never with cookies; the websocket accepts the same origins (ws_origin.py).
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_HEADERS = (
    "accept",
    "accept-language",
    "authorization",
    "content-type",
    "idempotency-key",
    "x-request-id",
)
CORS_EXPOSE_HEADERS = ("Retry-After", "Idempotent-Replayed", "X-Request-ID", "Content-Language")
CORS_PREFLIGHT_MAX_AGE = 600

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "channels",
    "corsheaders",
    "backend.core",
    "backend.accounts",
    "miniprogram_bridge.apps.MiniprogramBridgeConfig",
    "notifications",
    "payments.apps.PaymentsConfig",
    "payments.reconciliation.apps.ReconciliationConfig",
    "backend.services",
    "backend.applications",
    "backend.certificates",
    "backend.appointments",
    "backend.feedback",
    "backend.supervision",
]

MIDDLEWARE = [
    "backend.core.middleware.RequestIdMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "backend.config.urls"
WSGI_APPLICATION = "backend.config.wsgi.application"
ASGI_APPLICATION = "backend.config.asgi.application"

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

# --- Database --------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Persistent connections only for WSGI workers that ask for them; under ASGI each request
# thread would hold its own connection (shared/PERFORMANCE.md).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env.int("DB_CONNECT_TIMEOUT", 3)
    # The ASGI (websocket) process: a bounded psycopg pool instead of a new connection for each
    # database_sync_to_async call (shared/PERFORMANCE.md); needs CONN_MAX_AGE 0.
    DB_POOL_MAX_SIZE = env.int("DB_POOL_MAX_SIZE", default=0)
    if DB_POOL_MAX_SIZE:
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"]["OPTIONS"]["pool"] = {
            "min_size": 1,
            "max_size": DB_POOL_MAX_SIZE,
            "timeout": 10,
        }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Embedded default: request threads and provider callbacks write at once. IMMEDIATE takes the
    # write lock at BEGIN and waits for it (timeout), instead of failing with "database is locked"
    # when a transaction that read first tries to write (SQLite cannot wait in that case).
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: cache, channel layer, Celery broker, atomic counters ------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2},
        }
    }
    # `pubsub`: one Redis connection per process, a group send is one PUBLISH fanned out in
    # process (bench/RESULTS.md, websocket). `core`: per-channel sorted sets, buffered for
    # `expiry` seconds. Its BZPOPMIN waits 5 s, and redis-py 8 reads with a 5 s socket timeout
    # by default, so an idle consumer died after 5 s: the read timeout must exceed the pop's,
    # and the pool (100 by default in redis-py 8) must hold a burst of connects.
    CHANNEL_LAYER_BACKEND = env.str("CHANNEL_LAYER_BACKEND", default="pubsub")
    if CHANNEL_LAYER_BACKEND not in {"pubsub", "core"}:
        raise ImproperlyConfigured("CHANNEL_LAYER_BACKEND must be pubsub or core")
    _layer_host = {"address": REDIS_URL, "socket_timeout": 15, "socket_connect_timeout": 3}
    if CHANNEL_LAYER_BACKEND == "pubsub":
        _layer = "channels_redis.pubsub.RedisPubSubChannelLayer"
    else:
        _layer, _layer_host["max_connections"] = "channels_redis.core.RedisChannelLayer", 1000
    CHANNEL_LAYERS = {"default": {"BACKEND": _layer, "CONFIG": {"hosts": [_layer_host]}}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
# Counters that must be atomic and fail closed (OTP limits, lockouts): Redis when
# configured, else a row-locked database table.
RATE_LIMIT_REDIS_URL = env.str("RATE_LIMIT_REDIS_URL", default=REDIS_URL)
RATE_LIMIT_KEY_PREFIX = "zb:rl:"

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = "Asia/Shanghai"
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULE = {
    "purge-login-data": {"task": "accounts.purge_login_data", "schedule": 3600.0},
    "notifications-sweep-outbox": {"task": "notifications.sweep_outbox", "schedule": 30.0},
    "payments-sweep": {"task": "payments.sweep", "schedule": 60.0},
    # Yesterday's bills, every 30 min until they appear (after 10:00 Asia/Shanghai).
    "reconciliation-daily": {"task": "reconciliation.daily", "schedule": 1800.0},
    "certificates-issue-missing": {"task": "certificates.issue_missing", "schedule": 600.0},
    "appointments-send-reminders": {"task": "appointments.send_reminders", "schedule": 300.0},
    "appointments-mark-no-shows": {"task": "appointments.mark_no_shows", "schedule": 900.0},
    "feedback-forward-evaluations": {"task": "feedback.forward_evaluations", "schedule": 120.0},
}

# --- Auth ------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"

# Staff sessions (admin) expire after idle time: graded protection level 3.
STAFF_IDLE_TIMEOUT = timedelta(minutes=env.int("STAFF_IDLE_MINUTES", default=30))
SESSION_COOKIE_AGE = int(STAFF_IDLE_TIMEOUT.total_seconds())
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
STAFF_LOCKOUT_THRESHOLD = env.int("STAFF_LOCKOUT_THRESHOLD", default=5)
STAFF_LOCKOUT_PERIOD = timedelta(minutes=env.int("STAFF_LOCKOUT_MINUTES", default=15))

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env.int("JWT_ACCESS_MINUTES", default=10)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_DAYS", default=14)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": False,
    "ALGORITHM": "HS256",
    "SIGNING_KEY": env.str("JWT_SIGNING_KEY", default=SECRET_KEY),
    "AUTH_HEADER_TYPES": ("Bearer",),
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "sub",
}

# --- Personal data ---------------------------------------------------------------------
# "kid:base64key,kid:base64key"; the first key encrypts, all decrypt (rotation).
FIELD_ENCRYPTION_KEYS = env.str("FIELD_ENCRYPTION_KEYS")
# Keyed hash for finding encrypted values (phone, ID number) without decrypting.
PII_HASH_KEY = env.str("PII_HASH_KEY")

# --- One-time codes --------------------------------------------------------------------
OTP_TTL = timedelta(minutes=5)
OTP_MAX_ATTEMPTS = 5
OTP_PHONE_COOLDOWN_SECONDS = 60
OTP_PHONE_DAILY_LIMIT = env.int("OTP_PHONE_DAILY_LIMIT", default=10)
OTP_IP_HOURLY_LIMIT = env.int("OTP_IP_HOURLY_LIMIT", default=30)
OTP_LOGIN_IP_HOURLY_LIMIT = env.int("OTP_LOGIN_IP_HOURLY_LIMIT", default=60)

# --- Pluggable backends (the base reaches upward only through these) --------------------
SMS_BACKEND = env.str("SMS_BACKEND", default="notifications.sms.ConsoleSmsBackend")
REAL_NAME_VERIFIER = env.str("REAL_NAME_VERIFIER", default="backend.accounts.realname.HttpRealNameVerifier")
REAL_NAME_VERIFY_URL = env.str("REAL_NAME_VERIFY_URL", default="http://127.0.0.1:8001/realname/verify")
REAL_NAME_APP_ID = env.str("REAL_NAME_APP_ID", default="zhangban-sandbox")
REAL_NAME_APP_SECRET = env.str("REAL_NAME_APP_SECRET", default="")
REAL_NAME_TIMEOUT = env.float("REAL_NAME_TIMEOUT", default=3.0)
REAL_NAME_DAILY_LIMIT = env.int("REAL_NAME_DAILY_LIMIT", default=5)

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="no-reply@zhangban.invalid")

# --- Notifications (outbox, SMS providers, websocket); see notifications/ -----------------
NOTIFY_MAX_ATTEMPTS = env.int("NOTIFY_MAX_ATTEMPTS", default=6)
NOTIFY_BACKOFF_BASE_SECONDS = env.int("NOTIFY_BACKOFF_BASE_SECONDS", default=30)
NOTIFY_BACKOFF_MAX_SECONDS = env.int("NOTIFY_BACKOFF_MAX_SECONDS", default=3600)
NOTIFY_LEASE_SECONDS = env.int("NOTIFY_LEASE_SECONDS", default=120)
NOTIFY_QUIET_START_HOUR, NOTIFY_QUIET_END_HOUR = 22, 8  # Asia/Shanghai
NOTIFY_SMS_PER_USER_HOUR = env.int("NOTIFY_SMS_PER_USER_HOUR", default=5)
NOTIFY_SMS_MAX_SEGMENTS = env.int("NOTIFY_SMS_MAX_SEGMENTS", default=1)
NOTIFY_WS_TICKET_SECONDS = env.int("NOTIFY_WS_TICKET_SECONDS", default=30)
NOTIFY_WS_HEARTBEAT_SECONDS = env.int("NOTIFY_WS_HEARTBEAT_SECONDS", default=25)
# Routes and templates are cached per process; an edit reaches other processes within this.
NOTIFY_RULES_CACHE_SECONDS = env.int("NOTIFY_RULES_CACHE_SECONDS", default=60)
NOTIFY_PUBLIC_BASE_URL = env.str("NOTIFY_PUBLIC_BASE_URL", default="http://127.0.0.1:8000")
TWILIO_ACCOUNT_SID = env.str("TWILIO_ACCOUNT_SID", default="AC" + "0" * 32)
TWILIO_AUTH_TOKEN = env.str("TWILIO_AUTH_TOKEN", default="")
TWILIO_FROM = env.str("TWILIO_FROM", default="+15005550006")
TWILIO_API_BASE_URL = env.str("TWILIO_API_BASE_URL", default="http://127.0.0.1:8001/twilio")
TWILIO_TIMEOUT = env.float("TWILIO_TIMEOUT", default=5.0)
TENCENT_SMS_SECRET_ID = env.str("TENCENT_SMS_SECRET_ID", default="AKIDsandbox")
TENCENT_SMS_SECRET_KEY = env.str("TENCENT_SMS_SECRET_KEY", default="")
TENCENT_SMS_ENDPOINT = env.str("TENCENT_SMS_ENDPOINT", default="127.0.0.1:8001/tencent-sms")
TENCENT_SMS_PROTOCOL = env.str("TENCENT_SMS_PROTOCOL", default="http")
TENCENT_SMS_REGION = env.str("TENCENT_SMS_REGION", default="ap-guangzhou")
TENCENT_SMS_SDK_APP_ID = env.str("TENCENT_SMS_SDK_APP_ID", default="1400000000")
TENCENT_SMS_SIGN_NAME = env.str("TENCENT_SMS_SIGN_NAME", default="掌办")
TENCENT_SMS_LOGIN_TEMPLATE = env.str("TENCENT_SMS_LOGIN_TEMPLATE", default="1100000")
TENCENT_SMS_TIMEOUT = env.int("TENCENT_SMS_TIMEOUT", default=5)
# Tencent's delivery receipts are not signed: the callback URL configured in its console carries
# this secret (`/api/v1/notifications/tencent-sms/status/<token>`); empty refuses every receipt.
TENCENT_SMS_CALLBACK_TOKEN = env.str("TENCENT_SMS_CALLBACK_TOKEN", default="")

# --- Payments (payments/): bills, WeChat Pay v3, Alipay, sandbox; see README -------------
# `sandbox` serves every channel from the in-process sandbox provider (embedded default);
# `live` sends WeChat channels to WeChat Pay and Alipay channels to Alipay (or their fakes).
PAYMENT_PROVIDER = env.str("PAYMENT_PROVIDER", default="sandbox")
PAYMENTS_NOTIFY_BASE_URL = env.str("PAYMENTS_NOTIFY_BASE_URL", default="http://127.0.0.1:8000")
PAYMENT_ORDER_TTL_MINUTES = env.int("PAYMENT_ORDER_TTL_MINUTES", default=30)
PAYMENT_QUERY_DELAY_SECONDS = env.int("PAYMENT_QUERY_DELAY_SECONDS", default=60)
PAYMENT_PROVIDER_TIMEOUT = env.float("PAYMENT_PROVIDER_TIMEOUT", default=5.0)
WECHATPAY_GATEWAY_URL = env.str("WECHATPAY_GATEWAY_URL", default="https://api.mch.weixin.qq.com")
WECHATPAY_MCHID = env.str("WECHATPAY_MCHID", default="")
WECHATPAY_APPID = env.str("WECHATPAY_APPID", default="")
WECHATPAY_PRIVATE_KEY = env.str("WECHATPAY_PRIVATE_KEY", default="", multiline=True)
WECHATPAY_CERT_SERIAL_NO = env.str("WECHATPAY_CERT_SERIAL_NO", default="")
WECHATPAY_APIV3_KEY = env.str("WECHATPAY_APIV3_KEY", default="")
WECHATPAY_PUBLIC_KEY = env.str("WECHATPAY_PUBLIC_KEY", default="", multiline=True)
WECHATPAY_PUBLIC_KEY_ID = env.str("WECHATPAY_PUBLIC_KEY_ID", default="")
ALIPAY_PAY_GATEWAY_URL = env.str("ALIPAY_PAY_GATEWAY_URL", default="https://openapi.alipay.com/gateway.do")
ALIPAY_PAY_APP_ID = env.str("ALIPAY_PAY_APP_ID", default="")
ALIPAY_PAY_SELLER_ID = env.str("ALIPAY_PAY_SELLER_ID", default="")
ALIPAY_PAY_PRIVATE_KEY = env.str("ALIPAY_PAY_PRIVATE_KEY", default="", multiline=True)
ALIPAY_PAY_PUBLIC_KEY = env.str("ALIPAY_PAY_PUBLIC_KEY", default="", multiline=True)
# Reconciliation (payments/reconciliation/): providers publish yesterday's bill after this hour.
RECONCILIATION_FETCH_AFTER_HOUR = env.int("RECONCILIATION_FETCH_AFTER_HOUR", default=10)

# --- Mini-programs (miniprogram_bridge/): WeChat and Alipay login, subscribe messages -------
# Base URLs point at the sandbox of mobile_mock/ by default; production sets the real hosts.
WECHAT_API_BASE_URL = env.str("WECHAT_API_BASE_URL", default="http://127.0.0.1:8001/wechat/")
WECHAT_MINIAPP_APPID = env.str("WECHAT_MINIAPP_APPID", default="wxsandbox00000001")
WECHAT_MINIAPP_SECRET = env.str("WECHAT_MINIAPP_SECRET", default="")
WECHAT_TIMEOUT = env.float("WECHAT_TIMEOUT", default=3.0)
WECHAT_SUBSCRIBE_MINIPROGRAM_STATE = env.str("WECHAT_SUBSCRIBE_MINIPROGRAM_STATE", default="formal")
# template key -> {template_id, fields: {WeChat field: our data key}, page} (README: mini-programs).
WECHAT_SUBSCRIBE_TEMPLATES = env.json(
    "WECHAT_SUBSCRIBE_TEMPLATES",
    default={
        "application_progress": {
            "template_id": "zb-sandbox-application-progress",
            "fields": {
                "thing1": "service_name",
                "phrase2": "status",
                "time3": "updated_at",
                "thing4": "remark",
            },
            "page": "pages/applications/detail",
        },
        "payment_due": {
            "template_id": "zb-sandbox-payment-due",
            "fields": {"thing1": "bill_name", "amount2": "amount", "time3": "due_at"},
            "page": "pages/bills/detail",
        },
        "certificate_issued": {
            "template_id": "zb-sandbox-certificate-issued",
            "fields": {"thing1": "certificate_name", "time2": "issued_at"},
            "page": "pages/certificates/detail",
        },
    },
)
ALIPAY_GATEWAY_URL = env.str("ALIPAY_GATEWAY_URL", default="http://127.0.0.1:8001/alipay/gateway.do")
ALIPAY_APP_ID = env.str("ALIPAY_APP_ID", default="2021000000000001")
ALIPAY_APP_PRIVATE_KEY = env.str("ALIPAY_APP_PRIVATE_KEY", default="", multiline=True)
ALIPAY_PUBLIC_KEY = env.str("ALIPAY_PUBLIC_KEY", default="", multiline=True)
ALIPAY_AES_KEY = env.str("ALIPAY_AES_KEY", default="")
ALIPAY_TIMEOUT = env.float("ALIPAY_TIMEOUT", default=3.0)
# Alipay subscribe messages (alipay.open.app.mini.templatemessage.send), the twin of the WeChat
# ones: template key -> {template_id, fields: {Alipay keyword: our data key}, page}.
ALIPAY_SUBSCRIBE_TEMPLATES = env.json(
    "ALIPAY_SUBSCRIBE_TEMPLATES",
    default={
        "application_progress": {
            "template_id": "zbsandboxaliapplicationprogress1",
            "fields": {
                "keyword1": "service_name",
                "keyword2": "status",
                "keyword3": "updated_at",
                "keyword4": "remark",
            },
            "page": "pages/applications/detail",
        },
        "payment_due": {
            "template_id": "zbsandboxalipaymentdue000000001",
            "fields": {"keyword1": "bill_name", "keyword2": "amount", "keyword3": "due_at"},
            "page": "pages/bills/detail",
        },
        "certificate_issued": {
            "template_id": "zbsandboxalicertificateissued01",
            "fields": {"keyword1": "certificate_name", "keyword2": "issued_at"},
            "page": "pages/certificates/detail",
        },
    },
)

# --- I18N ------------------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "backend" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# --- Static files ----------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# The embedded default serves assets straight from the apps; production collects them.
WHITENOISE_USE_FINDERS = DEBUG or env.bool("WHITENOISE_USE_FINDERS", default=False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if WHITENOISE_USE_FINDERS
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")

# --- Results and service around the case (certificates, appointments, feedback) ----------
# "kid:hex SM2 private key[,kid:hex…]": the first signs, all verify. Empty: a sandbox key
# derived from SECRET_KEY (embedded default only; production sets real keys).
CERTIFICATE_SIGNING_KEYS = env.str("CERTIFICATE_SIGNING_KEYS", default="")
CERTIFICATE_PUBLIC_BASE_URL = env.str("CERTIFICATE_PUBLIC_BASE_URL", default="http://127.0.0.1:8000")
CERTIFICATE_FONT_PATH = env.str("CERTIFICATE_FONT_PATH", default="")
APPOINTMENT_REMINDER_HOURS = env.int("APPOINTMENT_REMINDER_HOURS", default=24)
# This many no-shows within the window pause booking for the ban period after the last one.
APPOINTMENT_NO_SHOW_LIMIT = env.int("APPOINTMENT_NO_SHOW_LIMIT", default=3)
APPOINTMENT_NO_SHOW_WINDOW_DAYS = env.int("APPOINTMENT_NO_SHOW_WINDOW_DAYS", default=90)
APPOINTMENT_NO_SHOW_BAN_DAYS = env.int("APPOINTMENT_NO_SHOW_BAN_DAYS", default=30)
# Working days: a bad rating's follow-up (差评整改), a consultation's and a complaint's reply.
EVALUATION_RECTIFICATION_WORKDAYS = env.int("EVALUATION_RECTIFICATION_WORKDAYS", default=15)
CONSULTATION_REPLY_WORKDAYS = env.int("CONSULTATION_REPLY_WORKDAYS", default=5)
COMPLAINT_REPLY_WORKDAYS = env.int("COMPLAINT_REPLY_WORKDAYS", default=10)
# The provincial rating system that ratings are forwarded to (sandbox: mobile_mock/rating.py).
EVALUATION_FORWARD_URL = env.str("EVALUATION_FORWARD_URL", default="http://127.0.0.1:8001/rating/evaluations")
EVALUATION_FORWARD_APP_ID = env.str("EVALUATION_FORWARD_APP_ID", default="zhangban-sandbox")
EVALUATION_FORWARD_SECRET = env.str("EVALUATION_FORWARD_SECRET", default="")
EVALUATION_FORWARD_TIMEOUT = env.float("EVALUATION_FORWARD_TIMEOUT", default=5.0)

# --- Security --------------------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many reverse proxies append to X-Forwarded-For; 0 trusts only the socket address.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# The reverse proxy usually redirects to HTTPS; production turns this on (README).
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "backend.core.errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
APPEND_SLASH = False

# --- REST framework and the contract -----------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["backend.accounts.authentication.BearerAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "backend.core.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "EXCEPTION_HANDLER": "backend.core.errors.problem_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
    # JSON only: no `?format=` switch (an unknown value would answer a bare 404).
    "URL_FORMAT_OVERRIDE": None,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Zhangban (掌办) API",
    "DESCRIPTION": (
        "查、缴、办 — the public API of the provincial government-services platform for the "
        "mobile app and the WeChat / Alipay mini-programs.\n\n"
        "Errors are `application/problem+json` (RFC 9457) with a stable `code`; titles and "
        "details follow `Accept-Language` (zh-Hans default, `en`). Money is integer fen. "
        "Times are ISO 8601 with zone."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "BillStateEnum": "payments.constants.BillState",
        "PaymentOrderStateEnum": "payments.constants.OrderState",
        "RefundStateEnum": "payments.constants.RefundState",
        "RefundKindEnum": "payments.constants.RefundKind",
        "LedgerKindEnum": "payments.constants.LedgerKind",
        "BillLineKindEnum": "payments.reconciliation.constants.LineKind",
        "PaymentChannelEnum": "payments.constants.Channel",
        "CertificateStatusEnum": "backend.certificates.constants.CertificateStatus",
        "AppointmentStatusEnum": "backend.appointments.constants.AppointmentStatus",
        "EvaluationLevelEnum": "backend.feedback.constants.Level",
        "EvaluationStageEnum": "backend.feedback.constants.Stage",
        "EvaluationReasonTagEnum": "backend.feedback.constants.ReasonTag",
        "RectificationStatusEnum": "backend.feedback.constants.RectificationStatus",
        "InquiryKindEnum": "backend.feedback.constants.InquiryKind",
        "InquiryStatusEnum": "backend.feedback.constants.InquiryStatus",
        # Named here because fields called `status` / `level` above collide with them.
        "ApplicationStatusEnum": "backend.applications.constants.Status",
        "RegionLevelEnum": "backend.services.constants.RegionLevel",
        "ReconciliationRunStateEnum": "payments.reconciliation.constants.RunState",
        "DifferenceCaseStateEnum": "payments.reconciliation.constants.CaseState",
        "DifferenceCaseCategoryEnum": "payments.reconciliation.constants.CaseCategory",
        "DifferenceCaseResolutionEnum": "payments.reconciliation.constants.CaseResolution",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "backend.core.openapi.add_problem_responses",
        "payments.openapi.callback_replies",
    ],
    "SERVERS": [{"url": "/", "description": "this server"}],
    "TAGS": [
        {"name": "auth", "description": "Login (SMS code, staff), tokens, logout."},
        {"name": "me", "description": "The resident's own account and real-name data."},
        {"name": "staff", "description": "Staff reads of resident data (audited)."},
        {"name": "audit", "description": "The append-only audit log (auditor role only)."},
        {"name": "operations", "description": "Liveness and readiness."},
        {
            "name": "messages",
            "description": (
                "The inbox, and the live event stream `wss://…/ws/v1/events` (auth: `Authorization: "
                "Bearer` or a one-time `?ticket=`; `hello{last_id}` → missed `event`s in id order, "
                "`ready`, then live ones; `ping`/`pong`; close codes 4001 unauthorized, 4002 token "
                "expired, 1001 going away, 4400 bad frame). Full contract with every frame and "
                "example: `openapi/asyncapi.yaml` (AsyncAPI 3.0)."
            ),
        },
        {"name": "sms callbacks", "description": "Delivery receipts from the SMS provider (signed)."},
        {
            "name": "payments",
            "description": "Bills (缴款单), paying them, receipts and payment history (缴).",
        },
        {
            "name": "finance",
            "description": "Finance staff: refunds, payment notices, bill ledgers (audited).",
        },
        {"name": "payment callbacks", "description": "Notifications from WeChat Pay and Alipay (signed)."},
        {
            "name": "subscriptions",
            "description": "WeChat subscribe-message consents (one-time, per template).",
        },
        {"name": "services", "description": "The service catalog: search and guides (public)."},
        {"name": "applications", "description": "Applications, materials and progress (办 and 查)."},
        {"name": "staff-workbench", "description": "Staff queues and case handling; reads are audited."},
        {
            "name": "certificates",
            "description": "Electronic certificates (电子证照): mine, image, public check.",
        },
        {
            "name": "appointments",
            "description": "Appointments at the service halls: slots, booking, check-in.",
        },
        {"name": "evaluations", "description": "Ratings of cases (好差评) and the follow-up of bad ones."},
        {"name": "consultations", "description": "Consultations and complaints, answered by departments."},
        {"name": "supervision", "description": "Efficiency figures for supervisors (效能监督)."},
    ],
}

# --- Logging: JSON lines with a request id, personal data masked -----------------------------
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "backend.core.logging.RequestIdFilter"},
        "mask_pii": {"()": "backend.core.logging.MaskPersonalDataFilter"},
    },
    "formatters": {"json": {"()": "backend.core.logging.JsonFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id", "mask_pii"],
        }
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django.server": {"level": "WARNING"},
        "django.request": {"level": "ERROR"},
    },
}

ZB_PROBLEM_TYPE_BASE = "urn:zhangban:problem:"
