"""Reads of the graduate register (高校毕业生就业信息库): a department sees the records last written by a
department within its jurisdiction; platform staff see all (see traineeships.services.register)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.rules import is_platform_staff
from organisations.jurisdiction import authorised_department, region_q
from traineeships.models import GraduateRecord
from traineeships.rules import IMPORT_GRADUATES as PERMISSION
from traineeships.rules import REGISTER


def register_department(user):
    """The user's organisation when it is a department with authority over the register (HR, education) and
    the user holds the register's permission, else None."""
    return authorised_department(user, REGISTER)


def may_maintain_register(user) -> bool:
    return user.has_perm(PERMISSION) and (is_platform_staff(user) or register_department(user) is not None)


def graduates_for_user(user) -> QuerySet:
    records = GraduateRecord.objects.select_related("imported_by_org")
    if is_platform_staff(user):
        return records
    department = register_department(user)
    if department is None:
        raise PermissionDenied
    # Records last written by a department inside the jurisdiction (not by organisation: see services.register).
    return records.filter(region_q(department.region, prefix="imported_by_org__region__"))


def filter_graduates(records: QuerySet, *, q: str = "", school: str = "", education: str = "",
                     graduation_year=None) -> QuerySet:
    if q:
        records = records.filter(Q(name__icontains=q) | Q(id_number=q.upper()))
    if school:
        records = records.filter(school__icontains=school)
    if education:
        records = records.filter(education=education)
    if graduation_year:
        records = records.filter(graduation_year=graduation_year)
    return records


def get_graduate_for_user(user, pk: int) -> GraduateRecord:
    graduate = graduates_for_user(user).filter(pk=pk).first()
    if graduate is None:
        raise Http404("记录不存在")
    return graduate
