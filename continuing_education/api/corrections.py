"""培训成果更正申请 through the API: the corrections of a class (whoever sees the class, as its page lists them),
filing one (the unit's 培训班申报 holder, once the results are reported: filing submits it to the class's
reviewer, as on screen), one correction, and withdrawing it while undecided (the generic review's withdrawal, as
the screen's 撤回). Deciding is the generic review API's."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.views import APIView

from api.errors import Conflict, FormInvalid
from api.forms import bind
from api.responses import object_response
from continuing_education.api.serializers import CorrectionSerializer
from continuing_education.forms.correction import CorrectionForm
from continuing_education.models import Assessment, CorrectionStatus, ResultsCorrection, ResultsStatus
from continuing_education.selectors.classes import (
    corrections_for_user,
    get_class_for_user,
    get_correction_for_user,
    participants_of,
)
from continuing_education.services import correction as services
from reviews import services as reviews
from reviews.models import Review
from reviews.selectors import latest_review_for

TAGS = ["专业技术人员继续教育"]
PROGRAMME = "continuing_education"


class CorrectedResult(serializers.Serializer):
    participant = serializers.IntegerField(help_text=gettext_lazy("报名人员 id（本培训班的）"))
    hours = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True,
                                     help_text=gettext_lazy("更正后的获得学时"))
    assessment = serializers.ChoiceField(choices=[("", "")] + Assessment.choices, allow_blank=True)

    class Meta:
        ref_name = "ContinuingEducationCorrectedResult"


class CorrectionInput(serializers.Serializer):
    reason = serializers.CharField(max_length=500)
    results = CorrectedResult(many=True, help_text=gettext_lazy("要更正的报名人员；未列出的保持原培训成果"))

    class Meta:
        ref_name = "ContinuingEducationCorrectionInput"


def _form_data(payload, people) -> dict:
    """The screen form's fields (hours_<id>, assessment_<id>) from the rows to correct; a participant not listed
    keeps the current result, so the service leaves them out."""
    payload = payload if isinstance(payload, dict) else {}
    rows = payload.get("results", [])
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise FormInvalid([{"field": "results", "code": "invalid",
                            "message": _("请按报名人员逐条填写要更正的培训成果")}])
    data = {"reason": payload.get("reason", "")}
    for person in people:
        data[f"hours_{person.pk}"] = "" if person.hours is None else str(person.hours)
        data[f"assessment_{person.pk}"] = person.assessment
    ids = {person.pk for person in people}
    for row in rows:
        participant = row.get("participant")
        if isinstance(participant, bool) or not isinstance(participant, int) or participant not in ids:
            raise FormInvalid([{"field": "results", "code": "invalid", "message": _("所选人员不是该培训班的报名人员")}])
        hours = row.get("hours")
        data[f"hours_{participant}"] = "" if hours is None else hours
        data[f"assessment_{participant}"] = row.get("assessment") or ""
    return data


def latest_review_ids(corrections) -> dict:
    """{correction id: its latest review's id} (latest_review_for's order: the last submitted)."""
    rows = Review.objects.filter(subject_type=ContentType.objects.get_for_model(ResultsCorrection),
                                 subject_id__in=[correction.pk for correction in corrections])
    return dict(rows.order_by("submitted_at", "id").values_list("subject_id", "pk"))


class ClassCorrections(ListAPIView):
    """A class's 培训成果更正申请 (GET) and filing one (POST)."""

    api_programme = PROGRAMME
    serializer_class = CorrectionSerializer

    @extend_schema(operation_id="continuing_education_corrections_list", summary=gettext_lazy("培训成果更正申请"),
                   tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        training_class = get_class_for_user(self.request.user, self.kwargs["pk"])
        return corrections_for_user(self.request.user).filter(training_class=training_class)

    def get_serializer(self, *args, **kwargs):
        """A page's review ids in one query (the serializer would ask once per correction)."""
        if args and kwargs.get("many"):
            kwargs["context"] = {**self.get_serializer_context(), "review_ids": latest_review_ids(args[0])}
        return super().get_serializer(*args, **kwargs)

    @extend_schema(operation_id="continuing_education_corrections_create",
                   summary=gettext_lazy("申请更正培训成果（提交审核部门）"), tags=TAGS, request=CorrectionInput,
                   responses={201: CorrectionSerializer})
    def post(self, request, pk):
        training_class = get_class_for_user(request.user, pk)
        if not services.may_file(request.user, training_class):
            raise PermissionDenied
        if training_class.results_status != ResultsStatus.REPORTED:
            raise Conflict(_("培训成果尚未上报，请直接修改报名人员的培训成果"))
        people = list(participants_of(training_class))
        form = bind(CorrectionForm, _form_data(request.data, people), training_class=training_class,
                    participants=people)
        correction = services.file_correction(actor=request.user, training_class=training_class,
                                              reason=form.cleaned_data["reason"], results=form.results())
        return object_response(request, CorrectionSerializer, get_correction_for_user(request.user, correction.pk),
                               status=201)


class CorrectionDetail(APIView):
    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_corrections_retrieve",
                   summary=gettext_lazy("培训成果更正申请详情"), tags=TAGS, responses=CorrectionSerializer)
    def get(self, request, pk):
        return object_response(request, CorrectionSerializer, get_correction_for_user(request.user, pk))


class WithdrawCorrection(APIView):
    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_corrections_withdraw",
                   summary=gettext_lazy("撤回培训成果更正申请"), tags=TAGS, request=None,
                   responses=CorrectionSerializer)
    def post(self, request, pk):
        correction = get_correction_for_user(request.user, pk)
        if not services.may_file(request.user, correction.training_class):
            raise PermissionDenied
        review = latest_review_for(correction)
        if correction.status != CorrectionStatus.PENDING or review is None:
            raise Conflict(_("该更正申请不在审核中，无需撤回"))
        reviews.withdraw(review_id=review.pk, actor=request.user)
        return object_response(request, CorrectionSerializer, get_correction_for_user(request.user, pk))
