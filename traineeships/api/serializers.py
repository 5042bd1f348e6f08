"""What the API shows of the programme's records: the fields the screens show, masked as on screen."""

from rest_framework import serializers

from api.fields import BankAccountField
from traineeships.models import TraineeshipBase
from traineeships.services.bases import missing_files


class MajorDemandSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    major = serializers.CharField()
    headcount = serializers.IntegerField()


class BaseSerializer(serializers.ModelSerializer):
    organisation_name = serializers.CharField(source="organisation.name")
    level_display = serializers.CharField(source="get_level_display")
    status_display = serializers.CharField(source="get_status_display")
    major_demands = MajorDemandSerializer(many=True)
    bank_account_number = BankAccountField()
    missing_files = serializers.SerializerMethodField()

    class Meta:
        model = TraineeshipBase
        fields = ("id", "organisation_id", "organisation_name", "level", "level_display", "status", "status_display",
                  "introduction", "major_demands", "mentor_team", "bank_account_name", "bank_name",
                  "bank_account_number", "rules_file_id", "certificate_file_id", "missing_files", "submitted_at",
                  "approved_at", "filed_with_province_at", "updated_at")

    def get_missing_files(self, base) -> list[str]:
        return [str(label) for label in missing_files(base, base.organisation)]
