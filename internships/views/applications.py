"""The students' pages (the positions of their school's pool, choosing up to five at once, their
applications), the enterprise's 实习签约管理, and the school's list of who applied where."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.decorators import permission_required_403
from core.paging import paginate
from internships.forms.students import (
    ChoosePositionsForm,
    PositionFilterForm,
    RefuseForm,
    SchoolApplicationFilterForm,
    SigningFilterForm,
)
from internships.models import ACTIVE_STATUSES, MAX_OPEN_CHOICES, ApplicationStatus, Internship, Position
from internships.rules import HOST, SCHOOL, is_host
from internships.selectors.access import student_of
from internships.selectors.students import (
    applications_for_host,
    applications_for_school,
    applications_of_student,
    cities_of,
    filter_applications,
    filter_positions,
    get_application_to_decide,
    get_open_position_for_student,
    get_own_application,
    host_positions,
    open_applications,
    positions_for_student,
    require_own_school,
    roll_values,
)
from internships.services import applications as services


def _student(request):
    """The signed-in student's roll entry; 403 for anyone else (a screen of students only)."""
    student = student_of(request.user)
    if student is None:
        raise PermissionDenied
    return student


def _signed_with(student):
    return (Internship.objects.select_related("enterprise", "position")
            .filter(student=student, status__in=ACTIVE_STATUSES).first())


# ---------------------------------------------------------------- the student's side


@require_GET
@login_required
def position_list(request):
    student = _student(request)
    positions = positions_for_student(student)
    form = PositionFilterForm(request.GET or None, cities=cities_of(positions))
    filters = form.filters()
    context = paginate(request, positions.none() if filters is None else filter_positions(positions, **filters))
    open_ones = open_applications(student)
    context.update(form=form, student=student, open_count=open_ones.count(), max_choices=MAX_OPEN_CHOICES,
                   applied=set(applications_of_student(student).filter(
                       status__in=[ApplicationStatus.APPLIED, ApplicationStatus.AGREED]).values_list(
                       "position_id", flat=True)),
                   signed_with=_signed_with(student))
    return render(request, "internships/students/positions.html", context)


@require_GET
@login_required
def position_detail(request, pk):
    position = get_open_position_for_student(request.user, pk)
    student = student_of(request.user)
    applied = applications_of_student(student).filter(
        position=position, status__in=[ApplicationStatus.APPLIED, ApplicationStatus.AGREED]).exists()
    return render(request, "internships/students/position_detail.html",
                  {"position": position, "student": student, "applied": applied,
                   "signed_with": _signed_with(student)})


@require_POST
@login_required
def choose_positions(request):
    student = _student(request)
    form = ChoosePositionsForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("internships:student_positions")
    ids = form.cleaned_data["positions"]
    found = {p.pk: p for p in Position.objects.filter(pk__in=ids).select_related("enterprise")}
    positions = [found[pk] for pk in ids if pk in found]  # in the order the student ticked them
    if len(positions) != len(ids):
        messages.error(request, _("所选岗位不存在或已删除"))
        return redirect("internships:student_positions")
    try:
        created = services.apply_for_positions(student=student, positions=positions, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("internships:student_positions")
    messages.success(request, _("已提交 %(count)d 个实习申请，请等待企业确认") % {"count": len(created)})
    return redirect("internships:student_applications")


@require_GET
@login_required
def my_applications(request):
    student = _student(request)
    context = paginate(request, applications_of_student(student))
    context.update(student=student, signed_with=_signed_with(student), max_choices=MAX_OPEN_CHOICES,
                   open_count=open_applications(student).count())
    return render(request, "internships/students/my_applications.html", context)


@require_POST
@login_required
def withdraw(request, pk):
    application = get_own_application(request.user, pk)
    try:
        services.withdraw_application(application=application, actor=request.user)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, _("已撤回对“%(title)s”的申请") % {"title": application.position.title})
    return redirect("internships:student_applications")


# ---------------------------------------------------------------- 实习签约管理 (enterprise)


def _require_host(user):
    if not is_host(user):
        raise PermissionDenied


@require_GET
@permission_required_403(HOST)
def signing_list(request):
    _require_host(request.user)
    form = SigningFilterForm(request.GET or None, positions=host_positions(request.user))
    filters, applications = form.filters(), applications_for_host(request.user)
    applications = applications.none() if filters is None else filter_applications(applications, **filters)
    context = paginate(request, applications)
    context.update(form=form, export_query=request.GET.urlencode())
    return render(request, "internships/signing/list.html", context)


@require_POST
@permission_required_403(HOST)
def signing_agree(request, pk):
    application = get_application_to_decide(request.user, pk)
    try:
        services.agree_application(application=application, actor=request.user)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, _("已同意%(student)s的实习申请，学生的其他申请已自动撤回")
                         % {"student": application.student.name})
    return redirect("internships:signing")


@require_http_methods(["GET", "POST"])
@permission_required_403(HOST)
def signing_refuse(request, pk):
    application = get_application_to_decide(request.user, pk)
    form = RefuseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.refuse_application(application=application, actor=request.user,
                                        reason=form.cleaned_data["reason"])
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                form.bind_errors(error)
            else:
                messages.error(request, "；".join(error.messages))
                return redirect("internships:signing")
        else:
            messages.success(request, _("已拒绝%(student)s的实习申请") % {"student": application.student.name})
            return redirect("internships:signing")
    return render(request, "internships/signing/refuse.html", {"form": form, "application": application})


# ---------------------------------------------------------------- the school's list


@require_GET
@permission_required_403(SCHOOL)
def school_applications(request):
    require_own_school(request.user)
    form = SchoolApplicationFilterForm(request.GET or None, classes=roll_values(request.user, "class_name"))
    filters, applications = form.filters(), applications_for_school(request.user)
    applications = applications.none() if filters is None else filter_applications(applications, **filters)
    context = paginate(request, applications)
    signed = {internship.application_id: internship for internship in Internship.objects.select_related("enterprise")
              .filter(application__in=[a.pk for a in context["object_list"]])}
    rows = [{"application": application, "internship": signed.get(application.pk)}
            for application in context["object_list"]]
    context.update(form=form, signed=signed, rows=rows, export_query=request.GET.urlencode())
    return render(request, "internships/school/applications.html", context)



