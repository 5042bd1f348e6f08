"""Page steps of the internship (职业院校学生实习) journey: the enterprise's entry through a school's recommendation,
its positions, and the fields of the forms it fills. Every wait is on something the page shows."""

import re

from playwright.sync_api import Page, expect

from tests.browser.journey_pages import latest_sms_code, open_sidebar_link, pick_region, scripts_ready
from tests.browser.traineeship_pages import pick_cascade, success_message


def recommend_new_enterprise(school: Page, *, name: str, credit_code: str) -> tuple[str, str]:
    """学校管理员: 推荐实习企业 → 推荐录入新企业; returns (platform code, activation code) as the list shows them."""
    open_sidebar_link(school, "推荐实习企业", "本校推荐的实习企业")
    school.get_by_role("link", name="推荐录入新企业").click()
    expect(school.get_by_role("heading", name="推荐录入新企业")).to_be_visible()
    scripts_ready(school)
    form = school.get_by_test_id("recommend-form")
    form.get_by_label("单位名称").fill(name)
    form.get_by_label("统一社会信用代码").fill(credit_code)
    form.get_by_label("法人代表").fill("周建国")
    form.get_by_label("单位类型").select_option(label="企业")
    pick_region(school, "河南省", "郑州市", "金水区")
    form.get_by_label("联系人").fill("孙经理")
    form.get_by_label("联系电话").fill("0371-65550001")
    form.get_by_label("实地考察情况").fill("已实地考察：资质齐全，车间安全防护到位，宿舍为4人间。")
    form.get_by_role("button", name="推荐").click()
    success_message(school, "已推荐录入，请将平台代码和激活码告知企业")
    row = school.get_by_test_id("recommendation-list").locator("tbody tr", has_text=name)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(credit_code)
    expect(row).to_contain_text("未激活")
    cells = row.locator("td").all_inner_texts()
    platform_code, activation_code = cells[2].strip(), cells[3].strip()
    assert re.fullmatch(r"\S{6,}", platform_code), platform_code
    assert re.fullmatch(r"[0-9A-Za-z]{8}", activation_code), activation_code
    return platform_code, activation_code


def activate(page: Page, base: str, *, credit_code: str, activation_code: str, mobile: str, password: str) -> None:
    """The enterprise's administrator on 激活账号 (linked from the sign-in page)."""
    page.goto(base + "/org/activate/")
    expect(page.get_by_role("heading", name="激活账号")).to_be_visible()
    scripts_ready(page)
    page.get_by_label("统一社会信用代码").fill(credit_code)
    page.get_by_label("激活码").fill(activation_code)
    page.fill("#id_password1", password)
    page.fill("#id_password2", password)
    page.get_by_label("绑定手机号").fill(mobile)
    page.get_by_test_id("send-sms").click()
    expect(page.locator("#sms-result-mobile")).to_contain_text("验证码已发送至")
    page.fill("#id_sms_code", latest_sms_code(mobile))
    page.get_by_role("button", name="立即激活").click()
    success_message(page, "账号激活成功。请完善单位信息并提交实名认证。")


def position_form(page: Page, *, title: str, pay_min: str, same_post_wage: str, places: str = "2",
                  starts_on, ends_on, apply_from, apply_until) -> None:
    """新增实习岗位, every field by its label."""
    form = page.get_by_test_id("position-form")
    scripts_ready(page)
    form.get_by_label("岗位名称").fill(title)
    form.get_by_label("实习部门").fill("数控车间")
    form.get_by_label("实习报酬下限（元/月）").fill(pay_min)
    form.get_by_label("实习报酬上限（元/月）").fill("3200")
    form.get_by_label("本单位相同岗位工资标准（元/月）").fill(same_post_wage)
    form.get_by_label("报酬发放周期").select_option(label="按月发放")
    form.get_by_label("报酬发放方式").select_option(label="货币，直接发放给学生本人")
    form.get_by_label("不限").check()
    form.get_by_label("实习人数").fill(places)
    form.get_by_label("同类岗位在岗职工数").fill("60")
    form.get_by_label("对口专业").fill("数控技术")
    # The work region comes from the enterprise's profile; choosing it again would reload the lists under it.
    if page.input_value("#id_work_region") != "410105":
        pick_cascade(page, "id_work_region", "河南省", "郑州市", "金水区")
    expect(page.locator("#id_work_region")).to_have_value("410105")
    form.get_by_label("工作地址").fill("郑州市金水区文化路99号")
    form.get_by_label("2-4人间").check()
    form.get_by_label("无夜班").check()
    form.get_by_label("无加班").check()
    form.get_by_label("报名日期始").fill(apply_from.isoformat())
    form.get_by_label("报名日期止").fill(apply_until.isoformat())
    form.get_by_label("实习开始日期").fill(starts_on.isoformat())
    form.get_by_label("实习结束日期").fill(ends_on.isoformat())
    form.get_by_label("岗位描述").fill("在师傅指导下操作数控车床，加工轴类零件。")
    form.get_by_label("学习技能").fill("数控编程与车削工艺")
    form.get_by_label("实习要求").fill("遵守车间安全操作规程")
    checklist_settled(page)


def checklist_settled(page: Page) -> None:
    """Leave the field being typed in and wait until the live checklist's requests are answered. A checklist
    request still running when the form is saved would write back the session it read before the save, and
    with it drop the save's message (messages live in the session, which every request saves)."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.wait_for_timeout(1000)  # past the checklist's `keyup delay:800ms`, so no typed key still waits to be sent
    page.wait_for_load_state("networkidle")


def add_to_roll(school: Page, *, name: str, id_number: str, enrolled_on, mobile: str) -> None:
    """学生名册 → 新增."""
    open_sidebar_link(school, "学生名册", "实习学生名册")
    school.get_by_role("link", name="新增").click()
    expect(school.get_by_role("heading", name="新增学生")).to_be_visible()
    form = school.locator("form", has=school.get_by_label("身份证号"))
    form.get_by_label("姓名").fill(name)
    form.get_by_label("身份证号").fill(id_number)
    form.get_by_label("学历层次").select_option(label="高职专科")
    form.get_by_label("专业").fill("数控技术")
    form.get_by_label("班级").fill("数控2401班")
    form.get_by_label("入学日期").fill(enrolled_on.isoformat())
    form.get_by_label("手机号").fill(mobile)
    form.get_by_role("button", name="保存").click()
    success_message(school, f"已添加学生“{name}”")
    expect(school.get_by_role("heading", name="实习学生名册")).to_be_visible()


def student_signs_in(student: Page, base: str, *, name: str, id_number: str, mobile: str) -> None:
    """From the home page: name + ID number, then the mobile bound by SMS code; lands on the positions."""
    student.goto(base + "/")
    student.get_by_role("link", name="职业院校学生登录（姓名 + 身份证号）").click()
    expect(student.get_by_role("heading", name="职业院校学生实习登录")).to_be_visible()
    student.get_by_label("姓名").fill(name)
    student.get_by_label("身份证号").fill(id_number)
    student.fill("input[name=captcha_1]", "PASSED")
    student.get_by_role("button", name="登录", exact=True).click()
    expect(student.get_by_role("heading", name="绑定手机号")).to_be_visible()
    scripts_ready(student)
    student.fill("#id_mobile", mobile)
    student.get_by_test_id("send-sms").click()
    expect(student.locator("#sms-result-mobile")).to_contain_text("验证码已发送至")
    student.fill("#id_sms_code", latest_sms_code(mobile))
    student.get_by_role("button", name="绑定并继续").click()
    success_message(student, "登录成功")
    expect(student.get_by_role("heading", name="可选择的实习岗位")).to_be_visible()


def accept_dialogs(*pages: Page) -> None:
    """The data-confirm buttons ask through window.confirm: each person answers 确定."""
    for page in pages:
        page.on("dialog", lambda dialog: dialog.accept())
