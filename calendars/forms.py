from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from calendars.models import CalendarYear, DayKind, SpecialDay, YearStatus
from calendars.rules import may_manage_calendar
from calendars.services import check_day, duplicate_message, published_message


class DayForm(forms.Form):
    """One 放假 / 调休上班 date: the add and edit pages, and each row of the 工作日历导入."""

    date = forms.DateField(label=_("日期"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    kind = forms.ChoiceField(label=_("类型"), choices=DayKind.choices)
    name = forms.CharField(label=_("节日名称"), max_length=32, help_text=_("如：春节、国庆节"))

    def __init__(self, *args, actor=None, day: SpecialDay | None = None, check_existing: bool = True, **kwargs):
        self.actor = actor
        self.day = day
        # An import upserts by date, so an existing date is an update there, not an error.
        self.check_existing = check_existing
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        date, kind = data.get("date"), data.get("kind")
        if self.actor is not None and not may_manage_calendar(self.actor):
            raise ValidationError(_("只有省级人社部门可以维护工作日历"))
        if date is None or kind is None:
            return data
        check_day(date=date, kind=kind)
        if CalendarYear.objects.filter(year=date.year, status=YearStatus.PUBLISHED).exists():
            self.add_error("date", published_message(date.year))
        if self.day is not None and self.day.date.year != date.year and self.day.calendar_year.is_published:
            self.add_error("date", published_message(self.day.date.year))
        if self.check_existing:
            clash = SpecialDay.objects.filter(date=date)
            if self.day is not None:
                clash = clash.exclude(pk=self.day.pk)
            if clash.exists():
                self.add_error("date", duplicate_message(date))
        return data
