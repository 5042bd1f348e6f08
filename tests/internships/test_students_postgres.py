"""The students' data rules under simultaneous requests, on PostgreSQL's real row locks: two enterprises
agreeing to one student at once sign one internship; parallel choices never hold more than five open
applications; two students agreed onto the last place of a position sign one."""

import time

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from internships.models import Application, ApplicationStatus, Internship, Position
from internships.services import applications as services
from tests.internships import factories as f
from tests.reviews.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def regions(transactional_db):
    from regions.loading import load_dataset
    from regions.models import Region, RegionDataset

    load_dataset(Region, RegionDataset)


@pytest.fixture
def slow_check(monkeypatch):
    """Wait a moment after the locks are taken and the student's internship is checked, so that the second
    request arrives while the first still works."""
    original = services._active_internship

    def check_then_wait(student):
        found = original(student)
        time.sleep(0.3)
        return found

    monkeypatch.setattr(services, "_active_internship", check_then_wait)


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_two_enterprises_agreeing_at_once_sign_one(host_a, admin_a, host_b, admin_b, school_admin, student_record,
                                                   slow_check):
    f.recommend(student_record.school, host_b, school_admin)
    of_a = f.application(student_record, f.position(host_a, admin_a, title="甲岗位"))
    of_b = f.application(student_record, f.position(host_b, admin_b, title="乙岗位"))
    clients = (_client(admin_a), _client(admin_b))

    def agree(client, application):
        def request():
            response = client.post(reverse("internships:signing_agree", args=[application.pk]), follow=True)
            return [str(message) for message in response.context["messages"]]
        return request

    results = run_together(agree(clients[0], of_a), agree(clients[1], of_b))
    assert not any(isinstance(result, Exception) for result in results), results
    internship = Internship.objects.get()
    winner, loser = (0, 1) if internship.enterprise_id == host_a.pk else (1, 0)
    winner_name = (host_a, host_b)[winner].name
    assert results[winner] == ["已同意张同学的实习申请，学生的其他申请已自动撤回"]
    assert results[loser] == [f"该学生已与“{winner_name}”签约，同一时间只能有一个实习"]
    statuses = sorted(Application.objects.values_list("status", flat=True))
    assert statuses == [ApplicationStatus.AGREED, ApplicationStatus.SUPERSEDED]
    assert sorted(Position.objects.values_list("filled", flat=True)) == [0, 1]


def test_parallel_choices_never_hold_more_than_five(host_a, admin_a, student, student_record, monkeypatch):
    positions = [f.position(host_a, admin_a, title=f"岗位{n}") for n in range(1, 9)]
    for position in positions[:2]:
        f.application(student_record, position)
    original = services.placement_problems

    def slow(student, position):
        time.sleep(0.1)
        return original(student, position)

    monkeypatch.setattr(services, "placement_problems", slow)
    clients = (_client(student), _client(student))

    def choose(client, chosen):
        def request():
            response = client.post(reverse("internships:student_choose"), {"positions": [p.pk for p in chosen]},
                                   follow=True)
            return [str(message) for message in response.context["messages"]]
        return request

    results = run_together(choose(clients[0], positions[2:5]), choose(clients[1], positions[5:8]))
    assert not any(isinstance(result, Exception) for result in results), results
    assert sorted(results) == [
        ["已提交 3 个实习申请，请等待企业确认"],
        ["您同时最多可以选择 5 个实习岗位：已有 5 个待企业确认的申请，本次又选择了 3 个"],
    ]
    slots = sorted(Application.objects.filter(student=student_record, status=ApplicationStatus.APPLIED)
                   .values_list("choice_slot", flat=True))
    assert slots == [1, 2, 3, 4, 5]


def test_six_parallel_single_choices_leave_five_open(host_a, admin_a, student_record, student):
    positions = [f.position(host_a, admin_a, title=f"岗位{n}") for n in range(1, 7)]
    results = run_together(*[
        (lambda position=position: services.apply_for_positions(student=student_record, positions=[position],
                                                                actor=student))
        for position in positions
    ])
    errors = [result for result in results if isinstance(result, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], ValidationError)
    assert errors[0].messages == ["您同时最多可以选择 5 个实习岗位：已有 5 个待企业确认的申请，本次又选择了 1 个"]
    slots = sorted(Application.objects.filter(student=student_record, status=ApplicationStatus.APPLIED)
                   .values_list("choice_slot", flat=True))
    assert slots == [1, 2, 3, 4, 5]


def test_two_students_on_the_last_place_sign_one(host_a, admin_a, school, student_record, slow_check):
    position = f.position(host_a, admin_a, places=1)
    other = f.student(school, name="王同学")
    first, second = f.application(student_record, position), f.application(other, position)
    results = run_together(
        lambda: services.agree_application(application=first, actor=admin_a),
        lambda: services.agree_application(application=second, actor=admin_a),
    )
    errors = [result for result in results if isinstance(result, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], ValidationError)
    assert errors[0].messages == ["该岗位的实习人数已满（1人）"]
    assert Internship.objects.count() == 1
    assert Position.objects.get(pk=position.pk).filled == 1
    assert sorted(Application.objects.values_list("status", flat=True)) == [ApplicationStatus.AGREED,
                                                                             ApplicationStatus.APPLIED]
