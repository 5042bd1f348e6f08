"""工作桌面 (one URL, three desks: a unit's, a professional's, a department's) and 统计分析 (departments)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from accounts.rules import is_platform_staff
from continuing_education.forms.desk import DeskYearForm, YearForm
from continuing_education.rules import is_professional, is_reviewer
from continuing_education.selectors.desk import (
    department_desk,
    may_open_unit_desk,
    person_desk,
    unit_desk,
)
from continuing_education.selectors.desk_statistics import may_see_statistics, statistics_for


def link(name: str, **query) -> str | None:
    """The URL of another section's page, None while that page does not exist (the desk then shows the number
    without a link)."""
    try:
        url = reverse(name)
    except NoReverseMatch:
        return None
    return f"{url}?{urlencode(query)}" if query else url


@require_GET
@login_required
def desk(request):
    user = request.user
    if may_open_unit_desk(user):
        form = DeskYearForm(request.GET)
        return render(request, "continuing_education/desk/unit.html", {
            "desk": unit_desk(user, year=form.chosen_year), "form": form, "links": {
                "staff_requests": link("continuing_education:staff_requests"),
                "inbox": link("continuing_education:inbox"),
                "upstream": link("continuing_education:hours_manage"),
                "declarants": link("continuing_education:hours_manage"),
                "classes_follow_up": link("continuing_education:classes", results="not_reported"),
            }})
    if is_professional(user):
        return render(request, "continuing_education/desk/person.html", {
            "desk": person_desk(user), "links": {
                "join": link("continuing_education:join"),
                "declarations": link("continuing_education:declarations"),
                "my_archive": link("continuing_education:my_archive"),
            }})
    if is_reviewer(user) or is_platform_staff(user):
        return render(request, "continuing_education/desk/department.html", {
            "desk": department_desk(user), "links": {
                "reviews": link("reviews:inbox"), "statistics": link("continuing_education:statistics"),
                "units": link("continuing_education:units"),
                "reviewed_classes": link("continuing_education:reviewed_classes"),
            }})
    raise PermissionDenied


@require_GET
@login_required
def statistics(request):
    if not may_see_statistics(request.user):
        raise PermissionDenied
    form = YearForm(request.GET)
    year = form.chosen_year  # None for a malformed year: its message, and no figures
    return render(request, "continuing_education/desk/statistics.html", {
        "stats": None if year is None else statistics_for(request.user, year=year), "form": form})
