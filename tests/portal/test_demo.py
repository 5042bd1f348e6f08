import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from core.identifiers import age_on, credit_code_problem, id_number_problem
from organisations.models import Organisation, Role, VerificationStatus
from portal.management.commands.seed_demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def table_rows(output: str) -> list[list[str]]:
    rows = [line.strip("|").split("|") for line in output.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row] for row in rows[2:]]  # without the header and its rule


def snapshot():
    return {
        "organisations": sorted(Organisation.objects.values_list("credit_code", "name", "verification_status")),
        "users": sorted(User.objects.values_list("username", "password", "mobile", "id_number", "organisation_id")),
        "roles": sorted(Role.objects.values_list("organisation_id", "name", "permissions")),
    }


def test_seed_twice_changes_nothing_and_prints_the_table_each_time():
    first = seed()
    before = snapshot()
    second = seed()
    assert snapshot() == before
    assert "已创建演示数据 24 条。" in first
    assert "演示数据已存在，未做修改。" in second
    assert table_rows(first) == table_rows(second)
    assert len(table_rows(first)) == 14
    assert Organisation.objects.count() == 9
    assert User.objects.count() == 14


def test_every_printed_login_signs_in_with_every_identifier():
    rows = table_rows(seed())
    checked = 0
    for role, unit, logins, password in rows:
        assert password == DEMO_PASSWORD
        identifiers = logins.split(" / ")
        users = {authenticate(identifier=identifier, password=password) for identifier in identifiers}
        assert None not in users, (role, identifiers)
        assert len(users) == 1
        user = users.pop()
        assert (user.organisation.name if user.organisation else "—") == unit
        checked += len(identifiers)
    assert checked == 14 + 14 + 9 + 3  # login names, mobiles, credit codes, ID numbers
    assert authenticate(identifier="ent_a", password="wrong-Pass1") is None


def test_organisations_have_valid_codes_regions_and_statuses():
    seed()
    for organisation in Organisation.objects.all():
        assert credit_code_problem(organisation.credit_code) is None
        assert re.fullmatch(r"P\d{9}", organisation.platform_code)
        assert organisation.members.filter(is_org_admin=True).count() == 1
        assert organisation.members.get(is_org_admin=True).mobile
    expected = {
        "河南省人力资源和社会保障厅": ("410000", "government", "hr", "province", "verified"),
        "郑州市人力资源和社会保障局": ("410100", "government", "hr", "city", "verified"),
        "金水区人力资源和社会保障局": ("410105", "government", "hr", "county", "verified"),
        "二七区人力资源和社会保障局": ("410103", "government", "hr", "county", "verified"),
        "郑州市教育局": ("410100", "government", "education", "city", "verified"),
        "郑州示范科技有限公司": ("410105", "enterprise", "", "", "verified"),
        "郑州二七制造有限公司": ("410103", "enterprise", "", "", "verified"),
        "郑州待认证商贸有限公司": ("410105", "enterprise", "", "", "unverified"),
        "郑州示范职业技术学院": ("410105", "school", "", "", "verified"),
    }
    found = {
        org.name: (org.region_id, org.kind, org.authority, org.gov_level, org.verification_status)
        for org in Organisation.objects.all()
    }
    assert found == expected
    unverified = Organisation.objects.get(name="郑州待认证商贸有限公司")
    assert unverified.verification_status == VerificationStatus.UNVERIFIED
    assert unverified.verified_at is None


def test_people_and_permissions():
    seed()
    today = timezone.localdate()
    for user in User.objects.exclude(id_number=None):
        assert id_number_problem(user.id_number) is None
    assert age_on(User.objects.get(real_name="李青年").id_number, today) == 20
    assert {u.real_name for u in User.objects.filter(kind="individual")} == {"张同学", "李青年", "王毕业"}
    platform = User.objects.get(username="platform")
    assert platform.is_staff and platform.has_perm("traineeships.review")
    staff_manager = User.objects.get(username="ent_a_staff")
    assert not staff_manager.is_org_admin
    assert staff_manager.has_perm("organisations.manage_staff")
    assert not staff_manager.has_perm("organisations.manage_roles")
    assert [role.name for role in staff_manager.roles.all()] == ["人员管理员"]
    assert User.objects.get(username="ent_a").has_perm("organisations.manage_roles")
    assert not User.objects.get(username="zhang").has_perm("organisations.manage_staff")


def test_readme_shows_the_same_logins():
    from django.conf import settings

    readme = (settings.BASE_DIR / "README.md").read_text(encoding="utf-8")
    readme_rows = table_rows(readme.split("## 演示账号", 1)[1].split("\n## ", 1)[0])
    seeded = table_rows(seed())
    assert len(readme_rows) == len(seeded)
    for shown, printed in zip(readme_rows, seeded):
        if printed[2].startswith("li / "):
            # 李青年's ID number encodes a birthday 20 years before the day the demo was seeded.
            assert shown[2].startswith("li / 13800000032 / ")
            assert shown[:2] + shown[3:] == printed[:2] + printed[3:]
        else:
            assert shown == printed
