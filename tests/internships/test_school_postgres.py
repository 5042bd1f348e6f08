"""The school's writes under simultaneous requests, on PostgreSQL's real row locks: one signature, a
signature queued behind a blacklisting of the enterprise, the student's confirmation against a change of the
terms, an early end against a signature."""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from internships.models import EnterpriseProfile, Internship, InternshipStatus
from internships.services import school as services
from tests.internships import factories as f
from tests.reviews.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def regions(transactional_db):
    from regions.loading import load_dataset
    from regions.models import Region, RegionDataset

    load_dataset(Region, RegionDataset)


@pytest.fixture
def slow_lock(monkeypatch):
    """Hold the internship's row a moment after locking it, so that the other request arrives meanwhile."""
    original = services._lock

    def lock_then_wait(internship):
        locked = original(internship)
        time.sleep(0.4)
        return locked

    monkeypatch.setattr(services, "_lock", lock_then_wait)


def _terms(internship, pay="2600"):
    from decimal import Decimal

    return {"starts_on": internship.starts_on, "ends_on": internship.ends_on, "address": "郑州市金水区文化路1号",
            "content": "数控加工", "pay": Decimal(pay), "pay_period": "monthly", "pay_method": "money",
            "lodging": "shared_small", "working_time": "每日8小时", "insurance_note": "学校投保",
            "teacher_name": "赵老师", "teacher_phone": "13800000001", "other_terms": ""}


@pytest.fixture
def ready(host_a, admin_a, school_admin, student, student_record):
    """An internship ready to be signed: terms filled, confirmed by the student, consent on file."""
    internship = f.internship(f.application(student_record, f.position(host_a, admin_a)))
    services.save_agreement_terms(internship=internship, actor=school_admin, terms=_terms(internship))
    internship.refresh_from_db()
    services.confirm_agreement(internship=internship, actor=student,
                               digest=services.terms_digest(internship.agreement_terms))
    Internship.objects.filter(pk=internship.pk).update(
        consent_form=f.attachment("internship_consent", internship.school, school_admin))
    return Internship.objects.get(pk=internship.pk)


def test_two_signatures_at_once_sign_once(school_admin, ready, slow_lock):
    results = run_together(
        lambda: services.sign_agreement(internship=Internship.objects.get(pk=ready.pk), actor=school_admin),
        lambda: services.sign_agreement(internship=Internship.objects.get(pk=ready.pk), actor=school_admin),
    )
    errors = [result for result in results if isinstance(result, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], ValidationError)
    assert errors[0].messages == ["实习当前状态为“三方协议已签署”，不能签署协议"]
    assert Internship.objects.get(pk=ready.pk).status == InternshipStatus.AGREEMENT_SIGNED


def test_a_signature_queues_behind_a_blacklisting_and_sees_it(school_admin, host_a, ready, education_reviewer,
                                                              monkeypatch):
    """The city education department lists the enterprise (area A's service, through the review engine); the
    listing holds the enterprise's profile row, the signature takes that row before the internship's, so it waits
    and then sees the enterprise blacklisted."""
    from internships.services import blacklist as blacklist_services
    from reviews import services as review_services
    from reviews.models import Review

    blacklist_services.propose_blacklisting(enterprise=host_a, actor=education_reviewer, reason="violation",
                                            details="违规安排夜班。")
    review = Review.objects.get(kind="internship_blacklist")
    holding = threading.Event()
    original = blacklist_services.lock_profile

    def lock_and_hold(organisation):
        profile = original(organisation)
        holding.set()
        time.sleep(0.6)
        return profile

    monkeypatch.setattr(blacklist_services, "lock_profile", lock_and_hold)

    def blacklist():
        review_services.decide(review_id=review.pk, actor=education_reviewer, decision="approve")
        return "listed"

    def sign():
        holding.wait(timeout=5)
        return services.sign_agreement(internship=Internship.objects.get(pk=ready.pk), actor=school_admin)

    listed, signed = run_together(blacklist, sign)
    assert listed == "listed"
    assert isinstance(signed, ValidationError)
    assert signed.messages == ["该企业已列入黑名单，不能签署实习协议"]
    assert EnterpriseProfile.objects.get(organisation=host_a).blacklisted
    assert Internship.objects.get(pk=ready.pk).status == InternshipStatus.SIGNED


def test_confirmation_against_a_change_of_terms_never_confirms_the_old_terms(school_admin, student, host_a, admin_a,
                                                                            student_record, slow_lock):
    internship = f.internship(f.application(student_record, f.position(host_a, admin_a)))
    services.save_agreement_terms(internship=internship, actor=school_admin, terms=_terms(internship))
    internship.refresh_from_db()
    old = services.terms_digest(internship.agreement_terms)
    results = run_together(
        lambda: services.confirm_agreement(internship=Internship.objects.get(pk=internship.pk), actor=student,
                                           digest=old),
        lambda: services.save_agreement_terms(internship=Internship.objects.get(pk=internship.pk),
                                              actor=school_admin, terms=_terms(internship, pay="2900")),
    )
    assert not isinstance(results[1], Exception)
    internship.refresh_from_db()
    assert internship.agreement_terms["pay"] == "2900.00"
    # Either the confirmation came first and the change withdrew it, or the change came first and the
    # confirmation of the old terms was refused: the new terms are not confirmed either way.
    assert internship.student_confirmed_at is None
    if isinstance(results[0], Exception):
        assert results[0].messages == ["学校已修改协议条款，请重新阅读后再确认"]


def test_an_early_end_and_a_signature_at_once_end_it_whichever_comes_first(school_admin, ready, slow_lock):
    """Signed first, the end follows (an agreement may end early); ended first, the signature is refused."""
    results = run_together(
        lambda: services.sign_agreement(internship=Internship.objects.get(pk=ready.pk), actor=school_admin),
        lambda: services.end_early(internship=Internship.objects.get(pk=ready.pk), actor=school_admin,
                                   ended_on=timezone.localdate(), reason="学生因病退出"),
    )
    final = Internship.objects.get(pk=ready.pk)
    assert (final.status, final.end_reason) == (InternshipStatus.ENDED_EARLY, "学生因病退出")
    assert not isinstance(results[1], Exception)
    if isinstance(results[0], Exception):
        assert results[0].messages == ["实习当前状态为“提前终止”，不能签署协议"]
        assert final.agreement_signed_at is None
    else:
        assert final.agreement_signed_at is not None
