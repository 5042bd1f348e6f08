"""The catalogue as its lists show it: 培训课程 (with 授课教师), 师资 (联系电话 masked as on screen), 面授培训点,
网授平台 (with its 对接信息)."""

from rest_framework import serializers

from api.fields import MobileField
from continuing_education import rules
from continuing_education.models import Course, OnlinePlatform, SubjectType, Teacher, TrainingSite


class TeacherRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()

    class Meta:
        ref_name = "ContinuingEducationTeacherRef"


class CourseSerializer(serializers.ModelSerializer):
    subject_type = serializers.ChoiceField(choices=SubjectType.choices)
    subject_type_display = serializers.CharField(source="get_subject_type_display")
    hours = serializers.DecimalField(max_digits=5, decimal_places=1)
    teachers = TeacherRefSerializer(many=True)

    class Meta:
        ref_name = "ContinuingEducationCourse"
        model = Course
        fields = ("id", "name", "subject_type", "subject_type_display", "hours", "teachers", "outline",
                  "created_at", "updated_at")


class TeacherSerializer(serializers.ModelSerializer):
    mobile = MobileField()

    class Meta:
        ref_name = "ContinuingEducationTeacher"
        model = Teacher
        fields = ("id", "name", "title", "employer", "specialty", "mobile", "introduction", "created_at",
                  "updated_at")


class SiteSerializer(serializers.ModelSerializer):
    region_name = serializers.CharField(source="region.name")

    class Meta:
        ref_name = "ContinuingEducationSite"
        model = TrainingSite
        fields = ("id", "name", "region", "region_name", "address", "capacity", "created_at")
        extra_kwargs = {"region": {"read_only": True}}


def _docking_representation(self, details):
    return {key: (details or {}).get(key, "") for key, _label in rules.DOCKING_FIELDS}


# The docking details the province asks for (rules.DOCKING_FIELDS, so the schema follows the list), "" where not
# given.
DockingSerializer = type("DockingSerializer", (serializers.Serializer,), {
    **{key: serializers.CharField(help_text=str(label)) for key, label in rules.DOCKING_FIELDS},
    "to_representation": _docking_representation,
    "Meta": type("Meta", (), {"ref_name": "ContinuingEducationDocking"}),
})


class PlatformSerializer(serializers.ModelSerializer):
    docking_details = DockingSerializer()

    class Meta:
        ref_name = "ContinuingEducationPlatform"
        model = OnlinePlatform
        fields = ("id", "name", "operator", "url", "contact_name", "contact_phone", "is_docked", "docking_details",
                  "docking_version", "docking_updated_at", "created_at")
