"""人员信息 as the roster page shows it: ID numbers and mobiles masked unless the caller holds
organisations.view_personal_data."""

from rest_framework import serializers

from api.fields import IdNumberField, MobileField
from organisations.models import Education, Gender, StaffLink, StaffMember, TitleLevel


class StaffSerializer(serializers.ModelSerializer):
    id_number = IdNumberField()
    mobile = MobileField()
    gender = serializers.ChoiceField(choices=Gender.choices)
    gender_display = serializers.CharField(source="get_gender_display")
    education = serializers.ChoiceField(choices=Education.choices, allow_blank=True)
    title_level = serializers.ChoiceField(choices=TitleLevel.choices, allow_blank=True)
    link_status = serializers.ChoiceField(choices=StaffLink.choices)
    monthly_wage = serializers.DecimalField(max_digits=10, decimal_places=2, allow_null=True)

    class Meta:
        model = StaffMember
        fields = ("id", "name", "id_number", "gender", "gender_display", "birth_date", "mobile", "department_name",
                  "job_title", "hired_on", "monthly_wage", "education", "title_level", "title_series",
                  "link_status", "updated_at")
        read_only_fields = fields
