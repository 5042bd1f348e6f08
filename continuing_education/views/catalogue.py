"""培训管理 (manual 004 §3.2–§3.4): 培训课程 and 师资管理 of the user's unit, for its administrator and the
sub-administrators holding 培训管理. The role is checked first (403), then the record is fetched within the unit
(another unit's record: 404)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from continuing_education import rules
from continuing_education.forms.catalogue import (
    CourseFilterForm,
    CourseForm,
    TeacherFilterForm,
    TeacherForm,
    course_initial,
    filters_of,
    teacher_initial,
)
from continuing_education.models import ClassStatus
from continuing_education.selectors import catalogue as selectors
from continuing_education.services import catalogue as services
from core.paging import paginate

COURSES_IMPORT, TEACHERS_IMPORT = "ce_courses", "ce_teachers"
COURSES_EXPORT, TEACHERS_EXPORT = "ce_course_list", "ce_teacher_list"


def require_manager(view):
    """login_required, then 403 unless the user manages the training of a unit (rules.may_manage_training)."""
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not rules.may_manage_training(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)
    return login_required(wrapped)


def list_page(request, form, queryset_for, template, extra=None):
    if form.is_bound and not form.is_valid():
        messages.error(request, _("查询条件有误，已忽略有误的条件"))
    context = paginate(request, queryset_for(request.user, filters_of(form)))
    params = request.GET.copy()
    params.pop("page", None)
    context.update({"form": form, "export_query": params.urlencode(), **(extra or {})})
    return render(request, template, context)


def deleted(request, delete, thing, what: str, back: str):
    try:
        delete()
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, _("%(what)s“%(name)s”已删除") % {"what": what, "name": thing.name})
    return redirect(back)


def form_page(request, *, form, template, save, done, back, thing=None, extra=None):
    """GET shows the form; POST saves through `save(cleaned_data)` (a service), a refusal beside the fields."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, done % {"name": saved.name})
            return redirect(back)
    return render(request, template, {"form": form, "thing": thing, **(extra or {})})


# --- 培训课程 -----------------------------------------------------------------------------------------------------


@require_GET
@require_manager
def courses(request):
    return list_page(request, CourseFilterForm(request.GET or None), selectors.courses_for_user,
                     "continuing_education/catalogue/courses.html",
                     {"import_key": COURSES_IMPORT, "export_key": COURSES_EXPORT})


def _course_form(request, initial=None):
    organisation = request.user.organisation
    if request.method == "POST":
        return CourseForm(request.POST, organisation=organisation)
    return CourseForm(initial=initial, organisation=organisation)


@require_http_methods(["GET", "POST"])
@require_manager
def course_new(request):
    return form_page(
        request, form=_course_form(request), template="continuing_education/catalogue/course_form.html",
        save=lambda data: services.create_course(organisation=request.user.organisation, actor=request.user,
                                                 data=data),
        done=_("培训课程“%(name)s”已新增"), back="continuing_education:courses")


@require_http_methods(["GET", "POST"])
@require_manager
def course_edit(request, pk):
    course = selectors.get_course_for_user(request.user, pk)
    approved = course.class_uses.filter(training_class__status=ClassStatus.APPROVED).exists()
    return form_page(
        request, form=_course_form(request, course_initial(course)),
        template="continuing_education/catalogue/course_form.html",
        save=lambda data: services.update_course(course=course, actor=request.user, data=data),
        done=_("培训课程“%(name)s”已保存"), back="continuing_education:courses", thing=course,
        extra={"used_in_approved": approved})


@require_POST
@require_manager
def course_delete(request, pk):
    course = selectors.get_course_for_user(request.user, pk)
    return deleted(request, lambda: services.delete_course(course=course, actor=request.user), course,
                   _("培训课程"), "continuing_education:courses")


# --- 师资管理 -----------------------------------------------------------------------------------------------------


@require_GET
@require_manager
def teachers(request):
    return list_page(request, TeacherFilterForm(request.GET or None), selectors.teachers_for_user,
                     "continuing_education/catalogue/teachers.html",
                     {"import_key": TEACHERS_IMPORT, "export_key": TEACHERS_EXPORT})


def _teacher_form(request, initial=None):
    if request.method == "POST":
        return TeacherForm(request.POST)
    return TeacherForm(initial=initial)


@require_http_methods(["GET", "POST"])
@require_manager
def teacher_new(request):
    return form_page(
        request, form=_teacher_form(request), template="continuing_education/catalogue/teacher_form.html",
        save=lambda data: services.create_teacher(organisation=request.user.organisation, actor=request.user,
                                                  data=data),
        done=_("教师“%(name)s”已新增"), back="continuing_education:teachers")


@require_http_methods(["GET", "POST"])
@require_manager
def teacher_edit(request, pk):
    teacher = selectors.get_teacher_for_user(request.user, pk)
    return form_page(
        request, form=_teacher_form(request, teacher_initial(teacher)),
        template="continuing_education/catalogue/teacher_form.html",
        save=lambda data: services.update_teacher(teacher=teacher, actor=request.user, data=data),
        done=_("教师“%(name)s”已保存"), back="continuing_education:teachers", thing=teacher,
        extra={"courses": teacher.courses.order_by("name", "id")})


@require_POST
@require_manager
def teacher_delete(request, pk):
    teacher = selectors.get_teacher_for_user(request.user, pk)
    return deleted(request, lambda: services.delete_teacher(teacher=teacher, actor=request.user), teacher,
                   _("教师"), "continuing_education:teachers")
