"""The objects of the access matrix (tests/core/test_access_matrix.py): one of each kind a URL can name, all of
enterprise A in 金水区 (郑州市) unless said otherwise, each with the user who owns it."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from api import services as api_key_services
from batch.models import BatchJob, JobKind, JobStatus
from calendars.models import CalendarYear, DayKind, MinimumWage, SpecialDay
from claims import services as claim_services
from notifications.models import Notification
from organisations.models import Department, OrganisationKind, Origin, StaffMember
from reviews.selectors import latest_review_for
from tests import factories
from tests.attachments.files import png_upload
from tests.traineeships.helpers import approved_base, published_post
from tests.traineeships.test_placements import approved_application, on_post_placement, wage_parameter
from traineeships.models import GraduateRecord
from traineeships.services import departures as departure_services
from webhooks import services as webhook_services


@dataclass
class Thing:
    pk: object
    owner: object  # the user for whom the object is theirs (the "owner" persona of its rows)


def build_world(*, enterprise_a, admin_a, member_a, county_hr_a, county_reviewer_a, city_hr, city_reviewer):
    base = approved_base(enterprise_a, admin_a, county_reviewer_a, city_reviewer)
    parameter = wage_parameter(city_reviewer)
    post = published_post(enterprise_a, admin_a, [county_reviewer_a, city_reviewer], city_reviewer, places=3)
    trainee = factories.individual(username="trainee", real_name="王见习")
    placement = on_post_placement(approved_application(post, trainee), admin_a, county_reviewer_a)
    waiting = approved_application(post, real_name="李待岗")
    departure = departure_services.register_departure(
        placement=placement, actor=admin_a,
        data={"left_on": datetime.date(2026, 6, 15), "reason": "hired_early", "note": ""},
    )
    departure_services.attach_certificate(departure=departure, actor=admin_a, uploaded_file=png_upload("证明.png"))
    departure.refresh_from_db()
    claim = claim_services.create_claim(programme="traineeships", organisation=enterprise_a, actor=admin_a,
                                        first_month=datetime.date(2026, 3, 1), last_month=datetime.date(2026, 4, 1))
    claim_services.submit_claim(claim=claim, actor=admin_a)
    staff = StaffMember.objects.create(organisation=enterprise_a, name="赵员工", id_number=factories.make_id_number(),
                                       gender="male", birth_date=datetime.date(1990, 1, 1))
    department = Department.objects.create(organisation=enterprise_a, name="人事部")
    role = enterprise_a.roles.create(name="岗位管理员", permissions=["traineeships.manage_base"])
    job = BatchJob.objects.create(kind=JobKind.EXPORT, spec="staff", status=JobStatus.SUCCEEDED, owner=admin_a,
                                  organisation=enterprise_a, created_at=timezone.now())
    notification = Notification.objects.create(recipient=admin_a, title="测试消息")
    graduate = GraduateRecord.objects.create(name="孙毕业", id_number=factories.make_id_number("20030101"),
                                             school="郑州大学", major="会计", education="bachelor",
                                             graduation_year=2025, imported_by_org=city_hr)
    preregistered = factories.OrganisationFactory(
        name="推荐录入企业", origin=Origin.PRE_REGISTERED, recommended_by=county_hr_a, created_by=county_reviewer_a,
        kind=OrganisationKind.ENTERPRISE, activated_at=None,
    )
    platform_staff = factories.UserFactory(username="platform", real_name="平台管理员", kind="platform",
                                           is_staff=True, organisation=None)
    api_key = api_key_services.issue_key(actor=admin_a, organisation=enterprise_a, name="人事系统",
                                         scopes=["organisations:read"]).key
    draft_year = CalendarYear.objects.create(year=2027)
    draft_day = SpecialDay.objects.create(calendar_year=draft_year, date=datetime.date(2027, 1, 1),
                                          kind=DayKind.HOLIDAY, name="元旦")
    subscription, _ = webhook_services.create_subscription(actor=admin_a, organisation=enterprise_a, data={
        "name": "人事系统", "url": "http://10.0.0.1/hook", "events": ["review.decided"], "is_active": True})
    (delivery,) = webhook_services.emit(event="review.decided", organisations=[enterprise_a], payload={})
    return {
        "subscription": Thing(subscription.pk, admin_a),
        "delivery": Thing(delivery.pk, admin_a),
        "calendar_year": Thing(draft_year.year, platform_staff),
        "calendar_day": Thing(draft_day.pk, platform_staff),
        "minimum_wage": Thing(MinimumWage.objects.create(
            region_id="410000", valid_from=datetime.date(2026, 1, 1), monthly=2100, source="豫政〔2026〕1号",
            set_by=platform_staff).pk, platform_staff),
        "organisation": Thing(enterprise_a.pk, admin_a),
        "base": Thing(base.pk, admin_a),
        "post": Thing(post.pk, admin_a),
        "application": Thing(waiting.pk, admin_a),
        "my_application": Thing(waiting.pk, waiting.person),
        "placement": Thing(placement.pk, admin_a),
        "departure": Thing(departure.pk, admin_a),
        "claim": Thing(claim.pk, admin_a),
        "my_departure": Thing(departure.pk, trainee),
        "review": Thing(latest_review_for(base).pk, admin_a),
        "attachment": Thing(placement.agreement_scan_id, admin_a),
        "staff": Thing(staff.pk, admin_a),
        "department": Thing(department.pk, admin_a),
        "role": Thing(role.pk, admin_a),
        "account": Thing(member_a.pk, admin_a),
        "job": Thing(job.pk, admin_a),
        "notification": Thing(notification.pk, admin_a),
        "parameter": Thing(parameter.pk, city_reviewer),
        "graduate": Thing(graduate.pk, city_reviewer),
        "preregistered": Thing(preregistered.pk, county_reviewer_a),
        "api_key": Thing(api_key.pk, admin_a),
    }
