"""The whole employment-traineeship (就业见习) journey in a real browser, one person per browser context:

a verified unit applies for base status (four parts, two uploads), the 金水区 and 郑州市 HR departments approve it;
the unit adds a post, both approve it and the city publishes it; an anonymous visitor finds it on the public
page by city and county; a young job seeker signs in with name and ID number (binding a mobile by SMS code),
fills the intention form and applies; the unit approves the application, registers the onboarding, downloads
the generated agreement, uploads the signed scan and submits it; the county approves the agreement; the unit
imports the monthly on-post report through the batch engine (one month 不在岗); the trainee asks to leave early,
the unit agrees, uploads the stamped termination certificate and the county approves it; and the subsidy roster
shows, to the cent, June paid in full, July not paid, August pro rata by days — for the unit and for the county;
from the roster the unit files a 补贴申领 for the period, the county and the city approve it, and the city
registers the payment (已拨付).

Only the accounts of the unit and the two HR departments, the unit's business licence and the region's wage
parameter are made directly; everything else goes through the pages."""

import datetime
import re
from urllib.parse import urljoin

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests import factories
from tests.browser.journey_pages import latest_sms_code, open_sidebar_link, scripts_ready, shot, sign_in
from tests.browser.traineeship_pages import (
    decide_in_inbox,
    fetch_pdf,
    id_number_aged,
    import_report,
    pdf_text,
    pick_cascade,
    region_parameter,
    scan_png,
    small_pdf,
    success_message,
)
from tests.traineeships.helpers import give_licence
from traineeships.models import MonthlyReport, Placement, PlacementStatus

PASSWORD = factories.PASSWORD
UNIT = "甲企业有限公司"
COUNTY_HR = "金水区人力资源和社会保障局"
CITY_HR = "郑州市人力资源和社会保障局"
POST_TITLE = "数据标注见习生"
PERSON = "林小雨"
MOBILE = "13700005176"
# Three whole months; the trainee leaves on 20 August, and the unit reports July as 不在岗.
START, END, LEFT = datetime.date(2026, 6, 1), datetime.date(2026, 8, 31), datetime.date(2026, 8, 20)
EXPECTED_MONTHS = [
    "2026年6月：在岗；最低工资 2100 元 × 60% = 1260 元",
    "2026年7月：单位上报当月不在岗，不计补贴；0 元",
    "2026年8月：在岗 20/31 天；最低工资 2100 元 × 60% × 20/31 = 812.90 元",
]
# The accident insurance premium (60 元, under 郑州's cap of 240 元/person) is subsidised once.
EXPECTED_INSURANCE = "意外伤害保险补贴：保费 60 元，未超过上限 240 元/人，按实缴保费计 60 元（每人见习期内计一次）"
EXPECTED_TOTAL = "2132.90"  # 1260.00 + 0 + 2100 × 0.6 × 20 / 31 = 812.90 (half-up, to the cent) + 60.00

BASE_TITLE = f"就业见习基地申请：{UNIT}（区县级见习基地）"
POST_REVIEW_TITLE = f"见习岗位：{UNIT}·{POST_TITLE}（2人）"
AGREEMENT_TITLE = f"就业见习协议：{UNIT}·{POST_TITLE}·{PERSON}（2026-06-01至2026-08-31）"
TERMINATION_TITLE = f"解除见习协议：{UNIT}·{PERSON}（离岗日期2026-08-20，本人申请离岗）"
CLAIM_TITLE = f"就业见习补贴申领：{UNIT}·"


@pytest.fixture
def setting(enterprise_a, admin_a, county_reviewer_a, city_reviewer):
    """The unit already verified with its business licence (from 单位信息与认证), and 郑州市's wage setting."""
    give_licence(enterprise_a, admin_a)
    region_parameter(region_code="410100", valid_from=datetime.date(2026, 1, 1), wage="2100", set_by=city_reviewer)
    return enterprise_a


@pytest.fixture
def pages(page, new_context):
    """One browser context per party: separate cookies, separate sessions."""
    return {"unit": page, "county": new_context().new_page(), "city": new_context().new_page(),
            "visitor": new_context().new_page(), "person": new_context().new_page()}


# ---------------------------------------------------------------- the unit's base and post


def apply_for_base(unit, tmp_path):
    open_sidebar_link(unit, "见习基地申请", "就业见习基地申请")
    expect(unit.get_by_test_id("organisation-info")).to_contain_text(UNIT)
    expect(unit.get_by_test_id("slot-business_licence").locator("[data-slot-done]")).to_have_attribute(
        "data-slot-done", "yes")
    expect(unit.get_by_test_id("submit-button")).to_be_disabled()
    scripts_ready(unit)
    # 四、档案资料上传: each file on its own (htmx), the slot turns green.
    for slot, path in (("rules_file", small_pdf(tmp_path, "就业见习管理制度.pdf")),
                       ("certificate_file", scan_png(tmp_path, "单位证件.png", "certificate"))):
        card = unit.get_by_test_id(f"slot-{slot}")
        unit.set_input_files(f"#id_{slot}-file", str(path))
        card.get_by_role("button", name="上传").click()
        expect(unit.get_by_test_id(f"slot-{slot}").locator("[data-slot-done]")).to_have_attribute(
            "data-slot-done", "yes")
        expect(unit.get_by_test_id(f"download-{slot}")).to_contain_text(path.name)
    expect(unit.get_by_test_id("missing-files")).to_have_count(0)
    expect(unit.get_by_test_id("submit-button")).to_be_enabled()
    # 二、见习单位详细信息 and 三、银行账户信息 (一、单位基本信息 comes from the profile).
    unit.get_by_label("区县级见习基地").check()
    unit.fill("#id_introduction", "主营软件开发与数据服务，员工120人，设有专门的见习管理办公室。")
    unit.fill("#id_demands-0-year", str(timezone.localdate().year))
    unit.fill("#id_demands-0-major", "计算机科学与技术")
    unit.fill("#id_demands-0-headcount", "5")
    unit.fill("#id_mentor_team", "指导老师3名：张工（高级工程师，10年），王工（工程师，6年），刘工（工程师，5年）。")
    expect(unit.locator("#id_bank_account_name")).to_have_value(UNIT)
    unit.fill("#id_bank_name", "中国工商银行郑州文化路支行")
    unit.fill("#id_bank_account_number", "6222020200112233445")
    shot(unit, "traineeship-01-base-application")
    unit.get_by_test_id("submit-button").click()
    success_message(unit, "申报成功，请等待区县人社部门审核")
    expect(unit.get_by_test_id("base-status")).to_have_text("审核中")


def add_post(unit):
    open_sidebar_link(unit, "见习岗位", "就业见习岗位")
    unit.get_by_test_id("add-post").click()
    expect(unit.get_by_role("heading", name="新增见习岗位")).to_be_visible()
    # Work region, address and contact are taken from the unit's profile.
    assert unit.input_value("#id_work_region") == "410105"
    expect(unit.locator("#id_address")).to_have_value("郑州市金水区文化路1号")
    unit.fill("#id_title", POST_TITLE)
    unit.fill("#id_places", "2")
    unit.fill("#id_majors", "计算机、统计学")
    unit.select_option("#id_education", label="本科")
    unit.fill("#id_monthly_allowance", "2200")
    unit.fill("#id_period_months", "3")
    unit.fill("#id_description", "参与图像与文本数据标注、质检，配备专职指导老师。")
    unit.get_by_test_id("post-form").get_by_role("button", name="提交").click()
    success_message(unit, "申报成功，岗位已提交审核")
    expect(unit.get_by_role("heading", name=POST_TITLE)).to_be_visible()


def publish_post(city):
    open_sidebar_link(city, "岗位发布", "就业见习岗位发布")
    row = city.get_by_test_id("publishing-list").locator("tbody tr", has_text=POST_TITLE)
    expect(row).to_contain_text(UNIT)
    row.get_by_label(f"选择 {POST_TITLE}").check()
    city.get_by_role("button", name="发布所选岗位").click()
    success_message(city, "已发布 1 个岗位")
    city.get_by_role("link", name="发布中").click()
    row = city.get_by_test_id("publishing-list").locator("tbody tr", has_text=POST_TITLE)
    expect(row.locator("[data-status]")).to_have_text("发布中")


# ---------------------------------------------------------------- the public page and the person


def choose_public_region(page):
    scripts_ready(page)
    page.select_option("#id_province", label="河南省")
    expect(page.locator("#id_city option", has_text="郑州市")).to_have_count(1)
    page.select_option("#id_city", label="郑州市")
    expect(page.locator("#id_county option", has_text="金水区")).to_have_count(1)
    page.select_option("#id_county", label="金水区")


def browse_public_page(visitor, base):
    visitor.goto(base + "/")
    visitor.get_by_role("link", name="查看已发布的见习岗位（无需登录）").click()
    expect(visitor.get_by_role("heading", name="就业见习岗位查询")).to_be_visible()
    choose_public_region(visitor)
    visitor.get_by_test_id("public-filter").get_by_role("button", name="查询").click()
    expect(visitor).to_have_url(re.compile(r"county=410105"))
    listed = visitor.get_by_test_id("public-list").locator("a[data-post]")
    expect(listed).to_have_count(1)
    expect(listed).to_contain_text(POST_TITLE)
    expect(listed).to_contain_text(f"{UNIT} · 金水区")
    expect(listed).to_contain_text("2200 元/月")
    listed.click()
    expect(visitor.get_by_role("heading", name=POST_TITLE)).to_be_visible()
    details = visitor.get_by_test_id("public-post")
    expect(details).to_contain_text("2 人")
    expect(details).to_contain_text("2200.00 元/月")
    expect(details).to_contain_text("3 个月")
    shot(visitor, "traineeship-02-public-post")
    visitor.get_by_test_id("back-link").click()
    expect(visitor.get_by_role("heading", name="就业见习岗位查询")).to_be_visible()
    assert visitor.input_value("#id_county") == "410105"
    expect(visitor.get_by_test_id("public-list").locator("a[data-post]")).to_have_count(1)


def person_signs_in(person, base, id_number):
    person.goto(base + "/")
    person.get_by_role("link", name="高校毕业生、青年见习人员登录（姓名 + 身份证号）").click()
    expect(person.get_by_role("heading", name="就业见习登录")).to_be_visible()
    person.fill("#id_name", PERSON)
    person.fill("#id_id_number", id_number)
    person.fill("input[name=captcha_1]", "PASSED")
    person.get_by_test_id("individual-sign-in").get_by_role("button", name="登录").click()
    # First sign-in: the mobile is bound by SMS code before anything else.
    expect(person.get_by_role("heading", name="绑定手机号")).to_be_visible()
    scripts_ready(person)
    person.fill("#id_mobile", MOBILE)
    person.get_by_test_id("send-sms").click()
    expect(person.locator("#sms-result-mobile")).to_contain_text("验证码已发送至 137****5176")
    person.fill("#id_sms_code", latest_sms_code(MOBILE))
    person.get_by_role("button", name="绑定并继续").click()
    expect(person.get_by_role("heading", name="就业见习意向填表")).to_be_visible()
    success_message(person, "登录成功")


def fill_intention(person):
    basic = person.get_by_test_id("basic-info")
    expect(basic).to_contain_text(PERSON)
    expect(basic).to_contain_text("失业青年（16–24岁）")
    expect(basic).to_contain_text("137****5176")
    expect(person.locator("#id_contact_mobile")).to_have_value(MOBILE)
    pick_cascade(person, "id_household_region", "河南省", "郑州市", "金水区")
    person.fill("#id_address", "郑州市金水区经三路12号")
    person.fill("#id_email", "linxiaoyu@example.com")
    person.select_option("#id_education", label="本科")
    person.fill("#id_major", "统计学")
    person.select_option("#id_id_document_type", label="居民身份证")
    person.fill("#id_id_issuing_authority", "郑州市公安局金水分局")
    person.fill("#id_id_valid_from", (timezone.localdate() - datetime.timedelta(days=700)).isoformat())
    person.check("#id_id_valid_long_term")
    pick_cascade(person, "id_intended_region", "河南省", "郑州市")
    person.fill("#id_intended_post", "数据标注、数据分析")
    person.get_by_role("button", name="提交意向表").click()
    success_message(person, "见习意向表已提交，现在可以查询岗位并报名")
    expect(person.get_by_role("heading", name="就业见习岗位报名")).to_be_visible()


def apply_for_post(person):
    choose_public_region(person)
    person.fill("#id_q", "数据标注")
    person.get_by_test_id("search-filter").get_by_role("button", name="查询").click()
    listed = person.get_by_test_id("search-list").locator("a[data-post]")
    expect(listed).to_have_count(1)
    listed.click()
    expect(person.get_by_role("heading", name=POST_TITLE)).to_be_visible()
    expect(person.get_by_test_id("blocked")).to_have_count(0)
    person.get_by_test_id("apply").click()
    success_message(person, "报名成功，请等待单位审核")
    expect(person.get_by_test_id("application")).to_contain_text("待审核")


# ---------------------------------------------------------------- onboarding and the agreement


def approve_application(unit):
    open_sidebar_link(unit, "报名审核", "就业见习报名审核")
    row = unit.get_by_test_id("review-list").locator("tbody tr", has_text=PERSON)
    expect(row).to_contain_text(POST_TITLE)
    expect(row).to_contain_text("待审核")
    row.get_by_role("link", name="审核").click()
    expect(unit.get_by_role("heading", name=f"{PERSON} 报名“{POST_TITLE}”")).to_be_visible()
    expect(unit.get_by_test_id("applicant")).to_contain_text("郑州市金水区经三路12号")
    expect(unit.get_by_test_id("intention")).to_contain_text("数据标注、数据分析")
    form = unit.get_by_test_id("decision-form")
    form.get_by_label("审核通过", exact=True).check()
    form.get_by_role("button", name="提交审核结果").click()
    success_message(unit, "已审核通过")
    expect(unit.get_by_test_id("decision-form")).to_have_count(0)


def onboard(unit, id_number, tmp_path):
    open_sidebar_link(unit, "上岗人员", "就业见习·上岗人员管理")
    waiting = unit.get_by_test_id("waiting").locator("tbody tr", has_text=PERSON)
    waiting.get_by_role("link", name="录用上岗登记").click()
    expect(unit.get_by_role("heading", name=f"录用上岗登记：{PERSON}")).to_be_visible()
    expect(unit.locator("#id_monthly_allowance")).to_have_value("2200.00")
    for field, value in (("start_on", START), ("end_on", END), ("insurance_valid_from", START),
                         ("insurance_valid_to", datetime.date(2026, 12, 31))):
        unit.fill(f"#id_{field}", value.isoformat())
    unit.fill("#id_insurance_company", "中国人寿保险股份有限公司郑州分公司")
    unit.fill("#id_insurance_policy_number", "P2026060100517")
    unit.fill("#id_insurance_premium", "60")
    unit.fill("#id_insurance_sum_insured", "500000")
    # START lies months before today: the first save asks to confirm the back-dated start (issue 7).
    unit.get_by_test_id("terms-form").get_by_role("button", name="保存").click()
    expect(unit.get_by_test_id("terms-form")).to_contain_text("（倒签上岗）。请核实见习人员确已于该日起到岗，并勾选确认")
    unit.check("#id_backdating_confirmed")
    unit.get_by_test_id("terms-form").get_by_role("button", name="保存").click()
    success_message(unit, "已登记上岗，请下载见习协议，双方签字盖章后上传扫描件并提交审核")
    expect(unit.get_by_test_id("placement-status")).to_have_text("待提交协议")

    # The generated agreement: a PDF with both parties and the agreed period.
    href = unit.get_by_test_id("generated-link").get_attribute("href")
    text = pdf_text(fetch_pdf(unit, href), "traineeship-agreement.pdf")
    for expected in (PERSON, id_number, UNIT, "2026年6月1日 至 2026年8月31日"):
        assert expected in text, f"{expected!r} not in the agreement"

    # The signed scan, then 提交审核.
    unit.set_input_files("#id_file", str(scan_png(tmp_path, "见习协议签字盖章件.png", "agreement signed")))
    unit.get_by_test_id("upload-agreement").get_by_role("button", name="上传扫描件").click()
    success_message(unit, "见习协议扫描件已上传")
    expect(unit.get_by_test_id("scan-link")).to_contain_text("见习协议签字盖章件.png")
    unit.get_by_test_id("submit-agreement").click()
    success_message(unit, "见习协议已提交人社部门审核")
    expect(unit.get_by_test_id("placement-status")).to_have_text("协议审核中")


def county_reviews_agreement(county):
    """The county opens the registration from the review (generated agreement and scan side by side)."""
    open_sidebar_link(county, "待我审核", "待我审核")
    row = county.get_by_test_id("inbox-table").locator("tbody tr", has_text=AGREEMENT_TITLE)
    row.get_by_role("link", name="审核").click()
    county.get_by_test_id("subject-link").click()
    expect(county.get_by_role("heading", name=f"上岗登记：{PERSON}")).to_be_visible()
    expect(county.get_by_test_id("generated-frame")).to_be_visible()
    expect(county.get_by_test_id("scan-frame")).to_be_visible()
    expect(county.get_by_test_id("upload-agreement")).to_have_count(0)  # HR only looks
    county.wait_for_load_state("load")  # both frames loaded before the picture is taken
    shot(county, "traineeship-03-agreement-side-by-side")
    # Both documents open for the reviewer through the links beside the frames, with the reviewer's session.
    generated = pdf_text(fetch_pdf(county, county.get_by_test_id("generated-link").get_attribute("href")),
                         "traineeship-agreement-as-reviewed.pdf")
    assert PERSON in generated
    scan = county.context.request.get(urljoin(county.url, county.get_by_test_id("scan-link").get_attribute("href")))
    assert (scan.status, scan.headers["content-type"]) == (200, "image/png")
    decide_in_inbox(county, AGREEMENT_TITLE)
    expect(county.get_by_test_id("review-status")).to_have_text("审核通过")


# ---------------------------------------------------------------- departure and the roster


def person_asks_to_leave(person):
    open_sidebar_link(person, "我的见习", "我的见习")
    expect(person.get_by_test_id("my-status")).to_have_text("在岗")
    form = person.get_by_test_id("request-departure")
    form.locator("#id_left_on").fill(LEFT.isoformat())
    form.locator("#id_note").fill("考取研究生，需提前结束见习")
    form.get_by_role("button", name="提交离岗申请").click()
    success_message(person, "离岗申请已提交，等待单位确认")
    expect(person.get_by_test_id("my-departures")).to_contain_text("本人申请，待单位确认")


def unit_agrees_and_submits_certificate(unit, tmp_path):
    open_sidebar_link(unit, "上岗人员", "就业见习·上岗人员管理")
    unit.get_by_test_id("placement-list").get_by_role("link", name=PERSON).click()
    expect(unit.get_by_test_id("placement-status")).to_have_text("在岗")
    unit.wait_for_load_state("load")  # the agreement's frame, before the next request (see success_message)
    unit.locator("tr[data-departure]").get_by_role("link", name="查看").click()
    expect(unit.get_by_role("heading", name=f"离岗：{PERSON}")).to_be_visible()
    expect(unit.get_by_test_id("departure-status")).to_have_text("本人申请，待单位确认")
    unit.get_by_test_id("answer-form").get_by_role("button", name="同意并登记离岗").click()
    success_message(unit, "已同意离岗申请，请继续办理离岗手续")
    expect(unit.get_by_test_id("departure-status")).to_have_text("已登记，待提交审核")

    href = unit.get_by_test_id("generated-link").get_attribute("href")
    text = pdf_text(fetch_pdf(unit, href), "traineeship-termination.pdf")
    assert f"兹证明{PERSON}同志在我单位参加就业见习，双方于2026年8月20日解除就业见习协议。" in text

    unit.set_input_files("#id_file", str(small_pdf(tmp_path, "解除见习协议证明盖章件.pdf")))
    unit.get_by_test_id("upload-certificate").get_by_role("button", name="上传扫描件").click()
    success_message(unit, "解除见习协议证明扫描件已上传")
    unit.get_by_test_id("submit-departure").click()
    success_message(unit, "离岗已提交人社部门审核")
    expect(unit.get_by_test_id("departure-status")).to_have_text("离岗审核中")


def roster_shows_expected_subsidy(page, *, choose_base: bool):
    if choose_base:
        page.select_option("#id_base", label=UNIT)
    page.fill("#id_first_month", "2026-06")
    page.fill("#id_last_month", "2026-08")
    page.get_by_test_id("roster-filter").get_by_role("button", name="计算").click()
    expect(page.get_by_role("heading", name=f"就业见习·补贴经费花名册：{UNIT}")).to_be_visible()
    rows = page.get_by_test_id("roster").locator("tbody tr")
    expect(rows).to_have_count(1)
    cells = rows.first.locator("td")
    expect(cells.nth(1)).to_have_text(PERSON)
    expect(cells.nth(3)).to_have_text(POST_TITLE)
    expect(cells.nth(4)).to_have_text("2026-06-01 至 2026-08-20")
    expect(cells.nth(5)).to_have_text("2")  # months with a subsidy
    expect(cells.nth(6)).to_have_text("否")
    expect(rows.first.get_by_test_id("line-total")).to_have_text(EXPECTED_TOTAL)
    assert cells.nth(8).locator("div").all_inner_texts() == [*EXPECTED_MONTHS, EXPECTED_INSURANCE]
    expect(page.get_by_test_id("insurance-total")).to_have_text("60.00")
    expect(page.get_by_test_id("roster-total")).to_have_text(EXPECTED_TOTAL)
    # "1+1": the months at the base rate; the trainee's 留用 outcome is not settled yet (its registration period
    # runs from the day the departure was approved), so no retention rate and no top-up so far.
    expect(page.get_by_test_id("retention-text")).to_have_text(
        "考核期2025年9月至2026年8月尚无已确定留用情况的结束见习人员；按“1+1”办法，每月按基础比例计发，"
        "见习结束后单位留用率达标的，一次性补发提高比例与基础比例的差额")


# ---------------------------------------------------------------- the subsidy claim


def unit_files_claim_from_roster(unit) -> str:
    """新建申领 from the roster's period; the draft's lines are the roster's paid ones; 提交. Returns the number."""
    unit.get_by_test_id("roster-claim").click()
    expect(unit.get_by_role("heading", name="就业见习·新建补贴申领")).to_be_visible()
    expect(unit.locator("#id_first_month")).to_have_value("2026-06")
    expect(unit.locator("#id_last_month")).to_have_value("2026-08")
    unit.get_by_role("button", name="创建申领").click()
    success_message(unit, "请核对明细后提交")
    expect(unit.get_by_test_id("claim-total")).to_have_text(EXPECTED_TOTAL)
    lines = unit.get_by_test_id("claim-lines").locator("tr[data-line-kind]")
    # July (不在岗, 0 元) is not claimed: June, August and the insurance are.
    assert lines.locator("td.small").all_inner_texts() == [EXPECTED_MONTHS[0], EXPECTED_MONTHS[2],
                                                           EXPECTED_INSURANCE]
    number = unit.get_by_role("heading", name=re.compile(r"^补贴申领：")).inner_text().removeprefix("补贴申领：")
    unit.get_by_test_id("claim-submit").click()
    success_message(unit, "申领已提交，等待县级人社部门审核")
    expect(unit.get_by_test_id("claim-status")).to_have_text("审核中")
    return number


def city_registers_payment(city, number: str) -> None:
    open_sidebar_link(city, "补贴申领审核与拨付", "就业见习·补贴申领")
    city.get_by_test_id("claim-list").get_by_role("link", name=number).click()
    expect(city.get_by_test_id("claim-status")).to_have_text("审核通过（待拨付）")
    city.get_by_test_id("claim-pay").click()
    expect(city.get_by_role("heading", name=f"拨付登记：{number}")).to_be_visible()
    city.fill("#id_voucher_number", "财拨〔2026〕118号")
    city.get_by_role("button", name="登记拨付").click()
    success_message(city, "已登记拨付")
    expect(city.get_by_test_id("claim-status")).to_have_text("已拨付")
    expect(city.get_by_test_id("claim-paid")).to_contain_text("凭证号 财拨〔2026〕118号")


# ---------------------------------------------------------------- the journey


def test_traineeship_from_base_application_to_subsidy_roster(pages, live_server, setting, tmp_path):
    base = live_server.url
    unit, county, city, visitor, person = (pages[key] for key in ("unit", "county", "city", "visitor", "person"))
    id_number = id_number_aged(20, timezone.localdate())

    # 1. Base status: the unit applies; the county, then the city approve.
    sign_in(unit, base, "admin_a", PASSWORD, expected_org=UNIT)
    apply_for_base(unit, tmp_path)
    sign_in(county, base, "county_a", PASSWORD, expected_org=COUNTY_HR)
    decide_in_inbox(county, BASE_TITLE)
    expect(county.get_by_test_id("review-status")).to_have_text("审核中")  # the city has yet to decide
    sign_in(city, base, "city", PASSWORD, expected_org=CITY_HR)
    decide_in_inbox(city, BASE_TITLE)
    expect(city.get_by_test_id("review-status")).to_have_text("审核通过")
    unit.reload()
    expect(unit.get_by_test_id("base-status")).to_have_text("审核通过")

    # 2. A post: added by the unit, approved by the county and the city, published by the city.
    add_post(unit)
    decide_in_inbox(county, POST_REVIEW_TITLE)
    decide_in_inbox(city, POST_REVIEW_TITLE)
    publish_post(city)

    # 3. Anyone finds it on the public page, by city and county, and comes back to the same list.
    browse_public_page(visitor, base)

    # 4. A young job seeker signs in with name and ID number, fills the intention form and applies.
    person_signs_in(person, base, id_number)
    fill_intention(person)
    apply_for_post(person)

    # 5. The unit approves the application and registers the onboarding with the generated agreement.
    approve_application(unit)
    onboard(unit, id_number, tmp_path)
    county_reviews_agreement(county)
    unit.reload()
    expect(unit.get_by_test_id("placement-status")).to_have_text("在岗")

    # 6. The monthly on-post report through the batch engine: July was not on post.
    import_report(unit, "见习人员每月在岗情况上报导入", "traineeship_on_post", [
        [id_number, PERSON, "2026-06", "是", ""],
        [id_number, PERSON, "2026-07", "否", "病假，当月未到岗"],
        [id_number, PERSON, "2026-08", "是", ""],
    ], tmp_path)
    placement = Placement.objects.get(person__id_number=id_number)
    assert dict(MonthlyReport.objects.filter(placement=placement).values_list("month", "on_post")) == {
        datetime.date(2026, 6, 1): True, datetime.date(2026, 7, 1): False, datetime.date(2026, 8, 1): True}
    open_sidebar_link(unit, "批量上报", "就业见习·批量上报")
    job_row = unit.get_by_test_id("report-jobs").locator("tbody tr").first
    expect(job_row).to_contain_text("见习人员每月在岗情况上报导入")
    expect(job_row).to_contain_text("已完成")

    # 7. Departure: asked for by the trainee, agreed and certified by the unit, approved by the county.
    person_asks_to_leave(person)
    unit_agrees_and_submits_certificate(unit, tmp_path)
    decide_in_inbox(county, TERMINATION_TITLE)
    expect(county.get_by_test_id("review-status")).to_have_text("审核通过")
    person.reload()
    expect(person.get_by_test_id("my-status")).to_have_text(f"已结束（{LEFT.isoformat()}结束）")
    placement.refresh_from_db()
    assert (placement.status, placement.ended_on) == (PlacementStatus.ENDED, LEFT)

    # 8. The subsidy roster, computed: for the unit, and the same for the county choosing the base.
    open_sidebar_link(unit, "补贴花名册", f"就业见习·补贴经费花名册：{UNIT}")
    roster_shows_expected_subsidy(unit, choose_base=False)
    shot(unit, "traineeship-04-roster")
    href = unit.get_by_test_id("roster-pdf").get_attribute("href")
    roster_pdf = pdf_text(fetch_pdf(unit, href), "traineeship-roster.pdf")
    # The name column of the print is one character wide, so pdftotext splits the name across lines.
    assert id_number in roster_pdf
    assert re.search(rf"合计\s+{re.escape(EXPECTED_TOTAL)}", roster_pdf)
    open_sidebar_link(county, "补贴花名册", "就业见习·补贴经费花名册")
    roster_shows_expected_subsidy(county, choose_base=True)

    # 9. The subsidy claim: filed from the roster, approved by the county and the city, paid by the city.
    number = unit_files_claim_from_roster(unit)
    decide_in_inbox(county, CLAIM_TITLE)
    expect(county.get_by_test_id("review-status")).to_have_text("审核中")
    decide_in_inbox(city, CLAIM_TITLE)
    expect(city.get_by_test_id("review-status")).to_have_text("审核通过")
    city_registers_payment(city, number)
    unit.reload()
    expect(unit.get_by_test_id("claim-status")).to_have_text("已拨付")
    shot(unit, "traineeship-05-claim-paid")
