"""学生名册 (the school's student roll) through the API, as its screens offer it: the roll with the screen's
filters, 新增, one student, 编辑 under If-Match and 删除 (only a student without applications, under If-Match) —
views/students.py's selectors, form and services. ID numbers and mobiles are masked unless the caller may see
personal data, as on screen. The roll's import is the batch engine's (/api/v1/imports/internship_students/)."""

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.concurrency import lock_and_match
from api.fields import IdNumberField, MobileField
from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import object_response, require_permission
from internships.forms.students import RollFilterForm, StudentForm
from internships.models import Application, Student
from internships.rules import SCHOOL
from internships.selectors.students import (
    filter_roll,
    get_student_for_user,
    require_own_school,
    roll_for_user,
    roll_values,
)
from internships.services import students as services

TAGS = ["职业院校学生实习"]
StudentInput = form_serializer(StudentForm, "InternshipStudentInput")


class StudentSerializer(serializers.ModelSerializer):
    """A row of 学生名册 (and the student's record): `signed_in` is the screen's 登录 column, `deletable` its
    删除 button (a student without any application)."""

    id_number = IdNumberField()
    mobile = MobileField()
    study_level_display = serializers.CharField(source="get_study_level_display")
    signed_in = serializers.SerializerMethodField()
    deletable = serializers.SerializerMethodField()

    class Meta:
        model = Student
        fields = ("id", "name", "id_number", "study_level", "study_level_display", "major", "class_name",
                  "enrolled_on", "mobile", "signed_in", "deletable", "created_at", "updated_at")

    def get_signed_in(self, student) -> bool:
        return student.person_id is not None

    def get_deletable(self, student) -> bool:
        applied = getattr(student, "has_applications", None)
        if applied is None:
            applied = student.applications.exists()
        return not applied


def with_deletable(students):
    """The list answers `deletable` in its own query, not one per row."""
    return students.annotate(has_applications=Exists(Application.objects.filter(student=OuterRef("pk"))))


def _require_school(request):
    """The screens' guard: the programme's school permission, in the user's own school."""
    require_permission(request, SCHOOL)
    return require_own_school(request.user)


def _shown(request, pk, *, status=200):
    student = with_deletable(Student.objects.filter(pk=get_student_for_user(request.user, pk).pk)).get()
    return object_response(request, StudentSerializer, student, status=status)


class StudentList(ListAPIView):
    """学生名册 (GET, the screen's filters) and 新增学生 (POST)."""

    api_programme = "internships"
    serializer_class = StudentSerializer

    @extend_schema(operation_id="internships_students_list", summary=_("学生名册（学校）"), tags=TAGS,
                   parameters=query_parameters(RollFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        _require_school(self.request)
        user = self.request.user
        form = bind_query(self.request, RollFilterForm, classes=roll_values(user, "class_name"),
                          majors=roll_values(user, "major"))
        return with_deletable(filter_roll(roll_for_user(user), **form.filters()))

    @extend_schema(operation_id="internships_students_create", summary=_("新增学生（学生名册）"), tags=TAGS,
                   request=StudentInput, responses={201: StudentSerializer})
    def post(self, request):
        school = _require_school(request)
        form = bind(StudentForm, request.data)
        student = services.create_student(school=school, actor=request.user, data=form.cleaned_data)
        return _shown(request, student.pk, status=201)


class StudentDetail(APIView):
    api_programme = "internships"

    @extend_schema(operation_id="internships_students_retrieve", summary=_("学生名册中的学生"), tags=TAGS,
                   responses=StudentSerializer)
    def get(self, request, pk):
        require_permission(request, SCHOOL)
        return _shown(request, pk)

    @extend_schema(operation_id="internships_students_update", summary=_("编辑学生信息（学生名册）"), tags=TAGS,
                   request=StudentInput, responses=StudentSerializer)
    def put(self, request, pk):
        require_permission(request, SCHOOL)
        student = get_student_for_user(request.user, pk)
        form = bind(StudentForm, request.data, instance=student)
        with transaction.atomic():
            services.update_student(student=lock_and_match(request, student), actor=request.user,
                                    data=form.cleaned_data)
        return _shown(request, pk)

    @extend_schema(operation_id="internships_students_destroy", summary=_("删除学生（无实习申请的学生）"),
                   tags=TAGS, responses={204: None})
    def delete(self, request, pk):
        require_permission(request, SCHOOL)
        student = get_student_for_user(request.user, pk)
        with transaction.atomic():
            services.delete_student(student=lock_and_match(request, student), actor=request.user)
        return Response(status=204)
