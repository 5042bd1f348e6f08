"""Page steps of the continuing-education (专业技术人员继续教育) journey used more than once.

Every wait is on something the page shows (Playwright's `expect`) or on its load event, never on time."""

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.apprenticeship_pages import message
from tests.browser.journey_pages import latest_sms_code, scripts_ready, submit_login
from tests.browser.traineeship_pages import fill_template

__all__ = ["choose_containing", "desk_count", "import_file", "open_desk", "register_person", "sign_in_person"]


def register_person(page: Page, base_url: str, *, username: str, name: str, id_number: str, mobile: str,
                    password: str) -> None:
    """个人注册 from the sign-in page: login account, name, ID number, mobile with the SMS code from the outbox."""
    page.goto(base_url + "/accounts/login/")
    page.get_by_test_id("person-register").click()
    expect(page.get_by_role("heading", name="个人注册")).to_be_visible()
    scripts_ready(page)  # 发送验证码 posts through htmx
    page.get_by_label("登录账号").fill(username)
    page.get_by_label("姓名").fill(name)
    page.get_by_label("身份证号").fill(id_number)
    page.get_by_label("手机号").fill(mobile)
    page.get_by_test_id("send-sms").click()
    expect(page.locator("#sms-result-mobile")).to_contain_text("验证码已发送")
    page.get_by_label("短信验证码").fill(latest_sms_code(mobile))
    page.get_by_label("设置密码").fill(password)
    page.get_by_label("确认密码").fill(password)
    page.fill("input[name=captcha_1]", "PASSED")
    page.get_by_role("button", name="注册", exact=True).click()
    message(page, "注册成功，已为您登录。")


def sign_in_person(page: Page, base_url: str, identifier: str, password: str) -> None:
    """Sign in an account with no organisation (the header then shows 个人用户)."""
    page.goto(base_url + "/accounts/login/")
    submit_login(page, identifier, password)
    expect(page.get_by_role("heading", name="工作桌面")).to_be_visible()
    expect(page.get_by_test_id("current-org")).to_have_text("个人用户")


def choose_containing(select, text: str) -> None:
    """Choose the one option of `select` whose label contains `text`."""
    option = select.locator("option", has_text=text)
    expect(option).to_have_count(1)
    select.select_option(value=option.get_attribute("value"))


def open_desk(page: Page) -> None:
    """The programme's 工作桌面 (the portal's home has the same heading: the menu link is told by its address)."""
    page.locator('nav.praxis-sidebar a.nav-link[href="/continuing-education/desk/"]').click()
    expect(page).to_have_url(re.compile(r"/continuing-education/desk/$"))
    expect(page.get_by_role("heading", name=re.compile(r"^工作桌面")).first).to_be_visible()
    expect(page.get_by_test_id("unit-counts")).to_be_visible()


def desk_count(page: Page, name: str) -> int:
    count = page.get_by_test_id(f"count-{name}")
    expect(count).to_have_text(re.compile(r"^\s*\d+\s*$"))
    return int(count.inner_text())


def import_file(page: Page, rows: list[list], directory: Path, name: str, *, created: int, failed: int = 0) -> None:
    """On a batch import page: download the template, fill `rows` in, upload it and wait for the job page to count
    `created` new and `failed` failed rows."""
    expect(page.get_by_test_id("import-form")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_test_id("download-template").click()
    template = directory / f"{name}-template.xlsx"
    download_info.value.save_as(template)
    filled = fill_template(template, rows, directory / f"{name}.xlsx")
    page.set_input_files("#id_file", str(filled))
    page.get_by_role("button", name="开始导入").click()
    expect(page.get_by_test_id("job-progress")).to_contain_text(f"已处理 {len(rows)} / {len(rows)} 行")
    counts = page.get_by_test_id("job-counts")
    expect(counts.locator("[data-count=created]")).to_have_text(str(created))
    expect(counts.locator("[data-count=failed]")).to_have_text(str(failed))
