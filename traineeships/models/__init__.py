from traineeships.models.bases import BASE_TRANSITIONS, EDITABLE_BASE_STATUSES, BaseLevel, BaseStatus, TraineeshipBase
from traineeships.models.departures import (
    DEPARTURE_TRANSITIONS,
    EDITABLE_DEPARTURE_STATUSES,
    OPEN_DEPARTURE_STATUSES,
    Departure,
    DepartureStatus,
)
from traineeships.models.parameters import RegionParameter
from traineeships.models.people import (
    APPLICATION_TRANSITIONS,
    EARLY_END_REASONS,
    ENDED_STATUSES,
    LIFETIME_STATUSES,
    PAID_STATUSES,
    PLACEMENT_TRANSITIONS,
    Application,
    ApplicationStatus,
    EndReason,
    EndRequestedBy,
    GraduateRecord,
    MonthlyReport,
    Placement,
    PlacementStatus,
    PostInterest,
    RetentionOutcome,
    TraineeKind,
    TraineeProfile,
)
from traineeships.models.posts import (
    EDITABLE_POST_STATUSES,
    MAX_PERIOD_MONTHS,
    MIN_PERIOD_MONTHS,
    POST_TRANSITIONS,
    RESUBMITTABLE_POST_STATUSES,
    REVIEWED_STATUSES,
    Education,
    Post,
    PostStatus,
)

__all__ = [
    "APPLICATION_TRANSITIONS", "BASE_TRANSITIONS", "DEPARTURE_TRANSITIONS", "EDITABLE_BASE_STATUSES",
    "EDITABLE_DEPARTURE_STATUSES", "OPEN_DEPARTURE_STATUSES", "Departure", "DepartureStatus", "EDITABLE_POST_STATUSES",
    "RESUBMITTABLE_POST_STATUSES", "LIFETIME_STATUSES", "EARLY_END_REASONS", "ENDED_STATUSES", "PAID_STATUSES",
    "RetentionOutcome",
    "MAX_PERIOD_MONTHS", "MIN_PERIOD_MONTHS", "PLACEMENT_TRANSITIONS", "POST_TRANSITIONS", "REVIEWED_STATUSES",
    "Application", "ApplicationStatus", "BaseLevel", "BaseStatus", "Education", "EndReason", "EndRequestedBy",
    "GraduateRecord", "MonthlyReport", "Placement", "PlacementStatus", "Post", "PostInterest", "PostStatus",
    "RegionParameter", "TraineeKind", "TraineeProfile", "TraineeshipBase",
]
