"""Praxis settings. Every deployment-specific value comes from the environment (see README)."""

import secrets
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from praxis import field_keys
from praxis.env import env_bool, env_cache, env_database, env_header, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("PRAXIS_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", False)
TESTING = env_bool("PRAXIS_TESTING", False)


def _secret_key() -> str:
    key = env_secret("SECRET_KEY")
    if key:
        return key
    if env_bool("PRAXIS_REQUIRE_SECRET_KEY", False):
        raise ImproperlyConfigured("SECRET_KEY (or SECRET_KEY_FILE) must be set in this deployment")
    # The embedded default keeps a generated key beside its database so sessions survive restarts.
    key_file = VAR_DIR / "secret.key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        key_file.chmod(0o600)
    return key_file.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
# ID numbers, mobiles and bank accounts are encrypted at rest (core.fields); see praxis/field_keys.py.
FIELD_ENCRYPTION_KEYS, FIELD_HASH_KEY = field_keys.load(
    VAR_DIR, required=env_bool("PRAXIS_REQUIRE_SECRET_KEY", False)
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "js_lib_bootstrap_icons",
    "captcha",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "core",
    "regions",
    "accounts",
    "organisations",
    "reviews",
    "attachments",
    "webhooks",
    "batch",
    "printing",
    "notifications",
    "audit",
    "calendars",
    "timeline",
    "verification",
    "claims",
    "traineeships",
    "internships",
    "apprenticeships",
    "continuing_education",
    "api",
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "api.middleware.ApiCallAuditMiddleware",  # after auth: records the caller of every /api/v1/ call
    "continuing_education.middleware.DockingCompletionMiddleware",  # after auth: reads the signed-in user
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "core.middleware.RequestContextMiddleware",
]

ROOT_URLCONF = "praxis.urls"
WSGI_APPLICATION = "praxis.wsgi.application"

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
                "portal.context_processors.layout",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# Connections are kept a minute (checked before reuse): opening one per request cost PostgreSQL a fork and a
# sign-in each time, visible in the load test (bench/load).
DATABASES = {"default": env_database(
    "DATABASE_URL", f"sqlite:///{VAR_DIR / 'praxis.sqlite3'}", conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    conn_health_checks=True,
)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and IMMEDIATE transactions let the web process and the job worker share the file
    # without "database is locked" errors under normal load.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Indexes with INCLUDE columns (the audit log's search by actor) are for PostgreSQL, where they let a count and a
# page's keys be read from the index alone; SQLite builds the same index without them, which is what we want.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

# --- Cache ------------------------------------------------------------------------------------
# Empty CACHE_URL (the embedded default): each process keeps its own cache in memory. A Redis URL: one cache that
# every gunicorn worker, the job worker and every machine share.
CACHES = {"default": env_cache("CACHE_URL")}
CACHE_SHARED = CACHES["default"]["BACKEND"] != "django.core.cache.backends.locmem.LocMemCache"
# The public post search's results for visitors not signed in, cached this long (traineeships/public_cache.py).
# A post's save or delete replaces the results' version at once for every process that shares the cache, so with
# a shared cache the lifetime only bounds what the version does not follow (a region renamed): 5 minutes. A
# process's own memory would keep other workers' results stale that long, hence 10 s there.
PUBLIC_POSTS_CACHE_SECONDS = env_int("PUBLIC_POSTS_CACHE_SECONDS", 300 if CACHE_SHARED else 10)

# --- Accounts and sign-in -----------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["accounts.backends.IdentifierBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "portal:home"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_HASHERS = [
    "accounts.hashers.RecommendedArgon2Hasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "accounts.password_rules.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "accounts.password_rules.CharacterClassValidator", "OPTIONS": {"min_classes": 3}},
    {"NAME": "accounts.password_rules.NotIdentifierValidator"},
    {"NAME": "accounts.password_rules.CommonPasswordValidator"},
    {"NAME": "accounts.password_rules.RecentPasswordValidator", "OPTIONS": {"count": 5}},
]
# Lockout as the Fujian platform does it: warn from the 2nd failure, freeze after 6 for 2 hours.
LOGIN_WARN_AFTER_FAILURES = env_int("LOGIN_WARN_AFTER_FAILURES", 2)
LOGIN_MAX_FAILURES = env_int("LOGIN_MAX_FAILURES", 6)
LOGIN_LOCK_MINUTES = env_int("LOGIN_LOCK_MINUTES", 120)
# Per client address: this many failures within the window blocks further attempts from it.
LOGIN_MAX_FAILURES_PER_ADDRESS = env_int("LOGIN_MAX_FAILURES_PER_ADDRESS", 30)
LOGIN_ADDRESS_WINDOW_MINUTES = env_int("LOGIN_ADDRESS_WINDOW_MINUTES", 15)
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = True  # the age counts from the last request: an idle timeout
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
# Number of leading proxies whose X-Forwarded-For we trust for the client address (0 = none).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# --- SMS ---------------------------------------------------------------------------------------
SMS_SENDER = env_str("SMS_SENDER", "accounts.sms.OutboxSender")
SMS_CODE_TTL_SECONDS = env_int("SMS_CODE_TTL_SECONDS", 300)
SMS_RESEND_INTERVAL_SECONDS = env_int("SMS_RESEND_INTERVAL_SECONDS", 60)
SMS_MAX_ATTEMPTS = env_int("SMS_MAX_ATTEMPTS", 5)
# Codes asked for from the public pages, per calendar day: from one client address, and to one number.
SMS_MAX_PER_ADDRESS_PER_DAY = env_int("SMS_MAX_PER_ADDRESS_PER_DAY", 20)
SMS_MAX_PER_NUMBER_PER_DAY = env_int("SMS_MAX_PER_NUMBER_PER_DAY", 10)
# The outbox page (/accounts/dev/sms/) shows sent codes, password-reset codes included, to anyone: off
# unless switched on for a demo (scripts/start does) or the tests.
SMS_OUTBOX_VISIBLE = env_bool("SMS_OUTBOX_VISIBLE", False)

# --- Captcha (generated by the server, works offline) -----------------------------------------
CAPTCHA_TEST_MODE = env_bool("CAPTCHA_TEST_MODE", False)
CAPTCHA_LENGTH = 4
CAPTCHA_TIMEOUT = 10
CAPTCHA_CHALLENGE_FUNCT = "captcha.helpers.random_char_challenge"
CAPTCHA_LETTER_ROTATION = (-25, 25)
CAPTCHA_IMAGE_SIZE = (110, 38)
CAPTCHA_FONT_SIZE = 26

# --- Background jobs -----------------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

BATCH_STALE_MINUTES = env_int("BATCH_STALE_MINUTES", 30)

# Webhooks (webhooks.safety): loopback receivers are refused unless this is on (tests, the local demo).
WEBHOOK_ALLOW_LOOPBACK = env_bool("WEBHOOK_ALLOW_LOOPBACK", False)
WEBHOOK_TIMEOUT_SECONDS = env_int("WEBHOOK_TIMEOUT_SECONDS", 10)

# --- Files ------------------------------------------------------------------------------------
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
_file_backend = env_str("FILE_STORAGE", "filesystem")
if _file_backend == "s3":
    # Any S3-compatible store (MinIO, Ceph, a cloud bucket). The bucket stays private: every download
    # goes through Praxis's own access check, never a public URL.
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL"),
            "access_key": env_secret("AWS_ACCESS_KEY_ID"),
            "secret_key": env_secret("AWS_SECRET_ACCESS_KEY"),
            "region_name": env_str("AWS_S3_REGION_NAME"),
            "default_acl": None,
            "querystring_auth": True,
        },
    }
    if not _default_storage["OPTIONS"]["bucket_name"]:
        raise ImproperlyConfigured("FILE_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME")
elif _file_backend == "filesystem":
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
else:
    raise ImproperlyConfigured("FILE_STORAGE must be 'filesystem' or 's3'")
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if TESTING or DEBUG
        else "core.static_storage.StaticStorage"  # whitenoise's, each URL worked out once
    },
}
WHITENOISE_USE_FINDERS = True
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

# --- Reviews ---------------------------------------------------------------------------------
# Levels that review an organisation's real-name verification (属地人社部门), lowest first.
ORG_VERIFICATION_LEVELS = env_list("ORG_VERIFICATION_LEVELS", ["county"])

# --- Audit and personal data --------------------------------------------------------------
AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", 365)
# The test suite refuses audit action codes without a Chinese label (audit.labels).
AUDIT_REQUIRE_LABELS = TESTING
if AUDIT_RETENTION_DAYS < 183:
    raise ImproperlyConfigured("AUDIT_RETENTION_DAYS must keep at least 6 months (网络安全法 第二十一条)")

# --- Language -------------------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Django sets the process time zone (TZ) to TIME_ZONE, and scripts/start gives gunicorn the same TZ, so
    # every line of the site, the job worker and gunicorn shows one zone; %z prints it.
    "formatters": {"plain": {
        "format": "[%(asctime)s] [%(process)d] [%(levelname)s] %(name)s: %(message)s",
        "datefmt": "%Y-%m-%d %H:%M:%S %z",
    }},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "praxis": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
        "django.request": {"handlers": ["console"], "level": "ERROR"},
        # The job worker (manage.py db_worker) raises these to INFO itself; with a handler here its lines carry
        # the same timestamp and zone as the rest.
        "django_tasks": {"handlers": ["console"], "level": "WARNING"},
        "django_tasks_db": {"handlers": ["console"], "level": "WARNING"},
    },
}

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# HTTPS, all off by default so the demo runs on plain HTTP; the README's production variables set them.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Behind a TLS-terminating proxy: the header it sets, e.g. "X-Forwarded-Proto: https".
SECURE_PROXY_SSL_HEADER = env_header("SECURE_PROXY_SSL_HEADER")
CSRF_FAILURE_VIEW = "core.errors.csrf_failure"

# --- Site identity (header and footer of every page) ------------------------------------------------
SITE_NAME = env_str("SITE_NAME", "Praxis 人社业务协同平台")
SITE_SPONSOR = env_str("SITE_SPONSOR", "")  # 主办单位
SITE_CONTACT = env_str("SITE_CONTACT", "")  # 联系方式, e.g. "0371-12333"
SITE_ICP = env_str("SITE_ICP", "")  # ICP 备案号, e.g. "豫ICP备00000000号"
SITE_PSB = env_str("SITE_PSB", "")  # 公安机关备案号

# --- Apprenticeships (企业新型学徒制): 培训场地维护's map ------------------------------------------------------
# An intranet XYZ tile source, e.g. "https://tiles.intranet.example/{z}/{x}/{y}.png"; its origin is added to the
# policy's img-src below. Empty (the default): no map, the venue's coordinates are typed, so Praxis works offline.
PRAXIS_MAP_TILE_URL = env_str("PRAXIS_MAP_TILE_URL", "")
_tiles = urlsplit(PRAXIS_MAP_TILE_URL)
MAP_TILE_ORIGIN = f"{_tiles.scheme}://{_tiles.netloc}" if _tiles.scheme in ("http", "https") and _tiles.netloc else ""

# --- Content-Security-Policy (core.middleware.ContentSecurityPolicyMiddleware) ------------------------
# Scripts and styles only from our own static files: no inline <script>, no on*= handlers, no style="".
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    f"img-src 'self' data:{' ' + MAP_TILE_ORIGIN if MAP_TILE_ORIGIN else ''}; font-src 'self'; "
    "connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)

# --- Internships (职业院校学生实习备案) ------------------------------------------------------------------
# The admission check of the internship programme (internships.registry_check): a dotted path to a callable
# check(organisation) -> RegistryAnswer; by default the registry table the education departments import.
PRAXIS_INTERNSHIP_REGISTRY_CHECK = env_str("PRAXIS_INTERNSHIP_REGISTRY_CHECK",
                                           "internships.registry_check.registry_table_check")


# --- Open API (/api/v1/, api app; Django REST framework + drf-spectacular) --------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.ApiKeyAuthentication",
        "api.authentication.BrowserSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated", "api.permissions.KeyScope"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.KeyRateThrottle"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.IdCursorPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser", "rest_framework.parsers.MultiPartParser"],
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "api.schema.ProgrammeAutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Praxis 开放接口",
    "DESCRIPTION": "就业见习、职业院校学生实习、企业新型学徒制、专业技术人员继续教育及单位基础信息的开放接口。"
                   "认证：Authorization: Bearer <接口密钥>。错误体统一为 {code, message, field, errors}。",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",  # vendored assets: the documentation works without internet
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "api.schema.add_error_responses"],
    "ENUM_GENERATE_CHOICE_DESCRIPTION": True,
    "DISABLE_ERRORS_AND_WARNINGS": not DEBUG,
    # Choice sets whose field names repeat across components (status, level, subject_type…), named after their
    # model; else drf-spectacular warns of the collision.
    "ENUM_NAME_OVERRIDES": {
        "ReviewStatusEnum": "reviews.models.ReviewStatus",
        "ReviewStepStatusEnum": "reviews.models.StepStatus",
        "ReviewerLevelEnum": "reviews.models.ReviewerLevel",
        "TraineeshipBaseLevelEnum": "traineeships.models.BaseLevel",
        "JobStatusEnum": "batch.models.JobStatus",
        "JobKindEnum": "batch.models.JobKind",
        "StaffEducationEnum": "organisations.models.Education",
        "TraineeshipEducationEnum": "traineeships.models.Education",
        "InternshipEducationEnum": "internships.models.Education",
        "ApprenticeshipEducationEnum": "apprenticeships.models.Education",
        "ContinuingEducationClassStatusEnum": "continuing_education.models.ClassStatus",
        "ContinuingEducationDeclarationStatusEnum": "continuing_education.models.DeclarationStatus",
        "ContinuingEducationSubjectTypeEnum": "continuing_education.models.SubjectType",
        "ContinuingEducationReportModeEnum": "continuing_education.models.ReportMode",
        "ContinuingEducationResultsStatusEnum": "continuing_education.models.ResultsStatus",
        "ContinuingEducationAssessmentEnum": "continuing_education.models.Assessment",
        "ContinuingEducationLearningFormEnum": "continuing_education.models.LearningForm",
        "ContinuingEducationHoursSourceEnum": "continuing_education.models.HoursSource",
        "ContinuingEducationArchiveResultEnum": "continuing_education.selectors.archive.Result",
        "InternshipPositionStatusEnum": "internships.models.PositionStatus",
        "InternshipApplicationStatusEnum": "internships.models.ApplicationStatus",
        "InternshipStatusEnum": "internships.models.InternshipStatus",
        "InternshipYesNoEnum": "internships.forms.positions.YES_NO",
        "InternshipEvaluationStageEnum": "internships.models.EvaluationStage",
        "ApprenticeshipFilingStatusEnum": "apprenticeships.models.FilingStatus",
        "ClaimStatusEnum": "claims.models.ClaimStatus",
        "ApprenticeshipTeacherKindEnum": "apprenticeships.models.TeacherKind",
        "ApprenticeshipTargetLevelEnum": "apprenticeships.models.TargetLevel",
        "InternshipBlacklistStatusEnum": "internships.models.BlacklistStatus",
        "InternshipBlacklistReasonEnum": "internships.models.BlacklistReason",
        "CalendarDayKindEnum": "calendars.models.DayKind",
        "CalendarYearStatusEnum": "calendars.models.YearStatus",
        "ApprenticeshipAttendanceMarkEnum": "apprenticeships.models.Mark",
    },
}
