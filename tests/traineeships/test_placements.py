"""录用上岗登记 and the 就业见习协议 through HTTP: the period and wage rules at their edges, the places limit, the
one-traineeship rule, the agreement's review by the base's own level, and the deny paths.

The helpers at the top are shared by the other part-2b test modules."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from reviews.models import ReviewStatus
from reviews.selectors import latest_review_for
from tests import factories
from tests.attachments.files import png_upload
from tests.traineeships.helpers import approve, create_post
from traineeships.models import Application, ApplicationStatus, Placement, PlacementStatus, RegionParameter
from traineeships.selectors.placements import approved_applications_for_unit
from traineeships.services import placements as placement_services
from traineeships.services.placements import period_bounds

START = datetime.date(2026, 3, 1)
END = datetime.date(2026, 8, 31)


def wage_parameter(setter, region_code="410100", valid_from=datetime.date(2026, 1, 1), wage="2100", **overrides):
    """The region's 地区参数 and its minimum wage (kept in calendars.MinimumWage, read by calendars.wages)."""
    from calendars.models import MinimumWage

    MinimumWage.objects.create(region=factories.region(region_code), valid_from=valid_from, monthly=Decimal(wage),
                               source="测试最低工资标准", set_by=setter)
    values = {"subsidy_rate": Decimal("0.600"),
              "raised_subsidy_rate": Decimal("0.700"), "retention_threshold": Decimal("0.500"),
              "insurance_subsidy_cap": Decimal("240"), **overrides}
    return RegionParameter.objects.create(region=factories.region(region_code), valid_from=valid_from,
                                          set_by=setter, **values)


def approved_post(organisation, admin, *reviewers, **overrides):
    return approve(create_post(organisation, admin, **overrides), *reviewers)


def approved_application(post, person=None, **person_fields):
    person = person or factories.individual(**person_fields)
    return Application.objects.create(person=person, post=post, status=ApplicationStatus.APPROVED,
                                      applied_at=timezone.now(), decided_at=timezone.now())


def terms(**overrides):
    # START lies months before today, past the region's backdating_warning_days: the unit confirms it (the
    # back-dating rule itself is tested in test_backdating.py).
    data = {"start_on": START, "end_on": END, "monthly_allowance": Decimal("2200"),
            "insurance_company": "中国人寿", "insurance_policy_number": "P2026000123",
            "insurance_premium": Decimal("120"), "insurance_sum_insured": Decimal("500000"),
            "insurance_valid_from": START, "insurance_valid_to": datetime.date(2027, 2, 28),
            "backdating_confirmed": True}
    data.update(overrides)
    return data


def terms_form(**overrides):
    return {key: value.isoformat() if isinstance(value, datetime.date) else str(value)
            for key, value in terms(**overrides).items()}


def on_post_placement(application, admin, reviewer, **overrides):
    """A registration through the services, its scan uploaded and approved by `reviewer`."""
    placement = placement_services.onboard(application=application, actor=admin, data=terms(**overrides))
    placement_services.attach_agreement(placement=placement, actor=admin, uploaded_file=png_upload("协议.png"))
    placement_services.submit_agreement(placement=placement, actor=admin)
    approve(placement, reviewer)
    assert placement.status == PlacementStatus.ON_POST
    return placement


@pytest.fixture
def wage(city_reviewer):
    return wage_parameter(city_reviewer)


@pytest.fixture
def post_a(base_a, admin_a, county_reviewer_a, city_reviewer):
    return approved_post(base_a.organisation, admin_a, county_reviewer_a, city_reviewer, places=2)


@pytest.fixture
def application(post_a):
    return approved_application(post_a, real_name="王见习")


# ---------------------------------------------------------------- the period rule


def test_period_bounds_are_whole_months_inclusive():
    assert period_bounds(datetime.date(2026, 3, 1)) == (datetime.date(2026, 5, 31), datetime.date(2027, 2, 28))
    assert period_bounds(datetime.date(2026, 3, 15)) == (datetime.date(2026, 6, 14), datetime.date(2027, 3, 14))
    # A start on the 31st: the shorter month's last day, then the day before.
    assert period_bounds(datetime.date(2026, 1, 31)) == (datetime.date(2026, 4, 29), datetime.date(2027, 1, 30))


@pytest.mark.django_db
@pytest.mark.parametrize(("end_on", "accepted"), [
    (datetime.date(2026, 5, 30), False), (datetime.date(2026, 5, 31), True),
    (datetime.date(2027, 2, 28), True), (datetime.date(2027, 3, 1), False),
])
def test_end_date_edges(client, admin_a, application, wage, end_on, accepted):
    client.force_login(admin_a)
    response = client.post(reverse("traineeships:placement_create", args=[application.pk]),
                           terms_form(end_on=end_on))
    if accepted:
        assert response.status_code == 302
        assert Placement.objects.get().end_on == end_on
    else:
        assert response.status_code == 200
        assert ("见习期限须为3至12个月：开始日期为2026-03-01时，结束日期应在2026-05-31至2027-02-28之间"
                in response.content.decode())
        assert not Placement.objects.exists()


# ---------------------------------------------------------------- the list


@pytest.mark.django_db
@pytest.mark.parametrize("query, field, message", [
    ("status=bogus", "status", "没有该状态，请从列表中选择"),
    ("retained=maybe", "retained", "没有该留用情况，请从列表中选择"),
])
def test_a_malformed_filter_is_its_message_and_nothing_listed_or_exported(client, django_capture_on_commit_callbacks,
                                                                          admin_a, application, county_reviewer_a,
                                                                          wage, query, field, message):
    from batch.models import BatchJob, JobStatus
    from tests.batch.helpers import read_rows, response_bytes

    on_post_placement(application, admin_a, county_reviewer_a, start_on=datetime.date(2026, 3, 1))
    client.force_login(admin_a)
    response = client.get(reverse("traineeships:placements") + f"?{query}")
    assert response.status_code == 200 and list(response.context["object_list"]) == []
    assert response.context["form"].errors == {field: [message]}
    assert message in response.content.decode()

    def export(query):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("batch:export", args=["traineeship_placements"]) + f"?{query}")
        job = BatchJob.objects.latest("pk")
        assert job.status == JobStatus.SUCCEEDED, job.error
        return read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))[1:]

    assert export(query) == []
    assert len(export("q=王")) == 1


# ---------------------------------------------------------------- onboarding


@pytest.mark.django_db
def test_unit_registers_an_approved_applicant(client, admin_a, application, wage):
    client.force_login(admin_a)
    listing = client.get(reverse("traineeships:placements")).content.decode()
    assert f'data-application="{application.pk}"' in listing and "王见习" in listing
    assert client.get(reverse("traineeships:placement_create", args=[application.pk])).status_code == 200
    response = client.post(reverse("traineeships:placement_create", args=[application.pk]), terms_form())
    placement = Placement.objects.get()
    assert response["Location"] == reverse("traineeships:placement_detail", args=[placement.pk])
    assert (placement.status, placement.person, placement.post, placement.place_number, placement.start_on,
            placement.end_on, placement.monthly_allowance, placement.insurance_policy_number) == (
        PlacementStatus.DRAFT, application.person, application.post, 1, START, END, Decimal("2200.00"), "P2026000123")
    # Registered once: the application leaves the waiting list and cannot be registered again.
    assert f'data-application="{application.pk}"' not in client.get(reverse("traineeships:placements")).content.decode()
    again = client.get(reverse("traineeships:placement_create", args=[application.pk]), follow=True)
    assert "该报名已登记过上岗" in again.content.decode()


@pytest.mark.django_db
def test_the_waiting_box_is_the_approved_applications_without_a_placement(client, admin_a, post_a, application,
                                                                          wage):
    other = approved_application(post_a, real_name="李见习")
    client.force_login(admin_a)
    client.post(reverse("traineeships:placement_create", args=[application.pk]), terms_form())
    application.refresh_from_db()
    other.refresh_from_db()
    assert (application.onboarded, other.onboarded) == (True, False)
    # Application.onboarded stands for "has a placement": the same rows as the anti-join it replaces.
    without_placement = Application.objects.filter(
        post__base__organisation_id=admin_a.organisation_id, status=ApplicationStatus.APPROVED,
        placement__isnull=True).order_by("-decided_at", "-id")
    assert list(approved_applications_for_unit(admin_a)) == list(without_placement) == [other]


@pytest.mark.django_db
def test_allowance_below_minimum_wage_and_missing_parameter(client, admin_a, application, city_reviewer):
    client.force_login(admin_a)
    url = reverse("traineeships:placement_create", args=[application.pk])
    response = client.post(url, terms_form())
    assert "该地区尚未设置最低工资标准，请联系人社部门" in response.content.decode()
    wage_parameter(city_reviewer, wage="2300")
    response = client.post(url, terms_form())
    assert "生活费不能低于当地2026年3月的月最低工资标准 2300.00 元" in response.content.decode()
    assert client.post(url, terms_form(monthly_allowance="2300")).status_code == 302


@pytest.mark.django_db
def test_insurance_must_cover_the_traineeship(client, admin_a, application, wage):
    client.force_login(admin_a)
    response = client.post(reverse("traineeships:placement_create", args=[application.pk]),
                           terms_form(insurance_valid_from=datetime.date(2026, 3, 2)))
    assert "人身意外伤害保险须在见习开始前生效，并覆盖整个见习期" in response.content.decode()
    assert not Placement.objects.exists()


@pytest.mark.django_db
def test_places_cannot_be_over_filled(client, admin_a, base_a, county_reviewer_a, city_reviewer, wage):
    post = approved_post(base_a.organisation, admin_a, county_reviewer_a, city_reviewer, places=1)
    first, second = approved_application(post), approved_application(post)
    client.force_login(admin_a)
    assert client.post(reverse("traineeships:placement_create", args=[first.pk]), terms_form()).status_code == 302
    response = client.post(reverse("traineeships:placement_create", args=[second.pk]), terms_form())
    assert "该岗位招募名额已满（1人），不能再登记上岗" in response.content.decode()
    # Cancelling the first registration frees the place.
    client.post(reverse("traineeships:placement_cancel", args=[Placement.objects.get().pk]))
    assert client.post(reverse("traineeships:placement_create", args=[second.pk]), terms_form()).status_code == 302


@pytest.mark.django_db
def test_one_traineeship_per_lifetime_across_units(client, admin_a, admin_b, application, base_b,
                                                   county_reviewer_b, city_reviewer, wage):
    client.force_login(admin_a)
    client.post(reverse("traineeships:placement_create", args=[application.pk]), terms_form())
    post_b = approved_post(base_b.organisation, admin_b, county_reviewer_b, city_reviewer,
                           work_region=factories.region("410103"))
    other = approved_application(post_b, person=application.person)
    client.force_login(admin_b)
    response = client.post(reverse("traineeships:placement_create", args=[other.pk]), terms_form())
    assert "该人员已在其他见习单位登记或参加过就业见习，每人只能参加一次就业见习" in response.content.decode()
    assert Placement.objects.count() == 1


@pytest.mark.django_db
def test_onboarding_deny_paths(client, admin_b, application, county_reviewer_a, outsider, wage):
    url = reverse("traineeships:placement_create", args=[application.pk])
    client.force_login(admin_b)
    assert client.get(url).status_code == 404
    for user in (county_reviewer_a, outsider):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.get(reverse("traineeships:placements")).status_code == 403
    pending = Application.objects.create(person=factories.individual(), post=application.post,
                                         applied_at=timezone.now())
    client.force_login(application.post.base.organisation.members.get(is_org_admin=True))
    response = client.get(reverse("traineeships:placement_create", args=[pending.pk]), follow=True)
    assert "只有审核通过的报名可以登记上岗（当前：待审核）" in response.content.decode()


# ---------------------------------------------------------------- the agreement


@pytest.mark.django_db
def test_agreement_upload_submit_and_county_approval(client, admin_a, application, county_reviewer_a,
                                                     county_reviewer_b, city_reviewer, wage):
    client.force_login(admin_a)
    client.post(reverse("traineeships:placement_create", args=[application.pk]), terms_form())
    placement = Placement.objects.get()
    detail = reverse("traineeships:placement_detail", args=[placement.pk])
    # Submitting without the scan is refused.
    response = client.post(reverse("traineeships:placement_submit", args=[placement.pk]), follow=True)
    assert "请先上传双方签字盖章的见习协议扫描件" in response.content.decode()
    pdf = client.get(reverse("traineeships:agreement_pdf", args=[placement.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    client.post(reverse("traineeships:placement_upload", args=[placement.pk]), {"file": png_upload("协议.png")})
    placement.refresh_from_db()
    assert placement.agreement_scan.purpose == "traineeship_agreement"
    client.post(reverse("traineeships:placement_submit", args=[placement.pk]))
    placement.refresh_from_db()
    review = latest_review_for(placement)
    assert placement.status == PlacementStatus.PENDING
    assert (review.kind, [step.level for step in review.steps.all()]) == ("traineeship_agreement", ["county"])

    # The county reviewer sees the generated agreement and the scan side by side.
    client.force_login(county_reviewer_a)
    page = client.get(detail).content.decode()
    assert f'src="{reverse("traineeships:agreement_pdf", args=[placement.pk])}"' in page
    assert f'src="{reverse("attachments:preview", args=[placement.agreement_scan_id])}"' in page
    assert client.get(reverse("attachments:download", args=[placement.agreement_scan_id])).status_code == 200
    # The frames are this site's own: the PDF may be framed by same-origin pages only.
    framed = client.get(reverse("traineeships:agreement_pdf", args=[placement.pk]))
    assert framed["X-Frame-Options"] == "SAMEORIGIN"
    # On the review page the same frames sit beside the decision form, not behind a link.
    review_page = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    materials = review_page[review_page.index('data-testid="review-materials"'):review_page.index('id="review-panel"')]
    assert 'data-testid="materials-placement"' in materials
    assert f'<iframe src="{reverse("traineeships:agreement_pdf", args=[placement.pk])}"' in materials
    assert 'data-testid="scan-frame"' in materials
    assert 'data-testid="decision-form"' in review_page
    # The unit's own page links the agreement rather than embedding a viewer among its forms.
    client.force_login(admin_a)
    unit_page = client.get(detail).content.decode()
    assert 'data-testid="generated-frame"' not in unit_page
    assert f'href="{reverse("traineeships:agreement_pdf", args=[placement.pk])}" download' in unit_page
    client.force_login(county_reviewer_a)
    # Another county's HR does not see it; the city is not a step of a county
    # base's agreement.
    client.force_login(county_reviewer_b)
    assert client.get(detail).status_code == 404
    assert client.get(reverse("traineeships:agreement_pdf", args=[placement.pk])).status_code == 404
    client.force_login(city_reviewer)
    step = review.steps.get()
    response = client.post(reverse("reviews:decide", args=[review.pk]),
                           {"decision": "approve", "reason": "", "step_id": step.pk})
    assert response.status_code == 404  # the engine does not even show the review to a non-reviewer
    client.force_login(county_reviewer_a)
    client.post(reverse("reviews:decide", args=[review.pk]), {"decision": "approve", "reason": "", "step_id": step.pk})
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.ON_POST and placement.approved_at is not None
    assert Notification.objects.filter(recipient=application.person,
                                       title__startswith="您的就业见习协议已审核通过").exists()
    # The trainee sees their own agreement and scan.
    client.force_login(application.person)
    assert client.get(detail).status_code == 200
    assert client.get(reverse("attachments:download", args=[placement.agreement_scan_id])).status_code == 200


@pytest.mark.django_db
def test_returned_agreement_is_corrected_and_pending_again(client, admin_a, application, county_reviewer_a, wage):
    placement = placement_services.onboard(application=application, actor=admin_a, data=terms())
    placement_services.attach_agreement(placement=placement, actor=admin_a, uploaded_file=png_upload())
    placement_services.submit_agreement(placement=placement, actor=admin_a)
    from reviews import services as review_services

    review_services.decide(review_id=latest_review_for(placement).pk, actor=county_reviewer_a,
                           decision="return", reason="保单号有误")
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.RETURNED
    client.force_login(admin_a)
    response = client.post(reverse("traineeships:placement_edit", args=[placement.pk]),
                           terms_form(insurance_policy_number="P2026000999"))
    assert response.status_code == 302
    client.post(reverse("traineeships:placement_upload", args=[placement.pk]), {"file": png_upload("新协议.png")})
    client.post(reverse("traineeships:placement_submit", args=[placement.pk]))
    placement.refresh_from_db()
    assert (placement.status, placement.insurance_policy_number) == (PlacementStatus.PENDING, "P2026000999")
    assert latest_review_for(placement).round == 2 and latest_review_for(placement).status == ReviewStatus.PENDING
    # Under review it can no longer be edited.
    response = client.get(reverse("traineeships:placement_edit", args=[placement.pk]), follow=True)
    assert "上岗登记当前状态为“协议审核中”，不能修改" in response.content.decode()


@pytest.mark.django_db
def test_retention_registration(client, admin_a, application, county_reviewer_a, wage):
    placement = on_post_placement(application, admin_a, county_reviewer_a)
    client.force_login(admin_a)
    url = reverse("traineeships:placement_retain", args=[placement.pk])
    response = client.post(url, {"retained_on": "2026-02-01", "contract": "HT-001"}, follow=True)
    assert "留用日期不能早于见习开始日期" in response.content.decode()
    client.post(url, {"retained_on": "2026-06-01", "contract": "HT-001，三年"})
    placement.refresh_from_db()
    assert (placement.retained_on, placement.retention_contract) == (datetime.date(2026, 6, 1), "HT-001，三年")
    client.force_login(application.person)
    assert client.post(url, {"retained_on": "2026-06-01", "contract": "x"}).status_code == 403
