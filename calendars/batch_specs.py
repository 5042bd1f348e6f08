"""工作日历导入: a year's dated rows from a spreadsheet, validated by the add page's own form."""

import datetime

from django.utils.translation import gettext_lazy as _

from batch.registry import Column, ImportSpec, register_import
from calendars.forms import DayForm
from calendars.models import DayKind
from calendars.rules import MANAGE, may_manage_calendar
from calendars.services import import_days

COLUMNS = (
    Column("日期", "date", required=True, example=datetime.date(2027, 1, 1), width=14,
           help_text="格式 2027-01-01。"),
    Column("类型", "kind", required=True, choices=tuple((value, str(label)) for value, label in DayKind.choices),
           example=DayKind.HOLIDAY, width=12, help_text="放假：当天不上班；调休上班：周六或周日上班。"),
    Column("节日名称", "name", required=True, example="元旦", width=14),
)


def _form_kwargs(actor, organisation):
    return {"actor": actor, "check_existing": False}


def register_calendar_import() -> None:
    register_import(ImportSpec(
        key="calendar_days", label=str(_("工作日历导入")), permission=MANAGE, columns=COLUMNS, form_class=DayForm,
        form_kwargs=_form_kwargs, natural_key=("date",), apply=import_days, needs_organisation=False,
        back_url_name="calendars:years", allowed=may_manage_calendar,
    ))
