"""在训名额: a trainee holds their place (Trainee.holds_place) while the filing is submitted or approved, they are
not lost and the class is neither cancelled nor ended; the partial unique index ap_trainee_one_active then holds
"one active apprenticeship per person" across all enterprises. These two functions are the only writers of
holds_place; callers hold the filing's row lock (lock order: Filing → its TrainingClass → its Trainees)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from apprenticeships.models import Trainee


def hold_places(filing) -> None:
    """Every trainee of the filing who is not lost takes their place, or the whole filing is refused with the
    first person already in another apprenticeship named."""
    trainees = list(filing.trainees.filter(lost_on__isnull=True, holds_place=False).order_by("pk"))
    for trainee in trainees:
        try:
            with transaction.atomic():
                Trainee.objects.filter(pk=trainee.pk).update(holds_place=True)
        except IntegrityError:
            other = (Trainee.objects.filter(person_id=trainee.person_id, holds_place=True)
                     .select_related("filing__organisation").first())
            where = other.filing.organisation.name if other else _("其他企业")
            message = _("培训人员 %(name)s 已在“%(where)s”的学徒制培训中（已提交或已备案、未流失），"
                        "同一人同一时间只能参加一个学徒制培训") % {"name": trainee.name, "where": where}
            raise ValidationError(message, code="already_enrolled") from None


def release_places(filing, trainees=None) -> int:
    """The filing's trainees (or the given ones) free their places; returns how many did."""
    rows = filing.trainees.filter(holds_place=True)
    if trainees is not None:
        rows = rows.filter(pk__in=[trainee.pk for trainee in trainees])
    return rows.update(holds_place=False)
