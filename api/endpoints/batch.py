"""导入导出 through the API: the import and export businesses the caller may use, an import of JSON rows, an
export of a list, and the task centre's jobs with their failed rows and files.

An import's rows are written to an .xlsx with the template's headers (batch.writing.SheetWriter) and handed to
batch.services.start_import, so the same job, reader and form validate them: the results are those of the same
rows uploaded as a file. Lists of businesses and jobs show only what the key's scopes reach (an import needs
`<programme>:write` of its permission's programme, an export and a job `<programme>:read`)."""

import os

from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from api import scopes
from api.endpoints.batch_serializers import (
    ExportInput,
    ExportSpecSerializer,
    ImportInput,
    ImportSpecSerializer,
    JobSerializer,
    RowErrorSerializer,
)
from api.endpoints.params import live_query_parameters
from api.errors import FormInvalid, form_errors
from api.forms import bind_query
from api.models import ApiKey
from api.permissions import require_scope
from api.responses import object_response
from batch import registry, services
from batch import views as screens
from batch.forms import ImportUploadForm, JobFilterForm
from batch.jobs import fail_stale_jobs
from batch.models import JobKind
from batch.selectors import get_job_for_user, get_jobs_for_user
from batch.writing import SheetWriter, temporary_xlsx

TAGS = ["导入导出"]
MAX_ROWS = 10_000
XLSX = screens.XLSX


def _scope(permission: str, action: str) -> str:
    return scopes.scope(scopes.programme_of_permission(permission), action)


def _key_allows(request, needed: str) -> bool:
    key = request.auth if isinstance(request.auth, ApiKey) else None
    return key is None or needed in key.scopes


def _job_scope(job) -> str:
    specs = {spec.key: spec for spec in (registry.import_specs() if job.kind == JobKind.IMPORT
                                         else registry.export_specs())}
    spec = specs.get(job.spec)
    return _scope(spec.permission, scopes.READ) if spec else scopes.scope(scopes.FOUNDATION, scopes.READ)


def _visible_jobs(request):
    """The caller's jobs (batch.selectors) of the businesses whose programme the key may read."""
    readable = Q(pk__in=[])
    for kind, specs in ((JobKind.IMPORT, registry.import_specs()), (JobKind.EXPORT, registry.export_specs())):
        keys = [spec.key for spec in specs if _key_allows(request, _scope(spec.permission, scopes.READ))]
        readable |= Q(kind=kind, spec__in=keys)
    return get_jobs_for_user(request.user).filter(readable)


def _job_for(request, pk):
    job = get_job_for_user(request.user, pk)
    require_scope(request, _job_scope(job))
    return job


# ---------------------------------------------------------------- businesses


class ImportSpecs(APIView):
    @extend_schema(operation_id="imports_list", summary=_lazy("可用的导入业务"), tags=TAGS,
                   responses=ImportSpecSerializer(many=True))
    def get(self, request):
        specs = [spec for spec in registry.import_specs() if spec.may_import(request.user)
                 and _key_allows(request, _scope(spec.permission, scopes.WRITE))]
        return Response(ImportSpecSerializer(specs, many=True).data)


class ExportSpecs(APIView):
    @extend_schema(operation_id="exports_list", summary=_lazy("可用的导出业务"), tags=TAGS,
                   responses=ExportSpecSerializer(many=True))
    def get(self, request):
        user = request.user
        specs = [spec for spec in registry.export_specs()
                 if spec.may_export(user) and (user.organisation_id or not spec.needs_organisation)
                 and _key_allows(request, _scope(spec.permission, scopes.READ))]
        return Response(ExportSpecSerializer(specs, many=True).data)


def _cell(index: int, name: str, value):
    if value is None or (isinstance(value, (str, int, float)) and not isinstance(value, bool)):
        return value
    raise FormInvalid([{"field": f"rows[{index}].{name}", "code": "invalid",
                        "message": _("单元格的值应为字符串或数字")}])


def _sheet_rows(spec, rows) -> list[list]:
    """The rows as cells in the template's column order; keys are column headers or field names."""
    if not isinstance(rows, list) or not rows:
        raise FormInvalid([{"field": "rows", "code": "required", "message": _("请至少提供一行数据")}])
    if len(rows) > MAX_ROWS:
        raise FormInvalid([{"field": "rows", "code": "too_many",
                            "message": _("一次最多导入 %(max)d 行，当前为 %(count)d 行，请分批提交")
                            % {"max": MAX_ROWS, "count": len(rows)}}])
    position = {}
    for index, column in enumerate(spec.columns):
        position[column.header] = position[column.field_name] = index
    cells = []
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            raise FormInvalid([{"field": f"rows[{index}]", "code": "invalid", "message": _("每一行应为JSON对象")}])
        line = [None] * len(spec.columns)
        for name, value in row.items():
            if name not in position:
                raise FormInvalid([{"field": f"rows[{index}].{name}", "code": "unknown_column",
                                    "message": _("没有“%(name)s”这一列，请查看该导入业务的列") % {"name": name}}])
            line[position[name]] = _cell(index, name, value)
        cells.append(line)
    return cells


class StartImport(APIView):
    @extend_schema(operation_id="imports_start", summary=_lazy("导入数据行"), tags=TAGS, request=ImportInput,
                   responses={202: JobSerializer},
                   description=_lazy("与上传 Excel 文件相同的任务、校验和结果；每次最多10000行。"
                                     "所需权限范围：该导入业务所属业务的“写入”。"))
    def post(self, request, spec_key):
        spec = registry.get_import(spec_key)
        require_scope(request, _scope(spec.permission, scopes.WRITE))
        if not spec.may_import(request.user):
            raise PermissionDenied
        payload = request.data if isinstance(request.data, dict) else {}
        cells = _sheet_rows(spec, payload.get("rows"))
        parent = payload.get("parent") or ""
        if not isinstance(parent, (str, int)) or isinstance(parent, bool):
            raise FormInvalid([{"field": "parent", "code": "invalid", "message": _("所属记录编号应为字符串")}])
        handle = temporary_xlsx()
        handle.close()
        try:
            writer = SheetWriter(handle.name, list(spec.columns))
            for line in cells:
                writer.write(line)
            writer.close()
            with open(handle.name, "rb") as built:
                # The upload page's checks (size, what the file is), so a JSON import meets the same bounds.
                form = ImportUploadForm(data={}, files={"file": File(built, name=f"{spec.key}-api.xlsx")}, spec=spec)
                if not form.is_valid():
                    raise FormInvalid(form_errors(form))
                job = services.start_import(actor=request.user, spec_key=spec.key,
                                            uploaded_file=form.cleaned_data["file"], parent_key=str(parent)[:64])
        finally:
            os.unlink(handle.name)
        job.refresh_from_db()
        return object_response(request, JobSerializer, job, status=202)


class StartExport(APIView):
    @extend_schema(operation_id="exports_start", summary=_lazy("导出列表"), tags=TAGS, request=ExportInput,
                   responses={202: JobSerializer},
                   description=_lazy("按列表页的筛选条件导出；所需权限范围：该导出业务所属业务的“读取”。"))
    def post(self, request, spec_key):
        spec = registry.get_export(spec_key)
        require_scope(request, _scope(spec.permission, scopes.READ))
        if not spec.may_export(request.user):
            raise PermissionDenied
        payload = request.data if isinstance(request.data, dict) else {}
        params = payload.get("params") or {}
        if not isinstance(params, dict) or not all(
                isinstance(value, (str, int)) or (isinstance(value, list) and all(
                    isinstance(item, (str, int)) for item in value)) for value in params.values()):
            raise FormInvalid([{"field": "params", "code": "invalid",
                                "message": _("筛选条件应为对象，值为字符串或字符串数组")}])
        params = {name: [str(item) for item in value] if isinstance(value, list) else str(value)
                  for name, value in params.items() if name != "page"}
        job = services.start_export(actor=request.user, spec_key=spec.key, params=params)
        job.refresh_from_db()
        return object_response(request, JobSerializer, job, status=202)


# ---------------------------------------------------------------- jobs


class Jobs(ListAPIView):
    """任务中心: the caller's import and export jobs, newest first."""

    serializer_class = JobSerializer

    @extend_schema(operation_id="jobs_list", summary=_lazy("导入导出任务"), tags=TAGS,
                   parameters=live_query_parameters(JobFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        fail_stale_jobs()  # as the task centre does when opened
        # Every business is a valid filter (the list holds the caller's own jobs whatever it names).
        form = bind_query(self.request, JobFilterForm)
        return form.apply(_visible_jobs(self.request))


class JobDetail(APIView):
    @extend_schema(operation_id="jobs_retrieve", summary=_lazy("任务详情"), tags=TAGS, responses=JobSerializer)
    def get(self, request, pk):
        fail_stale_jobs()
        return object_response(request, JobSerializer, _job_for(request, pk))


class RowErrorPagination(CursorPagination):
    ordering = ("row_number", "id")
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class JobErrors(ListAPIView):
    """The failed rows of an import: the row number in the sheet and the reason, in sheet order."""

    serializer_class = RowErrorSerializer
    pagination_class = RowErrorPagination

    @extend_schema(operation_id="jobs_errors_list", summary=_lazy("导入失败的行"), tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return _job_for(self.request, self.kwargs["pk"]).row_errors.all()


class JobFile(APIView):
    """An export's file, or an import's uploaded (or generated) source, through the task centre's downloads."""

    @extend_schema(operation_id="jobs_file_retrieve", summary=_lazy("下载任务文件（导出结果或导入源文件）"),
                   tags=TAGS, responses={(200, XLSX): OpenApiTypes.BINARY,
                                         (200, "application/vnd.ms-excel"): OpenApiTypes.BINARY})
    def get(self, request, pk):
        job = _job_for(request, pk)
        download = screens.download_source if job.kind == JobKind.IMPORT else screens.download_result
        return download(request._request, pk)
