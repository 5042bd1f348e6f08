"""What the API shows of reviews: the columns of 待我审核 and 我的申报, and the review page (chain, history,
the actions the caller may take now)."""

from rest_framework import serializers

from reviews.models import Decision, EventAction, ReviewerLevel, ReviewStatus, StepStatus
from reviews.registry import get_kind
from reviews.views import step_label

ACTIONS = ("approve", "reject", "return", "withdraw", "revoke")


def kind_label(key: str) -> str:
    try:
        return str(get_kind(key).label)
    except LookupError:
        return key


class ReviewSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    kind_label = serializers.SerializerMethodField()
    title = serializers.CharField()
    status = serializers.ChoiceField(choices=ReviewStatus.choices)
    status_display = serializers.CharField(source="get_status_display")
    round = serializers.IntegerField()
    submitter_org_id = serializers.IntegerField(allow_null=True)
    submitter_org_name = serializers.CharField(source="submitter_org.name", allow_null=True, default=None)
    submitted_by_name = serializers.CharField(source="submitted_by.real_name")
    submitted_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)

    def get_kind_label(self, review) -> str:
        return kind_label(review.kind)


class StepSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    position = serializers.IntegerField()
    level = serializers.ChoiceField(choices=ReviewerLevel.choices)
    label = serializers.SerializerMethodField(help_text="审核环节，如“金水区 区县”")
    is_filing = serializers.BooleanField()
    status = serializers.ChoiceField(choices=StepStatus.choices)
    status_display = serializers.CharField(source="get_status_display")
    decided_at = serializers.DateTimeField(allow_null=True)
    decided_by_name = serializers.CharField(source="decided_by.real_name", allow_null=True, default=None)
    decided_org_name = serializers.CharField(source="decided_org.name", allow_null=True, default=None)
    reason = serializers.CharField()

    def get_label(self, step) -> str:
        return step_label(step)


class InboxRowSerializer(serializers.Serializer):
    """One row of 待我审核 (a step of the caller's office) with its review."""

    step = StepSerializer(source="*")
    review = ReviewSummarySerializer()


class SubmissionSerializer(ReviewSummarySerializer):
    current_step = serializers.SerializerMethodField(help_text="审核中的事项当前所在环节")

    def get_current_step(self, review) -> str | None:
        if review.status != ReviewStatus.PENDING:
            return None
        current = next((step for step in review.steps.all() if step.status == StepStatus.PENDING), None)
        return step_label(current) if current else None


class EventSerializer(serializers.Serializer):
    review_id = serializers.IntegerField()
    action = serializers.ChoiceField(choices=EventAction.choices)
    action_display = serializers.CharField(source="get_action_display")
    step_label = serializers.SerializerMethodField()
    actor_name = serializers.CharField(source="actor.real_name")
    actor_org_name = serializers.CharField(source="actor_org.name", allow_null=True, default=None)
    reason = serializers.CharField()
    created_at = serializers.DateTimeField()

    def get_step_label(self, event) -> str | None:
        return step_label(event.step) if event.step_id else None


class ReviewDetailSerializer(ReviewSummarySerializer):
    """Filled by the view from the same context the review page builds (reviews.views._panel_context)."""

    steps = StepSerializer(many=True, source="api_steps")
    history = EventSerializer(many=True, source="api_history", help_text="该事项各轮申报的全部审核记录")
    available_actions = serializers.ListField(child=serializers.ChoiceField(choices=ACTIONS), source="api_actions",
                                              help_text="调用者现在可以执行的操作")
    current_step_id = serializers.IntegerField(allow_null=True, source="api_current_step_id")


class DecisionInput(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Decision.choices)
    reason = serializers.CharField(required=False, allow_blank=True, max_length=1000,
                                   help_text="选择“不通过”或“退回修改”时必须填写")
    step_id = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=2**63 - 1,
                                       help_text="省略时为当前待审核环节")


class ReasonInput(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=1000)
