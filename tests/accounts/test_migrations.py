"""The data step of accounts 0003: people who already passed the traineeship entry keep that verification."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.utils import timezone

from accounts.models import LoginRecord
from tests import factories

migration = importlib.import_module("accounts.migrations.0003_sms_limits_password_history_verified_identity")


@pytest.mark.django_db
def test_first_traineeship_sign_in_becomes_the_verification_time():
    verified, password_only, untouched = (factories.individual() for _ in range(3))
    first = timezone.now() - timedelta(days=30)
    for user, reason, when in ((verified, "就业见习登录成功", first), (verified, "就业见习登录成功", timezone.now()),
                               (password_only, "登录成功", first)):
        LoginRecord.objects.create(user=user, identifier="x", succeeded=True, reason=reason, created_at=when)
    migration.remember_verified_identities(apps, None)
    for user in (verified, password_only, untouched):
        user.refresh_from_db()
    assert (verified.identity_verified_at, password_only.identity_verified_at, untouched.identity_verified_at) == (
        first, None, None)
