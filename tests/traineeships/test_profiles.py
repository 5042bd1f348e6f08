"""HR opens the unit's and the trainee's profiles from a placement, a departure, a roster line and the review
materials (issue 7, manual 001 §3.4): read-only, by the programme's one access rule, personal identifiers
masked by permission."""

import datetime

import pytest
from django.urls import reverse

from reviews.selectors import latest_review_for
from tests import factories
from tests.attachments.files import png_upload
from traineeships.models import GraduateRecord, TraineeKind, TraineeProfile
from traineeships.services import departures as departure_services

pytest_plugins = ["tests.traineeships.test_placements", "tests.traineeships.test_departures"]

CONTACT_MOBILE = "13855556666"


@pytest.fixture
def profiled(placement):
    """The trainee of `placement` with a full profile: a graduate in the register."""
    person = placement.person
    record = GraduateRecord.objects.create(name=person.real_name, id_number=person.id_number, school="郑州大学",
                                           major="软件工程", education="bachelor", graduation_year=2025)
    TraineeProfile.objects.create(
        person=person, kind=TraineeKind.GRADUATE, graduate_record=record, education="bachelor", major="软件工程",
        household_region=factories.region("410103"), address="郑州市二七区大学路75号", email="wang@example.com",
        contact_mobile=CONTACT_MOBILE, intended_region=factories.region("410100"), intended_post="软件测试",
        intended_industry="信息技术", intention_note="希望在金水区", intention_submitted_at=datetime.datetime(
            2026, 1, 5, tzinfo=datetime.UTC))
    return placement


def urls(placement):
    return (reverse("traineeships:unit_profile", args=[placement.base.organisation_id]),
            reverse("traineeships:trainee_profile", args=[placement.pk]))


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["county_reviewer_a", "city_reviewer"])
def test_reviewers_of_the_region_open_both_profiles(client, request, profiled, persona):
    client.force_login(request.getfixturevalue(persona))
    unit_url, trainee_url = urls(profiled)
    organisation = profiled.base.organisation
    page = client.get(unit_url).content.decode()
    assert f'<dd class="col-sm-4" data-testid="credit-code">{organisation.credit_code}</dd>' in page
    for text in (organisation.name, organisation.address, organisation.contact_person, organisation.contact_phone,
                 "近年专业及人数需求", "会计", "见习指导师资队伍情况", "1 个；在岗 1 人，已结束 0 人，留用 0 人"):
        assert text in page
    page = client.get(trainee_url).content.decode()
    person = profiled.person
    assert '<dd class="col-sm-4" data-testid="kind">高校毕业生</dd>' in page
    assert '<dd class="col-sm-4" data-testid="school">郑州大学</dd>' in page
    assert f'<dd class="col-sm-4" data-testid="household">{factories.region("410103").full_name}</dd>' in page
    for text in ("软件工程", "本科", "2025", "郑州市二七区大学路75号", "wang@example.com", "软件测试", "信息技术",
                 "希望在金水区", profiled.post.title):
        assert text in page, text
    # An HR department's administrator holds organisations.view_personal_data: identifiers whole.
    assert person.id_number in page and CONTACT_MOBILE in page


@pytest.mark.django_db
def test_identifiers_are_masked_without_the_personal_data_permission(client, profiled, county_hr_a):
    clerk = factories.UserFactory(organisation=county_hr_a, username="clerk")
    clerk.roles.add(county_hr_a.roles.create(name="见习审核员", permissions=["traineeships.review"]))
    client.force_login(clerk)
    page = client.get(urls(profiled)[1]).content.decode()
    number = profiled.person.id_number
    assert f'data-testid="id-number">{number[:4]}**********{number[-4:]}</dd>' in page
    assert number not in page and CONTACT_MOBILE not in page
    assert "138****6666" in page


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["county_reviewer_b", "education_reviewer", "admin_b", "outsider",
                                     "staff_manager_a"])
def test_others_get_404(client, request, profiled, persona):
    client.force_login(request.getfixturevalue(persona))
    for url in urls(profiled):
        assert client.get(url).status_code == 404, url


@pytest.mark.django_db
def test_the_trainee_does_not_open_these_pages(client, profiled):
    client.force_login(profiled.person)
    assert [client.get(url).status_code for url in urls(profiled)] == [404, 404]


@pytest.mark.django_db
def test_the_unit_opens_its_own_and_its_trainees(client, profiled, admin_a):
    client.force_login(admin_a)
    assert [client.get(url).status_code for url in urls(profiled)] == [200, 200]


@pytest.mark.django_db
def test_trainee_without_a_profile_shows_what_is_known(client, placement, county_reviewer_a):
    client.force_login(county_reviewer_a)
    page = client.get(urls(placement)[1]).content.decode()
    assert "该人员尚未填写见习意向表。" in page and placement.person.real_name in page


@pytest.mark.django_db
def test_links_from_placement_departure_roster_and_review_materials(client, profiled, admin_a, county_reviewer_a,
                                                                    city_reviewer):
    unit_url, trainee_url = urls(profiled)
    unit_link, trainee_link = f'href="{unit_url}"', f'href="{trainee_url}"'
    departure = departure_services.register_departure(
        placement=profiled, actor=admin_a, data={"left_on": datetime.date(2026, 6, 15), "reason": "other",
                                                 "note": ""})
    departure_services.attach_certificate(departure=departure, actor=admin_a, uploaded_file=png_upload("证明.png"))
    departure_services.submit_departure(departure=departure, actor=admin_a)
    client.force_login(county_reviewer_a)
    pages = {
        "placement": reverse("traineeships:placement_detail", args=[profiled.pk]),
        "departure": reverse("traineeships:departure_detail", args=[departure.pk]),
        "agreement materials": reverse("reviews:detail", args=[latest_review_for(profiled).pk]),
        "departure materials": reverse("reviews:detail", args=[latest_review_for(departure).pk]),
        "roster": f'{reverse("traineeships:roster")}?base={profiled.base.pk}&first_month=2026-03&last_month=2026-04',
    }
    for name, url in pages.items():
        page = client.get(url).content.decode()
        assert unit_link in page and trainee_link in page, name
    # The city's HR opens them from the roster too.
    client.force_login(city_reviewer)
    page = client.get(pages["roster"]).content.decode()
    assert unit_link in page and trainee_link in page
