"""The filing's 培训师资, 培训人员 and 培训课程 tabs (manual 003 §3.2.1.1): lists, 新增/修改/删除 while the filing is
未提交 or 退回, imports through the batch engine's page (parent = the filing); after approval 【标记为流失】
(§3.2.1.2) and the 考核结果; 单位培训人员查询 with 【导出学员名单】 (§3.2.1.3).

Everyone the access rule lets see the filing reads the tabs (the enterprise, the named institution, the HR
departments of the region); only the enterprise's members holding the filing permission write (403 for others).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apprenticeships import rules
from apprenticeships.checks import wage_warning
from apprenticeships.forms.people import (
    CERTIFICATES_IMPORT,
    COURSES_IMPORT,
    TEACHERS_IMPORT,
    TRAINEE_LIST_EXPORT,
    TRAINEES_IMPORT,
    CertificateForm,
    CourseForm,
    LostForm,
    TeacherForm,
    TraineeFilterForm,
    TraineeForm,
    course_initial,
    teacher_initial,
    trainee_initial,
)
from apprenticeships.models import FilingStatus
from apprenticeships.selectors import people as selectors
from apprenticeships.services import people as services
from calendars.wages import minimum_wage
from core.paging import paginate


def _writer(request, filing) -> bool:
    return selectors.may_edit_people(request.user, filing)


def _tab_context(request, filing, active: str) -> dict:
    writer = _writer(request, filing)
    return {"filing": filing, "active": active, "writer": writer, "editable": writer and filing.is_editable}


def _refuse_not_editable(request, filing, tab: str):
    messages.error(request, _("备案%(status)s，培训师资、培训人员和培训课程不能修改")
                   % {"status": filing.get_status_display()})
    return redirect(tab, pk=filing.pk)


def _import_url(key: str, filing) -> str:
    return f"{reverse('batch:import', args=[key])}?parent={filing.pk}"


def _row_form(request, filing, *, key: str, form_class, save, message: str, row=None, initial=None):
    """新增 (no `row`) or 修改 one row of the `key`s tab (teacher, trainee, course): refused unless the filing is
    editable; the form, the service `save(data)` (its ValidationError goes on the form), then `message` (with the
    row's name) and the form's warnings, back to the tab."""
    tab = f"apprenticeships:filing_{key}s"
    selectors.require_people_writer(request.user, filing)
    if not filing.is_editable:
        return _refuse_not_editable(request, filing, tab)

    def show(form):
        return render(request, f"apprenticeships/people/{key}_form.html",
                      {"filing": filing, "form": form, key: row, "active": f"{key}s"})

    if request.method == "GET" and row is not None:
        return show(form_class(initial=initial, parent=filing))
    form = form_class((request.POST or None) if row is None else request.POST, parent=filing)
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, message % {"name": saved.name})
            for warning in getattr(form, "warnings", ()):
                messages.warning(request, _("已保存，但请注意：%(warning)s") % {"warning": warning})
            return redirect(tab, pk=filing.pk)
    return show(form)


def _delete_row(request, row, *, key: str, delete, message: str):
    """删除 one row of the `key`s tab: the service `delete()`; its ValidationError becomes the message."""
    filing = row.filing
    selectors.require_people_writer(request.user, filing)
    try:
        delete()
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, message % {"name": row.name})
    return redirect(f"apprenticeships:filing_{key}s", pk=filing.pk)


# --- 培训师资 ------------------------------------------------------------------------------------------------------


@require_GET
@login_required
def teachers(request, pk):
    filing = selectors.filing_for_people(request.user, pk)
    context = _tab_context(request, filing, "teachers")
    context.update(teachers=selectors.teachers_of(filing), used=selectors.used_teacher_ids(filing),
                   import_url=_import_url(TEACHERS_IMPORT, filing), import_key=TEACHERS_IMPORT)
    return render(request, "apprenticeships/people/teachers.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def teacher_create(request, pk):
    filing = selectors.filing_for_people(request.user, pk)
    return _row_form(request, filing, key="teacher", form_class=TeacherForm, message=_("已新增培训师资“%(name)s”"),
                     save=lambda data: services.create_teacher(actor=request.user, filing=filing, data=data))


@require_http_methods(["GET", "POST"])
@login_required
def teacher_edit(request, pk):
    teacher = selectors.get_teacher_for_user(request.user, pk)
    return _row_form(request, teacher.filing, key="teacher", form_class=TeacherForm, row=teacher,
                     initial=teacher_initial(teacher), message=_("已保存培训师资“%(name)s”"),
                     save=lambda data: services.update_teacher(actor=request.user, teacher=teacher, data=data))


@require_POST
@login_required
def teacher_delete(request, pk):
    teacher = selectors.get_teacher_for_user(request.user, pk)
    return _delete_row(request, teacher, key="teacher", message=_("已删除培训师资“%(name)s”"),
                       delete=lambda: services.delete_teacher(actor=request.user, teacher=teacher))

# --- 培训人员 ------------------------------------------------------------------------------------------------------


@require_GET
@login_required
def trainees_tab(request, pk):
    filing = selectors.filing_for_people(request.user, pk)
    context = _tab_context(request, filing, "trainees")
    rows = list(selectors.trainees_of(filing))
    minimum = minimum_wage(filing.region, timezone.localdate())
    elsewhere = selectors.places_elsewhere(filing, rows) if filing.status != FilingStatus.CANCELLED else {}
    context.update(
        rows=[{"trainee": trainee, "wage_warning": wage_warning(monthly_wage=trainee.monthly_wage, minimum=minimum),
               "elsewhere": elsewhere.get(trainee.person_id), "below_target": services.below_target(trainee)}
              for trainee in rows],
        approved=filing.status == FilingStatus.APPROVED,
        import_url=_import_url(TRAINEES_IMPORT, filing), import_key=TRAINEES_IMPORT,
        certificates_url=_import_url(CERTIFICATES_IMPORT, filing), certificates_key=CERTIFICATES_IMPORT,
    )
    return render(request, "apprenticeships/people/trainees.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def trainee_create(request, pk):
    filing = selectors.filing_for_people(request.user, pk)
    return _row_form(request, filing, key="trainee", form_class=TraineeForm, message=_("已新增培训人员“%(name)s”"),
                     save=lambda data: services.create_trainee(actor=request.user, filing=filing, data=data))


@require_http_methods(["GET", "POST"])
@login_required
def trainee_edit(request, pk):
    trainee = selectors.get_trainee_for_user(request.user, pk)
    return _row_form(request, trainee.filing, key="trainee", form_class=TraineeForm, row=trainee,
                     initial=trainee_initial(trainee), message=_("已保存培训人员“%(name)s”"),
                     save=lambda data: services.update_trainee(actor=request.user, trainee=trainee, data=data))


@require_POST
@login_required
def trainee_delete(request, pk):
    trainee = selectors.get_trainee_for_user(request.user, pk)
    return _delete_row(request, trainee, key="trainee", message=_("已删除培训人员“%(name)s”"),
                       delete=lambda: services.delete_trainee(actor=request.user, trainee=trainee))


def _approved_trainee(request, pk, what: str):
    """The trainee of an approved filing the user writes, or a redirect with the reason."""
    trainee = selectors.get_trainee_for_user(request.user, pk)
    filing = trainee.filing
    selectors.require_people_writer(request.user, filing)
    if filing.status != FilingStatus.APPROVED:
        messages.error(request, _("备案%(status)s，只有审核通过的备案才能%(what)s")
                       % {"status": filing.get_status_display(), "what": what})
        return trainee, redirect("apprenticeships:filing_trainees", pk=filing.pk)
    if trainee.is_lost:
        messages.error(request, _("%(name)s 已于 %(day)s 标记为流失") % {"name": trainee.name, "day": trainee.lost_on})
        return trainee, redirect("apprenticeships:filing_trainees", pk=filing.pk)
    return trainee, None


@require_http_methods(["GET", "POST"])
@login_required
def trainee_lost(request, pk):
    trainee, refused = _approved_trainee(request, pk, _("标记流失人员"))
    if refused is not None:
        return refused
    filing = trainee.filing
    form = LostForm(request.POST or None, initial={"lost_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.mark_lost(actor=request.user, trainee=trainee, lost_on=form.cleaned_data["lost_on"],
                               reason=form.cleaned_data["lost_reason"])
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("已将 %(name)s 标记为流失，其在训名额已释放") % {"name": trainee.name})
            return redirect("apprenticeships:filing_trainees", pk=filing.pk)
    return render(request, "apprenticeships/people/lost_form.html", {
        "filing": filing, "trainee": trainee, "form": form, "active": "trainees",
        "earliest": services.earliest_lost_on(trainee)})


@require_http_methods(["GET", "POST"])
@login_required
def trainee_certificate(request, pk):
    trainee, refused = _approved_trainee(request, pk, _("登记考核结果"))
    if refused is not None:
        return refused
    filing = trainee.filing
    if request.method == "POST":
        form = CertificateForm(request.POST, parent=filing)
    else:
        initial = {name: getattr(trainee, name) for name in services.CERTIFICATE_FIELDS}
        form = CertificateForm(parent=filing, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            trainee = services.record_certificate(actor=request.user, trainee=trainee, data=form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("已登记 %(name)s 的考核结果") % {"name": trainee.name})
            if services.below_target(trainee):
                messages.warning(request, _("取得证书等级低于培训目标等级，清算申领时不计入补贴"))
            return redirect("apprenticeships:filing_trainees", pk=filing.pk)
    return render(request, "apprenticeships/people/certificate_form.html", {
        "filing": filing, "trainee": trainee, "form": form, "active": "trainees"})


# --- 培训课程 ------------------------------------------------------------------------------------------------------


@require_GET
@login_required
def courses(request, pk):
    filing = selectors.filing_for_people(request.user, pk)
    context = _tab_context(request, filing, "courses")
    context.update(courses=selectors.courses_of(filing), import_url=_import_url(COURSES_IMPORT, filing),
                   import_key=COURSES_IMPORT)
    return render(request, "apprenticeships/people/courses.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def course_create(request, pk):
    filing = selectors.filing_for_people(request.user, pk)
    return _row_form(request, filing, key="course", form_class=CourseForm, message=_("已新增课程“%(name)s”"),
                     save=lambda data: services.create_course(actor=request.user, filing=filing, data=data))


@require_http_methods(["GET", "POST"])
@login_required
def course_edit(request, pk):
    course = selectors.get_course_for_user(request.user, pk)
    return _row_form(request, course.filing, key="course", form_class=CourseForm, row=course,
                     initial=course_initial(course), message=_("已保存课程“%(name)s”"),
                     save=lambda data: services.update_course(actor=request.user, course=course, data=data))


@require_POST
@login_required
def course_delete(request, pk):
    course = selectors.get_course_for_user(request.user, pk)
    return _delete_row(request, course, key="course", message=_("已删除课程“%(name)s”"),
                       delete=lambda: services.delete_course(actor=request.user, course=course))

# --- 单位培训人员查询 ---------------------------------------------------------------------------------------------


@require_GET
@login_required
def trainee_search(request):
    if not rules.may_file(request.user):
        raise PermissionDenied
    form = TraineeFilterForm(request.GET or None)
    filters = form.filters()
    if form.is_bound and form.errors:
        messages.warning(request, _("部分查询条件有误，已忽略，请按提示修改"))
    today = timezone.localdate()
    context = paginate(request, selectors.filter_trainees(selectors.trainees_for_enterprise(request.user),
                                                          today=today, **filters))
    context["rows"] = [{"trainee": trainee, "state": selectors.trainee_state(trainee, today)}
                       for trainee in context["object_list"]]
    context.update(form=form, export_key=TRAINEE_LIST_EXPORT, export_query=request.GET.urlencode(),
                   states=selectors.TraineeState.LABELS)
    return render(request, "apprenticeships/people/trainee_search.html", context)
