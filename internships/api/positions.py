"""实习岗位 through the API: the enterprise's list (the screen's filters), add, read, edit under If-Match, publish,
close, delete, upload its 夜班/加班特殊要求备案 file; the position's page for everyone who sees it on screen. Each
write binds the screen's form and calls the screen's service."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiRequest, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from api.concurrency import check_if_match
from api.errors import FormInvalid, form_errors
from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import object_response, require_permission
from internships.api.serializers import PositionRowSerializer, PositionSerializer
from internships.compliance import blocking_failures
from internships.forms.positions import PositionFilterForm, PositionForm
from internships.forms.school import UploadForm
from internships.models import Position
from internships.rules import HOST
from internships.selectors.positions import (
    filter_positions,
    get_own_position,
    get_position_for_user,
    may_manage_positions,
    positions_for_enterprise,
)
from internships.services import positions as services

TAGS = ["职业院校学生实习"]
PositionInput = form_serializer(PositionForm, "InternshipPositionInput", extra={
    "work_region": serializers.CharField(label=str(_("工作地区")), help_text=str(_("区县的行政区划代码"))),
    "remove_exemption": serializers.BooleanField(required=False, help_text=str(
        _("删除已上传的夜班/加班特殊要求备案文件（修改时）"))),
})
ExemptionInput = OpenApiRequest(inline_serializer("InternshipExemptionFile", {"file": serializers.FileField(
    help_text=str(_("夜班/加班特殊要求备案文件（PDF或图片）")))}))


def _require_enterprise(request):
    """The screen's guard: the programme's host permission, in an organisation that hosts interns."""
    require_permission(request, HOST)
    if not may_manage_positions(request.user):
        raise PermissionDenied
    return request.user.organisation


class PositionList(ListAPIView):
    """岗位管理: the enterprise's positions (GET) and 新增岗位 (POST, saved 未发布)."""

    api_programme = "internships"
    serializer_class = PositionRowSerializer

    @extend_schema(operation_id="internships_positions_list", summary=_("本单位的实习岗位"), tags=TAGS,
                   parameters=query_parameters(PositionFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        _require_enterprise(self.request)
        form = bind_query(self.request, PositionFilterForm)
        return filter_positions(positions_for_enterprise(self.request.user),
                                **{name: value or "" for name, value in form.cleaned_data.items()})

    @extend_schema(operation_id="internships_positions_create", summary=_("新增实习岗位（未发布）"), tags=TAGS,
                   request=PositionInput, responses={201: PositionSerializer})
    def post(self, request):
        organisation = _require_enterprise(request)
        form = bind(PositionForm, request.data)
        position = services.create_position(organisation=organisation, actor=request.user, data=form.cleaned_data,
                                            exemption=None)
        return object_response(request, PositionSerializer, position, status=201)


class PositionDetail(APIView):
    """The position's page (GET), 编辑 (PUT, If-Match) and 删除 (DELETE, If-Match)."""

    api_programme = "internships"

    @extend_schema(operation_id="internships_positions_retrieve", summary=_("实习岗位详情"), tags=TAGS,
                   responses=PositionSerializer)
    def get(self, request, pk):
        return object_response(request, PositionSerializer, get_position_for_user(request.user, pk))

    @extend_schema(operation_id="internships_positions_update", summary=_("修改实习岗位"), tags=TAGS,
                   request=PositionInput, responses=PositionSerializer)
    def put(self, request, pk):
        _require_enterprise(request)
        position = get_own_position(request.user, pk)
        with transaction.atomic():
            _lock_and_match(request, position)
            form = bind(PositionForm, request.data, has_exemption=position.exemption_id is not None)
            position = services.update_position(position=position, actor=request.user, data=form.cleaned_data,
                                                exemption=None,
                                                remove_exemption=bool(form.cleaned_data.get("remove_exemption")))
        return object_response(request, PositionSerializer, get_position_for_user(request.user, position.pk))

    @extend_schema(operation_id="internships_positions_destroy", summary=_("删除实习岗位"), tags=TAGS,
                   request=None, responses={204: None})
    def delete(self, request, pk):
        _require_enterprise(request)
        position = get_own_position(request.user, pk)
        with transaction.atomic():
            _lock_and_match(request, position)
            services.delete_position(position=position, actor=request.user)
        return Response(status=204)


def _lock_and_match(request, position) -> None:
    """The row locked for the write's transaction, then the client's If-Match compared with it."""
    locked = Position.objects.select_for_update(of=("self",)).get(pk=position.pk)
    check_if_match(request, locked)


class PublishPosition(APIView):
    """发布: the compliance checks run again; where the region requires it the position goes to review."""

    api_programme = "internships"

    @extend_schema(operation_id="internships_positions_publish", summary=_("发布实习岗位"), tags=TAGS,
                   request=None, responses=PositionSerializer)
    def post(self, request, pk):
        _require_enterprise(request)
        try:
            position = services.publish_position(position=get_own_position(request.user, pk), actor=request.user)
        except services.PublishRefused as refusal:
            # The screen shows the whole checklist; the API names each failed check after the service's message.
            raise FormInvalid([{"field": None, "code": "compliance", "message": refusal.messages[0]}] + [
                {"field": None, "code": check.code, "message": f"{check.label}：{check.explanation}"}
                for check in blocking_failures(refusal.checks)]) from None
        return object_response(request, PositionSerializer, get_position_for_user(request.user, position.pk))


class ClosePosition(APIView):
    api_programme = "internships"

    @extend_schema(operation_id="internships_positions_close", summary=_("关闭实习岗位"), tags=TAGS,
                   request=None, responses=PositionSerializer)
    def post(self, request, pk):
        _require_enterprise(request)
        position = services.close_position(position=get_own_position(request.user, pk), actor=request.user)
        return object_response(request, PositionSerializer, get_position_for_user(request.user, position.pk))


class UploadExemption(APIView):
    """上传夜班/加班特殊要求备案文件 (multipart field `file`, If-Match): on screen the edit form's upload, so it is
    an edit — the file replaces the one on record and a published or closed position must be published again."""

    api_programme = "internships"
    parser_classes = (MultiPartParser,)

    @extend_schema(operation_id="internships_positions_exemption_upload", summary=_("上传夜班/加班特殊要求备案文件"),
                   tags=TAGS, request=ExemptionInput, responses=PositionSerializer)
    def post(self, request, pk):
        _require_enterprise(request)
        position = get_own_position(request.user, pk)
        with transaction.atomic():
            _lock_and_match(request, position)
            form = UploadForm(request.data, request.FILES, purpose=services.EXEMPTION_PURPOSE)
            if not form.is_valid():
                raise FormInvalid(form_errors(form))
            services.update_position(position=position, actor=request.user, data={},
                                     exemption=form.cleaned_data["file"])
        return object_response(request, PositionSerializer, get_position_for_user(request.user, position.pk))
