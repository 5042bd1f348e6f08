"""Forms of 见习匹配结果 after the import: the scans' zip, the bulk submission and the lists' filters."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from attachments.archives import MAX_ARCHIVE_BYTES, MAX_ENTRIES
from attachments.validation import format_size
from core.forms import RecordsField
from traineeships.forms.reports import MonthField
from traineeships.models import PlacementStatus
from traineeships.services.matches import MAX_BULK_SUBMIT

SELECT = {"class": "form-select form-select-sm"}
INPUT = {"class": "form-control form-control-sm"}


class ScanArchiveForm(forms.Form):
    archive = forms.FileField(
        label=_("协议扫描件压缩包"),
        help_text=_("一个 .zip 压缩包，每人一个文件，以身份证号命名（如 410105199901011234.pdf，也可为 .jpg、.png），"
                    "直接放在压缩包第一层；一次最多 %(count)d 个文件、不超过 %(size)s")
        % {"count": MAX_ENTRIES, "size": format_size(MAX_ARCHIVE_BYTES)},
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".zip,application/zip"}),
        error_messages={"required": _("请选择协议扫描件压缩包"), "empty": _("文件为空：请选择协议扫描件压缩包"),
                        "invalid": _("请选择协议扫描件压缩包")},
    )

    def clean_archive(self):
        archive = self.cleaned_data["archive"]
        if not archive.name.lower().endswith(".zip"):
            raise forms.ValidationError(_("只能上传 .zip 压缩包"), code="extension")
        return archive

    def bind_error(self, error) -> None:
        self.add_error("archive", error.messages)


class BulkSubmitForm(forms.Form):
    SELECTED, READY = "selected", "ready"

    placements = RecordsField(
        queryset=None, required=False,
        error_messages={"invalid_choice": _("所选上岗登记不存在（可能已撤销或不属于本单位），请刷新页面后重试"),
                        "invalid_pk_value": _("所选上岗登记不存在，请刷新页面后重试"),
                        "invalid_list": _("所选上岗登记不存在，请刷新页面后重试")},
    )
    action = forms.ChoiceField(choices=[(SELECTED, _("提交所选")), (READY, _("提交全部已上传扫描件的"))],
                               error_messages={"required": _("请选择提交方式"), "invalid_choice": _("请选择提交方式")})

    def __init__(self, *args, placements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["placements"].queryset = placements

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == self.SELECTED and "placements" not in self.errors:
            chosen = cleaned.get("placements")
            if not chosen:
                raise forms.ValidationError(_("请先勾选要提交审核的上岗登记"))
            if len(chosen) > MAX_BULK_SUBMIT:
                raise forms.ValidationError(_("一次最多提交 %(max)d 条") % {"max": MAX_BULK_SUBMIT})
        return cleaned


class DraftFilterForm(forms.Form):
    q = forms.CharField(label=_("姓名/身份证号"), required=False, max_length=64, widget=forms.TextInput(attrs=INPUT))
    scan = forms.ChoiceField(label=_("协议扫描件"), required=False, widget=forms.Select(attrs=SELECT),
                             choices=[("", _("全部")), ("yes", _("已上传")), ("no", _("未上传"))])
    status = forms.ChoiceField(label=_("状态"), required=False, widget=forms.Select(attrs=SELECT),
                               choices=[("", _("全部")), (PlacementStatus.DRAFT, PlacementStatus.DRAFT.label),
                                        (PlacementStatus.RETURNED, PlacementStatus.RETURNED.label),
                                        (PlacementStatus.REJECTED, PlacementStatus.REJECTED.label)])

    def apply(self, placements):
        if not self.is_valid():
            return placements
        data = self.cleaned_data
        if data["q"]:
            text = data["q"].strip()
            placements = placements.filter(Q(person__real_name__icontains=text) | Q(person__id_number=text.upper()))
        if data["scan"]:
            placements = placements.filter(agreement_scan__isnull=data["scan"] == "no")
        if data["status"]:
            placements = placements.filter(status=data["status"])
        return placements


# 审核状态 of a registration as the unit follows it after the import; 审核通过 is every state the approved
# agreement leads to (在岗, 离岗办理中, 已结束 and any later one), so it is "not one of the others".
REVIEW_GROUPS = {
    "draft": (_("待提交协议"), (PlacementStatus.DRAFT,)),
    "pending": (_("协议审核中"), (PlacementStatus.PENDING,)),
    "returned": (_("退回修改"), (PlacementStatus.RETURNED,)),
    "rejected": (_("审核不通过"), (PlacementStatus.REJECTED,)),
    "cancelled": (_("已撤销登记"), (PlacementStatus.CANCELLED,)),
}
APPROVED = "approved"
NOT_APPROVED = tuple(status for _label, statuses in REVIEW_GROUPS.values() for status in statuses)


class MatchRecordFilterForm(forms.Form):
    """上报记录 of 见习匹配结果 (manual 002 §十: 【审核状态】 and 【申办月份】), and which import."""

    status = forms.ChoiceField(label=_("审核状态"), required=False, widget=forms.Select(attrs=SELECT),
                               choices=[("", _("全部")), (APPROVED, _("审核通过"))]
                               + [(key, label) for key, (label, _statuses) in REVIEW_GROUPS.items()],
                               error_messages={"invalid_choice": _("请选择列表中的审核状态")})
    month = MonthField(label=_("申办月份"), required=False, widget=forms.DateInput(attrs={**INPUT, "type": "month"}))
    job = forms.IntegerField(label=_("导入批次号"), required=False, min_value=1, max_value=2**31 - 1,
                             widget=forms.NumberInput(attrs=INPUT),
                             error_messages={"invalid": _("请填写导入批次号（数字）"),
                                             "min_value": _("请填写导入批次号（数字）"),
                                             "max_value": _("请填写导入批次号（数字）")})

    def apply(self, placements):
        if not self.is_valid():
            return placements.none()
        data = self.cleaned_data
        if data["status"] == APPROVED:
            placements = placements.exclude(status__in=NOT_APPROVED)
        elif data["status"]:
            placements = placements.filter(status__in=REVIEW_GROUPS[data["status"]][1])
        if data["month"]:
            placements = placements.filter(created_at__year=data["month"].year, created_at__month=data["month"].month)
        if data["job"]:
            placements = placements.filter(import_job_id=data["job"])
        return placements
