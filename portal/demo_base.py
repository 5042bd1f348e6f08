"""What every programme's demo seed shares: the demo's organisations, users and day, a count of what the run
made, and approving a review step by step as each reviewer would on their screen."""

import datetime

from reviews.models import Decision, ReviewStatus
from reviews.rules import available_actions
from reviews.selectors import latest_review_for
from reviews.services import decide


class ProgrammeDemo:
    """Seeds one programme; `created` counts the rows (and state changes) this run made."""

    def __init__(self, *, organisations, users, today: datetime.date, id_number):
        self.organisations = organisations
        self.users = users
        self.today = today
        self.id_number = id_number
        self.created = 0

    def _decide(self, subject, *actors):
        """Approve the pending review's steps in turn, each by the next of `actors` (when it is theirs to decide)."""
        for actor in actors:
            review = latest_review_for(subject)
            if review is None or review.status != ReviewStatus.PENDING:
                return
            if Decision.APPROVE in available_actions(review, actor)["actions"]:
                decide(review_id=review.pk, actor=actor, decision=Decision.APPROVE)
                self.created += 1
