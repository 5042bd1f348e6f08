"""The foundation's end-to-end journey in a real browser: an enterprise registers itself, signs in again, submits
real-name verification, is sent back by the county reviewer, resubmits, is approved and prints its
registration form. Only the reviewer's account is made directly; everything else goes through the pages."""

import subprocess

import pytest
from playwright.sync_api import expect

from organisations.models import Organisation, VerificationStatus
from regions.models import RegionLevel
from tests import factories
from tests.browser.journey_pages import (
    SCREENSHOTS,
    latest_sms_code,
    licence_png,
    open_sidebar_link,
    pick_region,
    scripts_ready,
    shot,
    sign_in,
    sign_out,
    submit_login,
    unread_count,
)

ORG_NAME = "郑州旅程测试科技有限公司"
CREDIT_CODE = factories.make_credit_code("410105", seed=20260417)
MOBILE = "13912340417"
PASSWORD = factories.PASSWORD
RETURN_REASON = "营业执照照片不清晰，且详细地址缺少门牌号，请补充后重新提交。"
NEW_ADDRESS = "郑州市金水区花园路88号创新大厦12层"


@pytest.fixture
def county_reviewer(transactional_db):
    office = factories.GovernmentFactory(
        name="金水区人力资源和社会保障局", gov_level=RegionLevel.COUNTY, region=factories.region("410105")
    )
    return factories.org_admin(office, username="jinshui_reviewer", real_name="金水审核员")


@pytest.fixture
def reviewer_page(new_context):
    """The reviewer works in a second browser context: separate cookies, separate session."""
    return new_context().new_page()


def register(page, base_url):
    page.goto(base_url + "/")
    page.get_by_role("link", name="单位注册", exact=True).click()
    expect(page.get_by_role("heading", name="单位入驻（自荐注册）")).to_be_visible()
    scripts_ready(page)
    page.fill("#id_name", ORG_NAME)
    page.fill("#id_credit_code", CREDIT_CODE)
    page.fill("#id_legal_representative", "赵立新")
    page.select_option("#id_kind", label="企业")
    page.fill("#id_mobile", MOBILE)
    page.get_by_test_id("send-sms").click()
    expect(page.get_by_test_id("sms-result")).to_have_text("验证码已发送至 139****0417，5 分钟内有效")
    page.fill("#id_sms_code", latest_sms_code(MOBILE))
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.check("#id_agree")
    shot(page, "journey-01-register-filled")
    page.get_by_role("button", name="提交注册").click()

    expect(page).to_have_url(base_url + "/org/profile/")
    expect(page.get_by_role("alert").filter(has_text="注册成功")).to_be_visible()
    expect(page.get_by_test_id("current-org")).to_have_text(ORG_NAME)
    expect(page.get_by_test_id("verification-banner")).to_contain_text("当前状态：未认证")
    expect(page.get_by_test_id("verification-history")).to_contain_text("尚未提交实名认证")


def complete_profile_and_submit(page, licence):
    pick_region(page, "河南省", "郑州市", "金水区")
    page.fill("#id_address", "郑州市金水区花园路88号")
    page.fill("#id_contact_person", "钱晓燕")
    page.fill("#id_contact_phone", "0371-66668888")
    page.fill("#id_introduction", "从事软件开发与信息技术服务，可提供实习和见习岗位。")
    page.set_input_files("#id_business_licence", str(licence))
    shot(page, "journey-03-profile-filled")
    page.get_by_role("button", name="保存并提交认证").click()

    expect(page.get_by_role("alert").filter(has_text="已提交实名认证，请等待属地人社部门审核。")).to_be_visible()
    expect(page.get_by_test_id("verification-banner")).to_contain_text("当前状态：认证审核中")
    expect(page.get_by_test_id("licence-link")).to_contain_text("营业执照.png")
    expect(page.get_by_role("button", name="保存并提交认证")).to_have_count(0)
    expect(page.get_by_test_id("withdraw-form")).to_be_visible()
    shot(page, "journey-04-profile-pending")


def open_in_inbox(page, round_number: int):
    open_sidebar_link(page, "待我审核", "待我审核")
    row = page.get_by_test_id("inbox-table").locator("tbody tr", has_text=ORG_NAME)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(f"单位实名认证：{ORG_NAME}")
    if round_number > 1:
        expect(row).to_contain_text(f"第{round_number}次申报")
    row.get_by_role("link", name="审核").click()
    expect(page.get_by_role("heading", name=f"单位实名认证：{ORG_NAME}")).to_be_visible()
    expect(page.get_by_test_id("review-round")).to_have_text(f"第{round_number}次申报")


def decide(page, decision: str, reason: str = ""):
    form = page.get_by_test_id("decision-form")
    expect(form).to_be_visible()
    scripts_ready(page)  # the form posts through htmx, which swaps in the panel with the notice
    form.get_by_label(decision, exact=True).check()
    if reason:
        form.get_by_label("审核意见").fill(reason)
    form.get_by_role("button", name="提交审核结论").click()
    expect(page.get_by_test_id("review-notice")).to_have_text(f"已提交审核结论：{decision}")
    expect(page.get_by_test_id("decision-form")).to_have_count(0)


def history_rows(page):
    """(round, action, reason) of each row of the profile's verification history, oldest first."""
    rows = page.get_by_test_id("verification-history").locator("tbody tr")
    expect(rows.first).to_be_visible()
    return [
        (cells[1], cells[2], cells[5])
        for cells in (row.locator("td").all_inner_texts() for row in rows.all())
    ]


def test_enterprise_registers_is_returned_resubmits_is_approved_and_prints(
    page, reviewer_page, live_server, county_reviewer, tmp_path
):
    base = live_server.url

    # 1. Self-registration with an SMS code; the new administrator is signed in on the profile page.
    register(page, base)
    shot(page, "journey-02-registered")

    # 2. Out and back in, with the credit code as the account name.
    sign_out(page)
    sign_in(page, base, CREDIT_CODE, PASSWORD, expected_org=ORG_NAME)
    expect(page.get_by_test_id("verification-banner")).to_contain_text("当前状态：未认证")
    open_sidebar_link(page, "单位信息与认证", "单位信息与认证")

    # 3. The profile, completed and submitted for verification.
    complete_profile_and_submit(page, licence_png(tmp_path))

    # 4. The county reviewer, in a second browser, is told and sends it back.
    sign_in(reviewer_page, base, "jinshui_reviewer", PASSWORD, expected_org="金水区人力资源和社会保障局")
    assert unread_count(reviewer_page) == 1
    expect(reviewer_page.get_by_test_id("pending-review-count")).to_have_text("1")
    open_in_inbox(reviewer_page, 1)
    reviewer_page.get_by_test_id("subject-link").click()
    expect(reviewer_page.get_by_test_id("organisation-summary")).to_contain_text("郑州市金水区花园路88号")
    expect(reviewer_page.get_by_test_id("licence-link").locator("img")).to_have_js_property("complete", True)
    reviewer_page.go_back()
    shot(reviewer_page, "journey-05-reviewer-decision-form")
    decide(reviewer_page, "退回修改", RETURN_REASON)
    expect(reviewer_page.get_by_test_id("review-status")).to_have_text("退回修改")

    # 5. The enterprise sees the message, the status and the reason, fixes the address and resubmits.
    page.reload()
    assert unread_count(page) == 1
    page.locator("#notification-bell").click()
    message = page.get_by_test_id("message-list").locator("a", has_text=f"退回修改：单位实名认证：{ORG_NAME}")
    expect(message).to_have_text(f"未读退回修改：单位实名认证：{ORG_NAME}（原因：{RETURN_REASON}）")
    message.click()
    expect(page.get_by_test_id("review-status")).to_have_text("退回修改")
    expect(page.get_by_test_id("unread-count")).to_have_count(0)
    open_sidebar_link(page, "单位信息与认证", "单位信息与认证")
    expect(page.get_by_test_id("verification-banner")).to_contain_text("当前状态：退回修改")
    expect(page.get_by_test_id("last-decision")).to_have_text("上次认证结果：退回修改。请根据审核意见修改后重新提交。")
    expect(page.get_by_test_id("verification-history")).to_contain_text(RETURN_REASON)
    shot(page, "journey-06-profile-returned")
    page.fill("#id_address", NEW_ADDRESS)
    assert page.input_value("#id_region") == "410105"
    page.get_by_role("button", name="保存并提交认证").click()
    expect(page.get_by_test_id("verification-banner")).to_contain_text("当前状态：认证审核中")

    # 6. The reviewer sees the second round and approves it; the enterprise is verified.
    reviewer_page.goto(base + "/")
    assert unread_count(reviewer_page) == 2
    open_in_inbox(reviewer_page, 2)
    expect(reviewer_page.get_by_test_id("review-rounds")).to_contain_text("第1次（退回修改）")
    decide(reviewer_page, "通过")
    expect(reviewer_page.get_by_test_id("review-status")).to_have_text("审核通过")
    shot(reviewer_page, "journey-07-reviewer-approved")

    page.reload()
    expect(page.get_by_test_id("verification-banner")).to_contain_text("本单位已通过实名认证")
    expect(page.get_by_role("button", name="保存并提交认证")).to_have_count(0)
    expect(page.locator("#id_name")).to_be_disabled()
    expect(page.locator("#id_address")).to_have_value(NEW_ADDRESS)
    expect(page.get_by_test_id("verification-history").locator("tbody tr")).to_have_count(4)
    assert history_rows(page) == [
        ("第 1 次", "提交", ""),
        ("第 1 次", "退回修改", RETURN_REASON),
        ("第 2 次", "提交", ""),
        ("第 2 次", "审核通过", ""),
    ]
    shot(page, "journey-08-profile-verified")
    assert unread_count(page) == 1
    page.locator("#notification-bell").click()
    approved = page.get_by_test_id("message-list").locator("a", has_text=f"审核通过：单位实名认证：{ORG_NAME}")
    expect(approved).to_have_text(f"未读审核通过：单位实名认证：{ORG_NAME}")
    approved.click()
    page.get_by_test_id("subject-link").click()
    expect(page.get_by_test_id("verification-status")).to_contain_text("已认证")
    organisation = Organisation.objects.get(credit_code=CREDIT_CODE)
    assert organisation.verification_status == VerificationStatus.VERIFIED

    # 7. The registration form, fetched through the link with the enterprise's own session.
    open_sidebar_link(page, "单位信息与认证", "单位信息与认证")
    link = page.get_by_role("link", name="打印单位登记表（PDF）")
    href = link.get_attribute("href")
    assert href == f"/print/organisation/{organisation.pk}/registration.pdf"
    response = page.context.request.get(base + href)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    pdf = response.body()
    assert pdf.startswith(b"%PDF")
    pdf_path = SCREENSHOTS / "journey-09-registration.pdf"
    pdf_path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf_path), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert ORG_NAME in text
    assert CREDIT_CODE in text
    assert NEW_ADDRESS in text


def test_second_wrong_password_warns_how_many_tries_are_left(page, live_server, transactional_db):
    organisation = factories.OrganisationFactory(name="密码提示测试有限公司")
    factories.org_admin(organisation, username="warned_admin")

    page.goto(live_server.url + "/accounts/login/")
    submit_login(page, "warned_admin", "Wrong#Pass1")
    expect(page.get_by_test_id("form-errors")).to_have_text("账号或密码错误")
    expect(page.locator("input[name=identifier]")).to_have_value("warned_admin")
    expect(page.locator("input[name=password]")).to_have_value("")

    # Again on the page the server sent back (a new captcha, the account name kept).
    submit_login(page, "warned_admin", "Wrong#Pass2")
    expect(page.get_by_test_id("form-errors")).to_have_text("账号或密码错误，再错 4 次账号将被冻结 2 小时")
    shot(page, "login-wrong-password-warning")

    submit_login(page, "warned_admin", PASSWORD)
    expect(page.get_by_role("heading", name="工作桌面")).to_be_visible()
    expect(page.get_by_test_id("current-org")).to_have_text("密码提示测试有限公司")
