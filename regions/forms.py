"""Region picking in forms: `RegionField` with cascading 省/市/区县 selects driven by htmx.

Usage in any form::

    from regions.forms import RegionField

    class RegistrationForm(forms.Form):
        region = RegionField(label="注册地区")            # must reach a county (区县)
        city = RegionField(level="city", required=False)  # two selects, stops at 市

The cleaned value is a `Region`; the submitted value is its six-digit code.
"""

import re

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regions.models import Region, RegionLevel

LEVEL_ORDER = [RegionLevel.PROVINCE, RegionLevel.CITY, RegionLevel.COUNTY]
SELECT_LABELS = {RegionLevel.PROVINCE: _("省"), RegionLevel.CITY: _("市"), RegionLevel.COUNTY: _("区县")}
LEVEL_MESSAGES = {
    RegionLevel.PROVINCE: _("请选择省份"),
    RegionLevel.CITY: _("请选择到市级"),
    RegionLevel.COUNTY: _("请选择到区县一级"),
}
PLACEHOLDER = _("--请选择--")


def _levels_down_to(level: str) -> list[str]:
    if level not in LEVEL_ORDER:
        raise ValueError(f"unknown region level {level!r}")
    return LEVEL_ORDER[: LEVEL_ORDER.index(level) + 1]


def _code_of(value) -> str:
    if isinstance(value, Region):
        return value.code
    return "" if value is None else str(value).strip()


class RegionCascadeWidget(forms.Widget):
    """One <select> per level. The deepest select carries the field's name; the upper ones are named
    `<name>__province` / `<name>__city` and only steer which options the next select offers."""

    template_name = "regions/widgets/region_cascade.html"

    def __init__(self, level: str = RegionLevel.COUNTY, attrs=None):
        self.levels = _levels_down_to(level)
        self.level = level
        super().__init__(attrs)

    def __deepcopy__(self, memo):
        copy = super().__deepcopy__(memo)
        copy.levels = list(self.levels)
        return copy

    def _select_name(self, name: str, level: str) -> str:
        return name if level == self.level else f"{name}__{level}"

    def _select_id(self, id_: str, level: str) -> str:
        return id_ if level == self.level else f"{id_}__{level}"

    def id_for_label(self, id_):
        # The label points at the first select: that is where the user starts.
        return self._select_id(id_, self.levels[0]) if id_ else id_

    def value_from_datadict(self, data, files, name):
        value = data.get(name)
        if value:
            return value
        # Nothing picked at the deepest level: keep what was picked above so the re-rendered form shows
        # it (the field then reports that the choice is incomplete).
        for level in reversed(self.levels[:-1]):
            upper = data.get(self._select_name(name, level))
            if upper:
                return upper
        return value

    def value_omitted_from_data(self, data, files, name):
        return all(self._select_name(name, level) not in data for level in self.levels)

    def _selected_chain(self, code: str) -> dict[str, str]:
        """Codes selected at each level for `code`, which may be a region of any level (or unknown)."""
        if not code:
            return {}
        region = Region.objects.filter(code=code).only("code", "level", "province_code", "city_code").first()
        if region is None:
            return {}
        chain = {RegionLevel.PROVINCE: region.province_code}
        if region.level in (RegionLevel.CITY, RegionLevel.COUNTY):
            chain[RegionLevel.CITY] = region.city_code
        if region.level == RegionLevel.COUNTY:
            chain[RegionLevel.COUNTY] = region.code
        return chain

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        base_attrs = context["widget"]["attrs"]
        base_id = base_attrs.get("id") or f"id_{name}"
        chain = self._selected_chain(_code_of(value))
        children_url = reverse("regions:children")

        selects = []
        for index, level in enumerate(self.levels):
            if index == 0:
                options = Region.objects.filter(level=RegionLevel.PROVINCE)
            else:
                parent_code = chain.get(self.levels[index - 1])
                options = Region.objects.filter(parent_id=parent_code) if parent_code else Region.objects.none()
            select_name = self._select_name(name, level)
            select_attrs = {
                **base_attrs,
                "id": self._select_id(base_id, level),
                "aria-label": str(SELECT_LABELS[level]),
                "class": ("form-select " + base_attrs.get("class", "")).strip(),
                "data-region-level": level,
            }
            if index + 1 < len(self.levels):
                next_id = self._select_id(base_id, self.levels[index + 1])
                query = f"?from={select_name}"
                if index + 2 < len(self.levels):
                    # Changing the province must also empty the county list (sent back out of band).
                    query += f"&reset={self._select_id(base_id, self.levels[index + 2])}"
                select_attrs.update(
                    {
                        "hx-get": children_url + query,
                        "hx-target": f"#{next_id}",
                        "hx-trigger": "change",
                        "hx-swap": "innerHTML",
                        "hx-params": select_name,
                        "hx-sync": "this:replace",
                    }
                )
            selected = chain.get(level, "")
            selects.append(
                {
                    "name": select_name,
                    "level": level,
                    "attrs": select_attrs,
                    "options": [(region.code, region.name, region.code == selected) for region in options],
                }
            )
        context["widget"]["selects"] = selects
        context["widget"]["placeholder"] = PLACEHOLDER
        context["widget"]["columns"] = 12 // len(self.levels)
        return context


class RegionField(forms.ModelChoiceField):
    """A region of exactly `level` ("county" by default, or "city"/"province"), picked by cascading selects."""

    def __init__(self, level: str = RegionLevel.COUNTY, **kwargs):
        _levels_down_to(level)
        self.level = level
        message = LEVEL_MESSAGES[level]
        error_messages = {"required": message, "invalid_choice": message}
        error_messages.update(kwargs.pop("error_messages", None) or {})
        kwargs.setdefault("queryset", Region.objects.filter(level=level))
        kwargs.setdefault("to_field_name", "code")
        kwargs.setdefault("widget", RegionCascadeWidget(level=level))
        kwargs.setdefault("label", _("所在地区"))
        kwargs.setdefault("empty_label", None)
        super().__init__(error_messages=error_messages, **kwargs)


CODE_RE = re.compile(r"^[0-9]{6}$")  # ASCII digits: \d also matches ４ and ²
# Only names and ids the region widget itself produces (letters, digits, _ and -).
PARAM_RE = re.compile(r"^[A-Za-z0-9_-]{1,100}$")


class ChildrenQueryForm(forms.Form):
    """The region options endpoint's query: `parent` (a six-digit code), or `from` naming the parameter that
    carries it (the widget sends its select's value under the select's name), and `reset`, the id of a further
    select to empty. Blank parent: only the placeholder (the user went back to 请选择)."""

    parent = forms.CharField(required=False)
    reset = forms.RegexField(PARAM_RE, required=False, error_messages={"invalid": _("要清空的下拉框标识不正确")})

    def __init__(self, data):
        super().__init__(data)
        # "from" is a Python keyword, hence not a class attribute.
        self.fields["from"] = forms.RegexField(
            PARAM_RE, required=False, error_messages={"invalid": _("上级下拉框名称不正确")}
        )

    def clean(self):
        cleaned = super().clean()
        parent = cleaned.get("parent") or ""
        source = cleaned.get("from")
        if not parent and source:
            parent = (self.data.get(source) or "").strip()
        if parent and not CODE_RE.match(parent):
            self.add_error("parent", _("地区代码应为6位数字"))
        cleaned["parent"] = parent
        return cleaned
