"""The state × action × role matrix of the review engine.

The subject is enterprise A, reviewed by 金水区 (county), then 郑州市 (city), then filed with 河南省.
For every state a review can be in, every action, and every persona, the table says exactly what happens:
Ok(review status, step statuses) when allowed, or No(exception, message) when refused (nothing changes)."""

from dataclasses import dataclass

import pytest
from django.core.exceptions import PermissionDenied

from reviews import services
from reviews.models import ReviewEvent, ReviewStatus
from reviews.services import ReviewConflict
from tests.reviews.conftest import REASON, bring_to, step_statuses


@dataclass(frozen=True)
class Ok:
    review: str  # the review's status afterwards (for resubmit: the new round's)
    steps: tuple  # its steps' statuses: county, city, province filing
    round: int = 1


@dataclass(frozen=True)
class No:
    error: type
    message: str


PERSONAS = ["submitter", "member", "other_admin", "county_a", "county_b", "city", "province", "outsider"]
STATES = ["pending_county", "pending_city", "approved", "rejected", "returned", "withdrawn"]
REVIEW_STATUS_OF = {"pending_county": "pending", "pending_city": "pending", "approved": "approved",
                    "rejected": "rejected", "returned": "returned", "withdrawn": "withdrawn"}
ACTIONS = ["approve", "reject", "return", "withdraw", "revoke", "resubmit"]

NOT_REVIEWER = No(PermissionDenied, "您不是该环节的审核人")
LOWER_FIRST = No(PermissionDenied, "下级尚未审核，暂不能审核")
NOT_DECIDER = No(PermissionDenied, "只有作出该审核结论的部门可以撤销")
MAY_NOT_WITHDRAW = No(PermissionDenied, "您无权撤回该事项")
MAY_NOT_SUBMIT = No(PermissionDenied, "您无权提交该事项")
ALREADY_PENDING = No(ReviewConflict, "该事项已在审核中，请勿重复提交")
ALREADY_APPROVED = No(ReviewConflict, "该事项已审核通过，无需重复提交")
NOTHING_TO_REVOKE = No(ReviewConflict, "该事项尚无审核结论，无需撤销")
CLOSED = No(ReviewConflict, "该事项已办结，不能撤回")
DECIDED_ALREADY = No(ReviewConflict, "审核部门已作出审核，不能撤回")
HIGHER_ACTED = No(ReviewConflict, "上级已作出审核，不能撤销")
ROUND_TWO = Ok("pending", ("pending", "waiting", "waiting"), round=2)


def finished(label):
    return No(ReviewConflict, f"该事项已被处理（当前状态：{label}），请刷新页面查看最新结果")


def decided_states(label):
    return {action: {"*": finished(label)} for action in ("approve", "reject", "return")}


# "*" is everyone not named in the row.
MATRIX = {
    "pending_county": {
        "approve": {"county_a": Ok("pending", ("approved", "pending", "waiting")), "city": LOWER_FIRST,
                    "*": NOT_REVIEWER},
        "reject": {"county_a": Ok("rejected", ("rejected", "cancelled", "cancelled")), "city": LOWER_FIRST,
                   "*": NOT_REVIEWER},
        "return": {"county_a": Ok("returned", ("returned", "cancelled", "cancelled")), "city": LOWER_FIRST,
                   "*": NOT_REVIEWER},
        "withdraw": {"submitter": Ok("withdrawn", ("cancelled", "cancelled", "cancelled")), "*": MAY_NOT_WITHDRAW},
        "revoke": {"*": NOTHING_TO_REVOKE},
        "resubmit": {"submitter": ALREADY_PENDING, "*": MAY_NOT_SUBMIT},
    },
    "pending_city": {
        "approve": {"city": Ok("approved", ("approved", "approved", "filed")), "*": NOT_REVIEWER},
        "reject": {"city": Ok("rejected", ("approved", "rejected", "cancelled")), "*": NOT_REVIEWER},
        "return": {"city": Ok("returned", ("approved", "returned", "cancelled")), "*": NOT_REVIEWER},
        "withdraw": {"submitter": DECIDED_ALREADY, "*": MAY_NOT_WITHDRAW},
        "revoke": {"county_a": Ok("pending", ("pending", "waiting", "waiting")), "*": NOT_DECIDER},
        "resubmit": {"submitter": ALREADY_PENDING, "*": MAY_NOT_SUBMIT},
    },
    "approved": {
        **decided_states("审核通过"),
        "withdraw": {"submitter": CLOSED, "*": MAY_NOT_WITHDRAW},
        "revoke": {"city": Ok("pending", ("approved", "pending", "waiting")), "county_a": HIGHER_ACTED,
                   "*": NOT_DECIDER},
        # An approved subject is not submitted again unless its kind says so (resubmit_after_approval).
        "resubmit": {"submitter": ALREADY_APPROVED, "*": MAY_NOT_SUBMIT},
    },
    "rejected": {
        **decided_states("审核不通过"),
        "withdraw": {"submitter": CLOSED, "*": MAY_NOT_WITHDRAW},
        "revoke": {"county_a": Ok("pending", ("pending", "waiting", "waiting")), "*": NOT_DECIDER},
        "resubmit": {"submitter": ROUND_TWO, "*": MAY_NOT_SUBMIT},
    },
    "returned": {
        **decided_states("退回修改"),
        "withdraw": {"submitter": CLOSED, "*": MAY_NOT_WITHDRAW},
        "revoke": {"county_a": Ok("pending", ("pending", "waiting", "waiting")), "*": NOT_DECIDER},
        "resubmit": {"submitter": ROUND_TWO, "*": MAY_NOT_SUBMIT},
    },
    "withdrawn": {
        **decided_states("已撤回"),
        "withdraw": {"submitter": CLOSED, "*": MAY_NOT_WITHDRAW},
        "revoke": {"*": NOTHING_TO_REVOKE},
        "resubmit": {"submitter": ROUND_TWO, "*": MAY_NOT_SUBMIT},
    },
}


def expected(state, action, persona):
    row = MATRIX[state][action]
    return row.get(persona, row["*"])


CASES = [
    pytest.param(state, action, persona, id=f"{state}-{action}-{persona}")
    for state in STATES
    for action in ACTIONS
    for persona in PERSONAS
]


def test_the_table_is_complete():
    assert set(MATRIX) == set(STATES)
    for state in STATES:
        assert set(MATRIX[state]) == set(ACTIONS), state
        for action in ACTIONS:
            assert "*" in MATRIX[state][action], (state, action)
            assert set(MATRIX[state][action]) - {"*"} <= set(PERSONAS), (state, action)


def perform(action, *, review, actor, kind, subject):
    if action in ("approve", "reject", "return"):
        reason = "" if action == "approve" else REASON
        return services.decide(review_id=review.pk, actor=actor, decision=action, reason=reason)
    if action == "withdraw":
        return services.withdraw(review_id=review.pk, actor=actor)
    if action == "revoke":
        return services.revoke(review_id=review.pk, actor=actor)
    return services.submit(kind_key=kind.key, subject=subject, actor=actor)


@pytest.mark.parametrize(("state", "action", "persona"), CASES)
def test_matrix(state, action, persona, cast, org_kind, enterprise_a):
    review = bring_to(state, kind=org_kind, subject=enterprise_a, submitter=cast["submitter"],
                      county=cast["county_a"], city=cast["city"])
    steps_before = step_statuses(review)
    events_before = ReviewEvent.objects.count()
    actor = cast[persona]
    outcome = expected(state, action, persona)

    if isinstance(outcome, No):
        with pytest.raises((PermissionDenied, ReviewConflict)) as caught:
            perform(action, review=review, actor=actor, kind=org_kind, subject=enterprise_a)
        assert type(caught.value) is outcome.error
        messages = caught.value.messages if isinstance(caught.value, ReviewConflict) else [str(caught.value)]
        assert messages == [outcome.message]
        review.refresh_from_db()
        assert review.status == REVIEW_STATUS_OF[state]
        assert step_statuses(review) == steps_before
        assert ReviewEvent.objects.count() == events_before
        return

    result = perform(action, review=review, actor=actor, kind=org_kind, subject=enterprise_a)
    result.refresh_from_db()
    assert (result.status, step_statuses(result), result.round) == (outcome.review, outcome.steps, outcome.round)
    if action == "resubmit":
        assert result.pk != review.pk
        review.refresh_from_db()
        assert review.status == state  # the earlier round keeps its outcome
    last = ReviewEvent.objects.filter(review=result).latest("id")
    assert last.actor == actor
    assert last.action == {
        "approve": "filed" if outcome.review == ReviewStatus.APPROVED else "approved",
        "reject": "rejected",
        "return": "returned",
        "withdraw": "withdrawn",
        "revoke": "revoked",
        "resubmit": "submitted",
    }[action]
