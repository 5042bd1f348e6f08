"""The year of 工作桌面 and 统计分析 (a GET filter: a malformed year is said next to the field and this year used)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

YEAR_MESSAGE = _("年度不正确，已按本年度统计")


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("年度"), required=False, min_value=2000, max_value=2100,
                              error_messages={"invalid": YEAR_MESSAGE, "min_value": YEAR_MESSAGE,
                                              "max_value": YEAR_MESSAGE},
                              widget=forms.NumberInput(attrs={"class": "form-control form-control-sm"}))

    def __init__(self, data=None, **kwargs):
        self.default_year = timezone.localdate().year
        # Only the field's own parameter binds the form: other query parameters (a page, garbage) are not its own.
        bound = {"year": data["year"]} if data is not None and "year" in data else None
        super().__init__(bound, **kwargs)
        self.fields["year"].initial = self.default_year

    @property
    def chosen_year(self) -> int:
        if not self.is_bound or not self.is_valid() or self.cleaned_data["year"] is None:
            return self.default_year
        return self.cleaned_data["year"]
