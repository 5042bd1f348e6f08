"""单位培训人员查询 through the API: the trainees of every filing of the user's enterprise (its filers), with the
screen's filters (TraineeFilterForm: a malformed one is a 400 here, where the screen ignores it with a message)
and each trainee's state today."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.generics import ListAPIView

from api.forms import bind_query, query_parameters
from apprenticeships.api.common import TAGS
from apprenticeships.api.serializers import TraineeSerializer
from apprenticeships.forms.people import TraineeFilterForm
from apprenticeships.rules import may_file
from apprenticeships.selectors import people as selectors


class TraineeSearchSerializer(TraineeSerializer):
    filing_number = serializers.CharField(source="filing.number")
    apprenticeship_type = serializers.CharField(source="filing.apprenticeship_type")
    apprenticeship_type_display = serializers.CharField(source="filing.get_apprenticeship_type_display")
    state = serializers.SerializerMethodField()
    state_display = serializers.SerializerMethodField()

    class Meta(TraineeSerializer.Meta):
        fields = (*TraineeSerializer.Meta.fields, "filing_number", "apprenticeship_type",
                  "apprenticeship_type_display", "state", "state_display")

    def get_state(self, trainee) -> str:
        return selectors.trainee_state(trainee, timezone.localdate())

    def get_state_display(self, trainee) -> str:
        return str(selectors.TraineeState.LABELS[selectors.trainee_state(trainee, timezone.localdate())])


class TraineeSearch(ListAPIView):
    api_programme = "apprenticeships"
    serializer_class = TraineeSearchSerializer

    @extend_schema(operation_id="apprenticeships_trainees_search", summary=_("单位培训人员查询"), tags=TAGS,
                   parameters=query_parameters(TraineeFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not may_file(self.request.user):
            raise PermissionDenied
        form = bind_query(self.request, TraineeFilterForm)
        trainees = selectors.trainees_for_enterprise(self.request.user).select_related("filing__region")
        return selectors.filter_trainees(trainees, today=timezone.localdate(), **form.filters())
