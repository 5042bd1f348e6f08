"""实习到岗 (the enterprise confirms each student's arrival) and 实习评价 (the enterprise evaluates its interns,
the student the enterprise; the school and the education department read both)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.rules import is_platform_staff
from core.paging import paginate
from internships.forms.arrivals import ArrivalFilterForm, ArrivalForm, EvaluationForm
from internships.models import EvaluationSide
from internships.rules import SCHOOL, is_education_reviewer, is_school
from internships.selectors.access import student_of
from internships.selectors.arrivals import arrivals_for_user, get_internship_for_arrival
from internships.selectors.evaluations import (
    evaluated_internships,
    evaluations_of_enterprise,
    get_internship_for_evaluation,
)
from internships.services import arrivals as arrival_services
from internships.services import evaluations as evaluation_services


@require_GET
@login_required
def arrival_list(request):
    if not arrival_services.may_confirm_arrivals(request.user):
        raise PermissionDenied
    form = ArrivalFilterForm(request.GET)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    context = paginate(request, arrivals_for_user(request.user, status))
    context.update(form=form, today=timezone.localdate())
    return render(request, "internships/arrivals/list.html", context)


@require_POST
@login_required
def arrival_confirm(request, pk):
    internship = get_internship_for_arrival(request.user, pk)
    form = ArrivalForm(request.POST)
    if form.is_valid():
        try:
            arrival_services.confirm_arrival(actor=request.user, internship=internship,
                                             arrived_on=form.cleaned_data["arrived_on"])
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("已确认 %(name)s 到岗") % {"name": internship.student.name})
            return redirect("internships:arrivals")
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, f"{internship.student.name}：{error}")
    return redirect("internships:arrivals")


def may_see_evaluations(user) -> bool:
    return (arrival_services.may_confirm_arrivals(user) or (is_school(user) and user.has_perm(SCHOOL))
            or is_education_reviewer(user) or is_platform_staff(user) or student_of(user) is not None)


@require_GET
@login_required
def evaluation_list(request):
    if not may_see_evaluations(request.user):
        raise PermissionDenied
    context = paginate(request, evaluated_internships(request.user))
    is_enterprise = arrival_services.may_confirm_arrivals(request.user)
    context.update(is_enterprise=is_enterprise,
                   of_enterprise=evaluations_of_enterprise(request.user)[:200] if is_enterprise else None)
    return render(request, "internships/evaluations/list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def evaluation_detail(request, pk):
    internship = get_internship_for_evaluation(request.user, pk)
    side = evaluation_services.side_of(request.user, internship)
    stages = evaluation_services.open_stages(internship, side)
    form = None
    if request.method == "POST":
        if side is None:
            raise PermissionDenied
        form = EvaluationForm(request.POST)
        if form.is_valid():
            try:
                evaluation_services.evaluate(actor=request.user, internship=internship, **form.cleaned_data)
            except ValidationError as error:
                form.bind_errors(error)
            else:
                messages.success(request, _("评价已提交"))
                return redirect("internships:evaluation_detail", pk=internship.pk)
    elif stages:
        form = EvaluationForm(stages=stages)
    evaluations = list(internship.evaluations.select_related("created_by").order_by("created_at", "id"))
    return render(request, "internships/evaluations/detail.html", {
        "internship": internship, "side": side, "form": form, "stages": stages,
        "of_student": [item for item in evaluations if item.side == EvaluationSide.ENTERPRISE],
        "of_enterprise": [item for item in evaluations if item.side == EvaluationSide.STUDENT],
    })
