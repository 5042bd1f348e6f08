"""登录日志 through the API: the sign-in attempts on the accounts of the caller's organisation (platform staff:
all), with the page's filters (LoginLogFilterForm) and access rule (organisations.view_logs,
accounts.selectors.get_login_records_for_user). A mobile or ID number typed as the account is masked unless the
caller holds organisations.view_personal_data, as on the page. Scope organisations:read."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView

from accounts.forms import LoginLogFilterForm
from accounts.models import LoginRecord
from accounts.selectors import filter_login_records, get_login_records_for_user
from api import scopes
from api.forms import bind_query, query_parameters
from core import masking
from core.identifiers import looks_like_id_number, looks_like_mobile


class LoginRecordSerializer(serializers.ModelSerializer):
    identifier = serializers.SerializerMethodField(help_text="登录时输入的账号；手机号、身份证号按权限脱敏")
    username = serializers.CharField(source="user.username", allow_null=True, default=None)
    real_name = serializers.CharField(source="user.real_name", allow_null=True, default=None)
    organisation_name = serializers.CharField(source="user.organisation.name", allow_null=True, default=None)
    ip_address = serializers.CharField(allow_null=True)

    class Meta:
        model = LoginRecord
        fields = ("id", "created_at", "identifier", "username", "real_name", "organisation_name", "ip_address",
                  "succeeded", "reason", "user_agent")
        read_only_fields = fields

    def get_identifier(self, record) -> str:
        """As the page's login_identifier tag shows it."""
        value = record.identifier or ""
        if masking.can_see_personal_data(self.context["request"].user):
            return value
        if looks_like_mobile(value):
            return masking.mask_mobile(value)
        if looks_like_id_number(value):
            return masking.mask_id_number(value)
        return value


class LoginLog(ListAPIView):
    api_programme = scopes.FOUNDATION
    serializer_class = LoginRecordSerializer

    @extend_schema(operation_id="login_log_list", summary=_("登录日志"), tags=["登录日志"],
                   parameters=query_parameters(LoginLogFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        records = get_login_records_for_user(self.request.user)
        form = bind_query(self.request, LoginLogFilterForm)
        return filter_login_records(records, **form.filters())
