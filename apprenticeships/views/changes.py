"""备案变更申请 (manual 003 §3.2.1.4): the enterprise's approved filings, 课程信息配置 (【修改】), 开班信息变更 with
the live preview of the quota and the earliest allowed start, 师资信息变更 (two tabs, submitted to the city HR
department) and 【查看变更内容】 (also for HR of the region and the named institution: the access rule)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apprenticeships.forms.changes import (
    ChangesFilterForm,
    ClassDatesForm,
    CourseConfigForm,
    SubmitChangeForm,
    SwapForm,
    TeacherChangeForm,
)
from apprenticeships.models import FilingStatus, TeacherChangeStatus
from apprenticeships.rules import FILE, may_file
from apprenticeships.selectors.access import get_filing_for_user
from apprenticeships.selectors.changes import (
    change_records_of,
    changeable_filings,
    filter_changeable,
    get_own_course,
    get_own_filing,
    open_teacher_change,
    teacher_changes_of,
)
from apprenticeships.services import changes as services
from apprenticeships.services import teacher_changes as teacher_services
from core.decorators import permission_required_403
from core.forms import TabForm
from core.paging import paginate
from reviews.selectors import history_for_subject, latest_review_for

LIST = "apprenticeships:changes"


def _text(error) -> str:
    return "；".join(error.messages) if isinstance(error, ValidationError) else (str(error) or _("您无权进行此操作"))


def _courses_tab(filing) -> str:
    return reverse("apprenticeships:teacher_change", args=[filing.pk]) + "?tab=courses"


def _require_enterprise(request):
    if not may_file(request.user):
        raise PermissionDenied


@require_GET
@permission_required_403(FILE)
def change_list(request):
    """备案变更申请: approved filings with 【修改】 dates, the courses (未配置 flagged), 【师资信息变更】,
    【查看变更内容】."""
    _require_enterprise(request)
    form = ChangesFilterForm(request.GET or None)
    filings = filter_changeable(changeable_filings(request.user), **form.filters())
    context = paginate(request, filings)
    rows = []
    for filing in context["object_list"]:
        courses = list(filing.courses.all())
        rows.append({"filing": filing, "training_class": getattr(filing, "training_class", None),
                     "courses": courses, "unconfigured": sum(1 for course in courses if not course.is_configured),
                     "open_change": open_teacher_change(filing)})
    context.update(form=form, rows=rows)
    return render(request, "apprenticeships/changes/list.html", context)


def _own_approved(request, pk):
    filing = get_own_filing(request.user, pk)
    if filing.status != FilingStatus.APPROVED:
        messages.error(request, _("只有审核通过的备案可以办理变更（当前状态：%(status)s）")
                       % {"status": filing.get_status_display()})
        return filing, redirect(LIST)
    return filing, None


@require_http_methods(["GET", "POST"])
@permission_required_403(FILE)
def class_dates(request, pk):
    """开班信息变更: new start and end dates of the class."""
    filing, refused = _own_approved(request, pk)
    if refused:
        return refused
    training_class = getattr(filing, "training_class", None)
    if training_class is None:
        messages.error(request, _("该备案没有培训信息"))
        return redirect(LIST)
    form = ClassDatesForm(request.POST or None, initial={"starts_on": training_class.starts_on,
                                                        "ends_on": training_class.ends_on})
    if request.method == "POST" and form.is_valid():
        try:
            change = services.change_class_dates(filing=filing, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("开班信息已变更（第%(n)s次）：%(start)s至%(end)s") % {
                "n": change.sequence, "start": change.new_starts_on.isoformat(), "end": change.new_ends_on.isoformat()})
            return redirect(LIST)
    preview = services.date_change_preview(filing=filing)
    return render(request, "apprenticeships/changes/class_dates.html", {
        "filing": filing, "training_class": training_class, "form": form, "preview": preview,
        "changes": training_class.date_changes.select_related("actor").order_by("sequence"),
    }, status=400 if request.method == "POST" else 200)


@require_GET
@permission_required_403(FILE)
def class_dates_preview(request, pk):
    """The htmx partial beside the typed dates: "还可变更 2 次，最早可改至 2026-02-28" and the typed dates' problems.
    Malformed dates are a message, never an error page."""
    filing = get_own_filing(request.user, pk)
    form = ClassDatesForm(request.GET or None)
    starts_on = ends_on = None
    input_problems = []
    if form.is_bound:
        form.is_valid()
        starts_on, ends_on = form.cleaned_data.get("starts_on"), form.cleaned_data.get("ends_on")
        for name in ("starts_on", "ends_on"):
            if name in form.errors and request.GET.get(name):
                input_problems += [f"{form.fields[name].label}：{message}" for message in form.errors[name]]
    if filing.status != FilingStatus.APPROVED:
        preview = {"remaining": None, "earliest": None, "ok": False,
                   "problems": [_("只有审核通过的备案可以办理变更（当前状态：%(status)s）")
                                % {"status": filing.get_status_display()}]}
    else:
        preview = services.date_change_preview(filing=filing, starts_on=starts_on, ends_on=ends_on)
    preview["problems"] = input_problems + preview["problems"]
    return render(request, "apprenticeships/changes/_preview.html", {"preview": preview, "filing": filing})


@require_http_methods(["GET", "POST"])
@permission_required_403(FILE)
def course_configure(request, pk):
    """课程信息配置 (【修改】 a course): dates, daily times, venue."""
    course = get_own_course(request.user, pk)
    filing, refused = _own_approved(request, course.filing_id)
    if refused:
        return refused
    venues = services.venues_for(filing.organisation)
    form = CourseConfigForm(request.POST or None, venues=venues, course=course, initial={
        "starts_on": course.starts_on, "ends_on": course.ends_on, "daily_start": course.daily_start,
        "daily_end": course.daily_end, "venue": course.venue_id})
    if request.method == "POST" and form.is_valid():
        try:
            services.configure_course(course=course, actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("课程“%(name)s”的培训信息已配置") % {"name": course.name})
            return redirect(LIST)
    return render(request, "apprenticeships/changes/course_form.html", {
        "filing": filing, "course": course, "form": form, "training_class": getattr(filing, "training_class", None),
        "no_venues": not venues.exists(),
    }, status=400 if request.method == "POST" else 200)


# ------------------------------------------------------------------------------------------------ 师资信息变更

TABS = ("teachers", "courses")


def _teacher_change_page(request, filing, *, change, tab="teachers", tab_form=None, teacher_form=None,
                         swap_form=None, submit_form=None, status=200):
    editable = change is not None and change.status in teacher_services.EDITABLE
    teachers = teacher_services.teachers_for_swap(filing, change)
    courses = filing.courses.select_related("teacher", "venue").order_by("pk")
    swaps = {}
    if change is not None:
        swaps = {swap.course_id: swap for swap in change.swaps.select_related("new_teacher", "old_teacher")}
    review = latest_review_for(change) if change is not None else None
    return render(request, "apprenticeships/changes/teacher_change.html", {
        "filing": filing, "change": change, "tab": tab, "tab_form": tab_form, "editable": editable,
        "pending": change is not None and change.status == TeacherChangeStatus.SUBMITTED,
        "new_teachers": change.new_teachers.order_by("pk") if change is not None else [],
        "course_rows": [{"course": course, "swap": swaps.get(course.pk)} for course in courses],
        "teacher_form": teacher_form or TeacherChangeForm(),
        "swap_form": swap_form or SwapForm(courses=courses, teachers=teachers),
        "submit_form": submit_form or SubmitChangeForm(initial={"reason": change.reason if change else ""}),
        "review": review, "history": history_for_subject(change) if change is not None else [],
    }, status=status)


@require_http_methods(["GET", "POST"])
@permission_required_403(FILE)
def teacher_change(request, pk):
    """【师资信息变更】: GET shows the filing's open change (or offers to start one); POST starts it."""
    filing, refused = _own_approved(request, pk)
    if refused:
        return refused
    if request.method == "POST":
        try:
            teacher_services.open_change(filing=filing, actor=request.user)
        except ValidationError as error:
            messages.error(request, _text(error))
            return redirect(LIST)
        return redirect("apprenticeships:teacher_change", pk=filing.pk)
    form = TabForm(request.GET, tabs=TABS, default="teachers", message=_("没有该页签，请从页签中选择"))
    return _teacher_change_page(request, filing, change=open_teacher_change(filing), tab=form.chosen, tab_form=form)


def _open_change_or_redirect(request, pk):
    filing = get_own_filing(request.user, pk)
    change = open_teacher_change(filing)
    if change is None:
        messages.error(request, _("该备案没有办理中的师资信息变更申请"))
        return filing, None, redirect("apprenticeships:teacher_change", pk=filing.pk)
    return filing, change, None


def _attempt(request, call, *, success: str, to: str, refusals=(ValidationError,)):
    """A POST without a form: `call()`; a refusal (of the `refusals` kinds) is said at the top, else `success`."""
    try:
        call()
    except refusals as error:
        messages.error(request, _text(error))
    else:
        messages.success(request, success)
    return redirect(to)


def _form_post(request, form, call, *, success, to: str, page, denied: bool = False):
    """A POST of `form`: `call(data)`; a refusal without fields is said at the top of the page `to`, one with
    fields goes beside them (and, with `denied`, the review engine's PermissionDenied at the top of the form);
    `success(data)` is the message. `page()` renders the form with its errors."""
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except ValidationError as error:
            if not hasattr(error, "error_dict"):  # the change's state: said at the top of the page
                messages.error(request, _text(error))
                return redirect(to)
            form.bind_errors(error)
        except PermissionDenied as error:
            if not denied:
                raise
            form.add_error(None, str(error) or _("您无权提交该事项"))
        else:
            messages.success(request, success(form.cleaned_data))
            return redirect(to)
    return page()


def _id(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**31 else None


@require_POST
@permission_required_403(FILE)
def teacher_change_teacher(request, pk):
    """师资信息 tab: 【保存】 a new teacher."""
    filing, change, refused = _open_change_or_redirect(request, pk)
    if refused:
        return refused
    form = TeacherChangeForm(request.POST)
    return _form_post(
        request, form, lambda data: teacher_services.add_teacher(change=change, actor=request.user, data=data),
        success=lambda data: _("已新增教师 %(name)s") % {"name": data["name"]},
        to=reverse("apprenticeships:teacher_change", args=[filing.pk]),
        page=lambda: _teacher_change_page(request, filing, change=change, teacher_form=form, status=400))


@require_POST
@permission_required_403(FILE)
def teacher_change_teacher_delete(request, pk):
    filing, change, refused = _open_change_or_redirect(request, pk)
    if refused:
        return refused
    return _attempt(request, lambda: teacher_services.remove_teacher(
        change=change, actor=request.user, teacher_id=_id(request.POST.get("teacher")) or 0),
        success=_("已删除新增的教师"), to=reverse("apprenticeships:teacher_change", args=[filing.pk]))


@require_POST
@permission_required_403(FILE)
def teacher_change_swap(request, pk):
    """培训课程信息 tab: 【变更培训教师】."""
    filing, change, refused = _open_change_or_redirect(request, pk)
    if refused:
        return refused
    courses = filing.courses.select_related("teacher").order_by("pk")
    form = SwapForm(request.POST, courses=courses, teachers=teacher_services.teachers_for_swap(filing, change))
    return _form_post(
        request, form, lambda data: teacher_services.swap_teacher(
            change=change, actor=request.user, course_id=data["course"].pk, new_teacher_id=data["new_teacher"].pk),
        success=lambda data: _("课程“%(course)s”的授课教师将变更为 %(name)s（审核通过后生效）") % {
            "course": data["course"].name, "name": data["new_teacher"].name},
        to=_courses_tab(filing),
        page=lambda: _teacher_change_page(request, filing, change=change, tab="courses", swap_form=form, status=400))


@require_POST
@permission_required_403(FILE)
def teacher_change_swap_delete(request, pk):
    filing, change, refused = _open_change_or_redirect(request, pk)
    if refused:
        return refused
    return _attempt(request, lambda: teacher_services.remove_swap(
        change=change, actor=request.user, swap_id=_id(request.POST.get("swap")) or 0),
        success=_("已撤销该课程的教师替换"), to=_courses_tab(filing))


@require_POST
@permission_required_403(FILE)
def teacher_change_submit(request, pk):
    """提交: the reason, then the city HR department's review."""
    filing, change, refused = _open_change_or_redirect(request, pk)
    if refused:
        return refused
    form = SubmitChangeForm(request.POST)
    # denied: the review engine's PermissionDenied (the actor may not submit for the enterprise) goes on the form.
    return _form_post(
        request, form, lambda data: teacher_services.submit_change(change=change, actor=request.user,
                                                                   reason=data["reason"]),
        success=lambda data: _("师资信息变更已提交地市人社部门审核，审核通过后课程教师变更生效"), denied=True,
        to=reverse("apprenticeships:teacher_change", args=[filing.pk]),
        page=lambda: _teacher_change_page(request, filing, change=change, submit_form=form, status=400))


@require_POST
@permission_required_403(FILE)
def teacher_change_withdraw(request, pk):
    filing, change, refused = _open_change_or_redirect(request, pk)
    if refused:
        return refused
    return _attempt(request, lambda: teacher_services.withdraw_change(change=change, actor=request.user),
                    success=_("已撤回师资信息变更申请，可修改后重新提交"),
                    to=reverse("apprenticeships:teacher_change", args=[filing.pk]),
                    refusals=(ValidationError, PermissionDenied))


# ------------------------------------------------------------------------------------------------ 查看变更内容


@require_GET
@login_required
def change_records(request, pk):
    """【查看变更内容】: every change of the filing with before/after, who and when; the teacher changes filed."""
    filing = get_filing_for_user(request.user, pk)
    context = paginate(request, change_records_of(filing))
    context.update(filing=filing, teacher_changes=teacher_changes_of(filing),
                   training_class=getattr(filing, "training_class", None))
    return render(request, "apprenticeships/changes/records.html", context)
