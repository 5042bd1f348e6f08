"""The school's overview of every student's stage, its statistics, and the education department's view of
its region (scoped: another city sees nothing, HR sees nothing)."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from python_calamine import CalamineWorkbook

from batch.models import BatchJob
from internships.models import (
    ApplicationStatus,
    ComplaintStatus,
    Evaluation,
    EvaluationSide,
    EvaluationStage,
    Internship,
    InternshipStatus,
)
from internships.rules import SCHOOL
from organisations.models import OrganisationKind, Role
from tests import factories
from tests.internships import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def roll(school, school_admin, host_a, admin_a, host_b, admin_b):
    """One student per stage (class 机电2401班 unless told), at enterprises A and B."""
    a = f.position(host_a, admin_a)
    b = f.position(host_b, admin_b, title="电工实习生")
    other_class = "数控2402班"
    students = {name: f.student(school, name=name, class_name=other_class if name == "已到岗" else "机电2401班",
                                major="数控技术" if name in ("已到岗", "提前终止") else "机电一体化技术")
                for name in ("未申请", "已申请", "已签约", "协议已签", "已到岗", "提前终止", "保险不全")}
    f.application(students["已申请"], a)
    f.application(students["已申请"], b)
    f.application(students["未申请"], b, status=ApplicationStatus.REFUSED)
    signed = f.internship(f.application(students["已签约"], a))
    agreement = f.internship(f.application(students["协议已签"], a), status=InternshipStatus.AGREEMENT_SIGNED)
    arrived = f.internship(f.application(students["已到岗"], b), status=InternshipStatus.ARRIVED)
    ended = f.internship(f.application(students["提前终止"], a))
    Internship.objects.filter(pk=ended.pk).update(status=InternshipStatus.ENDED_EARLY, ended_on=timezone.localdate(),
                                                 end_reason="企业违规")
    partly = f.internship(f.application(students["保险不全"], a), status=InternshipStatus.AGREEMENT_SIGNED)
    f.policy(school, host_a, school_admin, [agreement])
    f.policy(school, host_b, school_admin, [arrived], number="PICC2026002")
    f.policy(school, host_a, school_admin, [partly], number="PICC2026003",
             ends_on=partly.ends_on - datetime.timedelta(days=1))
    Evaluation.objects.create(internship=arrived, side=EvaluationSide.ENTERPRISE, stage=EvaluationStage.FINAL,
                              grade="good", comment="表现良好", created_by=admin_b)
    f.complaint(arrived)
    f.complaint(agreement, status=ComplaintStatus.SUBSTANTIATED, by=school_admin)
    f.complaint(signed, status=ComplaintStatus.UNSUBSTANTIATED, by=school_admin)
    return students


def member_with(organisation, username, *codes):
    """A sub-administrator whose one role holds `codes` (no view_personal_data unless named)."""
    role = Role.objects.create(organisation=organisation, name=f"角色{username}", permissions=list(codes))
    user = factories.UserFactory(organisation=organisation, username=username, real_name=username)
    user.roles.add(role)
    return user


def _rows(client, user, **params):
    client.force_login(user)
    response = client.get(reverse("internships:school_overview"), params)
    assert response.status_code == 200
    return response, {row.student.name: row for row in response.context["rows"]}


def test_overview_shows_every_students_stage_exactly(client, school_admin, roll, host_a, host_b):
    _, rows = _rows(client, school_admin)
    summary = {name: (row.stage, row.open_choices, row.internship.enterprise.name if row.internship else None,
                      row.agreement, row.insured, row.arrived, row.evaluated) for name, row in rows.items()}
    assert summary == {
        "未申请": ("none", 0, None, False, False, False, False),
        "已申请": ("applied", 2, None, False, False, False, False),
        "已签约": ("signed", 0, host_a.name, False, False, False, False),
        "协议已签": ("agreement_signed", 0, host_a.name, True, True, False, False),
        "已到岗": ("arrived", 0, host_b.name, True, True, True, True),
        "提前终止": ("ended_early", 0, host_a.name, False, False, False, False),
        "保险不全": ("agreement_signed", 0, host_a.name, True, False, False, False),
    }


@pytest.mark.parametrize("params, names", [
    ({"stage": "none"}, ["未申请"]),
    ({"stage": "applied"}, ["已申请"]),
    ({"stage": "agreement_signed"}, ["保险不全", "协议已签"]),
    ({"stage": "ended_early"}, ["提前终止"]),
    ({"class_name": "数控2402班"}, ["已到岗"]),
    ({"q": "已"}, ["协议已签", "已到岗", "已申请", "已签约"]),
])
def test_overview_filters(client, school_admin, roll, params, names):
    _, rows = _rows(client, school_admin, **params)
    assert sorted(rows) == sorted(names)


def test_a_malformed_filter_is_a_message_and_nothing_listed_or_exported(client, school_admin, roll,
                                                                        django_capture_on_commit_callbacks):
    response, rows = _rows(client, school_admin, stage="nonsense", class_name="不存在")
    assert response.context["form"].errors == {"stage": ["请从列表中选择状态"],
                                               "class_name": ["请从列表中选择班级"]}
    # Not the whole roll less filtered than asked: nothing, on screen and in the export.
    assert rows == {}
    assert _export(client, school_admin, "internships_school_overview", "?stage=nonsense",
                   django_capture_on_commit_callbacks)[1:] == []


def test_overview_shows_only_the_schools_roll(client, school_b_admin, roll, student_b_record):
    _, rows = _rows(client, school_b_admin)
    assert list(rows) == [student_b_record.name]


@pytest.mark.parametrize("persona", ["admin_a", "education_reviewer", "student", "school_member", "outsider"])
def test_overview_and_statistics_are_the_schools_screens(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("internships:school_overview")).status_code == 403
    assert client.get(reverse("internships:school_statistics")).status_code == 403


def _sheet(job) -> list:
    with job.result_file.open("rb") as handle:
        return CalamineWorkbook.from_filelike(io.BytesIO(handle.read())).get_sheet_by_index(0).to_python()


def _export(client, user, spec, query, capture) -> list:
    client.force_login(user)
    with capture(execute=True):
        response = client.post(reverse("batch:export", args=[spec]) + query)
    assert response.status_code == 302
    job = BatchJob.objects.filter(owner=user).latest("pk")
    assert job.status == "succeeded", job.error
    return _sheet(job)


def test_overview_export_holds_the_filtered_rows(client, school_admin, roll, django_capture_on_commit_callbacks):
    rows = _export(client, school_admin, "internships_school_overview", "?stage=arrived",
                   django_capture_on_commit_callbacks)
    assert rows[0][:6] == ["班级", "姓名", "身份证号", "专业", "手机号", "状态"]
    assert len(rows) == 2
    assert rows[1][1] == "已到岗" and rows[1][5] == "已到岗"
    assert rows[1][9:] == ["是", "是", "是", "是"]
    assert rows[1][2] == roll["已到岗"].id_number  # the school's administrator holds view_personal_data


def test_overview_export_masks_the_id_number_without_the_permission(client, school, roll,
                                                                     django_capture_on_commit_callbacks):
    clerk = member_with(school, "school_clerk", SCHOOL)
    rows = _export(client, clerk, "internships_school_overview", "?stage=arrived", django_capture_on_commit_callbacks)
    number = roll["已到岗"].id_number
    assert rows[1][2] == number[:4] + "*" * 10 + number[-4:]


def test_export_is_the_schools(client, admin_a, education_reviewer):
    for user in (admin_a, education_reviewer):
        client.force_login(user)
        assert client.post(reverse("batch:export", args=["internships_school_overview"])).status_code == 403
    assert not BatchJob.objects.exists()


def test_statistics_are_exact(client, school_admin, roll, host_a, host_b):
    client.force_login(school_admin)
    figures = client.get(reverse("internships:school_statistics")).context["figures"]
    assert {value: count for value, _, count in figures["by_status"]} == {
        "signed": 1, "agreement_signed": 2, "arrived": 1, "completed": 0, "ended_early": 1, "cancelled": 0}
    assert figures["total"] == 5
    assert figures["by_enterprise"] == [
        {"enterprise__name": host_a.name, "total": 4, "active": 3, "completed": 0, "ended_early": 1},
        {"enterprise__name": host_b.name, "total": 1, "active": 1, "completed": 0, "ended_early": 0},
    ]
    assert figures["by_major"] == [
        {"major": "数控技术", "roll": 2, "placed": 2, "arrived": 1},
        {"major": "机电一体化技术", "roll": 5, "placed": 3, "arrived": 0},
    ]
    assert {value: count for value, _, count in figures["complaints"]} == {
        "submitted": 1, "investigating": 0, "substantiated": 1, "unsubstantiated": 1, "withdrawn": 0}


# --- the education department --------------------------------------------------------------------------------------

@pytest.fixture
def luoyang(db):
    """A school and an enterprise in 洛阳 with one internship: no business of 郑州市教育局."""
    school = factories.OrganisationFactory(name="洛阳职业学校", kind=OrganisationKind.SCHOOL,
                                           region=factories.region("410302"))
    enterprise = factories.OrganisationFactory(name="洛阳企业", region=factories.region("410302"))
    admin = factories.org_admin(enterprise, username="ly_admin", real_name="洛阳企业管理员")
    f.host_profile(enterprise)
    position = f.position(enterprise, admin, work_region=factories.region("410302"))
    return f.internship(f.application(f.student(school, name="洛阳学生"), position))


def _supervision(client, user, **params):
    client.force_login(user)
    return client.get(reverse("internships:supervision"), params)


def test_education_sees_the_internships_of_its_region(client, education_reviewer, roll, luoyang):
    response = _supervision(client, education_reviewer)
    names = sorted(item.student.name for item in response.context["object_list"])
    assert names == sorted(["协议已签", "保险不全", "提前终止", "已到岗", "已签约"])


def test_other_city_sees_only_its_own(client, education_other_reviewer, roll, luoyang):
    response = _supervision(client, education_other_reviewer)
    assert [item.pk for item in response.context["object_list"]] == [luoyang.pk]


def test_province_sees_everything(client, province_education_reviewer, roll, luoyang):
    assert _supervision(client, province_education_reviewer).context["page_obj"].paginator.count == 6


@pytest.mark.parametrize("persona", ["county_reviewer_a", "school_admin", "admin_a", "outsider", "student"])
def test_supervision_is_the_education_departments_screen(client, request, persona):
    assert _supervision(client, request.getfixturevalue(persona)).status_code == 403
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("internships:supervision_statistics")).status_code == 403


@pytest.mark.parametrize("params, count", [
    ({"status": "agreement_signed"}, 2),
    ({"enterprise": "乙企业"}, 1),
    ({"school": "郑州测试"}, 5),
    ({"school": "洛阳"}, 0),
    ({"active_until": (f.STARTS_ON - datetime.timedelta(days=1)).isoformat()}, 0),
    ({"active_from": f.STARTS_ON.isoformat(), "active_until": f.STARTS_ON.isoformat()}, 5),
])
def test_supervision_filters(client, education_reviewer, roll, params, count):
    assert _supervision(client, education_reviewer, **params).context["page_obj"].paginator.count == count


def test_supervision_bad_filter_is_a_message_and_nothing_listed_or_exported(client, education_reviewer, roll,
                                                                             django_capture_on_commit_callbacks):
    response = _supervision(client, education_reviewer, status="x", active_from="2026-02-30")
    assert response.status_code == 200
    assert response.context["form"].errors == {"status": ["请从列表中选择状态"],
                                               "active_from": ["日期格式应为 2026-03-01"]}
    assert list(response.context["object_list"]) == []
    assert _export(client, education_reviewer, "internships_supervision", "?status=x",
                   django_capture_on_commit_callbacks)[1:] == []


def test_supervision_export(client, education_reviewer, county_reviewer_a, roll,
                            django_capture_on_commit_callbacks):
    rows = _export(client, education_reviewer, "internships_supervision", "?status=arrived",
                   django_capture_on_commit_callbacks)
    assert len(rows) == 2
    assert rows[1][0] == "郑州测试职业技术学院" and rows[1][1] == "已到岗" and rows[1][8] == "已到岗"
    client.force_login(county_reviewer_a)
    assert client.post(reverse("batch:export", args=["internships_supervision"])).status_code == 403


def test_region_statistics_per_school(client, education_reviewer, education_other_reviewer, roll, luoyang):
    client.force_login(education_reviewer)
    figures = client.get(reverse("internships:supervision_statistics")).context["figures"]
    assert figures["total"] == 5
    assert figures["per_school"] == [{"name": "郑州测试职业技术学院", "statuses": [1, 2, 1, 0, 1, 0], "total": 5,
                                      "complaints": 3}]
    client.force_login(education_other_reviewer)
    figures = client.get(reverse("internships:supervision_statistics")).context["figures"]
    assert figures["per_school"] == [{"name": "洛阳职业学校", "statuses": [1, 0, 0, 0, 0, 0], "total": 1,
                                      "complaints": 0}]
    assert figures["by_major"] == [{"major": "机电一体化技术", "roll": 1, "placed": 1, "arrived": 0}]
