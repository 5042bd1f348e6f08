"""我的见习 through the API, for the trainee signed in by session (views/departures.py's trainee side): the
registration with its departures, 申请离岗 (the unit then agrees or refuses) and the withdrawal of that request."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.views import APIView

from api.forms import bind, form_serializer
from api.responses import object_response
from traineeships.api.common import EMPTY_INPUT, TAGS, payload
from traineeships.api.serializers import DepartureSerializer, OwnPlacementSerializer
from traineeships.forms.placements import DepartureRequestForm
from traineeships.selectors import get_departure_for_user, placement_of_person
from traineeships.services import departures as services

RequestInput = form_serializer(DepartureRequestForm, "TraineeshipDepartureRequestInput")


def _own_placement(user):
    """The screen's `_require_individual` (403 for a member of an organisation), then the person's placement."""
    if user.organisation_id is not None:
        raise PermissionDenied
    placement = placement_of_person(user)
    if placement is None:
        raise Http404("您还没有见习登记")
    return placement


class OwnPlacement(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_my_placement_retrieve", summary=_("我的见习"), tags=TAGS,
                   responses=OwnPlacementSerializer)
    def get(self, request):
        return object_response(request, OwnPlacementSerializer, _own_placement(request.user))


class RequestDeparture(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_my_departures_create", summary=_("申请离岗"), tags=TAGS,
                   request=RequestInput, responses={201: DepartureSerializer})
    def post(self, request):
        placement = _own_placement(request.user)
        form = bind(DepartureRequestForm, payload(request))
        departure = services.request_departure(placement=placement, actor=request.user,
                                               left_on=form.cleaned_data["left_on"], note=form.cleaned_data["note"])
        return object_response(request, DepartureSerializer, get_departure_for_user(request.user, departure.pk),
                               status=201)


class WithdrawDepartureRequest(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_my_departures_withdraw", summary=_("撤回离岗申请"), tags=TAGS,
                   request=EMPTY_INPUT, responses=DepartureSerializer)
    def post(self, request, pk):
        if request.user.organisation_id is not None:
            raise PermissionDenied
        departure = get_departure_for_user(request.user, pk)
        services.withdraw_request(departure=departure, actor=request.user)
        return object_response(request, DepartureSerializer, get_departure_for_user(request.user, pk))
