"""培训班申报: the form's rules (each message), the draft, editing, deletion, and who may declare."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from continuing_education.models import ClassStatus, ReportMode, SubjectType, TrainingClass
from reviews.models import Review
from tests.continuing_education import factories as ce
from tests.continuing_education.factories_classes import class_data, later_dates, messages_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(enterprise_a):
    site = ce.site(enterprise_a)
    first = ce.course(enterprise_a, name="新技术应用", hours=12)
    second = ce.course(enterprise_a, name="行业标准解读", hours=Decimal("6.5"))
    return site, [first, second]


def _new(client, user, data):
    client.force_login(user)
    return client.post(reverse("continuing_education:class_new"), data)


def test_declare_saves_a_draft_with_the_courses_hours(client, admin_a, catalogue):
    site, courses = catalogue
    response = _new(client, admin_a, class_data(site=site, courses=courses))
    training_class = TrainingClass.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("continuing_education:class_edit", args=[training_class.pk])
    assert training_class.status == ClassStatus.DRAFT
    assert training_class.hours == Decimal("18.5")
    assert list(training_class.class_courses.values_list("course__name", flat=True)) == ["新技术应用", "行业标准解读"]
    assert training_class.organisation_id == admin_a.organisation_id
    assert messages_of(response) == ["培训班“2026年电子信息新技术培训班”已保存为草稿"]


def test_edit_recomputes_the_hours(client, admin_a, catalogue):
    site, courses = catalogue
    _new(client, admin_a, class_data(site=site, courses=courses))
    training_class = TrainingClass.objects.get()
    response = client.post(reverse("continuing_education:class_edit", args=[training_class.pk]),
                           class_data(site=site, courses=[courses[1]], name="改名后的培训班"))
    assert response.status_code == 302
    training_class.refresh_from_db()
    assert (training_class.name, training_class.hours) == ("改名后的培训班", Decimal("6.5"))
    assert training_class.class_courses.count() == 1


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"name": ""}, "name", "请填写培训班名称"),
    ({"subject_type": ""}, "subject_type", "请选择科目类型"),
    ({"specialty": ""}, "specialty", "专业科目须填写专业"),
    ({"title_series": ""}, "title_series", "专业科目须填写职称系列"),
    ({"starts_on": ""}, "starts_on", "请填写培训开始日期"),
    ({"ends_on": "2026-13-01"}, "ends_on", "日期格式应为 年-月-日，如 2026-03-01"),
    ({"planned_headcount": "0"}, "planned_headcount", "计划培训人数至少为1人"),
    ({"courses": []}, "courses", "请至少选择一门培训课程"),
    ({"site": ""}, "site", "请选择面授培训点"),
    ({"report_mode": "online"}, "report_mode", "请选择有效的上报方式"),
])
def test_each_field_rule(client, admin_a, catalogue, overrides, field, message):
    site, courses = catalogue
    response = _new(client, admin_a, {**class_data(site=site, courses=courses), **overrides})
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert not TrainingClass.objects.exists()


def test_dates_ordered_and_within_the_year(client, admin_a, catalogue):
    site, courses = catalogue
    starts_on, _ends_on = later_dates()
    response = _new(client, admin_a, class_data(site=site, courses=courses, start=starts_on,
                                                end=starts_on - datetime.timedelta(days=1)))
    assert response.context["form"].errors["ends_on"] == ["培训结束日期不能早于开始日期"]
    response = _new(client, admin_a, class_data(site=site, courses=courses, start=starts_on,
                                                end=starts_on, year=starts_on.year + 1))
    errors = response.context["form"].errors
    assert errors["starts_on"] == [f"培训开始日期须在{starts_on.year + 1}年度内"]
    assert errors["ends_on"] == [f"培训结束日期须在{starts_on.year + 1}年度内"]
    assert not TrainingClass.objects.exists()


def test_public_subject_needs_no_specialty(client, admin_a, catalogue):
    site, courses = catalogue
    response = _new(client, admin_a, class_data(site=site, courses=courses, subject_type=SubjectType.PUBLIC,
                                                specialty="", title_series="工程"))
    assert response.status_code == 302
    assert TrainingClass.objects.get().title_series == ""


def test_another_units_course_and_site_are_refused(client, admin_a, catalogue, enterprise_b):
    site, courses = catalogue
    foreign_course = ce.course(enterprise_b, name="乙的课程")
    foreign_site = ce.site(enterprise_b, name="乙的培训点")
    response = _new(client, admin_a, class_data(site=foreign_site, courses=[courses[0], foreign_course]))
    errors = response.context["form"].errors
    assert errors["courses"] == ["所选课程不在本单位的课程库中"]
    assert errors["site"] == ["请选择本单位的面授培训点"]


def test_the_page_sends_to_the_catalogue_first_and_says_face_to_face(client, admin_a):
    client.force_login(admin_a)
    response = client.get(reverse("continuing_education:class_new"))
    text = response.content.decode()
    assert response.status_code == 200
    assert "本单位培训课程库中还没有课程，请先在" in text
    assert "此处仅申报面授培训班；网授培训班无需申报" in text


def test_who_may_declare(client, trainer_a, declarer_a, pro_a, county_reviewer_a, catalogue):
    for user, status in ((trainer_a, 403), (pro_a, 403), (county_reviewer_a, 403), (declarer_a, 200)):
        client.force_login(user)
        assert client.get(reverse("continuing_education:class_new")).status_code == status, user


def test_other_unit_cannot_open_or_edit(client, admin_a, admin_b, trainer_a, catalogue):
    training_class = ce.training_class(admin_a.organisation, by=admin_a)
    client.force_login(admin_b)
    assert client.get(reverse("continuing_education:class_edit", args=[training_class.pk])).status_code == 404
    assert client.get(reverse("continuing_education:class_detail", args=[training_class.pk])).status_code == 404
    client.force_login(trainer_a)  # sees the class (培训管理), may not edit it
    assert client.get(reverse("continuing_education:class_detail", args=[training_class.pk])).status_code == 200
    assert client.get(reverse("continuing_education:class_edit", args=[training_class.pk])).status_code == 403


def test_delete_only_a_never_submitted_draft(client, admin_a, county_reviewer_a):
    draft = ce.training_class(admin_a.organisation, by=admin_a)
    client.force_login(admin_a)
    response = client.post(reverse("continuing_education:class_delete", args=[draft.pk]))
    assert response.status_code == 302
    assert not TrainingClass.objects.filter(pk=draft.pk).exists()
    # Submitted then withdrawn: a draft again, but with a review history it keeps.
    other = ce.training_class(admin_a.organisation, by=admin_a, name="撤回过的培训班")
    client.post(reverse("continuing_education:class_submit", args=[other.pk]))
    client.post(reverse("continuing_education:class_withdraw", args=[other.pk]))
    other.refresh_from_db()
    assert other.status == ClassStatus.DRAFT
    response = client.post(reverse("continuing_education:class_delete", args=[other.pk]))
    assert messages_of(response) == ["只能删除从未提交过的培训班申报"]
    assert TrainingClass.objects.filter(pk=other.pk).exists()


def test_approved_class_is_read_only(client, admin_a, catalogue):
    site, courses = catalogue
    approved = ce.training_class(admin_a.organisation, by=admin_a, status=ClassStatus.APPROVED)
    client.force_login(admin_a)
    response = client.get(reverse("continuing_education:class_edit", args=[approved.pk]))
    assert response.status_code == 302
    response = client.post(reverse("continuing_education:class_edit", args=[approved.pk]),
                           class_data(site=site, courses=courses, name="改动"))
    assert response.status_code == 302
    assert messages_of(response) == ["培训班审核通过，不能修改"]
    approved.refresh_from_db()
    assert approved.name == "年度专业科目培训班"
    response = client.post(reverse("continuing_education:class_delete", args=[approved.pk]))
    assert messages_of(response) == ["只能删除从未提交过的培训班申报"]


# --- submission rules ---------------------------------------------------------------------------------------------

def _submit(client, user, training_class):
    client.force_login(user)
    return client.post(reverse("continuing_education:class_submit", args=[training_class.pk]))


def test_later_class_must_be_submitted_before_its_start(client, admin_a, county_reviewer_a):
    today = timezone.localdate()
    started = ce.training_class(admin_a.organisation, by=admin_a, starts_on=today,
                                ends_on=today, year=today.year)
    response = _submit(client, admin_a, started)
    assert messages_of(response) == [f"暂不上报的培训班须在培训开始（{today}）前提交"]
    assert not Review.objects.exists()
    ahead = ce.training_class(admin_a.organisation, by=admin_a, name="提前申报的培训班")
    response = _submit(client, admin_a, ahead)
    assert messages_of(response) == ["培训班申报已提交审核"]
    ahead.refresh_from_db()
    assert ahead.status == ClassStatus.PENDING


def test_lead_working_days_name_the_latest_day(client, admin_a, county_reviewer_a):
    from calendars.models import CalendarYear, YearStatus

    today = timezone.localdate()
    for year in (today.year, today.year + 1):
        CalendarYear.objects.update_or_create(year=year, defaults={"status": YearStatus.PUBLISHED})
    ce.hours_rule("410000", year=today.year + 1, class_lead_working_days=10)
    ce.hours_rule("410000", year=today.year, class_lead_working_days=10)
    starts_on = today + datetime.timedelta(days=3)
    training_class = ce.training_class(admin_a.organisation, by=admin_a, starts_on=starts_on,
                                       ends_on=starts_on, year=starts_on.year)
    from continuing_education.services.classes import latest_submission_day

    latest = latest_submission_day(starts_on, 10)
    response = _submit(client, admin_a, training_class)
    assert messages_of(response) == [f"暂不上报的培训班须在开始前10个工作日提交，最晚提交日为{latest}"]
    assert not Review.objects.exists()


def test_sync_class_needs_the_end_and_results(client, admin_a, county_reviewer_a, staff_a):
    today = timezone.localdate()
    future = ce.training_class(admin_a.organisation, by=admin_a, report_mode=ReportMode.SYNC)
    response = _submit(client, admin_a, future)
    assert messages_of(response) == [f"同步上报的培训班须在培训结束（{future.ends_on}）后提交",
                                     "同步上报须录入至少一名报名人员及其培训成果"]
    held = ce.training_class(admin_a.organisation, by=admin_a, report_mode=ReportMode.SYNC, name="已办培训班",
                             starts_on=today, ends_on=today, year=today.year)
    ce.participant(held, member=staff_a)  # no result yet
    response = _submit(client, admin_a, held)
    assert messages_of(response) == ["同步上报须录入至少一名报名人员及其培训成果",
                                     "以下人员尚未填写获得学时和考核结果：王专技"]
    assert not Review.objects.exists()


def test_unit_without_a_department_cannot_submit(client, db):
    from tests import factories

    unit = ce.unit(name="无主管单位")
    admin = factories.org_admin(unit, username="orphan_admin", real_name="无主管管理员")
    training_class = ce.training_class(unit, by=admin)
    response = _submit(client, admin, training_class)
    assert messages_of(response) == ["请先在单位信息中设置所属人社部门"]


def test_materials_upload_and_delete_while_editable(client, admin_a, admin_b):
    from continuing_education.models import ClassMaterial
    from tests.attachments.files import png_upload

    training_class = ce.training_class(admin_a.organisation, by=admin_a)
    url = reverse("continuing_education:class_materials", args=[training_class.pk])
    client.force_login(admin_a)
    response = client.post(url, {})
    assert response.context["form"].errors["file"] == ["请选择要上传的文件"]
    response = client.post(url, {"file": png_upload()})
    assert response.status_code == 302
    material = ClassMaterial.objects.get(training_class=training_class)
    client.force_login(admin_b)
    delete = reverse("continuing_education:class_material_delete", args=[training_class.pk])
    assert client.post(delete, {"material": material.pk}).status_code == 404
    client.force_login(admin_a)
    response = client.post(delete, {"material": material.pk})
    assert messages_of(response) == ["附件已删除"]
    assert not ClassMaterial.objects.exists()
