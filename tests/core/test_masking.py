"""Mobile and ID numbers are masked in pages unless the user's role needs them whole (GB/T 35273)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template

from core.masking import can_see_personal_data, mask_id_number, mask_mobile
from tests import factories

ID_NUMBER = "41010519990307123X"
MOBILE = "15612344563"


def render(source: str, user, **values) -> str:
    return Template("{% load praxis %}" + source).render(Context({"user": user, **values}))


@pytest.mark.parametrize(
    "value, expected",
    [
        ("15612344563", "156****4563"),
        ("", ""),
        (None, ""),
        ("0371-12345678", "03*********78"),
        ("12345", "12*45"),
        ("123", "***"),
    ],
)
def test_mask_mobile(value, expected):
    assert mask_mobile(value) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("41010519990307123X", "4101**********123X"),
        ("410105990307123", "4101*******7123"),  # the old 15-digit number
        ("12345678", "********"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_id_number(value, expected):
    assert mask_id_number(value) == expected


def test_an_org_admin_holds_the_personal_data_permission_and_sees_whole_numbers(admin_a):
    assert can_see_personal_data(admin_a)
    html = render("{% mobile m %}|{% id_number i %}", admin_a, m=MOBILE, i=ID_NUMBER)
    assert html == f"{MOBILE}|{ID_NUMBER}"


def test_a_member_without_the_role_sees_masked_numbers(member_a):
    assert not can_see_personal_data(member_a)
    html = render("{% mobile m %}|{% id_number i %}", member_a, m=MOBILE, i=ID_NUMBER)
    assert html == "156****4563|4101**********123X"


def test_a_member_given_the_role_sees_whole_numbers(member_a, enterprise_a):
    role = enterprise_a.roles.create(name="人事专员", permissions=["organisations.view_personal_data"])
    member_a.roles.add(role)
    member_a = type(member_a).objects.get(pk=member_a.pk)  # a fresh permission cache, as on the next request
    assert render("{% mobile m %}", member_a, m=MOBILE) == MOBILE


def test_a_role_with_other_permissions_does_not_unmask(member_a, enterprise_a):
    role = enterprise_a.roles.create(name="部门管理", permissions=["organisations.manage_departments"])
    member_a.roles.add(role)
    member_a = type(member_a).objects.get(pk=member_a.pk)
    assert render("{% id_number i %}", member_a, i=ID_NUMBER) == "4101**********123X"


def test_platform_staff_see_whole_numbers(db):
    staff = factories.UserFactory(kind="platform", is_staff=True, organisation=None)
    assert render("{% id_number i %}", staff, i=ID_NUMBER) == ID_NUMBER


@pytest.mark.parametrize("persona", ["student", "outsider"])
def test_individuals_see_masked_numbers(request, persona):
    user = request.getfixturevalue(persona)
    assert render("{% mobile m %}|{% id_number i %}", user, m=MOBILE, i=ID_NUMBER) == "156****4563|4101**********123X"


def test_anonymous_and_missing_users_see_masked_numbers():
    assert render("{% mobile m %}", AnonymousUser(), m=MOBILE) == "156****4563"
    assert Template("{% load praxis %}{% mobile m %}").render(Context({"m": MOBILE})) == "156****4563"


def test_empty_values_render_as_nothing(admin_a, member_a):
    assert render("[{% mobile m %}][{% id_number i %}]", admin_a, m=None, i="") == "[][]"
    assert render("[{% mobile m %}][{% id_number i %}]", member_a, m=None, i="") == "[][]"


def test_the_filters_always_mask(admin_a):
    html = render("{{ m|mask_mobile }}|{{ i|mask_id_number }}", admin_a, m=MOBILE, i=ID_NUMBER)
    assert html == "156****4563|4101**********123X"


def test_tag_output_is_html_escaped(member_a, admin_a):
    assert render("{% mobile m %}", admin_a, m="<b>1</b>") == "&lt;b&gt;1&lt;/b&gt;"
