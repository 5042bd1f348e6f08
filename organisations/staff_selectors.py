"""Scoped reads of the staff roster: a user sees only their own organisation's people."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from organisations.models import StaffMember
from organisations.staff_forms import StaffFilterForm


def get_staff_for_user(user) -> QuerySet:
    if not user.is_authenticated or user.organisation_id is None:
        return StaffMember.objects.none()
    return StaffMember.objects.filter(organisation_id=user.organisation_id)


def get_staff_member_for_user(user, pk) -> StaffMember:
    return get_object_or_404(get_staff_for_user(user), pk=pk)


def filter_staff(queryset: QuerySet, form: StaffFilterForm) -> QuerySet:
    """Apply the list's filters; an invalid filter form shows everything it could parse."""
    data = form.cleaned_data if form.is_valid() else {}
    if data.get("name"):
        queryset = queryset.filter(name__contains=data["name"].strip())
    if data.get("id_number"):
        # Encrypted at rest: found by the whole number (keyed hash), no longer by a part of it.
        queryset = queryset.filter(id_number=data["id_number"])
    if data.get("department"):
        queryset = queryset.filter(department_name__contains=data["department"].strip())
    if data.get("gender"):
        queryset = queryset.filter(gender=data["gender"])
    if data.get("title_level"):
        queryset = queryset.filter(title_level=data["title_level"])
    if data.get("education"):
        queryset = queryset.filter(education=data["education"])
    if data.get("hired_from"):
        queryset = queryset.filter(hired_on__gte=data["hired_from"])
    if data.get("hired_to"):
        queryset = queryset.filter(hired_on__lte=data["hired_to"])
    return queryset


def staff_list_for_user(user, params) -> QuerySet:
    """Exactly what the roster page lists for these query parameters (the export uses this too)."""
    return filter_staff(get_staff_for_user(user), StaffFilterForm(params)).order_by("name", "id")
