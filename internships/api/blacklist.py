"""黑名单 through the API, as its screens offer it: 黑名单管理 (the region's entries for education departments, a
school's own proposals), proposing an enterprise (JSON, or multipart with the optional `evidence` file), one
entry, resubmitting a returned proposal (the same form, If-Match), removing a listed enterprise, and the public
page of the enterprises listed now. The city department's decision and withdrawing go through the generic
review routes."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.views import APIView

from api.concurrency import lock_and_match
from api.errors import FormInvalid, form_errors
from api.forms import as_query_dict, bind, bind_query, form_serializer, query_parameters
from api.responses import object_response
from internships.api.serializers import BlacklistEntrySerializer
from internships.forms.blacklist import BlacklistFilterForm, ProposalForm, RemovalForm
from internships.models import BlacklistEntry
from internships.selectors import enterprises as selectors
from internships.services import blacklist as services

TAGS = ["职业院校学生实习"]
ProposalInput = form_serializer(ProposalForm, "InternshipBlacklistProposalInput", extra={
    "evidence": serializers.FileField(required=False, help_text=str(_("可选：图片或PDF，不超过10MB（multipart）")))})
RemovalInput = form_serializer(RemovalForm, "InternshipBlacklistRemovalInput")


def _proposal(request) -> dict:
    """The screen's ProposalForm bound to a JSON body, or to a multipart one with its `evidence` file."""
    multipart = isinstance(request.data, QueryDict)
    form = ProposalForm(request.data if multipart else as_query_dict(request.data), request.FILES)
    if not form.is_valid():
        raise FormInvalid(form_errors(form))
    return form.cleaned_data


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
        data = _proposal(request)
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


class ResubmitBlacklisting(APIView):
    """重新提交 a proposal the city department returned: the proposing organisation corrects the reason and the
    account (a new `evidence` file replaces the old one, none keeps it) and it goes to review again."""

    api_programme = "internships"
    parser_classes = (JSONParser, MultiPartParser)

    @extend_schema(operation_id="internships_blacklist_resubmit", summary=_("重新提交黑名单申请"), tags=TAGS,
                   request={"application/json": ProposalInput, "multipart/form-data": ProposalInput},
                   responses=BlacklistEntrySerializer)
    def post(self, request, pk):
        entry = selectors.get_blacklisting_for_user(request.user, pk)
        if entry.proposing_organisation_id != request.user.organisation_id:
            raise PermissionDenied
        with transaction.atomic():
            lock_and_match(request, entry)
            data = _proposal(request)
            services.resubmit_blacklisting(entry=entry, actor=request.user, reason=data["reason"],
                                           details=data["details"], evidence_file=data["evidence"])
        return _shown(request, entry)


class PublicBlacklistEntrySerializer(serializers.ModelSerializer):
    """A row of 实习企业黑名单公示: what the public page shows, nothing more."""

    enterprise_name = serializers.CharField(source="enterprise.name")
    enterprise_credit_code = serializers.CharField(source="enterprise.credit_code")
    reason_display = serializers.CharField(source="get_reason_display")
    listed_on = serializers.SerializerMethodField()

    class Meta:
        model = BlacklistEntry
        fields = ("enterprise_name", "enterprise_credit_code", "reason", "reason_display", "listed_on")

    def get_listed_on(self, entry) -> datetime.date | None:
        return timezone.localdate(entry.listed_at) if entry.listed_at else None


class PublicBlacklist(ListAPIView):
    """实习企业黑名单公示: the page needs no sign-in; the API, like every route, a key or a session."""

    api_programme = "internships"
    serializer_class = PublicBlacklistEntrySerializer

    @extend_schema(operation_id="internships_blacklist_public_list", summary=_("实习企业黑名单公示"), tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.public_blacklist()
