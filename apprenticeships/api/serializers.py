"""What the API shows of the programme's records: the fields the screens show, personal data masked as on screen
(api.fields: in full only for callers holding organisations.view_personal_data)."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.fields import BankAccountField, IdNumberField, MobileField
from apprenticeships.checks import wage_warning
from apprenticeships.models import Course, Filing, Teacher, Trainee, TrainingClass
from calendars.wages import minimum_wage
from claims.models import Claim, ClaimLine


class TrainingClassSerializer(serializers.ModelSerializer):
    target_level_display = serializers.CharField(source="get_target_level_display")
    mode_display = serializers.CharField(source="get_mode_display")

    class Meta:
        model = TrainingClass
        fields = ("occupation", "occupation_code", "target_level", "target_level_display", "starts_on", "ends_on",
                  "hours", "mode", "mode_display", "extension_reason", "updated_at")


class FilingSerializer(serializers.ModelSerializer):
    """A row of 办理结果 / 辖区学徒制备案."""

    organisation_name = serializers.CharField(source="organisation.name")
    region_code = serializers.CharField(source="region.code")
    apprenticeship_type_display = serializers.CharField(source="get_apprenticeship_type_display")
    status_display = serializers.CharField(source="get_status_display")
    institution_name = serializers.CharField()
    training_class = serializers.SerializerMethodField()

    class Meta:
        model = Filing
        fields = ("id", "number", "organisation_id", "organisation_name", "region_code", "apprenticeship_type",
                  "apprenticeship_type_display", "status", "status_display", "institution_id", "institution_name",
                  "other_institution_name", "contact_name", "contact_phone", "training_class", "submitted_at",
                  "approved_at", "cancelled_at", "cancel_reason", "created_at", "updated_at")

    @extend_schema_field(TrainingClassSerializer(allow_null=True))
    def get_training_class(self, filing):
        try:
            training_class = filing.training_class  # selected with the filing (no query per row)
        except TrainingClass.DoesNotExist:
            return None
        return TrainingClassSerializer(training_class).data


class MaterialSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    attachment_id = serializers.UUIDField(allow_null=True)
    uploaded_at = serializers.DateTimeField(allow_null=True)


class FilingDetailSerializer(FilingSerializer):
    """【进入处理】: the filing, its materials, and (for its own filers while editable) what still blocks 提交审核."""

    materials = serializers.SerializerMethodField()
    teacher_count = serializers.IntegerField(source="teachers.count")
    trainee_count = serializers.IntegerField(source="trainees.count")
    course_count = serializers.IntegerField(source="courses.count")
    recognition_id = serializers.IntegerField(allow_null=True)
    submission_problems = serializers.SerializerMethodField()

    class Meta(FilingSerializer.Meta):
        fields = (*FilingSerializer.Meta.fields, "recognition_id", "teacher_count", "trainee_count", "course_count",
                  "materials", "submission_problems")

    @extend_schema_field(MaterialSerializer(many=True))
    def get_materials(self, filing):
        from apprenticeships.selectors.filing import filing_summary

        return [{"code": item["code"], "label": item["label"],
                 "attachment_id": item["row"].attachment_id if item["row"] else None,
                 "uploaded_at": item["row"].uploaded_at if item["row"] else None}
                for item in filing_summary(filing)["materials"]]

    def get_submission_problems(self, filing) -> list[str]:
        from apprenticeships.selectors.people import may_edit_people
        from apprenticeships.services.filing import submission_problems

        request = self.context.get("request")
        if request is None or not filing.is_editable or not may_edit_people(request.user, filing):
            return []
        return submission_problems(filing)


class TeacherSerializer(serializers.ModelSerializer):
    id_number = IdNumberField()
    mobile = MobileField()
    kind_display = serializers.CharField(source="get_kind_display")
    # Added by a 师资变更 still under review: teaches only once the city approves it.
    pending_change = serializers.SerializerMethodField()

    class Meta:
        model = Teacher
        fields = ("id", "filing_id", "name", "id_number", "kind", "kind_display", "qualification",
                  "certificate_number", "mobile", "pending_change", "created_at")

    def get_pending_change(self, teacher) -> bool:
        return teacher.added_by_change_id is not None


class TraineeSerializer(serializers.ModelSerializer):
    id_number = IdNumberField()
    mobile = MobileField()
    education_display = serializers.CharField(source="get_education_display")
    school_id = serializers.IntegerField(allow_null=True)
    school_display = serializers.SerializerMethodField()
    wage_warning = serializers.SerializerMethodField()

    class Meta:
        model = Trainee
        fields = ("id", "filing_id", "name", "id_number", "mobile", "education", "education_display", "hired_on",
                  "contract_starts_on", "contract_ends_on", "monthly_wage", "school_id", "school_name",
                  "school_display", "lost_on", "lost_reason", "certificate_level", "certificate_number",
                  "certified_on", "wage_warning", "updated_at")

    def get_school_display(self, trainee) -> str:
        return trainee.school.name if trainee.school_id else trainee.school_name

    def get_wage_warning(self, trainee) -> str | None:
        """The tab's 工资预警: a monthly wage below the minimum wage of the filing's region today (a warning, not a
        refusal). The minimum is looked up once per region for a whole list (the context is the list's)."""
        minimums = self.context.setdefault("minimum_wages", {})
        region_id = trainee.filing.region_id
        if region_id not in minimums:
            minimums[region_id] = minimum_wage(trainee.filing.region, timezone.localdate())
        warning = wage_warning(monthly_wage=trainee.monthly_wage, minimum=minimums[region_id])
        return None if warning is None else str(warning)


class CourseSerializer(serializers.ModelSerializer):
    delivery_display = serializers.CharField(source="get_delivery_display")
    teacher_id = serializers.IntegerField(allow_null=True)
    teacher_name = serializers.CharField(source="teacher.name", allow_null=True, default=None)
    venue_id = serializers.IntegerField(allow_null=True)

    class Meta:
        model = Course
        fields = ("id", "filing_id", "name", "hours", "delivery", "delivery_display", "teacher_id", "teacher_name",
                  "starts_on", "ends_on", "daily_start", "daily_end", "venue_id", "configured_at")


class ClaimLineSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display")
    name = serializers.SerializerMethodField()

    class Meta:
        model = ClaimLine
        fields = ("id", "kind", "kind_display", "name", "month", "amount", "explanation", "counted")

    def get_name(self, line) -> str:
        return str((line.detail or {}).get("name", ""))


class ClaimPersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    trainee_id = serializers.IntegerField()
    filing_number = serializers.CharField(source="trainee.filing.number")
    name = serializers.CharField(source="trainee.name")
    id_number = IdNumberField(source="trainee.id_number")


class ClaimAttachmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    attachment_id = serializers.UUIDField()
    name = serializers.CharField(source="attachment.original_name")
    uploaded_at = serializers.DateTimeField()


class ClaimSerializer(serializers.ModelSerializer):
    """A row of 补贴申领 办理结果: the claim and its stage."""

    organisation_name = serializers.CharField(source="organisation.name")
    status_display = serializers.CharField(source="get_status_display")
    stage = serializers.CharField(source="apprenticeship.stage", allow_null=True, default=None)
    stage_display = serializers.CharField(source="apprenticeship.get_stage_display", allow_null=True, default=None)

    class Meta:
        model = Claim
        fields = ("id", "number", "organisation_id", "organisation_name", "stage", "stage_display", "status",
                  "status_display", "first_month", "last_month", "total", "submitted_at", "approved_at", "paid_on",
                  "voucher_number", "created_at", "updated_at")


class ClaimDetailSerializer(ClaimSerializer):
    """The claim page, read-only: 单位基本信息, the people put on it, the frozen lines once submitted."""

    contact_name = serializers.CharField(source="apprenticeship.contact_name", allow_null=True, default=None)
    contact_phone = serializers.CharField(source="apprenticeship.contact_phone", allow_null=True, default=None)
    bank_name = serializers.CharField(source="apprenticeship.bank_name", allow_null=True, default=None)
    account_name = serializers.CharField(source="apprenticeship.account_name", allow_null=True, default=None)
    bank_account = BankAccountField(source="apprenticeship.bank_account", allow_null=True, default=None)
    people = serializers.SerializerMethodField()
    attachments = serializers.SerializerMethodField()
    lines = serializers.SerializerMethodField()

    class Meta(ClaimSerializer.Meta):
        fields = (*ClaimSerializer.Meta.fields, "contact_name", "contact_phone", "bank_name", "account_name",
                  "bank_account", "people", "attachments", "lines")

    @extend_schema_field(ClaimPersonSerializer(many=True))
    def get_people(self, claim):
        entries = claim.apprenticeship_people.select_related("trainee__filing").order_by("id")
        return ClaimPersonSerializer(entries, many=True, context=self.context).data

    @extend_schema_field(ClaimAttachmentSerializer(many=True))
    def get_attachments(self, claim):
        materials = claim.apprenticeship_materials.select_related("attachment").order_by("uploaded_at", "id")
        return ClaimAttachmentSerializer(materials, many=True).data

    @extend_schema_field(ClaimLineSerializer(many=True))
    def get_lines(self, claim):
        return ClaimLineSerializer(claim.lines.order_by("position", "id"), many=True).data
