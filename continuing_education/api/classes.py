"""培训班 through the API: 我申报的 and the draft writes (create, edit under If-Match, submit, withdraw, delete), 培训班
管理, the departments' list, the detail and 培训班审核表 (PDF). Each binds the screen's form and calls the screen's
service; each fetch goes through the screen's selector (404 invisible, 403 not the user's to act on)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.concurrency import check_if_match
from api.downloads import DownloadNegotiation
from api.errors import Conflict
from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import object_response, require_permission
from continuing_education import rules
from continuing_education.api.serializers import ClassDetailSerializer, ClassSerializer
from continuing_education.forms.classes import (
    ClassesFilterForm,
    ClassForm,
    DeclaredFilterForm,
    ReviewedFilterForm,
    filtered,
)
from continuing_education.models import ClassCourse, ClassStatus, TrainingClass
from continuing_education.selectors.classes import (
    classes_for_user,
    filter_classes,
    get_class_for_user,
    own_classes,
    reviewed_q,
    unit_courses,
    unit_sites,
)
from continuing_education.services import classes as services
from continuing_education.views.classes import approval_form_response

TAGS = ["专业技术人员继续教育"]
PROGRAMME = "continuing_education"
ClassInput = form_serializer(ClassForm, "ContinuingEducationClassInput")


def _with_courses(queryset):
    return queryset.prefetch_related(Prefetch("class_courses", ClassCourse.objects.select_related("course")))


def detail_response(request, training_class, *, status=200):
    """The class as its page shows it (courses, 报名人员), re-read through the user's selector after a write."""
    training_class = _with_courses(classes_for_user(request.user).filter(pk=training_class.pk)).prefetch_related(
        "participants").get()
    return object_response(request, ClassDetailSerializer, training_class, status=status)


def require_declarer(request) -> None:
    """培训班申报 (the screen's decorator and its unit check)."""
    require_permission(request, rules.DECLARE_CLASS)
    if not rules.may_declare_class(request.user):
        raise PermissionDenied


def own_class(request, pk):
    """As the screen's own_class: 404 if not visible, 403 unless of the user's unit and 培训班申报."""
    training_class = get_class_for_user(request.user, pk)
    if training_class.organisation_id != request.user.organisation_id or not rules.may_declare_class(request.user):
        raise PermissionDenied
    return training_class


def _bind_class(request):
    organisation = request.user.organisation
    form = bind(ClassForm, request.data, sites=unit_sites(organisation), courses=unit_courses(organisation))
    return form.cleaned_data


class DeclaredClasses(ListAPIView):
    """我申报的 (GET, the screen's filters) and 培训班申报 (POST: a new draft)."""

    api_programme = PROGRAMME
    serializer_class = ClassSerializer

    @extend_schema(operation_id="continuing_education_classes_declared_list", summary=gettext_lazy("我申报的培训班"),
                   tags=TAGS, parameters=query_parameters(DeclaredFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_declarer(self.request)
        form = bind_query(self.request, DeclaredFilterForm)
        return _with_courses(filter_classes(own_classes(self.request.user), filtered(form)))

    @extend_schema(operation_id="continuing_education_classes_create", summary=gettext_lazy("培训班申报（保存为草稿）"),
                   tags=TAGS, request=ClassInput, responses={201: ClassDetailSerializer})
    def post(self, request):
        require_declarer(request)
        training_class = services.create_class(actor=request.user, data=_bind_class(request))
        return detail_response(request, training_class, status=201)


class ManagedClasses(ListAPIView):
    """培训班管理: the unit's approved classes (培训班申报 or 培训管理)."""

    api_programme = PROGRAMME
    serializer_class = ClassSerializer

    @extend_schema(operation_id="continuing_education_classes_managed_list", summary=gettext_lazy("培训班管理"),
                   tags=TAGS, parameters=query_parameters(ClassesFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        user = self.request.user
        if not (rules.may_declare_class(user) or rules.may_manage_training(user)):
            raise PermissionDenied
        form = bind_query(self.request, ClassesFilterForm)
        queryset = own_classes(user).filter(status=ClassStatus.APPROVED)
        return _with_courses(filter_classes(queryset, filtered(form)))


class ReviewedClasses(ListAPIView):
    """The departments' list: the submitted classes of the units in scope."""

    api_programme = PROGRAMME
    serializer_class = ClassSerializer

    @extend_schema(operation_id="continuing_education_classes_reviewed_list",
                   summary=gettext_lazy("培训班申报（审核部门）"), tags=TAGS,
                   parameters=query_parameters(ReviewedFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        user = self.request.user
        if rules.department(user) is None and not user.is_staff:
            raise PermissionDenied
        form = bind_query(self.request, ReviewedFilterForm)
        queryset = classes_for_user(user).filter(reviewed_q(user))
        return _with_courses(filter_classes(queryset, filtered(form)))


class ClassDetail(APIView):
    """The class (GET, whoever sees it on screen); its unit's declarer edits (PUT, If-Match) or deletes a
    never-submitted draft (DELETE)."""

    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_classes_retrieve", summary=gettext_lazy("培训班详情"),
                   tags=TAGS, responses=ClassDetailSerializer)
    def get(self, request, pk):
        return detail_response(request, get_class_for_user(request.user, pk))

    @extend_schema(operation_id="continuing_education_classes_update", summary=gettext_lazy("修改培训班申报"),
                   tags=TAGS, request=ClassInput, responses=ClassDetailSerializer)
    def put(self, request, pk):
        training_class = own_class(request, pk)
        with transaction.atomic():
            locked = TrainingClass.objects.select_for_update().get(pk=training_class.pk)
            check_if_match(request, locked)
            if not locked.is_editable:
                raise Conflict(_("培训班%(status)s，不能修改") % {"status": locked.get_status_display()})
            training_class = services.update_class(actor=request.user, training_class=locked,
                                                   data=_bind_class(request))
        return detail_response(request, training_class)

    @extend_schema(operation_id="continuing_education_classes_destroy", summary=gettext_lazy("删除培训班申报草稿"),
                   tags=TAGS, request=None, responses={204: None})
    def delete(self, request, pk):
        training_class = own_class(request, pk)
        if training_class.status != ClassStatus.DRAFT:
            raise Conflict(_("只能删除从未提交过的培训班申报"))
        services.delete_class(actor=request.user, training_class=training_class)
        return Response(status=204)


class SubmitClass(APIView):
    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_classes_submit", summary=gettext_lazy("提交培训班申报"),
                   tags=TAGS, request=None, responses=ClassDetailSerializer)
    def post(self, request, pk):
        training_class = own_class(request, pk)
        if not training_class.is_editable:
            raise Conflict(_("培训班%(status)s，不能提交") % {"status": training_class.get_status_display()})
        services.submit_class(actor=request.user, training_class=training_class)
        return detail_response(request, training_class)


class WithdrawClass(APIView):
    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_classes_withdraw", summary=gettext_lazy("撤回培训班申报"),
                   tags=TAGS, request=None, responses=ClassDetailSerializer)
    def post(self, request, pk):
        training_class = own_class(request, pk)
        if training_class.status != ClassStatus.PENDING:
            raise Conflict(_("该培训班不在审核中，无需撤回"))
        services.withdraw_class(actor=request.user, training_class=training_class)
        return detail_response(request, training_class)


class PrintClass(APIView):
    """培训班审核表 (PDF), once approved: whoever sees the class."""

    api_programme = PROGRAMME
    content_negotiation_class = DownloadNegotiation

    @extend_schema(operation_id="continuing_education_classes_print", summary=gettext_lazy("下载培训班审核表（PDF）"),
                   tags=TAGS, responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    def get(self, request, pk):
        training_class = get_class_for_user(request.user, pk)
        if training_class.status != ClassStatus.APPROVED:
            raise Conflict(_("培训班审核通过后才能打印审核表"))
        return approval_form_response(training_class, reader=request.user)

