"""Scoped reads of the student roll, the students' applications and the positions a student may choose
(internships.selectors.access is the rule: 404 for what the user may not see, 403 for a visible object whose
action the user may not take)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.rules import is_individual
from internships.models import Application, ApplicationStatus, Position, Student
from internships.rules import HOST, SCHOOL, is_host, is_school
from internships.selectors.access import can_see_records_of, records_q, student_of
from internships.selectors.pool import open_positions_q

OPEN = ApplicationStatus.APPLIED


def today():
    """The day the pool's application dates are read on; tests replace it."""
    return timezone.localdate()


# ---------------------------------------------------------------- who is a student


def is_student(user) -> bool:
    """An individual linked to a roll entry (the programme's sign-in did it)."""
    return student_of(user) is not None


def needs_student_sign_in(user) -> bool:
    """An individual not linked to a roll entry yet who may be at school (accounts.eligibility: someone who
    entered only programmes for people who have left school is not offered it)."""
    from accounts.eligibility import may_be_student

    return is_individual(user) and student_of(user) is None and may_be_student(user)


# ---------------------------------------------------------------- the roll (school)


def own_school(user):
    """The user's school when the user keeps its roll (SCHOOL permission); else None."""
    if is_school(user) and user.has_perm(SCHOOL):
        return user.organisation
    return None


def require_own_school(user):
    school = own_school(user)
    if school is None:
        raise PermissionDenied
    return school


def roll_for_user(user) -> QuerySet:
    school = own_school(user)
    if school is None:
        return Student.objects.none()
    return Student.objects.filter(school=school).select_related("person")


def filter_roll(students: QuerySet, *, class_name="", major="", status="", q="") -> QuerySet:
    """The roll's filters: class, major, the students' signing state, a name search."""
    if class_name:
        students = students.filter(class_name=class_name)
    if major:
        students = students.filter(major=major)
    if q:
        students = students.filter(name__contains=q)
    if status == "signed_in":
        students = students.filter(person__isnull=False)
    elif status == "not_signed_in":
        students = students.filter(person__isnull=True)
    elif status == "applied":
        students = students.filter(applications__status=OPEN).distinct()
    elif status == "signed":
        from internships.models import ACTIVE_STATUSES

        students = students.filter(internships__status__in=ACTIVE_STATUSES).distinct()
    return students


def roll_values(user, field: str) -> list[str]:
    return list(roll_for_user(user).order_by(field).values_list(field, flat=True).distinct())


def get_student_for_user(user, pk: int) -> Student:
    """A roll entry: visible to its school (and the education department over it, and the student); only the
    school may change it (403 for the others who see it)."""
    student = Student.objects.select_related("school", "person").filter(pk=pk).first()
    if student is None:
        raise Http404
    if own_school(user) is not None and user.organisation_id == student.school_id:
        return student
    if can_see_records_of(user, student.school) or (user.is_authenticated and student.person_id == user.pk):
        raise PermissionDenied
    raise Http404


def has_applications(student: Student) -> bool:
    return student.applications.exists()


# ---------------------------------------------------------------- positions a student may choose


def positions_for_student(student: Student) -> QuerySet:
    return (Position.objects.filter(open_positions_q(student.school, today()))
            .select_related("enterprise", "work_region").order_by("-published_at", "-id"))


def filter_positions(positions: QuerySet, *, q="", major="", city="", education="") -> QuerySet:
    if q:
        positions = positions.filter(Q(title__contains=q) | Q(enterprise__name__contains=q))
    if major:
        positions = positions.filter(majors__contains=major)
    if city:
        positions = positions.filter(work_region__city_code=city)
    if education:
        positions = positions.filter(education=education)
    return positions


def cities_of(positions: QuerySet) -> list[tuple[str, str]]:
    """The cities the student's open positions lie in, for the region filter."""
    from regions.models import Region

    codes = set(positions.values_list("work_region__city_code", flat=True))
    return list(Region.objects.filter(code__in=codes).order_by("code").values_list("code", "name"))


def get_open_position_for_student(user, pk: int) -> Position:
    """A position of the student's open pool (404 for any other position); 403 for anyone who is not a student."""
    student = student_of(user)
    if student is None:
        raise PermissionDenied  # a screen of students only
    position = positions_for_student(student).filter(pk=pk).first()
    if position is None:
        raise Http404
    return position


def open_applications(student: Student) -> QuerySet:
    return student.applications.filter(status=OPEN)


# ---------------------------------------------------------------- applications


def applications_of_student(student: Student) -> QuerySet:
    return (Application.objects.filter(student=student)
            .select_related("position", "enterprise", "decided_by").order_by("-created_at", "-id"))


def applications_for_host(user) -> QuerySet:
    """实习签约管理: the applications to the user's enterprise's positions."""
    if not (is_host(user) and user.has_perm(HOST)):
        return Application.objects.none()
    return (Application.objects.filter(enterprise_id=user.organisation_id)
            .select_related("student", "position", "school").order_by("-created_at", "-id"))


def applications_for_school(user) -> QuerySet:
    """Which of the school's students applied where, and with whom they signed."""
    school = own_school(user)
    if school is None:
        return Application.objects.none()
    return (Application.objects.filter(school=school)
            .select_related("student", "position", "enterprise").order_by("student__class_name",
                                                                          "student__name", "-created_at"))


def filter_applications(applications: QuerySet, *, status="", position=None, q="", class_name="") -> QuerySet:
    if status:
        applications = applications.filter(status=status)
    if position is not None:
        applications = applications.filter(position=position)
    if q:
        applications = applications.filter(Q(student__name__contains=q) | Q(enterprise__name__contains=q))
    if class_name:
        applications = applications.filter(student__class_name=class_name)
    return applications


def host_positions(user) -> QuerySet:
    if not (is_host(user) and user.has_perm(HOST)):
        return Position.objects.none()
    # the enterprise is joined: the filter's options print each position as "enterprise·title"
    return (Position.objects.filter(enterprise_id=user.organisation_id).exclude(status="deleted")
            .select_related("enterprise").order_by("title"))


def get_application_for_user(user, pk: int) -> Application:
    """An application: seen by its enterprise and school members holding the programme permission, the
    education department over either, and its student; 404 for anyone else."""
    application = (Application.objects.select_related("student__school", "position", "enterprise", "school")
                   .filter(pk=pk).first())
    if application is None:
        raise Http404
    own_student = student_of(user)
    if own_student is not None and own_student.pk == application.student_id:
        return application
    if Application.objects.filter(records_q(user), pk=pk).exists():
        return application
    raise Http404


def get_application_to_decide(user, pk: int) -> Application:
    """An application the user's enterprise may agree or refuse (403 for others who see it)."""
    application = get_application_for_user(user, pk)
    if not (is_host(user) and user.has_perm(HOST) and user.organisation_id == application.enterprise_id):
        raise PermissionDenied
    return application


def get_own_application(user, pk: int) -> Application:
    """The student's own application (to withdraw); 403 for others who see it."""
    application = get_application_for_user(user, pk)
    student = student_of(user)
    if student is None or student.pk != application.student_id:
        raise PermissionDenied
    return application
