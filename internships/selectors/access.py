"""The programme's one access rule, as every selector applies it.

Internship records relate to two organisations, the host enterprise and the school. Both relations go through
organisations.jurisdiction with the programme's key: members holding the host or school permission see their
organisation's records, education departments holding a reviewer permission see the records of enterprises or
schools in their region, platform staff see everything. A student sees their own records through
`student_of(user)`; nobody else's.
"""

from django.db.models import Q

from accounts.rules import is_individual
from core.navigation import asked_once_per_menu
from internships.models import Student
from internships.rules import PROGRAMME
from organisations.jurisdiction import scope_for


def records_q(user, *, enterprise: str | None = "enterprise", school: str | None = "school") -> Q:
    """A filter over rows whose relations to the host and the school are named `enterprise` and `school`
    (None: the row has no such relation)."""
    scope = scope_for(user, PROGRAMME)
    if scope.nothing:
        return Q(pk__in=[])
    condition = Q(pk__in=[])
    if enterprise:
        condition |= scope.q(f"{enterprise}__")
    if school:
        condition |= scope.q(f"{school}__")
    return condition


def can_see_records_of(user, *organisations) -> bool:
    """Whether `user` sees a record that relates to any of `organisations` (its host, its school)."""
    scope = scope_for(user, PROGRAMME)
    return any(scope.contains(organisation) for organisation in organisations if organisation is not None)


@asked_once_per_menu
def student_of(user) -> Student | None:
    """The roll entry of a signed-in student (linked at the programme's sign-in), else None."""
    if not is_individual(user):
        return None
    return Student.objects.select_related("school").filter(person_id=user.pk).first()
