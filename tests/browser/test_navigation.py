"""The grouped menu in a browser: on a phone it opens from the header button, a programme's section folds
and unfolds, and the page opened is the one entry highlighted."""

from playwright.sync_api import expect

from tests import factories
from tests.browser.journey_pages import scripts_ready, sign_in


def test_phone_menu_opens_folds_and_highlights_one_entry(page, live_server, screenshot):
    organisation = factories.OrganisationFactory(name="郑州菜单测试有限公司")
    factories.org_admin(organisation, username="menu_admin", real_name="菜单管理员")
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, live_server.url, "menu_admin", factories.PASSWORD, expected_org="郑州菜单测试有限公司")
    scripts_ready(page)
    menu = page.locator("#praxis-nav")
    expect(menu).to_be_hidden()
    page.get_by_test_id("nav-toggle").click()
    expect(menu).to_be_visible()
    entry = menu.locator("a.nav-link", has_text="见习岗位")
    expect(entry.first).to_be_visible()
    # The programme's heading folds its entries and unfolds them again.
    heading = menu.locator("button[data-bs-target='#nav-traineeships']")
    heading.click()
    expect(menu.locator("#nav-traineeships")).to_be_hidden()
    heading.click()
    expect(menu.locator("#nav-traineeships")).to_be_visible()
    menu.locator("a.nav-link", has_text="岗位查询").click()
    expect(page.get_by_role("heading", name="就业见习岗位查询")).to_be_visible()
    page.get_by_test_id("nav-toggle").click()
    expect(menu.locator("a.nav-link.active")).to_have_count(1)
    expect(menu.locator("a.nav-link.active")).to_contain_text("岗位查询")
    # The last section is reached by scrolling the page: since the continuing-education section joined, the
    # sections' headings alone no longer fit on a 844 px screen.
    messages = menu.locator("a.nav-link", has_text="站内消息")
    messages.scroll_into_view_if_needed()
    expect(messages).to_be_in_viewport()
    screenshot("navigation-phone")
