import pytest
from django.urls import reverse

from tests import factories


def login_post(client, identifier, password=factories.PASSWORD, captcha="PASSED", next=None, **headers):
    data = {"identifier": identifier, "password": password, "captcha_0": "key", "captcha_1": captcha}
    if next is not None:
        data["next"] = next
    return client.post(reverse("accounts:login"), data, **headers)


def page_errors(response) -> list[str]:
    return [str(error) for error in response.context["form"].non_field_errors()]


@pytest.fixture
def staff(db):
    return factories.UserFactory(
        username="platform", real_name="平台管理员", kind="platform", is_staff=True, organisation=None
    )


@pytest.fixture(autouse=True)
def _captcha_test_mode(settings, monkeypatch):
    # tests/conftest.py sets CAPTCHA_TEST_MODE in the environment, but pytest-django has already read the
    # settings by then (and django-simple-captcha copies the value at import), so switch it on here.
    settings.CAPTCHA_TEST_MODE = True
    monkeypatch.setattr("captcha.conf.settings.CAPTCHA_TEST_MODE", True)
