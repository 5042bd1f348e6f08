"""The reminders of 1 October and 1 December: each linked professional short of hours this year gets what is
missing, each unit's administrator one summary; nothing on other days; running twice sends nothing more."""

import datetime

import pytest

from continuing_education.services.reminders import send_reminders
from core.daily import registered_jobs
from notifications.models import Notification
from tests.continuing_education import factories as ce
from tests.continuing_education import factories_archive as archive

pytestmark = pytest.mark.django_db
OCTOBER = datetime.date(ce.this_year(), 10, 1)


@pytest.fixture
def short_and_done(admin_a, enterprise_a, staff_a, pro_b, admin_b):
    archive.credit_hours(staff_a, by=admin_a, public=30, professional=30)  # 专业 30 short
    archive.credit_hours(pro_b.staff_links.get(), by=admin_b, public=30, professional=60)  # done
    ce.staff(enterprise_a, name="李录入")  # typed: no account to remind, in the unit's summary


def test_on_the_first_of_october_the_short_are_reminded(short_and_done, pro_a, pro_b, admin_a, admin_b):
    assert send_reminders(today=OCTOBER) == 2
    title = f"继续教育学时提醒（{OCTOBER.isoformat()}）"
    mine = Notification.objects.get(recipient=pro_a)
    assert mine.title == title
    assert mine.body == f"{ce.this_year()} 年度：公需科目尚缺 0 学时，专业科目尚缺 30 学时，合计尚缺 30 学时。"
    summary = Notification.objects.get(recipient=admin_a)
    assert summary.body.startswith(f"本单位 2 名专业技术人员 {ce.this_year()} 年度学时不足：")
    assert "王专技：公需科目尚缺 0 学时，专业科目尚缺 30 学时" in summary.body
    assert "李录入：公需科目尚缺 30 学时，专业科目尚缺 60 学时，合计尚缺 90 学时" in summary.body
    assert not Notification.objects.filter(recipient__in=[pro_b, admin_b]).exists()


def test_twice_a_day_sends_once(short_and_done):
    assert send_reminders(today=OCTOBER) == 2
    assert send_reminders(today=OCTOBER) == 0
    assert Notification.objects.count() == 2
    assert send_reminders(today=OCTOBER.replace(month=12)) == 2


def test_other_days_send_nothing(short_and_done):
    for day in (OCTOBER.replace(day=2), datetime.date(ce.this_year(), 9, 30), datetime.date(ce.this_year(), 12, 2)):
        assert send_reminders(today=day) == 0
    assert not Notification.objects.exists()


def test_the_job_is_registered():
    assert registered_jobs()["continuing_education.hours_reminders"] is send_reminders
