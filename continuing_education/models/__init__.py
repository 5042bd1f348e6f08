from continuing_education.models.archive import ArchiveEntry, ArchiveYear, HoursCertificate, HoursRule
from continuing_education.models.catalogue import Course, OnlinePlatform, Teacher, TrainingSite
from continuing_education.models.choices import HoursSource, LearningForm, SubjectType
from continuing_education.models.classes import (
    CLASS_TRANSITIONS,
    EDITABLE_CLASS_STATUSES,
    RESULTS_TRANSITIONS,
    Assessment,
    ClassCourse,
    ClassMaterial,
    ClassStatus,
    Participant,
    ReportMode,
    ResultsStatus,
    TrainingClass,
)
from continuing_education.models.correction import CORRECTION_TRANSITIONS, CorrectionStatus, ResultsCorrection
from continuing_education.models.hours import (
    DECLARATION_TRANSITIONS,
    EDITABLE_DECLARATION_STATUSES,
    DeclarationStatus,
    HoursDeclaration,
    OnlineResult,
)

__all__ = [
    "CLASS_TRANSITIONS", "DECLARATION_TRANSITIONS", "EDITABLE_CLASS_STATUSES", "EDITABLE_DECLARATION_STATUSES",
    "RESULTS_TRANSITIONS", "ArchiveEntry", "ArchiveYear", "Assessment", "ClassCourse", "ClassMaterial",
    "ClassStatus", "Course", "DeclarationStatus", "HoursCertificate", "HoursDeclaration", "HoursRule",
    "HoursSource", "LearningForm", "OnlinePlatform", "OnlineResult", "Participant", "ReportMode", "ResultsStatus",
    "SubjectType", "Teacher", "TrainingClass", "TrainingSite",
    "CORRECTION_TRANSITIONS", "CorrectionStatus", "ResultsCorrection",
]
