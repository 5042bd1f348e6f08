"""培训场地维护 (manual 003 §3.2.1.6): search, add, edit, delete the enterprise's own venues; a venue in use
cannot be deleted; coordinates both or neither; another enterprise's venue is not found."""

import pytest
from django.contrib.messages import get_messages
from django.test import override_settings
from django.urls import reverse

from apprenticeships.models import Venue
from audit.models import AuditEntry
from tests.apprenticeships import factories as ap

pytestmark = pytest.mark.django_db


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _data(**changes):
    data = {"name": "二号实训楼", "region__province": "410000", "region__city": "410100", "region": "410105",
            "address": "郑州市金水区花园路8号", "capacity": "60", "latitude": "", "longitude": ""}
    data.update(changes)
    return data


def test_add_a_venue_without_a_map(client, admin_a, enterprise_a):
    client.force_login(admin_a)
    page = client.get(reverse("apprenticeships:venue_new"))
    assert page.status_code == 200 and 'data-testid="no-map"' in page.content.decode()
    response = client.post(reverse("apprenticeships:venue_new"), _data(latitude="34.757975", longitude="113.665412"))
    assert response.status_code == 302
    venue = Venue.objects.get()
    assert (venue.organisation, venue.name, venue.region_id, venue.capacity, str(venue.latitude),
            str(venue.longitude)) == (enterprise_a, "二号实训楼", "410105", 60, "34.757975", "113.665412")
    assert AuditEntry.objects.filter(action="apprenticeships.venue_created", target_id=str(venue.pk)).exists()


@override_settings(PRAXIS_MAP_TILE_URL="/static/tiles/{z}/{x}/{y}.png")
def test_a_configured_tile_source_shows_the_map(client, admin_a):
    client.force_login(admin_a)
    content = client.get(reverse("apprenticeships:venue_new")).content.decode()
    assert 'data-map-tiles="/static/tiles/{z}/{x}/{y}.png"' in content and "no-map" not in content


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"latitude": "34.7"}, "longitude", "经度和纬度应同时填写或同时留空"),
    ({"longitude": "113.6"}, "latitude", "经度和纬度应同时填写或同时留空"),
    ({"latitude": "91", "longitude": "113.6"}, "latitude", "纬度应在-90至90之间"),
    ({"latitude": "abc", "longitude": "113.6"}, "latitude", "请填写数字"),
    ({"name": ""}, "name", "请填写场地名称"),
    ({"capacity": "0"}, "capacity", "可容纳人数至少为1人"),
    ({"region": "", "region__city": ""}, "region", "请选择到区县一级"),
])
def test_bad_input_is_a_message_beside_the_field(client, admin_a, changes, field, message):
    client.force_login(admin_a)
    response = client.post(reverse("apprenticeships:venue_new"), _data(**changes))
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert not Venue.objects.exists()


def test_the_same_name_twice_is_refused(client, admin_a, enterprise_a, enterprise_b):
    ap.venue(enterprise_a, name="二号实训楼")
    ap.venue(enterprise_b, name="三号实训楼")
    client.force_login(admin_a)
    response = client.post(reverse("apprenticeships:venue_new"), _data())
    assert response.context["form"].errors["name"] == ["已有同名的培训场地"]
    assert client.post(reverse("apprenticeships:venue_new"), _data(name="三号实训楼")).status_code == 302


def test_search_by_name_and_region(client, admin_a, enterprise_a, enterprise_b):
    from tests import factories

    ap.venue(enterprise_a, name="一号车间")
    ap.venue(enterprise_a, name="洛阳分厂车间", region=factories.region("410302"))
    ap.venue(enterprise_b, name="乙企业车间")
    client.force_login(admin_a)
    url = reverse("apprenticeships:venues")
    names = [venue.name for venue in client.get(url).context["object_list"]]
    assert names == ["一号车间", "洛阳分厂车间"]
    names = [venue.name for venue in client.get(url, {"name": "洛阳"}).context["object_list"]]
    assert names == ["洛阳分厂车间"]
    response = client.get(url, {"region__province": "410000", "region": "410100"})
    assert [venue.name for venue in response.context["object_list"]] == ["一号车间"]
    response = client.get(url, {"region": "999999"})
    assert response.status_code == 200 and "查询条件有误，已忽略有误的条件" in _messages(response)


def test_edit_a_venue(client, admin_a, enterprise_a):
    venue = ap.venue(enterprise_a)
    client.force_login(admin_a)
    url = reverse("apprenticeships:venue_edit", args=[venue.pk])
    assert client.get(url).context["form"].initial["name"] == "一号实训车间"
    response = client.post(url, _data(name="一号实训车间（新）", latitude="34.1", longitude="113.2"))
    assert response.status_code == 302
    venue.refresh_from_db()
    assert (venue.name, venue.capacity, str(venue.latitude)) == ("一号实训车间（新）", 60, "34.100000")
    entry = AuditEntry.objects.get(action="apprenticeships.venue_updated")
    assert entry.before["name"] == "一号实训车间" and entry.after["name"] == "一号实训车间（新）"


def test_delete_a_venue_and_refuse_one_in_use(client, admin_a, enterprise_a, filing_a):
    free = ap.venue(enterprise_a, name="空闲场地")
    used = ap.venue(enterprise_a, name="在用场地")
    course = filing_a.courses.first()
    course.venue = used
    course.save()
    client.force_login(admin_a)
    response = client.post(reverse("apprenticeships:venue_delete", args=[used.pk]))
    assert response.status_code == 302
    assert "该培训场地已被课程使用，不能删除" in _messages(response)
    assert Venue.objects.filter(pk=used.pk).exists()
    response = client.post(reverse("apprenticeships:venue_delete", args=[free.pk]))
    assert "培训场地“空闲场地”已删除" in _messages(response)
    assert not Venue.objects.filter(pk=free.pk).exists()
    assert AuditEntry.objects.filter(action="apprenticeships.venue_deleted", target_repr="空闲场地").exists()


def test_another_enterprises_venue_is_not_found_and_roles_are_checked(client, enterprise_a, admin_b, claimer_a,
                                                                      member_a, filer_a, institution_admin,
                                                                      county_reviewer_a):
    venue = ap.venue(enterprise_a)
    client.force_login(admin_b)
    assert client.get(reverse("apprenticeships:venue_edit", args=[venue.pk])).status_code == 404
    assert client.post(reverse("apprenticeships:venue_delete", args=[venue.pk])).status_code == 404
    assert client.post(reverse("apprenticeships:venue_edit", args=[venue.pk]), _data()).status_code == 404
    assert list(client.get(reverse("apprenticeships:venues")).context["object_list"]) == []
    for user in (claimer_a, member_a, institution_admin, county_reviewer_a):
        client.force_login(user)
        assert client.get(reverse("apprenticeships:venues")).status_code == 403
        assert client.post(reverse("apprenticeships:venue_new"), _data()).status_code == 403
    assert Venue.objects.get().name == "一号实训车间"
    client.force_login(filer_a)
    assert client.get(reverse("apprenticeships:venues")).status_code == 200
