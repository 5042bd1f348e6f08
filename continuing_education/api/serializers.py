"""What the API shows of the programme's records: the fields the screens show, ID numbers masked as on screen."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.fields import IdNumberField
from continuing_education.models import (
    ArchiveEntry,
    Assessment,
    ClassStatus,
    CorrectionStatus,
    DeclarationStatus,
    HoursDeclaration,
    HoursSource,
    LearningForm,
    OnlineResult,
    Participant,
    ReportMode,
    ResultsCorrection,
    ResultsStatus,
    SubjectType,
    TrainingClass,
)
from continuing_education.rules import may_declare_class
from continuing_education.selectors.archive import Result, attach_missing
from continuing_education.services.classes import submission_problems
from reviews.selectors import latest_review_for


class ClassCourseSerializer(serializers.Serializer):
    course_id = serializers.IntegerField()
    name = serializers.CharField(source="course.name")
    subject_type = serializers.ChoiceField(source="course.subject_type", choices=SubjectType.choices)
    hours = serializers.DecimalField(source="course.hours", max_digits=6, decimal_places=1)

    class Meta:
        ref_name = "ContinuingEducationClassCourse"


class ClassSerializer(serializers.ModelSerializer):
    """One 培训班 as the lists show it (我申报的, 培训班管理, the departments' list)."""

    organisation_name = serializers.CharField(source="organisation.name")
    subject_type = serializers.ChoiceField(choices=SubjectType.choices)
    subject_type_display = serializers.CharField(source="get_subject_type_display")
    site_name = serializers.CharField(source="site.name")
    report_mode = serializers.ChoiceField(choices=ReportMode.choices)
    report_mode_display = serializers.CharField(source="get_report_mode_display")
    status = serializers.ChoiceField(choices=ClassStatus.choices)
    status_display = serializers.CharField(source="get_status_display")
    results_status = serializers.ChoiceField(choices=ResultsStatus.choices)
    results_status_display = serializers.CharField(source="get_results_status_display")
    participant_count = serializers.IntegerField()
    courses = ClassCourseSerializer(source="class_courses", many=True)

    class Meta:
        ref_name = "ContinuingEducationClass"
        model = TrainingClass
        fields = ("id", "number", "organisation_id", "organisation_name", "name", "year", "subject_type",
                  "subject_type_display", "specialty", "title_series", "starts_on", "ends_on", "site_id", "site_name",
                  "planned_headcount", "report_mode", "report_mode_display", "hours", "status", "status_display",
                  "results_status", "results_status_display", "results_reported_at", "participant_count", "courses",
                  "submitted_at", "approved_at", "updated_at")
        extra_kwargs = {"number": {"allow_null": True}}


class ParticipantSerializer(serializers.ModelSerializer):
    id_number = IdNumberField()
    hours = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)
    assessment = serializers.ChoiceField(choices=[("", "")] + Assessment.choices, allow_blank=True)

    class Meta:
        ref_name = "ContinuingEducationParticipant"
        model = Participant
        fields = ("id", "name", "id_number", "hours", "assessment")


class ClassDetailSerializer(ClassSerializer):
    """The class page: its list fields, 报名人员 with their results, and what stands in the way of submitting
    (for the unit's declarers while the class is editable, as on the page)."""

    participants = ParticipantSerializer(many=True)
    submission_problems = serializers.SerializerMethodField()

    class Meta(ClassSerializer.Meta):
        ref_name = "ContinuingEducationClassDetail"
        fields = ClassSerializer.Meta.fields + ("participants", "submission_problems")

    def get_submission_problems(self, training_class) -> list[str]:
        user = self.context["request"].user
        mine = training_class.organisation_id == user.organisation_id and may_declare_class(user)
        if not mine or not training_class.is_editable:
            return []
        return [str(problem) for problem in submission_problems(training_class)]


class DeclarationSerializer(serializers.ModelSerializer):
    """One 学时申报 (the person's list, 学时申报管理, the detail)."""

    organisation_name = serializers.CharField(source="organisation.name")
    id_number = IdNumberField()
    learning_form = serializers.ChoiceField(choices=LearningForm.choices)
    learning_form_display = serializers.CharField(source="get_learning_form_display")
    subject_type = serializers.ChoiceField(choices=SubjectType.choices)
    subject_type_display = serializers.CharField(source="get_subject_type_display")
    status = serializers.ChoiceField(choices=DeclarationStatus.choices)
    status_display = serializers.CharField(source="get_status_display")

    class Meta:
        ref_name = "ContinuingEducationDeclaration"
        model = HoursDeclaration
        fields = ("id", "organisation_id", "organisation_name", "staff_id", "name", "id_number", "on_behalf", "year",
                  "learning_form", "learning_form_display", "subject_type", "subject_type_display", "title",
                  "organiser", "starts_on", "ends_on", "hours", "proof_id", "status", "status_display",
                  "duplicate_note", "submitted_at", "approved_at", "updated_at")
        extra_kwargs = {"proof_id": {"allow_null": True}}


class OnlineResultSerializer(serializers.ModelSerializer):
    """One 网络培训成果 (imported from a 网授平台; credited to the archive at once)."""

    platform_name = serializers.CharField(source="platform.name")
    id_number = IdNumberField()
    subject_type = serializers.ChoiceField(choices=SubjectType.choices)

    class Meta:
        model = OnlineResult
        ref_name = "ContinuingEducationOnlineResult"
        fields = ("id", "platform_id", "platform_name", "name", "id_number", "course_name", "year", "subject_type",
                  "hours", "completed_on", "created_at")


class ArchiveEntrySerializer(serializers.ModelSerializer):
    """One credit of 查看培训历程."""

    source = serializers.ChoiceField(choices=HoursSource.choices)
    source_display = serializers.CharField(source="get_source_display")
    subject_type = serializers.ChoiceField(choices=SubjectType.choices)
    organisation_name = serializers.CharField(source="organisation.name", allow_null=True, default=None)

    class Meta:
        ref_name = "ContinuingEducationArchiveEntry"
        model = ArchiveEntry
        fields = ("id", "source", "source_display", "subject_type", "hours", "title", "organiser", "organisation_id",
                  "organisation_name", "occurred_on", "credited_at")
        extra_kwargs = {"organisation_id": {"allow_null": True}}


class MissingSerializer(serializers.Serializer):
    """尚缺学时 of the current year."""

    public = serializers.DecimalField(max_digits=7, decimal_places=1)
    professional = serializers.DecimalField(max_digits=7, decimal_places=1)
    total = serializers.DecimalField(max_digits=7, decimal_places=1)

    class Meta:
        ref_name = "ContinuingEducationMissing"


class _YearFields(serializers.Serializer):
    year = serializers.IntegerField()
    public_hours = serializers.DecimalField(max_digits=7, decimal_places=1)
    professional_hours = serializers.DecimalField(max_digits=7, decimal_places=1)
    class_hours = serializers.DecimalField(max_digits=7, decimal_places=1)
    online_hours = serializers.DecimalField(max_digits=7, decimal_places=1)
    declared_hours = serializers.DecimalField(max_digits=7, decimal_places=1)
    total_hours = serializers.DecimalField(max_digits=8, decimal_places=1)


class ArchiveYearSerializer(_YearFields):
    """查看培训历程: the person's year, its 认定结果 and 尚缺学时 (current year), and every credit. The view passes
    `result` and `missing` in the context, computed as the page computes them."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    id_number = IdNumberField()
    organisation_id = serializers.IntegerField(allow_null=True)
    organisation_name = serializers.CharField(source="organisation.name", allow_null=True, default=None)
    result = serializers.SerializerMethodField()
    result_display = serializers.SerializerMethodField()
    missing = serializers.SerializerMethodField()
    entries = ArchiveEntrySerializer(source="entries_list", many=True)  # the view's ordered, joined query

    class Meta:
        ref_name = "ContinuingEducationArchiveYear"

    @extend_schema_field(serializers.ChoiceField(choices=Result.choices))
    def get_result(self, item) -> str:
        return self.context["result"]

    def get_result_display(self, item) -> str:
        return str(Result(self.context["result"]).label)

    @extend_schema_field(MissingSerializer(allow_null=True))
    def get_missing(self, item):
        missing = self.context.get("missing")
        return MissingSerializer(missing).data if missing is not None else None


class ArchiveRowSerializer(serializers.Serializer):
    """A row of 培训档案: one person on the roster and the year's hours (0 when nothing is credited; archive_id
    null), as the list annotates them (selectors.archive.with_year)."""

    staff_id = serializers.IntegerField(source="pk")
    archive_id = serializers.IntegerField(source="archive_pk", allow_null=True)
    name = serializers.CharField()
    id_number = IdNumberField()
    organisation_id = serializers.IntegerField()
    organisation_name = serializers.CharField(source="organisation.name")
    year = serializers.IntegerField(source="archive_year")
    public_hours = serializers.DecimalField(max_digits=7, decimal_places=1)
    professional_hours = serializers.DecimalField(max_digits=7, decimal_places=1)
    class_hours = serializers.DecimalField(max_digits=7, decimal_places=1)
    online_hours = serializers.DecimalField(max_digits=7, decimal_places=1)
    declared_hours = serializers.DecimalField(max_digits=7, decimal_places=1)
    total_hours = serializers.DecimalField(max_digits=8, decimal_places=1)
    result = serializers.ChoiceField(choices=Result.choices)
    result_display = serializers.SerializerMethodField()
    missing = serializers.SerializerMethodField()

    class Meta:
        ref_name = "ContinuingEducationArchiveRow"

    def get_result_display(self, row) -> str:
        return str(Result(row.result).label)

    @extend_schema_field(MissingSerializer(allow_null=True))
    def get_missing(self, row):
        """尚缺学时 (the current year only), from the row's own annotations (no query)."""
        attach_missing([row], year=row.archive_year, today=timezone.localdate())
        return MissingSerializer(row.missing).data if row.missing else None


class PersonYearSerializer(serializers.Serializer):
    """我的培训档案: one year of the person (the current year even before anything is credited: archive_id null)."""

    archive_id = serializers.IntegerField(source="archive.pk", allow_null=True)
    year = serializers.IntegerField(source="archive.year")
    public_hours = serializers.DecimalField(source="archive.public_hours", max_digits=7, decimal_places=1)
    professional_hours = serializers.DecimalField(source="archive.professional_hours", max_digits=7,
                                                  decimal_places=1)
    online_hours = serializers.DecimalField(source="archive.online_hours", max_digits=7, decimal_places=1)
    total_hours = serializers.DecimalField(source="archive.total_hours", max_digits=8, decimal_places=1)
    result = serializers.ChoiceField(choices=Result.choices)
    result_display = serializers.CharField(source="result_label")
    missing = MissingSerializer(allow_null=True)

    class Meta:
        ref_name = "ContinuingEducationPersonYear"




class CorrectionChangeSerializer(serializers.Serializer):
    participant = serializers.IntegerField()
    name = serializers.CharField()
    hours_before = serializers.CharField(allow_null=True)
    assessment_before = serializers.ChoiceField(choices=[("", "")] + Assessment.choices, allow_blank=True)
    hours = serializers.CharField(allow_null=True)
    assessment = serializers.ChoiceField(choices=[("", "")] + Assessment.choices, allow_blank=True)

    class Meta:
        ref_name = "ContinuingEducationCorrectionChange"


class CorrectionSerializer(serializers.ModelSerializer):
    """培训成果更正申请 as the class page lists it, with its review (withdrawn or decided through the review API)."""

    status = serializers.ChoiceField(choices=CorrectionStatus.choices)
    status_display = serializers.CharField(source="get_status_display")
    changes = serializers.SerializerMethodField()
    review_id = serializers.SerializerMethodField()

    class Meta:
        ref_name = "ContinuingEducationCorrection"
        model = ResultsCorrection
        fields = ("id", "training_class_id", "reason", "status", "status_display", "changes", "review_id",
                  "created_at", "decided_at")

    @extend_schema_field(CorrectionChangeSerializer(many=True))
    def get_changes(self, correction):
        return CorrectionChangeSerializer(correction.payload.get("changes", []), many=True).data

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_review_id(self, correction):
        known = self.context.get("review_ids")  # a list's page, read at once
        if known is not None:
            return known.get(correction.pk)
        review = latest_review_for(correction)
        return None if review is None else review.pk
