"""见习匹配结果 after the import and 上报记录 through the API (views/matches.py, views/reports.py): the
registrations waiting for their agreement scan (the screen's filters), 批量上传协议扫描件 (a zip, multipart field
`archive`), 批量提交审核 (the ticked ones or every one with a scan), 上报记录 of the imports' registrations and
of the unit's batch reports — the screens' forms and traineeships.services.matches."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiRequest, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from api.errors import FormInvalid, form_errors
from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import require_permission
from batch import registry
from batch.models import BatchJob
from traineeships.api.common import TAGS, payload
from traineeships.api.serializers import STATE_HELP, PlacementSerializer
from traineeships.forms.matches import BulkSubmitForm, DraftFilterForm, MatchRecordFilterForm, ScanArchiveForm
from traineeships.rules import MANAGE_BASE
from traineeships.selectors import imported_placements_for_unit, placements_for_unit
from traineeships.services import matches as services
from traineeships.services.placements import EDITABLE_PLACEMENT_STATUSES
from traineeships.views.reports import SubmissionFilterForm, report_jobs


class MatchPlacementSerializer(PlacementSerializer):
    import_job_id = serializers.IntegerField(allow_null=True, help_text=gettext_lazy("导入批次号"))

    class Meta(PlacementSerializer.Meta):
        fields = (*PlacementSerializer.Meta.fields, "import_job_id")


ScanOutcomeSerializer = inline_serializer("TraineeshipScanOutcome", {
    "attached": inline_serializer("TraineeshipScanAttached", {
        "name": serializers.CharField(help_text=gettext_lazy("压缩包中的文件名")),
        "placement_id": serializers.IntegerField()}, many=True),
    "refused": inline_serializer("TraineeshipScanRefused", {
        "name": serializers.CharField(), "reason": serializers.CharField()}, many=True),
})
SubmitInput = form_serializer(BulkSubmitForm, "TraineeshipMatchSubmitInput")
SubmitOutcomeSerializer = inline_serializer("TraineeshipMatchSubmitOutcome", {
    "submitted": serializers.ListField(child=serializers.IntegerField(),
                                       help_text=gettext_lazy("已提交审核的上岗登记")),
    "skipped": inline_serializer("TraineeshipMatchSkipped", {
        "placement_id": serializers.IntegerField(), "reason": serializers.CharField()}, many=True),
    "remaining": serializers.IntegerField(help_text=gettext_lazy("还可提交审核的条数（已上传扫描件）")),
})


class MatchDraftList(ListAPIView):
    """待提交协议的匹配结果: the unit's registrations still to be sent for review (草稿, 退回修改, 审核不通过)."""

    api_programme = "traineeships"
    serializer_class = MatchPlacementSerializer

    @extend_schema(operation_id="traineeships_match_drafts_list", summary=gettext_lazy("见习匹配结果：待提交协议"),
                   tags=TAGS, parameters=query_parameters(DraftFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_permission(self.request, MANAGE_BASE)
        form = bind_query(self.request, DraftFilterForm)
        drafts = placements_for_unit(self.request.user).filter(status__in=EDITABLE_PLACEMENT_STATUSES)
        return form.apply(drafts).select_related("import_job")


class AttachScans(APIView):
    """批量上传协议扫描件: a zip of scans named by ID number; each file is attached or refused with its reason."""

    api_programme = "traineeships"
    parser_classes = (MultiPartParser,)

    @extend_schema(operation_id="traineeships_match_scans", summary=gettext_lazy("批量上传协议扫描件"), tags=TAGS,
                   request=OpenApiRequest(inline_serializer("TraineeshipScanArchive", {
                       "archive": serializers.FileField()})), responses=ScanOutcomeSerializer)
    def post(self, request):
        require_permission(request, MANAGE_BASE)
        form = ScanArchiveForm(request.data, request.FILES)
        if not form.is_valid():
            raise FormInvalid(form_errors(form))
        try:
            outcome = services.attach_scans_from_archive(actor=request.user, archive=form.cleaned_data["archive"])
        except ValidationError as error:
            raise FormInvalid([{"field": "archive", "code": error.code or "invalid", "message": message}
                               for message in error.messages]) from error
        return Response({
            "attached": [{"name": item.name, "placement_id": item.placement.pk} for item in outcome.attached],
            "refused": [{"name": item.name, "reason": str(item.reason)} for item in outcome.refused],
        })


class SubmitMatches(APIView):
    """批量提交审核: `action` "selected" with `placements` (ids), or "ready" for every registration with a scan
    (at most 200 at a time, as on screen); each goes through the single submit service."""

    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_match_submit", summary=gettext_lazy("批量提交协议审核"), tags=TAGS,
                   request=SubmitInput, responses=SubmitOutcomeSerializer)
    def post(self, request):
        require_permission(request, MANAGE_BASE)
        user = request.user
        form = bind(BulkSubmitForm, payload(request), placements=placements_for_unit(user))
        if form.cleaned_data["action"] == BulkSubmitForm.READY:
            chosen = list(services.ready_placements(user.organisation_id).order_by("id")[:services.MAX_BULK_SUBMIT])
            if not chosen:
                raise ValidationError(_("没有已上传协议扫描件、可提交审核的上岗登记"), code="nothing_ready")
        else:
            chosen = list(form.cleaned_data["placements"])
        outcome = services.submit_agreements(actor=user, placements=chosen)
        return Response({
            "submitted": [placement.pk for placement in outcome.submitted],
            "skipped": [{"placement_id": placement.pk, "reason": str(reason)} for placement, reason in outcome.skipped],
            "remaining": services.ready_placements(user.organisation_id).count(),
        })


class MatchRecordList(ListAPIView):
    """上报记录·匹配结果: the registrations the unit's imports created (cancelled ones too) and their 审核状态."""

    api_programme = "traineeships"
    serializer_class = MatchPlacementSerializer

    @extend_schema(operation_id="traineeships_match_records_list", summary=gettext_lazy("上报记录：见习匹配结果"),
                   tags=TAGS, parameters=query_parameters(MatchRecordFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_permission(self.request, MANAGE_BASE)
        form = bind_query(self.request, MatchRecordFilterForm)
        return form.apply(imported_placements_for_unit(self.request.user))


class ReportJobSerializer(serializers.ModelSerializer):
    spec_label = serializers.SerializerMethodField()
    status = serializers.CharField(help_text=STATE_HELP)
    status_display = serializers.CharField(source="get_status_display")
    owner_name = serializers.CharField(source="owner.real_name")

    class Meta:
        model = BatchJob
        fields = ("id", "spec", "spec_label", "status", "status_display", "source_name", "owner_name", "total_rows",
                  "created_rows", "updated_rows", "unchanged_rows", "failed_rows", "created_at", "finished_at")

    def get_spec_label(self, job) -> str:
        return str(registry.spec_label("import", job.spec))


class ReportList(ListAPIView):
    """上报记录: every import of the programme's reports by the unit (上报事项, 状态, 上报月份)."""

    api_programme = "traineeships"
    serializer_class = ReportJobSerializer

    @extend_schema(operation_id="traineeships_reports_list", summary=gettext_lazy("上报记录"), tags=TAGS,
                   parameters=query_parameters(SubmissionFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_permission(self.request, MANAGE_BASE)
        form = bind_query(self.request, SubmissionFilterForm)
        return report_jobs(self.request.user.organisation_id, **form.cleaned_data)
