"""The year of 工作桌面 and 统计分析 (a GET filter, said next to the field when malformed).

统计分析 and its export show nothing for a malformed year, as every list does for a malformed filter: this
year's figures would be read, and exported, as the year asked. 工作桌面 is the unit's landing page (its to-do
counts do not depend on the year), so it says so and shows this year. The API refuses either with 400.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

YEAR_MESSAGE = _("年度不正确：请填写2000至2100之间的年份")
DESK_YEAR_MESSAGE = _("年度不正确，已按本年度统计")


class YearForm(forms.Form):
    message = YEAR_MESSAGE

    year = forms.IntegerField(label=_("年度"), required=False, min_value=2000, max_value=2100,
                              widget=forms.NumberInput(attrs={"class": "form-control form-control-sm"}))

    def __init__(self, data=None, **kwargs):
        self.default_year = timezone.localdate().year
        # Only the field's own parameter binds the form: other query parameters (a page, garbage) are not its own.
        bound = {"year": data["year"]} if data is not None and "year" in data else None
        super().__init__(bound, **kwargs)
        field = self.fields["year"]
        field.initial = self.default_year
        field.error_messages.update(invalid=self.message, min_value=self.message, max_value=self.message)

    @property
    def chosen_year(self) -> int | None:
        """The year asked for, this year when none is asked, None when the year is malformed."""
        if not self.is_bound:
            return self.default_year
        if not self.is_valid():
            return None
        year = self.cleaned_data["year"]
        return self.default_year if year is None else year


class DeskYearForm(YearForm):
    """工作桌面's year: a malformed one is said and this year shown."""

    message = DESK_YEAR_MESSAGE

    @property
    def chosen_year(self) -> int:
        year = super().chosen_year
        return self.default_year if year is None else year
