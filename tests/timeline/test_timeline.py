"""Business history (timeline.Event): the application's timeline is written with each change, outlives the
audit log's purge, and migration 0005 of traineeships copied the history the audit log held."""

import datetime
from importlib import import_module

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from audit.services import purge_older_than
from tests.traineeships.helpers import approved_base, published_post
from tests.traineeships.test_applications import make_trainee
from timeline.models import Event
from timeline.selectors import events_for
from traineeships.services import applications

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(enterprise_a, admin_a, county_reviewer_a, city_reviewer):
    base = approved_base(enterprise_a, admin_a, county_reviewer_a, city_reviewer)
    post = published_post(base.organisation, admin_a, [county_reviewer_a, city_reviewer], city_reviewer)
    return applications.apply(actor=make_trainee(), post=post)


def _rows(subject):
    return [(event.event, event.label, event.status, event.actor_name, event.note) for event in events_for(subject)]


def test_each_change_of_an_application_goes_into_its_timeline(application, admin_a):
    applications.decide(actor=admin_a, application=application, approve=False, reason="专业不符")
    assert _rows(application) == [
        ("created", "报名", "pending", "王小青", ""),
        ("rejected", "审核不通过", "rejected", "甲管理员", "专业不符"),
    ]
    assert [event.actor_org_id for event in events_for(application)] == [None, admin_a.organisation_id]


def test_the_timeline_outlives_the_audit_purge(client, application, admin_a):
    applications.decide(actor=admin_a, application=application, approve=True)
    AuditEntry.objects.update(created_at=timezone.now() - datetime.timedelta(days=400))
    assert purge_older_than(days=365) > 0
    assert not AuditEntry.objects.filter(target_type="traineeships.Application").exists()
    client.force_login(admin_a)
    page = client.get(reverse("traineeships:application_review", args=[application.pk]))
    assert [(entry.event, entry.actor_name) for entry in page.context["history"]] == [
        ("created", "王小青"), ("approved", "甲管理员")]
    assert 'data-history-status="approved"' in page.content.decode()


def test_events_are_append_only(application):
    event = events_for(application).first()
    with pytest.raises(RuntimeError):
        event.save()


def test_the_migration_copies_the_audit_history_of_applications(application, admin_a):
    applications.withdraw(actor=application.person, application=application)
    expected = _rows(application)
    times = list(AuditEntry.objects.filter(target_type="traineeships.Application").order_by("id")
                 .values_list("created_at", flat=True))
    Event.objects.all().delete()
    migration = import_module("traineeships.migrations.0005_application_timeline_from_audit")
    migration.copy_history(apps, None)
    assert _rows(application) == expected == [
        ("created", "报名", "pending", "王小青", ""), ("withdrawn", "撤销报名", "withdrawn", "王小青", "")]
    assert [event.created_at for event in events_for(application)] == times
    migration.forget_history(apps, None)
    assert not Event.objects.exists()
