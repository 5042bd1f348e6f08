"""学生实习总览 and the statistics through the API: every student's stage exactly as on screen, the screen's
filters (a malformed one is a 400), masking without personal data, the school's and the region's figures as
the screens count them; the lists run a constant number of queries; everyone else refused."""

import pytest

from internships.models import Insurer
from internships.rules import SCHOOL
from tests import factories
from tests.api.keys import auth, token_for
from tests.api.queries import queries
from tests.internships import factories as f
from tests.internships.test_school_overview import luoyang, member_with, roll  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db
API = "/api/v1/internships"


def _rows(client, user, query=""):
    response = client.get(f"{API}/school/overview/{query}", **auth(token_for(user)))
    assert response.status_code == 200, response.json()
    return {row["name"]: row for row in response.json()["results"]}


def test_the_overview_shows_every_students_stage(client, school_admin, roll, host_a, host_b):  # noqa: F811
    rows = _rows(client, school_admin)
    summary = {name: (row["stage"], row["open_choices"], row["enterprise_name"], row["agreement"], row["insured"],
                      row["arrived_on"] is not None, row["evaluated"]) for name, row in rows.items()}
    assert summary == {
        "未申请": ("none", 0, None, False, False, False, False),
        "已申请": ("applied", 2, None, False, False, False, False),
        "已签约": ("signed", 0, host_a.name, False, False, False, False),
        "协议已签": ("agreement_signed", 0, host_a.name, True, True, False, False),
        "已到岗": ("arrived", 0, host_b.name, True, True, True, True),
        "提前终止": ("ended_early", 0, host_a.name, False, False, False, False),
        "保险不全": ("agreement_signed", 0, host_a.name, True, False, False, False),
    }
    arrived = rows["已到岗"]
    student = roll["已到岗"]
    assert (arrived["student_id"], arrived["class_name"], arrived["id_number"], arrived["stage_label"]) == (
        student.pk, "数控2402班", student.id_number, "已到岗")
    assert arrived["internship_id"] == student.internships.get().pk and rows["未申请"]["internship_id"] is None


@pytest.mark.parametrize("query, names", [
    ("?stage=none", ["未申请"]),
    ("?stage=applied", ["已申请"]),
    ("?stage=agreement_signed", ["保险不全", "协议已签"]),
    ("?class_name=数控2402班", ["已到岗"]),
    ("?q=已", ["协议已签", "已到岗", "已申请", "已签约"]),
])
def test_the_overview_filters(client, school_admin, roll, query, names):  # noqa: F811
    assert sorted(_rows(client, school_admin, query)) == sorted(names)


def test_a_malformed_filter_is_a_400(client, school_admin, roll):  # noqa: F811
    response = client.get(f"{API}/school/overview/?stage=nonsense&class_name=不存在", **auth(token_for(school_admin)))
    assert response.status_code == 400
    assert {(problem["field"], problem["message"]) for problem in response.json()["errors"]} == {
        ("stage", "请从列表中选择状态"), ("class_name", "请从列表中选择班级")}


def test_the_overview_masks_without_personal_data(client, school, school_admin, roll):  # noqa: F811
    clerk = member_with(school, "overview_clerk", SCHOOL)
    number = roll["已到岗"].id_number
    assert _rows(client, clerk)["已到岗"]["id_number"] == number[:4] + "*" * 10 + number[-4:]


def test_the_overview_is_the_schools_own(client, school_b_admin, roll, student_b_record):  # noqa: F811
    assert list(_rows(client, school_b_admin)) == [student_b_record.name]


def test_the_school_statistics_are_the_screens(client, school_admin, roll, host_a, host_b):  # noqa: F811
    response = client.get(f"{API}/school/statistics/", **auth(token_for(school_admin)))
    assert response.status_code == 200
    figures = response.json()
    assert {row["status"]: row["count"] for row in figures["by_status"]} == {
        "signed": 1, "agreement_signed": 2, "arrived": 1, "completed": 0, "ended_early": 1, "cancelled": 0}
    assert figures["by_status"][0]["label"] == "企业已同意，待签实习协议"
    assert figures["total"] == 5
    assert figures["by_enterprise"] == [
        {"enterprise_name": host_a.name, "total": 4, "active": 3, "completed": 0, "ended_early": 1},
        {"enterprise_name": host_b.name, "total": 1, "active": 1, "completed": 0, "ended_early": 0},
    ]
    assert figures["by_major"] == [
        {"major": "数控技术", "roll": 2, "placed": 2, "arrived": 1},
        {"major": "机电一体化技术", "roll": 5, "placed": 3, "arrived": 0},
    ]
    assert {row["status"]: row["count"] for row in figures["complaints"]} == {
        "submitted": 1, "investigating": 0, "substantiated": 1, "unsubstantiated": 1, "withdrawn": 0}
    assert figures["complaints_total"] == 3 and "per_school" not in figures


def test_the_region_statistics_per_school(client, education_reviewer, education_other_reviewer, roll,  # noqa: F811
                                          luoyang):  # noqa: F811
    figures = client.get(f"{API}/supervision/statistics/", **auth(token_for(education_reviewer))).json()
    assert figures["total"] == 5
    [school] = figures["per_school"]
    assert (school["name"], [row["count"] for row in school["by_status"]], school["total"],
            school["complaints"]) == ("郑州测试职业技术学院", [1, 2, 1, 0, 1, 0], 5, 3)
    assert [row["status"] for row in school["by_status"]] == [
        "signed", "agreement_signed", "arrived", "completed", "ended_early", "cancelled"]
    other = client.get(f"{API}/supervision/statistics/", **auth(token_for(education_other_reviewer))).json()
    assert [(row["name"], row["total"], row["complaints"]) for row in other["per_school"]] == [
        ("洛阳职业学校", 1, 0)]
    assert other["by_major"] == [{"major": "机电一体化技术", "roll": 1, "placed": 1, "arrived": 0}]


@pytest.mark.parametrize("persona", ["admin_a", "education_reviewer", "school_member"])
def test_the_overview_and_statistics_are_the_schools(client, request, persona, school_admin):
    key = auth(token_for(request.getfixturevalue(persona)))
    assert client.get(f"{API}/school/overview/", **key).status_code == 403
    assert client.get(f"{API}/school/statistics/", **key).status_code == 403


@pytest.mark.parametrize("persona", ["county_reviewer_a", "school_admin", "admin_a"])
def test_the_region_statistics_are_the_education_departments(client, request, persona):
    key = auth(token_for(request.getfixturevalue(persona)))
    assert client.get(f"{API}/supervision/statistics/", **key).status_code == 403


def test_the_student_and_the_scope(client, student, school_admin):
    client.force_login(student)
    assert client.get(f"{API}/school/statistics/").status_code == 403
    client.logout()
    wrong = auth(token_for(school_admin, scopes=["traineeships:read"]))
    response = client.get(f"{API}/school/statistics/", **wrong)
    assert (response.status_code, response.json()["code"]) == (403, "scope_missing")


# --- query counts ------------------------------------------------------------------------------------------------


def _enterprise(number):
    """An admitted enterprise the school recommends (a pool row, a recommendation row)."""
    unit = factories.OrganisationFactory(name=f"推荐企业{number}")
    f.host_profile(unit)
    return unit


def test_the_new_lists_do_not_grow_with_the_page(client, school, school_admin, host_a, admin_a,
                                                 province_education_reviewer):
    school_key = auth(token_for(school_admin))
    province_key = auth(token_for(province_education_reviewer))
    position = f.position(host_a, admin_a)

    def more(number):
        student = f.student(school, name=f"学生{number}")
        f.internship(f.application(student, position))
        f.student(school, name=f"未申请{number}")
        f.recommend(school, _enterprise(number), school_admin)
        Insurer.objects.create(name=f"保险公司{number}", product="实习责任险", contact_phone="95500")

    more(1)
    urls = {"students": school_key, "school/overview": school_key, "recommendations": school_key,
            "pool": school_key, "insurers": province_key}
    counts = {path: queries(client, f"{API}/{path}/", key) for path, key in urls.items()}
    for number in range(2, 6):
        more(number)
    assert len(client.get(f"{API}/school/overview/", **school_key).json()["results"]) == 10
    for path, key in urls.items():
        assert queries(client, f"{API}/{path}/", key) == counts[path], path
