"""What the API shows of joining a unit, 待审核的专技人员 and 用人单位: the columns of those screens, ID numbers and
mobiles masked as on screen."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.fields import IdNumberField, MobileField
from organisations.models import Gender, Organisation, StaffLink, StaffMember, UnitLevel, UnitNature, VerificationStatus


class JoinLinkSerializer(serializers.ModelSerializer):
    """One of the person's links (我的单位, 加入记录)."""

    organisation_name = serializers.CharField(source="organisation.name")
    link_status = serializers.ChoiceField(choices=StaffLink.choices)
    link_status_display = serializers.CharField(source="get_link_status_display")

    class Meta:
        ref_name = "ContinuingEducationJoinLink"
        model = StaffMember
        fields = ("id", "organisation_id", "organisation_name", "link_status", "link_status_display",
                  "link_requested_at", "linked_at", "link_ended_at", "link_reason")


class JoinStateSerializer(serializers.Serializer):
    """加入单位: the current (requested or linked) unit, the last ten links, and whether the person may register
    a unit themselves (the page's 注册用人单位)."""

    current = JoinLinkSerializer(allow_null=True)
    history = JoinLinkSerializer(many=True)
    may_register_unit = serializers.BooleanField()

    class Meta:
        ref_name = "ContinuingEducationJoinState"


class JoinableUnitSerializer(serializers.ModelSerializer):
    """A unit found by 查找单位."""

    region_name = serializers.CharField(source="region.full_name", allow_null=True, default=None)

    class Meta:
        ref_name = "ContinuingEducationJoinableUnit"
        model = Organisation
        fields = ("id", "name", "credit_code", "region_name")


class StaffLinkSerializer(serializers.ModelSerializer):
    """A row of 待审核的专技人员 (and of the unit's other link states)."""

    id_number = IdNumberField()
    mobile = MobileField()
    gender = serializers.ChoiceField(choices=Gender.choices)
    gender_display = serializers.CharField(source="get_gender_display")
    link_status = serializers.ChoiceField(choices=StaffLink.choices)
    link_status_display = serializers.CharField(source="get_link_status_display")

    class Meta:
        ref_name = "ContinuingEducationStaffLink"
        model = StaffMember
        fields = ("id", "organisation_id", "name", "id_number", "gender", "gender_display", "mobile", "link_status",
                  "link_status_display", "link_requested_at", "linked_at", "link_ended_at", "link_reason",
                  "updated_at")


class BatchApproveOutcomeSerializer(serializers.Serializer):
    approved = serializers.IntegerField(help_text=_("通过的申请数"))

    class Meta:
        ref_name = "ContinuingEducationBatchApproveOutcome"


class UnitSerializer(serializers.ModelSerializer):
    """A row of 用人单位 (the departments' list)."""

    region_id = serializers.CharField(allow_null=True)
    region_name = serializers.CharField(source="region.full_name", allow_null=True, default=None)
    nature = serializers.ChoiceField(choices=UnitNature.choices, allow_blank=True)
    nature_display = serializers.CharField(source="get_nature_display")
    hr_department_id = serializers.IntegerField(allow_null=True)
    hr_department_name = serializers.CharField(source="hr_department.name", allow_null=True, default=None)
    supervising_department_id = serializers.IntegerField(allow_null=True)
    supervising_department_name = serializers.CharField(source="supervising_department.name", allow_null=True,
                                                        default=None)
    verification_status = serializers.ChoiceField(choices=VerificationStatus.choices)
    verification_status_display = serializers.CharField(source="get_verification_status_display")

    class Meta:
        ref_name = "ContinuingEducationUnit"
        model = Organisation
        fields = ("id", "name", "credit_code", "region_id", "region_name", "nature", "nature_display",
                  "hr_department_id", "hr_department_name", "supervising_department_id",
                  "supervising_department_name", "verification_status", "verification_status_display")


class StaffCountsSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    linked = serializers.IntegerField()
    requested = serializers.IntegerField()

    class Meta:
        ref_name = "ContinuingEducationStaffCounts"


class UnitDetailSerializer(UnitSerializer):
    """The unit's page: its profile and the roster's counts (the view passes them as `counts`)."""

    unit_level = serializers.ChoiceField(choices=UnitLevel.choices, allow_blank=True)
    unit_level_display = serializers.CharField(source="get_unit_level_display")
    staff_counts = serializers.SerializerMethodField()

    class Meta(UnitSerializer.Meta):
        ref_name = "ContinuingEducationUnitDetail"
        fields = UnitSerializer.Meta.fields + ("address", "unit_level", "unit_level_display", "legal_representative",
                                               "contact_phone", "created_at", "staff_counts")

    @extend_schema_field(StaffCountsSerializer)
    def get_staff_counts(self, unit):
        return StaffCountsSerializer(self.context["counts"]).data
