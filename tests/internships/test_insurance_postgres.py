"""One policy per student and period under simultaneous filings, on PostgreSQL's real row locks: the Student lock
queues the second filing behind the first, and the exclusion constraint in_coverage_no_overlap holds even when
the check under the lock is skipped."""

import datetime
import time

import pytest
from django.core.exceptions import ValidationError

from internships.models import Coverage, InternshipStatus, Policy
from internships.services import insurance as services
from tests.attachments.files import pdf_bytes, upload
from tests.internships import factories as f
from tests.reviews.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

OVERLAP = "该学生在此期间已有实习责任保险保单，保险期间不能重叠（张同学）"


@pytest.fixture(autouse=True)
def regions(transactional_db):
    from regions.loading import load_dataset
    from regions.models import Region, RegionDataset

    load_dataset(Region, RegionDataset)


@pytest.fixture
def internship(host_a, admin_a, student_record):
    position = f.position(host_a, admin_a)
    return f.internship(f.application(student_record, position), status=InternshipStatus.AGREEMENT_SIGNED)


def filing(actor, organisation, internship, number, shift_days):
    def run():
        return services.file_policy(
            actor=actor, organisation=organisation, enterprise=internship.enterprise, policy_number=number,
            insurer="中国人民财产保险股份有限公司",
            starts_on=f.STARTS_ON - datetime.timedelta(days=10 + shift_days),
            ends_on=f.ENDS_ON + datetime.timedelta(days=10 - shift_days),
            document=upload("保单.pdf", pdf_bytes(), "application/pdf"), is_internship_liability=True,
            internship_ids=[internship.pk])
    return run


@pytest.fixture
def slow_insure(monkeypatch):
    """Wait after the students are locked, so that the other filing arrives while the first works."""
    original = services._lock_students

    def lock_then_wait(internships):
        original(internships)
        time.sleep(0.5)

    monkeypatch.setattr(services, "_lock_students", lock_then_wait)


def _outcome(results):
    errors = [result for result in results if isinstance(result, Exception)]
    policies = [result for result in results if isinstance(result, Policy)]
    return errors, policies


def test_the_school_and_the_enterprise_filing_at_once_insure_the_student_once(admin_a, school, school_admin, host_a,
                                                                              internship, slow_insure):
    results = run_together(filing(school_admin, school, internship, "SCHOOL-1", 0),
                           filing(admin_a, host_a, internship, "HOST-1", 3))
    errors, policies = _outcome(results)
    assert len(policies) == 1 and len(errors) == 1
    assert isinstance(errors[0], ValidationError) and errors[0].message_dict == {"internships": [OVERLAP]}
    assert Policy.objects.count() == 1 and Coverage.objects.count() == 1


def test_the_database_refuses_the_overlap_when_the_check_is_skipped(monkeypatch, admin_a, school, school_admin,
                                                                    host_a, internship):
    """Without the Student lock and the check under it, the exclusion constraint is what stays: one policy."""
    monkeypatch.setattr(services, "_lock_students", lambda internships: time.sleep(0.2))
    original_filter = Coverage.objects.filter

    def no_overlap_check(*args, **kwargs):
        if "starts_on__lte" in kwargs:  # the overlap check: pretend nothing is there yet
            return Coverage.objects.none()
        return original_filter(*args, **kwargs)

    monkeypatch.setattr(Coverage.objects, "filter", no_overlap_check)
    results = run_together(filing(school_admin, school, internship, "SCHOOL-2", 0),
                           filing(admin_a, host_a, internship, "HOST-2", 3))
    errors, policies = _outcome(results)
    assert len(policies) == 1 and len(errors) == 1
    assert errors[0].message_dict == {"internships": [OVERLAP]}
    assert Policy.objects.count() == 1 and Coverage.objects.count() == 1
