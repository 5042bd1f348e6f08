from django import forms
from django.utils.translation import gettext_lazy as _

from batch import registry
from batch.models import JobKind, JobStatus
from batch.reading import ALLOWED_EXTENSIONS, MAX_UPLOAD_BYTES, NOT_A_WORKBOOK, WorkbookProblem, sniff_format


class ImportUploadForm(forms.Form):
    """Checks the upload before a job is queued: name, size, and what the file is by its signature and zip
    directory. Nothing is decompressed or parsed here: a hostile file must not hold a web worker; the job
    reads the header row and the data, within the bounds of batch.xlsx, and reports problems on its page."""

    file = forms.FileField(
        label=_("Excel 文件"), help_text=_("支持 .xlsx 和 .xls，不超过 20 MB；请使用本页下载的模板"),
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".xlsx,.xls"}),
    )

    def __init__(self, *args, spec: registry.ImportSpec, **kwargs):
        super().__init__(*args, **kwargs)
        self.spec = spec

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(ALLOWED_EXTENSIONS):
            raise forms.ValidationError(_("只能上传 .xlsx 或 .xls 格式的 Excel 文件"), code="extension")
        if upload.size > MAX_UPLOAD_BYTES:
            message = _("文件大小为 %(size).1f MB，超过 20 MB 的上限，请分成几个文件导入")
            raise forms.ValidationError(message % {"size": upload.size / 1024 / 1024}, code="too_large")
        try:
            kind = sniff_format(upload)
        except WorkbookProblem as problem:
            raise forms.ValidationError(str(problem), code="limit") from None
        if kind is None:
            raise forms.ValidationError(NOT_A_WORKBOOK, code="workbook")
        upload.seek(0)
        return upload


class ProgressQueryForm(forms.Form):
    """The progress fragment's ?polling=1, sent by the detail page while it polls (then a finished job reloads
    the page once); absent when the fragment is fetched otherwise."""

    polling = forms.ChoiceField(required=False, choices=[("", ""), ("1", "1")],
                                error_messages={"invalid_choice": _("polling 参数只能为 1")})


class ImportQueryForm(forms.Form):
    """An import page's ?parent=<key> (ImportSpec.parent): the owning app's key of the record, at most as long as
    BatchJob.parent_key. Whether the record exists and may be imported into is the owning app's question (404 /
    403); a key no app could have written is refused here rather than cut or looked up."""

    parent = forms.RegexField(
        r"^[A-Za-z0-9_.-]*$", required=False, max_length=64,
        error_messages={"invalid": _("所属记录参数只能包含字母、数字、点、横线和下划线"),
                        "max_length": _("所属记录参数不能超过%(limit_value)d个字符（目前%(show_value)d个）")},
    )

    def first_error(self) -> str:
        return next(str(message) for messages in self.errors.values() for message in messages)


def _spec_choices_for(user) -> list[tuple[str, str]]:
    """The businesses `user` may import or export: an individual is not offered 人员信息 and the like."""
    allowed = {spec.key for spec in registry.import_specs() if spec.may_import(user)}
    allowed |= {spec.key for spec in registry.export_specs()
                if spec.may_export(user) and (user.organisation_id or not spec.needs_organisation)}
    return [(key, label) for key, label in registry.spec_choices() if key in allowed]


class JobFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("类型"), required=False, choices=[("", _("全部"))] + list(JobKind.choices),
                             error_messages={"invalid_choice": _("没有该任务类型，请从列表中选择")})
    spec = forms.ChoiceField(label=_("业务"), required=False,
                             error_messages={"invalid_choice": _("没有该业务，请从列表中选择")})
    status = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部"))] + list(JobStatus.choices),
                               error_messages={"invalid_choice": _("没有该状态，请从列表中选择")})

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["spec"].choices = [("", _("全部"))] + (
            registry.spec_choices() if user is None else _spec_choices_for(user))
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select form-select-sm"

    def apply(self, queryset):
        if not self.is_bound:
            return queryset
        if not self.is_valid():
            # The message is beside the field; the list is empty rather than less filtered than asked.
            return queryset.none()
        for name in ("kind", "spec", "status"):
            if self.cleaned_data.get(name):
                queryset = queryset.filter(**{name: self.cleaned_data[name]})
        return queryset
