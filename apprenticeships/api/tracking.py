"""After approval, through the API: 培训情况跟踪 (the classes the user sees, with the screen's filters), the
institution's list of the filings naming it, 【注销培训班】, 【标记为流失】 and 考核结果 — the screens' forms and
services (apprenticeships.services.tracking.cancel_class, apprenticeships.services.people.mark_lost and
record_certificate)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.generics import ListAPIView
from rest_framework.views import APIView

from api.concurrency import check_if_match
from api.errors import Conflict
from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import object_response
from apprenticeships.api.common import TAGS, payload, state_conflicts
from apprenticeships.api.serializers import FilingDetailSerializer, FilingSerializer, TraineeSerializer
from apprenticeships.forms.people import CertificateForm, LostForm
from apprenticeships.forms.tracking import CancelForm, TrackingFilterForm
from apprenticeships.models import FilingStatus, Trainee
from apprenticeships.rules import may_file, may_record_attendance
from apprenticeships.selectors import people as people_selectors
from apprenticeships.selectors.access import get_filing_for_user
from apprenticeships.selectors.tracking import ClassState, class_state, institution_filings, may_track, tracked_filings
from apprenticeships.services import people as people_services
from apprenticeships.services.tracking import cancel_class

API = "apprenticeships"
CancelInput = form_serializer(CancelForm, "ApprenticeshipClassCancelInput")
LostInput = form_serializer(LostForm, "ApprenticeshipTraineeLostInput")
CertificateInput = form_serializer(CertificateForm, "ApprenticeshipTraineeCertificateInput")


class TrackedFilingSerializer(FilingSerializer):
    """A row of 培训情况跟踪: the filing and its class's 状态 today."""

    class_state = serializers.SerializerMethodField()
    class_state_display = serializers.SerializerMethodField()

    class Meta(FilingSerializer.Meta):
        fields = (*FilingSerializer.Meta.fields, "class_state", "class_state_display")

    def get_class_state(self, filing) -> str:
        return class_state(filing, timezone.localdate())

    def get_class_state_display(self, filing) -> str:
        return str(ClassState.LABELS[class_state(filing, timezone.localdate())])


class TrackingList(ListAPIView):
    api_programme = API
    serializer_class = TrackedFilingSerializer

    @extend_schema(operation_id="apprenticeships_tracking_list", summary=_("培训情况跟踪"), tags=TAGS,
                   parameters=query_parameters(TrackingFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not may_track(self.request.user):
            raise PermissionDenied
        form = bind_query(self.request, TrackingFilterForm)
        return tracked_filings(self.request.user, form.cleaned_data, timezone.localdate())


class InstitutionFilingList(ListAPIView):
    """学徒制培训班（培训机构）: the filings naming the user's institution (its members holding the attendance
    permission)."""

    api_programme = API
    serializer_class = FilingSerializer

    @extend_schema(operation_id="apprenticeships_institution_filings_list", summary=_("本机构承担的学徒制培训班"),
                   tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not may_record_attendance(self.request.user):
            raise PermissionDenied
        return institution_filings(self.request.user).select_related("region", "institution")


class FilingCancel(APIView):
    """【注销培训班】: the enterprise's filers, an approved filing, a reason; the trainees' places are freed."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_filing_cancel", summary=_("注销培训班"), tags=TAGS,
                   request=CancelInput, responses=FilingDetailSerializer)
    def post(self, request, pk):
        filing = get_filing_for_user(request.user, pk)
        if not (may_file(request.user) and request.user.organisation_id == filing.organisation_id):
            raise PermissionDenied
        if filing.status != FilingStatus.APPROVED:
            raise Conflict(_("只有审核通过的培训班可以注销（当前状态：%(status)s）")
                           % {"status": filing.get_status_display()})
        form = bind(CancelForm, payload(request))
        with state_conflicts():
            cancel_class(filing=filing, actor=request.user, reason=form.cleaned_data["reason"])
        return object_response(request, FilingDetailSerializer, get_filing_for_user(request.user, pk))


class TraineeLost(APIView):
    """【标记为流失】: a trainee of an approved filing leaves; their place is freed."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_trainee_lost", summary=_("标记培训人员流失"), tags=TAGS,
                   request=LostInput, responses=TraineeSerializer)
    def post(self, request, pk):
        trainee = people_selectors.get_trainee_for_user(request.user, pk)
        people_selectors.require_people_writer(request.user, trainee.filing)
        if trainee.filing.status != FilingStatus.APPROVED:
            raise Conflict(_("备案%(status)s，只有审核通过的备案才能标记流失人员")
                           % {"status": trainee.filing.get_status_display()})
        form = bind(LostForm, payload(request))
        with state_conflicts():
            people_services.mark_lost(actor=request.user, trainee=trainee, lost_on=form.cleaned_data["lost_on"],
                                      reason=form.cleaned_data["lost_reason"])
        return object_response(request, TraineeSerializer, people_selectors.get_trainee_for_user(request.user, pk))


class TraineeCertificate(APIView):
    """考核结果: the certificate a trainee of an approved filing obtained (level, number, date), recorded or
    corrected under If-Match (the trainee's ETag)."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_trainee_certificate_save", summary=_("登记培训人员考核结果"),
                   tags=TAGS, request=CertificateInput, responses=TraineeSerializer)
    def put(self, request, pk):
        trainee = people_selectors.get_trainee_for_user(request.user, pk)
        people_selectors.require_people_writer(request.user, trainee.filing)
        if trainee.filing.status != FilingStatus.APPROVED:
            raise Conflict(_("备案%(status)s，只有审核通过的备案才能登记考核结果")
                           % {"status": trainee.filing.get_status_display()})
        with transaction.atomic():
            check_if_match(request, Trainee.objects.select_for_update().get(pk=trainee.pk))
            form = bind(CertificateForm, payload(request), parent=trainee.filing)
            with state_conflicts():
                people_services.record_certificate(actor=request.user, trainee=trainee, data=form.cleaned_data)
        return object_response(request, TraineeSerializer, people_selectors.get_trainee_for_user(request.user, pk))
