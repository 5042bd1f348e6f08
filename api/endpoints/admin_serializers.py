"""部门管理, 角色管理 and 子账号管理 as their pages show them (mobiles masked unless the caller holds
organisations.view_personal_data; `manageable` is whether the page offers 修改/删除 to the caller)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import User
from api.fields import MobileField
from organisations.models import Department, Role
from organisations.permissions import CATALOGUE
from organisations.services_accounts import can_manage_account, can_manage_role


def _actor(serializer):
    return serializer.context["request"].user


class DepartmentSerializer(serializers.ModelSerializer):
    parent_id = serializers.IntegerField(allow_null=True)
    parent_name = serializers.CharField(source="parent.name", allow_null=True, default=None)
    members = serializers.SerializerMethodField(help_text="本部门的账号数")

    class Meta:
        model = Department
        fields = ("id", "name", "parent_id", "parent_name", "members", "created_at")
        read_only_fields = fields

    def get_members(self, department) -> int:
        annotated = getattr(department, "member_count", None)
        return department.members.count() if annotated is None else annotated


class PermissionSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    group = serializers.CharField()
    grantable = serializers.BooleanField(help_text="调用者能否把该权限放入角色（只能授予自己拥有的权限）")


class RoleSerializer(serializers.ModelSerializer):
    permissions = serializers.ListField(child=serializers.CharField())
    permission_labels = serializers.SerializerMethodField()
    holders = serializers.SerializerMethodField(help_text="拥有该角色的账号数")
    manageable = serializers.SerializerMethodField(help_text="调用者能否修改、删除该角色")

    class Meta:
        model = Role
        fields = ("id", "name", "description", "permissions", "permission_labels", "holders", "manageable",
                  "created_at")
        read_only_fields = fields

    def get_permission_labels(self, role) -> list[str]:
        return [str(CATALOGUE[code].label) for code in role.permissions if code in CATALOGUE]

    def get_holders(self, role) -> int:
        annotated = getattr(role, "holder_count", None)
        return role.users.count() if annotated is None else annotated

    def get_manageable(self, role) -> bool:
        return can_manage_role(_actor(self), role)


class RoleRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class AccountSerializer(serializers.ModelSerializer):
    mobile = MobileField()
    department_id = serializers.IntegerField(allow_null=True)
    department_name = serializers.CharField(source="department.name", allow_null=True, default=None)
    roles = serializers.SerializerMethodField()
    manageable = serializers.SerializerMethodField(help_text="调用者能否修改、重置密码、移除或恢复该账号")

    class Meta:
        model = User
        fields = ("id", "username", "real_name", "mobile", "department_id", "department_name", "roles",
                  "is_org_admin", "is_active", "manageable", "date_joined")
        read_only_fields = fields

    @extend_schema_field(RoleRefSerializer(many=True))
    def get_roles(self, account):
        roles = sorted(account.roles.all(), key=lambda role: role.name)
        return [{"id": role.pk, "name": role.name} for role in roles]

    def get_manageable(self, account) -> bool:
        return can_manage_account(_actor(self), account)
