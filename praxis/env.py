"""Strict readers for settings taken from the environment (healthchecks style).

A value that is present but malformed stops the process at start-up instead of
silently falling back to a default.
"""

import os
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean, got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from exc


def env_database(name: str, default: str, **options) -> dict:
    """A Django DATABASES entry from a database URL such as postgres://user:pass@host:5432/praxis."""
    raw = os.environ.get(name) or default
    try:
        return dj_database_url.parse(raw, **options)
    except ValueError as exc:  # dj_database_url's UnknownSchemeError is a ValueError
        raise ImproperlyConfigured(
            f"{name} must be a database URL such as postgres://user:pass@host:5432/praxis or sqlite:///path, "
            f"got {raw!r}"
        ) from exc


def env_cache(name: str) -> dict:
    """A Django CACHES entry: unset or empty gives each process its own local memory; a redis://, rediss:// or
    unix:// URL gives a Redis cache that every process sharing it sees (e.g. redis://127.0.0.1:6379/0)."""
    raw = (os.environ.get(name) or "").strip()
    if not raw:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    from redis.connection import parse_url  # only a deployment that names a Redis server needs the package

    try:
        parse_url(raw)
        database = urlsplit(raw).path.strip("/") if not raw.startswith("unix:") else ""
        if database and not database.isdigit():  # redis-py would quietly use database 0
            raise ValueError(f"database {database!r} is not a number")
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"{name} must be empty or a Redis URL such as redis://127.0.0.1:6379/0, got {raw!r}"
        ) from exc
    # A Redis server that stops answering must cost a request a second at most, not hang it (the callers treat a
    # failing cache as a missing one: traineeships.public_cache).
    return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": raw,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}}


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_secret(name: str) -> str | None:
    """Read NAME, or the contents of the file named by NAME_FILE (for container secrets)."""
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        try:
            with open(file_path, encoding="utf-8") as handle:
                return handle.read().strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE cannot be read: {exc.strerror} ({file_path})") from exc
    return os.environ.get(name)


def env_header(name: str) -> tuple[str, str] | None:
    """A request header and the value that marks a request as HTTPS behind a proxy, written
    "X-Forwarded-Proto: https" (as Django wants it in SECURE_PROXY_SSL_HEADER); unset or empty gives None."""
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return None
    header, sep, value = raw.partition(":")
    if not sep or not header.strip() or not value.strip():
        raise ImproperlyConfigured(f"{name} must look like 'X-Forwarded-Proto: https', got {raw!r}")
    return "HTTP_" + header.strip().upper().replace("-", "_"), value.strip()
