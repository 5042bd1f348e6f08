"""报名人员 and 培训成果 through the API (the class page's 报名人员 tab): list and add people, set one person's result
(If-Match), remove one, and 上报培训成果 once. Only the class's own unit's 培训班申报 acts (as the screen's
own_class); each write binds the screen's form and calls the screen's service, which refuses a class whose
participants are closed (a 400 with the service's reason)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.concurrency import check_if_match, etag_of
from api.forms import bind, form_serializer
from continuing_education import rules
from continuing_education.api.classes import PROGRAMME, TAGS, detail_response, own_class
from continuing_education.api.serializers import ClassDetailSerializer, ParticipantSerializer
from continuing_education.forms.classes import ParticipantForm, ResultForm, StaffPickForm
from continuing_education.models import Participant, ReportMode
from continuing_education.selectors.access import not_found
from continuing_education.selectors.classes import classes_for_user, participants_of, unit_staff
from continuing_education.services import classes as services

ParticipantInput = form_serializer(ParticipantForm, "ContinuingEducationParticipantInput")
ResultInput = form_serializer(ResultForm, "ContinuingEducationResultInput", exclude=("participant",))
PickInput = form_serializer(StaffPickForm, "ContinuingEducationStaffPickInput")


class PickedSerializer(serializers.Serializer):
    added = serializers.IntegerField()
    skipped = serializers.IntegerField(help_text=gettext_lazy("已在本培训班中的人数"))

    class Meta:
        ref_name = "ContinuingEducationStaffPicked"


def _participant_response(request, person, *, status=200):
    data = ParticipantSerializer(person, context={"request": request}).data
    response = Response(data, status=status)
    response["ETag"] = etag_of(person, data)
    return response


def own_participant(request, pk):
    """A participant of a class the user sees (404 otherwise), for its unit's 培训班申报 (403 otherwise)."""
    person = Participant.objects.filter(training_class__in=classes_for_user(request.user), pk=pk).select_related(
        "training_class").first()
    if person is None:
        not_found("报名人员")
    if (person.training_class.organisation_id != request.user.organisation_id
            or not rules.may_declare_class(request.user)):
        raise PermissionDenied
    return person


class ClassParticipants(ListAPIView):
    """报名人员 of a class (GET) and adding one (POST; a 同步上报 class takes the result with the person)."""

    api_programme = PROGRAMME
    serializer_class = ParticipantSerializer

    @extend_schema(operation_id="continuing_education_participants_list", summary=gettext_lazy("培训班报名人员"),
                   tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return participants_of(own_class(self.request, self.kwargs["pk"]))

    @extend_schema(operation_id="continuing_education_participants_create", summary=gettext_lazy("添加报名人员"),
                   tags=TAGS, request=ParticipantInput, responses={201: ParticipantSerializer})
    def post(self, request, pk):
        training_class = own_class(request, pk)
        form = bind(ParticipantForm, request.data, training_class=training_class,
                    require_result=training_class.report_mode == ReportMode.SYNC)
        person = services.add_participant(actor=request.user, training_class=training_class,
                                          data=form.cleaned_data)
        return _participant_response(request, person, status=201)


class PickParticipants(APIView):
    """从人员信息中选择: several of the unit's staff (人员信息 ids) at once; those already in the class are skipped."""

    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_participants_pick",
                   summary=gettext_lazy("从人员信息中选择报名人员"), tags=TAGS, request=PickInput,
                   responses={200: PickedSerializer})
    def post(self, request, pk):
        training_class = own_class(request, pk)
        form = bind(StaffPickForm, request.data, staff=unit_staff(training_class.organisation))
        added, skipped = services.add_staff(actor=request.user, training_class=training_class,
                                            staff=form.cleaned_data["staff"])
        return Response(PickedSerializer({"added": added, "skipped": skipped}).data)


class ParticipantDetail(APIView):
    """One participant: read (with its ETag), set the result (PUT, If-Match), remove (DELETE)."""

    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_participants_retrieve", summary=gettext_lazy("报名人员"),
                   tags=TAGS, responses=ParticipantSerializer)
    def get(self, request, pk):
        return _participant_response(request, own_participant(request, pk))

    @extend_schema(operation_id="continuing_education_participants_result", summary=gettext_lazy("填写培训成果"),
                   tags=TAGS, request=ResultInput, responses=ParticipantSerializer)
    def put(self, request, pk):
        person = own_participant(request, pk)
        training_class = person.training_class
        with transaction.atomic():
            locked = Participant.objects.select_for_update().get(pk=person.pk)
            check_if_match(request, locked, ParticipantSerializer(locked, context={"request": request}).data)
            payload = {**request.data, "participant": locked.pk} if isinstance(request.data, dict) else request.data
            form = bind(ResultForm, payload, training_class=training_class,
                        participants=participants_of(training_class))
            person = services.set_result(actor=request.user, training_class=training_class, participant=locked,
                                         hours=form.cleaned_data["hours"],
                                         assessment=form.cleaned_data["assessment"])
        return _participant_response(request, person)

    @extend_schema(operation_id="continuing_education_participants_destroy", summary=gettext_lazy("移除报名人员"),
                   tags=TAGS, request=None, responses={204: None})
    def delete(self, request, pk):
        person = own_participant(request, pk)
        services.remove_participant(actor=request.user, training_class=person.training_class, participant=person)
        return Response(status=204)


class ReportResults(APIView):
    """上报培训成果: once per approved 暂不上报 class, credited to the archive at once (not reviewed again)."""

    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_classes_report_results", summary=gettext_lazy("上报培训成果"),
                   tags=TAGS, request=None, responses=ClassDetailSerializer)
    def post(self, request, pk):
        training_class = own_class(request, pk)
        services.report_results(actor=request.user, training_class=training_class)
        return detail_response(request, training_class)
