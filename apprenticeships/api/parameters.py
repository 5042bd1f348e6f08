"""学徒制参数 through the API (补贴标准, 紧缺急需职业目录, 规则参数): a city or province HR department holding
MANAGE_PARAMETERS reads its own rows and (a city) the province's beside them, read-only (`editable` false), and
adds or edits its own — the screen's forms and apprenticeships.services.parameters. One set of views serves the
three kinds (`Kind`)."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.generics import ListAPIView
from rest_framework.views import APIView

from api.concurrency import check_if_match
from api.forms import bind, form_serializer
from api.responses import object_response
from apprenticeships.api.common import TAGS, payload
from apprenticeships.forms.parameters import RuleSetForm, ShortageForm, StandardForm
from apprenticeships.models import RuleSet, ShortageOccupation, SubsidyStandard
from apprenticeships.models.parameters import NATIONAL_FLOOR_PER_YEAR
from apprenticeships.selectors.hr import get_parameter_for_user, parameter_department, parameters_for_user
from apprenticeships.services import parameters as services

API = "apprenticeships"


class ParameterSerializer(serializers.ModelSerializer):
    """What every kind shows: the region it holds for, who set it, and whether this department may edit it."""

    region_code = serializers.CharField(source="region_id")
    region_name = serializers.CharField(source="region.full_name")
    set_by_name = serializers.CharField(source="set_by.real_name")
    editable = serializers.SerializerMethodField()

    COMMON = ("id", "region_code", "region_name", "source", "set_by_name", "created_at", "editable")

    def get_editable(self, row) -> bool:
        request = self.context.get("request")
        department = parameter_department(request.user) if request is not None else None
        return department is not None and department.region_id == row.region_id


class StandardSerializer(ParameterSerializer):
    apprenticeship_type_display = serializers.CharField(source="get_apprenticeship_type_display")
    target_level_display = serializers.CharField(source="get_target_level_display")
    # The screen's warning after saving: below the national 5000 元 a year, saved but to be checked.
    below_national_floor = serializers.SerializerMethodField()

    class Meta:
        model = SubsidyStandard
        fields = (*ParameterSerializer.COMMON, *services.STANDARD_FIELDS, "apprenticeship_type_display",
                  "target_level_display", "below_national_floor")

    def get_below_national_floor(self, row) -> bool:
        return row.amount_per_year < NATIONAL_FLOOR_PER_YEAR


class ShortageSerializer(ParameterSerializer):
    class Meta:
        model = ShortageOccupation
        fields = (*ParameterSerializer.COMMON, *services.SHORTAGE_FIELDS)


class RuleSetSerializer(ParameterSerializer):
    class Meta:
        model = RuleSet
        fields = (*ParameterSerializer.COMMON, *services.RULE_FIELDS)


@dataclass(frozen=True)
class Kind:
    key: str  # the screen's tab and the service's kind
    name: str  # in operation ids and URL names
    label: str
    model: type
    form: type
    serializer: type


KINDS = {
    "standards": Kind("standards", "standard", "补贴标准", SubsidyStandard, StandardForm, StandardSerializer),
    "shortage": Kind("shortage", "shortage", "紧缺急需职业", ShortageOccupation, ShortageForm, ShortageSerializer),
    "rules": Kind("rules", "ruleset", "规则参数", RuleSet, RuleSetForm, RuleSetSerializer),
}
INPUTS = {key: form_serializer(kind.form, f"Apprenticeship{kind.name.title()}Input") for key, kind in KINDS.items()}


def _require_department(request) -> None:
    if parameter_department(request.user) is None:
        raise PermissionDenied


def _views(kind: Kind):
    class ParameterList(ListAPIView):
        api_programme = API
        serializer_class = kind.serializer

        @extend_schema(operation_id=f"apprenticeships_{kind.name}_list", summary=_("学徒制参数：") + kind.label,
                       tags=TAGS)
        def get(self, request, *args, **kwargs):
            return super().get(request, *args, **kwargs)

        def get_queryset(self):
            _require_department(self.request)
            return parameters_for_user(self.request.user, kind.key, include_parents=True)

    class ParameterCreate(APIView):
        api_programme = API

        @extend_schema(operation_id=f"apprenticeships_{kind.name}_create", summary=_("新增") + kind.label,
                       tags=TAGS, request=INPUTS[kind.key], responses={201: kind.serializer})
        def post(self, request):
            _require_department(request)
            form = bind(kind.form, payload(request))
            row = services.create_parameter(kind=kind.key, actor=request.user, data=form.cleaned_data)
            return object_response(request, kind.serializer, get_parameter_for_user(request.user, kind.key, row.pk),
                                   status=201)

    class ParameterUpdate(APIView):
        """修改 one of the department's own rows under If-Match (the ETag of the row as listed or last written)."""

        api_programme = API

        @extend_schema(operation_id=f"apprenticeships_{kind.name}_update", summary=_("修改") + kind.label,
                       tags=TAGS, request=INPUTS[kind.key], responses=kind.serializer)
        def put(self, request, pk):
            _require_department(request)
            row = get_parameter_for_user(request.user, kind.key, pk)
            with transaction.atomic():
                locked = kind.model.objects.select_for_update().get(pk=row.pk)
                check_if_match(request, locked, kind.serializer(locked, context={"request": request}).data)
                form = bind(kind.form, payload(request))
                services.update_parameter(kind=kind.key, row=locked, actor=request.user, data=form.cleaned_data)
            return object_response(request, kind.serializer, get_parameter_for_user(request.user, kind.key, pk))

    for view in (ParameterList, ParameterCreate, ParameterUpdate):
        view.__name__ = view.__qualname__ = f"{kind.name.title()}{view.__name__.removeprefix('Parameter')}"
    return ParameterList, ParameterCreate, ParameterUpdate


VIEWS = {kind.name: _views(kind) for kind in KINDS.values()}
