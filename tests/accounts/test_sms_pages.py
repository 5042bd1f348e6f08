"""The htmx send button, its endpoint, the SmsCodeField and the demo outbox page."""

from datetime import timedelta
from unittest import mock

import pytest
from django import forms
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from accounts.forms import SmsCodeField
from accounts.models import SmsCode, SmsOutboxMessage
from tests import factories

SEND_URL = "/accounts/sms/send/"
OUTBOX_URL = "/accounts/dev/sms/"


def test_url_names():
    assert (reverse("accounts:send_sms"), reverse("accounts:sms_outbox")) == (SEND_URL, OUTBOX_URL)


def test_send_returns_a_fragment_with_the_masked_number(client, db):
    response = client.post(SEND_URL, {"mobile": "15612344563", "purpose": "register"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response.content.decode().strip() == (
        '<span class="text-success" data-testid="sms-result">验证码已发送至 156****4563，5 分钟内有效</span>'
    )
    assert SmsCode.objects.get().purpose == "register"
    assert SmsOutboxMessage.objects.get().mobile == "15612344563"


def test_send_reads_the_named_mobile_input(client, db):
    client.post(SEND_URL, {"contact_mobile": "15612344563", "mobile_input": "contact_mobile", "purpose": "activate"})
    assert SmsOutboxMessage.objects.get().mobile == "15612344563"


def test_second_send_within_a_minute_is_refused_in_the_fragment(client, db):
    start = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=start):
        client.post(SEND_URL, {"mobile": "15612344563", "purpose": "register"})
    with mock.patch("django.utils.timezone.now", return_value=start + timedelta(seconds=20)):
        response = client.post(SEND_URL, {"mobile": "15612344563", "purpose": "activate"})
    assert response.content.decode().strip() == (
        '<span class="text-danger" data-testid="sms-result">验证码发送过于频繁，请 40 秒后再试</span>'
    )
    assert SmsOutboxMessage.objects.count() == 1


@pytest.mark.parametrize(
    "data, message",
    [
        ({"mobile": "123", "purpose": "register"}, "请输入11位中国大陆手机号码"),
        ({"mobile": "15612344563", "purpose": "spam"}, "验证码用途无效"),
        ({"mobile": "15612344563"}, "验证码用途无效"),
        ({"x": "15612344563", "mobile_input": "<script>", "purpose": "register"}, "请输入11位中国大陆手机号码"),
    ],
)
def test_bad_requests_are_explained(client, db, data, message):
    html = client.post(SEND_URL, data).content.decode()
    assert f'<span class="text-danger" data-testid="sms-result">{message}</span>' in html
    assert not SmsOutboxMessage.objects.exists()


def test_reset_purpose_does_not_reveal_unknown_numbers(client, db):
    factories.individual(mobile="15612344563")
    known = client.post(SEND_URL, {"mobile": "15612344563", "purpose": "reset_password"}).content.decode()
    unknown = client.post(SEND_URL, {"mobile": "15600000000", "purpose": "reset_password"}).content.decode()
    assert "如该手机号已绑定账号，验证码已发送至 156****4563，5 分钟内有效" in known
    assert "如该手机号已绑定账号，验证码已发送至 156****0000，5 分钟内有效" in unknown
    assert list(SmsOutboxMessage.objects.values_list("mobile", flat=True)) == ["15612344563"]


def test_send_is_post_only(client, db):
    assert client.get(SEND_URL).status_code == 405


def test_send_needs_the_csrf_token(db):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(SEND_URL, {"mobile": "15612344563", "purpose": "register"}).status_code == 403


def render_button(**context):
    request = RequestFactory().get("/")
    template = Template('{% include "accounts/includes/sms_button.html" %}')
    return template.render(Context({"request": request, **context}))


def test_button_include_defaults_to_the_mobile_input():
    html = render_button(purpose="register")
    assert ">发送验证码</button>" in html
    assert f'hx-post="{SEND_URL}"' in html
    assert "hx-include=\"[name='mobile']\"" in html
    assert 'hx-params="mobile,purpose,mobile_input"' in html
    assert """hx-vals='{"purpose": "register", "mobile_input": "mobile"}'""" in html
    assert 'hx-target="#sms-result-mobile"' in html
    assert '<span id="sms-result-mobile"' in html


def test_button_include_with_another_input_name():
    html = render_button(purpose="activate", mobile_input="contact_mobile")
    assert "hx-include=\"[name='contact_mobile']\"" in html
    assert """hx-vals='{"purpose": "activate", "mobile_input": "contact_mobile"}'""" in html
    assert '<span id="sms-result-contact_mobile"' in html


class CodeForm(forms.Form):
    code = SmsCodeField()


def test_sms_code_field():
    field = CodeForm().fields["code"]
    assert str(field.label) == "短信验证码"
    assert CodeForm({"code": "012345"}).is_valid()
    assert CodeForm({"code": "12345"}).errors["code"] == ["请输入 6 位数字验证码"]
    assert CodeForm({"code": "12345a"}).errors["code"] == ["请输入 6 位数字验证码"]
    assert CodeForm({"code": ""}).errors["code"] == ["请输入短信验证码"]
    assert 'inputmode="numeric"' in str(CodeForm()["code"])


class TestOutboxPage:
    @pytest.fixture(autouse=True)
    def _switched_on(self, settings):
        settings.SMS_OUTBOX_VISIBLE = True  # off by default (see test_security_defaults)

    def test_lists_latest_fifty_without_sign_in(self, client, db):
        SmsOutboxMessage.objects.bulk_create(
            SmsOutboxMessage(mobile="15612344563", message=f"第{n}条") for n in range(55)
        )
        response = client.get(OUTBOX_URL)
        assert response.status_code == 200
        assert len(response.context["outbox"]) == 50
        html = response.content.decode()
        assert "短信发件箱（演示用的“手机”）" in html
        assert "无需登录即可查看" in html
        assert html.count('data-testid="outbox-row"') == 50

    def test_shows_the_code_just_sent(self, client, db):
        client.post(SEND_URL, {"mobile": "15612344563", "purpose": "register"})
        message = SmsOutboxMessage.objects.get().message
        assert message in client.get(OUTBOX_URL).content.decode()

    def test_hidden_when_switched_off(self, client, db, settings):
        settings.SMS_OUTBOX_VISIBLE = False
        assert client.get(OUTBOX_URL).status_code == 404
