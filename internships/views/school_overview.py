"""The school's overview of its roll and its statistics; the education department's list of the region's
internships and its statistics."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.paging import paginate
from internships.forms.school import OverviewFilterForm, SupervisionFilterForm
from internships.models import InternshipStatus
from internships.selectors.school import may_act_for_school, may_supervise
from internships.selectors.school_overview import (
    class_names,
    filter_internships,
    filter_roll,
    overview_row,
    region_internships,
    region_statistics,
    roll_with_stage,
    school_roll,
    school_statistics,
)


def _require(check, user) -> None:
    if not check(user):
        raise PermissionDenied


@require_GET
@login_required
def school_overview(request):
    """学生实习总览: every student of the roll with their stage, one page."""
    _require(may_act_for_school, request.user)
    form = OverviewFilterForm(request.GET or None, class_names=class_names(request.user))
    filters, students = form.filters(), roll_with_stage(school_roll(request.user))
    students = students.none() if filters is None else filter_roll(students, **filters)
    context = paginate(request, students)
    context.update(form=form, rows=[overview_row(student) for student in context["object_list"]],
                   export_query=request.GET.urlencode())
    return render(request, "internships/school/overview.html", context)


@require_GET
@login_required
def school_statistics_view(request):
    _require(may_act_for_school, request.user)
    return render(request, "internships/school/statistics.html", {
        "figures": school_statistics(request.user), "statuses": InternshipStatus.choices})


@require_GET
@login_required
def supervision(request):
    """辖区实习: every internship whose enterprise or school lies in the department's region."""
    _require(may_supervise, request.user)
    form = SupervisionFilterForm(request.GET or None)
    filters, internships = form.filters(), region_internships(request.user)
    internships = internships.none() if filters is None else filter_internships(internships, **filters)
    context = paginate(request, internships)
    context.update(form=form, export_query=request.GET.urlencode())
    return render(request, "internships/school/supervision.html", context)


@require_GET
@login_required
def supervision_statistics(request):
    _require(may_supervise, request.user)
    return render(request, "internships/school/supervision_statistics.html", {
        "figures": region_statistics(request.user), "statuses": InternshipStatus.choices})
