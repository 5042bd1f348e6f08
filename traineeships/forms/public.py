from django import forms
from django.db.models import Q, Subquery
from django.urls import reverse
from django.utils.choices import BaseChoiceIterator
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from core.widgets import FastInput, FastSelect
from regions.models import Region, RegionLevel
from traineeships.models import Education

PLACEHOLDER = _("全部")
FILTER_NAMES = ("province", "city", "county", "q", "education")


class _Options(BaseChoiceIterator):
    """(value, label) pairs already as Django normalises choices: a field and its widget take them as they are,
    where a list is normalised again, item by item, twice per form (a third of building the form)."""

    def __init__(self, options: list[tuple[str, str]]):
        self.options = options

    def __iter__(self):
        return iter(self.options)


def _options(regions, parent: str) -> _Options:
    return _Options([("", PLACEHOLDER)] + [(code, name) for code, name, _level, parent_id, _province in regions
                                           if parent_id == parent])


# The selects' regions for each (province, city) chosen, kept by each process: the regions are the national
# dataset, loaded by migrations and not edited while the site runs, and the query was a third of a search that
# misses the results cache. Only choices that name real regions are kept (at most one entry per city and per
# province, a few thousand in all), and a region's save or delete (the admin, a data fix) forgets them all.
_region_sets: dict[tuple[str, str], list[tuple]] = {}
_REGION_SETS_MAX = 5_000
# The selects' <option>s as written for each list and selected value (core.widgets.FastSelect's options_memo):
# kept only for the lists of kept region sets, and forgotten with them.
_rendered_options: dict = {}


def _regions(province: str, city: str) -> list[tuple]:
    key = (province, city)
    regions = _region_sets.get(key)
    if regions is None:
        regions = _read_regions(province, city)
        if _names_real_regions(regions, province, city):
            if len(_region_sets) >= _REGION_SETS_MAX:
                _region_sets.clear()
            _region_sets[key] = regions
    return regions


def _names_real_regions(regions: list[tuple], province: str, city: str) -> bool:
    found = {(code, level) for code, _name, level, _parent, _province in regions}
    return ((not province or (province, RegionLevel.PROVINCE) in found)
            and (not city or (city, RegionLevel.CITY) in found))


def forget_region_sets(**_kwargs) -> None:
    _region_sets.clear()
    _rendered_options.clear()


def _read_regions(province: str, city: str) -> list[tuple]:
    """(code, name, level, parent, province code) of every region the selects may need, in code order, in one query
    rather than four (a quarter of an uncached search was spent building them): the provinces, the chosen city
    itself, and the children of the chosen province, of the chosen city and of the chosen city's province."""
    condition = Q(level=RegionLevel.PROVINCE) | Q(parent_id__in=[code for code in (province, city) if code])
    if city:
        city_province = Region.objects.filter(code=city, level=RegionLevel.CITY).values("province_code")[:1]
        condition |= Q(code=city) | Q(parent_id=Subquery(city_province))
    return list(Region.objects.filter(condition).order_by("code")
                .values_list("code", "name", "level", "parent_id", "province_code"))


class PublicPostFilterForm(forms.Form):
    """选择市、区县和条件 (manual 002 §十六). Each region select offers only the children of the one above it,
    and changing one reloads the next with htmx."""

    # FastSelect: the same HTML as Django's select templates, written in Python (they were 30 % of the page).
    province = forms.ChoiceField(label=_("省份"), required=False, widget=FastSelect)
    city = forms.ChoiceField(label=_("市"), required=False, widget=FastSelect)
    county = forms.ChoiceField(label=_("区县"), required=False, widget=FastSelect)
    q = forms.CharField(label=_("关键词"), required=False, max_length=50,
                        widget=FastInput(attrs={"class": "form-control", "placeholder": _("岗位名称或单位名称"),
                                                      "type": "search"}))
    education = forms.ChoiceField(label=_("学历要求"), required=False,
                                  choices=[("", PLACEHOLDER)] + list(Education.choices),
                                  widget=FastSelect(attrs={"class": "form-select"}))

    def __init__(self, data=None, **kwargs):
        data = data.copy() if data is not None else None
        super().__init__(data, **kwargs)
        raw = {name: (data.get(name, "") if data is not None else "").strip() for name in ("province", "city")}
        regions = _regions(raw["province"], raw["city"])
        # A city implies its province, so a link with ?city=410100 alone shows the right selects.
        city_region = next((region for region in regions
                            if region[0] == raw["city"] and region[2] == RegionLevel.CITY), None)
        province = city_region[4] if city_region else raw["province"]
        if data is not None and city_region:
            data["province"] = province
            self.data = data
        self.fields["province"].choices = _Options([("", PLACEHOLDER)] + [
            (code, name) for code, name, level, _parent, _province in regions if level == RegionLevel.PROVINCE])
        self.fields["city"].choices = _options(regions, province) if province else _Options([("", PLACEHOLDER)])
        self.fields["county"].choices = (_options(regions, raw["city"]) if raw["city"]
                                         else _Options([("", PLACEHOLDER)]))
        options_url = reverse("traineeships:public_regions")
        for name, target, reset in (("province", "id_city", "id_county"), ("city", "id_county", "")):
            self.fields[name].widget.attrs.update({
                "class": "form-select",
                "hx-get": f"{options_url}?{urlencode({'from': name, 'reset': reset})}",
                "hx-target": f"#{target}", "hx-trigger": "change", "hx-swap": "innerHTML",
                "hx-params": name, "hx-sync": "this:replace",
            })
        self.fields["county"].widget.attrs["class"] = "form-select"
        self.fields["education"].widget.options_memo = (_rendered_options, "education")
        if _region_sets.get((raw["province"], raw["city"])) is regions:  # real regions: their lists are few
            self.fields["province"].widget.options_memo = (_rendered_options, "province")
            self.fields["city"].widget.options_memo = (_rendered_options, ("city", province))
            self.fields["county"].widget.options_memo = (_rendered_options, ("county", raw["city"]))

    def filters(self) -> dict | None:
        """The cleaned filters (empty strings for those not chosen), or None when a filter is invalid."""
        if not self.is_valid():
            return None
        return {name: (self.cleaned_data.get(name) or "").strip() for name in FILTER_NAMES}

    def querystring(self) -> str:
        """The valid filters as a query string, for the detail page's 返回列表 and the pager."""
        filters = self.filters() or {}
        return urlencode([(name, value) for name, value in filters.items() if value])
