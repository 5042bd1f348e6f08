"""Password change (signed in) and reset by SMS code (signed out), through HTTP."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import SmsCode, SmsOutboxMessage
from audit.models import AuditEntry
from tests import factories
from tests.accounts.conftest import login_post

NEW = "Fresh#Pass2027"
CHANGE_URL = "/accounts/password/change/"
RESET_URL = "/accounts/password/reset/"
CONFIRM_URL = "/accounts/password/reset/confirm/"


def field_errors(response, name):
    return [str(error) for error in response.context["form"].errors.get(name, [])]


def outbox_code(mobile):
    return re.search(r"验证码为 (\d{6})", SmsOutboxMessage.objects.filter(mobile=mobile).first().message).group(1)


class TestPasswordChange:
    def post(self, client, old=factories.PASSWORD, new1=NEW, new2=NEW):
        return client.post(CHANGE_URL, {"old_password": old, "new_password1": new1, "new_password2": new2})

    def test_urls(self):
        assert reverse("accounts:password_change") == CHANGE_URL

    def test_change_keeps_the_session_and_is_audited(self, client, admin_a):
        client.force_login(admin_a)
        assert client.get(CHANGE_URL).status_code == 200
        response = self.post(client)
        assert response["Location"] == reverse("accounts:profile")
        admin_a.refresh_from_db()
        assert admin_a.check_password(NEW)
        page = client.get(reverse("accounts:profile"))  # still signed in
        assert page.status_code == 200
        assert "密码已修改" in page.content.decode()
        entry = AuditEntry.objects.get(action="accounts.password_changed")
        assert (entry.actor, entry.target_id) == (admin_a, str(admin_a.pk))

    def test_new_password_signs_in_and_old_does_not(self, client, admin_a):
        client.force_login(admin_a)
        self.post(client)
        client.post(reverse("accounts:logout"))
        assert login_post(client, "admin_a").context["form"].non_field_errors() == ["账号或密码错误"]
        assert login_post(client, "admin_a", NEW).status_code == 302

    def test_wrong_old_password(self, client, admin_a):
        client.force_login(admin_a)
        response = self.post(client, old="Not#theold1")
        assert field_errors(response, "old_password") == ["原密码不正确"]
        admin_a.refresh_from_db()
        assert admin_a.check_password(factories.PASSWORD)

    def test_mismatch(self, client, admin_a):
        client.force_login(admin_a)
        response = self.post(client, new2="Other#Pass2027")
        assert field_errors(response, "new_password2") == ["两次输入的新密码不一致"]

    @pytest.mark.parametrize(
        "new, message",
        [
            ("aB3!", "密码长度不能少于 8 位"),
            ("kqzvmtwh12", "密码须包含大写字母、小写字母、数字、特殊符号中的至少 3 种"),
            ("Admin_a#2027", "密码不能包含登录名、手机号、身份证号或统一社会信用代码"),
        ],
    )
    def test_rules_are_applied(self, client, admin_a, new, message):
        client.force_login(admin_a)
        response = self.post(client, new1=new, new2=new)
        assert field_errors(response, "new_password1") == [message]
        admin_a.refresh_from_db()
        assert admin_a.check_password(factories.PASSWORD)

    def test_credit_code_of_own_organisation_is_refused(self, client, admin_a, enterprise_a):
        client.force_login(admin_a)
        new = f"Ab#{enterprise_a.credit_code.lower()}"
        response = self.post(client, new1=new, new2=new)
        assert field_errors(response, "new_password1") == ["密码不能包含登录名、手机号、身份证号或统一社会信用代码"]

    def test_same_as_old_is_refused(self, client, admin_a):
        client.force_login(admin_a)
        response = self.post(client, new1=factories.PASSWORD, new2=factories.PASSWORD)
        assert field_errors(response, "new_password1") == ["新密码不能与原密码相同"]

    def test_requires_sign_in(self, client, db):
        assert client.get(CHANGE_URL)["Location"] == f"/accounts/login/?next={CHANGE_URL}"


class TestPasswordReset:
    @pytest.fixture
    def person(self, db):
        user = factories.individual(username="wangwu", mobile="15612344563")
        user.failed_login_count = 6
        user.locked_until = timezone.now() + timedelta(hours=1)
        user.save()
        return user

    def request_code(self, client, mobile="15612344563"):
        return client.post(RESET_URL, {"mobile": mobile, "captcha_0": "k", "captcha_1": "PASSED"})

    def confirm(self, client, code, mobile="15612344563", new1=NEW, new2=NEW):
        data = {"mobile": mobile, "sms_code": code, "new_password1": new1, "new_password2": new2}
        return client.post(CONFIRM_URL, data)

    def test_urls(self):
        assert (reverse("accounts:password_reset"), reverse("accounts:password_reset_confirm")) == (
            RESET_URL, CONFIRM_URL)

    def test_full_flow_clears_the_freeze_and_allows_sign_in(self, client, person):
        assert client.get(RESET_URL).status_code == 200
        response = self.request_code(client)
        assert response["Location"] == CONFIRM_URL
        page = client.get(CONFIRM_URL).content.decode()
        assert "如该手机号已绑定账号，验证码已发送至 156****4563，5 分钟内有效" in page
        assert 'value="15612344563"' in page  # carried over from step 1
        assert "发送验证码" in page
        response = self.confirm(client, outbox_code("15612344563"))
        assert response["Location"] == reverse("accounts:login")
        person.refresh_from_db()
        assert person.check_password(NEW)
        assert (person.failed_login_count, person.locked_until) == (0, None)
        entry = AuditEntry.objects.get(action="accounts.password_reset")
        assert entry.before["failed_login_count"] == 6 and entry.after == {"failed_login_count": 0,
                                                                             "locked_until": None}
        assert "密码已重置，请使用新密码登录" in client.get(reverse("accounts:login")).content.decode()
        assert login_post(client, "wangwu", NEW).status_code == 302

    def test_wrong_code_changes_nothing(self, client, person):
        self.request_code(client)
        code = outbox_code("15612344563")
        wrong = f"{(int(code) + 1) % 10**6:06d}"
        response = self.confirm(client, wrong)
        assert field_errors(response, "sms_code") == ["验证码错误"]
        person.refresh_from_db()
        assert person.check_password(factories.PASSWORD)
        assert person.locked_until is not None

    def test_weak_password_does_not_spend_the_code(self, client, person):
        self.request_code(client)
        code = outbox_code("15612344563")
        response = self.confirm(client, code, new1="weakpass", new2="weakpass")
        assert field_errors(response, "new_password1") == ["密码须包含大写字母、小写字母、数字、特殊符号中的至少 3 种"]
        assert SmsCode.objects.get().consumed_at is None
        assert self.confirm(client, code)["Location"] == reverse("accounts:login")

    def test_code_cannot_be_used_twice(self, client, person):
        self.request_code(client)
        code = outbox_code("15612344563")
        self.confirm(client, code)
        response = self.confirm(client, code, new1="Another#Pass9", new2="Another#Pass9")
        assert field_errors(response, "sms_code") == ["验证码错误"]

    def test_unknown_mobile_gets_the_same_answer_and_no_sms(self, client, db):
        response = self.request_code(client, "15600000000")
        assert response["Location"] == CONFIRM_URL
        page = client.get(CONFIRM_URL).content.decode()
        assert "如该手机号已绑定账号，验证码已发送至 156****0000，5 分钟内有效" in page
        assert not SmsOutboxMessage.objects.exists()
        response = self.confirm(client, "123456", mobile="15600000000")
        assert field_errors(response, "sms_code") == ["验证码错误"]

    def test_second_request_within_a_minute_is_refused(self, client, person):
        self.request_code(client)
        response = self.request_code(client)
        assert response.status_code == 200
        assert re.fullmatch(r"验证码发送过于频繁，请 \d+ 秒后再试", field_errors(response, "mobile")[0])

    def test_wrong_captcha_sends_nothing(self, client, person):
        response = client.post(RESET_URL, {"mobile": "15612344563", "captcha_0": "k", "captcha_1": "nope"})
        assert field_errors(response, "captcha") == ["验证码错误，请重新输入"]
        assert not SmsOutboxMessage.objects.exists()

    def test_malformed_mobile(self, client, db):
        response = self.request_code(client, "1234")
        assert field_errors(response, "mobile") == ["请输入11位中国大陆手机号码"]

    def test_code_must_be_six_digits(self, client, person):
        response = self.confirm(client, "12ab")
        assert field_errors(response, "sms_code") == ["请输入 6 位数字验证码"]
