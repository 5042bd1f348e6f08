"""查看培训历程 (who sees one person's year, every credit on it), 我的培训档案 with the forecast, 学时证明 (PDF with a
verification code) and its public verification page."""

import re

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from continuing_education.models import ArchiveYear, HoursCertificate, HoursSource
from continuing_education.services import certificates
from continuing_education.services.certificates import CODE_ALPHABET
from continuing_education.views import archive as views
from tests.continuing_education import factories as ce
from tests.continuing_education import factories_archive as archive

pytestmark = pytest.mark.django_db
LAST = ce.this_year() - 1
VERIFY = reverse("continuing_education:certificate_verify")
MINE = reverse("continuing_education:my_archive")


@pytest.fixture
def year_a(admin_a, staff_a):
    archive.credit_hours(staff_a, by=admin_a, public=30, professional=60, year=LAST)
    ce.hours_rule("410000", year=LAST)
    return ArchiveYear.objects.get(id_number=staff_a.id_number, year=LAST)


def detail(item):
    return reverse("continuing_education:archive_detail", args=[item.pk])


def test_the_history_lists_every_credit(client, admin_a, year_a):
    client.force_login(admin_a)
    response = client.get(detail(year_a))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("网络培训") >= 2 and "公需科目课程" in html and "专业科目课程" in html
    assert "档案测试平台" in html
    assert re.search(r'data-testid="result">合格', html)
    assert year_a.entries.filter(source=HoursSource.ONLINE).count() == 2


@pytest.mark.parametrize(("persona", "status"), [
    ("admin_a", 200), ("archivist_a", 200), ("pro_a", 200), ("county_reviewer_a", 200), ("city_reviewer", 200),
    ("trainer_a", 403), ("member_a", 403), ("pro_b", 404), ("admin_b", 404), ("county_reviewer_b", 404),
    ("industry_reviewer", 404), ("education_reviewer", 404), ("outsider", 404)])
def test_who_sees_the_history(client, request, year_a, persona, status):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(detail(year_a)).status_code == status


def test_my_archive_shows_every_year_and_what_is_missing(client, pro_a, admin_a, staff_a, year_a):
    archive.credit_hours(staff_a, by=admin_a, public=30, professional=30)
    client.force_login(pro_a)
    html = client.get(MINE).content.decode()
    this_year = re.search(rf'<tr data-year="{ce.this_year()}">(.*?)</tr>', html, re.S).group(1)
    last_year = re.search(rf'<tr data-year="{LAST}">(.*?)</tr>', html, re.S).group(1)
    assert 'data-result="in_progress">进行中' in this_year and "公需 0，专业 30，合计 30" in this_year
    assert 'data-result="passed">合格' in last_year and detail(year_a) in last_year


def test_my_archive_without_a_unit_or_a_rule(client, pro_free):
    client.force_login(pro_free)
    html = client.get(MINE).content.decode()
    assert f'<tr data-year="{ce.this_year()}">' in html
    assert 'data-result="no_rule">未设置' in html and "该年度尚未设置学时要求" in html and "暂无记录" in html


def test_my_archive_is_for_professionals(client, admin_a, county_reviewer_a):
    for user in (admin_a, county_reviewer_a):
        client.force_login(user)
        assert client.get(MINE).status_code == 403
    client.logout()
    assert client.get(MINE).status_code == 302


def _certificate(client, item, monkeypatch):
    seen = {}
    original = views.render_pdf

    def capture(template, context, **kwargs):
        seen.update(context)
        return original(template, context, **kwargs)

    monkeypatch.setattr(views, "render_pdf", capture)
    response = client.post(reverse("continuing_education:certificate", args=[item.pk]))
    return response, seen


def test_a_certificate_is_a_pdf_with_a_code_the_public_page_confirms(client, pro_a, year_a, monkeypatch):
    client.force_login(pro_a)
    response, context = _certificate(client, year_a, monkeypatch)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    issued = HoursCertificate.objects.get()
    assert len(issued.code) == 10 and set(issued.code) <= set(CODE_ALPHABET)
    assert issued.snapshot == {"name": "王**", "year": LAST, "public_hours": "30.0", "professional_hours": "60.0",
                               "total_hours": "90.0", "class_hours": "0.0", "online_hours": "90.0",
                               "declared_hours": "0.0", "result": "合格", "unit": "甲企业有限公司"}
    assert context["verify_url"] == f"http://testserver{VERIFY}?code={issued.code}"
    assert context["masked_id"] != year_a.id_number and context["masked_id"].endswith(year_a.id_number[-4:])
    assert AuditEntry.objects.filter(action="continuing_education.certificate_issued").count() == 1

    client.logout()
    page = client.get(VERIFY, {"code": issued.code.lower()})
    html = page.content.decode()
    assert page.status_code == 200 and 'data-testid="verify-result"' in html
    assert "王**" in html and "王专技" not in html and "合格" in html and "90.0 学时" in html


def test_the_verification_page_answers_unknown_and_malformed_codes(client):
    assert 'data-testid="verify-result"' not in client.get(VERIFY).content.decode()
    assert "未找到该验证码对应的学时证明" in client.get(VERIFY, {"code": "ABCDEFGHJK"}).content.decode()
    for garbage in ("abc", "ABCDEFGHJ0", "", "x" * 40):
        html = client.get(VERIFY, {"code": garbage}).content.decode()
        assert ("验证码应为10位字母或数字" in html or "请输入验证码" in html), garbage
        assert "未找到该验证码" not in html


def test_a_clashing_code_is_drawn_again(client, admin_a, year_a, monkeypatch):
    codes = iter(["AAAAAAAAAA", "AAAAAAAAAA", "BBBBBBBBBB"])
    monkeypatch.setattr(certificates, "new_code", lambda: next(codes))
    client.force_login(admin_a)
    for _number in range(2):
        assert client.post(reverse("continuing_education:certificate", args=[year_a.pk])).status_code == 200
    assert sorted(HoursCertificate.objects.values_list("code", flat=True)) == ["AAAAAAAAAA", "BBBBBBBBBB"]


@pytest.mark.parametrize(("persona", "status"), [
    ("pro_b", 404), ("admin_b", 404), ("trainer_a", 403), ("county_reviewer_b", 404), ("industry_reviewer", 404)])
def test_a_certificate_is_refused_to_those_who_do_not_see_the_year(client, request, year_a, persona, status):
    client.force_login(request.getfixturevalue(persona))
    assert client.post(reverse("continuing_education:certificate", args=[year_a.pk])).status_code == status
    assert not HoursCertificate.objects.exists()
