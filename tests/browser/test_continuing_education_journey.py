"""The continuing-education (专业技术人员继续教育, issue 10) journey in a real browser, one person per browser context.

Through the pages: a person registers (个人注册 with the SMS code from the outbox), signs in again and registers
their unit (加入单位 → 注册用人单位: the search first, then the form with the credit-code image, region and
所属人社部门 = 金水区 HR); as the unit's administrator they add a teacher, a course and a 面授培训点 and declare a
class 暂不上报 starting in the future; 金水区 HR approves it in /reviews/. The administrator imports the class's
participants (班级人员导入: a row with a wrong ID number fails with its reason, is fixed and the file imported again).
A staff member registers, asks to join the unit (加入单位), the administrator approves him in 待审核的专技人员 (the
workbench's count goes 1 → 0), he declares 专业 hours (学时申报), the administrator approves in 待我审核 and 金水区 HR
in /reviews/. Online results are imported (网络班培训成果导入). The archive (培训档案) shows 合格 for the staff member
at exactly 90 hours (60 专业 + 30 公需) and 不合格 for a colleague at 89. The task centre offers the failed and the
successful rows of the participants' import.

Made directly (tests/continuing_education/factories.py), where the UI path would be long or cannot be had today:
the HR department and its reviewer; the national floor (90/60/30) for last year and this year; results can be
reported only once a class has ended (services.classes.report_results), so a SECOND class of the unit, already
approved and ended last year, with its participants' results, is built with factories and its results are reported
(培训成果上报) through the page; the colleague (吴专技) on the unit's roster and the unit's 网授平台. The archive shows
不合格 only for a year that has ended (进行中 before), so the hours counted are last year's: the declaration, the
second class and the online results are all of last year."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import User
from continuing_education.models import ClassStatus, Participant, SubjectType
from organisations.models import Organisation
from tests import factories
from tests.browser.apprenticeship_pages import decide, message
from tests.browser.ce_pages import (
    choose_containing,
    desk_count,
    import_file,
    open_desk,
    register_person,
    sign_in_person,
)
from tests.browser.internship_pages import accept_dialogs
from tests.browser.journey_pages import licence_png, open_sidebar_link, pick_region, shot, sign_in, sign_out
from tests.browser.traineeship_pages import id_number_aged, small_pdf
from tests.continuing_education import factories as ce

PASSWORD = factories.PASSWORD
UNIT = "郑州继教旅程科技有限公司"
CREDIT_CODE = factories.make_credit_code("410105", seed=20261204)
COUNTY_HR = "金水区人力资源和社会保障局"
TEACHER = "李教授"
COURSE = "新一代信息技术应用"
SITE = "花园路培训中心"
CLASS = "信息技术专业科目培训班"
PLATFORM = "河南专技学习网"


@pytest.fixture
def world(county_reviewer_a):
    today = timezone.localdate()
    ce.hours_rule("410000", year=today.year)
    ce.hours_rule("410000", year=today.year - 1)
    return {"today": today, "last_year": today.year - 1}


@pytest.fixture
def pages(page, new_context):
    return {"admin": page, "county": new_context().new_page(), "staff": new_context().new_page()}


# ---------------------------------------------------------------- 1. the person and the unit


def register_unit(admin, tmp_path):
    open_sidebar_link(admin, "加入单位", "加入单位")
    admin.get_by_test_id("register-unit").get_by_role("link", name="注册用人单位").click()
    expect(admin.get_by_role("heading", name="注册用人单位")).to_be_visible()
    admin.get_by_placeholder("先查询单位是否已注册").fill(UNIT)
    admin.get_by_test_id("unit-search").get_by_role("button", name="查询").click()
    expect(admin.get_by_test_id("not-registered")).to_have_text("未查询到该单位，请填写以下信息注册。")
    form = admin.get_by_test_id("unit-form")
    form.get_by_label("用人单位名称").fill(UNIT)
    admin.fill("#id_credit_code", CREDIT_CODE)
    admin.set_input_files("#id_credit_code_image", str(licence_png(tmp_path)))
    pick_region(admin, "河南省", "郑州市", "金水区")
    choose_containing(form.get_by_label("所属人社部门"), COUNTY_HR)
    form.get_by_label("单位性质").select_option(label="非公有制企业")
    form.get_by_label("单位级别").select_option(label="市属单位")
    form.get_by_label("机构负责人").fill("李明")
    form.get_by_label("联系电话").fill("0371-65550001")
    form.get_by_label("单位地址").fill("郑州市金水区花园路88号")
    shot(admin, "ce-01-register-unit")
    form.get_by_role("button", name="确定").click()
    expect(admin.get_by_role("heading", name="用人单位注册成功")).to_be_visible()
    admin.get_by_test_id("manage").click()
    expect(admin.get_by_test_id("current-org")).to_have_text(UNIT)


# ---------------------------------------------------------------- 2. the catalogue and the class


def add_catalogue(admin):
    open_sidebar_link(admin, "师资管理", "师资管理")
    admin.get_by_test_id("teacher-new").click()
    form = admin.get_by_test_id("teacher-form")
    form.get_by_label("教师姓名").fill(TEACHER)
    form.get_by_label("职称/职务").fill("教授")
    form.get_by_label("专业领域").fill("计算机科学")
    form.get_by_role("button", name="保存").click()
    message(admin, f"教师“{TEACHER}”已新增")

    open_sidebar_link(admin, "培训课程", "培训课程")
    admin.get_by_test_id("course-new").click()
    form = admin.get_by_test_id("course-form")
    form.get_by_label("课程名称").fill(COURSE)
    form.get_by_label("专业科目", exact=True).check()
    form.get_by_label("学时").fill("24")
    form.get_by_test_id("teacher-choices").get_by_label(TEACHER).check()
    form.get_by_role("button", name="保存").click()
    message(admin, f"培训课程“{COURSE}”已新增")

    open_sidebar_link(admin, "培训对接管理", "培训对接管理")
    admin.get_by_test_id("site-new").click()
    form = admin.get_by_test_id("site-form")
    form.get_by_label("培训点名称").fill(SITE)
    pick_region(admin, "河南省", "郑州市", "金水区")
    form.get_by_label("详细地址").fill("郑州市金水区花园路88号3楼")
    form.get_by_label("可容纳人数").fill("80")
    form.get_by_role("button", name="保存").click()
    message(admin, f"面授培训点“{SITE}”已新增")


def declare_class(admin, starts_on, ends_on):
    open_sidebar_link(admin, "我申报的（培训班）", "我申报的培训班")
    admin.get_by_test_id("class-new").click()
    form = admin.get_by_test_id("class-form")
    form.get_by_label("培训班名称").fill(CLASS)
    form.get_by_label("培训年度").fill(str(starts_on.year))
    form.get_by_label("科目类型").select_option(label="专业科目")
    admin.fill("#id_specialty", "电子信息")
    form.get_by_label("职称系列").fill("工程技术")
    form.get_by_label("培训开始日期").fill(starts_on.isoformat())
    form.get_by_label("培训结束日期").fill(ends_on.isoformat())
    form.get_by_label("面授培训点").select_option(label=SITE)
    form.get_by_label("计划培训人数").fill("40")
    form.get_by_label(f"{COURSE}（专业科目，24.0学时）").check()
    form.get_by_label("暂不上报").check()
    form.get_by_role("button", name="保存草稿").click()
    message(admin, f"培训班“{CLASS}”已保存为草稿")
    admin.get_by_test_id("class-tabs").get_by_role("link", name="查看与提交").click()
    expect(admin.get_by_test_id("class-problems")).to_have_count(0)
    admin.get_by_test_id("class-submit").click()
    message(admin, "培训班申报已提交审核")
    expect(admin.get_by_test_id("class-status")).to_have_text("待审核")


# ---------------------------------------------------------------- 3. participants and results


def ended_class(unit, admin_user, last_year, staff_id, colleague_id):
    """The second class (made directly, see the docstring): approved, 暂不上报, ended last year, results entered."""
    course = ce.course(unit, name="专业科目综合研修", subject_type=SubjectType.PROFESSIONAL, hours=60)
    item = ce.training_class(unit, by=admin_user, name="上年度专业科目研修班", status=ClassStatus.APPROVED,
                             courses=[course], starts_on=datetime.date(last_year, 9, 1),
                             ends_on=datetime.date(last_year, 9, 20))
    ce.participant(item, name="周专技", id_number=staff_id, hours=52)
    ce.participant(item, name="吴专技", id_number=colleague_id, hours=60)
    return item


def open_participants(admin, name):
    """培训班管理 → 【报名人员】 on the class's row."""
    open_sidebar_link(admin, "培训班管理", "培训班管理")
    admin.get_by_test_id("class-list").locator("tbody tr", has_text=name).get_by_role("link", name="报名人员").click()
    expect(admin.get_by_role("heading", name=f"报名人员：{name}")).to_be_visible()


def import_participants(admin, tmp_path, good, bad, fixed):
    """班级人员导入 twice: the wrong ID number fails with its reason; the fixed file adds the second person."""
    for rows, name, created, failed in (([good, bad], "people-1", 1, 1), ([good, fixed], "people-2", 1, 0)):
        open_participants(admin, CLASS)
        # 【导入】 of 班级人员导入 (by its address: the template links' names contain 导入 too).
        admin.get_by_test_id("participant-imports").locator('a[href*="/import/ce_class_people/"]').click()
        expect(admin.get_by_test_id("import-parent")).to_contain_text(CLASS)
        import_file(admin, rows, tmp_path, name, created=created, failed=failed)
        if failed:
            expect(admin.get_by_test_id("row-reason")).to_contain_text("身份证号")
            shot(admin, "ce-03-participants-import-failed")
    open_participants(admin, CLASS)
    expect(admin.get_by_test_id("participants").locator("tbody tr")).to_have_count(2)


def report_results(admin, name):
    accept_dialogs(admin)
    open_participants(admin, name)
    admin.get_by_test_id("report-results").click()
    message(admin, "培训成果已上报，2人的学时已记入培训档案")
    expect(admin.get_by_role("heading", name=f"报名人员：{name}")).to_contain_text("已上报")


# ---------------------------------------------------------------- 4. the staff member


def join_unit(staff):
    open_sidebar_link(staff, "加入单位", "加入单位")
    staff.get_by_test_id("unit-search").get_by_role("textbox").fill(UNIT)
    staff.get_by_test_id("unit-search").get_by_role("button", name="查询").click()
    staff.get_by_test_id("unit-results").locator("tbody tr", has_text=UNIT).get_by_role(
        "button", name="申请加入").click()
    message(staff, f"已向{UNIT}提交加入申请，请等待单位管理员审核")


def declare_hours(staff, tmp_path, year):
    open_sidebar_link(staff, "学时申报", "我的学时申报")
    staff.get_by_test_id("declaration-new").click()
    form = staff.get_by_test_id("declaration-form")
    form.get_by_label("年度").fill(str(year))
    form.get_by_label("学习形式").select_option(label="学术会议、学术讲座、学术访问")
    form.get_by_label("科目类型").select_option(label="专业科目")
    form.get_by_label("名称").fill("河南省电子学会学术年会")
    form.get_by_label("主办单位").fill("河南省电子学会")
    form.get_by_label("开始日期").fill(datetime.date(year, 3, 10).isoformat())
    form.get_by_label("结束日期").fill(datetime.date(year, 3, 11).isoformat())
    form.get_by_role("spinbutton", name="学时").fill("8")
    staff.set_input_files("#id_proof", str(small_pdf(tmp_path, "参会证明.pdf")))
    form.get_by_role("button", name="保存").click()
    message(staff, "学时申报已保存，请核对后提交审核")
    staff.get_by_test_id("declaration-submit").click()
    message(staff, "学时申报已提交审核")


def downloaded_cells(page, test_id, path):
    """The non-empty cells of the .xlsx behind the link `test_id`, as text."""
    from openpyxl import load_workbook

    with page.expect_download() as download_info:
        page.get_by_test_id(test_id).click()
    download_info.value.save_as(path)
    return [str(value) for sheet in load_workbook(path).worksheets for row in sheet.iter_rows(values_only=True)
            for value in row if value not in (None, "")]


# ---------------------------------------------------------------- the journey


def hours(whole: str):
    """An hours cell: PostgreSQL keeps the column's scale (30.0), SQLite drops it (30)."""
    return re.compile(rf"^\s*{whole}(\.0)?\s*$")


def test_continuing_education_journey(pages, live_server, world, tmp_path):
    base = live_server.url
    admin, county, staff = pages["admin"], pages["county"], pages["staff"]
    today, last_year = world["today"], world["last_year"]
    staff_id = id_number_aged(35, today, seq=611)
    colleague_id = id_number_aged(40, today, seq=622)

    # 1. 李明 registers, signs in again and registers the unit (search first, then the form).
    register_person(admin, base, username="liming", name="李明", id_number=id_number_aged(45, today, seq=601),
                    mobile="13912341204", password=PASSWORD)
    sign_out(admin)
    sign_in_person(admin, base, "liming", PASSWORD)
    register_unit(admin, tmp_path)
    unit = Organisation.objects.get(credit_code=CREDIT_CODE)
    assert unit.hr_department.name == COUNTY_HR

    # 2. A teacher, a course, a 面授培训点; a class 暂不上报 starting in the future; 金水区 HR approves it.
    add_catalogue(admin)
    starts_on = today + datetime.timedelta(days=15)
    ends_on = min(starts_on + datetime.timedelta(days=3), datetime.date(starts_on.year, 12, 31))
    declare_class(admin, starts_on, ends_on)
    shot(admin, "ce-02-class-submitted")
    sign_in(county, base, "county_a", PASSWORD, expected_org=COUNTY_HR)
    decide(county, f"培训班申报：{UNIT}·{CLASS}", "通过")
    admin.reload()
    expect(admin.get_by_test_id("class-status")).to_have_text("审核通过")

    # 3. Participants imported (a bad row fixed and imported again); the ended class's results reported.
    good = ["郑学员", id_number_aged(30, today, seq=631)]
    bad = ["钱学员", "410105199001011234"]
    fixed = ["钱学员", id_number_aged(31, today, seq=642)]
    import_participants(admin, tmp_path, good, bad, fixed)
    assert sorted(Participant.objects.filter(training_class__name=CLASS).values_list("name", flat=True)) == [
        "郑学员", "钱学员"]
    admin_user = User.objects.get(username="liming")
    previous = ended_class(unit, admin_user, last_year, staff_id, colleague_id)
    ce.staff(unit, name="吴专技", id_number=colleague_id)
    report_results(admin, previous.name)

    # 4. 周专技 registers and asks to join; the administrator approves (the desk's count 1 → 0); he declares 专业
    # hours, the administrator approves in 待我审核, 金水区 HR in /reviews/.
    register_person(staff, base, username="zhouzj", name="周专技", id_number=staff_id, mobile="13912341205",
                    password=PASSWORD)
    join_unit(staff)
    open_desk(admin)
    assert desk_count(admin, "staff_requests") == 1
    open_sidebar_link(admin, "待审核的专技人员", "待审核的专技人员")
    admin.get_by_test_id("link-table").locator("tbody tr", has_text="周专技").get_by_role("button", name="通过").click()
    message(admin, "已通过周专技的加入申请")
    open_desk(admin)
    assert desk_count(admin, "staff_requests") == 0
    shot(admin, "ce-04-desk")
    staff.reload()
    declare_hours(staff, tmp_path, last_year)
    open_sidebar_link(admin, "待我审核（学时申报）", "待我审核")
    row = admin.get_by_test_id("inbox-list").locator("tbody tr", has_text="周专技")
    row.get_by_label("审核结论").select_option(label="审核通过")
    row.get_by_role("button", name="确定").click()
    message(admin, "已审核：河南省电子学会学术年会")
    decide(county, "学时申报：周专技·河南省电子学会学术年会", "通过")

    # 5. 网络班培训成果导入: 30 公需 for 周专技, 29 for 吴专技.
    ce.platform(unit, name=PLATFORM)
    open_sidebar_link(admin, "网络培训成果", "网络培训成果")
    admin.get_by_test_id("import").click()
    completed = datetime.date(last_year, 6, 1)
    rows = [[PLATFORM, "周专技", staff_id, "公需科目网络课程", last_year, "公需科目", 30, completed],
            [PLATFORM, "吴专技", colleague_id, "公需科目网络课程", last_year, "公需科目", 29, completed]]
    import_file(admin, rows, tmp_path, "online", created=2)

    # 6. The archive: 合格 at exactly 90 (60 专业 + 30 公需), 不合格 at 89.
    admin.locator("nav.praxis-sidebar a.nav-link", has_text=re.compile(r"^\s*培训档案\s*$")).click()
    expect(admin.get_by_role("heading", name=re.compile(r"^培训档案"))).to_be_visible()
    admin.get_by_test_id("archive-filters").get_by_label("年度").fill(str(last_year))
    admin.get_by_test_id("archive-filters").get_by_role("button", name="查询").click()
    archive = admin.get_by_test_id("archive-list")
    passed = archive.locator("tbody tr", has_text="周专技")
    # 公需, 专业, 总学时 are the 5th to 7th cells (姓名, 身份证号, 性别, 职称等级 first).
    expect(passed.locator("td").nth(4)).to_have_text(hours("30"))
    expect(passed.locator("td").nth(5)).to_have_text(hours("60"))
    expect(passed.locator("td").nth(6)).to_have_text(hours("90"))
    expect(passed.locator("td[data-result]")).to_have_text("合格")
    failed = archive.locator("tbody tr", has_text="吴专技")
    expect(failed.locator("td").nth(6)).to_have_text(hours("89"))
    expect(failed.locator("td[data-result]")).to_have_text("不合格")
    shot(admin, "ce-05-archive")

    # 8. The task centre offers the failed and the successful rows of the participants' first import.
    open_sidebar_link(admin, "任务中心", "导入导出任务")
    job = admin.get_by_test_id("job-table").locator("tbody tr", has_text="people-1.xlsx")
    expect(job).to_contain_text("班级人员导入")
    job.get_by_role("link", name="查看").click()
    failed_rows = downloaded_cells(admin, "download-failed", tmp_path / "failed.xlsx")
    assert "钱学员" in failed_rows and "郑学员" not in failed_rows
    assert any("身份证号" in cell for cell in failed_rows)
    succeeded = downloaded_cells(admin, "download-result", tmp_path / "succeeded.xlsx")
    assert "郑学员" in succeeded and "钱学员" not in succeeded
    shot(admin, "ce-06-task-centre")
