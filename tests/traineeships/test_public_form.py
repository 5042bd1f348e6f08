"""The public search's selects (core.widgets.FastSelect) print what Django's select templates print."""

import pytest
from django import forms

from core.widgets import FastSelect
from traineeships.forms.public import PublicPostFilterForm


@pytest.mark.django_db
@pytest.mark.parametrize("data", [None, {}, {"province": "410000"}, {"city": "410100", "county": "410103",
                                                                     "q": "会计", "education": "bachelor"},
                                  {"city": "410100", "county": "not a county", "education": "<x>"}])
def test_selects_print_as_djangos_templates(data):
    fast, plain = PublicPostFilterForm(data), PublicPostFilterForm(data)
    for field in plain.fields.values():
        if isinstance(field.widget, FastSelect):
            django_select = forms.Select(attrs=field.widget.attrs)
            django_select.choices = field.widget.choices
            field.widget = django_select
    assert any(isinstance(field.widget, FastSelect) for field in fast.fields.values())
    for name in fast.fields:
        assert str(fast[name]) == str(plain[name]), name
    if data and data.get("city") == "410100":  # the city's counties are offered
        assert 'value="410103"' in str(fast["county"])


def options(queryset) -> list[tuple[str, str]]:
    return [("", "全部")] + [(code, name) for code, name in queryset.values_list("code", "name")]


@pytest.mark.django_db
@pytest.mark.parametrize("data", [None, {}, {"province": "410000"}, {"city": "410100"},
                                  {"province": "140000", "city": "410100", "county": "410103"},
                                  {"province": "410000", "city": "not a city"}, {"city": "410000"},
                                  {"province": "410100", "city": "410102"}])
def test_the_selects_offer_what_one_query_per_select_offered(data, django_assert_num_queries):
    """The regions of the three selects come from one query (issue 12); they are those the form read one select
    at a time before: every province, the children of the city's province (else of the province given), the
    children of the city given."""
    from regions.models import Region, RegionLevel

    with django_assert_num_queries(1):
        form = PublicPostFilterForm(data)
    city = (data or {}).get("city", "")
    city_region = Region.objects.filter(code=city, level=RegionLevel.CITY).first() if city else None
    province = city_region.province_code if city_region else (data or {}).get("province", "")
    assert form.fields["province"].choices == options(Region.objects.filter(level=RegionLevel.PROVINCE))
    assert form.fields["city"].choices == (options(Region.objects.filter(parent_id=province)) if province
                                           else [("", "全部")])
    assert form.fields["county"].choices == (options(Region.objects.filter(parent_id=city)) if city
                                             else [("", "全部")])
    if city_region:
        assert form.data["province"] == city_region.province_code


@pytest.mark.django_db
def test_the_regions_of_a_choice_are_read_once_per_process_until_a_region_changes(django_assert_num_queries):
    from regions.models import Region

    data = {"city": "410100", "county": "410103"}
    first = PublicPostFilterForm(data)
    first_html = {name: str(first[name]) for name in first.fields}
    with django_assert_num_queries(0):
        again = PublicPostFilterForm(data)
    for name in ("province", "city", "county"):
        assert again.fields[name].choices == first.fields[name].choices
    assert again.data["province"] == "410000"
    # The second form's selects are written from the options kept by the first: the same text.
    assert {name: str(again[name]) for name in again.fields} == first_html
    assert '<option value="410103" selected>二七区</option>' in first_html["county"]
    county = Region.objects.get(code="410103")
    county.name = "中原新区"
    county.save()
    with django_assert_num_queries(1):
        renamed = PublicPostFilterForm(data)
    assert ("410103", "中原新区") in renamed.fields["county"].choices
    assert '<option value="410103" selected>中原新区</option>' in str(renamed["county"])
    # Codes that name no region are read every time and never kept.
    for _ in range(2):
        with django_assert_num_queries(1):
            PublicPostFilterForm({"province": "990000", "city": "not a city"})
