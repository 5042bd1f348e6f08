"""Sign-in through the login page with every identifier kind, the captcha, next=, logout and the session."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from accounts.models import LoginRecord
from tests import factories
from tests.accounts.conftest import login_post, page_errors

LOGIN_URL = "/accounts/login/"


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def test_login_page_shows_fields_captcha_and_links(client, db):
    response = client.get(LOGIN_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>用户登录" in html
    assert 'placeholder="统一社会信用代码 / 手机号 / 身份证号 / 登录名"' in html
    assert 'class="captcha"' in html and 'name="captcha_0"' in html and 'name="captcha_1"' in html
    assert f'href="{reverse("accounts:password_reset")}">忘记密码</a>' in html
    assert "auth-card" in html
    assert reverse("accounts:login") == LOGIN_URL


def test_login_page_links_to_registration_and_activation_when_routed(client, db):
    from django.urls import NoReverseMatch

    html = client.get(LOGIN_URL).content.decode()
    for name, label in [("organisations:register", "单位注册"), ("organisations:activate", "账号激活")]:
        try:
            url = reverse(name)
        except NoReverseMatch:
            assert f">{label}</a>" not in html
        else:
            assert f'href="{url}">{label}</a>' in html


def test_sign_in_with_login_name(client, admin_a):
    response = login_post(client, "admin_a")
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:home")
    assert signed_in_user_id(client) == str(admin_a.pk)


def test_sign_in_with_mobile(client, member_a):
    login_post(client, member_a.mobile)
    assert signed_in_user_id(client) == str(member_a.pk)


def test_sign_in_with_id_number_in_lower_case(client, student):
    login_post(client, student.id_number.lower())
    assert signed_in_user_id(client) == str(student.pk)


def test_org_admin_signs_in_with_the_credit_code(client, admin_a, enterprise_a):
    login_post(client, enterprise_a.credit_code)
    assert signed_in_user_id(client) == str(admin_a.pk)


def test_sub_admin_cannot_use_the_credit_code(client, enterprise_a, member_a):
    # No administrator yet: the credit code names nobody, even though member_a belongs to the organisation.
    response = login_post(client, enterprise_a.credit_code)
    assert response.status_code == 200
    assert page_errors(response) == ["账号或密码错误"]
    assert signed_in_user_id(client) is None
    assert LoginRecord.objects.get().reason == "账号不存在"


def test_success_is_recorded_with_address_and_browser(client, admin_a):
    login_post(client, "admin_a", HTTP_USER_AGENT="Mozilla/5.0 Test", REMOTE_ADDR="192.0.2.7")
    record = LoginRecord.objects.get()
    assert (record.user, record.identifier, record.succeeded, record.reason) == (admin_a, "admin_a", True, "登录成功")
    assert (record.ip_address, record.user_agent) == ("192.0.2.7", "Mozilla/5.0 Test")
    admin_a.refresh_from_db()
    assert admin_a.last_login is not None


def test_wrong_password_shows_message_and_keeps_identifier(client, admin_a):
    response = login_post(client, "admin_a", "Wrong#pass1")
    assert response.status_code == 200
    assert page_errors(response) == ["账号或密码错误"]
    html = response.content.decode()
    assert 'value="admin_a"' in html
    assert "Wrong#pass1" not in html
    response = login_post(client, "admin_a", "Wrong#pass1")
    assert page_errors(response) == ["账号或密码错误，再错 4 次账号将被冻结 2 小时"]


def test_frozen_account_message_through_the_page(client, admin_a):
    admin_a.locked_until = timezone.now() + timedelta(minutes=119, seconds=40)
    admin_a.save()
    response = login_post(client, "admin_a")
    assert page_errors(response) == ["账号已冻结，请在 1 小时 59 分钟后再试"]
    assert signed_in_user_id(client) is None


def test_wrong_captcha_is_refused_before_the_password(client, admin_a):
    response = login_post(client, "admin_a", captcha="WRONG")
    assert response.status_code == 200
    assert [str(e) for e in response.context["form"].errors["captcha"]] == ["验证码错误，请重新输入"]
    assert signed_in_user_id(client) is None
    admin_a.refresh_from_db()
    assert admin_a.failed_login_count == 0
    record = LoginRecord.objects.get()
    assert (record.user, record.succeeded, record.reason) == (admin_a, False, "图形验证码错误")


def test_missing_fields_are_reported_next_to_them(client, db):
    response = client.post(LOGIN_URL, {"identifier": "", "password": "", "captcha_0": "k", "captcha_1": ""})
    errors = response.context["form"].errors
    assert errors["identifier"] == ["请输入账号"]
    assert errors["password"] == ["请输入密码"]
    assert errors["captcha"] == ["请输入验证码"]
    assert not LoginRecord.objects.exists()


def test_inactive_user_is_refused(client, admin_a):
    admin_a.is_active = False
    admin_a.save()
    response = login_post(client, "admin_a")
    assert page_errors(response) == ["账号已停用，请联系单位管理员"]
    assert signed_in_user_id(client) is None


def test_next_is_followed_when_local(client, admin_a):
    response = login_post(client, "admin_a", next="/accounts/profile/")
    assert response["Location"] == "/accounts/profile/"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"])
def test_next_to_another_site_is_ignored(client, admin_a, target):
    response = client.post(
        f"{LOGIN_URL}?next={target}",
        {"identifier": "admin_a", "password": factories.PASSWORD, "captcha_0": "k", "captcha_1": "PASSED"},
    )
    assert response["Location"] == reverse("portal:home")


def test_next_is_carried_in_the_form(client, db):
    html = client.get(f"{LOGIN_URL}?next=/accounts/profile/").content.decode()
    assert '<input type="hidden" name="next" value="/accounts/profile/">' in html


def test_signed_in_user_visiting_login_is_sent_on(client, admin_a):
    client.force_login(admin_a)
    assert client.get(LOGIN_URL)["Location"] == reverse("portal:home")


def test_login_required_pages_redirect_to_login(client, db):
    response = client.get(reverse("accounts:profile"))
    assert response["Location"] == f"{LOGIN_URL}?next=/accounts/profile/"


def test_logout_is_post_only(client, admin_a):
    client.force_login(admin_a)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert signed_in_user_id(client) == str(admin_a.pk)
    response = client.post(reverse("accounts:logout"))
    assert response["Location"] == LOGIN_URL
    assert signed_in_user_id(client) is None
    follow = client.get(LOGIN_URL)
    assert "您已安全退出登录" in follow.content.decode()


def test_session_expires_after_30_idle_minutes_and_is_refreshed(client, admin_a):
    login_post(client, "admin_a")
    session_key = client.session.session_key
    assert client.session.get_expiry_age() == 1800
    first_expiry = Session.objects.get(session_key=session_key).expire_date
    assert timedelta(seconds=1795) < first_expiry - timezone.now() <= timedelta(seconds=1800)

    twenty_minutes_later = timezone.now() + timedelta(minutes=20)
    with mock.patch("django.utils.timezone.now", return_value=twenty_minutes_later):
        assert client.get(reverse("accounts:profile")).status_code == 200
    refreshed = Session.objects.get(session_key=session_key).expire_date
    assert refreshed == twenty_minutes_later + timedelta(seconds=1800)

    idle_too_long = refreshed + timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=idle_too_long):
        response = client.get(reverse("accounts:profile"))
    assert response["Location"] == f"{LOGIN_URL}?next=/accounts/profile/"
