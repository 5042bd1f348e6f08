import re

import pytest
from django import forms
from django.template import Context, Template

from regions.forms import RegionCascadeWidget, RegionField
from regions.models import Region

pytestmark = pytest.mark.django_db


class CountyForm(forms.Form):
    region = RegionField(label="注册地区")


class CityForm(forms.Form):
    city = RegionField(level="city", label="所在城市")


class OptionalForm(forms.Form):
    region = RegionField(required=False)


def selects(html):
    """{select name: (selected value or None, [option values])}"""
    found = {}
    for name, body in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        values = re.findall(r'<option value="(\d*)"', body)
        selected = re.findall(r'<option value="(\d+)" selected>', body)
        found[name] = (selected[0] if selected else None, values)
    return found


def render_field(form, name):
    return Template('{% include "includes/field.html" with field=field %}').render(Context({"field": form[name]}))


def test_valid_county_cleans_to_the_region():
    form = CountyForm(data={"region__province": "410000", "region__city": "410100", "region": "410105"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["region"] == Region.objects.get(code="410105")


def test_upper_selects_are_ignored_when_the_county_is_given():
    # The county decides; stale upper selects (e.g. a browser restoring old values) do not matter.
    form = CountyForm(data={"region__province": "110000", "region__city": "110100", "region": "410105"})
    assert form.is_valid()
    assert form.cleaned_data["region"].code == "410105"


@pytest.mark.parametrize("value", ["410000", "410100", "999999", "abc", "41010"])
def test_anything_but_a_county_is_refused(value):
    form = CountyForm(data={"region": value})
    assert not form.is_valid()
    assert form.errors["region"] == ["请选择到区县一级"]


def test_missing_region_is_refused_with_the_same_message():
    form = CountyForm(data={})
    assert form.errors["region"] == ["请选择到区县一级"]


def test_stopping_at_the_city_is_refused_and_keeps_the_choice():
    form = CountyForm(data={"region__province": "410000", "region__city": "410100", "region": ""})
    assert form.errors["region"] == ["请选择到区县一级"]
    found = selects(str(form["region"]))
    assert found["region__province"][0] == "410000"
    assert found["region__city"][0] == "410100"
    assert found["region"][0] is None
    assert "410105" in found["region"][1]  # the counties of 郑州 are offered


def test_stopping_at_the_province_keeps_the_province():
    form = CountyForm(data={"region__province": "410000", "region__city": "", "region": ""})
    assert not form.is_valid()
    found = selects(str(form["region"]))
    assert found["region__province"][0] == "410000"
    assert found["region__city"][0] is None
    assert "410100" in found["region__city"][1]
    assert found["region"][1] == [""]


def test_optional_field_accepts_nothing():
    form = OptionalForm(data={"region__province": "", "region__city": "", "region": ""})
    assert form.is_valid()
    assert form.cleaned_data["region"] is None


def test_city_level_field_has_two_selects_and_its_own_message():
    form = CityForm(data={"city__province": "410000", "city": "410105"})
    assert form.errors["city"] == ["请选择到市级"]
    html = str(form["city"])
    assert list(selects(html)) == ["city__province", "city"]
    assert CityForm(data={"city": "410100"}).is_valid()


def test_bound_value_prefills_all_three_selects_after_an_error():
    class Registration(forms.Form):
        name = forms.CharField()
        region = RegionField()

    form = Registration(data={"name": "", "region__province": "410000", "region__city": "410100", "region": "410105"})
    assert not form.is_valid()
    assert "region" not in form.errors
    found = selects(str(form["region"]))
    assert found["region__province"][0] == "410000"
    assert found["region__city"][0] == "410100"
    assert found["region"][0] == "410105"
    assert len(found["region__province"][1]) == 1 + 34
    assert found["region__city"][1][:3] == ["", "410100", "410200"]
    assert "410103" in found["region"][1]


def test_initial_region_object_prefills_for_editing():
    form = CountyForm(initial={"region": Region.objects.get(code="110101")})
    found = selects(str(form["region"]))
    assert found == {
        "region__province": ("110000", found["region__province"][1]),
        "region__city": ("110100", ["", "110100"]),
        "region": ("110101", found["region"][1]),
    }
    assert found["region"][1][1] == "110101"


def test_province_direct_county_prefills_under_the_grouping_row():
    form = CountyForm(initial={"region": "419001"})
    found = selects(str(form["region"]))
    assert found["region__province"][0] == "410000"
    assert found["region__city"][0] == "419000"
    assert found["region"] == ("419001", ["", "419001"])
    assert CountyForm(data={"region": "419001"}).is_valid()


def test_municipality_district_is_valid():
    form = CountyForm(data={"region__province": "110000", "region__city": "110100", "region": "110101"})
    assert form.is_valid()
    assert form.cleaned_data["region"].full_name == "北京市 东城区"


def test_unbound_form_offers_only_provinces():
    found = selects(str(CountyForm()["region"]))
    assert found["region__province"] == (None, found["region__province"][1])
    assert len(found["region__province"][1]) == 35
    assert found["region__city"] == (None, [""])
    assert found["region"] == (None, [""])


def test_htmx_wiring_points_each_select_at_the_next():
    html = str(CountyForm()["region"])
    province = re.search(r'<select name="region__province"([^>]*)>', html).group(1)
    city = re.search(r'<select name="region__city"([^>]*)>', html).group(1)
    county = re.search(r'<select name="region"([^>]*)>', html).group(1)
    assert 'hx-get="/regions/children/?from=region__province&amp;reset=id_region"' in province
    assert 'hx-target="#id_region__city"' in province
    assert 'hx-trigger="change"' in province
    assert 'hx-params="region__province"' in province
    assert 'hx-get="/regions/children/?from=region__city"' in city
    assert 'hx-target="#id_region"' in city
    assert "hx-get" not in county
    assert 'id="id_region"' in county
    assert "<script" not in html
    assert 'aria-label="区县"' in county


def test_prefixed_form_uses_prefixed_names():
    form = CountyForm(prefix="org", data={"org-region__province": "410000", "org-region": "410103"})
    assert form.is_valid()
    html = str(form["region"])
    assert 'name="org-region__city"' in html
    assert 'hx-target="#id_org-region"' in html


def test_shared_field_include_shows_the_error_next_to_the_selects():
    form = CountyForm(data={"region__province": "410000"})
    form.is_valid()
    html = render_field(form, "region")
    label = '<label class="form-label" for="id_region__province">注册地区 <span class="text-danger">*</span></label>'
    assert label in html
    assert '<div class="invalid-feedback d-block" data-field-error="region">请选择到区县一级</div>' in html


def test_widget_rejects_unknown_level():
    with pytest.raises(ValueError):
        RegionCascadeWidget(level="town")
    with pytest.raises(ValueError):
        RegionField(level="town")
