"""Small pieces every app's forms share."""

import calendar
import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _

MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})$")


class BindErrorsMixin:
    """Put a service's ValidationError on the form: each field's messages beside that field, the rest (or a
    message without fields) at the top."""

    def bind_errors(self, error) -> None:
        if hasattr(error, "error_dict"):
            for field, messages in error.error_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        else:
            self.add_error(None, error.messages)


class MonthField(forms.Field):
    """A month typed as YYYY-MM (the browser's month picker); cleaned to its first (or, with last_day, its last)
    day. `example` is the placeholder and the example of the error message; a year outside first_year..last_year
    is refused."""

    def __init__(self, *, last_day: bool = False, example: str = "2026-01", first_year: int = 2000,
                 last_year: int = 2100, **kwargs):
        self.last_day, self.first_year, self.last_year = last_day, first_year, last_year
        kwargs.setdefault("widget", forms.DateInput(attrs={"class": "form-control", "type": "month",
                                                           "placeholder": example}))
        kwargs["error_messages"] = {"invalid": _("请输入年月，如 %(example)s") % {"example": example},
                                    **kwargs.get("error_messages", {})}
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, datetime.date):
            return f"{value:%Y-%m}"
        return value

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        match = MONTH_RE.match(value)
        if (not match or not 1 <= int(match.group(2)) <= 12
                or not self.first_year <= int(match.group(1)) <= self.last_year):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        year, month = int(match.group(1)), int(match.group(2))
        return datetime.date(year, month, calendar.monthrange(year, month)[1] if self.last_day else 1)


def period_fields(**month_options) -> tuple[MonthField, MonthField]:
    """The 起始月份 / 截止月份 pair of a parameter valid for a period (valid_from, valid_to; an empty 截止月份 is
    open-ended); `month_options` go to both MonthFields."""
    return (MonthField(label=_("起始月份"), error_messages={"required": _("请填写起始月份")}, **month_options),
            MonthField(label=_("截止月份"), last_day=True, required=False, help_text=_("留空表示长期有效"),
                       **month_options))


BIGINT_MAX = 2**63 - 1
WHOLE_NUMBER_RE = re.compile(r"^-?[0-9]+$")  # ASCII digits only: str.isdigit() also accepts ² and ４


class RecordsField(forms.ModelMultipleChoiceField):
    """A choice of several records by id, refusing an id that is no whole number within the database's range
    before it reaches the query (Django passes an `__in` list unchecked, and SQLite raises OverflowError on a
    number past 64 bits: a 500 instead of the field's message)."""

    def _check_values(self, value):
        for pk in value:
            text = str(pk).strip()
            if not WHOLE_NUMBER_RE.match(text) or not -BIGINT_MAX <= int(text) <= BIGINT_MAX:
                raise forms.ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value",
                                            params={"pk": pk})
        return super()._check_values(value)


class TabForm(forms.Form):
    """A page's ?tab= (the tab links): one of `tabs`, blank for `default`. Another value is refused with
    `message`, shown above the list, which then shows nothing rather than some other tab."""

    tab = forms.ChoiceField(required=False, widget=forms.HiddenInput)

    def __init__(self, data, *, tabs, default: str, message=_("没有该页签")):
        super().__init__(data)
        self.default = default
        self.fields["tab"].choices = [("", "")] + [(tab, tab) for tab in tabs]
        self.fields["tab"].error_messages["invalid_choice"] = message

    def clean_tab(self):
        return self.cleaned_data["tab"] or self.default

    @property
    def chosen(self) -> str | None:
        """The tab to show, or None when the query named no tab of the page."""
        return self.cleaned_data["tab"] if self.is_valid() else None
