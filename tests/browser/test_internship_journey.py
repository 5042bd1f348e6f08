"""The internship (职业院校学生实习备案) journey in a real browser, one person per browser context:

the school recommends a new enterprise and reads its platform code and activation code; the enterprise activates
its account by SMS, completes real-name verification (the county HR department approves), fills 在岗职工总数,
saves a position whose pay is below 80 % of the same post's wage, is refused publication with the checklist,
fixes the pay and publishes; a student on the school's roll signs in with name + ID number, binds a mobile and
chooses the position among five; two enterprises agree at the same moment and exactly one wins; the school fills
the agreement terms, the student confirms, the school uploads the consent form and signs, makes a group with a
teacher; the enterprise assigns the mentor, files the policy, confirms arrival and evaluates; the student
complains, the school finds it 属实, the enterprise appeals.

Only accounts (school, HR reviewer, enterprise B with its admitted profile, the other hosts' published positions)
are made directly; everything else goes through the pages."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from internships.models import AdmissionStatus, EnterpriseProfile
from tests import factories
from tests.browser.internship_pages import (
    accept_dialogs,
    activate,
    add_to_roll,
    checklist_settled,
    position_form,
    recommend_new_enterprise,
    student_signs_in,
)
from tests.browser.journey_pages import licence_png, open_sidebar_link, pick_region, scripts_ready, shot, sign_in
from tests.browser.traineeship_pages import decide_in_inbox, id_number_aged, small_pdf, success_message
from tests.internships import factories as internship_factories

PASSWORD = factories.PASSWORD
SCHOOL = "郑州测试职业技术学院"
COUNTY_HR = "金水区人力资源和社会保障局"
HOST = "郑州精工机械制造有限公司"
HOST_CODE = factories.make_credit_code("410105", seed=20260812)
HOST_MOBILE = "13912348812"
POSITION = "数控车工实习生"
ENTERPRISE_B = "乙企业有限公司"
B_POSITION = "装配钳工实习生"
STUDENT = "王小明"
STUDENT_MOBILE = "13700008812"
STUDENT_ID = id_number_aged(19, timezone.localdate(), seq=812)
ENROLLED_ON = datetime.date(timezone.localdate().year - 2, 9, 1)
TODAY = timezone.localdate()
# Applications close today and the position starts tomorrow (the checklist wants the close before the start);
# the school's agreement terms then bring the start forward to today, so that arrival (never a future date)
# can be confirmed within the period.
POSITION_STARTS_ON = TODAY + datetime.timedelta(days=1)
STARTS_ON = TODAY
ENDS_ON = TODAY + datetime.timedelta(days=90)


@pytest.fixture
def pages(page, new_context):
    return {"school": page, "host": new_context().new_page(), "county": new_context().new_page(),
            "student": new_context().new_page(), "host_b": new_context().new_page()}


def host_verifies(host, county, base, tmp_path):
    """单位信息与认证, then the county HR decision in 待我审核 (as in test_organisation_journey)."""
    expect(host.get_by_test_id("verification-banner")).to_contain_text("当前状态：未认证")
    pick_region(host, "河南省", "郑州市", "金水区")
    host.fill("#id_address", "郑州市金水区文化路99号")
    host.fill("#id_contact_person", "孙经理")
    host.fill("#id_contact_phone", "0371-65550001")
    host.fill("#id_introduction", "精密机械零件加工，可接收数控专业学生实习。")
    host.set_input_files("#id_business_licence", str(licence_png(tmp_path)))
    host.get_by_role("button", name="保存并提交认证").click()
    success_message(host, "已提交实名认证，请等待属地人社部门审核。")
    sign_in(county, base, "county_a", PASSWORD, expected_org=COUNTY_HR)
    decide_in_inbox(county, f"单位实名认证：{HOST}")
    host.reload()
    expect(host.get_by_test_id("verification-banner")).to_contain_text("本单位已通过实名认证")


def host_publishes_position(host):
    open_sidebar_link(host, "岗位管理", "岗位管理")
    staff = host.get_by_test_id("staff-on-duty-form")
    staff.get_by_label("在岗职工总数").fill("300")
    staff.get_by_role("button", name="保存").click()
    success_message(host, "在岗职工总数已保存")
    expect(staff).to_contain_text("当前 300 人")

    host.get_by_role("link", name="新增实习岗位").click()
    expect(host.get_by_role("heading", name="新增实习岗位")).to_be_visible()
    # 2000 元 is below 80 % of the same post's 3000 元: the live checklist marks it ✗ before anything is saved.
    position_form(host, title=POSITION, pay_min="2000", same_post_wage="3000", starts_on=POSITION_STARTS_ON,
                  ends_on=ENDS_ON, apply_from=TODAY - datetime.timedelta(days=1), apply_until=TODAY)
    pay_floor = host.get_by_test_id("checklist").locator("[data-check=pay_floor]")
    expect(pay_floor).to_have_attribute("data-passed", "no")
    shot(host, "internship-01-position-checklist")
    host.get_by_test_id("position-form").get_by_role("button", name="保存岗位").click()
    success_message(host, "岗位已保存（未发布），检查通过后请点击“发布”")
    expect(host.get_by_role("heading", name=POSITION)).to_be_visible()

    host.get_by_role("button", name="发布").click()
    expect(host.get_by_role("alert").filter(has_text="岗位未通过合规检查，不能发布：实习报酬不低于相同岗位工资标准的80%")
           ).to_be_visible()
    expect(host.get_by_test_id("checklist").locator("[data-check=pay_floor]")).to_have_attribute("data-passed", "no")

    host.get_by_role("link", name="编辑").click()
    expect(host.get_by_role("heading", name="编辑实习岗位")).to_be_visible()
    scripts_ready(host)
    pay_min = host.get_by_test_id("position-form").get_by_label("实习报酬下限（元/月）")
    pay_min.fill("2500")
    pay_min.press("Tab")  # leaving the field is the change the live checklist listens to
    expect(host.get_by_test_id("checklist").locator("[data-check=pay_floor]")).to_have_attribute("data-passed", "yes")
    checklist_settled(host)
    host.get_by_test_id("position-form").get_by_role("button", name="保存岗位").click()
    success_message(host, "已保存")
    host.get_by_role("button", name="发布").click()
    success_message(host, "岗位已发布，学生可以报名")
    expect(host.locator("[data-status]").first).to_have_text("已发布")


@pytest.fixture
def other_positions(school, school_admin, enterprise_b, admin_b, enterprise_a, admin_a):
    """Four more published positions of two other admitted enterprises in the school's pool (B's and A's)."""
    for enterprise, by, titles in ((enterprise_b, admin_b, (B_POSITION, "电工实习生")),
                                   (enterprise_a, admin_a, ("焊工实习生", "质检实习生"))):
        internship_factories.host_profile(enterprise)
        internship_factories.recommend(school, enterprise, school_admin)
        for title in titles:
            internship_factories.position(enterprise, by, title=title, starts_on=STARTS_ON, ends_on=ENDS_ON)


def student_chooses_five(student, base):
    student_signs_in(student, base, name=STUDENT, id_number=STUDENT_ID, mobile=STUDENT_MOBILE)
    rows = student.get_by_test_id("position-list").locator("tbody tr")
    expect(rows).to_have_count(5)
    for title in (POSITION, B_POSITION, "电工实习生", "焊工实习生", "质检实习生"):
        student.get_by_label(f"选择 {title}", exact=True).check()
    student.get_by_test_id("choose-submit").click()
    success_message(student, "已提交 5 个实习申请，请等待企业确认")
    expect(student.get_by_role("heading", name="我的实习申请")).to_be_visible()


def two_enterprises_agree(host, host_b, base):
    """Both lists are open with 同意签约 on the student's row; the first click wins, the second is refused."""
    sign_in(host_b, base, "admin_b", PASSWORD, expected_org=ENTERPRISE_B)
    for page, title in ((host, POSITION), (host_b, B_POSITION)):
        open_sidebar_link(page, "实习签约管理", "实习签约管理")
        row = page.get_by_test_id("signing-list").locator("tbody tr", has_text=STUDENT).filter(has_text=title)
        expect(row).to_contain_text("待企业确认")
        expect(row.get_by_role("button", name="同意签约")).to_be_visible()
    host.get_by_test_id("signing-list").locator("tbody tr", has_text=POSITION).get_by_role(
        "button", name="同意签约").click()
    success_message(host, f"已同意{STUDENT}的实习申请，学生的其他申请已自动撤回")
    expect(host.get_by_test_id("signing-list").locator("tbody tr", has_text=POSITION)).to_contain_text("企业同意签约")
    # B's page still shows the button it loaded before; its click is refused with the reason.
    host_b.get_by_test_id("signing-list").locator("tbody tr", has_text=B_POSITION).get_by_role(
        "button", name="同意签约").click()
    expect(host_b.get_by_role("alert").filter(has_text=f"该学生已与“{HOST}”签约，同一时间只能有一个实习")).to_be_visible()
    b_rows = host_b.get_by_test_id("signing-list").locator("tbody tr", has_text=STUDENT)
    expect(b_rows.get_by_role("button", name="同意签约")).to_have_count(0)
    expect(b_rows.first).to_contain_text("已与其他企业签约，自动撤回")
    shot(host_b, "internship-02-second-agreement-refused")


def school_fills_terms(school):
    open_sidebar_link(school, "学生实习总览", "学生实习总览")
    school.get_by_test_id("overview").get_by_role("link", name=STUDENT).click()
    expect(school.get_by_role("heading", name=f"实习详情：{STUDENT} · {HOST}")).to_be_visible()
    school.get_by_role("link", name="填写协议条款").click()
    form = school.get_by_test_id("agreement-form")
    expect(form.get_by_label("实习报酬（元/月）")).to_have_value("2500.00")
    expect(form.get_by_label("实习开始日期")).to_have_value(POSITION_STARTS_ON.isoformat())
    form.get_by_label("实习开始日期").fill(STARTS_ON.isoformat())
    form.get_by_label("学校指导教师").fill("刘老师")
    form.get_by_label("指导教师电话").fill("13800138000")
    form.get_by_role("button", name="保存").click()
    success_message(school, "协议条款已保存，已通知学生在线确认")
    expect(school.get_by_test_id("terms")).to_contain_text("刘老师")
    expect(school.get_by_test_id("period")).to_have_text(f"{STARTS_ON:%Y-%m-%d} 至 {ENDS_ON:%Y-%m-%d}")


def student_confirms(student):
    open_sidebar_link(student, "我的实习", "我的实习")
    student.get_by_test_id("to-confirm").click()
    expect(student.get_by_test_id("terms")).to_contain_text("2500")
    student.get_by_role("button", name="确认协议").click()
    success_message(student, "您已确认实习协议")
    expect(student.get_by_test_id("student-confirmed")).to_contain_text("学生已确认")


def school_signs_and_groups(school, tmp_path):
    school.reload()
    scripts_ready(school)
    consent = school.get_by_label("上传知情同意书（学生及监护人签字）")
    consent.set_input_files(str(small_pdf(tmp_path, "知情同意书.pdf")))
    school.locator("form", has=consent).get_by_role("button", name="上传", exact=True).click()
    success_message(school, "知情同意书已上传")
    school.get_by_role("button", name="签署三方协议").click()
    success_message(school, "三方协议已签署")
    expect(school.get_by_test_id("signed")).to_contain_text("学校已签署")

    open_sidebar_link(school, "实习分组", "实习分组")
    form = school.get_by_test_id("group-form")
    form.get_by_label("实习企业").select_option(label=HOST)
    form.get_by_label("组名").fill("数控一组")
    form.get_by_label("学校指导教师").fill("刘老师")
    form.get_by_label("指导教师电话").fill("13800138000")
    form.get_by_role("button", name="创建").click()
    success_message(school, "已创建实习分组，请选择组内学生")
    members = school.get_by_test_id("members-form")
    members.get_by_label(f"数控2401班 {STUDENT}（{POSITION}）").check()
    members.get_by_role("button", name="保存组内学生").click()
    success_message(school, "组内学生已保存：新增 1 人，移出 0 人")


def host_mentor_policy_arrival_evaluation(host, tmp_path):
    open_sidebar_link(host, "实习分组管理", "实习分组管理")
    row = host.get_by_test_id("host-group-list").locator("tbody tr", has_text="数控一组")
    expect(row).to_contain_text(SCHOOL)
    row.get_by_role("link", name="指定指导师傅").click()
    expect(host.get_by_test_id("members")).to_contain_text(f"{STUDENT}（{POSITION}）")
    form = host.get_by_test_id("mentor-form")
    form.get_by_label("企业指导师傅").fill("赵师傅")
    form.get_by_label("指导师傅电话").fill("13900139000")
    form.get_by_role("button", name="保存").click()
    success_message(host, "已指定指导师傅")

    # Arrival before any policy is refused: no intern without insurance.
    open_sidebar_link(host, "实习到岗", "实习到岗管理")
    row = host.get_by_test_id("arrival-list").locator("tbody tr", has_text=STUDENT)
    expect(row).to_contain_text("未投保")
    row.get_by_role("button", name="确认到岗").click()
    expect(host.get_by_role("alert").filter(has_text=f"{STUDENT}：学生尚未投保实习责任保险，不能确认到岗")).to_be_visible()

    open_sidebar_link(host, "实习保险", "实习保险管理")
    host.get_by_role("link", name="电子保单备案").click()
    expect(host.get_by_role("heading", name="电子保单备案")).to_be_visible()
    form = host.get_by_test_id("policy-form")
    form.get_by_label("电子保单号").fill("PICC2026081200001")
    form.get_by_label("保险公司").fill("中国人民财产保险股份有限公司郑州分公司")
    form.get_by_label("保险期间起").fill(STARTS_ON.isoformat())
    form.get_by_label("保险期间止").fill(ENDS_ON.isoformat())
    form.get_by_label("电子保单（PDF，不超过5MB）").set_input_files(str(small_pdf(tmp_path, "电子保单.pdf")))
    form.get_by_label("本保单为学生实习责任保险（实习专用险），不是雇主责任险或其他险种").check()
    form.get_by_label(f"{STUDENT}（数控2401班，{HOST}，实习期 {STARTS_ON:%Y-%m-%d} 至 {ENDS_ON:%Y-%m-%d}）").check()
    form.get_by_role("button", name="提交备案").click()
    success_message(host, "保单已备案")

    open_sidebar_link(host, "实习到岗", "实习到岗管理")
    row = host.get_by_test_id("arrival-list").locator("tbody tr", has_text=STUDENT)
    expect(row).to_contain_text("中国人民财产保险股份有限公司郑州分公司")
    expect(row.get_by_label("到岗日期")).to_have_value(TODAY.isoformat())
    row.get_by_role("button", name="确认到岗").click()
    success_message(host, f"已确认 {STUDENT} 到岗")
    row = host.get_by_test_id("arrival-list").locator("tbody tr", has_text=STUDENT)
    expect(row).to_contain_text(TODAY.isoformat())

    open_sidebar_link(host, "实习评价", "实习评价管理")
    host.get_by_test_id("evaluation-list").locator("tbody tr", has_text=STUDENT).get_by_role(
        "link", name="查看 / 评价").click()
    expect(host.get_by_role("heading", name=f"实习评价：{STUDENT} · {HOST}")).to_be_visible()
    form = host.get_by_test_id("evaluation-form")
    form.get_by_label("评价类型").select_option(label="过程性评价")
    form.get_by_label("评价等级").select_option(label="良好")
    form.get_by_label("评价内容").fill("操作规范，学习主动，能按图纸独立完成简单零件加工。")
    form.get_by_role("button", name="提交评价").click()
    success_message(host, "评价已提交")
    expect(host.get_by_test_id("of-student")).to_contain_text("过程性评价")
    expect(host.get_by_test_id("of-student")).to_contain_text("良好")


COMPLAINT = "宿舍实际为8人间，与岗位说明的2-4人间不符。"
CONCLUSION = "经实地核查，宿舍确为8人间，投诉情况属实，已要求企业限期调整。"
APPEAL = "宿舍已于投诉次日调整为4人间，请学校复核。"


def complaint_and_appeal(student, school, host):
    open_sidebar_link(student, "我的实习投诉", "我的实习投诉")
    student.get_by_role("link", name="我要投诉").click()
    expect(student.get_by_role("heading", name="实习投诉")).to_be_visible()
    form = student.get_by_test_id("complaint-form")
    form.get_by_label("住宿条件与实习岗位说明不符").check()
    form.get_by_label("投诉内容").fill(COMPLAINT)
    form.get_by_role("button", name="提交投诉").click()
    success_message(student, "投诉已提交，学校将进行调查处理")
    expect(student.get_by_test_id("student-complaints")).to_contain_text("待处理")

    open_sidebar_link(school, "实习投诉处理", "实习投诉处理")
    row = school.get_by_test_id("school-complaints").locator("tbody tr", has_text=STUDENT)
    expect(row).to_contain_text("待处理")
    row.get_by_role("link", name="处理").click()
    form = school.get_by_test_id("conclude-form")
    form.get_by_label("投诉情况属实").check()
    form.get_by_label("处理意见").fill(CONCLUSION)
    form.get_by_role("button", name="提交处理结论").click()
    success_message(school, "处理结论已提交，已通知企业和学生")
    expect(school.get_by_test_id("complaint-status")).to_have_text("投诉情况属实")
    expect(school.get_by_test_id("complaint-conclusion")).to_have_text(CONCLUSION)

    student.reload()
    open_sidebar_link(student, "我的实习投诉", "我的实习投诉")
    row = student.get_by_test_id("student-complaints").locator("tbody tr", has_text=HOST)
    expect(row).to_contain_text("投诉情况属实")
    expect(row).to_contain_text(CONCLUSION)

    open_sidebar_link(host, "实习投诉管理", "实习投诉管理")
    row = host.get_by_test_id("enterprise-complaints").locator("tbody tr", has_text=STUDENT)
    expect(row).to_contain_text("投诉情况属实")
    expect(row).to_contain_text("刘老师")
    row.get_by_label("选择").check()
    host.get_by_role("button", name="申诉").click()
    expect(host.get_by_role("heading", name="申诉")).to_be_visible()
    form = host.get_by_test_id("appeal-form")
    expect(form.get_by_test_id("appeal-selected")).to_contain_text(STUDENT)
    form.get_by_label("申诉内容").fill(APPEAL)
    form.get_by_role("button", name="提交申诉").click()
    success_message(host, "申诉已提交，等待学校处理")
    expect(host.get_by_test_id("appeal-status")).to_have_text("待处理")
    shot(host, "internship-03-appeal-pending")


def test_internship_journey(pages, live_server, school_admin, county_reviewer_a, other_positions, tmp_path):
    base = live_server.url
    school, host, county = pages["school"], pages["host"], pages["county"]

    # 1. The school recommends a new enterprise and reads its codes.
    sign_in(school, base, "school", PASSWORD, expected_org=SCHOOL)
    platform_code, activation_code = recommend_new_enterprise(school, name=HOST, credit_code=HOST_CODE)
    shot(school, "internship-00-recommended")

    # 2. The enterprise activates its account and is verified by the county HR department.
    activate(host, base, credit_code=HOST_CODE, activation_code=activation_code, mobile=HOST_MOBILE,
             password=PASSWORD)
    host_verifies(host, county, base, tmp_path)
    profile = EnterpriseProfile.objects.get(organisation__credit_code=HOST_CODE)
    assert profile.admission_status == AdmissionStatus.ADMITTED

    # 3. 在岗职工总数, a refused position, fixed and published.
    host_publishes_position(host)

    # 4. The student, on the roll, signs in and chooses five positions.
    student, host_b = pages["student"], pages["host_b"]
    accept_dialogs(school, host, student, host_b)
    add_to_roll(school, name=STUDENT, id_number=STUDENT_ID, enrolled_on=ENROLLED_ON, mobile=STUDENT_MOBILE)
    student_chooses_five(student, base)

    # 5. Two enterprises agree; the first wins, the other is told.
    two_enterprises_agree(host, host_b, base)

    # The student sees the outcome: one agreement, the four other choices withdrawn automatically.
    open_sidebar_link(student, "我的实习申请", "我的实习申请")
    expect(student.get_by_test_id("signed-with")).to_have_text(f"您已与“{HOST}”签约（{POSITION}）。")
    applications = student.get_by_test_id("application-list").locator("tbody tr")
    expect(applications.filter(has_text=POSITION)).to_contain_text("企业同意签约")
    expect(applications.filter(has_text="已与其他企业签约，自动撤回")).to_have_count(4)

    # 6. Terms, the student's confirmation, the consent form, the school's signature; a group with a teacher.
    school_fills_terms(school)
    student_confirms(student)
    school_signs_and_groups(school, tmp_path)

    # 7. The enterprise: the mentor, the policy, arrival, evaluation.
    host_mentor_policy_arrival_evaluation(host, tmp_path)
    school.goto(base + "/")
    open_sidebar_link(school, "学生实习总览", "学生实习总览")
    school.get_by_test_id("overview").get_by_role("link", name=STUDENT).click()
    expect(school.get_by_test_id("mentor")).to_have_text("赵师傅 13900139000")
    expect(school.get_by_test_id("insured")).to_have_text("覆盖实习期")

    # 8. The complaint, the school's conclusion, the enterprise's appeal.
    complaint_and_appeal(student, school, host)
