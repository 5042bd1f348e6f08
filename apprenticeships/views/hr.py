"""HR screens: 生态链企业认定 (city HR keeps its city's; province HR reads its province's), 辖区学徒制备案 and
学徒制统计 (HR reviewers of a county, city or province)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apprenticeships.forms.hr import (
    HrFilingFilterForm,
    RecognitionFilterForm,
    RecognitionForm,
    RevokeForm,
    StatisticsFilterForm,
    recognition_initial,
)
from apprenticeships.models import ApprenticeshipType, EcosystemRole, FilingStatus
from apprenticeships.rules import hr_department, is_hr_reviewer
from apprenticeships.selectors.hr import (
    enterprises_of_city,
    filter_filings,
    filter_recognitions,
    get_recognition_for_user,
    may_keep_recognitions,
    may_see_recognitions,
    recognition_department,
    recognitions_for_user,
    region_filings,
)
from apprenticeships.services import recognitions as services
from apprenticeships.services.statistics import statistics_for
from core.paging import paginate

# --- recognitions ------------------------------------------------------------------------------------------------


def _require_recognitions(user):
    if not may_see_recognitions(user):
        raise PermissionDenied


def _require_keeper(user):
    if not may_keep_recognitions(user):
        raise PermissionDenied


def _kept_recognition(request, pk):
    """The recognition the user sees (404 otherwise), when the user keeps recognitions (403 otherwise)."""
    _require_recognitions(request.user)
    recognition = get_recognition_for_user(request.user, pk)
    _require_keeper(request.user)
    return recognition


def _save_recognition(request, form, call, message: str):
    """A POST of a valid `form`: `call(data)`, then back to the list with `message`; None when the form stays (its
    errors, a service's ValidationError among them, beside the fields)."""
    if request.method == "POST" and form.is_valid():
        try:
            call(form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, message)
            return redirect("apprenticeships:recognitions")
    return None


@require_GET
@login_required
def recognitions(request):
    _require_recognitions(request.user)
    form = RecognitionFilterForm(request.GET)
    filters = form.filters()
    queryset = recognitions_for_user(request.user)
    queryset = queryset.none() if filters is None else filter_recognitions(queryset, **filters)
    context = paginate(request, queryset.order_by("-valid_from", "-id"))
    context.update(form=form, roles=EcosystemRole.choices, may_keep=may_keep_recognitions(request.user),
                   department=recognition_department(request.user))
    return render(request, "apprenticeships/hr/recognitions.html", context)


def _enterprise_options(user):
    department = recognition_department(user)
    return enterprises_of_city(department.region).order_by("name")[:200]


@require_http_methods(["GET", "POST"])
@login_required
def recognition_new(request):
    _require_keeper(request.user)
    city = recognition_department(request.user).region
    form = RecognitionForm(request.POST or None, city=city)
    saved = _save_recognition(request, form, lambda data: services.create_recognition(actor=request.user, data=data),
                              _("认定已保存"))
    if saved is not None:
        return saved
    return render(request, "apprenticeships/hr/recognition_form.html",
                  {"form": form, "recognition": None, "options": _enterprise_options(request.user)})


@require_http_methods(["GET", "POST"])
@login_required
def recognition_edit(request, pk):
    recognition = _kept_recognition(request, pk)
    city = recognition_department(request.user).region
    form = RecognitionForm(request.POST or None, city=city, initial=recognition_initial(recognition))
    if recognition.revoked_at is not None and request.method == "POST":
        messages.error(request, _("该认定已撤销，不能修改"))
        return redirect("apprenticeships:recognitions")
    saved = _save_recognition(request, form, lambda data: services.update_recognition(
        recognition=recognition, actor=request.user, data=data), _("认定已保存"))
    if saved is not None:
        return saved
    return render(request, "apprenticeships/hr/recognition_form.html",
                  {"form": form, "recognition": recognition, "revoke_form": RevokeForm(),
                   "options": _enterprise_options(request.user)})


@require_POST
@login_required
def recognition_revoke(request, pk):
    recognition = _kept_recognition(request, pk)
    form = RevokeForm(request.POST)
    saved = _save_recognition(request, form, lambda data: services.revoke_recognition(
        recognition=recognition, actor=request.user, reason=data["reason"]), _("认定已撤销"))
    if saved is not None:
        return saved
    return render(request, "apprenticeships/hr/recognition_form.html",
                  {"form": RecognitionForm(city=recognition.city, initial=recognition_initial(recognition)),
                   "recognition": recognition, "revoke_form": form, "options": _enterprise_options(request.user)},
                  status=200)


# --- the region's filings ----------------------------------------------------------------------------------------


def _require_hr_reviewer(user):
    if hr_department(user) is None or not is_hr_reviewer(user):
        raise PermissionDenied


def _export_query(request) -> str:
    """The list's own query for its export button: the export reads it with the same form (a malformed value
    exports nothing, as the page lists nothing)."""
    return urlencode([(key, value) for key, value in request.GET.items() if key != "page"])


@require_GET
@login_required
def hr_filings(request):
    _require_hr_reviewer(request.user)
    form = HrFilingFilterForm(request.GET)
    filters = form.filters()
    queryset = region_filings(request.user)
    queryset = queryset.none() if filters is None else filter_filings(queryset, **filters)
    context = paginate(request, queryset.order_by("-submitted_at", "-id"))
    context.update(form=form, statuses=[item for item in FilingStatus.choices if item[0] != "draft"],
                   types=ApprenticeshipType.choices, export_query=_export_query(request),
                   department=hr_department(request.user))
    return render(request, "apprenticeships/hr/filings.html", context)


# --- statistics --------------------------------------------------------------------------------------------------


@require_GET
@login_required
def statistics(request):
    _require_hr_reviewer(request.user)
    department = hr_department(request.user)
    form = StatisticsFilterForm(request.GET)
    filters = form.filters()
    result = statistics_for(department.region, **filters) if filters is not None else None
    return render(request, "apprenticeships/hr/statistics.html", {
        "stats": result, "department": department, "form": form, "month_numbers": range(1, 13),
        "export_query": _export_query(request),
    })
