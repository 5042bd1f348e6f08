"""学时申报 through the API: a professional's own declarations (their session; a person holds no API key), the
unit's 学时申报管理 (the approved list, 我申报的 and 代为申报), and the writes of the declaration pages (edit under
If-Match, submit, withdraw, delete a draft). The screen's DeclarationForm validates the body; the 证明材料 is a file,
so a create (and an edit replacing it) is multipart/form-data, field `proof`."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.concurrency import check_if_match
from api.errors import Conflict, FormInvalid, form_errors
from api.forms import as_query_dict, bind_query, form_serializer, query_parameters
from api.responses import object_response
from continuing_education.api.serializers import DeclarationSerializer, OnlineResultSerializer
from continuing_education.forms.hours import DeclarationForm, ManageFilterForm, OnlineFilterForm, staff_roster
from continuing_education.models import DeclarationStatus, HoursDeclaration
from continuing_education.rules import may_manage_hours, may_manage_training
from continuing_education.selectors.access import linked_staff
from continuing_education.selectors.hours import (
    approved_declarations,
    get_declaration_for_user,
    on_behalf_declarations,
    online_results,
    own_declarations,
)
from continuing_education.services import hours as services

TAGS = ["专业技术人员继续教育"]
PROGRAMME = "continuing_education"
PROOF = {"proof": serializers.FileField(required=False, help_text=gettext_lazy("证明材料（新增时必传）"))}
DeclarationInput = form_serializer(DeclarationForm, "ContinuingEducationDeclarationInput", extra=PROOF)
OnBehalfInput = form_serializer(DeclarationForm, "ContinuingEducationOnBehalfDeclarationInput", extra={
    "staff": serializers.IntegerField(help_text=gettext_lazy("本单位人员信息中的专技人员（id）")), **PROOF})
INPUT_TYPES = ["multipart/form-data", "application/json"]


class ApprovedFilterForm(ManageFilterForm):
    """学时申报管理's filters without the page's tab (the API has a route per tab)."""

    tab = None


def bind_declaration(request, **form_kwargs) -> dict:
    """The screen's DeclarationForm over a multipart body (with the file) or a JSON one (no file)."""
    if request.content_type.startswith("multipart/"):
        data, files = request.data, request.FILES
    else:
        data, files = as_query_dict(request.data), None
    form = DeclarationForm(data, files, **form_kwargs)
    if not form.is_valid():
        raise FormInvalid(form_errors(form))
    return dict(form.cleaned_data)


def require_person(request) -> None:
    """我的学时申报 is a person's page: members of organisations use 学时申报管理."""
    if request.user.organisation_id is not None:
        raise PermissionDenied


def require_manager(request) -> None:
    if not may_manage_hours(request.user):
        raise PermissionDenied


class OwnDeclarations(ListAPIView):
    """我的学时申报 (GET) and 新增学时申报 (POST)."""

    api_programme = PROGRAMME
    serializer_class = DeclarationSerializer

    @extend_schema(operation_id="continuing_education_declarations_list", summary=gettext_lazy("我的学时申报"),
                   tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_person(self.request)
        return own_declarations(self.request.user)

    @extend_schema(operation_id="continuing_education_declarations_create", summary=gettext_lazy("新增学时申报"),
                   tags=TAGS, request={kind: DeclarationInput for kind in INPUT_TYPES},
                   responses={201: DeclarationSerializer})
    def post(self, request):
        require_person(request)
        member = linked_staff(request.user)
        if member is None:
            raise Conflict(_("您尚未加入用人单位，请先申请加入单位后再申报学时"))
        data = bind_declaration(request, region=member.organisation.region)
        declaration = services.create_declaration(actor=request.user, data=data, proof=data.pop("proof"))
        return _response(request, declaration, status=201)


class ApprovedDeclarations(ListAPIView):
    """学时申报管理: the unit's approved declarations, with the screen's filters."""

    api_programme = PROGRAMME
    serializer_class = DeclarationSerializer

    @extend_schema(operation_id="continuing_education_declarations_approved_list",
                   summary=gettext_lazy("学时申报管理（审核通过）"), tags=TAGS,
                   parameters=query_parameters(ApprovedFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_manager(self.request)
        form = bind_query(self.request, ApprovedFilterForm)
        return approved_declarations(self.request.user, **form.filters()).select_related("organisation")


class OnBehalfDeclarations(ListAPIView):
    """学时申报管理 我申报的 (GET) and 代为申报 (POST) on a staff member's behalf."""

    api_programme = PROGRAMME
    serializer_class = DeclarationSerializer

    @extend_schema(operation_id="continuing_education_declarations_on_behalf_list",
                   summary=gettext_lazy("学时申报管理（单位代为申报的）"), tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_manager(self.request)
        return on_behalf_declarations(self.request.user).select_related("organisation")

    @extend_schema(operation_id="continuing_education_declarations_on_behalf_create",
                   summary=gettext_lazy("代专技人员申报学时"), tags=TAGS,
                   request={kind: OnBehalfInput for kind in INPUT_TYPES}, responses={201: DeclarationSerializer})
    def post(self, request):
        require_manager(request)
        data = bind_declaration(request, staff_choices=staff_roster(request.user.organisation))
        staff, proof = data.pop("staff"), data.pop("proof")
        declaration = services.create_declaration(actor=request.user, data=data, proof=proof, staff=staff)
        return _response(request, declaration, status=201)


def _response(request, declaration, *, status=200):
    """The declaration re-read through the user's selector (after a write, with its current status)."""
    return object_response(request, DeclarationSerializer, get_declaration_for_user(request.user, declaration.pk),
                           status=status)


def _editable(request, pk):
    """As the screen: visible (404), the writer's (the person, or 学时申报管理 for one on a behalf; else 403)."""
    declaration = get_declaration_for_user(request.user, pk)
    if not services.may_edit(request.user, declaration):
        raise PermissionDenied
    return declaration


class DeclarationDetail(APIView):
    """The declaration (GET, whoever sees it on screen); its writer edits it (PUT, If-Match) or deletes a draft
    never submitted (DELETE)."""

    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_declarations_retrieve", summary=gettext_lazy("学时申报详情"),
                   tags=TAGS, responses=DeclarationSerializer)
    def get(self, request, pk):
        return _response(request, get_declaration_for_user(request.user, pk))

    @extend_schema(operation_id="continuing_education_declarations_update", summary=gettext_lazy("修改学时申报"),
                   tags=TAGS, request={kind: DeclarationInput for kind in INPUT_TYPES},
                   responses=DeclarationSerializer)
    def put(self, request, pk):
        declaration = _editable(request, pk)
        with transaction.atomic():
            locked = HoursDeclaration.objects.select_for_update().get(pk=declaration.pk)
            check_if_match(request, locked)
            if not locked.is_editable:
                raise Conflict(_("学时申报%(status)s，不能修改") % {"status": locked.get_status_display()})
            data = bind_declaration(request, region=declaration.organisation.region,
                                    proof_required=locked.proof_id is None)
            services.update_declaration(actor=request.user, declaration=locked, data=data, proof=data.pop("proof"))
        return _response(request, declaration)

    @extend_schema(operation_id="continuing_education_declarations_destroy",
                   summary=gettext_lazy("删除学时申报草稿"), tags=TAGS, request=None, responses={204: None})
    def delete(self, request, pk):
        declaration = _editable(request, pk)
        if declaration.status != DeclarationStatus.DRAFT:
            raise Conflict(_("只能删除从未提交的学时申报"))
        services.delete_declaration(actor=request.user, declaration=declaration)
        return Response(status=204)


class SubmitDeclaration(APIView):
    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_declarations_submit", summary=gettext_lazy("提交学时申报"),
                   tags=TAGS, request=None, responses=DeclarationSerializer)
    def post(self, request, pk):
        declaration = _editable(request, pk)
        if not declaration.is_editable:
            raise Conflict(_("学时申报%(status)s，不能提交") % {"status": declaration.get_status_display()})
        services.submit_declaration(actor=request.user, declaration=declaration)
        return _response(request, declaration)


class WithdrawDeclaration(APIView):
    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_declarations_withdraw", summary=gettext_lazy("撤回学时申报"),
                   tags=TAGS, request=None, responses=DeclarationSerializer)
    def post(self, request, pk):
        declaration = _editable(request, pk)
        if declaration.status != DeclarationStatus.PENDING:
            raise Conflict(_("学时申报%(status)s，不能撤回") % {"status": declaration.get_status_display()})
        services.withdraw_declaration(actor=request.user, declaration=declaration)
        return _response(request, declaration)


class OnlineResults(ListAPIView):
    """网络培训成果: the unit's imported online results (培训管理), with the screen's filters."""

    api_programme = PROGRAMME
    serializer_class = OnlineResultSerializer

    @extend_schema(operation_id="continuing_education_online_results_list", summary=gettext_lazy("网络培训成果"),
                   tags=TAGS, parameters=query_parameters(OnlineFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not may_manage_training(self.request.user):
            raise PermissionDenied
        form = bind_query(self.request, OnlineFilterForm)
        return online_results(self.request.user, **form.filters())
