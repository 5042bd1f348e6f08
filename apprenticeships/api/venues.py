"""培训场地维护 through the API: the enterprise's own venues (its filers, as on screen), searched with the screen's
filters, 新增, 修改 under If-Match and 删除 — VenueFilterForm, VenueForm and apprenticeships.services.venues."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.concurrency import lock_and_match
from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import object_response, require_permission
from apprenticeships.api.common import TAGS, payload, state_conflicts
from apprenticeships.forms.tracking import VenueFilterForm, VenueForm
from apprenticeships.models import Venue
from apprenticeships.rules import FILE, is_enterprise
from apprenticeships.selectors.venues import get_venue_for_user, venues_for_user
from apprenticeships.services import venues as services

API = "apprenticeships"
VenueInput = form_serializer(VenueForm, "ApprenticeshipVenueInput")


class VenueSerializer(serializers.ModelSerializer):
    region_code = serializers.CharField(source="region_id")
    region_name = serializers.CharField(source="region.name")

    class Meta:
        model = Venue
        fields = ("id", "name", "region_code", "region_name", "address", "capacity", "latitude", "longitude",
                  "created_at", "updated_at")


def _require_filer(request) -> None:
    """The screen's gate: the filing permission, in an enterprise."""
    require_permission(request, FILE)
    if not is_enterprise(request.user):
        raise PermissionDenied


class VenueList(ListAPIView):
    api_programme = API
    serializer_class = VenueSerializer

    @extend_schema(operation_id="apprenticeships_venues_list", summary=_("培训场地维护"), tags=TAGS,
                   parameters=query_parameters(VenueFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        _require_filer(self.request)
        form = bind_query(self.request, VenueFilterForm)
        return venues_for_user(self.request.user, form.cleaned_data)


class VenueCreate(APIView):
    api_programme = API

    @extend_schema(operation_id="apprenticeships_venue_create", summary=_("新增培训场地"), tags=TAGS,
                   request=VenueInput, responses={201: VenueSerializer})
    def post(self, request):
        _require_filer(request)
        form = bind(VenueForm, payload(request))
        venue = services.create_venue(organisation=request.user.organisation, actor=request.user,
                                      data=form.cleaned_data)
        return object_response(request, VenueSerializer, get_venue_for_user(request.user, venue.pk), status=201)


class VenueUpdate(APIView):
    """修改 under If-Match (the venue's ETag)."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_venue_update", summary=_("修改培训场地"), tags=TAGS,
                   request=VenueInput, responses=VenueSerializer)
    def put(self, request, pk):
        _require_filer(request)
        venue = get_venue_for_user(request.user, pk)
        with transaction.atomic():
            lock_and_match(request, venue)
            form = bind(VenueForm, payload(request))
            services.update_venue(venue=venue, actor=request.user, data=form.cleaned_data)
        return object_response(request, VenueSerializer, get_venue_for_user(request.user, pk))


class VenueDelete(APIView):
    """删除: refused (409) while a course still uses the venue, as on screen."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_venue_delete", summary=_("删除培训场地"), tags=TAGS,
                   request=None, responses={204: None})
    def post(self, request, pk):
        _require_filer(request)
        venue = get_venue_for_user(request.user, pk)
        with state_conflicts("in_use"):  # a course uses it: the venue's state, not the input
            services.delete_venue(venue=venue, actor=request.user)
        return Response(status=204)
