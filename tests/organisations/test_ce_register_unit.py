"""注册用人单位 (organisations:register_unit, issue 10) through HTTP: the search refuses an existing unit, the form
creates the unit with its person as administrator, the image is checked by content and size, the departments
must contain the unit's region, and a credit code taken meanwhile is the form's message."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import UserKind
from audit.models import AuditEntry
from notifications.models import Notification
from organisations.models import Organisation, OrganisationKind, Origin, StaffMember
from tests import factories
from tests.organisations.helpers import field_errors, new_credit_code, png_upload

URL = reverse("organisations:register_unit")
DONE = reverse("organisations:register_unit_done")


@pytest.fixture
def person(db):
    return factories.individual(username="founder", real_name="周创始")


def form_data(hr, **overrides):
    data = {"name": "郑州市新材料研究所", "credit_code": new_credit_code(), "region": "410105",
            "hr_department": hr.pk, "supervising_department": "", "nature": "public_institution",
            "unit_level": "city", "legal_representative": "周所长", "contact_phone": "0371-66668888",
            "address": "郑州市金水区科学大道1号", "credit_code_image": png_upload("code.png")}
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_search_finds_an_existing_unit_and_shows_only_its_name(client, person, enterprise_a, admin_a):
    client.force_login(person)
    for text in ("甲企业", enterprise_a.credit_code):
        response = client.get(URL, {"q": text})
        html = response.content.decode()
        assert "该单位已注册，请联系该单位管理员添加" in html and "甲企业有限公司" in html
        assert response.context["form"] is None
        assert admin_a.mobile not in html and admin_a.username not in html


@pytest.mark.django_db
def test_search_without_hit_offers_the_form(client, person):
    client.force_login(person)
    response = client.get(URL, {"q": "新材料研究所"})
    assert response.context["form"].initial == {"name": "新材料研究所"}
    assert "未查询到该单位" in response.content.decode()
    response = client.get(URL, {"q": "新"})
    assert response.context["search"].errors == {"q": ["请至少输入 2 个字"]} and response.context["form"] is None


@pytest.mark.django_db
def test_registers_the_unit_and_its_administrator(client, person, county_hr_a, industry_department,
                                                 industry_reviewer):
    county_admin = factories.org_admin(county_hr_a, username="jinshui_hr")
    client.force_login(person)
    data = form_data(county_hr_a, supervising_department=industry_department.pk)
    response = client.post(URL, data)
    assert response.status_code == 302 and response["Location"] == DONE
    unit = Organisation.objects.get(credit_code=data["credit_code"])
    assert (unit.name, unit.kind, unit.origin, unit.region.code) == ("郑州市新材料研究所",
                                                                    OrganisationKind.PUBLIC_INSTITUTION,
                                                                    Origin.SELF_REGISTERED, "410105")
    assert (unit.hr_department, unit.supervising_department) == (county_hr_a, industry_department)
    assert (unit.nature, unit.unit_level, unit.legal_representative) == ("public_institution", "city", "周所长")
    assert unit.business_licence.purpose == "unit_credit_code_image" and unit.activated_at is not None
    person.refresh_from_db()
    assert (person.organisation, person.is_org_admin, person.kind) == (unit, True, UserKind.ORGANISATION)
    assert person.username == "founder"
    assert not StaffMember.objects.filter(organisation=unit).exists()
    assert Notification.objects.filter(recipient=county_admin, title="新注册用人单位：郑州市新材料研究所").count() == 1
    assert Notification.objects.filter(recipient=industry_reviewer).count() == 1
    assert AuditEntry.objects.filter(action="organisations.unit_registered", target_id=str(unit.pk)).count() == 1
    html = client.get(DONE).content.decode()
    assert reverse("organisations:profile") in html and "前往单位管理" in html and "实名认证" in html
    assert client.get(reverse("organisations:profile")).status_code == 200
    # Once an organisation's user, the page is closed.
    assert client.get(URL).status_code == 403


@pytest.mark.django_db
def test_enterprise_natures_become_enterprises(client, person, city_hr):
    client.force_login(person)
    data = form_data(city_hr, nature="private_enterprise")
    assert client.post(URL, data).status_code == 302
    assert Organisation.objects.get(credit_code=data["credit_code"]).kind == OrganisationKind.ENTERPRISE


@pytest.mark.django_db
@pytest.mark.parametrize("field, message", [
    ("name", "请填写用人单位名称"), ("credit_code", "请输入统一社会信用代码"), ("region", None),
    ("hr_department", "请选择所属人社部门"), ("nature", "请选择单位性质"), ("unit_level", "请选择单位级别"),
    ("legal_representative", "请填写机构负责人"), ("contact_phone", "请填写联系电话"), ("address", "请填写单位地址"),
    ("credit_code_image", "请上传统一社会信用代码附件"),
])
def test_each_required_field(client, person, county_hr_a, field, message):
    client.force_login(person)
    data = form_data(county_hr_a)
    data.pop(field)
    response = client.post(URL, data)
    assert response.status_code == 200
    errors = field_errors(response, field)
    assert errors and (message is None or errors == [message])
    assert not Organisation.objects.filter(kind=OrganisationKind.PUBLIC_INSTITUTION).exists()


@pytest.mark.django_db
def test_image_checked_by_content_and_size(client, person, county_hr_a):
    client.force_login(person)
    fake = SimpleUploadedFile("code.png", b"this is not an image at all", content_type="image/png")
    response = client.post(URL, form_data(county_hr_a, credit_code_image=fake))
    assert field_errors(response, "credit_code_image")
    big = io.BytesIO(png_upload("big.png").read() + b"\0" * (4 * 1024 * 1024))
    response = client.post(URL, form_data(county_hr_a, credit_code_image=SimpleUploadedFile(
        "big.png", big.getvalue(), content_type="image/png")))
    assert field_errors(response, "credit_code_image")
    assert "4" in field_errors(response, "credit_code_image")[0]
    assert not Organisation.objects.filter(kind=OrganisationKind.PUBLIC_INSTITUTION).exists()


@pytest.mark.django_db
def test_departments_must_contain_the_region(client, person, county_hr_b, industry_department, county_hr_a,
                                             education_bureau):
    client.force_login(person)
    response = client.post(URL, form_data(county_hr_b))
    assert field_errors(response, "hr_department") == ["所属人社部门须为单位所在地区或其上级地区的人社部门"]
    response = client.post(URL, form_data(county_hr_a, supervising_department=county_hr_a.pk))
    assert field_errors(response, "supervising_department") == ["请选择列表中的主管部门"]
    response = client.post(URL, form_data(county_hr_a, hr_department=education_bureau.pk))
    assert field_errors(response, "hr_department") == ["请选择列表中的人社部门"]
    response = client.post(URL, form_data(county_hr_a, region="410103",
                                          supervising_department=industry_department.pk))
    assert field_errors(response, "hr_department") == ["所属人社部门须为单位所在地区或其上级地区的人社部门"]
    assert not Organisation.objects.filter(kind=OrganisationKind.PUBLIC_INSTITUTION).exists()


@pytest.mark.django_db
def test_credit_code_taken(client, person, county_hr_a, enterprise_a):
    client.force_login(person)
    response = client.post(URL, form_data(county_hr_a, credit_code=enterprise_a.credit_code))
    assert field_errors(response, "credit_code") == ["该单位已注册，请联系该单位管理员添加"]


@pytest.mark.django_db
def test_credit_code_taken_meanwhile_is_the_forms_message(client, person, county_hr_a, monkeypatch):
    """The race: the form's check passed, another registration wins before the insert (the unique constraint)."""
    from verification import forms_unit_registration

    data = form_data(county_hr_a)
    factories.OrganisationFactory(name="先注册的单位", credit_code=data["credit_code"])
    monkeypatch.setattr(forms_unit_registration.UnitRegistrationForm, "clean_credit_code",
                        lambda form: form.cleaned_data["credit_code"])
    client.force_login(person)
    response = client.post(URL, data)
    assert field_errors(response, "credit_code") == ["该单位已注册，请联系该单位管理员添加"]
    person.refresh_from_db()
    assert person.organisation_id is None


@pytest.mark.django_db
def test_who_may_register(client, admin_a, county_reviewer_a):
    for user in (admin_a, county_reviewer_a):
        client.force_login(user)
        assert client.get(URL).status_code == 403
        assert client.get(DONE).status_code == 403  # not the one who registered it
    client.logout()
    assert client.get(URL).status_code == 302
