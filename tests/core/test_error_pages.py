"""400/403/404/500 and CSRF failure pages: Chinese, in the site's layout, with DEBUG off (the tests' default);
the 500 page renders without a request context."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client
from django.urls import path

from praxis import urls as site_urls


def _forbidden(request):
    raise PermissionDenied


def _forbidden_with_reason(request):
    raise PermissionDenied("只有作出该审核结论的部门可以撤销")


def _bad(request):
    raise SuspiciousOperation("bad")


def _broken(request):
    raise RuntimeError("boom")


urlpatterns = [
    path("forbidden/", _forbidden), path("forbidden-why/", _forbidden_with_reason), path("bad/", _bad),
    path("broken/", _broken), *site_urls.urlpatterns,
]


@pytest.fixture
def error_urls(settings):
    settings.ROOT_URLCONF = __name__


def test_debug_is_off(settings):
    assert settings.DEBUG is False


@pytest.mark.django_db
def test_404_in_chinese_in_the_layout(client):
    response = client.get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "<title>页面不存在 - Praxis 人社业务协同平台</title>" in html
    assert 'data-testid="error-page"' in html and "返回首页" in html


@pytest.mark.django_db
def test_403_keeps_the_signed_in_layout(client, admin_a, error_urls):
    client.force_login(admin_a)
    response = client.get("/forbidden/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "<title>没有权限 - Praxis 人社业务协同平台</title>" in html
    assert 'data-testid="current-org"' in html  # the header of a signed-in page
    assert "您的账号没有访问此页面或执行此操作的权限" in html
    assert "只有作出该审核结论的部门可以撤销" in client.get("/forbidden-why/").content.decode()


@pytest.mark.django_db
def test_400_in_chinese(client, error_urls):
    response = client.get("/bad/")
    assert response.status_code == 400
    assert "<title>请求无效 - Praxis 人社业务协同平台</title>" in response.content.decode()


@pytest.mark.django_db
def test_500_in_chinese_without_a_request_context(error_urls):
    client = Client(raise_request_exception=False)
    response = client.get("/broken/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "<title>系统错误 - Praxis 人社业务协同平台</title>" in html
    assert "boom" not in html


@pytest.mark.django_db
def test_csrf_failure_in_chinese(admin_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_a)
    response = client.post("/accounts/logout/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "<title>页面已过期 - Praxis 人社业务协同平台</title>" in html
    assert "请刷新页面后重新提交" in html
    assert "CSRF cookie" not in html  # Django's English reason is for the log only
