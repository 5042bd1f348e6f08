"""The leaks the access rule closed (issue 6 §1): a department of another line of government, and a
sub-administrator without the programme's permission, no longer open the programme's records."""

import datetime

import pytest
from django.urls import reverse

from organisations.jurisdiction import get_programme, register_programme
from organisations.models import Authority
from reviews.selectors import latest_review_for
from tests.attachments.files import png_upload
from tests.traineeships.test_placements import approved_application, approved_post, on_post_placement, wage_parameter
from traineeships.services import departures as departure_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(base_a, admin_a, county_reviewer_a, city_reviewer):
    wage_parameter(city_reviewer)
    post = approved_post(base_a.organisation, admin_a, county_reviewer_a, city_reviewer, places=2)
    placement = on_post_placement(approved_application(post, real_name="王见习"), admin_a, county_reviewer_a)
    departure = departure_services.register_departure(
        placement=placement, actor=admin_a, data={"left_on": datetime.date(2026, 6, 15), "reason": "other",
                                                  "note": ""})
    departure_services.attach_certificate(departure=departure, actor=admin_a, uploaded_file=png_upload())
    return {
        "base": reverse("traineeships:base_detail", args=[base_a.pk]),
        "base_pdf": reverse("traineeships:base_pdf", args=[base_a.pk]),
        "post": reverse("traineeships:post_detail", args=[post.pk]),
        "placement": reverse("traineeships:placement_detail", args=[placement.pk]),
        "agreement_pdf": reverse("traineeships:agreement_pdf", args=[placement.pk]),
        "agreement_scan": reverse("attachments:download", args=[placement.agreement_scan_id]),
        "departure": reverse("traineeships:departure_detail", args=[departure.pk]),
        "certificate_pdf": reverse("traineeships:certificate_pdf", args=[departure.pk]),
        "rules_file": reverse("attachments:download", args=[base_a.rules_file_id]),
        "review": reverse("reviews:detail", args=[latest_review_for(base_a).pk]),
    }


def statuses(client, user, urls):
    client.force_login(user)
    return {name: client.get(url).status_code for name, url in urls.items()}


def test_education_bureau_of_the_city_opens_no_traineeship_record(client, records, education_reviewer,
                                                                   enterprise_a):
    urls = {**records, "organisation": reverse("organisations:detail", args=[enterprise_a.pk]),
            "registration_pdf": reverse("printing:organisation_registration", args=[enterprise_a.pk])}
    assert statuses(client, education_reviewer, urls) == dict.fromkeys(urls, 404)


def test_industry_department_of_the_city_opens_no_traineeship_record(client, records, industry_reviewer):
    assert statuses(client, industry_reviewer, records) == dict.fromkeys(records, 404)


def test_staff_manager_opens_no_traineeship_record_of_their_own_unit(client, records, staff_manager_a):
    assert statuses(client, staff_manager_a, records) == dict.fromkeys(records, 404)
    client.force_login(staff_manager_a)
    assert client.get(reverse("reviews:mine")).context["rows"] == []


def test_sub_admin_with_the_programme_permission_opens_them(client, records, enterprise_a, member_a):
    member_a.roles.add(enterprise_a.roles.create(name="见习专员", permissions=["traineeships.manage_base"]))
    assert statuses(client, member_a, records) == dict.fromkeys(records, 200)


def test_hr_clerk_without_a_programme_role_opens_nothing(client, records, county_hr_a):
    from tests import factories

    clerk = factories.UserFactory(organisation=county_hr_a)
    clerk.roles.add(county_hr_a.roles.create(name="账号管理员", permissions=["organisations.manage_accounts"]))
    assert statuses(client, clerk, records) == dict.fromkeys(records, 404)


def test_a_programme_naming_education_opens_its_records_to_the_bureau(client, records, education_reviewer):
    """Authority is declared by the programme: were traineeships shared with education (as internships will be),
    the city's education bureau would see the unit's records in its city."""
    original = get_programme("traineeships")
    register_programme("traineeships", label=original.label,
                       authorities=[Authority.HUMAN_RESOURCES, Authority.EDUCATION],
                       member_permissions=original.member_permissions,
                       reviewer_permissions=original.reviewer_permissions)
    try:
        seen = statuses(client, education_reviewer, records)
    finally:
        register_programme("traineeships", label=original.label, authorities=original.authorities,
                           member_permissions=original.member_permissions,
                           reviewer_permissions=original.reviewer_permissions)
    # Its role holds every government permission of the programme; the review itself stays with HR.
    assert seen == {**dict.fromkeys(records, 200), "review": 404}
