"""The programme's API lists run a constant number of queries whatever the number of rows (no query per row)."""

import datetime

import pytest
from django.utils import timezone

from apprenticeships.models import AttendanceMark, AttendanceSession, ShortageOccupation
from tests import factories
from tests.api.keys import auth, token_for
from tests.api.queries import queries as api_queries
from tests.apprenticeships import factories as ap
from tests.apprenticeships.world import _claims

API = "/api/v1/apprenticeships"


def queries(client, headers, url) -> int:
    # The smaller of two calls (tests/api/queries.py): a key's first call of a new minute also stamps the key and
    # opens a rate window, so a single call counted across a minute's turn ran two queries more now and then.
    return api_queries(client, url, headers)


@pytest.mark.django_db
def test_api_lists_do_not_grow_with_rows(client, enterprise_a, admin_a, county_reviewer_a, institution):
    filing = ap.complete_filing(enterprise_a, by=admin_a, institution=institution)
    owner, county = auth(token_for(admin_a)), auth(token_for(county_reviewer_a))
    urls = [(owner, f"{API}/filings/"), (county, f"{API}/hr/filings/"), (owner, f"{API}/claims/"),
            *[(owner, f"{API}/filings/{filing.pk}/{tab}/") for tab in ("teachers", "trainees", "courses")]]
    for headers, url in urls:  # warm up: the key's first use and per-process caches
        queries(client, headers, url)
    before = [queries(client, headers, url) for headers, url in urls]
    for _index in range(3):
        ap.complete_filing(enterprise_a, by=admin_a, institution=institution)
    ap.trainee(filing, name="学徒追加甲")
    ap.trainee(filing, name="学徒追加乙")
    ap.teacher(filing)
    ap.course(filing, name="追加课程")
    _claims(enterprise_a, admin_a, filing)  # a submitted claim and a draft, with their people
    after = [queries(client, headers, url) for headers, url in urls]
    assert after == before


@pytest.mark.django_db
def test_the_later_lists_do_not_grow_with_rows(client, enterprise_a, admin_a, city_reviewer, institution):
    today = timezone.localdate()
    filing = ap.complete_filing(enterprise_a, by=admin_a, institution=institution)
    course = ap.course(filing, name="考勤课程", starts_on=today - datetime.timedelta(days=20), ends_on=today)

    def record(days):
        for day in days:
            session = AttendanceSession.objects.create(course=course, day=today - datetime.timedelta(days=day),
                                                       teacher=course.teacher, teacher_present=True,
                                                       recorded_by=admin_a)
            for trainee in filing.trainees.all():
                AttendanceMark.objects.create(session=session, trainee=trainee, mark="present")

    record([1])
    ap.venue(enterprise_a)
    owner, city = auth(token_for(admin_a)), auth(token_for(city_reviewer))
    trainee = filing.trainees.order_by("id").first()
    urls = [(owner, f"{API}/venues/"), (owner, f"{API}/people/trainees/"),
            (owner, f"{API}/filings/{filing.pk}/attendance/records/"),
            (owner, f"{API}/filings/{filing.pk}/attendance/records/?trainee={trainee.pk}"),
            *[(city, f"{API}/hr/parameters/{kind}/") for kind in ("standards", "shortages", "rulesets")]]
    for headers, url in urls:
        queries(client, headers, url)
    before = [queries(client, headers, url) for headers, url in urls]
    record([2, 3, 4])
    for name in ("二号车间", "三号车间"):
        ap.venue(enterprise_a, name=name)
    for _index in range(2):
        ap.complete_filing(enterprise_a, by=admin_a, institution=institution)
    for occupation in ("焊工", "钳工"):
        ShortageOccupation.objects.create(region_id="410100", year=2026, occupation=occupation, uplift_rate="0.1",
                                          source="目录", set_by=city_reviewer)
    after = [queries(client, headers, url) for headers, url in urls]
    assert after == before


@pytest.mark.django_db
def test_the_hr_lists_do_not_grow_with_rows(client, enterprise_a, enterprise_b, admin_a, city_reviewer,
                                            province_reviewer, county_reviewer_a):
    city_code = factories.region("410100")
    ap.recognition(enterprise_a, city_code, by=city_reviewer)
    city, province = auth(token_for(city_reviewer)), auth(token_for(province_reviewer))
    urls = [(city, f"{API}/hr/recognitions/"), (province, f"{API}/hr/recognitions/"),
            (city, f"{API}/hr/statistics/?year=2026"), (auth(token_for(county_reviewer_a)), f"{API}/hr/statistics/")]
    for headers, url in urls:
        queries(client, headers, url)
    before = [queries(client, headers, url) for headers, url in urls]
    for organisation in (enterprise_a, enterprise_b):
        revoked = ap.recognition(organisation, city_code, by=city_reviewer)
        revoked.revoked_at, revoked.revoked_by, revoked.revoke_reason = timezone.now(), city_reviewer, "退出"
        revoked.save()
    for _index in range(2):
        ap.complete_filing(enterprise_a, by=admin_a)
    after = [queries(client, headers, url) for headers, url in urls]
    assert after == before
