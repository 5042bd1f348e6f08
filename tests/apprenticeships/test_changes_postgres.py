"""备案变更 under simultaneous requests, on PostgreSQL's real row locks: two date changes when one is left leave
exactly one accepted (the filing's lock queues them; the unique sequence per class holds it in any case), and two
parallel openings of a teacher change leave one open change (ap_teacher_change_one_open)."""

import datetime
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from apprenticeships.models import DateChange, TeacherChange
from apprenticeships.services import changes as services
from apprenticeships.services import teacher_changes as teacher_services
from tests.apprenticeships import concurrency
from tests.apprenticeships import factories as ap
from tests.reviews.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

D = datetime.date


@pytest.fixture(autouse=True)
def zhengzhou_parameters(transactional_db):
    return concurrency.zhengzhou_parameters(publish_years=[2026])


def _two_used(filing, admin):
    training_class = filing.training_class
    for sequence in (1, 2):
        DateChange.objects.create(training_class=training_class, sequence=sequence, old_starts_on=D(2026, 6, 1),
                                  old_ends_on=D(2027, 5, 31), new_starts_on=D(2026, 6, 1), new_ends_on=D(2027, 5, 31),
                                  requested_on=D(2026, 3, 2), earliest_allowed=D(2026, 3, 10), actor=admin)


def test_two_parallel_date_changes_with_one_left(enterprise_a, admin_a, monkeypatch):
    filing = ap.complete_filing(enterprise_a, by=admin_a, starts_on=D(2026, 6, 1), ends_on=D(2027, 5, 31))
    _two_used(filing, admin_a)
    concurrency.wait_after(monkeypatch, services, "lock_class", 0.3)

    def change(start):
        return lambda: services.change_class_dates(
            filing=filing, actor=admin_a, starts_on=start, ends_on=start.replace(year=2027) - datetime.timedelta(1),
            today=D(2026, 3, 2))

    results = run_together(change(D(2026, 6, 8)), change(D(2026, 6, 15)))
    accepted = [result for result in results if isinstance(result, DateChange)]
    refused = [result for result in results if isinstance(result, ValidationError)]
    assert len(accepted) == 1 and len(refused) == 1, results
    assert refused[0].messages == ["开班信息最多可变更3次，本班已变更3次，不能再变更"]
    assert DateChange.objects.filter(training_class__filing=filing).count() == 3
    filing.training_class.refresh_from_db()
    assert filing.training_class.starts_on == accepted[0].new_starts_on


def test_the_sequence_holds_without_the_lock(enterprise_a, admin_a):
    """The database rule itself: a second row with the same sequence is refused with the registered message."""
    from core.constraints import known_violation

    filing = ap.complete_filing(enterprise_a, by=admin_a, starts_on=D(2026, 6, 1), ends_on=D(2027, 5, 31))
    _two_used(filing, admin_a)
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        DateChange.objects.create(training_class=filing.training_class, sequence=2, old_starts_on=D(2026, 6, 1),
                                  old_ends_on=D(2027, 5, 31), new_starts_on=D(2026, 6, 2),
                                  new_ends_on=D(2027, 6, 1), requested_on=D(2026, 3, 2),
                                  earliest_allowed=D(2026, 3, 10), actor=admin_a)
    assert known_violation(error.value).messages == ["该培训班的开班信息刚刚被他人变更，请刷新页面后重试"]


def test_two_parallel_teacher_change_openings_leave_one(enterprise_a, admin_a, monkeypatch):
    filing = ap.complete_filing(enterprise_a, by=admin_a)
    concurrency.wait_after(monkeypatch, teacher_services, "lock_filing", 0.3)
    results = run_together(lambda: teacher_services.open_change(filing=filing, actor=admin_a),
                           lambda: teacher_services.open_change(filing=filing, actor=admin_a))
    assert all(isinstance(result, TeacherChange) for result in results), results
    assert results[0].pk == results[1].pk
    assert TeacherChange.objects.filter(filing=filing).count() == 1


def test_two_parallel_inserts_of_an_open_change_hit_the_constraint(enterprise_a, admin_a):
    """Without the filing's lock (two raw inserts), the partial unique index still leaves one open change."""
    from core.constraints import known_violation

    filing = ap.complete_filing(enterprise_a, by=admin_a)

    def insert():
        try:
            with transaction.atomic():
                time.sleep(0.1)
                return TeacherChange.objects.create(filing_id=filing.pk, created_by=admin_a)
        except IntegrityError as error:
            return known_violation(error)

    results = run_together(insert, insert)
    created = [result for result in results if isinstance(result, TeacherChange)]
    refused = [result for result in results if isinstance(result, ValidationError)]
    assert len(created) == 1 and len(refused) == 1, results
    assert refused[0].messages == ["该备案已有办理中的师资变更申请，请先办结"]
    assert TeacherChange.objects.filter(filing=filing).count() == 1


@pytest.mark.parametrize("dates_first", [True, False])
def test_a_date_change_and_a_course_configuration_queue_on_the_filing(enterprise_a, admin_a, dates_first,
                                                                      monkeypatch):
    """Both take the filing's row first: whichever comes second sees the other's write, so a configured course
    never ends up outside the class period."""
    filing = ap.complete_filing(enterprise_a, by=admin_a, starts_on=D(2026, 6, 1), ends_on=D(2027, 5, 31))
    course = filing.courses.get(delivery="online")
    concurrency.wait_after(monkeypatch, services, "lock_class", 0.4)

    def change_dates():
        if not dates_first:
            time.sleep(0.15)
        return services.change_class_dates(filing=filing, actor=admin_a, starts_on=D(2026, 6, 11),
                                           ends_on=D(2027, 6, 10), today=D(2026, 3, 2))

    def configure():
        if dates_first:
            time.sleep(0.15)
        return services.configure_course(course=course, actor=admin_a, today=D(2026, 3, 2), data={
            "starts_on": D(2026, 6, 10), "ends_on": D(2026, 6, 12), "daily_start": datetime.time(9),
            "daily_end": datetime.time(12), "venue": None})

    results = run_together(change_dates, configure)
    first, second = (results[0], results[1]) if dates_first else (results[1], results[0])
    assert not isinstance(first, Exception), results
    assert isinstance(second, ValidationError), results
    filing.training_class.refresh_from_db()
    course.refresh_from_db()
    if dates_first:
        assert filing.training_class.starts_on == D(2026, 6, 11) and course.starts_on is None
    else:
        assert filing.training_class.starts_on == D(2026, 6, 1) and course.starts_on == D(2026, 6, 10)
