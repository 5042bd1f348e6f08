"""培训场地维护 (manual 003 §3.2.1.6): an enterprise's own venues; a venue a course uses cannot be deleted."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from apprenticeships.models import Venue
from apprenticeships.rules import may_file
from audit.services import record, snapshot
from core.constraints import known_violation

FIELDS = ("name", "region", "address", "capacity", "latitude", "longitude")


def _check_owner(actor, organisation_id) -> None:
    if not (may_file(actor) and actor.organisation_id == organisation_id):
        raise PermissionDenied(_("只能维护本企业的培训场地"))


def _save(venue) -> Venue:
    try:
        with transaction.atomic():
            venue.save()
    except IntegrityError as error:
        raise known_violation(error) or error from None
    return venue


def create_venue(*, organisation, actor, data: dict) -> Venue:
    _check_owner(actor, organisation.pk)
    with transaction.atomic():
        venue = _save(Venue(organisation=organisation, **{name: data.get(name) for name in FIELDS}))
        record(actor=actor, action="apprenticeships.venue_created", target=venue, after=snapshot(venue, FIELDS))
    return venue


def update_venue(*, venue, actor, data: dict) -> Venue:
    with transaction.atomic():
        row = Venue.objects.select_for_update().get(pk=venue.pk)
        _check_owner(actor, row.organisation_id)
        before = snapshot(row, FIELDS)
        for name in FIELDS:
            setattr(row, name, data.get(name))
        _save(row)
        record(actor=actor, action="apprenticeships.venue_updated", target=row, before=before,
               after=snapshot(row, FIELDS))
    return row


def delete_venue(*, venue, actor) -> None:
    in_use = _("该培训场地已被课程使用，不能删除")
    with transaction.atomic():
        row = Venue.objects.select_for_update().get(pk=venue.pk)
        _check_owner(actor, row.organisation_id)
        if row.courses.exists():
            raise ValidationError(in_use, code="in_use")
        before = snapshot(row, FIELDS)
        try:
            with transaction.atomic():
                row.delete()
        except ProtectedError:  # a course took the venue meanwhile
            raise ValidationError(in_use, code="in_use") from None
        record(actor=actor, action="apprenticeships.venue_deleted", target=None, target_repr=before["name"],
               before=before)
