"""What the browser journeys do over and over: sign in and out through the pages, read an SMS code from the
outbox, pick a region in the cascading selects, make a licence image, save a screenshot.

Every wait is on something the page shows (Playwright's `expect`) or on its load event, never on time."""

import re
from pathlib import Path

from PIL import Image, ImageDraw
from playwright.sync_api import Page, expect

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
SMS_CODE = re.compile(r"验证码为 (\d{6})")


def scripts_ready(page: Page) -> None:
    """htmx and Bootstrap are loaded with `defer`: an expect() can already see the new page's markup before
    they have run, and a click on an htmx button or a dropdown toggle would then do nothing. Call this once
    the new page is known to be there (after an expect on its content)."""
    page.wait_for_load_state("load")
    assert page.evaluate("() => Boolean(window.htmx && window.bootstrap)")


def shot(page: Page, name: str) -> Path:
    """var/screenshots/<name>.png of the whole page."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def latest_sms_code(mobile: str) -> str:
    """The code in the newest text 'sent' to `mobile` (the default sender writes to the outbox table)."""
    from accounts.models import SmsOutboxMessage

    message = SmsOutboxMessage.objects.filter(mobile=mobile).order_by("-created_at", "-id").first()
    assert message is not None, f"no SMS was sent to {mobile}"
    match = SMS_CODE.search(message.message)
    assert match, f"no code in {message.message!r}"
    return match.group(1)


def submit_login(page: Page, identifier: str, password: str) -> None:
    """Fill and send the sign-in form on the current page; tests run with CAPTCHA_TEST_MODE, which accepts
    "PASSED" (a re-rendered form carries a new captcha, so it is filled every time)."""
    page.fill("input[name=identifier]", identifier)
    page.fill("input[name=password]", password)
    page.fill("input[name=captcha_1]", "PASSED")
    page.locator("form").get_by_role("button", name="登录", exact=True).click()


def sign_in(page: Page, base_url: str, identifier: str, password: str, *, expected_org: str) -> None:
    page.goto(base_url + "/accounts/login/")
    submit_login(page, identifier, password)
    expect(page.get_by_role("heading", name="工作桌面")).to_be_visible()
    expect(page.get_by_test_id("current-org")).to_have_text(expected_org)


def sign_out(page: Page) -> None:
    scripts_ready(page)
    page.locator("header .dropdown-toggle").click()
    logout = page.get_by_role("button", name="退出登录")
    expect(logout).to_be_visible()
    logout.click()
    expect(page.get_by_role("alert").filter(has_text="您已安全退出登录")).to_be_visible()
    expect(page.get_by_test_id("current-org")).to_have_count(0)


def unread_count(page: Page) -> int:
    """The red number on the bell in the header (it is absent when nothing is unread)."""
    badge = page.get_by_test_id("unread-count")
    expect(badge).to_have_text(re.compile(r"^\d+$"))
    return int(badge.inner_text())


def open_sidebar_link(page: Page, label: str, heading: str) -> None:
    # By text, not by accessible name: Chromium counts the icon font's ::before glyph into the name.
    page.locator("nav.praxis-sidebar a.nav-link", has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")).click()
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()


def htmx_settled(page: Page) -> None:
    """Wait until no htmx request is in flight. Choosing an option that was already chosen (a form prefilled
    with the region) still reloads the lists below it: a list that already holds the wanted option may be
    replaced a moment later, resetting what was chosen from it."""
    page.wait_for_function("() => !document.querySelector('.htmx-request')")


def pick_region(page: Page, province: str, city: str, county: str) -> None:
    """Choose province → city → county by their labels, waiting each time for htmx to load the next list."""
    scripts_ready(page)
    page.select_option("#id_region__province", label=province)
    htmx_settled(page)
    expect(page.locator("#id_region__city option", has_text=city)).to_have_count(1)
    page.select_option("#id_region__city", label=city)
    htmx_settled(page)
    expect(page.locator("#id_region option", has_text=county)).to_have_count(1)
    page.select_option("#id_region", label=county)
    expect(page.locator("#id_region option:checked")).to_have_text(county)


def licence_png(directory: Path) -> Path:
    """A small but real PNG (well under the 200 KB limit for 营业执照)."""
    path = directory / "营业执照.png"
    image = Image.new("RGB", (480, 320), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, 10, 470, 310), outline="red", width=6)
    draw.rectangle((60, 120, 420, 150), fill="black")
    image.save(path, format="PNG")
    assert path.stat().st_size < 200 * 1024
    return path
