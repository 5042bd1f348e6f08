"""高校毕业生信息库: the add screen, the spreadsheet import through the batch engine (bad rows, re-import), the
list's jurisdiction and masking, and who may not use it."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from batch.models import BatchJob, JobStatus
from organisations.models import Authority, Role
from regions.models import RegionLevel
from tests import factories
from tests.batch.helpers import id_number, upload, xlsx_bytes
from traineeships.models import GraduateRecord

HEADERS = ["姓名", "身份证号", "毕业院校", "专业", "学历", "毕业年份"]
ZHANG = id_number("20020307", 123)
LI = id_number("20010512", 224)
WANG = id_number("20000101", 335)
BAD_CHECK = WANG[:-1] + ("1" if WANG[-1] != "1" else "2")


@pytest.fixture
def post_import(run_on_commit):
    def post(client, content):
        url = reverse("batch:import", args=["graduate_register"])
        return run_on_commit(lambda: client.post(url, {"file": upload(content, "毕业生.xlsx")}))

    return post


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


@pytest.fixture
def education_city(db):
    department = factories.GovernmentFactory(name="郑州市教育局", authority=Authority.EDUCATION,
                                             gov_level=RegionLevel.CITY, region=factories.region("410100"))
    return factories.org_admin(department, username="edu_city", real_name="教育局管理员")


def member_with(organisation, username, *codes):
    """A sub-administrator whose one role holds `codes` (no view_personal_data unless named)."""
    role = Role.objects.create(organisation=organisation, name=f"角色{username}", permissions=list(codes))
    user = factories.UserFactory(organisation=organisation, username=username, real_name=username)
    user.roles.add(role)
    return user


def form_data(**overrides):
    data = {"name": "张三", "id_number": ZHANG, "school": "郑州大学", "major": "软件工程", "education": "bachelor",
            "graduation_year": "2024"}
    data.update(overrides)
    return data


def test_add_screen_creates_a_record_under_the_department(client, county_reviewer_a, county_hr_a):
    client.force_login(county_reviewer_a)
    response = client.post(reverse("traineeships:graduate_create"), form_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("traineeships:graduates")
    graduate = GraduateRecord.objects.get()
    assert (graduate.name, graduate.id_number, graduate.school, graduate.major, graduate.education,
            graduate.graduation_year, graduate.imported_by_org) == (
        "张三", ZHANG, "郑州大学", "软件工程", "bachelor", 2024, county_hr_a)
    assert AuditEntry.objects.filter(action="traineeships.graduate_created", target_id=str(graduate.pk)).count() == 1


def test_add_screen_shows_errors_next_to_fields_and_saves_nothing(client, county_reviewer_a):
    GraduateRecord.objects.create(name="李四", id_number=LI, school="河南大学", major="会计", education="bachelor",
                                  graduation_year=2023)
    client.force_login(county_reviewer_a)
    response = client.post(reverse("traineeships:graduate_create"),
                           form_data(id_number=LI, education="any", graduation_year="1800", name=" "))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["id_number"] == ["信息库中已有该身份证号的记录"]
    assert errors["education"] == ["学历只能为下拉列表中的一项"]
    assert errors["graduation_year"][0].startswith("毕业年份应在 1980 至")
    assert errors["name"] == ["请填写姓名"]
    assert 'data-field-error="id_number"' in response.content.decode()
    assert GraduateRecord.objects.count() == 1

    response = client.post(reverse("traineeships:graduate_create"), form_data(id_number=BAD_CHECK))
    assert response.context["form"].errors["id_number"] == [
        f"身份证号校验位错误：最后一位应为 {WANG[-1]}，请核对是否录入有误"]


def test_import_with_bad_rows_saves_the_good_ones_and_reports_each_bad_row(client, post_import, county_reviewer_a,
                                                                          county_hr_a):
    client.force_login(county_reviewer_a)
    rows = [
        ["张三", ZHANG, "郑州大学", "软件工程", "本科", 2024],
        ["李四", LI, "河南大学", "会计", "大专", "2023"],
        ["", WANG, "郑州大学", "法学", "本科", 2024],  # no name
        ["赵六", BAD_CHECK, "郑州大学", "法学", "本科", 2024],  # wrong check digit
        ["钱七", id_number("20000202", 446), "郑州大学", "法学", "不限", 2024],  # not a register education
        ["孙八", id_number("20000303", 557), "郑州大学", "法学", "硕士研究生", 1900],
        ["张三", ZHANG, "郑州大学", "软件工程", "本科", 2024],  # same ID twice in the file
    ]
    response = post_import(client, xlsx_bytes(rows, headers=HEADERS))
    job = BatchJob.objects.get()
    assert response.status_code == 302
    assert (job.spec, job.status, job.organisation) == ("graduate_register", JobStatus.PARTLY_FAILED, county_hr_a)
    assert (job.created_rows, job.updated_rows, job.unchanged_rows, job.failed_rows) == (2, 0, 0, 5)
    errors = dict(job.row_errors.values_list("row_number", "message"))
    assert errors[4] == "姓名：请填写姓名"
    assert errors[5].startswith("身份证号：身份证号校验位错误")
    assert errors[6].startswith("学历：")
    assert errors[7].startswith("毕业年份：毕业年份应在 1980 至")
    assert errors[8] == "身份证号与第2行重复"
    assert sorted(GraduateRecord.objects.values_list("name", "education", "graduation_year")) == [
        ("张三", "bachelor", 2024), ("李四", "junior_college", 2023)]
    assert set(GraduateRecord.objects.values_list("imported_by_org", flat=True)) == {county_hr_a.pk}


def test_reimport_updates_by_id_number_without_duplicates(client, post_import, county_reviewer_a, city_reviewer,
                                                          city_hr):
    client.force_login(county_reviewer_a)
    post_import(client, xlsx_bytes([["张三", ZHANG, "郑州大学", "软件工程", "本科", 2024]], headers=HEADERS))
    post_import(client, xlsx_bytes([["张三", ZHANG, "郑州大学", "软件工程", "本科", 2024]], headers=HEADERS))
    second = BatchJob.objects.order_by("-pk").first()
    assert (second.created_rows, second.updated_rows, second.unchanged_rows) == (0, 0, 1)

    client.force_login(city_reviewer)
    post_import(client, xlsx_bytes([["张三", ZHANG, "郑州大学", "计算机科学与技术", "硕士研究生", 2025]],
                                   headers=HEADERS))
    third = BatchJob.objects.order_by("-pk").first()
    assert (third.created_rows, third.updated_rows, third.unchanged_rows) == (0, 1, 0)
    graduate = GraduateRecord.objects.get()
    assert (graduate.major, graduate.education, graduate.graduation_year, graduate.imported_by_org) == (
        "计算机科学与技术", "master", 2025, city_hr)


def test_education_department_may_import(client, post_import, education_city):
    client.force_login(education_city)
    post_import(client, xlsx_bytes([["张三", ZHANG, "郑州大学", "软件工程", "本科", 2024]], headers=HEADERS))
    assert GraduateRecord.objects.get().imported_by_org == education_city.organisation


def test_list_is_scoped_to_the_jurisdiction_and_masks_id_numbers(client, county_hr_a, county_hr_b, city_hr,
                                                                 county_reviewer_a, county_reviewer_b, city_reviewer):
    GraduateRecord.objects.create(name="张三", id_number=ZHANG, school="郑州大学", major="软件工程",
                                  education="bachelor", graduation_year=2024, imported_by_org=county_hr_a)
    GraduateRecord.objects.create(name="李四", id_number=LI, school="河南大学", major="会计",
                                  education="bachelor", graduation_year=2023, imported_by_org=county_hr_b)

    client.force_login(member_with(county_hr_a, "register_clerk", "traineeships.import_graduates"))
    response = client.get(reverse("traineeships:graduates"))
    assert response.status_code == 200
    assert [graduate.name for graduate in response.context["object_list"]] == ["张三"]
    content = response.content.decode()
    assert ZHANG not in content
    assert f"{ZHANG[:4]}**********{ZHANG[-4:]}" in content
    # The department's administrator holds view_personal_data and sees the whole number.
    client.force_login(county_reviewer_a)
    assert ZHANG in client.get(reverse("traineeships:graduates")).content.decode()
    # The other county's record cannot be opened either.
    other = GraduateRecord.objects.get(id_number=LI)
    assert client.get(reverse("traineeships:graduate_edit", args=[other.pk])).status_code == 404

    client.force_login(city_reviewer)
    response = client.get(reverse("traineeships:graduates"))
    assert sorted(graduate.name for graduate in response.context["object_list"]) == ["张三", "李四"]
    response = client.get(reverse("traineeships:graduates"), {"q": "李", "education": "bachelor",
                                                              "graduation_year": "2023"})
    assert [graduate.name for graduate in response.context["object_list"]] == ["李四"]
    response = client.get(reverse("traineeships:graduates"), {"school": "郑州"})
    assert [graduate.name for graduate in response.context["object_list"]] == ["张三"]


def test_edit_screen_corrects_a_record(client, county_reviewer_a, county_hr_a):
    graduate = GraduateRecord.objects.create(name="张三", id_number=ZHANG, school="郑州大学", major="软件工程",
                                             education="bachelor", graduation_year=2024, imported_by_org=county_hr_a)
    client.force_login(county_reviewer_a)
    response = client.post(reverse("traineeships:graduate_edit", args=[graduate.pk]), form_data(major="网络工程"))
    assert response.status_code == 302
    graduate.refresh_from_db()
    assert graduate.major == "网络工程"
    entry = AuditEntry.objects.get(action="traineeships.graduate_updated")
    assert (entry.before["major"], entry.after["major"]) == ("软件工程", "网络工程")


def test_units_individuals_and_anonymous_may_not_use_the_register(client, admin_a, student, county_hr_a,
                                                                  post_import):
    without_role = member_with(county_hr_a, "no_register", "traineeships.review")
    for user in (admin_a, student, without_role):
        client.force_login(user)
        assert client.get(reverse("traineeships:graduates")).status_code == 403
        assert client.post(reverse("traineeships:graduate_create"), form_data()).status_code == 403
        assert client.get(reverse("batch:import", args=["graduate_register"])).status_code == 403
    assert GraduateRecord.objects.count() == 0
    client.logout()
    response = client.get(reverse("traineeships:graduates"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def _traineeship_menu(user) -> list[str]:
    from core.navigation import navigation_for

    return next((section["items"] for section in navigation_for(user, "/") if section["label"] == "就业见习"), [])


def test_navigation_entry_for_departments_only(client, county_reviewer_a, admin_a):
    assert "毕业生信息库" in [item["label"] for item in _traineeship_menu(county_reviewer_a)]
    client.force_login(county_reviewer_a)
    assert client.get(reverse("traineeships:graduates")).status_code == 200
    assert "毕业生信息库" not in [item["label"] for item in _traineeship_menu(admin_a)]
