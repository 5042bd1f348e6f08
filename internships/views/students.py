"""学生名册 (the school's student roll): list with filters and export, add, edit, delete; the import is the
batch engine's page for the `internship_students` ImportSpec."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.decorators import permission_required_403
from core.paging import paginate
from internships.forms.students import RollFilterForm, StudentForm, student_initial
from internships.rules import SCHOOL
from internships.selectors.students import (
    filter_roll,
    get_student_for_user,
    require_own_school,
    roll_for_user,
    roll_values,
)
from internships.services import students as services

IMPORT_KEY = "internship_students"
EXPORT_KEY = "internship_students"


@require_GET
@permission_required_403(SCHOOL)
def student_list(request):
    require_own_school(request.user)
    form = RollFilterForm(request.GET or None, classes=roll_values(request.user, "class_name"),
                          majors=roll_values(request.user, "major"))
    filters, students = form.filters(), roll_for_user(request.user)
    students = students.none() if filters is None else filter_roll(students, **filters)
    context = paginate(request, students)
    deletable = set(roll_for_user(request.user).filter(pk__in=[s.pk for s in context["object_list"]],
                                                       applications__isnull=True).values_list("pk", flat=True))
    context.update(form=form, deletable=deletable, export_query=request.GET.urlencode(), import_key=IMPORT_KEY,
                   export_key=EXPORT_KEY)
    return render(request, "internships/students/list.html", context)


def _render_form(request, form, student=None, status=200):
    return render(request, "internships/students/form.html", {"form": form, "student": student}, status=status)


@require_http_methods(["GET", "POST"])
@permission_required_403(SCHOOL)
def student_create(request):
    school = require_own_school(request.user)
    form = StudentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_student(school=school, actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("已添加学生“%(name)s”") % {"name": form.cleaned_data["name"]})
            return redirect("internships:students")
    return _render_form(request, form)


@require_http_methods(["GET", "POST"])
@permission_required_403(SCHOOL)
def student_edit(request, pk):
    student = get_student_for_user(request.user, pk)
    if request.method == "GET":
        return _render_form(request, StudentForm(initial=student_initial(student), instance=student), student)
    form = StudentForm(request.POST, instance=student)
    if form.is_valid():
        try:
            services.update_student(student=student, actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("已保存"))
            return redirect("internships:students")
    return _render_form(request, form, student)


@require_POST
@permission_required_403(SCHOOL)
def student_delete(request, pk):
    student = get_student_for_user(request.user, pk)
    try:
        services.delete_student(student=student, actor=request.user)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, _("已删除学生“%(name)s”") % {"name": student.name})
    return redirect("internships:students")

