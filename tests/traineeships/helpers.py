"""Helpers of the traineeship tests: a unit with its business licence, a filled application, an approved base
(through the real engine), posts in each state."""

from decimal import Decimal

from django.utils import timezone

from attachments.services import store_upload
from reviews import services as review_services
from reviews.models import Decision
from reviews.selectors import latest_review_for
from tests import factories
from tests.attachments.files import pdf_bytes, png_upload, upload
from traineeships.models import BaseLevel, Education, Post, PostStatus, TraineeshipBase
from traineeships.services import bases as base_services
from traineeships.services import posts as post_services


def pdf_upload(name="管理制度.pdf"):
    return upload(name, pdf_bytes(), "application/pdf")


def give_licence(organisation, actor):
    organisation.business_licence = store_upload(purpose="business_licence", uploaded_file=png_upload(),
                                                 actor=actor, owner_org=organisation)
    organisation.save(update_fields=["business_licence"])
    return organisation


def application_post_data(level=BaseLevel.COUNTY, organisation_name="甲企业有限公司", **overrides):
    data = {
        "level": level,
        "introduction": "主营软件开发，员工120人。",
        "mentor_team": "指导老师5名，均为高级工程师。",
        "bank_account_name": organisation_name,
        "bank_name": "中国工商银行郑州文化路支行",
        "bank_account_number": "6222020200112233445",
        "demands-TOTAL_FORMS": "3",
        "demands-INITIAL_FORMS": "0",
        "demands-MIN_NUM_FORMS": "0",
        "demands-MAX_NUM_FORMS": "1000",
        "demands-0-year": str(timezone.localdate().year),
        "demands-0-major": "计算机科学与技术",
        "demands-0-headcount": "5",
        "demands-1-year": "", "demands-1-major": "", "demands-1-headcount": "",
        "demands-2-year": "", "demands-2-major": "", "demands-2-headcount": "",
    }
    data.update(overrides)
    return data


def service_data(level=BaseLevel.COUNTY, organisation_name="甲企业有限公司"):
    return {
        "level": level, "introduction": "简介", "mentor_team": "师资",
        "major_demands": [{"year": timezone.localdate().year, "major": "会计", "headcount": 2}],
        "bank_account_name": organisation_name, "bank_name": "工商银行", "bank_account_number": "62220202001122",
    }


def submitted_base(organisation, admin, level=BaseLevel.COUNTY) -> TraineeshipBase:
    give_licence(organisation, admin)
    base_services.attach_base_file(organisation=organisation, actor=admin, slot="rules_file",
                                   uploaded_file=pdf_upload())
    base_services.attach_base_file(organisation=organisation, actor=admin, slot="certificate_file",
                                   uploaded_file=png_upload("证件.png"))
    return base_services.submit_base(organisation=organisation, actor=admin,
                                     data=service_data(level, organisation.name))


def approve(subject, *reviewers):
    for reviewer in reviewers:
        review_services.decide(review_id=latest_review_for(subject).pk, actor=reviewer, decision=Decision.APPROVE)
    subject.refresh_from_db()
    return subject


def approved_base(organisation, admin, county, city, level=BaseLevel.COUNTY) -> TraineeshipBase:
    return approve(submitted_base(organisation, admin, level), county, city)


def post_data(work_region_code="410105", **overrides):
    data = {
        "title": "软件测试见习生", "places": 3, "majors": "计算机、软件工程", "education": Education.BACHELOR,
        "work_region": factories.region(work_region_code), "address": "郑州市金水区文化路1号",
        "monthly_allowance": Decimal("2200.00"), "period_months": 6, "description": "参与软件测试。",
        "contact_person": "李红", "contact_phone": "13800001111",
    }
    data.update(overrides)
    return data


def post_form_data(work_region_code="410105", **overrides):
    data = {
        "title": "软件测试见习生", "places": "3", "majors": "计算机、软件工程", "education": Education.BACHELOR,
        "work_region": work_region_code, "address": "郑州市金水区文化路1号", "monthly_allowance": "2200",
        "period_months": "6", "description": "参与软件测试。", "contact_person": "李红",
        "contact_phone": "13800001111",
    }
    data.update(overrides)
    return data


def create_post(organisation, admin, **overrides) -> Post:
    return post_services.create_post(organisation=organisation, actor=admin, data=post_data(**overrides))


def published_post(organisation, admin, reviewers, city_reviewer, **overrides) -> Post:
    post = approve(create_post(organisation, admin, **overrides), *reviewers)
    post_services.change_publication(post_ids=[post.pk], actor=city_reviewer, publish=True)
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED
    return post


# ---------------------------------------------------------------- claims (rows written directly)

_claim_numbers = iter(range(1, 10**6))


def filed_claim(organisation, actor, lines, *, status="submitted", first_month=None, last_month=None):
    """A traineeship claim of `organisation` in `status` with `lines`: (person, month or None, amount[, kind]).
    Written directly (the claim services are tested on their own); lines of a submitted, approved or paid claim
    are counted, as the claim services freeze them on submission."""
    from claims.models import COUNTED_STATUSES, Claim, ClaimLine, LineKind

    months = [line[1] for line in lines if line[1] is not None]
    first_month = first_month or min(months)
    last_month = last_month or max(months)
    paid = {"paid_on": last_month, "voucher_number": "PZ-1"} if status == "paid" else {}
    claim = Claim.objects.create(programme="traineeships", organisation=organisation,
                                 number=f"JX{next(_claim_numbers):06d}", first_month=first_month,
                                 last_month=last_month, status=status, created_by=actor,
                                 total=sum(Decimal(str(line[2])) for line in lines), **paid)
    for position, (person, month, amount, *kind) in enumerate(lines):
        kind = kind[0] if kind else (LineKind.MONTH if month else LineKind.INSURANCE)
        ClaimLine.objects.create(claim=claim, programme="traineeships", organisation=organisation,
                                 counted=status in COUNTED_STATUSES, kind=kind, person=person,
                                 subject=f"traineeships.placement:{person.pk}", month=month,
                                 amount=Decimal(str(amount)), explanation="测试", position=position)
    return claim
