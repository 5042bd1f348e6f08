"""The filing's 培训师资, 培训人员 and 培训课程 tabs (manual 003 §3.2.1.1): typed and imported, editable only while the
filing is 未提交 or 退回, only by the enterprise's filers."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from accounts.identifiers import find_user_by_id_number
from apprenticeships.forms.people import COURSES_IMPORT, TEACHERS_IMPORT, TRAINEES_IMPORT
from apprenticeships.models import ApprenticeshipType, Course, Delivery, FilingStatus, Teacher, Trainee
from audit.models import AuditEntry
from batch.models import BatchJob, JobStatus
from batch.registry import get_import
from organisations.models import OrganisationKind
from tests import factories
from tests.apprenticeships import factories as ap
from tests.batch.helpers import upload, xlsx_bytes

pytestmark = pytest.mark.django_db


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _url(name, pk):
    return reverse(f"apprenticeships:{name}", args=[pk])


def _id(seq, birth="19990307"):
    return factories.make_id_number(birth, seq=seq)


TEACHER = {"name": "李导师", "kind": "mentor", "qualification": "高级技师", "certificate_number": "Z12345",
           "mobile": ""}


def _trainee(**changes):
    values = {"name": "钱学徒", "id_number": _id(501), "mobile": "13912345678", "education": "senior",
              "hired_on": "2026-09-01", "contract_starts_on": "2026-09-01", "contract_ends_on": "2029-08-31",
              "monthly_wage": "4200", "school": "", "school_name": ""}
    values.update(changes)
    return values


# --- 培训师资 ------------------------------------------------------------------------------------------------------


def test_teacher_added_edited_and_deleted_by_a_filer(client, filer_a, draft_a):
    client.force_login(filer_a)
    page = client.get(_url("filing_teachers", draft_a.pk))
    assert page.status_code == 200 and 'data-testid="add-teacher"' in page.content.decode()
    response = client.post(_url("filing_teacher_create", draft_a.pk), {**TEACHER, "id_number": _id(11).lower()})
    assert response.status_code == 302 and response.url == _url("filing_teachers", draft_a.pk)
    teacher = draft_a.teachers.get(name="李导师")
    assert (teacher.id_number, teacher.kind, teacher.certificate_number) == (_id(11), "mentor", "Z12345")
    assert AuditEntry.objects.filter(action="apprenticeships.teacher_added", target_id=str(teacher.pk)).exists()

    response = client.post(_url("filing_teacher_edit", teacher.pk),
                           {**TEACHER, "id_number": _id(11), "kind": "school_teacher", "mobile": "13900001111"})
    assert response.status_code == 302
    teacher.refresh_from_db()
    assert (teacher.kind, teacher.mobile) == ("school_teacher", "13900001111")

    response = client.post(_url("filing_teacher_delete", teacher.pk))
    assert response.status_code == 302 and not Teacher.objects.filter(pk=teacher.pk).exists()
    assert "已删除培训师资“李导师”" in _messages(response)


def test_teacher_form_checks_the_id_number_and_a_repeat(client, admin_a, draft_a):
    client.force_login(admin_a)
    bad = _id(12)[:-1] + ("0" if _id(12)[-1] != "0" else "1")
    response = client.post(_url("filing_teacher_create", draft_a.pk), {**TEACHER, "id_number": bad})
    assert response.status_code == 200
    assert "身份证号校验位错误" in str(response.context["form"].errors["id_number"])
    existing = draft_a.teachers.first()
    response = client.post(_url("filing_teacher_create", draft_a.pk), {**TEACHER, "id_number": existing.id_number})
    assert response.status_code == 200
    assert response.context["form"].errors["id_number"] == ["该身份证号的教师已在本备案的师资中"]
    assert draft_a.teachers.count() == 1


def test_a_teacher_of_a_course_cannot_be_deleted(client, admin_a, draft_a):
    client.force_login(admin_a)
    teacher = draft_a.teachers.get()
    response = client.post(_url("filing_teacher_delete", teacher.pk))
    assert response.status_code == 302
    assert Teacher.objects.filter(pk=teacher.pk).exists()
    assert any("是课程“电工基础”的授课教师，不能删除" in message for message in _messages(response))


# --- 培训人员 ------------------------------------------------------------------------------------------------------


def test_trainee_added_with_the_account_of_the_id_number(client, admin_a, draft_a):
    client.force_login(admin_a)
    response = client.post(_url("filing_trainee_create", draft_a.pk), _trainee())
    assert response.status_code == 302, response.context["form"].errors
    trainee = draft_a.trainees.get(name="钱学徒")
    person = find_user_by_id_number(_id(501))
    assert trainee.person == person and person.real_name == "钱学徒"
    assert (trainee.monthly_wage, trainee.holds_place) == (Decimal("4200.00"), False)
    # The same person again: the database's rule, with its message on the ID number.
    response = client.post(_url("filing_trainee_create", draft_a.pk), _trainee())
    assert response.status_code == 200
    assert response.context["form"].errors["id_number"] == ["该身份证号的人员已在本备案的培训人员中"]
    assert draft_a.trainees.filter(name="钱学徒").count() == 1


def test_a_name_that_is_not_the_id_numbers_is_refused_on_the_name(client, admin_a, draft_a):
    factories.individual(real_name="孙真名", id_number=_id(502))
    client.force_login(admin_a)
    response = client.post(_url("filing_trainee_create", draft_a.pk), _trainee(name="孙假名", id_number=_id(502)))
    assert response.status_code == 200
    assert response.context["form"].errors["name"] == ["姓名与身份证号不一致"]
    response = client.post(_url("filing_trainee_create", draft_a.pk), _trainee(name="孙真名", id_number=_id(502)))
    assert response.status_code == 302
    assert draft_a.trainees.get(name="孙真名").person.real_name == "孙真名"


def test_enterprise_type_needs_a_contract_of_a_year(client, admin_a, draft_a):
    client.force_login(admin_a)
    short = _trainee(contract_starts_on="2026-09-01", contract_ends_on="2027-08-30")
    response = client.post(_url("filing_trainee_create", draft_a.pk), short)
    assert response.status_code == 200
    assert response.context["form"].errors["contract_ends_on"] == ["企业新型学徒制培训人员应签订12个月以上劳动合同"]
    assert not draft_a.trainees.filter(name="钱学徒").exists()
    # Exactly a year is enough.
    response = client.post(_url("filing_trainee_create", draft_a.pk), {**short, "contract_ends_on": "2027-08-31"})
    assert response.status_code == 302


def test_student_type_takes_a_short_contract_but_needs_the_school(client, enterprise_a, admin_a, institution):
    filing = ap.filing(enterprise_a, by=admin_a, kind=ApprenticeshipType.STUDENT, institution=institution)
    school = factories.OrganisationFactory(name="郑州测试技师学院", kind=OrganisationKind.SCHOOL,
                                           region=factories.region("410105"))
    client.force_login(admin_a)
    short = _trainee(contract_starts_on="2026-09-01", contract_ends_on="2027-02-28")
    response = client.post(_url("filing_trainee_create", filing.pk), short)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["school_name"]
    assert "学生学徒制培训人员须填写就读院校" in response.context["form"].errors["school_name"][0]
    # A typed name that is a school on Praxis becomes that school.
    response = client.post(_url("filing_trainee_create", filing.pk), {**short, "school_name": "郑州测试技师学院"})
    assert response.status_code == 302
    trainee = filing.trainees.get()
    assert (trainee.school, trainee.school_name) == (school, "")
    other = _trainee(name="周学生", id_number=_id(503), school_name="某外省职业学院")
    assert client.post(_url("filing_trainee_create", filing.pk), other).status_code == 302
    assert filing.trainees.get(name="周学生").school_name == "某外省职业学院"
    chosen = _trainee(name="吴学生", id_number=_id(504), school=str(school.pk))
    assert client.post(_url("filing_trainee_create", filing.pk), chosen).status_code == 302
    assert filing.trainees.get(name="吴学生").school == school


def test_a_wage_below_the_minimum_is_saved_with_a_warning(client, admin_a, draft_a):
    client.force_login(admin_a)
    response = client.post(_url("filing_trainee_create", draft_a.pk), _trainee(monthly_wage="1800"))
    assert response.status_code == 302
    assert "已保存，但请注意：月工资 1800 元低于当地最低工资标准 2100.00 元" in _messages(response)
    page = client.get(_url("filing_trainees", draft_a.pk)).content.decode()
    assert page.count('data-testid="wage-warning"') == 1


def test_trainee_edited_and_deleted(client, admin_a, draft_a):
    client.force_login(admin_a)
    trainee = draft_a.trainees.first()
    form = client.get(_url("filing_trainee_edit", trainee.pk))
    assert form.status_code == 200 and form.context["form"].initial["id_number"] == trainee.id_number
    values = {**_trainee(name=trainee.name, id_number=trainee.id_number), "mobile": "13700001234"}
    assert client.post(_url("filing_trainee_edit", trainee.pk), values).status_code == 302
    trainee.refresh_from_db()
    assert trainee.mobile == "13700001234"
    entry = AuditEntry.objects.get(action="apprenticeships.trainee_updated", target_id=str(trainee.pk))
    assert entry.after["mobile"] == "13700001234"
    assert client.post(_url("filing_trainee_delete", trainee.pk)).status_code == 302
    assert not Trainee.objects.filter(pk=trainee.pk).exists()


def test_the_list_shows_a_person_holding_a_place_elsewhere(client, admin_a, draft_a, filing_b):
    other = filing_b.trainees.first()
    ap.trainee(draft_a, name=other.name, id_number=other.id_number)
    client.force_login(admin_a)
    page = client.get(_url("filing_trainees", draft_a.pk)).content.decode()
    assert page.count('data-testid="elsewhere"') == 1 and "已在“乙企业有限公司”的学徒制培训中" in page


# --- 培训课程 ------------------------------------------------------------------------------------------------------


def test_offline_course_needs_a_teacher_online_does_not(client, admin_a, draft_a):
    client.force_login(admin_a)
    response = client.post(_url("filing_course_create", draft_a.pk),
                           {"name": "钳工实训", "hours": "60", "delivery": "offline", "teacher": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["teacher"] == ["授课方式为线下培训的，授课教师必录"]
    teacher = draft_a.teachers.get()
    response = client.post(_url("filing_course_create", draft_a.pk),
                           {"name": "钳工实训", "hours": "60", "delivery": "offline", "teacher": str(teacher.pk)})
    assert response.status_code == 302
    assert draft_a.courses.get(name="钳工实训").teacher == teacher
    response = client.post(_url("filing_course_create", draft_a.pk),
                           {"name": "职业素养", "hours": "8", "delivery": "online", "teacher": ""})
    assert response.status_code == 302
    course = draft_a.courses.get(name="职业素养")
    assert (course.delivery, course.teacher, course.starts_on) == (Delivery.ONLINE, None, None)


def test_a_course_cannot_name_another_filings_teacher(client, admin_a, draft_a, filing_a):
    client.force_login(admin_a)
    foreign = filing_a.teachers.get()
    response = client.post(_url("filing_course_create", draft_a.pk),
                           {"name": "钳工实训", "hours": "60", "delivery": "offline", "teacher": str(foreign.pk)})
    assert response.status_code == 200 and "teacher" in response.context["form"].errors
    assert not draft_a.courses.filter(name="钳工实训").exists()


def test_course_edited_and_deleted(client, admin_a, draft_a):
    client.force_login(admin_a)
    course = draft_a.courses.get(name="电工基础")
    response = client.post(_url("filing_course_edit", course.pk),
                           {"name": "电工基础", "hours": "48", "delivery": "online", "teacher": ""})
    assert response.status_code == 302
    course.refresh_from_db()
    assert (course.hours, course.delivery, course.teacher) == (48, "online", None)
    # Now no course names the teacher: it can go.
    teacher = draft_a.teachers.get()
    assert client.post(_url("filing_teacher_delete", teacher.pk)).status_code == 302
    assert not Teacher.objects.filter(pk=teacher.pk).exists()
    assert client.post(_url("filing_course_delete", course.pk)).status_code == 302
    assert not Course.objects.filter(pk=course.pk).exists()


# --- read-only after submission, deny --------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [FilingStatus.SUBMITTED, FilingStatus.APPROVED])
def test_tabs_are_read_only_once_submitted(client, admin_a, enterprise_a, institution, status):
    filing = ap.complete_filing(enterprise_a, by=admin_a, institution=institution, status=status)
    teacher, trainee, course = filing.teachers.get(), filing.trainees.first(), filing.courses.first()
    client.force_login(admin_a)
    for tab in ("filing_teachers", "filing_trainees", "filing_courses"):
        page = client.get(_url(tab, filing.pk)).content.decode()
        assert 'data-testid="read-only"' in page and 'data-testid="add-' not in page
    before = AuditEntry.objects.count()
    attempts = [
        (_url("filing_teacher_create", filing.pk), {**TEACHER, "id_number": _id(21)}),
        (_url("filing_teacher_edit", teacher.pk), {**TEACHER, "id_number": teacher.id_number}),
        (_url("filing_teacher_delete", teacher.pk), {}),
        (_url("filing_trainee_create", filing.pk), _trainee()),
        (_url("filing_trainee_edit", trainee.pk), _trainee(name=trainee.name, id_number=trainee.id_number)),
        (_url("filing_trainee_delete", trainee.pk), {}),
        (_url("filing_course_create", filing.pk), {"name": "新课", "hours": "8", "delivery": "online"}),
        (_url("filing_course_edit", course.pk), {"name": "改名", "hours": "8", "delivery": "online"}),
        (_url("filing_course_delete", course.pk), {}),
    ]
    for url, data in attempts:
        response = client.post(url, data)
        assert response.status_code == 302, url
        assert any(f"备案{filing.get_status_display()}" in message for message in _messages(response)), url
    assert AuditEntry.objects.count() == before
    assert (filing.teachers.count(), filing.trainees.count(), filing.courses.count()) == (1, 2, 2)
    course.refresh_from_db()
    assert course.name == "电工基础"


def test_readers_see_the_tabs_without_buttons_and_may_not_write(client, claimer_a, county_reviewer_a,
                                                                  institution_admin, draft_a):
    for reader in (claimer_a, county_reviewer_a, institution_admin):
        client.force_login(reader)
        page = client.get(_url("filing_trainees", draft_a.pk)).content.decode()
        assert 'data-testid="add-trainee"' not in page and "本页只读" in page
        assert client.post(_url("filing_trainee_create", draft_a.pk), _trainee()).status_code == 403
    assert not draft_a.trainees.filter(name="钱学徒").exists()


def test_other_enterprises_and_regions_see_nothing(client, admin_b, other_city_reviewer, county_reviewer_b,
                                                   institution_b_admin, draft_a):
    for stranger in (admin_b, other_city_reviewer, county_reviewer_b, institution_b_admin):
        client.force_login(stranger)
        assert client.get(_url("filing_trainees", draft_a.pk)).status_code == 404
        assert client.post(_url("filing_trainee_create", draft_a.pk), _trainee()).status_code == 404


# --- imports ----------------------------------------------------------------------------------------------------------


def _headers(key):
    return get_import(key).headers


def _import(client, key, filing, rows, capture):
    with capture(execute=True):
        response = client.post(f"{reverse('batch:import', args=[key])}?parent={filing.pk}",
                               {"file": upload(xlsx_bytes(rows, headers=_headers(key)), "导入.xlsx")})
    assert response.status_code == 302, response.content.decode()[:500]
    return BatchJob.objects.order_by("-pk").first()


def _errors(job):
    return {error.row_number: error.message for error in job.row_errors.all()}


def test_teachers_import_with_a_bad_row_fixed_and_imported_again(client, admin_a, draft_a,
                                                                 django_capture_on_commit_callbacks):
    client.force_login(admin_a)
    page = client.get(f"{reverse('batch:import', args=[TEACHERS_IMPORT])}?parent={draft_a.pk}")
    assert page.status_code == 200 and draft_a.number in page.content.decode()
    good = ["陈导师", _id(31, "19750101"), "企业导师", "技师", "C0001", "13800001111"]
    bad = ["郑老师", _id(32, "19750101")[:-1] + "Y", "院校教师", "讲师", "C0002", ""]
    job = _import(client, TEACHERS_IMPORT, draft_a, [good, bad], django_capture_on_commit_callbacks)
    assert (job.status, job.created_rows, job.failed_rows) == (JobStatus.PARTLY_FAILED, 1, 1)
    assert "身份证号" in _errors(job)[3]
    assert draft_a.teachers.get(name="陈导师").import_job == job
    fixed = ["郑老师", _id(32, "19750101"), "院校教师", "讲师", "C0002", ""]
    job = _import(client, TEACHERS_IMPORT, draft_a, [good, fixed], django_capture_on_commit_callbacks)
    assert (job.status, job.created_rows, job.unchanged_rows, job.failed_rows) == (JobStatus.SUCCEEDED, 1, 1, 0)
    assert draft_a.teachers.get(name="郑老师").kind == "school_teacher"


def test_trainees_import_refuses_rows_with_reasons_and_takes_warnings(client, admin_a, draft_a,
                                                                      django_capture_on_commit_callbacks):
    factories.individual(real_name="冯真名", id_number=_id(42))
    client.force_login(admin_a)
    base = ["", "", "13800002222", "高中", datetime.date(2026, 9, 1), datetime.date(2026, 9, 1),
            datetime.date(2029, 8, 31), 4000, ""]
    rows = [
        ["蒋学徒", _id(41), *base[2:]],
        ["冯假名", _id(42), *base[2:]],  # the account of the ID number is 冯真名
        ["韩学徒", _id(43), *base[2:6], datetime.date(2027, 3, 1), 4000, ""],  # contract < 1 year
        ["杨学徒", _id(44), *base[2:7], 1500, ""],  # below the minimum wage: a warning only
    ]
    job = _import(client, TRAINEES_IMPORT, draft_a, rows, django_capture_on_commit_callbacks)
    assert (job.status, job.created_rows, job.failed_rows) == (JobStatus.PARTLY_FAILED, 2, 2)
    errors = _errors(job)
    assert errors[3] == "姓名：姓名与身份证号不一致"
    assert errors[4] == "劳动合同终止日期：企业新型学徒制培训人员应签订12个月以上劳动合同"
    assert set(draft_a.trainees.values_list("name", flat=True)) >= {"蒋学徒", "杨学徒"}
    page = client.get(_url("filing_trainees", draft_a.pk)).content.decode()
    assert page.count('data-testid="wage-warning"') == 1
    # The bad rows fixed and the file imported again: the good rows are unchanged, the fixed ones added.
    rows[1][0] = "冯真名"
    rows[2][6] = datetime.date(2027, 8, 31)
    job = _import(client, TRAINEES_IMPORT, draft_a, rows, django_capture_on_commit_callbacks)
    assert (job.status, job.created_rows, job.unchanged_rows, job.failed_rows) == (JobStatus.SUCCEEDED, 2, 2, 0)
    assert draft_a.trainees.get(name="冯真名").person.id_number == _id(42)


def test_courses_import_names_teachers_by_name(client, admin_a, draft_a, django_capture_on_commit_callbacks):
    client.force_login(admin_a)
    rows = [
        ["钳工实训", 60, "线下培训", "王师傅"],
        ["焊接实训", 40, "线下培训", ""],
        ["识图", 20, "线下培训", "不存在的人"],
        ["职业素养", 8, "线上培训", ""],
    ]
    job = _import(client, COURSES_IMPORT, draft_a, rows, django_capture_on_commit_callbacks)
    assert (job.created_rows, job.failed_rows) == (2, 2)
    errors = _errors(job)
    assert errors[3] == "授课教师：授课方式为线下培训的，授课教师必录"
    assert "不在本备案的培训师资中" in errors[4]
    assert draft_a.courses.get(name="钳工实训").teacher == draft_a.teachers.get()


def test_no_import_into_a_submitted_filing_or_by_a_reader(client, admin_a, claimer_a, filing_a, draft_a):
    client.force_login(admin_a)
    url = f"{reverse('batch:import', args=[TRAINEES_IMPORT])}?parent={filing_a.pk}"
    assert client.get(url).status_code == 403
    client.force_login(claimer_a)
    assert client.get(f"{reverse('batch:import', args=[TRAINEES_IMPORT])}?parent={draft_a.pk}").status_code == 403
    assert client.get(f"{reverse('batch:import', args=[TRAINEES_IMPORT])}?parent=abc").status_code in (403, 404)


def test_a_returned_filing_is_editable_again(client, admin_a, enterprise_a, institution):
    filing = ap.complete_filing(enterprise_a, by=admin_a, institution=institution, status=FilingStatus.RETURNED)
    client.force_login(admin_a)
    page = client.get(_url("filing_trainees", filing.pk)).content.decode()
    assert 'data-testid="add-trainee"' in page and 'data-testid="read-only"' not in page
    assert client.post(_url("filing_trainee_create", filing.pk), _trainee()).status_code == 302
    assert filing.trainees.filter(name="钱学徒").exists()


@pytest.mark.parametrize("key", [TEACHERS_IMPORT, TRAINEES_IMPORT, COURSES_IMPORT])
def test_templates_download_for_filers_only(client, filer_a, claimer_a, key):
    client.force_login(filer_a)
    assert client.get(reverse("batch:template", args=[key])).status_code == 200
    client.force_login(claimer_a)
    assert client.get(reverse("batch:template", args=[key])).status_code == 403
