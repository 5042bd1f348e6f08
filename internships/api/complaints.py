"""实习投诉 and 申诉 through the API, as the screens offer them: the student's complaints and filing one (session),
the enterprise's 实习投诉管理 and its appeals with filing an appeal, the school's lists, the education
department's read-only list and its counts per enterprise, one complaint's and one appeal's page. The school's
handling (investigate, conclude, decide an appeal) stays on the screens and the generic review routes."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.errors import FormInvalid
from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import object_response
from internships.api.serializers import AppealSerializer, ComplaintSerializer
from internships.forms.complaints import AppealFilterForm, AppealForm, ComplaintFilterForm, ComplaintForm
from internships.models import CONCLUDED_STATUSES
from internships.rules import HOST, SCHOOL, is_host, is_school
from internships.selectors import complaints as selectors
from internships.selectors.access import student_of
from internships.services import appeals as appeal_services
from internships.services import complaints as services
from internships.views.complaints import may_see_region

TAGS = ["职业院校学生实习"]
ComplaintInput = form_serializer(ComplaintForm, "InternshipComplaintInput")
AppealInput = form_serializer(AppealForm, "InternshipAppealInput", extra={  # the choices are the caller's own
    "complaints": serializers.ListField(child=serializers.IntegerField(), help_text=str(
        _("同一学校已作出处理结论、且没有待处理申诉的投诉")))})


def _require(condition: bool) -> None:
    if not condition:
        raise PermissionDenied


def _is_host(user) -> bool:
    return is_host(user) and user.has_perm(HOST)


def _is_school(user) -> bool:
    return is_school(user) and user.has_perm(SCHOOL)


class _Complaints(ListAPIView):
    api_programme = "internships"
    serializer_class = ComplaintSerializer
    allowed = source = None

    def get_queryset(self):
        _require(type(self).allowed(self.request.user))
        form = bind_query(self.request, ComplaintFilterForm)
        return form.apply(type(self).source(self.request.user))


class StudentComplaintList(ListAPIView):
    """我的投诉 (GET) and 投诉 (POST): the student's own, by session."""

    api_programme = "internships"
    serializer_class = ComplaintSerializer

    @extend_schema(operation_id="internships_student_complaints_list", summary=_("我的投诉（学生）"), tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        _require(student_of(self.request.user) is not None)
        return selectors.complaints_of_student(self.request.user)

    @extend_schema(operation_id="internships_student_complaints_create", summary=_("投诉实习企业（学生）"),
                   tags=TAGS, request=ComplaintInput, responses={201: ComplaintSerializer})
    def post(self, request):
        _require(student_of(request.user) is not None)
        form = bind(ComplaintForm, request.data, internships=selectors.complainable_internships(request.user))
        complaint = services.file_complaint(internship=form.cleaned_data["internship"], actor=request.user,
                                            categories=form.cleaned_data["categories"],
                                            details=form.cleaned_data["details"])
        return object_response(request, ComplaintSerializer,
                               selectors.get_complaint_for_user(request.user, complaint.pk), status=201)


class EnterpriseComplaintList(_Complaints):
    allowed, source = staticmethod(_is_host), staticmethod(selectors.complaints_for_enterprise)

    @extend_schema(operation_id="internships_enterprise_complaints_list", summary=_("实习投诉管理（企业）"),
                   tags=TAGS, parameters=query_parameters(ComplaintFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class SchoolComplaintList(_Complaints):
    allowed, source = staticmethod(_is_school), staticmethod(selectors.complaints_for_school)

    @extend_schema(operation_id="internships_school_complaints_list", summary=_("学生投诉（学校）"), tags=TAGS,
                   parameters=query_parameters(ComplaintFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class EducationComplaintList(_Complaints):
    allowed, source = staticmethod(may_see_region), staticmethod(selectors.complaints_for_region)

    @extend_schema(operation_id="internships_education_complaints_list", summary=_("辖区实习投诉（教育部门）"),
                   tags=TAGS, parameters=query_parameters(ComplaintFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class EnterpriseComplaintCountSerializer(serializers.Serializer):
    """One row of the education list's 按企业统计 table."""

    enterprise_id = serializers.IntegerField()
    enterprise_name = serializers.CharField(source="enterprise__name")
    total = serializers.IntegerField(help_text=str(_("投诉数")))
    substantiated = serializers.IntegerField(help_text=str(_("投诉情况属实")))
    open = serializers.IntegerField(help_text=str(_("待处理/调查中")))


class EducationComplaintCounts(APIView):
    """按企业统计 of 辖区实习投诉: the complaints the list's filters select, per enterprise, the most first (as many
    enterprises as the screen's table shows)."""

    api_programme = "internships"

    @extend_schema(operation_id="internships_education_complaint_counts",
                   summary=_("辖区实习投诉按企业统计（教育部门）"), tags=TAGS,
                   parameters=query_parameters(ComplaintFilterForm),
                   responses=EnterpriseComplaintCountSerializer(many=True))
    def get(self, request):
        _require(may_see_region(request.user))
        form = bind_query(request, ComplaintFilterForm)
        counts = selectors.counts_per_enterprise(form.apply(selectors.complaints_for_region(request.user)))
        return Response(EnterpriseComplaintCountSerializer(counts[:selectors.COUNTED_ENTERPRISES], many=True).data)


class ComplaintDetail(APIView):
    api_programme = "internships"

    @extend_schema(operation_id="internships_complaints_retrieve", summary=_("投诉详情"), tags=TAGS,
                   responses=ComplaintSerializer)
    def get(self, request, pk):
        return object_response(request, ComplaintSerializer, selectors.get_complaint_for_user(request.user, pk))


class _Appeals(ListAPIView):
    api_programme = "internships"
    serializer_class = AppealSerializer
    allowed = source = None

    def get_queryset(self):
        _require(type(self).allowed(self.request.user))
        form = bind_query(self.request, AppealFilterForm)
        return form.apply(type(self).source(self.request.user))


class EnterpriseAppealList(_Appeals):
    """申诉记录 (GET) and 申诉 (POST): concluded complaints of one school, none with an appeal pending."""

    allowed, source = staticmethod(_is_host), staticmethod(selectors.appeals_for_enterprise)

    @extend_schema(operation_id="internships_enterprise_appeals_list", summary=_("申诉记录（企业）"), tags=TAGS,
                   parameters=query_parameters(AppealFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(operation_id="internships_enterprise_appeals_create", summary=_("对投诉处理结论提出申诉（企业）"),
                   tags=TAGS, request=AppealInput, responses={201: AppealSerializer})
    def post(self, request):
        _require(_is_host(request.user))
        appealable = [complaint for complaint in selectors.complaints_for_enterprise(request.user)
                      if complaint.status in CONCLUDED_STATUSES and selectors.pending_appeal_of(complaint) is None]
        form = bind(AppealForm, request.data, complaints=appealable)
        chosen = selectors.selected_complaints(request.user, form.cleaned_data["complaints"])
        if len({complaint.school_id for complaint in chosen}) > 1:
            raise FormInvalid([{"field": "complaints", "code": "invalid",
                                "message": str(_("一次申诉只能选择同一学校处理的投诉"))}])
        appeal = appeal_services.file_appeal(enterprise=request.user.organisation, complaints=chosen,
                                             text=form.cleaned_data["text"], actor=request.user)
        return object_response(request, AppealSerializer, selectors.get_appeal_for_user(request.user, appeal.pk),
                               status=201)


class SchoolAppealList(_Appeals):
    allowed, source = staticmethod(_is_school), staticmethod(selectors.appeals_for_school)

    @extend_schema(operation_id="internships_school_appeals_list", summary=_("企业申诉（学校）"), tags=TAGS,
                   parameters=query_parameters(AppealFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class AppealDetail(APIView):
    api_programme = "internships"

    @extend_schema(operation_id="internships_appeals_retrieve", summary=_("申诉详情"), tags=TAGS,
                   responses=AppealSerializer)
    def get(self, request, pk):
        return object_response(request, AppealSerializer, selectors.get_appeal_for_user(request.user, pk))
