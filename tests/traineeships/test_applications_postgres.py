"""One pending application per person under concurrent requests (real row locks: PostgreSQL only)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from tests.traineeships.helpers import published_post
from tests.traineeships.test_applications import make_trainee
from traineeships.models import Application, ApplicationStatus
from traineeships.services import applications as services


def _run_together(actions):
    barrier = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def worker(index, action):
        try:
            barrier.wait()
            outcomes[index] = ("ok", action())
        except ValidationError as error:
            outcomes[index] = ("refused", "；".join(error.messages))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(index, action)) for index, action in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_applications_at_once_leave_exactly_one_pending(base_a, admin_a, county_reviewer_a, city_reviewer):
    reviewers = [county_reviewer_a, city_reviewer]
    first = published_post(base_a.organisation, admin_a, reviewers, city_reviewer, title="岗位一")
    second = published_post(base_a.organisation, admin_a, reviewers, city_reviewer, title="岗位二")
    person = make_trainee()

    outcomes = _run_together([
        lambda: services.apply(actor=person, post=first).pk,
        lambda: services.apply(actor=person, post=second).pk,
    ])

    assert sorted(kind for kind, _value in outcomes) == ["ok", "refused"]
    assert [value for kind, value in outcomes if kind == "refused"] == [services.ONE_PENDING]
    assert Application.objects.filter(person=person, status=ApplicationStatus.PENDING).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_database_refuses_a_second_pending_application_whatever_the_code_does(base_a, admin_a,
                                                                                   county_reviewer_a, city_reviewer):
    reviewers = [county_reviewer_a, city_reviewer]
    first = published_post(base_a.organisation, admin_a, reviewers, city_reviewer, title="岗位一")
    second = published_post(base_a.organisation, admin_a, reviewers, city_reviewer, title="岗位二")
    person = make_trainee()
    services.apply(actor=person, post=first)
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(person=person, post=second, applied_at=first.published_at)
