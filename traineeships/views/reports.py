"""就业见习·批量上报: the three reports' template downloads and imports (through the batch engine's pages), and
上报记录 — every import of these reports by the unit, filtered by status and month (manual 002 §十: 【审核状态】
and 【申办月份】). A finished import is the submission: the data are saved at once, so nothing waits for review."""

from django import forms
from django.db.models import QuerySet
from django.shortcuts import render
from django.views.decorators.http import require_GET

from batch import registry
from batch.models import BatchJob, JobKind, JobStatus
from core.decorators import permission_required_403
from core.paging import paginate
from traineeships.forms.reports import MonthField
from traineeships.imports import MATCHING, REPORT_SPECS
from traineeships.rules import MANAGE_BASE as PERMISSION


class SubmissionFilterForm(forms.Form):
    spec = forms.ChoiceField(label="上报事项", required=False,
                             widget=forms.Select(attrs={"class": "form-select form-select-sm"}))
    status = forms.ChoiceField(label="状态", required=False, choices=[("", "全部")] + list(JobStatus.choices),
                               widget=forms.Select(attrs={"class": "form-select form-select-sm"}))
    month = MonthField(label="上报月份", required=False,
                       widget=forms.DateInput(attrs={"class": "form-control form-control-sm", "type": "month"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["spec"].choices = [("", "全部")] + [(key, registry.spec_label("import", key))
                                                        for key in REPORT_SPECS]


def report_jobs(organisation_id, *, spec="", status="", month=None) -> QuerySet:
    """The unit's imports of the reports, of one 上报事项, state and month when given (the screen and the API)."""
    jobs = BatchJob.objects.filter(organisation_id=organisation_id, kind=JobKind.IMPORT,
                                   spec__in=REPORT_SPECS).select_related("owner")
    if spec:
        jobs = jobs.filter(spec=spec)
    if status:
        jobs = jobs.filter(status=status)
    if month:
        jobs = jobs.filter(created_at__year=month.year, created_at__month=month.month)
    return jobs


@require_GET
@permission_required_403(PERMISSION)
def report_list(request):
    form = SubmissionFilterForm(request.GET)
    jobs = report_jobs(request.user.organisation_id, **(form.cleaned_data if form.is_valid() else {}))
    context = paginate(request, jobs.order_by("-created_at", "-id"))
    for job in context["object_list"]:
        job.spec_label = registry.spec_label("import", job.spec)
    specs = [registry.get_import(key) for key in REPORT_SPECS]
    context.update(form=form, specs=specs, matching_key=MATCHING)
    return render(request, "traineeships/roster/reports.html", context)
