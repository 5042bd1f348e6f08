"""The frame of every page: the platform name in the header, 主办单位, contact and 备案号 in the footer, a
favicon from our own static files."""

import pytest
from django.contrib.staticfiles import finders


@pytest.mark.django_db
def test_header_and_footer_come_from_settings(client, settings, admin_a):
    settings.SITE_NAME = "河南省人社业务协同平台"
    settings.SITE_SPONSOR = "河南省人力资源和社会保障厅"
    settings.SITE_CONTACT = "0371-12333"
    settings.SITE_ICP = "豫ICP备00000000号-1"
    for user in (None, admin_a):
        if user:
            client.force_login(user)
        page = client.get("/accounts/login/" if user is None else "/").content.decode()
        assert "<title>" in page and " - 河南省人社业务协同平台</title>" in page
        assert '<span class="d-none d-sm-inline text-truncate">河南省人社业务协同平台</span></a>' in page
        footer = page[page.index('data-testid="site-footer"'):page.index("</footer>")]
        assert "主办单位：河南省人力资源和社会保障厅" in footer
        assert "联系方式：0371-12333" in footer
        assert ('<a class="text-muted" href="https://beian.miit.gov.cn/" rel="noopener" target="_blank">'
                "豫ICP备00000000号-1</a>") in footer


@pytest.mark.django_db
def test_empty_footer_settings_print_nothing(client):
    footer = client.get("/accounts/login/").content.decode().split('data-testid="site-footer"')[1]
    assert "主办单位" not in footer.split("</footer>")[0]


@pytest.mark.django_db
def test_favicon_is_linked_and_shipped(client):
    page = client.get("/accounts/login/").content.decode()
    assert '<link rel="icon" href="/static/praxis/favicon.svg" type="image/svg+xml">' in page
    assert '<link rel="icon" href="/static/praxis/favicon.ico" sizes="32x32">' in page
    for name in ("praxis/favicon.svg", "praxis/favicon.ico", "praxis/apple-touch-icon.png"):
        assert finders.find(name), name
