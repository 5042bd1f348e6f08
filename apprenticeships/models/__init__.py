from apprenticeships.models.attendance import AttendanceMark, AttendanceSession, Mark
from apprenticeships.models.changes import (
    OPEN_TEACHER_CHANGE_STATUSES,
    TEACHER_CHANGE_TRANSITIONS,
    ChangeKind,
    ChangeRecord,
    DateChange,
    TeacherChange,
    TeacherChangeStatus,
    TeacherSwap,
)
from apprenticeships.models.claims import ClaimDetails, ClaimMaterial, ClaimPerson, ClaimStage
from apprenticeships.models.ecosystem import EcosystemRecognition, EcosystemRole
from apprenticeships.models.filings import (
    ECOSYSTEM_TYPES,
    EDITABLE_STATUSES,
    FILING_TRANSITIONS,
    HOLDING_STATUSES,
    LEVEL_ORDER,
    UPLIFT_LEVELS,
    ApprenticeshipType,
    Filing,
    FilingMaterial,
    FilingStatus,
    TargetLevel,
    TrainingClass,
    TrainingMode,
)
from apprenticeships.models.parameters import (
    MAX_UPLIFT,
    NATIONAL_FLOOR_PER_YEAR,
    RuleSet,
    ShortageOccupation,
    SubsidyStandard,
)
from apprenticeships.models.people import Course, Delivery, Education, Teacher, TeacherKind, Trainee
from apprenticeships.models.venues import Venue

__all__ = [
    "ECOSYSTEM_TYPES", "EDITABLE_STATUSES", "FILING_TRANSITIONS", "HOLDING_STATUSES", "LEVEL_ORDER", "MAX_UPLIFT",
    "NATIONAL_FLOOR_PER_YEAR", "OPEN_TEACHER_CHANGE_STATUSES", "TEACHER_CHANGE_TRANSITIONS", "UPLIFT_LEVELS",
    "ApprenticeshipType", "AttendanceMark", "AttendanceSession", "ChangeKind", "ChangeRecord", "ClaimDetails",
    "ClaimMaterial", "ClaimPerson", "ClaimStage", "Course", "DateChange", "Delivery", "EcosystemRecognition",
    "EcosystemRole", "Education", "Filing", "FilingMaterial", "FilingStatus", "Mark", "RuleSet",
    "ShortageOccupation", "SubsidyStandard", "TargetLevel", "Teacher", "TeacherChange", "TeacherChangeStatus",
    "TeacherKind", "TeacherSwap", "Trainee", "TrainingClass", "TrainingMode", "Venue",
]
