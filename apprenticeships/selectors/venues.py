"""An enterprise's own training venues (培训场地维护): another enterprise's venue is not found (404)."""

from django.http import Http404

from apprenticeships.models import Venue
from apprenticeships.rules import may_file


def venues_for_user(user, filters: dict | None = None):
    if not may_file(user):
        return Venue.objects.none()
    venues = Venue.objects.filter(organisation_id=user.organisation_id).select_related("region")
    filters = filters or {}
    if filters.get("name"):
        venues = venues.filter(name__icontains=filters["name"].strip())
    region = filters.get("region")
    if region is not None:
        venues = venues.filter(region__city_code=region.code)
    return venues.order_by("name", "id")


def get_venue_for_user(user, pk) -> Venue:
    venue = venues_for_user(user).filter(pk=pk).first()
    if venue is None:
        raise Http404("培训场地不存在")
    return venue
