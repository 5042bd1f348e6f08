"""What the API shows of the programme's records: the fields the screens show, masked as on screen."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.fields import IdNumberField
from internships.compliance import check_position, from_snapshot
from internships.models import (
    CONCLUDED_STATUSES,
    Appeal,
    Application,
    BlacklistEntry,
    Complaint,
    ComplaintCategory,
    Coverage,
    Evaluation,
    EvaluationSide,
    EvaluationStage,
    Internship,
    InternshipGroup,
    Policy,
    Position,
    PositionStatus,
)
from internships.rules import PROGRAMME
from internships.selectors.complaints import pending_appeal_of
from internships.selectors.insurance import coverages_of, may_add_to_policy
from internships.selectors.positions import may_manage_positions, profile_of
from internships.selectors.school import group_members
from internships.services.school import terms_digest
from organisations.jurisdiction import scope_for

POSITION_FIELDS = (
    "title", "department", "pay_min", "pay_max", "same_post_wage", "pay_period", "pay_method", "education",
    "places", "filled", "post_staff", "majors", "work_region", "address", "lodging", "night_shift", "overtime",
    "exemption_note", "apply_from", "apply_until", "starts_on", "ends_on", "description", "skills", "requirements",
    "charges_fees", "retains_documents", "entertainment_venue", "via_intermediary",
)


class CheckSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    passed = serializers.BooleanField()
    blocking = serializers.BooleanField()
    explanation = serializers.CharField()


class PositionSerializer(serializers.ModelSerializer):
    """The position's page (internships.views.positions._render_detail): a school or a student reading a
    published position of its pool sees the offer, not the compliance checklist (`checks` is null for them)."""

    enterprise_id = serializers.IntegerField()
    enterprise_name = serializers.CharField(source="enterprise.name")
    work_region = serializers.CharField(source="work_region.code")
    work_region_name = serializers.CharField(source="work_region.name")
    status_display = serializers.CharField(source="get_status_display")
    has_exemption = serializers.SerializerMethodField()
    checks = serializers.SerializerMethodField()

    class Meta:
        model = Position
        fields = ("id", "enterprise_id", "enterprise_name", *POSITION_FIELDS, "work_region_name", "has_exemption",
                  "status", "status_display", "published_at", "checks", "created_at", "updated_at")

    def get_has_exemption(self, position) -> bool:
        return position.exemption_id is not None

    @extend_schema_field(CheckSerializer(many=True, allow_null=True))
    def get_checks(self, position):
        user = self.context["request"].user
        own = may_manage_positions(user) and user.organisation_id == position.enterprise_id
        if not own and position.status == PositionStatus.PUBLISHED:
            scope = scope_for(user, PROGRAMME)
            if not (scope.everything or scope.region is not None):
                return None
        if own and position.status in (PositionStatus.DRAFT, PositionStatus.RETURNED, PositionStatus.CLOSED):
            checks = check_position(position, profile=profile_of(position.enterprise), today=timezone.localdate())
        else:
            checks = from_snapshot(position.compliance)
        return [check.as_dict() for check in checks]


class PositionRowSerializer(serializers.ModelSerializer):
    """A row of the enterprise's list (岗位管理)."""

    work_region_name = serializers.CharField(source="work_region.name")
    status_display = serializers.CharField(source="get_status_display")

    class Meta:
        model = Position
        fields = ("id", "title", "department", "places", "filled", "pay_min", "pay_max", "work_region_name",
                  "apply_from", "apply_until", "starts_on", "ends_on", "status", "status_display", "published_at",
                  "updated_at")


class PoolPositionSerializer(serializers.ModelSerializer):
    """A position of the student's open pool (the student's screens show the offer, not the checklist)."""

    enterprise_name = serializers.CharField(source="enterprise.name")
    work_region_name = serializers.CharField(source="work_region.name")
    places_left = serializers.IntegerField()

    class Meta:
        model = Position
        fields = ("id", "enterprise_name", "title", "department", "pay_min", "pay_max", "pay_period", "pay_method",
                  "education", "places", "places_left", "majors", "work_region_name", "address", "lodging",
                  "night_shift", "overtime", "apply_from", "apply_until", "starts_on", "ends_on", "description",
                  "skills", "requirements", "published_at")


class ApplicationSerializer(serializers.ModelSerializer):
    """An application as the enterprise's, the school's and the student's lists show it."""

    student_name = serializers.CharField(source="student.name")
    class_name = serializers.CharField(source="student.class_name")
    major = serializers.CharField(source="student.major")
    position_title = serializers.CharField(source="position.title")
    enterprise_name = serializers.CharField(source="enterprise.name")
    school_name = serializers.CharField(source="school.name")
    status_display = serializers.CharField(source="get_status_display")

    class Meta:
        ref_name = "InternshipApplication"
        model = Application
        fields = ("id", "student_id", "student_name", "class_name", "major", "position_id", "position_title",
                  "enterprise_id", "enterprise_name", "school_id", "school_name", "status", "status_display",
                  "choice_slot", "refusal_reason", "decided_at", "created_at")


class InternshipSerializer(serializers.ModelSerializer):
    """The internship's page (its parties, dates, group, agreement state; the agreement terms as the school
    filled them); the student's ID number masked unless the reader holds organisations.view_personal_data, as
    on screen."""

    student_name = serializers.CharField(source="student.name")
    class_name = serializers.CharField(source="student.class_name")
    major = serializers.CharField(source="student.major")
    position_title = serializers.CharField(source="position.title")
    enterprise_name = serializers.CharField(source="enterprise.name")
    school_name = serializers.CharField(source="school.name")
    status_display = serializers.CharField(source="get_status_display")
    student_id_number = IdNumberField(source="student.id_number")
    group_name = serializers.CharField(source="group.name", allow_null=True, default=None)
    teacher_name = serializers.CharField(source="group.teacher_name", allow_null=True, default=None)
    teacher_phone = serializers.CharField(source="group.teacher_phone", allow_null=True, default=None)
    mentor_name = serializers.CharField(source="group.mentor_name", allow_null=True, default=None)
    mentor_phone = serializers.CharField(source="group.mentor_phone", allow_null=True, default=None)
    agreement_terms = serializers.DictField()
    terms_digest = serializers.SerializerMethodField(help_text="学生确认协议时回传（确认的是所读的条款）")
    has_consent_form = serializers.SerializerMethodField()
    has_agreement_copy = serializers.SerializerMethodField()

    class Meta:
        model = Internship
        fields = ("id", "student_id", "student_name", "student_id_number", "class_name", "major", "position_id",
                  "position_title", "enterprise_id", "enterprise_name", "school_id", "school_name", "status",
                  "status_display", "starts_on", "ends_on", "group_name", "teacher_name", "teacher_phone",
                  "mentor_name", "mentor_phone", "agreement_terms", "terms_digest", "student_confirmed_at",
                  "agreement_signed_at", "has_consent_form", "has_agreement_copy", "arrived_on", "ended_on",
                  "end_reason", "created_at", "updated_at")

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_terms_digest(self, internship):
        return terms_digest(internship.agreement_terms) if internship.agreement_terms else None

    def get_has_consent_form(self, internship) -> bool:
        return internship.consent_form_id is not None

    def get_has_agreement_copy(self, internship) -> bool:
        return internship.agreement_copy_id is not None


class EvaluationSerializer(serializers.ModelSerializer):
    side_display = serializers.CharField(source="get_side_display")
    stage_display = serializers.CharField(source="get_stage_display")
    grade_display = serializers.CharField(source="get_grade_display")
    created_by_name = serializers.CharField(source="created_by.real_name")

    class Meta:
        model = Evaluation
        fields = ("id", "side", "side_display", "stage", "stage_display", "grade", "grade_display", "comment",
                  "created_by_name", "created_at")


class EvaluationsSerializer(serializers.Serializer):
    """The internship's evaluations page: both sides' evaluations, the reader's side and what they may still
    write."""

    internship_id = serializers.IntegerField(source="internship.pk")
    side = serializers.ChoiceField(choices=EvaluationSide.choices, allow_null=True)
    open_stages = serializers.ListField(child=serializers.ChoiceField(choices=EvaluationStage.choices))
    evaluations = EvaluationSerializer(many=True)


class CoverageSerializer(serializers.ModelSerializer):
    """One insured student of a policy, as the policy's page lists them (ID number masked by permission)."""

    student_name = serializers.CharField(source="student.name")
    student_id_number = IdNumberField(source="student.id_number")
    class_name = serializers.CharField(source="student.class_name")
    school_name = serializers.CharField(source="internship.school.name")
    internship_starts_on = serializers.DateField(source="internship.starts_on")
    internship_ends_on = serializers.DateField(source="internship.ends_on")

    class Meta:
        model = Coverage
        fields = ("id", "student_id", "student_name", "student_id_number", "class_name", "internship_id",
                  "school_name", "internship_starts_on", "internship_ends_on", "starts_on", "ends_on")


class PolicyRowSerializer(serializers.ModelSerializer):
    """A row of 实习保险 (the policies the reader sees)."""

    enterprise_name = serializers.CharField(source="enterprise.name")
    filed_by_organisation_name = serializers.CharField(source="filed_by_organisation.name")

    class Meta:
        model = Policy
        fields = ("id", "policy_number", "insurer", "starts_on", "ends_on", "enterprise_id", "enterprise_name",
                  "filed_by_organisation_id", "filed_by_organisation_name", "is_internship_liability",
                  "created_at")


class PolicySerializer(PolicyRowSerializer):
    """The policy's page: the policy, its insured students, and whether the reader may add students."""

    coverages = serializers.SerializerMethodField()
    can_add_students = serializers.SerializerMethodField()

    class Meta(PolicyRowSerializer.Meta):
        fields = (*PolicyRowSerializer.Meta.fields, "can_add_students", "coverages")

    @extend_schema_field(CoverageSerializer(many=True))
    def get_coverages(self, policy):
        return CoverageSerializer(coverages_of(policy), many=True, context=self.context).data

    def get_can_add_students(self, policy) -> bool:
        return may_add_to_policy(self.context["request"].user, policy)


class AppealBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField()
    status_display = serializers.CharField()


class ComplaintSerializer(serializers.ModelSerializer):
    """A complaint as the lists and its page show it, with its appeals (latest first) and whether the enterprise
    may appeal it now (concluded, no appeal pending)."""

    student_name = serializers.CharField(source="student.name")
    enterprise_name = serializers.CharField(source="enterprise.name")
    school_name = serializers.CharField(source="school.name")
    position_title = serializers.CharField(source="internship.position.title")
    categories = serializers.ListField(child=serializers.ChoiceField(choices=ComplaintCategory.choices))
    category_labels = serializers.ListField(child=serializers.CharField())
    status_display = serializers.CharField(source="get_status_display")
    appeals = serializers.SerializerMethodField()
    appealable = serializers.SerializerMethodField()

    class Meta:
        model = Complaint
        fields = ("id", "internship_id", "student_name", "enterprise_id", "enterprise_name", "school_id",
                  "school_name", "position_title", "categories", "category_labels", "details", "status",
                  "status_display", "conclusion", "concluded_at", "created_at", "appeals", "appealable")

    @extend_schema_field(AppealBriefSerializer(many=True))
    def get_appeals(self, complaint):
        return [{"id": appeal.pk, "status": appeal.status, "status_display": appeal.get_status_display()}
                for appeal in getattr(complaint, "appeal_list", complaint.appeals.all())]

    def get_appealable(self, complaint) -> bool:
        return complaint.status in CONCLUDED_STATUSES and pending_appeal_of(complaint) is None


class AppealSerializer(serializers.ModelSerializer):
    enterprise_name = serializers.CharField(source="enterprise.name")
    school_name = serializers.CharField(source="school.name")
    status_display = serializers.CharField(source="get_status_display")
    complaint_ids = serializers.SerializerMethodField()
    created_by_name = serializers.CharField(source="created_by.real_name")
    decided_by_name = serializers.CharField(source="decided_by.real_name", allow_null=True, default=None)

    class Meta:
        model = Appeal
        fields = ("id", "enterprise_id", "enterprise_name", "school_id", "school_name", "complaint_ids", "text",
                  "status", "status_display", "decision", "decided_by_name", "decided_at", "created_by_name",
                  "created_at")

    def get_complaint_ids(self, appeal) -> list[int]:
        return [complaint.pk for complaint in appeal.complaints.all()]


class BlacklistEntrySerializer(serializers.ModelSerializer):
    """A blacklisting as 黑名单管理 and its page show it."""

    enterprise_name = serializers.CharField(source="enterprise.name")
    enterprise_credit_code = serializers.CharField(source="enterprise.credit_code")
    reason_display = serializers.CharField(source="get_reason_display")
    status_display = serializers.CharField(source="get_status_display")
    proposing_organisation_name = serializers.CharField(source="proposing_organisation.name")
    proposed_by_name = serializers.CharField(source="proposed_by.real_name")
    has_evidence = serializers.SerializerMethodField()

    class Meta:
        model = BlacklistEntry
        fields = ("id", "enterprise_id", "enterprise_name", "enterprise_credit_code", "reason", "reason_display",
                  "details", "has_evidence", "status", "status_display", "proposing_organisation_id",
                  "proposing_organisation_name", "proposed_by_name", "listed_at", "removed_at", "removal_reason",
                  "created_at", "updated_at")

    def get_has_evidence(self, entry) -> bool:
        return entry.evidence_id is not None


class GroupMemberSerializer(serializers.ModelSerializer):
    student_name = serializers.CharField(source="student.name")
    class_name = serializers.CharField(source="student.class_name")
    position_title = serializers.CharField(source="position.title")

    class Meta:
        model = Internship
        fields = ("id", "student_id", "student_name", "class_name", "position_title", "status", "starts_on",
                  "ends_on")


class GroupRowSerializer(serializers.ModelSerializer):
    """A row of 实习分组 (the school's) or 实习分组管理 (the enterprise's), with its active interns' count."""

    school_name = serializers.CharField(source="school.name")
    enterprise_name = serializers.CharField(source="enterprise.name")
    members = serializers.IntegerField()

    class Meta:
        model = InternshipGroup
        fields = ("id", "school_id", "school_name", "enterprise_id", "enterprise_name", "name", "teacher_name",
                  "teacher_phone", "mentor_name", "mentor_phone", "mentor_assigned_at", "members", "created_at")


class GroupSerializer(GroupRowSerializer):
    """One group with its interns (the group's page)."""

    members = serializers.SerializerMethodField()

    @extend_schema_field(GroupMemberSerializer(many=True))
    def get_members(self, group):
        return GroupMemberSerializer(group_members(group), many=True).data
