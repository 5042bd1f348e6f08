"""One advance and one balance line per enrolment in pending or approved claims (the claim_once_per_subject
constraint on counted lines): two claims holding the same trainee submitted at the same moment, as two real
requests on their own connections, on PostgreSQL's real locks: exactly one wins, the other is told the person."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apprenticeships.checks import add_months
from apprenticeships.models import ClaimStage
from apprenticeships.services import claims as services
from claims import services as claim_services
from claims.models import Claim, ClaimLine, ClaimStatus, LineKind
from tests.apprenticeships import concurrency
from tests.apprenticeships import factories as ap
from tests.attachments.files import pdf_bytes, upload
from tests.reviews.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def zhengzhou_parameters(transactional_db):
    return concurrency.zhengzhou_parameters()


def slow_down(monkeypatch):
    """Hold the claim a moment after writing its lines, so that both requests reach the counting together."""
    concurrency.wait_after(monkeypatch, claim_services, "_write_lines", 0.5)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.wsgi_request._messages._queued_messages]


def test_two_claims_of_one_trainee_submitted_at_once(enterprise_a, admin_a, county_reviewer_a, city_reviewer,
                                                     monkeypatch):
    starts_on = timezone.localdate() - datetime.timedelta(days=20)
    filing = ap.complete_filing(enterprise_a, by=admin_a, starts_on=starts_on, trainees=1,
                                ends_on=add_months(starts_on, 12) - datetime.timedelta(days=1))
    trainee = filing.trainees.get()
    claims = []
    for _ in range(2):
        claim = services.start_claim(organisation=enterprise_a, actor=admin_a, stage=ClaimStage.ADVANCE,
                                     commitment_accepted=True)
        services.save_basics(claim=claim, actor=admin_a, contact_name="甲联系人", contact_phone="0371-66668888",
                             bank_name="工商银行", account_name="甲企业有限公司", bank_account="6222021001012345678")
        services.add_people(claim=claim, actor=admin_a, trainees=[trainee])
        services.add_attachment(claim=claim, actor=admin_a,
                                uploaded_file=upload("材料.pdf", pdf_bytes(), "application/pdf"))
        claims.append(claim)
    assert [claim.lines.get().amount for claim in claims] == [2400, 2400]

    def submit(claim):
        def request():
            client = Client()
            client.force_login(admin_a)
            return client.post(reverse("apprenticeships:claim_submit", args=[claim.pk]))
        return request

    slow_down(monkeypatch)  # only now: the drafts above were written at full speed
    responses = run_together(submit(claims[0]), submit(claims[1]))
    assert [response.status_code for response in responses] == [302, 302]
    statuses = {claim.number: claim.status for claim in Claim.objects.all()}
    assert sorted(statuses.values()) == [ClaimStatus.DRAFT, ClaimStatus.SUBMITTED]
    winner = next(number for number, status in statuses.items() if status == ClaimStatus.SUBMITTED)
    outcomes = sorted(messages_of(response)[0] for response in responses)
    assert outcomes[1] == "申领已提交，等待县级人社部门审核"
    assert outcomes[0] == (f"学徒1的预支补贴已在申领 {winner} 中申领，同一补贴对象每项补贴只计一次；请重新计算本申领")
    counted = ClaimLine.objects.filter(counted=True, kind=LineKind.ADVANCE)
    assert counted.count() == 1 and counted.get().claim.number == winner
