"""Common passwords and the last five passwords are refused (settings.AUTH_PASSWORD_VALIDATORS)."""

import pytest

from accounts import services
from accounts.models import PasswordHistory
from tests import factories
from tests.accounts.test_password_rules import messages_for

COMMON = "密码过于常见（如 Password1、Qwerty123、Abcd1234），请换一个不易猜到的密码"
RECENT = "新密码不能与最近 5 次使用过的密码相同"
CHANGE_URL = "/accounts/password/change/"


@pytest.mark.parametrize("password", ["Password1", "Qwerty123", "Abcd1234", "PASSWORD1", "Password123!",
                                      "Qwerty2026!", "Welcome2026"])
def test_common_passwords_are_refused_whatever_the_case(password):
    assert COMMON in messages_for(password)


@pytest.mark.parametrize("password", ["Praxis#2026ok", "Qing#2026ok", "JiaAdmin_2026", "Abc#20260101"])
def test_uncommon_passwords_pass(password):
    assert messages_for(password) == []


@pytest.mark.django_db
def test_the_last_five_passwords_are_refused_the_sixth_is_allowed(admin_a):
    passwords = [factories.PASSWORD] + [f"Round#{n}Pass" for n in range(1, 6)]
    for new in passwords[1:]:
        assert messages_for(new, admin_a) == []
        services.change_password(actor=admin_a, new_password=new)
    admin_a.refresh_from_db()
    assert PasswordHistory.objects.filter(user=admin_a).count() == 5
    # The current one and the four before it are refused; the first (six changes ago) is allowed again.
    for old in passwords[2:]:
        assert messages_for(old, admin_a) == [RECENT], old
    assert messages_for(passwords[0], admin_a) == []
    # Stored as hashes, never as text.
    assert not PasswordHistory.objects.filter(password__in=passwords).exists()


@pytest.mark.django_db
def test_change_page_refuses_a_recent_password(client, admin_a):
    client.force_login(admin_a)
    data = {"old_password": factories.PASSWORD, "new_password1": "Second#Pass27", "new_password2": "Second#Pass27"}
    assert client.post(CHANGE_URL, data).status_code == 302
    data = {"old_password": "Second#Pass27", "new_password1": factories.PASSWORD,
            "new_password2": factories.PASSWORD}
    response = client.post(CHANGE_URL, data)
    assert response.context["form"].errors["new_password1"] == [RECENT]


@pytest.mark.django_db
def test_reset_refuses_a_recent_password_too(admin_a):
    from accounts.forms import PasswordResetConfirmForm

    form = PasswordResetConfirmForm({"mobile": admin_a.mobile, "sms_code": "123456",
                                     "new_password1": factories.PASSWORD, "new_password2": factories.PASSWORD})
    assert form.errors == {"new_password1": [RECENT]}


def test_a_new_account_has_no_history():
    from accounts.models import User

    assert messages_for("Fresh#Pass2027", User(username="newcomer")) == []
