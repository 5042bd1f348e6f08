"""Row forms of the three batch reports (manual 002 §八–§十五) and the period form of the roster. The batch
engine validates each spreadsheet row with these, exactly as a screen would."""

import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from traineeships.forms.fields import record_id_field
from traineeships.forms.placements import TermsForm
from traineeships.models import (
    LIFETIME_STATUSES,
    PAID_STATUSES,
    Application,
    ApplicationStatus,
    Placement,
    PlacementStatus,
)
from traineeships.services.placements import EDITABLE_PLACEMENT_STATUSES, FULL_MESSAGE, LIFETIME_MESSAGE

REPORTABLE = PAID_STATUSES  # on post, leaving, ended early or 见习期满: each month of the traineeship


class MonthField(forms.Field):
    """A month as the first day: 2026-03, 2026/3, 2026年3月, or a date cell of that month."""

    default_error_messages = {"invalid": _("月份格式应为 2026-03"), "required": _("请填写月份"),
                              "out_of_range": _("月份应在1900年至2999年之间")}
    # Far beyond any traineeship, and far enough from the calendar's ends that month arithmetic and a
    # time-zone-aware filter on the month (year 1 shifted to UTC) cannot overflow.
    YEARS = (1900, 2999)

    def to_python(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, datetime.date):
            return value.replace(day=1)
        match = re.fullmatch(r"\s*(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:月|[-/.]\d{1,2}\s*日?)?\s*", str(value))
        if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if not self.YEARS[0] <= int(match.group(1)) <= self.YEARS[1]:
            raise forms.ValidationError(self.error_messages["out_of_range"], code="out_of_range")
        return datetime.date(int(match.group(1)), int(match.group(2)), 1)


def _id_field():
    return forms.CharField(label=_("身份证号"), max_length=18, error_messages={"required": _("请填写身份证号")})


class _UnitRowForm(forms.Form):
    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_id_number(self):
        return self.cleaned_data["id_number"].strip().upper()


class PlacementMonthForm(_UnitRowForm):
    """A row about one trainee of the unit in one month: the placement must have been approved and the month
    must fall within the traineeship."""

    id_number = _id_field()
    name = forms.CharField(label=_("姓名"), max_length=64, error_messages={"required": _("请填写姓名")})
    month = MonthField(label=_("月份"))

    def clean(self):
        cleaned = super().clean()
        id_number, month = cleaned.get("id_number"), cleaned.get("month")
        if not id_number or not month:
            return cleaned
        placement = (
            Placement.objects.filter(base__organisation=self.organisation, person__id_number=id_number,
                                     status__in=REPORTABLE)
            .select_related("person").order_by("-start_on").first()
        )
        if placement is None:
            raise forms.ValidationError(_("本单位没有该身份证号的在岗（或已结束）见习人员"))
        if cleaned.get("name") and placement.person.real_name != cleaned["name"].strip():
            self.add_error("name", _("姓名与身份证号不一致（系统登记为%(name)s）")
                           % {"name": placement.person.real_name})
        last = placement.ended_on or placement.end_on
        if not placement.start_on.replace(day=1) <= month <= last.replace(day=1):
            self.add_error("month", _("该月份不在见习期内（%(start)s至%(end)s）") % {
                "start": placement.start_on.isoformat(), "end": last.isoformat()})
        cleaned["placement"] = placement
        return cleaned


class AttendanceRowForm(PlacementMonthForm):
    days_attended = forms.IntegerField(label=_("出勤天数"), min_value=0, max_value=31,
                                       error_messages={"required": _("请填写出勤天数"), "invalid": _("请填写整数"),
                                                       "min_value": _("不能小于0"), "max_value": _("不能大于31")})
    days_absent = forms.IntegerField(label=_("缺勤天数"), min_value=0, max_value=31,
                                     error_messages={"required": _("请填写缺勤天数"), "invalid": _("请填写整数"),
                                                     "min_value": _("不能小于0"), "max_value": _("不能大于31")})

    def clean(self):
        cleaned = super().clean()
        month, attended, absent = cleaned.get("month"), cleaned.get("days_attended"), cleaned.get("days_absent")
        if month and attended is not None and absent is not None:
            days = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - month
            if attended + absent > days.days:
                raise forms.ValidationError(_("出勤天数与缺勤天数之和不能超过当月天数（%(days)s天）")
                                            % {"days": days.days})
        return cleaned


YES_NO = (("yes", "是"), ("no", "否"))


class OnPostRowForm(PlacementMonthForm):
    on_post = forms.ChoiceField(label=_("是否在岗"), choices=YES_NO,
                                error_messages={"required": _("请填写是否在岗"),
                                                "invalid_choice": _("请填写“是”或“否”")})
    note = forms.CharField(label=_("备注"), max_length=255, required=False)

    def clean_on_post(self):
        return self.cleaned_data["on_post"] == "yes"


class MatchingRowForm(TermsForm):
    """见习匹配结果 (签订协议的人员): a registration of an approved applicant, as on the 录用上岗登记 screen."""

    id_number = _id_field()
    name = forms.CharField(label=_("姓名"), max_length=64, error_messages={"required": _("请填写姓名")})
    post_title = forms.CharField(label=_("岗位名称"), max_length=64, error_messages={"required": _("请填写岗位名称")})
    # The file's 确认倒签 column: 是 confirms a start date further back than the region allows.
    backdating_confirmed = forms.ChoiceField(label=_("确认倒签"), required=False,
                                             choices=[("", ""), ("yes", _("是")), ("no", _("否"))])

    field_order = ["id_number", "name", "post_title"]

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        # The batch engine validates every row of a file with this one form: places taken by earlier rows
        # of the same file count too.
        self.claimed: dict[int, set] = {}

    def clean_backdating_confirmed(self):
        return self.cleaned_data.get("backdating_confirmed") == "yes"

    def clean(self):
        self.post = None
        id_number = (self.cleaned_data.get("id_number") or "").strip().upper()
        title = (self.cleaned_data.get("post_title") or "").strip()
        application = None
        if id_number and title:
            application = (
                Application.objects.filter(post__base__organisation=self.organisation, person__id_number=id_number,
                                           post__title=title, status=ApplicationStatus.APPROVED)
                .select_related("person", "post__work_region").order_by("-decided_at", "-id").first()
            )
            if application is None:
                raise forms.ValidationError(_("本单位“%(title)s”岗位没有该身份证号的审核通过的报名") % {"title": title})
            if self.cleaned_data.get("name") and application.person.real_name != self.cleaned_data["name"].strip():
                self.add_error("name", _("姓名与身份证号不一致（系统登记为%(name)s）")
                               % {"name": application.person.real_name})
            self.post = application.post
        cleaned = super().clean()
        if application is None:
            return cleaned
        cleaned["id_number"] = id_number
        cleaned["application"] = application
        existing = Placement.objects.filter(application=application).first()
        if existing is not None and existing.status not in EDITABLE_PLACEMENT_STATUSES:
            raise forms.ValidationError(_("该人员的上岗登记为“%(status)s”，不能通过导入修改")
                                        % {"status": existing.get_status_display()})
        if existing is None or existing.status == PlacementStatus.REJECTED:
            elsewhere = Placement.objects.filter(person=application.person, status__in=LIFETIME_STATUSES)
            if existing is not None:
                elsewhere = elsewhere.exclude(pk=existing.pk)
            if elsewhere.exists():
                raise forms.ValidationError(_(LIFETIME_MESSAGE))
            post = application.post
            claimed = self.claimed.setdefault(post.pk, set())
            held = Placement.objects.filter(post=post, status__in=LIFETIME_STATUSES).count()
            if id_number not in claimed and held + len(claimed) >= post.places:
                raise forms.ValidationError(_(FULL_MESSAGE) % {"places": post.places})
            claimed.add(id_number)
        return cleaned


class RosterFormatForm(forms.Form):
    """花名册's ?format=: the page itself (blank), its .xlsx or its PDF (the page's two buttons)."""

    format = forms.ChoiceField(
        required=False, choices=[("", ""), ("xlsx", "Excel"), ("pdf", "PDF")],
        error_messages={"invalid_choice": _("没有该导出格式，请用页面上的“导出 Excel”或“打印 PDF”")},
    )


class PeriodForm(forms.Form):
    first_month = MonthField(label=_("起始月份"), widget=forms.DateInput(attrs={"class": "form-control",
                                                                             "type": "month"}))
    last_month = MonthField(label=_("截止月份"), widget=forms.DateInput(attrs={"class": "form-control",
                                                                            "type": "month"}))

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_month"), cleaned.get("last_month")
        if first and last:
            if last < first:
                self.add_error("last_month", _("截止月份不能早于起始月份"))
            elif (last.year - first.year) * 12 + last.month - first.month >= 36:
                self.add_error("last_month", _("一次最多统计36个月"))
        return cleaned


class BaseChoiceForm(forms.Form):
    """The base HR picks on the roster (?base=): its id among the approved bases of the jurisdiction."""

    base = record_id_field(_("见习基地"), _("见习基地选择无效，请从列表中选择"))
