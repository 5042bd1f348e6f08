"""Which enterprises a school's students may choose from (manual 000 §1): the enterprises the school
recommended, plus the self-registered and student-recommended enterprises that passed the registry check;
never a blacklisted one. Positions are chosen from the pool's published positions."""

from django.db.models import Q

from internships.models import AdmissionStatus, PositionStatus, SchoolRecommendation
from organisations.models import Origin

CHECKED_ORIGINS = (Origin.SELF_REGISTERED, Origin.STUDENT_RECOMMENDED)


def pool_q(school, prefix: str = "") -> Q:
    """A filter over Organisation (or a relation to it named by `prefix`, e.g. "enterprise__")."""
    # A subquery, not a join: an enterprise recommended by several schools stays one row.
    recommended = Q(**{f"{prefix}pk__in": SchoolRecommendation.objects.filter(school=school).values("enterprise")})
    admitted = Q(**{f"{prefix}origin__in": CHECKED_ORIGINS,
                    f"{prefix}internship_profile__admission_status": AdmissionStatus.ADMITTED})
    return (recommended | admitted) & Q(**{f"{prefix}internship_profile__blacklisted": False})


def open_positions_q(school, today) -> Q:
    """Published positions of the school's pool whose application dates include `today`."""
    return (Q(status=PositionStatus.PUBLISHED, apply_from__lte=today, apply_until__gte=today)
            & pool_q(school, prefix="enterprise__"))
