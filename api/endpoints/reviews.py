"""审核与申报 through the API, for every programme at once: 待我审核, 我的申报, one review with its chain and
history, and the decisions. Lists go through the screens' filters (reviews.views.filtered_inbox /
filtered_submissions), writes through reviews.services; a decision needs the review kind's programme scope
(`<programme>:review`), a withdrawal `<programme>:write`."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.views import APIView

from accounts.rules import is_individual
from api import scopes
from api.endpoints.params import live_query_parameters
from api.endpoints.review_serializers import (
    DecisionInput,
    InboxRowSerializer,
    ReasonInput,
    ReviewDetailSerializer,
    SubmissionSerializer,
)
from api.forms import bind, bind_query
from api.permissions import require_scope
from api.responses import object_response
from reviews import rules, services
from reviews.forms import DecisionForm, InboxFilterForm, MineFilterForm, ReasonForm
from reviews.registry import get_kind
from reviews.selectors import get_review_for_user, history_for_subject, reviews_of_subject
from reviews.views import filtered_inbox, filtered_submissions

TAGS = ["审核与申报"]


class ApiDecisionForm(DecisionForm):
    """The screen's decision form; the step may be left out and is then the review's current step."""

    step_id = forms.IntegerField(required=False, min_value=1, max_value=2**63 - 1)


def programme_of_review(review) -> str:
    try:
        return scopes.programme_of_permission(get_kind(review.kind).decide_permission)
    except LookupError:
        return scopes.FOUNDATION


def review_detail(request, pk):
    """The review as the review page shows it (reviews.views._panel_context): chain, history, actions."""
    review = get_review_for_user(request.user, pk)
    steps = list(review.steps.select_related("region", "reviewer_org", "decided_by", "decided_org"))
    subject = review.subject
    if subject is not None:
        rounds = list(reviews_of_subject(subject))
        history = history_for_subject(subject).select_related("step__region", "step__reviewer_org", "actor_org")
    else:
        rounds = [review]
        history = review.events.select_related("actor", "actor_org", "step__region", "step__reviewer_org")
    answer = rules.available_actions(review, request.user, steps=steps, rounds=rounds)
    review.api_steps = steps
    review.api_history = list(history)
    review.api_actions = sorted(answer["actions"])
    review.api_current_step_id = answer["current_step"].pk if answer["current_step"] else None
    return object_response(request, ReviewDetailSerializer, review)


class Inbox(ListAPIView):
    """待我审核: the steps waiting for the caller's office (status=decided / filed for the other tabs)."""

    serializer_class = InboxRowSerializer

    @extend_schema(operation_id="reviews_inbox_list", summary=_("待我审核"), tags=TAGS,
                   parameters=live_query_parameters(InboxFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not rules.may_review(self.request.user):
            raise PermissionDenied
        bind_query(self.request, InboxFilterForm)  # a refused filter is a 400, not an empty page
        _form, _tab, steps = filtered_inbox(self.request.user, self.request.query_params)
        return steps.select_related("decided_org")


class Submissions(ListAPIView):
    """我的申报: the organisation's submissions (or a person's own)."""

    serializer_class = SubmissionSerializer

    @extend_schema(operation_id="reviews_submissions_list", summary=_("我的申报"), tags=TAGS,
                   parameters=live_query_parameters(MineFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        user = self.request.user
        if not (user.organisation_id or is_individual(user)):
            raise PermissionDenied
        bind_query(self.request, MineFilterForm)
        _form, reviews = filtered_submissions(user, self.request.query_params)
        return reviews.prefetch_related("steps__region", "steps__reviewer_org")


class ReviewDetail(APIView):
    @extend_schema(operation_id="reviews_retrieve", summary=_("审核事项详情"), tags=TAGS,
                   responses=ReviewDetailSerializer)
    def get(self, request, pk):
        review = get_review_for_user(request.user, pk)
        require_scope(request, scopes.scope(programme_of_review(review), scopes.READ))
        return review_detail(request, pk)


class Decide(APIView):
    @extend_schema(operation_id="reviews_decide", summary=_("作出审核结论（通过、不通过、退回修改）"), tags=TAGS,
                   request=DecisionInput, responses=ReviewDetailSerializer,
                   description=_("所需权限范围：该审核事项所属业务的“审核”。他人已先处理时返回409。"))
    def post(self, request, pk):
        review = get_review_for_user(request.user, pk)
        require_scope(request, scopes.scope(programme_of_review(review), scopes.REVIEW))
        form = bind(ApiDecisionForm, request.data)
        services.decide(review_id=review.pk, actor=request.user, decision=form.cleaned_data["decision"],
                        reason=form.cleaned_data["reason"], step_id=form.cleaned_data["step_id"])
        return review_detail(request, pk)


class _ReasonAction(APIView):
    action = ""
    scope_action = ""

    def post(self, request, pk):
        review = get_review_for_user(request.user, pk)
        require_scope(request, scopes.scope(programme_of_review(review), self.scope_action))
        form = bind(ReasonForm, request.data)
        service = services.withdraw if self.action == "withdraw" else services.revoke
        service(review_id=review.pk, actor=request.user, reason=form.cleaned_data["reason"])
        return review_detail(request, pk)


class Withdraw(_ReasonAction):
    action, scope_action = "withdraw", scopes.WRITE

    @extend_schema(operation_id="reviews_withdraw", summary=_("撤回申报"), tags=TAGS, request=ReasonInput,
                   responses=ReviewDetailSerializer,
                   description=_("所需权限范围：该审核事项所属业务的“写入”。审核部门已作出审核后返回409。"))
    def post(self, request, pk):
        return super().post(request, pk)


class Revoke(_ReasonAction):
    action, scope_action = "revoke", scopes.REVIEW

    @extend_schema(operation_id="reviews_revoke", summary=_("撤销审核结论"), tags=TAGS, request=ReasonInput,
                   responses=ReviewDetailSerializer,
                   description=_("所需权限范围：该审核事项所属业务的“审核”。上级已审核后返回409。"))
    def post(self, request, pk):
        return super().post(request, pk)

