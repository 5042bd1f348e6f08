"""实习申请 through the API: the enterprise's 实习签约管理 (list with the screen's filters, agree, refuse), the
school's list of who applied where, and the student's side (the open pool, choosing, their applications,
withdrawing). Students sign in with their session (they belong to no organisation, so hold no key)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.errors import FormInvalid
from api.forms import bind, bind_query, query_parameters
from api.responses import object_response, require_permission
from internships.api.serializers import ApplicationSerializer, InternshipSerializer, PoolPositionSerializer
from internships.forms.students import (
    ChoosePositionsForm,
    PositionFilterForm,
    RefuseForm,
    SchoolApplicationFilterForm,
    SigningFilterForm,
)
from internships.models import Position
from internships.rules import HOST, SCHOOL, is_host
from internships.selectors.access import student_of
from internships.selectors.students import (
    applications_for_host,
    applications_for_school,
    applications_of_student,
    cities_of,
    filter_applications,
    filter_positions,
    get_application_for_user,
    get_application_to_decide,
    get_open_position_for_student,
    get_own_application,
    host_positions,
    positions_for_student,
    require_own_school,
    roll_values,
)
from internships.services import applications as services

TAGS = ["职业院校学生实习"]
ChooseInput = inline_serializer("InternshipChooseInput", {
    "positions": serializers.ListField(child=serializers.IntegerField(), help_text=str(
        _("所选岗位的编号，按志愿顺序，一次最多5个")))})
RefuseInput = inline_serializer("InternshipRefuseInput", {"reason": serializers.CharField(max_length=255)})


def _student(request):
    """The signed-in student's roll entry; 403 for anyone else (screens of students only)."""
    student = student_of(request.user)
    if student is None:
        raise PermissionDenied
    return student


# ---------------------------------------------------------------- 实习签约管理 (enterprise)


class SigningList(ListAPIView):
    api_programme = "internships"
    serializer_class = ApplicationSerializer

    @extend_schema(operation_id="internships_signing_list", summary=_("实习签约管理：学生的实习申请"), tags=TAGS,
                   parameters=query_parameters(SigningFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_permission(self.request, HOST)
        if not is_host(self.request.user):
            raise PermissionDenied
        form = bind_query(self.request, SigningFilterForm, positions=host_positions(self.request.user))
        data = form.cleaned_data
        return filter_applications(applications_for_host(self.request.user), q=data["q"].strip(),
                                   status=data["status"], position=data["position"]).select_related("enterprise")


class AgreeApplication(APIView):
    """同意签约: the internship is created and the student's other choices are withdrawn."""

    api_programme = "internships"

    @extend_schema(operation_id="internships_signing_agree", summary=_("同意学生的实习申请"), tags=TAGS,
                   request=None, responses=InternshipSerializer)
    def post(self, request, pk):
        require_permission(request, HOST)
        internship = services.agree_application(application=get_application_to_decide(request.user, pk),
                                                actor=request.user)
        return object_response(request, InternshipSerializer, internship)


class RefuseApplication(APIView):
    api_programme = "internships"

    @extend_schema(operation_id="internships_signing_refuse", summary=_("拒绝学生的实习申请"), tags=TAGS,
                   request=RefuseInput, responses=ApplicationSerializer)
    def post(self, request, pk):
        require_permission(request, HOST)
        application = get_application_to_decide(request.user, pk)
        form = bind(RefuseForm, request.data)
        services.refuse_application(application=application, actor=request.user, reason=form.cleaned_data["reason"])
        return object_response(request, ApplicationSerializer, get_application_for_user(request.user, pk))


# ---------------------------------------------------------------- the school's list


class SchoolApplicationList(ListAPIView):
    api_programme = "internships"
    serializer_class = ApplicationSerializer

    @extend_schema(operation_id="internships_school_applications_list", summary=_("本校学生的实习申请"), tags=TAGS,
                   parameters=query_parameters(SchoolApplicationFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_permission(self.request, SCHOOL)
        require_own_school(self.request.user)
        form = bind_query(self.request, SchoolApplicationFilterForm,
                          classes=roll_values(self.request.user, "class_name"))
        data = form.cleaned_data
        return filter_applications(applications_for_school(self.request.user), q=data["q"].strip(),
                                   class_name=data["class_name"], status=data["status"]).select_related("school")


# ---------------------------------------------------------------- the student's side


class StudentPositionList(ListAPIView):
    """The positions of the student's school's open pool (the screen's filters)."""

    api_programme = "internships"
    serializer_class = PoolPositionSerializer

    @extend_schema(operation_id="internships_student_positions_list", summary=_("可选择的实习岗位（学生）"),
                   tags=TAGS, parameters=query_parameters(PositionFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        positions = positions_for_student(_student(self.request))
        form = bind_query(self.request, PositionFilterForm, cities=cities_of(positions))
        data = form.cleaned_data
        return filter_positions(positions, q=data["q"].strip(), major=data["major"].strip(), city=data["city"],
                                education=data["education"])


class StudentPositionDetail(APIView):
    api_programme = "internships"

    @extend_schema(operation_id="internships_student_positions_retrieve", summary=_("实习岗位（学生）"), tags=TAGS,
                   responses=PoolPositionSerializer)
    def get(self, request, pk):
        return object_response(request, PoolPositionSerializer, get_open_position_for_student(request.user, pk))


class StudentApplicationList(ListAPIView):
    """我的申请 (GET) and 选择实习岗位 (POST: up to five open choices at once, in the order given)."""

    api_programme = "internships"
    serializer_class = ApplicationSerializer

    @extend_schema(operation_id="internships_student_applications_list", summary=_("我的实习申请（学生）"),
                   tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return applications_of_student(_student(self.request)).select_related("student", "school")

    @extend_schema(operation_id="internships_student_applications_create", summary=_("选择实习岗位（学生）"),
                   tags=TAGS, request=ChooseInput, responses={201: ApplicationSerializer(many=True)})
    def post(self, request):
        student = _student(request)
        form = bind(ChoosePositionsForm, request.data)
        ids = form.cleaned_data["positions"]
        found = {position.pk: position for position in Position.objects.filter(pk__in=ids)
                 .select_related("enterprise")}
        if len(found) != len(ids):
            raise FormInvalid([{"field": "positions", "code": "invalid", "message": str(_("所选岗位不存在或已删除"))}])
        created = services.apply_for_positions(student=student, positions=[found[pk] for pk in ids],
                                               actor=request.user)
        rows = applications_of_student(student).select_related("student", "school").filter(
            pk__in=[application.pk for application in created]).order_by("choice_slot")
        return Response(ApplicationSerializer(rows, many=True, context={"request": request}).data, status=201)


class WithdrawApplication(APIView):
    api_programme = "internships"

    @extend_schema(operation_id="internships_student_applications_withdraw", summary=_("撤回实习申请（学生）"),
                   tags=TAGS, request=None, responses=ApplicationSerializer)
    def post(self, request, pk):
        services.withdraw_application(application=get_own_application(request.user, pk), actor=request.user)
        return object_response(request, ApplicationSerializer, get_application_for_user(request.user, pk))


