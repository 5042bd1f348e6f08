"""What the API shows of the programme's records: the fields the screens show, masked as on screen."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.fields import BankAccountField, IdNumberField, MobileField
from claims.models import Claim, ClaimLine
from traineeships.models import Application, Departure, Placement, Post, TraineeProfile, TraineeshipBase
from traineeships.selectors import interested_post_ids
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


# The new records' state fields are plain strings in the schema, their labels beside them (`…_display`): each
# programme has its own "status" choices, and drf-spectacular would otherwise name them by collision hashes.
STATE_HELP = "代码值；中文名称见同名 _display 字段"


# --- 见习岗位


class PostSerializer(serializers.ModelSerializer):
    organisation_id = serializers.IntegerField(source="base.organisation_id")
    status = serializers.CharField(help_text=STATE_HELP)
    status_display = serializers.CharField(source="get_status_display")
    education_display = serializers.CharField(source="get_education_display")
    work_region_name = serializers.CharField(source="work_region.name")

    class Meta:
        model = Post
        fields = ("id", "base_id", "organisation_id", "unit_name", "title", "places", "majors", "education",
                  "education_display", "work_region_id", "work_region_name", "address", "monthly_allowance",
                  "period_months", "description", "contact_person", "contact_phone", "status", "status_display",
                  "published_at", "created_at", "updated_at")


# --- 报名


class PostBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Post
        fields = ("id", "title", "unit_name")


class ApplicationSerializer(serializers.ModelSerializer):
    """An application as the unit sees it on 报名审核: the applicant's identifiers masked as on screen."""

    post = PostBriefSerializer()
    person_name = serializers.CharField(source="person.real_name")
    person_id_number = IdNumberField(source="person.id_number")
    person_mobile = MobileField(source="person.mobile")
    education = serializers.SerializerMethodField()
    major = serializers.SerializerMethodField()
    status = serializers.CharField(help_text=STATE_HELP)
    status_display = serializers.CharField(source="get_status_display")

    class Meta:
        ref_name = "TraineeshipApplication"
        model = Application
        fields = ("id", "post", "person_name", "person_id_number", "person_mobile", "education", "major",
                  "status", "status_display", "applied_at", "decided_at", "reason", "withdrawn_at", "closed_at",
                  "close_reason")

    def get_education(self, application) -> str:
        profile = getattr(application.person, "trainee_profile", None)
        return profile.get_education_display() if profile is not None and profile.education else ""

    def get_major(self, application) -> str:
        profile = getattr(application.person, "trainee_profile", None)
        return profile.major if profile is not None else ""


class OwnApplicationSerializer(serializers.ModelSerializer):
    """The young person's own application (已报岗位管理): no identifiers, they are the person's own."""

    post = PostBriefSerializer()
    status = serializers.CharField(help_text=STATE_HELP)
    status_display = serializers.CharField(source="get_status_display")
    placement_id = serializers.SerializerMethodField()

    class Meta:
        model = Application
        fields = ("id", "post", "status", "status_display", "applied_at", "decided_at", "reason", "withdrawn_at",
                  "closed_at", "close_reason", "placement_id")

    def get_placement_id(self, application) -> int | None:
        placement = getattr(application, "placement", None)
        return placement.pk if placement is not None else None


# --- 上岗登记与离岗


class PlacementSerializer(serializers.ModelSerializer):
    end_reason = serializers.CharField(help_text=STATE_HELP)
    retention_outcome = serializers.CharField(help_text=STATE_HELP)
    post = PostBriefSerializer()
    organisation_id = serializers.IntegerField(source="base.organisation_id")
    person_name = serializers.CharField(source="person.real_name")
    person_id_number = IdNumberField(source="person.id_number")
    person_mobile = MobileField(source="person.mobile")
    status = serializers.CharField(help_text=STATE_HELP)
    status_display = serializers.CharField(source="get_status_display")

    class Meta:
        model = Placement
        fields = ("id", "application_id", "post", "organisation_id", "person_name", "person_id_number",
                  "person_mobile", "start_on", "end_on", "monthly_allowance", "insurance_company",
                  "insurance_policy_number", "insurance_premium", "insurance_sum_insured", "insurance_valid_from",
                  "insurance_valid_to", "place_number", "agreement_scan_id", "status", "status_display",
                  "approved_at", "ended_on", "end_reason", "retained_on", "retention_outcome", "retention_due_on",
                  "created_at", "updated_at")


class DepartureSerializer(serializers.ModelSerializer):
    person_name = serializers.CharField(source="placement.person.real_name")
    status = serializers.CharField(help_text=STATE_HELP)
    status_display = serializers.CharField(source="get_status_display")
    reason = serializers.CharField(help_text=STATE_HELP)
    reason_display = serializers.CharField(source="get_reason_display")
    requested_by = serializers.CharField(help_text=STATE_HELP)

    class Meta:
        model = Departure
        fields = ("id", "placement_id", "person_name", "requested_by", "status", "status_display", "left_on",
                  "reason", "reason_display", "note", "certificate_scan_id", "unit_reply", "created_at",
                  "updated_at")


# --- 补贴申领


class ClaimLineSerializer(serializers.ModelSerializer):
    person_name = serializers.CharField(source="person.real_name")
    person_id_number = IdNumberField(source="person.id_number")
    kind = serializers.CharField(help_text=STATE_HELP)
    kind_display = serializers.CharField(source="get_kind_display")

    class Meta:
        model = ClaimLine
        fields = ("id", "position", "person_name", "person_id_number", "kind", "kind_display", "month", "amount",
                  "explanation", "counted")


class ClaimSerializer(serializers.ModelSerializer):
    organisation_name = serializers.CharField(source="organisation.name")
    status = serializers.CharField(help_text=STATE_HELP)
    status_display = serializers.CharField(source="get_status_display")

    class Meta:
        model = Claim
        fields = ("id", "number", "organisation_id", "organisation_name", "first_month", "last_month",
                  "corrects_id", "status", "status_display", "total", "note", "created_at", "submitted_at",
                  "approved_at", "paid_on", "voucher_number", "updated_at")


class ClaimDetailSerializer(ClaimSerializer):
    lines = serializers.SerializerMethodField()

    class Meta(ClaimSerializer.Meta):
        fields = (*ClaimSerializer.Meta.fields, "lines")

    @extend_schema_field(ClaimLineSerializer(many=True))
    def get_lines(self, claim):
        lines = claim.lines.select_related("person").order_by("position", "id")
        return ClaimLineSerializer(lines, many=True, context=self.context).data


class OwnPlacementSerializer(serializers.ModelSerializer):
    """我的见习: the trainee's own registration and its departures (no identifiers: they are the person's own)."""

    post = PostBriefSerializer()
    status = serializers.CharField(help_text=STATE_HELP)
    status_display = serializers.CharField(source="get_status_display")
    departures = serializers.SerializerMethodField()

    class Meta:
        model = Placement
        fields = ("id", "application_id", "post", "start_on", "end_on", "monthly_allowance", "status",
                  "status_display", "ended_on", "retained_on", "departures", "updated_at")

    @extend_schema_field(DepartureSerializer(many=True))
    def get_departures(self, placement):
        departures = placement.departures.select_related("placement__person").order_by("-created_at", "-id")
        return DepartureSerializer(departures, many=True, context=self.context).data


# --- 公开岗位 and 见习意向


class PublicPostSerializer(serializers.ModelSerializer):
    """A published post as the public pages show it, and whether the caller marked it 感兴趣 (false for anyone
    who cannot)."""

    education_display = serializers.CharField(source="get_education_display")
    work_region_name = serializers.CharField(source="work_region.name")
    work_region_full_name = serializers.CharField(source="work_region.full_name")
    interested = serializers.SerializerMethodField()

    class Meta:
        model = Post
        fields = ("id", "title", "unit_name", "places", "majors", "education", "education_display", "work_region_id",
                  "work_region_name", "work_region_full_name", "address", "monthly_allowance", "period_months",
                  "description", "contact_person", "contact_phone", "published_at", "interested")

    def get_interested(self, post) -> bool:
        # One query for the page, not one per post: the caller's marks are kept on the request.
        request = self.context["request"]
        marked = getattr(request, "_traineeship_interested", None)
        if marked is None:
            marked = request._traineeship_interested = interested_post_ids(request.user)
        return post.pk in marked


class IntentionSerializer(serializers.ModelSerializer):
    """The person's 见习意向表 (their own contact details, unmasked as on their screen); the ID document's
    details are asked of young job seekers only and empty for graduates."""

    kind_display = serializers.CharField(source="get_kind_display")
    household_region_id = serializers.CharField(allow_null=True)
    intended_region_id = serializers.CharField(allow_null=True)
    contact_mobile = serializers.CharField()
    education = serializers.CharField()
    id_document_type = serializers.CharField()

    class Meta:
        model = TraineeProfile
        fields = ("kind", "kind_display", "household_region_id", "address", "email", "contact_mobile",
                  "intended_region_id", "intended_post", "intended_industry", "intention_note", "education", "major",
                  "id_document_type", "id_issuing_authority", "id_valid_from", "id_valid_to", "id_valid_long_term",
                  "intention_submitted_at")
