"""操作日志 through the API: the log page's entries (audit.selectors.audit_entries_for_user: platform staff
everything, an organisation's holders of organisations.view_logs what their own people did) with its filters
(audit.forms.AuditFilterForm) and its before/after rows, personal identifiers masked as on the page. Scope
organisations:read.

The page fills the 操作 / 对象类型 choices with a DISTINCT over the caller's whole log; on a large log that is a
scan per call, so here the choices are the codes the platform can record (every registered action, every model),
plus the one asked for when the caller's log holds it (an indexed lookup): the same values are accepted."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.generics import ListAPIView

from api.endpoints.params import live_query_parameters
from api.forms import bind_query
from api.pagination import IdCursorPagination
from api.scopes import FOUNDATION
from audit.forms import AuditFilterForm
from audit.labels import label_for, registered_actions
from audit.models import AuditEntry
from audit.selectors import (
    audit_entries_for_user,
    diff_rows,
    filter_entries,
    scope_organisation_id,
    target_type_label,
)
from core.masking import can_see_personal_data

TAGS = ["操作日志"]


def _action_choices(scope=None, asked: str = "") -> list[tuple[str, str]]:
    codes = set(registered_actions())
    if asked and asked not in codes and scope is not None and scope.filter(action=asked).exists():
        codes.add(asked)
    return [(code, label_for(code)) for code in sorted(codes)]


def _target_type_choices(scope=None, asked: str = "") -> list[tuple[str, str]]:
    labels = {model._meta.label for model in apps.get_models()}
    if asked and asked not in labels and scope is not None and scope.filter(target_type=asked).exists():
        labels.add(asked)
    return [(label, label) for label in sorted(labels)]


class ChangeSerializer(serializers.Serializer):
    field = serializers.CharField(help_text=_("字段"))
    before = serializers.CharField(help_text=_("变更前"))
    after = serializers.CharField(help_text=_("变更后"))
    changed = serializers.BooleanField()


class AuditEntrySerializer(serializers.ModelSerializer):
    actor_name = serializers.CharField(help_text=_("操作人；空为系统"))
    actor_org_id = serializers.IntegerField(allow_null=True)
    actor_org_name = serializers.CharField(source="actor_org.name", allow_null=True, default=None)
    action_label = serializers.SerializerMethodField()
    target_type_label = serializers.SerializerMethodField()
    ip_address = serializers.IPAddressField(allow_null=True)
    changes = serializers.SerializerMethodField(help_text=_("变更前后，逐字段；个人信息按权限脱敏"))

    class Meta:
        model = AuditEntry
        fields = ("id", "created_at", "actor_name", "actor_org_id", "actor_org_name", "action", "action_label",
                  "target_type", "target_type_label", "target_id", "target_repr", "ip_address", "changes")
        read_only_fields = fields

    def get_action_label(self, entry) -> str:
        return label_for(entry.action)

    def get_target_type_label(self, entry) -> str:
        return target_type_label(entry.target_type) if entry.target_type else ""

    @extend_schema_field(ChangeSerializer(many=True))
    def get_changes(self, entry) -> list[dict]:
        return diff_rows(entry, masked=self.context["masked"])


class AuditEntries(ListAPIView):
    api_programme = FOUNDATION
    serializer_class = AuditEntrySerializer
    pagination_class = IdCursorPagination

    @extend_schema(operation_id="audit_entries_list", summary=_("操作日志"), tags=TAGS,
                   parameters=live_query_parameters(AuditFilterForm, action_choices=_action_choices(),
                                                    target_type_choices=_target_type_choices()))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        scope = audit_entries_for_user(self.request.user)
        params = self.request.query_params
        form = bind_query(self.request, AuditFilterForm,
                          action_choices=_action_choices(scope, params.get("action", "")),
                          target_type_choices=_target_type_choices(scope, params.get("target_type", "")))
        return filter_entries(scope, form.cleaned_data,
                              organisation_id=scope_organisation_id(self.request.user))

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "masked": not can_see_personal_data(self.request.user)}
