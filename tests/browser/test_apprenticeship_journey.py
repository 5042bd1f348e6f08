"""The enterprise new-type apprenticeship (企业新型学徒制) journey in a real browser, one person per browser context.

Filing 1, all through the pages: enterprise A's admin confirms the 承诺书, chooses the type, fills 备案信息, names the
training institution, adds the 培训信息 (class starting about three weeks from today), adds a teacher, imports the
trainees (one row with a too-short labour contract fails with its reason, is fixed and the file imported again),
imports the courses, uploads the three materials and submits; the 金水区 HR department returns it, the enterprise
resubmits, the county approves; the enterprise prints the 备案表 (PDF). Then 培训场地维护 adds a venue, 课程信息配置
gives a course its date and venue, 开班信息变更 to a start 4 working days ahead is refused naming the earliest date,
one in time is accepted; a teacher change (a new teacher takes over a course) is approved by 郑州市 HR; at the end
the class is cancelled (注销培训班) with a reason.

Attendance, a lost trainee and the claims need a class that has begun (预支: within 3 months after 开班) or ended
(清算: after the end, with a certificate); today is real, so these use two more filings of enterprise A already
approved, built with tests/apprenticeships/factories.py: filing 2, begun about a month ago with two trainees, a
configured course in the past and the institution named (the institution records attendance for it, the
enterprise marks one trainee lost; on the advance claim his line is refused naming the rule and the page asks to
remove him before submitting, so the claim is computed, approved by the county and the city and downloaded —
申请表, 花名册 PDF and the .xlsx export — without him); filing 3, ended last month (the enterprise records the
certificate through 考核结果, a balance claim is computed, approved and downloaded). Filing 3's class began in late
2025, so 郑州's parameters are set from 2025-01-01.

Made directly: the accounts, 郑州's parameters (ruleset, standards, minimum wage), the published 2027 and 2028
calendars, and filings 2 and 3 (above)."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apprenticeships.models import Course, Filing, FilingStatus, Trainee
from tests import factories
from tests.apprenticeships import factories as ap
from tests.browser.apprenticeship_pages import (
    decide,
    id_number_aged,
    import_rows,
    message,
    small_pdf,
    working_days_after,
)
from tests.browser.internship_pages import accept_dialogs
from tests.browser.journey_pages import htmx_settled, open_sidebar_link, scripts_ready, shot, sign_in
from tests.browser.traineeship_pages import fetch_pdf, pdf_text, pick_cascade

PASSWORD = factories.PASSWORD
UNIT = "甲企业有限公司"
COUNTY_HR = "金水区人力资源和社会保障局"
CITY_HR = "郑州市人力资源和社会保障局"
INSTITUTION = "郑州测试职业培训学校"
VENUE = "文化路实训基地"


@pytest.fixture
def world(enterprise_a, admin_a, county_reviewer_a, city_reviewer):
    # From 2025: filing 3's class began in late 2025 (a class that has ended today lasted at least a year).
    city, since = factories.region("410100"), datetime.date(2025, 1, 1)
    ap.ruleset(city, valid_from=since)
    ap.standards(city, valid_from=since)
    ap.minimum_wage(factories.region("410000"), valid_from=since)
    ap.publish_year(2027)
    ap.publish_year(2028)
    institution = ap.institution(name=INSTITUTION)
    factories.org_admin(institution, username="institution", real_name="培训学校管理员")
    return {"enterprise": enterprise_a, "institution": institution, "admin": admin_a}


@pytest.fixture
def pages(page, new_context):
    return {"unit": page, "county": new_context().new_page(), "city": new_context().new_page(),
            "school": new_context().new_page()}


# ---------------------------------------------------------------- filing 1: the tabs


def start_filing(unit) -> str:
    open_sidebar_link(unit, "申请备案", "学徒制培训备案·确认承诺书")
    expect(unit.get_by_test_id("commitment-text")).to_contain_text("郑重承诺")
    unit.get_by_label("本单位已阅读上述承诺书，承诺所填信息真实、准确、完整").check()
    unit.get_by_role("button", name="确认承诺书，下一步").click()
    expect(unit.get_by_role("heading", name="申请备案·选择学徒制培训类型")).to_be_visible()
    unit.get_by_label("企业新型学徒制培训").check()
    unit.get_by_role("button", name="创建备案").click()
    message(unit, "已创建备案")
    number = re.search(r"已创建备案 (\S+)，", unit.get_by_role("alert").first.inner_text()).group(1)
    unit.get_by_label("联系人").fill("张经理")
    unit.get_by_label("联系电话").fill("0371-65550001")
    unit.get_by_test_id("info-form").get_by_role("button", name="保存").click()
    message(unit, "备案信息已保存")
    return number


def fill_institution_and_class(unit, starts_on, ends_on):
    unit.get_by_role("link", name="培训机构情况", exact=True).click()
    unit.get_by_label("合作培训机构名称").select_option(label=INSTITUTION)
    unit.get_by_test_id("institution-form").get_by_role("button", name="保存").click()
    message(unit, "培训机构情况已保存")
    unit.get_by_role("link", name="培训信息", exact=True).click()
    form = unit.get_by_test_id("class-form")
    form.get_by_label("培训职业（工种）").fill("电工")
    form.get_by_label("职业编码").fill("6-31-01-03")
    form.get_by_label("培训目标等级").select_option(label="高级工（三级）")
    form.get_by_label("培训开始日期").fill(starts_on.isoformat())
    form.get_by_label("培训结束日期").fill(ends_on.isoformat())
    form.get_by_label("培训总课时").fill("400")
    form.get_by_label("培训方式").select_option(label="在岗（工学交替）")
    form.get_by_role("button", name="新增培训信息").click()
    message(unit, "培训信息已保存")


def add_teacher(unit, name, id_number, kind="企业导师"):
    unit.get_by_test_id("add-teacher").click()
    form = unit.get_by_test_id("teacher-form")
    form.get_by_label("姓名").fill(name)
    form.get_by_label("身份证号").fill(id_number)
    form.get_by_label("师资类型").select_option(label=kind)
    form.get_by_label("职业技能等级或职称").fill("高级技师")
    form.get_by_label("证书编号").fill("S0000" + id_number[-6:])
    form.get_by_role("button", name="保存").click()
    message(unit, f"已新增培训师资“{name}”")


def trainee_row(name, id_number, contract_ends_on, today):
    hired = today - datetime.timedelta(days=30)
    return [name, id_number, "13900000" + id_number[-3:], "中专/中职/技工学校", hired, hired, contract_ends_on,
            4500, ""]


def upload_materials(unit, tmp_path):
    unit.get_by_role("link", name="上传材料", exact=True).click()
    for label in ("培训计划（一班一方案）", "学徒劳动合同（或汇总表）", "企业与培训机构合作协议"):
        row = unit.get_by_test_id("materials").locator("tr", has_text=label)
        row.get_by_label(label).set_input_files(str(small_pdf(tmp_path, f"{label[:4]}.pdf")))
        row.get_by_role("button", name="上传").click()
        message(unit, "材料已上传")
        expect(unit.get_by_test_id("materials").locator("tr", has_text=label)).not_to_contain_text("未上传")


def submit_filing(unit):
    unit.get_by_role("link", name="企业信息", exact=True).click()
    expect(unit.get_by_test_id("submission-ready")).to_be_visible()
    unit.get_by_test_id("filing-submit").click()
    message(unit, "已提交审核")


def open_filing(unit, number, tab=None):
    """备案办理结果 → 【进入处理】 on the filing's row; with `tab`, then 【修改】 and that tab."""
    open_sidebar_link(unit, "备案办理结果", "学徒制培训备案·办理结果")
    unit.get_by_test_id("filing-list").locator("tbody tr", has_text=number).get_by_role("link", name="进入处理").click()
    expect(unit.get_by_test_id("filing-status")).to_be_visible()
    if tab:
        unit.get_by_test_id("filing-edit").click()
        unit.get_by_role("link", name=tab, exact=True).click()


# ---------------------------------------------------------------- filing 1: after approval


def add_venue(unit):
    open_sidebar_link(unit, "培训场地维护", "培训场地维护")
    unit.get_by_test_id("venue-new").click()
    expect(unit.get_by_role("heading", name="新增培训场地")).to_be_visible()
    expect(unit.get_by_test_id("no-map")).to_be_visible()  # offline: coordinates typed
    form = unit.get_by_test_id("venue-form")
    form.get_by_label("场地名称").fill(VENUE)
    pick_cascade(unit, "id_region", "河南省", "郑州市", "金水区")
    form.get_by_label("详细地址").fill("郑州市金水区文化路1号实训楼3层")
    form.get_by_label("可容纳人数").fill("60")
    form.get_by_label("纬度").fill("34.781000")
    form.get_by_label("经度").fill("113.665000")
    form.get_by_role("button", name="保存").click()
    message(unit, f"培训场地“{VENUE}”已新增")
    expect(unit.get_by_test_id("venue-list")).to_contain_text(VENUE)


def change_row(unit, number):
    open_sidebar_link(unit, "备案变更申请", "备案变更申请")
    row = unit.get_by_test_id("change-list").locator("tbody tr", has_text=number)
    expect(row).to_have_count(1)
    return row


def configure_course(unit, number, course, first_day, last_day):
    row = change_row(unit, number)
    expect(row.get_by_test_id("unconfigured")).to_have_count(2)
    row.locator("li", has_text=course).get_by_test_id("configure-course").click()
    expect(unit.get_by_role("heading", name=f"课程信息配置：{course}")).to_be_visible()
    form = unit.get_by_test_id("course-form")
    form.get_by_label("培训开始日期").fill(first_day.isoformat())
    form.get_by_label("培训结束日期").fill(last_day.isoformat())
    form.get_by_label("每日开始时间").fill("09:00")
    form.get_by_label("每日结束时间").fill("17:00")
    form.get_by_label("培训场地").select_option(label=VENUE)
    form.get_by_role("button", name="保存").click()
    message(unit, f"课程“{course}”的培训信息已配置")
    row = change_row(unit, number)
    expect(row.locator("li", has_text=course)).to_contain_text(VENUE)
    expect(row.get_by_test_id("unconfigured")).to_have_count(1)


def change_dates(unit, number, starts_on, ends_on):
    change_row(unit, number).get_by_test_id("change-dates").click()
    expect(unit.get_by_role("heading", name=f"开班信息变更 {number}")).to_be_visible()
    scripts_ready(unit)
    form = unit.get_by_test_id("class-dates-form")
    form.get_by_label("新的培训开始日期").fill(starts_on.isoformat())
    htmx_settled(unit)
    form.get_by_label("新的培训结束日期").fill(ends_on.isoformat())
    htmx_settled(unit)
    form.get_by_label("变更原因").fill("生产任务调整")
    # The preview (还可变更 n 次，最早可改至 …) follows the two date fields only (a change of the reason, fired as the
    # button is clicked, once sent a preview beside the save: the live server's SQLite connection is shared between
    # its threads, and the two requests broke its transaction in CI); wait out its debounce all the same.
    unit.wait_for_timeout(800)
    htmx_settled(unit)
    expect(unit.get_by_test_id("preview-summary")).to_contain_text("最早可改至")
    form.get_by_role("button", name="保存变更").click()


def choose_containing(select, text):
    """Choose the one option of `select` whose label contains `text`."""
    option = select.locator("option", has_text=text)
    expect(option).to_have_count(1)
    select.select_option(value=option.get_attribute("value"))


def teacher_change(unit, number, today, course):
    change_row(unit, number).get_by_test_id("teacher-change").click()
    expect(unit.get_by_role("heading", name=f"师资信息变更 {number}")).to_be_visible()
    unit.get_by_test_id("open-change").click()
    form = unit.get_by_test_id("teacher-form")
    expect(form).to_be_visible()
    form.get_by_label("姓名").fill("孙师傅")
    form.get_by_label("身份证号").fill(id_number_aged(40, today, seq=433))
    form.get_by_label("师资类型").select_option(label="企业导师")
    form.get_by_label("职业技能等级或职称").fill("技师")
    form.get_by_label("证书编号").fill("S0000433433")
    form.get_by_role("button", name="保存").click()
    message(unit, "已新增教师 孙师傅")
    unit.get_by_role("link", name="培训课程信息", exact=True).click()
    swap = unit.get_by_test_id("swap-form")
    choose_containing(swap.get_by_label("课程"), course)
    choose_containing(swap.get_by_label("新授课教师"), "孙师傅")
    swap.get_by_test_id("swap").click()
    message(unit, f"课程“{course}”的授课教师将变更为 孙师傅")
    unit.get_by_role("link", name="师资信息", exact=True).click()
    submit = unit.get_by_test_id("submit-form")
    submit.get_by_label("师资变更原因").fill("王师傅调往外地分厂")
    submit.get_by_test_id("submit-change").click()
    message(unit, "师资信息变更已提交地市人社部门审核")


# ---------------------------------------------------------------- filings 2 and 3 (made directly, see above)


def begun_and_ended_filings(enterprise, institution, admin, today):
    """Filing 2: begun 30 days ago, the offline course configured in the past; filing 3: ended 30 days ago."""
    from apprenticeships.models import Delivery
    from apprenticeships.services.places import hold_places

    begun_on = today - datetime.timedelta(days=30)
    begun = ap.filing(enterprise, status=FilingStatus.APPROVED, institution=institution, starts_on=begun_on, by=admin,
                      ends_on=begun_on.replace(year=begun_on.year + 1) - datetime.timedelta(days=1))
    mentor = ap.teacher(begun, name="周师傅", id_number=id_number_aged(44, today, seq=455))
    for name, seq in (("孙学徒", 511), ("李学徒", 522)):
        ap.trainee(begun, name=name, id_number=id_number_aged(22, today, seq=seq),
                   hired_on=begun_on - datetime.timedelta(days=60),
                   contract_starts_on=begun_on - datetime.timedelta(days=60),
                   contract_ends_on=begun_on.replace(year=begun_on.year + 2))
    ap.course(begun, name="电气安装实操", teacher_=mentor, delivery=Delivery.OFFLINE,
              starts_on=today - datetime.timedelta(days=20), ends_on=today - datetime.timedelta(days=10),
              daily_start=datetime.time(9), daily_end=datetime.time(17),
              venue=ap.venue(enterprise, name="一号实训车间"), configured_at=timezone.now())
    ended_on = today - datetime.timedelta(days=30)
    started_on = (ended_on + datetime.timedelta(days=1)).replace(year=ended_on.year - 1)
    ended = ap.filing(enterprise, status=FilingStatus.APPROVED, institution=institution, starts_on=started_on, by=admin,
                      ends_on=ended_on)
    ap.teacher(ended, name="吴师傅", id_number=id_number_aged(50, today, seq=466))
    ap.trainee(ended, name="郑学徒", id_number=id_number_aged(23, today, seq=533), holds_place=False,
               hired_on=started_on - datetime.timedelta(days=30),
               contract_starts_on=started_on - datetime.timedelta(days=30),
               contract_ends_on=started_on.replace(year=started_on.year + 3))
    hold_places(begun)
    # The factory numbers filings XTBA-2026-000001…, as the page numbers the enterprise's own: set apart.
    for index, item in enumerate((begun, ended), start=1):
        item.number = f"XTBA-2026-9{index:05d}"
        item.save(update_fields=["number"])
    return begun, ended


def record_attendance(school, number, day):
    open_sidebar_link(school, "学徒制培训班（培训机构）", "学徒制培训班（培训机构）")
    school.get_by_test_id("institution-filings").locator("tbody tr", has_text=number).get_by_role(
        "link", name="考勤").click()
    expect(school.get_by_role("heading", name=re.compile(f"查看考勤 {number}"))).to_be_visible()
    school.get_by_test_id("by-course").locator("tr", has_text="电气安装实操").get_by_test_id(
        "record-attendance").click()
    expect(school.get_by_role("heading", name="记录考勤：电气安装实操")).to_be_visible()
    form = school.get_by_test_id("attendance-form")
    form.get_by_label("考勤日期").fill(day.isoformat())
    form.get_by_label("教师到课").check()
    form.get_by_test_id("marks").locator("tr", has_text="李学徒").get_by_label("请假").check()
    form.get_by_role("button", name="保存考勤").click()
    message(school, f"{day.isoformat()} 的考勤已保存")


def mark_lost(unit, number, name, today):
    open_filing(unit, number)
    unit.get_by_test_id("filing-links").get_by_role("link", name="培训人员").click()
    unit.get_by_test_id("trainee-list").locator("tbody tr", has_text=name).get_by_test_id("mark-lost").click()
    form = unit.get_by_test_id("lost-form")
    form.get_by_label("流失日期").fill(today.isoformat())
    form.get_by_label("流失原因").fill("本人辞职")
    form.get_by_role("button", name="保存").click()
    message(unit, f"已将 {name} 标记为流失")
    row = unit.get_by_test_id("trainee-list").locator("tbody tr", has_text=name)
    expect(row.get_by_test_id("lost")).to_be_visible()


def record_certificate(unit, number, name, today):
    open_filing(unit, number)
    unit.get_by_test_id("filing-links").get_by_role("link", name="培训人员").click()
    unit.get_by_test_id("trainee-list").locator("tbody tr", has_text=name).get_by_role("link", name="考核结果").click()
    form = unit.get_by_test_id("certificate-form")
    form.get_by_label("取得证书等级").select_option(label="高级工（三级）")
    form.get_by_label("证书编号").fill("S2026ZZ000533")
    form.get_by_label("发证日期").fill((today - datetime.timedelta(days=7)).isoformat())
    form.get_by_role("button", name="保存").click()
    message(unit, f"已登记 {name} 的考核结果")


def file_claim(unit, stage, names, tmp_path) -> str:
    open_sidebar_link(unit, "补贴申领", "企业新型学徒制培训补贴·立即办理")
    start = unit.get_by_test_id("claim-start")
    start.get_by_label("本单位已阅读并承诺遵守以上承诺书").check()
    start.get_by_label(stage, exact=True).check()
    start.get_by_role("button", name="确认并办理").click()
    message(unit, "已创建申领")
    number = re.search(r"已创建申领 (\S+)，", unit.get_by_role("alert").first.inner_text()).group(1)
    basics = unit.get_by_test_id("claim-basics")
    basics.get_by_label("联系人").fill("张经理")
    basics.get_by_label("联系电话").fill("13800000001")
    basics.get_by_label("开户银行").fill("中国工商银行郑州文化路支行")
    basics.get_by_label("账户名称").fill(UNIT)
    basics.get_by_label("银行账号").fill("6222020200112233445")
    basics.get_by_role("button", name="保存").click()
    message(unit, "单位基本信息已保存")
    add = unit.get_by_test_id("claim-people-add")
    for name in names:
        add.get_by_label(re.compile(f"{name}（备案")).check()
    add.get_by_role("button", name="新增").click()
    message(unit, f"已添加 {len(names)} 人")
    attach = unit.get_by_test_id("claim-attachment")
    scan = small_pdf(tmp_path, f"{stage}申请材料.pdf")
    attach.get_by_label("附件（图片或PDF，不超过10MB）").set_input_files(str(scan))
    attach.get_by_role("button", name="上传附件").click()
    message(unit, "附件已上传")
    return number


def submit_claim(unit):
    unit.get_by_test_id("claim-submit").click()
    unit.wait_for_load_state("load")
    expect(unit.get_by_test_id("claim-pdf")).to_be_visible()


def claim_downloads(unit, number, name, amount, absent):
    """【下载申请表】 and 【下载花名册】 (PDF); the roster lists the ID number `name` with `amount` and not the ID
    number `absent` (the print's name column is one character wide: pdftotext splits names across lines)."""
    form = pdf_text(fetch_pdf(unit, unit.get_by_test_id("claim-pdf").get_attribute("href")),
                    f"apprenticeship-{number}-form.pdf")
    assert number in form and UNIT in form
    roster = pdf_text(fetch_pdf(unit, unit.get_by_test_id("claim-roster-pdf").get_attribute("href")),
                      f"apprenticeship-{number}-roster.pdf")
    assert name in roster
    assert re.search(amount.replace(",", ",?").replace(".", r"\."), roster), f"{amount} not in the roster"
    assert absent not in form and absent not in roster


def export_roster(unit, tmp_path, name, absent):
    """【导出花名册】 (.xlsx through the batch export): the job page offers the file once it is written."""
    from openpyxl import load_workbook

    unit.get_by_test_id("claim-xlsx").click()
    result = unit.get_by_test_id("download-result")
    expect(result).to_be_visible()
    with unit.expect_download() as download_info:
        result.click()
    path = tmp_path / "roster.xlsx"
    download_info.value.save_as(path)
    cells = [str(value) for row in load_workbook(path).worksheets[0].iter_rows(values_only=True) for value in row]
    assert name in cells and absent not in cells


# ---------------------------------------------------------------- the journey


def test_apprenticeship_journey(pages, live_server, world, tmp_path):
    base = live_server.url
    unit, county, city, school = (pages[key] for key in ("unit", "county", "city", "school"))
    today = timezone.localdate()
    starts_on = working_days_after(today, 15)
    ends_on = starts_on.replace(year=starts_on.year + 1) - datetime.timedelta(days=1)
    first, second = id_number_aged(26, today, seq=311), id_number_aged(27, today, seq=322)

    begun, ended = begun_and_ended_filings(world["enterprise"], world["institution"], world["admin"], today)

    # 1. Filing 1: commitment, the tabs, imports (a bad row fixed and imported again), materials, submit.
    sign_in(unit, base, "admin_a", PASSWORD, expected_org=UNIT)
    number = start_filing(unit)
    fill_institution_and_class(unit, starts_on, ends_on)
    unit.get_by_role("link", name="培训师资", exact=True).click()
    add_teacher(unit, "王师傅", id_number_aged(45, today, seq=401))

    unit.get_by_role("link", name="培训人员", exact=True).click()
    good = trainee_row("赵学徒", first, ends_on.replace(year=ends_on.year + 1), today)
    bad = trainee_row("钱学徒", second, today + datetime.timedelta(days=150), today)  # contract under a year
    import_rows(unit, [good, bad], tmp_path, "trainees-1", created=1, failed=1)
    expect(unit.get_by_test_id("row-reason")).to_contain_text("劳动合同")
    shot(unit, "apprenticeship-01-trainee-import-failed")
    fixed = trainee_row("钱学徒", second, ends_on.replace(year=ends_on.year + 1), today)
    open_filing(unit, number, "培训人员")
    import_rows(unit, [good, fixed], tmp_path, "trainees-2", created=1, failed=0)
    assert sorted(Trainee.objects.filter(filing__number=number).values_list("name", flat=True)) == ["赵学徒",
                                                                                                     "钱学徒"]
    open_filing(unit, number, "培训课程")
    import_rows(unit, [["电工识图与实操", 40, "线下培训", "王师傅"], ["安全规程", 16, "线上培训", ""]], tmp_path,
                "courses", created=2)
    open_filing(unit, number, "培训课程")
    expect(unit.get_by_test_id("course-list").locator("tbody tr")).to_have_count(2)
    upload_materials(unit, tmp_path)
    submit_filing(unit)
    expect(unit.get_by_test_id("filing-status")).to_have_text("待审核")

    # 2. The county returns it, the enterprise resubmits, the county approves; the 备案表 is printed.
    title = f"学徒制培训备案：{UNIT}·{number}"
    sign_in(county, base, "county_a", PASSWORD, expected_org=COUNTY_HR)
    decide(county, title, "退回修改", "请补充联系人手机号")
    open_filing(unit, number)
    expect(unit.get_by_test_id("filing-status")).to_have_text("退回修改")
    unit.get_by_test_id("filing-edit").click()
    unit.get_by_label("联系电话").fill("13800000001")
    unit.get_by_test_id("info-form").get_by_role("button", name="保存").click()
    message(unit, "备案信息已保存")
    submit_filing(unit)
    decide(county, title, "通过")
    open_filing(unit, number)
    expect(unit.get_by_test_id("filing-status")).to_have_text("审核通过")
    shot(unit, "apprenticeship-02-filing-approved")
    href = unit.get_by_test_id("filing-print").get_attribute("href")
    text = pdf_text(fetch_pdf(unit, href), "apprenticeship-filing.pdf")
    for expected in (number, UNIT, INSTITUTION, "电工", "赵学徒", "钱学徒"):
        assert expected in text, f"{expected!r} not in the 备案表"

    # 3. A venue; a course gets its dates and the venue (课程信息配置).
    add_venue(unit)
    course_day = starts_on + datetime.timedelta(days=14)
    configure_course(unit, number, "电工识图与实操", course_day, course_day + datetime.timedelta(days=4))

    # 4. 开班信息变更: 4 working days ahead is refused naming the earliest date; a week later is accepted.
    too_soon = working_days_after(today, 4)
    earliest = working_days_after(today, 5) + datetime.timedelta(days=1)
    change_dates(unit, number, too_soon, too_soon.replace(year=too_soon.year + 1) - datetime.timedelta(days=1))
    expect(unit.get_by_test_id("class-dates-form")).to_contain_text(f"最早可改至 {earliest.isoformat()}")
    shot(unit, "apprenticeship-03-date-change-refused")
    assert Filing.objects.get(number=number).training_class.starts_on == starts_on
    new_start = starts_on + datetime.timedelta(days=7)
    new_end = new_start.replace(year=new_start.year + 1) - datetime.timedelta(days=1)
    change_dates(unit, number, new_start, new_end)
    expect(unit.get_by_role("heading", name="备案变更申请")).to_be_visible()
    row = unit.get_by_test_id("change-list").locator("tbody tr", has_text=number)
    expect(row).to_contain_text(f"{new_start.isoformat()} ~ {new_end.isoformat()}")
    expect(row).to_contain_text("1 次")

    # 5. A teacher change: a new teacher takes over the offline course; 郑州市 HR approves it.
    teacher_change(unit, number, today, "电工识图与实操")
    sign_in(city, base, "city", PASSWORD, expected_org=CITY_HR)
    decide(city, f"师资信息变更：{UNIT}·{number}", "通过")
    assert Course.objects.get(filing__number=number, name="电工识图与实操").teacher.name == "孙师傅"
    change_row(unit, number).get_by_test_id("change-records").click()
    expect(unit.get_by_role("main")).to_contain_text("孙师傅")

    # 6. Filing 2 (begun) and 3 (ended), made directly: the institution records attendance on filing 2.
    sign_in(school, base, "institution", PASSWORD, expected_org=INSTITUTION)
    record_attendance(school, begun.number, today - datetime.timedelta(days=15))

    # 7. A trainee of filing 2 leaves: marked lost (no attendance, no subsidy).
    mark_lost(unit, begun.number, "李学徒", today)

    # 8. An advance claim for filing 2: the lost trainee is refused with the rule named, the other computed;
    # the county and the city approve; the application and the roster are downloaded without the lost trainee.
    claim = file_claim(unit, "预支", ["孙学徒", "李学徒"], tmp_path)
    roster = unit.get_by_test_id("claim-roster")
    expect(roster.locator("tr", has_text="李学徒").get_by_test_id("line-refused")).to_contain_text("标记为流失")
    expect(roster.locator("tr", has_text="孙学徒").get_by_test_id("line-explanation")).to_contain_text(
        "补贴标准 6,000 元/年 × 培训期 1.00 年 × 预支比例 40% = 2,400.00 元")
    shot(unit, "apprenticeship-04-advance-claim")
    expect(unit.get_by_test_id("claim-problems")).to_contain_text("以下人员不符合申领条件，请移除后再提交：李学徒")
    unit.get_by_test_id("claim-roster").locator("tr", has_text="李学徒").get_by_role("button", name="移除").click()
    expect(unit.get_by_test_id("claim-roster").locator("tbody tr", has_text="李学徒")).to_have_count(0)
    expect(unit.get_by_test_id("claim-problems")).to_have_count(0)
    submit_claim(unit)
    claim_title = f"企业新型学徒制培训补贴申领：{UNIT}·{claim}"
    decide(county, claim_title, "通过")
    decide(city, claim_title, "通过")
    unit.reload()
    expect(unit.get_by_test_id("claim-status")).to_contain_text("审核通过")
    expect(unit.get_by_test_id("claim-total")).to_have_text("2400.00")
    kept, lost = id_number_aged(22, today, seq=511), id_number_aged(22, today, seq=522)
    claim_downloads(unit, claim, kept, "2,400.00", lost)
    export_roster(unit, tmp_path, "孙学徒", "李学徒")

    # 9. A balance claim for filing 3 once its trainee's certificate is recorded through 考核结果.
    record_certificate(unit, ended.number, "郑学徒", today)
    balance = file_claim(unit, "清算", ["郑学徒"], tmp_path)
    expect(unit.get_by_test_id("claim-roster").get_by_test_id("line-explanation")).to_contain_text(
        "补贴标准 6,000 元/年 × 培训期 1.00 年 = 6,000.00 元")
    submit_claim(unit)
    balance_title = f"企业新型学徒制培训补贴申领：{UNIT}·{balance}"
    decide(county, balance_title, "通过")
    decide(city, balance_title, "通过")
    unit.reload()
    expect(unit.get_by_test_id("claim-status")).to_contain_text("审核通过")
    claim_downloads(unit, balance, id_number_aged(23, today, seq=533), "6,000.00", lost)

    # 10. Filing 1's class is cancelled (注销培训班) with a reason: its trainees are freed.
    accept_dialogs(unit)
    open_sidebar_link(unit, "培训情况跟踪", "培训情况跟踪")
    unit.get_by_test_id("tracking-list").locator("tbody tr", has_text=number).get_by_test_id("cancel-class").click()
    expect(unit.get_by_role("heading", name=f"注销培训班 {number}")).to_be_visible()
    scripts_ready(unit)
    unit.get_by_test_id("cancel-form").get_by_label("注销原因").fill("订单取消，培训计划终止")
    unit.get_by_test_id("cancel-form").get_by_role("button", name="注销培训班").click()
    message(unit, "培训班已注销，培训人员的在训名额已释放")
    expect(unit.get_by_test_id("tracking-list").locator("tbody tr", has_text=number).get_by_test_id(
        "class-state")).to_contain_text("订单取消")
    assert Filing.objects.get(number=number).status == FilingStatus.CANCELLED
    assert not Trainee.objects.filter(filing__number=number, holds_place=True).exists()
    shot(unit, "apprenticeship-05-cancelled")
