from internships.models.complaints import (
    APPEAL_TRANSITIONS,
    COMPLAINT_TRANSITIONS,
    CONCLUDED_STATUSES,
    Appeal,
    AppealStatus,
    Complaint,
    ComplaintCategory,
    ComplaintStatus,
)
from internships.models.enterprises import (
    ADMISSION_TRANSITIONS,
    BLACKLIST_TRANSITIONS,
    OPEN_BLACKLIST_STATUSES,
    AdmissionStatus,
    BlacklistEntry,
    BlacklistReason,
    BlacklistStatus,
    EnterpriseProfile,
    Insurer,
    RegionSetting,
    RegistryRecord,
    RegistryStanding,
    SchoolRecommendation,
)
from internships.models.insurance import Coverage, Policy
from internships.models.internships import (
    ACTIVE_STATUSES,
    INTERNSHIP_TRANSITIONS,
    Evaluation,
    EvaluationSide,
    EvaluationStage,
    Grade,
    Internship,
    InternshipGroup,
    InternshipStatus,
)
from internships.models.positions import (
    PAY_PERIODS_WITHIN_A_MONTH,
    POSITION_TRANSITIONS,
    Education,
    Lodging,
    Overtime,
    PayMethod,
    PayPeriod,
    Position,
    PositionStatus,
)
from internships.models.students import (
    APPLICATION_TRANSITIONS,
    MAX_OPEN_CHOICES,
    MINIMUM_AGE,
    Application,
    ApplicationStatus,
    Student,
    StudyLevel,
)

__all__ = [
    "ACTIVE_STATUSES", "ADMISSION_TRANSITIONS", "APPEAL_TRANSITIONS", "APPLICATION_TRANSITIONS",
    "BLACKLIST_TRANSITIONS", "COMPLAINT_TRANSITIONS", "CONCLUDED_STATUSES", "INTERNSHIP_TRANSITIONS",
    "MAX_OPEN_CHOICES", "MINIMUM_AGE", "OPEN_BLACKLIST_STATUSES", "PAY_PERIODS_WITHIN_A_MONTH",
    "POSITION_TRANSITIONS", "AdmissionStatus", "Appeal", "AppealStatus", "Application", "ApplicationStatus",
    "BlacklistEntry", "BlacklistReason", "BlacklistStatus", "Complaint", "ComplaintCategory", "ComplaintStatus",
    "Coverage", "Education", "EnterpriseProfile", "Evaluation", "EvaluationSide", "EvaluationStage", "Grade",
    "Insurer", "Internship", "InternshipGroup", "InternshipStatus", "Lodging", "Overtime", "PayMethod", "PayPeriod",
    "Policy", "Position", "PositionStatus", "RegionSetting", "RegistryRecord", "RegistryStanding",
    "SchoolRecommendation", "Student", "StudyLevel",
]
