"""见习意向填表 (manual 001 §2.3): the register's basic information is shown and not editable; contact and
intention fields are; a young job seeker also gives education and ID document details."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from tests.batch.helpers import id_number
from traineeships.models import GraduateRecord, TraineeKind
from traineeships.services import individuals

INTENTION = reverse("traineeships:intention")
YOUTH_ID = id_number("20040101", 331)
GRADUATE_ID = id_number("20010808", 442)


def enter(name, number, kind, graduate=None, mobile="13700001111"):
    person = individuals.enter_programme(identity=individuals.Identity(
        name=name, id_number=number, kind=kind, graduate=graduate, user=None))
    individuals.bind_mobile(actor=person, mobile=mobile)
    return person


def intention_data(**overrides):
    data = {
        "household_region__province": "410000", "household_region__city": "410100", "household_region": "410105",
        "address": "郑州市金水区花园路8号", "email": "qing@example.com", "contact_mobile": "13700002222",
        "intended_region__province": "410000", "intended_region": "410100", "intended_post": "软件测试",
        "intended_industry": "信息技术", "intention_note": "希望在郑州市区",
    }
    data.update(overrides)
    return data


YOUTH_EXTRA = {"education": "secondary", "major": "", "id_document_type": "resident_id",
               "id_issuing_authority": "郑州市公安局金水分局", "id_valid_from": "2020-01-01",
               "id_valid_to": "2030-01-01"}


@pytest.mark.django_db
def test_young_job_seeker_fills_in_contact_intention_and_id_document(client):
    person = enter("王小青", YOUTH_ID, TraineeKind.YOUTH)
    client.force_login(person)
    page = client.get(INTENTION)
    assert page.status_code == 200
    content = page.content.decode()
    assert "学历和身份证件信息" in content
    assert f"{YOUTH_ID[:4]}**********{YOUTH_ID[-4:]}" in content
    assert page.context["form"].initial["contact_mobile"] == "13700001111"

    response = client.post(INTENTION, intention_data(**YOUTH_EXTRA))
    assert response.status_code == 302
    assert response["Location"] == reverse("traineeships:individual_posts")
    profile = person.trainee_profile
    profile.refresh_from_db()
    assert (profile.household_region_id, profile.address, profile.email, profile.contact_mobile,
            profile.intended_region_id, profile.intended_post, profile.intended_industry, profile.education,
            profile.id_document_type, profile.id_issuing_authority, str(profile.id_valid_from),
            str(profile.id_valid_to), profile.id_valid_long_term) == (
        "410105", "郑州市金水区花园路8号", "qing@example.com", "13700002222", "410100", "软件测试", "信息技术",
        "secondary", "resident_id", "郑州市公安局金水分局", "2020-01-01", "2030-01-01", False)
    assert profile.intention_submitted_at is not None
    assert AuditEntry.objects.filter(action="traineeships.intention_submitted", actor=person).count() == 1


@pytest.mark.django_db
def test_missing_and_bad_fields_are_reported_next_to_them_and_nothing_is_saved(client):
    person = enter("王小青", YOUTH_ID, TraineeKind.YOUTH)
    client.force_login(person)
    data = intention_data(**{**YOUTH_EXTRA, "id_valid_to": "", "id_issuing_authority": "", "education": ""},
                          household_region="", address="", contact_mobile="12345", intended_post="")
    response = client.post(INTENTION, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["household_region"] == ["请选择到区县一级"]
    assert errors["address"] == ["请填写通讯地址"]
    assert errors["contact_mobile"] == ["请输入11位中国大陆手机号码"]
    assert errors["intended_post"] == ["请填写意向岗位"]
    assert errors["education"] == ["请选择学历"]
    assert errors["id_issuing_authority"] == ["请填写签发机关"]
    assert errors["id_valid_to"] == ["请填写有效期截止日期，或勾选“长期有效”"]
    assert 'data-field-error="address"' in response.content.decode()
    person.trainee_profile.refresh_from_db()
    assert person.trainee_profile.intention_submitted_at is None

    response = client.post(INTENTION, intention_data(**{**YOUTH_EXTRA, "id_valid_to": "2021-01-01"}))
    assert response.context["form"].errors["id_valid_to"] == ["证件已过有效期"]
    response = client.post(INTENTION, intention_data(**{**YOUTH_EXTRA, "id_valid_to": "",
                                                        "id_valid_long_term": "on"}))
    assert response.status_code == 302
    person.trainee_profile.refresh_from_db()
    assert (person.trainee_profile.id_valid_to, person.trainee_profile.id_valid_long_term) == (None, True)


@pytest.mark.django_db
def test_graduate_sees_register_information_read_only(client):
    graduate = GraduateRecord.objects.create(name="李毕业", id_number=GRADUATE_ID, school="郑州大学",
                                             major="会计学", education="bachelor", graduation_year=2024)
    person = enter("李毕业", GRADUATE_ID, TraineeKind.GRADUATE, graduate=graduate)
    client.force_login(person)
    page = client.get(INTENTION)
    content = page.content.decode()
    assert "读取自高校毕业生就业信息库，不可修改" in content
    assert "郑州大学" in content and "会计学" in content
    assert "学历和身份证件信息" not in content
    assert "education" not in page.context["form"].fields
    # Posting register fields changes nothing: they are not part of the form.
    response = client.post(INTENTION, intention_data(school="伪造大学", education="doctor", major="伪造"))
    assert response.status_code == 302
    profile = person.trainee_profile
    profile.refresh_from_db()
    assert (profile.education, profile.major, profile.graduate_record.school) == ("bachelor", "会计学", "郑州大学")


@pytest.mark.django_db
def test_only_individuals_with_a_traineeship_profile_reach_the_form(client, admin_a, student):
    client.force_login(admin_a)
    assert client.get(INTENTION).status_code == 403
    client.force_login(student)  # an individual who has not entered the programme yet
    response = client.get(INTENTION)
    assert response.status_code == 302
    assert response["Location"] == reverse("traineeships:individual_sign_in")
    person = individuals.enter_programme(identity=individuals.Identity(
        name="无手机", id_number=id_number("20030303", 553), kind=TraineeKind.YOUTH, graduate=None, user=None))
    client.force_login(person)
    response = client.get(INTENTION)
    assert response["Location"] == reverse("accounts:individual_bind", kwargs={"programme": "traineeships"})


@pytest.mark.django_db
def test_navigation_shows_the_individual_entries(client):
    person = enter("王小青", YOUTH_ID, TraineeKind.YOUTH)
    client.force_login(person)
    content = client.get(INTENTION).content.decode()
    nav = content[content.index('id="praxis-nav"'):content.index("</nav>")]
    assert 'data-bs-target="#nav-traineeships"' in nav  # the programme's own section
    for label in ("意向填表", "岗位报名", "我的报名"):
        assert f"</i> {label}</a>" in nav
    assert "报名审核" not in nav
