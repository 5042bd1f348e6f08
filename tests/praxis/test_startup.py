"""Start-up as a newcomer meets it: a malformed setting is one line, a busy port is refused before gunicorn."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def manage(tmp_path, **env):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "praxis.settings", "PRAXIS_VAR_DIR": str(tmp_path), **env}
    return subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(("variable", "value", "message"), [
    ("LOGIN_MAX_FAILURES", "abc", "LOGIN_MAX_FAILURES must be an integer, got 'abc'"),
    ("DEBUG", "maybe", "DEBUG must be a boolean, got 'maybe'"),
    ("DATABASE_URL", "nonsense", "DATABASE_URL must be a database URL such as "
                                 "postgres://user:pass@host:5432/praxis or sqlite:///path, got 'nonsense'"),
    ("SECRET_KEY_FILE", "/nonexistent/secret", "SECRET_KEY_FILE cannot be read: No such file or directory "
                                               "(/nonexistent/secret)"),
    ("CACHE_URL", "memcached://127.0.0.1:11211", "CACHE_URL must be empty or a Redis URL such as "
                                                 "redis://127.0.0.1:6379/0, got 'memcached://127.0.0.1:11211'"),
    ("CACHE_URL", "redis://127.0.0.1:6379/cache", "CACHE_URL must be empty or a Redis URL such as "
                                                  "redis://127.0.0.1:6379/0, got 'redis://127.0.0.1:6379/cache'"),
])
def test_a_malformed_setting_stops_with_one_line(tmp_path, variable, value, message):
    result = manage(tmp_path, **{variable: value})
    assert result.returncode == 1
    assert result.stderr == f"配置错误 / configuration error: {message}\n"
    assert result.stdout == ""


def test_a_busy_port_is_refused_with_one_line():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "scripts/port_check.py", "free", "127.0.0.1", str(port)], cwd=ROOT,
                                capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert result.stderr.startswith(f"无法在 127.0.0.1:{port} 启动：")
    assert "端口已被占用或地址不可用" in result.stderr and result.stderr.count("\n") == 1


def test_waiting_for_a_server_that_exited_says_so(tmp_path):
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]
    result = subprocess.run(
        [sys.executable, "scripts/port_check.py", "wait", "127.0.0.1", str(free_port), str(finished.pid)],
        cwd=ROOT, capture_output=True, text=True, timeout=30,
    )
    assert result.returncode == 1
    assert result.stderr == "网站进程 (gunicorn) 已退出，未能启动；原因见上方日志\n"


@pytest.mark.parametrize(("tiles", "img_src"), [
    ("", "img-src 'self' data:;"),
    ("https://tiles.intranet.example/{z}/{x}/{y}.png", "img-src 'self' data: https://tiles.intranet.example;"),
])
def test_the_map_tile_origin_is_allowed_by_the_content_security_policy(tmp_path, tiles, img_src):
    """培训场地维护's map draws tiles from the configured intranet source; without one, no other origin is allowed."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "praxis.settings", "PRAXIS_VAR_DIR": str(tmp_path),
                   "PRAXIS_MAP_TILE_URL": tiles}
    result = subprocess.run([sys.executable, "-c", "import django; django.setup(); from django.conf import settings; "
                             "print(settings.CONTENT_SECURITY_POLICY)"], cwd=ROOT, env=environment,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert img_src in result.stdout


@pytest.mark.parametrize(("cache_url", "backend", "seconds"), [
    ("", "django.core.cache.backends.locmem.LocMemCache", 10),
    ("redis://127.0.0.1:6379/3", "django.core.cache.backends.redis.RedisCache", 300),
])
def test_a_shared_cache_keeps_the_public_search_longer(tmp_path, cache_url, backend, seconds):
    """Each process's own memory by default; with a Redis server every worker reads one version of the public
    search's results, so they are kept 5 minutes instead of 10 s (the server is not reached at start-up)."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "praxis.settings", "PRAXIS_VAR_DIR": str(tmp_path),
                   "CACHE_URL": cache_url}
    environment.pop("PUBLIC_POSTS_CACHE_SECONDS", None)
    result = subprocess.run([sys.executable, "-c", "import django; django.setup(); from django.conf import settings; "
                             "print(settings.CACHES['default']); print(settings.PUBLIC_POSTS_CACHE_SECONDS)"],
                            cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    location = (f", 'LOCATION': '{cache_url}', 'OPTIONS': {{'socket_connect_timeout': 1, 'socket_timeout': 1}}"
                if cache_url else "")
    assert result.stdout == f"{{'BACKEND': '{backend}'{location}}}\n{seconds}\n"
