"""Forms of 培训情况跟踪, 查看考勤, 注销培训班, 培训场地维护 and attendance recording (the tracking area)."""

import datetime
from decimal import Decimal

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apprenticeships.models import ApprenticeshipType, Mark, Venue
from apprenticeships.selectors.tracking import ClassState
from apprenticeships.services.attendance import check_day, check_filing, lost_on_day
from core.forms import BindErrorsMixin
from core.identifiers import normalise_id_number, validate_id_number
from regions.forms import RegionField
from regions.models import RegionLevel

INPUT = {"class": "form-control"}
SMALL = {"class": "form-control form-control-sm"}
SMALL_SELECT = {"class": "form-select form-select-sm"}
DATE_FORMATS = ["%Y-%m-%d", "%Y/%m/%d"]


class MonthField(forms.DateField):
    """A month typed as YYYY-MM (an <input type="month">); the value is its first day."""

    widget = forms.DateInput(attrs={**SMALL, "type": "month"}, format="%Y-%m")
    input_formats = ["%Y-%m", "%Y/%m", "%Y-%m-%d"]

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", {"invalid": _("月份格式应为 年-月，如 2026-03")})
        super().__init__(input_formats=self.input_formats, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace(day=1) if value else value


class TrackingFilterForm(forms.Form):
    number = forms.CharField(label=_("备案编号"), max_length=32, required=False, widget=forms.TextInput(attrs=SMALL))
    apprenticeship_type = forms.ChoiceField(label=_("学徒制培训类型"), required=False,
                                            choices=[("", _("全部"))] + ApprenticeshipType.choices,
                                            widget=forms.Select(attrs=SMALL_SELECT),
                                            error_messages={"invalid_choice": _("请选择有效的培训类型")})
    occupation = forms.CharField(label=_("培训职业（工种）"), max_length=64, required=False,
                                 widget=forms.TextInput(attrs=SMALL))
    state = forms.ChoiceField(label=_("培训班状态"), required=False, choices=[("", _("全部"))] + ClassState.CHOICES,
                              widget=forms.Select(attrs=SMALL_SELECT),
                              error_messages={"invalid_choice": _("请选择有效的培训班状态")})
    start_month = MonthField(label=_("开班月份"), required=False)


class CancelForm(BindErrorsMixin, forms.Form):
    reason = forms.CharField(label=_("注销原因"), max_length=255,
                             widget=forms.Textarea(attrs={**INPUT, "rows": 3}),
                             error_messages={"required": _("请填写注销原因"),
                                             "max_length": _("注销原因不能超过255字")})


class RecordFilterForm(forms.Form):
    """考勤记录 of one filing, by teacher, trainee or course (ids among the filing's own)."""

    teacher = forms.ModelChoiceField(label=_("授课教师"), queryset=None, required=False,
                                     widget=forms.Select(attrs=SMALL_SELECT), empty_label=_("全部"),
                                     error_messages={"invalid_choice": _("所选教师不在本备案中")})
    trainee = forms.ModelChoiceField(label=_("培训人员"), queryset=None, required=False,
                                     widget=forms.Select(attrs=SMALL_SELECT), empty_label=_("全部"),
                                     error_messages={"invalid_choice": _("所选培训人员不在本备案中")})
    course = forms.ModelChoiceField(label=_("课程"), queryset=None, required=False,
                                    widget=forms.Select(attrs=SMALL_SELECT), empty_label=_("全部"),
                                    error_messages={"invalid_choice": _("所选课程不在本备案中")})

    def __init__(self, *args, filing, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["teacher"].queryset = filing.teachers.order_by("id")
        self.fields["trainee"].queryset = filing.trainees.order_by("id")
        self.fields["course"].queryset = filing.courses.order_by("id")


# --- venues ---------------------------------------------------------------------------------------------------


class VenueFilterForm(forms.Form):
    name = forms.CharField(label=_("场地名称"), max_length=128, required=False, widget=forms.TextInput(attrs=SMALL))
    region = RegionField(label=_("所在地区"), level=RegionLevel.CITY, required=False)


class VenueForm(BindErrorsMixin, forms.Form):
    name = forms.CharField(label=_("场地名称"), max_length=128, widget=forms.TextInput(attrs=INPUT),
                           error_messages={"required": _("请填写场地名称")})
    region = RegionField(label=_("所在地区"))
    address = forms.CharField(label=_("详细地址"), max_length=255, widget=forms.TextInput(attrs=INPUT),
                              error_messages={"required": _("请填写详细地址")})
    capacity = forms.IntegerField(label=_("可容纳人数"), min_value=1, max_value=100000,
                                  widget=forms.NumberInput(attrs=INPUT),
                                  error_messages={"required": _("请填写可容纳人数"), "invalid": _("请填写整数"),
                                                  "min_value": _("可容纳人数至少为1人"),
                                                  "max_value": _("可容纳人数不能超过100000人")})
    latitude = forms.DecimalField(label=_("纬度"), required=False, max_digits=9, decimal_places=6,
                                  min_value=Decimal("-90"), max_value=Decimal("90"),
                                  widget=forms.NumberInput(attrs={**INPUT, "step": "0.000001",
                                                                  "data-map-lat": "1"}),
                                  help_text=_("WGS-84，如 34.757975；可在地图上点击选取"),
                                  error_messages={"invalid": _("请填写数字"), "min_value": _("纬度应在-90至90之间"),
                                                  "max_value": _("纬度应在-90至90之间"),
                                                  "max_decimal_places": _("最多6位小数"),
                                                  "max_digits": _("纬度格式不正确")})
    longitude = forms.DecimalField(label=_("经度"), required=False, max_digits=9, decimal_places=6,
                                   min_value=Decimal("-180"), max_value=Decimal("180"),
                                   widget=forms.NumberInput(attrs={**INPUT, "step": "0.000001",
                                                                   "data-map-lng": "1"}),
                                   help_text=_("WGS-84，如 113.665412"),
                                   error_messages={"invalid": _("请填写数字"),
                                                   "min_value": _("经度应在-180至180之间"),
                                                   "max_value": _("经度应在-180至180之间"),
                                                   "max_decimal_places": _("最多6位小数"),
                                                   "max_digits": _("经度格式不正确")})

    def clean(self):
        cleaned = super().clean()
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if "latitude" in self.errors or "longitude" in self.errors:
            return cleaned
        if (latitude is None) != (longitude is None):
            missing = "longitude" if longitude is None else "latitude"
            self.add_error(missing, _("经度和纬度应同时填写或同时留空"))
        return cleaned


def venue_initial(venue: Venue) -> dict:
    return {"name": venue.name, "region": venue.region_id, "address": venue.address, "capacity": venue.capacity,
            "latitude": venue.latitude, "longitude": venue.longitude}


# --- attendance recording -----------------------------------------------------------------------------------


class DayForm(forms.Form):
    """?day= on the recording page: which day to record or edit."""

    day = forms.DateField(label=_("考勤日期"), required=False, input_formats=DATE_FORMATS,
                          widget=forms.DateInput(attrs={**SMALL, "type": "date"}, format="%Y-%m-%d"),
                          error_messages={"invalid": _("日期格式应为 年-月-日，如 2026-03-02")})


class AttendanceForm(BindErrorsMixin, forms.Form):
    """One day of a course: the day, the teacher and whether present, one mark per trainee not lost that day."""

    day = forms.DateField(label=_("考勤日期"), input_formats=DATE_FORMATS,
                          widget=forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
                          error_messages={"required": _("请选择考勤日期"),
                                          "invalid": _("日期格式应为 年-月-日，如 2026-03-02")})
    teacher = forms.ModelChoiceField(label=_("授课教师"), queryset=None, required=False,
                                     widget=forms.Select(attrs={"class": "form-select"}), empty_label=_("无"),
                                     error_messages={"invalid_choice": _("所选教师不在本备案中")})
    teacher_present = forms.BooleanField(label=_("教师到课"), required=False,
                                         widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))
    session = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, course, trainees, lost=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.course = course
        self.trainees = list(trainees)
        self.lost = list(lost)
        self.fields["teacher"].queryset = course.filing.teachers.filter(
            Q(added_by_change__isnull=True) | Q(added_by_change__status="approved")).order_by("id")
        for trainee in self.trainees:
            self.fields[f"mark_{trainee.pk}"] = forms.ChoiceField(
                label=trainee.name, choices=Mark.choices, initial=Mark.PRESENT,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                error_messages={"required": _("请选择 %(name)s 的考勤") % {"name": trainee.name},
                                "invalid_choice": _("考勤结果无效")})

    def mark_fields(self):
        return [(trainee, self[f"mark_{trainee.pk}"]) for trainee in self.trainees]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("teacher_present") and cleaned.get("teacher") is None and "teacher" not in self.errors:
            self.add_error("teacher", _("教师到课时请选择授课教师"))
        for trainee in self.lost:
            if f"mark_{trainee.pk}" in self.data:
                self.add_error(None, _("培训人员 %(name)s 已流失，不能记录考勤") % {"name": trainee.name})
        return cleaned

    def marks(self) -> dict:
        return {trainee.pk: self.cleaned_data[f"mark_{trainee.pk}"] for trainee in self.trainees}


YES_NO = (("yes", _("是")), ("no", _("否")))


class AttendanceRowForm(forms.Form):
    """One row of the attendance import into a course: 日期, 身份证号, 姓名, 考勤 and optionally 教师到课."""

    day = forms.DateField(label=_("日期"), input_formats=DATE_FORMATS,
                          error_messages={"required": _("请填写日期"),
                                          "invalid": _("日期格式应为 年-月-日，如 2026-03-02")})
    id_number = forms.CharField(label=_("身份证号"), max_length=18, error_messages={"required": _("请填写身份证号")})
    name = forms.CharField(label=_("姓名"), max_length=64, required=False)
    mark = forms.ChoiceField(label=_("考勤"), choices=Mark.choices,
                             error_messages={"required": _("请填写考勤（出勤/缺勤/请假）"),
                                             "invalid_choice": _("考勤应为 出勤、缺勤 或 请假")})
    teacher_present = forms.ChoiceField(label=_("教师到课"), choices=YES_NO, required=False,
                                        error_messages={"invalid_choice": _("教师到课应为 是 或 否")})

    def __init__(self, *args, parent=None, today: datetime.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.course = parent
        self.today = today

    def clean_id_number(self):
        value = normalise_id_number(self.cleaned_data["id_number"])
        validate_id_number(value)
        return value

    def clean_teacher_present(self):
        value = self.cleaned_data.get("teacher_present")
        return {"yes": True, "no": False}.get(value)

    def clean(self):
        cleaned = super().clean()
        day, id_number = cleaned.get("day"), cleaned.get("id_number")
        if self.course is None or day is None or not id_number:
            return cleaned
        try:
            check_filing(self.course.filing)
            check_day(self.course, day, self.today)
        except forms.ValidationError as error:
            raise forms.ValidationError(error.messages) from None
        trainee = self.course.filing.trainees.filter(id_number=id_number).first()
        if trainee is None:
            raise forms.ValidationError(_("本备案的培训人员中没有该身份证号"))
        name = (cleaned.get("name") or "").strip()
        if name and name != trainee.name:
            raise forms.ValidationError(_("姓名与本备案培训人员“%(name)s”不一致") % {"name": trainee.name})
        if lost_on_day(trainee, day):
            raise forms.ValidationError(_("培训人员 %(name)s 已于 %(lost)s 流失，不能记录考勤")
                                        % {"name": trainee.name, "lost": trainee.lost_on.isoformat()})
        cleaned["trainee"] = trainee
        return cleaned
