import datetime
import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.utils import timezone

from audit.models import AuditEntry
from audit.services import MINIMUM_RETENTION_DAYS, purge_older_than, record


@pytest.fixture(autouse=True)
def unlabelled_codes_allowed(settings):
    """Purge tests age entries with a made-up code; that every code has a label is tested in test_labels.py."""
    settings.AUDIT_REQUIRE_LABELS = False


def aged(days: int, action="test.action") -> AuditEntry:
    created = record(actor=None, action=action)
    AuditEntry.objects.filter(pk=created.pk).update(created_at=timezone.now() - datetime.timedelta(days=days))
    return created


@pytest.fixture
def entries(db):
    return {"old": aged(400), "edge": aged(364), "recent": aged(10)}


def test_purge_command_deletes_only_entries_past_the_retention(entries, settings, capsys):
    settings.AUDIT_RETENTION_DAYS = 365
    call_command("purge_audit")
    remaining = set(AuditEntry.objects.filter(action="test.action").values_list("pk", flat=True))
    assert remaining == {entries["edge"].pk, entries["recent"].pk}
    assert "已删除 1 条" in capsys.readouterr().out
    purge = AuditEntry.objects.get(action="audit.purge")
    assert purge.after["deleted"] == 1
    assert purge.actor is None


def test_dry_run_deletes_nothing(entries, settings, capsys):
    settings.AUDIT_RETENTION_DAYS = 365
    call_command("purge_audit", "--dry-run")
    assert AuditEntry.objects.filter(action="test.action").count() == 3
    assert "将删除 1 条" in capsys.readouterr().out


def test_six_months_is_the_floor_whatever_is_asked(db, settings):
    settings.AUDIT_RETENTION_DAYS = 30  # the settings module refuses this; the service refuses it too
    kept = aged(MINIMUM_RETENTION_DAYS - 1)
    gone = aged(MINIMUM_RETENTION_DAYS + 1)
    assert purge_older_than(days=1) == 1
    assert AuditEntry.objects.filter(pk=kept.pk).exists()
    assert not AuditEntry.objects.filter(pk=gone.pk).exists()


def test_the_configured_retention_wins_over_a_shorter_request(entries, settings):
    settings.AUDIT_RETENTION_DAYS = 500
    assert purge_older_than(days=200) == 0
    assert AuditEntry.objects.filter(action="test.action").count() == 3


def test_settings_refuse_less_than_six_months():
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "praxis.settings", "AUDIT_RETENTION_DAYS": "90"},
        capture_output=True, text=True,
    )
    assert result.returncode != 0
    assert "AUDIT_RETENTION_DAYS must keep at least 6 months" in result.stderr
