"""见习期满 by itself: the daily jobs (core.daily) that end a traineeship when its end date has passed and close the
留用 registration period. Both act on the state as of `today` and are idempotent: a second run finds nothing.

- expire_placements: a placement 在岗 whose end date is before `today` becomes 见习期满 (EXPIRED) through the
  StateMachine, audited with the system as actor (actor=None), with ended_on = the end date, end_reason 见习期满
  and the deadline for the unit to register 留用 or 未留用 (services.placements.retention_due_on). The unit and
  the trainee are told. A trainee's own departure request still waiting for the unit is moot and is cancelled.
  A placement 离岗办理中 is left to its departure review (it ends early, or comes back 在岗 and expires the next
  night).
- lapse_retention: an ended traineeship whose outcome was not registered by the deadline counts as not
  retained (LAPSED), settled the day after the deadline, so the "1+1" top-up of the trainee (and the retention
  rate of the others) can be computed.
"""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from audit.services import record, snapshot
from notifications.services import notify, notify_organisation
from traineeships.models import (
    ENDED_STATUSES,
    Departure,
    DepartureStatus,
    EndReason,
    Placement,
    PlacementStatus,
    RetentionOutcome,
)
from traineeships.services.departures import set_departure_status
from traineeships.services.placements import RETENTION_FIELDS, UNIT_PERMISSION, end_fields, set_placement_status


def _expire_one(pk: int, today: datetime.date) -> bool:
    with transaction.atomic():
        # Lock order: the departure rows point at the placement, so they come first (docs/architecture.md).
        requests = list(Departure.objects.select_for_update(of=("self",))
                        .filter(placement_id=pk, status=DepartureStatus.REQUESTED).order_by("id"))
        placement = (Placement.objects.select_for_update(of=("self",))
                     .select_related("post__work_region", "base__organisation", "person").get(pk=pk))
        if placement.status != PlacementStatus.ON_POST or placement.end_on >= today:
            return False  # moved since the list was read, or another run did it
        for departure in requests:
            set_departure_status(departure, DepartureStatus.CANCELLED, actor=None)
        set_placement_status(placement, PlacementStatus.EXPIRED, actor=None, ended_on=placement.end_on,
                             end_reason=EndReason.COMPLETED,
                             **end_fields(placement, ended_on=placement.end_on, recorded_on=today))
        name, due = placement.person.real_name, placement.retention_due_on.isoformat()
        if placement.retention_settled_on is None:
            title = _("%(name)s见习期满（%(day)s），请于%(due)s前登记留用情况（留用或未留用），逾期按未留用计") % {
                "name": name, "day": placement.end_on.isoformat(), "due": due}
        else:
            title = _("%(name)s见习期满（%(day)s），已登记留用") % {"name": name, "day": placement.end_on.isoformat()}
        notify_organisation(organisation=placement.base.organisation, permission=UNIT_PERMISSION, title=title,
                            url=reverse("traineeships:placement_detail", args=[placement.pk]))
        notify(recipients=[placement.person], title=_("您的就业见习已期满（%(day)s）")
               % {"day": placement.end_on.isoformat()}, url=reverse("traineeships:my_placement"))
    return True


def expire_placements(*, today: datetime.date) -> int:
    """Daily job: 在岗 placements whose end date is before `today` become 见习期满. One transaction per placement,
    so one refusal does not hold back the others."""
    candidates = (Placement.objects.filter(status=PlacementStatus.ON_POST, end_on__lt=today)
                  .order_by("id").values_list("pk", flat=True))
    return sum(_expire_one(pk, today) for pk in list(candidates))


def _lapse_one(pk: int, today: datetime.date) -> bool:
    with transaction.atomic():
        placement = Placement.objects.select_for_update(of=("self",)).get(pk=pk)
        if (placement.status not in ENDED_STATUSES or placement.retention_settled_on is not None
                or placement.retention_due_on is None or placement.retention_due_on >= today):
            return False
        before = snapshot(placement, RETENTION_FIELDS)
        placement.retention_outcome = RetentionOutcome.LAPSED
        placement.retention_settled_on = placement.retention_due_on + datetime.timedelta(days=1)
        placement.save(update_fields=[*RETENTION_FIELDS, "updated_at"])
        record(actor=None, action="traineeships.retention_lapsed", target=placement, before=before,
               after=snapshot(placement, RETENTION_FIELDS))
    return True


def lapse_retention(*, today: datetime.date) -> int:
    """Daily job: ended traineeships whose registration deadline passed without 留用 or 未留用 count as not
    retained."""
    candidates = (Placement.objects.filter(status__in=ENDED_STATUSES, retention_settled_on__isnull=True,
                                           retention_due_on__lt=today)
                  .order_by("id").values_list("pk", flat=True))
    return sum(_lapse_one(pk, today) for pk in list(candidates))
