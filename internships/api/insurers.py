"""购买实习专用险 (the insurers offering the internship liability insurance) through the API, as its screens offer
it: everyone signed in reads the insurers shown; the provincial education department (MANAGE_SETTINGS) who keeps
the list also sees the hidden ones, adds an insurer and edits one under If-Match — views/insurance.py's selectors,
form and service."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.views import APIView

from api.concurrency import lock_and_match
from api.forms import bind, form_serializer
from api.responses import object_response
from internships.forms.insurance import InsurerForm
from internships.models import Insurer
from internships.selectors.insurance import get_insurer_for_editing, insurers_for_user, may_manage_insurers
from internships.services import insurance as services

TAGS = ["职业院校学生实习"]
InsurerInput = form_serializer(InsurerForm, "InternshipInsurerInput")


class InsurerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Insurer
        fields = ("id", "name", "product", "contact_phone", "website", "description", "active", "updated_at")


class InsurerList(ListAPIView):
    """购买实习专用险 (GET) and 新增承保机构 (POST, the list's keeper)."""

    api_programme = "internships"
    serializer_class = InsurerSerializer

    @extend_schema(operation_id="internships_insurers_list", summary=_("实习责任保险承保机构"), tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return insurers_for_user(self.request.user)

    @extend_schema(operation_id="internships_insurers_create", summary=_("新增承保机构（省级教育部门）"), tags=TAGS,
                   request=InsurerInput, responses={201: InsurerSerializer})
    def post(self, request):
        if not may_manage_insurers(request.user):
            raise PermissionDenied
        form = bind(InsurerForm, request.data)
        insurer = services.save_insurer(actor=request.user, data=form.cleaned_data)
        return object_response(request, InsurerSerializer, insurer, status=201)


class InsurerDetail(APIView):
    """One insurer as its keeper edits it (the screen's edit page is the keeper's only)."""

    api_programme = "internships"

    @extend_schema(operation_id="internships_insurers_retrieve", summary=_("承保机构（省级教育部门）"), tags=TAGS,
                   responses=InsurerSerializer)
    def get(self, request, pk):
        return object_response(request, InsurerSerializer, get_insurer_for_editing(request.user, pk))

    @extend_schema(operation_id="internships_insurers_update", summary=_("修改承保机构（省级教育部门）"), tags=TAGS,
                   request=InsurerInput, responses=InsurerSerializer)
    def put(self, request, pk):
        insurer = get_insurer_for_editing(request.user, pk)
        form = bind(InsurerForm, request.data, instance=insurer)
        with transaction.atomic():
            saved = services.save_insurer(actor=request.user, data=form.cleaned_data,
                                          insurer=lock_and_match(request, insurer))
        return object_response(request, InsurerSerializer, saved)
