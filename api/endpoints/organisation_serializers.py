"""单位信息 as the profile page and an organisation's record show it (no activation code, no counters)."""

from rest_framework import serializers

from organisations.models import Organisation, OrganisationKind, Origin, UnitLevel, UnitNature, VerificationStatus


class OrganisationSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=OrganisationKind.choices)
    kind_display = serializers.CharField(source="get_kind_display")
    region_id = serializers.CharField(allow_null=True)
    region_name = serializers.CharField(source="region.name", allow_null=True, default=None)
    website = serializers.CharField()  # may be empty: not a "uri" in the schema
    origin = serializers.ChoiceField(choices=Origin.choices)
    nature = serializers.ChoiceField(choices=UnitNature.choices, allow_blank=True)
    unit_level = serializers.ChoiceField(choices=UnitLevel.choices, allow_blank=True)
    verification_status = serializers.ChoiceField(choices=VerificationStatus.choices)
    verification_status_display = serializers.CharField(source="get_verification_status_display")
    hr_department_id = serializers.IntegerField(allow_null=True)
    hr_department_name = serializers.CharField(source="hr_department.name", allow_null=True, default=None)
    supervising_department_id = serializers.IntegerField(allow_null=True)
    supervising_department_name = serializers.CharField(source="supervising_department.name", allow_null=True,
                                                        default=None)

    class Meta:
        model = Organisation
        fields = ("id", "name", "credit_code", "kind", "kind_display", "legal_representative", "region_id",
                  "region_name", "address", "contact_person", "contact_phone", "website", "introduction", "origin",
                  "nature", "unit_level", "platform_code", "verification_status", "verification_status_display",
                  "verified_at", "hr_department_id", "hr_department_name", "supervising_department_id",
                  "supervising_department_name", "updated_at")
        read_only_fields = fields
