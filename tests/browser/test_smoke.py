import re

import pytest
from playwright.sync_api import expect


def option_values(page, selector):
    return page.eval_on_selector_all(f"{selector} option", "options => options.map(o => o.value)")


def test_landing_page_renders_chinese(page, live_server, screenshot):
    page.goto(live_server.url + "/")
    expect(page).to_have_title(re.compile("人社业务协同平台"))
    expect(page.locator("h1")).to_have_text("Praxis 人社业务协同平台")
    expect(page.get_by_role("link", name="登录", exact=True)).to_be_visible()
    # Bootstrap loaded from our own static files: the navbar has its primary background colour.
    background = page.eval_on_selector("header.navbar", "el => getComputedStyle(el).backgroundColor")
    assert background == "rgb(13, 110, 253)"
    assert page.evaluate("() => window.htmx && window.htmx.version") == "2.0.10"
    screenshot("landing")


def test_login_page_shows_the_captcha_image(page, live_server, screenshot):
    page.goto(live_server.url + "/accounts/login/")
    captcha = page.locator("img.captcha")
    expect(captcha).to_be_visible()
    assert page.eval_on_selector("img.captcha", "img => img.complete && img.naturalWidth") == 110
    expect(page.locator("input[name=identifier]")).to_be_visible()
    expect(page.locator("input[name=password]")).to_be_visible()
    screenshot("login")


@pytest.mark.urls("tests.regions.cascade_urls")
def test_region_cascade_loads_children_and_keeps_the_choice_after_an_error(page, live_server, screenshot):
    page.goto(live_server.url + "/cascade-demo/")
    page.select_option("#id_region__province", "410000")
    expect(page.locator("#id_region__city option[value='410100']")).to_have_count(1)
    page.select_option("#id_region__city", "410100")
    expect(page.locator("#id_region option[value='410105']")).to_have_count(1)
    page.select_option("#id_region", "410105")

    page.click("button[type=submit]")  # name left empty: the server refuses the form
    expect(page.locator("[data-field-error=name]")).to_have_text("请填写单位名称")
    assert page.input_value("#id_region__province") == "410000"
    assert page.input_value("#id_region__city") == "410100"
    assert page.input_value("#id_region") == "410105"
    screenshot("region-cascade-error")

    # Another province: its cities load and the county list empties (out-of-band swap).
    page.select_option("#id_region__province", "110000")
    expect(page.locator("#id_region__city option[value='110100']")).to_have_count(1)
    expect(page.locator("#id_region option")).to_have_count(1)
    page.select_option("#id_region__city", "110100")
    expect(page.locator("#id_region option[value='110101']")).to_have_count(1)
    page.select_option("#id_region", "110101")
    page.fill("#id_name", "北京测试单位")
    page.click("button[type=submit]")
    expect(page.locator("#chosen")).to_have_text("已选择：北京市 东城区（110101）")


@pytest.mark.urls("tests.regions.cascade_urls")
def test_region_cascade_stopping_at_the_city_is_refused(page, live_server):
    page.goto(live_server.url + "/cascade-demo/")
    page.fill("#id_name", "济源测试单位")
    page.select_option("#id_region__province", "410000")
    expect(page.locator("#id_region__city option[value='419000']")).to_have_count(1)
    page.select_option("#id_region__city", "419000")
    expect(page.locator("#id_region option")).to_have_count(2)
    assert option_values(page, "#id_region") == ["", "419001"]
    page.click("button[type=submit]")
    expect(page.locator("[data-field-error=region]")).to_have_text("请选择到区县一级")
    assert page.input_value("#id_region__city") == "419000"
    assert page.input_value("#id_name") == "济源测试单位"
    page.select_option("#id_region", "419001")
    page.click("button[type=submit]")
    expect(page.locator("#chosen")).to_have_text("已选择：河南省 省直辖县级行政区划 济源市（419001）")
