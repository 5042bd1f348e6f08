"""开放接口密钥 and 事件推送 in the browser: an administrator issues a key (shown once) that then answers /api/v1/me/,
and registers a webhook subscription (its secret shown once)."""

import json
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.browser.journey_pages import open_sidebar_link, shot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_administrator_issues_a_key_and_subscribes(page, live_server, admin_a, password, settings):
    settings.WEBHOOK_ALLOW_LOOPBACK = True
    sign_in(page, live_server.url, admin_a.username, password, expected_org=admin_a.organisation.name)
    open_sidebar_link(page, "开放接口密钥", "开放接口密钥")
    page.get_by_test_id("key-issue").click()
    form = page.get_by_test_id("key-form")
    form.get_by_label("名称").fill("人事系统同步")
    form.get_by_role("button", name="签发").click()
    expect(form.get_by_text("请至少选择一项权限范围")).to_be_visible()  # the message next to the field
    form.get_by_label("名称").fill("人事系统同步")
    form.locator("input[value='organisations:read']").check()
    form.get_by_role("button", name="签发").click()
    expect(page.get_by_role("heading", name="接口密钥已签发：人事系统同步")).to_be_visible()
    token = page.get_by_label("密钥", exact=True).input_value()
    shot(page, "api-01-key-issued")
    request = urllib.request.Request(live_server.url + "/api/v1/me/", headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request) as response:
        assert json.loads(response.read())["scopes"] == ["organisations:read"]

    open_sidebar_link(page, "事件推送", "事件推送（Webhook）")
    page.get_by_role("link", name="新增订阅").click()
    page.get_by_label("名称").fill("人事系统")
    page.get_by_label("接收地址").fill("http://127.0.0.1:9/hook")
    page.get_by_label("审核结论").check()
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_role("heading", name="已新增事件推送：人事系统")).to_be_visible()
    shot(page, "api-02-webhook-secret")
