"""黑名单 through the API, as its screens offer it: 黑名单管理 (the region's entries for education departments, a
school's own proposals), proposing an enterprise (JSON, or multipart with the optional `evidence` file), one
entry, and removing a listed enterprise. The city department's decision goes through the generic review
routes; resubmitting a returned proposal stays on the screen."""

from django.core.exceptions import PermissionDenied
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.views import APIView

from api.errors import FormInvalid, form_errors
from api.forms import as_query_dict, bind, bind_query, form_serializer, query_parameters
from api.responses import object_response
from internships.api.serializers import BlacklistEntrySerializer
from internships.forms.blacklist import BlacklistFilterForm, ProposalForm, RemovalForm
from internships.selectors import enterprises as selectors
from internships.services import blacklist as services

TAGS = ["职业院校学生实习"]
ProposalInput = form_serializer(ProposalForm, "InternshipBlacklistProposalInput", extra={
    "evidence": serializers.FileField(required=False, help_text=str(_("可选：图片或PDF，不超过10MB（multipart）")))})
RemovalInput = form_serializer(RemovalForm, "InternshipBlacklistRemovalInput")


def _shown(request, entry, *, status=200):
    return object_response(request, BlacklistEntrySerializer,
                            selectors.get_blacklisting_for_user(request.user, entry.pk), status=status)


class BlacklistList(ListAPIView):
    api_programme = "internships"
    serializer_class = BlacklistEntrySerializer

    @extend_schema(operation_id="internships_blacklist_list", summary=_("黑名单管理"), tags=TAGS,
                   parameters=query_parameters(BlacklistFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        entries = selectors.blacklist_for_user(self.request.user)
        form = bind_query(self.request, BlacklistFilterForm)
        return selectors.filter_blacklist(entries, form.cleaned_data)


class ProposeBlacklisting(APIView):
    """提出列入黑名单 for one enterprise the reader sees; the city education department decides."""

    api_programme = "internships"
    parser_classes = (JSONParser, MultiPartParser)

    @extend_schema(operation_id="internships_blacklist_propose", summary=_("提出列入黑名单"), tags=TAGS,
                   request={"application/json": ProposalInput, "multipart/form-data": ProposalInput},
                   responses={201: BlacklistEntrySerializer})
    def post(self, request, pk):
        enterprise = selectors.get_enterprise_for_user(request.user, pk)
        if not services.may_propose(request.user, enterprise):
            raise PermissionDenied
        multipart = isinstance(request.data, QueryDict)
        form = ProposalForm(request.data if multipart else as_query_dict(request.data), request.FILES)
        if not form.is_valid():
            raise FormInvalid(form_errors(form))
        data = form.cleaned_data
        entry = services.propose_blacklisting(enterprise=enterprise, actor=request.user, reason=data["reason"],
                                              details=data["details"], evidence_file=data["evidence"])
        return _shown(request, entry, status=201)


class BlacklistingDetail(APIView):
    api_programme = "internships"

    @extend_schema(operation_id="internships_blacklist_retrieve", summary=_("黑名单记录详情"), tags=TAGS,
                   responses=BlacklistEntrySerializer)
    def get(self, request, pk):
        return object_response(request, BlacklistEntrySerializer,
                               selectors.get_blacklisting_for_user(request.user, pk))


class RemoveBlacklisting(APIView):
    """移出黑名单 (the city or provincial education department), with the reason."""

    api_programme = "internships"

    @extend_schema(operation_id="internships_blacklist_remove", summary=_("移出黑名单"), tags=TAGS,
                   request=RemovalInput, responses=BlacklistEntrySerializer)
    def post(self, request, pk):
        entry = selectors.get_blacklisting_for_user(request.user, pk)
        if not services.may_remove(request.user, entry):
            raise PermissionDenied
        form = bind(RemovalForm, request.data)
        services.remove_from_blacklist(entry=entry, actor=request.user, reason=form.cleaned_data["reason"])
        return _shown(request, entry)
