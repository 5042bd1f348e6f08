"""The task centre (manual 004 §5 导入导出任务查看), import pages, template and file downloads."""

import io
import os
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from batch import registry, services
from batch.forms import ImportQueryForm, ImportUploadForm, JobFilterForm, ProgressQueryForm
from batch.jobs import fail_stale_jobs
from batch.models import SAVED_ROWS_STATUSES, JobKind, JobStatus
from batch.selectors import get_job_for_user, get_jobs_for_user
from batch.writing import temporary_xlsx, write_failed_rows, write_template
from core.paging import COUNT_CAP, paginate

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require(user, spec):
    if not spec.may_import(user):
        raise PermissionDenied


def _xlsx_response(build, filename: str) -> FileResponse:
    """Build an .xlsx into a temporary file, then serve it from memory so the file can be removed at once."""
    handle = temporary_xlsx()
    handle.close()
    try:
        build(handle.name)
        with open(handle.name, "rb") as built:
            content = built.read()
    finally:
        os.unlink(handle.name)
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=filename, content_type=XLSX)


@require_GET
@login_required
def job_list(request):
    fail_stale_jobs()
    form = JobFilterForm(request.GET or None, user=request.user)
    jobs = form.apply(get_jobs_for_user(request.user))
    context = {"filter_form": form, **paginate(request, jobs, cap=COUNT_CAP)}
    for job in context["object_list"]:
        job.spec_label = registry.spec_label(job.kind, job.spec)
    return render(request, "batch/job_list.html", context)


def _detail_context(request, job):
    job.spec_label = registry.spec_label(job.kind, job.spec)
    return {"job": job}


@require_GET
@login_required
def job_detail(request, pk):
    fail_stale_jobs()
    job = get_job_for_user(request.user, pk)
    context = _detail_context(request, job)
    context.update(paginate(request, job.row_errors.all()))
    if job.kind == JobKind.IMPORT:
        spec = registry.get_import(job.spec)
        context["headers"] = spec.headers
        context["import_url"] = _import_url(spec.key, job.parent_key)
    return render(request, "batch/job_detail.html", context)


@require_GET
@login_required
def job_progress(request, pk):
    """Polled by the detail page every second while the job runs."""
    fail_stale_jobs()
    job = get_job_for_user(request.user, pk)
    query = ProgressQueryForm(request.GET)
    if not query.is_valid():
        return HttpResponseBadRequest(query.errors["polling"][0], content_type="text/plain; charset=utf-8")
    response = render(request, "batch/_job_progress.html", _detail_context(request, job))
    if job.is_finished and request.headers.get("HX-Request") and query.cleaned_data["polling"]:
        # The job ended while the page was polling: reload once to show failed rows and downloads.
        response["HX-Refresh"] = "true"
    return response


@require_GET
@login_required
def download_source(request, pk):
    job = get_job_for_user(request.user, pk)
    if not job.source_file:
        raise Http404
    return FileResponse(job.source_file.open("rb"), as_attachment=True, filename=job.source_name)


@require_GET
@login_required
def download_failed(request, pk):
    job = get_job_for_user(request.user, pk)
    if job.kind != JobKind.IMPORT or not job.failed_rows:
        raise Http404
    spec = registry.get_import(job.spec)
    filename = _("%(label)s-失败数据-%(id)s.xlsx") % {"label": spec.label, "id": job.pk}
    return _xlsx_response(lambda path: write_failed_rows(spec, job.row_errors.all().iterator(), path), filename)


@require_GET
@login_required
def download_result(request, pk):
    """An export's file, or an import's saved rows (下载成功数据)."""
    job = get_job_for_user(request.user, pk)
    if job.status not in SAVED_ROWS_STATUSES or (job.kind == JobKind.EXPORT and job.status != JobStatus.SUCCEEDED):
        raise Http404
    if job.kind == JobKind.IMPORT:
        result = services.success_rows_file(actor=request.user, job=job)
    else:
        result = job.result_file
    if not result:
        raise Http404
    return FileResponse(result.open("rb"), as_attachment=True, filename=result.name.rsplit("/", 1)[-1],
                        content_type=XLSX)


@require_GET
@login_required
def download_template(request, spec_key):
    spec = registry.get_import(spec_key)
    _require(request.user, spec)
    filename = _("%(label)s模板.xlsx") % {"label": spec.label}
    return _xlsx_response(lambda path: write_template(spec, path), filename)


def _import_url(spec_key: str, parent_key: str) -> str:
    url = reverse("batch:import", args=[spec_key])
    return f"{url}?{urlencode({'parent': parent_key})}" if parent_key else url


@require_http_methods(["GET", "POST"])
@login_required
def import_page(request, spec_key):
    """An import page; an import into one record (ImportSpec.parent) names it as ?parent=<key>."""
    spec = registry.get_import(spec_key)
    _require(request.user, spec)
    query = ImportQueryForm(request.GET)
    if not query.is_valid():
        return render(request, "error_page.html", {
            "error_code": "400", "error_title": _("请求无效"), "error_text": query.first_error()}, status=400)
    parent_key = query.cleaned_data["parent"]
    parent = services.import_parent(actor=request.user, spec=spec, parent_key=parent_key)
    form = ImportUploadForm(request.POST or None, request.FILES or None, spec=spec)
    if request.method == "POST" and form.is_valid():
        job = services.start_import(actor=request.user, spec_key=spec.key, uploaded_file=form.cleaned_data["file"],
                                    parent_key=parent_key)
        messages.success(request, _("文件已上传，正在后台导入，可在本页查看进度。"))
        return redirect("batch:detail", pk=job.pk)
    recent = get_jobs_for_user(request.user).filter(owner=request.user, kind=JobKind.IMPORT, spec=spec.key,
                                                    parent_key=parent_key)[:5]
    return render(request, "batch/import.html", {
        "spec": spec, "form": form, "recent_jobs": recent,
        "parent_label": spec.parent.describe(parent) if parent is not None else "",
    })


@require_POST
@login_required
def start_export(request, spec_key):
    """Export what the list shows: the list's filter parameters arrive in the query string."""
    spec = registry.get_export(spec_key)
    if not spec.may_export(request.user):
        raise PermissionDenied
    # Lists may repeat a parameter (?status=a&status=b): keep every value, as the list page sees them.
    params = {key: values if len(values) > 1 else values[0] for key, values in request.GET.lists() if key != "page"}
    job = services.start_export(actor=request.user, spec_key=spec.key, params=params)
    messages.success(request, _("导出任务已提交（%(time)s），完成后可在此下载。") % {
        "time": timezone.localtime().strftime("%H:%M:%S"),
    })
    return redirect("batch:detail", pk=job.pk)
