"""学时要求 through the API: departments read their province's rules; HR holding 学时要求维护 keeps its own region's
and those below (a province its cities; a city its own; a county none). The screen's HoursRuleForm validates the
body (a rule below the national floor is saved, with the page's warnings in the answer)."""

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
from continuing_education.api.desk_serializers import HoursRuleSavedSerializer, HoursRuleSerializer
from continuing_education.forms.hours_rules import HoursRuleForm, cap_field_name
from continuing_education.models import LearningForm
from continuing_education.selectors.hours_rules import (
    get_rule_for_user,
    keeping_regions,
    may_keep_rule,
    reading_department,
    rules_for_user,
)
from continuing_education.services import hours_rules as services

TAGS = ["专业技术人员继续教育"]
PROGRAMME = "continuing_education"


def _cap(label):
    return serializers.DecimalField(max_digits=5, decimal_places=1, required=False, allow_null=True, min_value=0,
                                    max_value=9999, label=label)


HoursRuleInput = form_serializer(HoursRuleForm, "ContinuingEducationHoursRuleInput", extra={
    # A region's primary key is its code (the form's field is a choice of the keeper's regions).
    "region": serializers.CharField(max_length=12, label=_("地区"), help_text=_("地区代码（本部门所辖的省、市）")),
    **{cap_field_name(value): _cap(_("%(form)s每天学时上限（不填为不限）") % {"form": label})
       for value, label in LearningForm.choices},
})


def _response(request, rule, *, status=200, warnings=None):
    """The rule re-read through the user's selector (after a write, with the form's warnings)."""
    rule = get_rule_for_user(request.user, rule.pk)
    if warnings is None:
        return object_response(request, HoursRuleSerializer, rule, status=status)
    rule.warnings = [str(warning) for warning in warnings]
    return object_response(request, HoursRuleSavedSerializer, rule, status=status)


def _bind(request):
    regions = keeping_regions(request.user)
    if not regions.exists():
        raise PermissionDenied
    return bind(HoursRuleForm, request.data, regions=regions.order_by("code"))


class HoursRules(ListAPIView):
    """学时要求 (GET: the province's rules, each saying whether the caller may edit it) and 新增 (POST)."""

    api_programme = PROGRAMME
    serializer_class = HoursRuleSerializer

    @extend_schema(operation_id="continuing_education_hours_rules_list", summary=_("学时要求"), tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if reading_department(self.request.user) is None:
            raise PermissionDenied
        return rules_for_user(self.request.user)

    def get_serializer_context(self):
        keepable = set(keeping_regions(self.request.user).values_list("code", flat=True))
        return {**super().get_serializer_context(), "keepable": keepable}

    @extend_schema(operation_id="continuing_education_hours_rules_create", summary=_("新增学时要求"), tags=TAGS,
                   request=HoursRuleInput, responses={201: HoursRuleSavedSerializer})
    def post(self, request):
        form = _bind(request)
        rule = services.create_rule(actor=request.user, data=form.cleaned_data)
        return _response(request, rule, status=201, warnings=form.warnings)


class HoursRuleDetail(APIView):
    """One rule (GET, whoever reads the rules) and its edit (PUT, If-Match) by a department keeping its region."""

    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_hours_rules_retrieve", summary=_("学时要求详情"), tags=TAGS,
                   responses=HoursRuleSerializer)
    def get(self, request, pk):
        return _response(request, get_rule_for_user(request.user, pk))

    @extend_schema(operation_id="continuing_education_hours_rules_update", summary=_("修改学时要求"), tags=TAGS,
                   request=HoursRuleInput, responses=HoursRuleSavedSerializer)
    def put(self, request, pk):
        rule = get_rule_for_user(request.user, pk)
        if not may_keep_rule(request.user, rule):
            raise PermissionDenied
        with transaction.atomic():
            locked = lock_and_match(request, rule)
            form = _bind(request)
            services.update_rule(actor=request.user, rule=locked, data=form.cleaned_data)
        return _response(request, rule, warnings=form.warnings)
