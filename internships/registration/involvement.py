"""The programme's answer to accounts.involvement: the internships of the person's Student record (found by
the person's account, else by ID number), under way or ended within a year."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.involvement import register_involvement
from internships.models import Internship, InternshipStatus, Student

RECENT_DAYS = 365


def internships_of(user, **context) -> list[str]:
    students = Student.objects.filter(person=user)
    if not students.exists() and getattr(user, "id_number", None):
        students = Student.objects.filter(id_number=user.id_number)
    since = timezone.localdate() - datetime.timedelta(days=RECENT_DAYS)
    internships = (Internship.objects.filter(student__in=students, ends_on__gte=since)
                   .exclude(status=InternshipStatus.CANCELLED).select_related("enterprise", "school")
                   .order_by("starts_on", "id"))
    return [f"{item.enterprise.name}（{item.school.name}），{item.starts_on:%Y-%m-%d}至{item.ends_on:%Y-%m-%d}，"
            f"{item.get_status_display()}" for item in internships]


def register_involvement_lookup() -> None:
    register_involvement("internships", _("职业院校学生实习"), internships_of)
