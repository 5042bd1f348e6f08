"""`manage.py check --deploy` is clean with the README's production variables, and the defaults that
matter when nothing is set (the SMS outbox page is off)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "SECRET_KEY": "k3J9-x2Vq8LmN4pR7sT1uW6yZ0aB5cD8eF2gH4iJ6kL9mN1oP3qR5sT7uV9wX0yZ2",
    "PRAXIS_REQUIRE_SECRET_KEY": "true",
    "ALLOWED_HOSTS": "praxis.example.cn",
    "CSRF_TRUSTED_ORIGINS": "https://praxis.example.cn",
    "SECURE_COOKIES": "true",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
    "SECURE_HSTS_PRELOAD": "true",
    "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto: https",
    "SMS_OUTBOX_VISIBLE": "false",
    "TRUSTED_PROXY_COUNT": "1",
    "FIELD_ENCRYPTION_KEY": "k1:ZGVwbG95LWNoZWNrLWVuY3J5cHRpb24ta2V5LTMyYnk=",
    "FIELD_HASH_KEY": "aGFzaC1rZXktZm9yLXRoZS1kZXBsb3ktY2hlY2sxMjM=",
}


def run_manage(tmp_path, *args, extra=None):
    # Only the variables named here: nothing of the test run's own environment leaks in.
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "PRAXIS_VAR_DIR": str(tmp_path / "var"),
           "DJANGO_SETTINGS_MODULE": "praxis.settings", **(extra or {})}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


def test_check_deploy_is_clean_with_the_production_variables(tmp_path):
    result = run_manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING", extra=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."


def test_the_production_variables_are_the_readme_s():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in PRODUCTION:
        assert f"`{name}`" in readme, name


def test_https_settings_and_the_outbox_default_off(tmp_path):
    code = ("from django.conf import settings as s; print(s.SMS_OUTBOX_VISIBLE, s.SECURE_SSL_REDIRECT, "
            "s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER)")
    default = run_manage(tmp_path, "shell", "-v", "0", "-c", code)
    assert default.stdout.strip() == "False False 0 None", default.stderr
    production = run_manage(tmp_path, "shell", "-v", "0", "-c", code, extra=PRODUCTION)
    assert production.stdout.strip() == "False True 31536000 ('HTTP_X_FORWARDED_PROTO', 'https')"


def test_a_malformed_proxy_header_stops_start_up(tmp_path):
    result = run_manage(tmp_path, "check", extra={"SECURE_PROXY_SSL_HEADER": "https"})
    assert result.returncode != 0
    assert "SECURE_PROXY_SSL_HEADER must look like 'X-Forwarded-Proto: https'" in result.stderr
