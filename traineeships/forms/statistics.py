"""The year filter of 统计分析 (the page and its .xlsx export read it the same way)."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from traineeships.services.statistics import years_with_data


class StatisticsFilterForm(forms.Form):
    """?year=: one of the years that have data, or the current year (the page offers exactly these)."""

    year = forms.TypedChoiceField(
        label=_("年份"), coerce=int, required=False,
        error_messages={"invalid_choice": _("年份无效：请从列表中选择有数据的年份")},
        widget=forms.Select(attrs={"class": "form-select form-select-sm w-auto", "aria-label": _("年份")}))

    def __init__(self, data=None, *, years: list[int], today: datetime.date):
        super().__init__(data)
        self.today = today
        self.fields["year"].choices = [(year, f"{year}年") for year in years]
        self.fields["year"].initial = today.year

    def chosen_year(self) -> int | None:
        """The year asked for, the current one when none is asked, or None for a year not offered: the page
        then shows its message and no figures, as every list does for a malformed filter (this year's figures
        would be read, and exported, as the year asked)."""
        if not self.is_bound:
            return self.today.year
        if not self.is_valid():
            return None
        year = self.cleaned_data["year"]
        return self.today.year if year in (None, "") else year


def statistics_filter(region, params) -> StatisticsFilterForm:
    """The filter of `region`'s statistics bound to the query parameters (unbound when there are none)."""
    today = timezone.localdate()
    return StatisticsFilterForm(params or None, years=years_with_data(region, today), today=today)
