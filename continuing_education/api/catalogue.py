"""培训管理's catalogue through the API (manual 004 §3.2–§3.4): 培训课程, 师资管理, 面授培训点 and 网授平台 of the
caller's unit — list (the screen's filters), create, detail, edit under If-Match, delete. As on screen the role
comes first (rules.may_manage_training: 403), then the record is fetched within the unit (another unit's: 404);
each write binds the screen's form and calls the screen's service. A record still in use cannot be deleted (409)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.concurrency import check_if_match
from api.errors import Conflict
from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import object_response
from continuing_education import rules
from continuing_education.api.catalogue_serializers import (
    CourseSerializer,
    PlatformSerializer,
    SiteSerializer,
    TeacherSerializer,
)
from continuing_education.forms.catalogue import (
    CourseFilterForm,
    CourseForm,
    NameFilterForm,
    PlatformForm,
    SiteForm,
    TeacherFilterForm,
    TeacherForm,
)
from continuing_education.selectors import catalogue as selectors
from continuing_education.services import catalogue as services

TAGS = ["专业技术人员继续教育"]
PROGRAMME = "continuing_education"
ADD, DETAIL, EDIT, DELETE = (gettext_lazy("新增{}"), gettext_lazy("{}详情"), gettext_lazy("修改{}"),
                             gettext_lazy("删除{}"))


def require_manager(request) -> None:
    """培训管理 (the screens' require_manager)."""
    if not rules.may_manage_training(request.user):
        raise PermissionDenied


class Kind:
    """One catalogue: its selectors, form, services and serializer, so the four share their views."""

    def __init__(self, *, name, label, filter_form, form, serializer, list_for, get_for, create, update, delete,
                 form_kwargs=lambda request: {}, extra=None):
        self.name, self.label, self.filter_form, self.form, self.serializer = name, label, filter_form, form, \
            serializer
        self.list_for, self.get_for, self.create, self.update, self.delete = list_for, get_for, create, update, delete
        self.form_kwargs = form_kwargs
        self.input = form_serializer(form, f"ContinuingEducation{name.title()}Input", extra=extra)

    def bind(self, request) -> dict:
        return bind(self.form, request.data, **self.form_kwargs(request)).cleaned_data


def _unit(request):
    return {"organisation": request.user.organisation}


COURSES = Kind(name="course", label=gettext_lazy("培训课程"), filter_form=CourseFilterForm, form=CourseForm,
               serializer=CourseSerializer, list_for=selectors.courses_for_user,
               get_for=selectors.get_course_for_user, form_kwargs=_unit,
               create=lambda actor, data: services.create_course(organisation=actor.organisation, actor=actor,
                                                                 data=data),
               update=lambda actor, row, data: services.update_course(course=row, actor=actor, data=data),
               delete=lambda actor, row: services.delete_course(course=row, actor=actor))
TEACHERS = Kind(name="teacher", label=gettext_lazy("培训教师"), filter_form=TeacherFilterForm, form=TeacherForm,
                serializer=TeacherSerializer, list_for=selectors.teachers_for_user,
                get_for=selectors.get_teacher_for_user,
                create=lambda actor, data: services.create_teacher(organisation=actor.organisation, actor=actor,
                                                                   data=data),
                update=lambda actor, row, data: services.update_teacher(teacher=row, actor=actor, data=data),
                delete=lambda actor, row: services.delete_teacher(teacher=row, actor=actor))
SITES = Kind(name="site", label=gettext_lazy("面授培训点"), filter_form=NameFilterForm, form=SiteForm,
             serializer=SiteSerializer, list_for=selectors.sites_for_user, get_for=selectors.get_site_for_user,
             create=lambda actor, data: services.create_site(organisation=actor.organisation, actor=actor, data=data),
             update=lambda actor, row, data: services.update_site(site=row, actor=actor, data=data),
             delete=lambda actor, row: services.delete_site(site=row, actor=actor))
PLATFORMS = Kind(name="platform", label=gettext_lazy("网授平台"), filter_form=NameFilterForm, form=PlatformForm,
                 serializer=PlatformSerializer, list_for=selectors.platforms_for_user,
                 get_for=selectors.get_platform_for_user,
                 extra={key: serializers.CharField(label=label, max_length=255, required=False)
                        for key, label in rules.DOCKING_FIELDS},  # added by the form's __init__
                 create=lambda actor, data: services.create_platform(organisation=actor.organisation, actor=actor,
                                                                     data=data),
                 update=lambda actor, row, data: services.update_platform(platform=row, actor=actor, data=data),
                 delete=lambda actor, row: services.delete_platform(platform=row, actor=actor))


def _detail(request, kind, pk, *, status=200):
    """Re-read through the list's selector (its prefetches), as the screen lists it."""
    row = kind.get_for(request.user, pk)
    return object_response(request, kind.serializer, row, status=status)


def list_view(kind: Kind):
    class CatalogueList(ListAPIView):
        api_programme = PROGRAMME
        serializer_class = kind.serializer

        @extend_schema(operation_id=f"continuing_education_{kind.name}s_list", summary=kind.label, tags=TAGS,
                       parameters=query_parameters(kind.filter_form))
        def get(self, request, *args, **kwargs):
            return super().get(request, *args, **kwargs)

        def get_queryset(self):
            require_manager(self.request)
            form = bind_query(self.request, kind.filter_form)
            return kind.list_for(self.request.user, form.cleaned_data)

        @extend_schema(operation_id=f"continuing_education_{kind.name}s_create", summary=format_lazy(ADD, kind.label),
                       tags=TAGS, request=kind.input, responses={201: kind.serializer})
        def post(self, request):
            require_manager(request)
            row = kind.create(request.user, kind.bind(request))
            return _detail(request, kind, row.pk, status=201)

    CatalogueList.__name__ = CatalogueList.__qualname__ = f"{kind.name.title()}List"
    return CatalogueList


def detail_view(kind: Kind):
    class CatalogueDetail(APIView):
        api_programme = PROGRAMME

        @extend_schema(operation_id=f"continuing_education_{kind.name}s_retrieve",
                       summary=format_lazy(DETAIL, kind.label),
                       tags=TAGS, responses=kind.serializer)
        def get(self, request, pk):
            require_manager(request)
            return _detail(request, kind, pk)

        @extend_schema(operation_id=f"continuing_education_{kind.name}s_update", summary=format_lazy(EDIT, kind.label),
                       tags=TAGS, request=kind.input, responses=kind.serializer)
        def put(self, request, pk):
            require_manager(request)
            row = kind.get_for(request.user, pk)
            with transaction.atomic():
                # The ETag is the row's as its detail shows it (sites and platforms have no updated_at).
                locked = type(row).objects.select_for_update(of=("self",)).get(pk=row.pk)
                check_if_match(request, locked, kind.serializer(kind.get_for(request.user, pk),
                                                                context={"request": request}).data)
                kind.update(request.user, locked, kind.bind(request))
            return _detail(request, kind, pk)

        @extend_schema(operation_id=f"continuing_education_{kind.name}s_destroy",
                       summary=format_lazy(DELETE, kind.label),
                       tags=TAGS, request=None, responses={204: None})
        def delete(self, request, pk):
            require_manager(request)
            row = kind.get_for(request.user, pk)
            try:
                kind.delete(request.user, row)
            except ValidationError as error:  # still used by a class or a course: a state, not a malformed request
                raise Conflict("；".join(error.messages)) from None
            return Response(status=204)

    CatalogueDetail.__name__ = CatalogueDetail.__qualname__ = f"{kind.name.title()}Detail"
    return CatalogueDetail


CourseList, CourseDetail = list_view(COURSES), detail_view(COURSES)
TeacherList, TeacherDetail = list_view(TEACHERS), detail_view(TEACHERS)
SiteList, SiteDetail = list_view(SITES), detail_view(SITES)
PlatformList, PlatformDetail = list_view(PLATFORMS), detail_view(PLATFORMS)
