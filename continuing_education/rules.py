"""The programme's permission codes, the authorities of its access rule and the predicates its screens ask,
defined once (registered by continuing_education.registration.permissions)."""

from django.utils.translation import gettext_lazy

from organisations.models import Authority, OrganisationKind
from organisations.rules import government_department, is_unit_member

PROGRAMME = "continuing_education"
GROUP = gettext_lazy("专业技术人员继续教育")

# The unit's sub-administrator roles (manual 004 §4.2); 人员信息 is organisations.manage_staff.
MANAGE_TRAINING = "continuing_education.manage_training"  # 培训管理: courses, teachers, 培训对接, 培训班管理
DECLARE_CLASS = "continuing_education.declare_class"  # 培训班申报 and 培训成果上报
MANAGE_HOURS = "continuing_education.manage_hours"  # 学时申报管理: declarations on a person's behalf, the list
ARCHIVE = "continuing_education.archive"  # 培训档案
STAFF = "organisations.manage_staff"  # 人员信息 (the foundation's)
# Deciding class declarations and hours declarations. A department's reviewers hold it; in a unit only the
# administrator decides (待我审核 is the engine's unit-level step), so a sub-administrator's role gains nothing.
REVIEW = "continuing_education.review"
MANAGE_PARAMETERS = "continuing_education.manage_parameters"  # 学时要求 per region and year (HR)

AUTHORITIES = (Authority.HUMAN_RESOURCES, Authority.INDUSTRY)
# An industry department sees the units that name it 主管部门, not every unit of its region.
ADDRESSED_AUTHORITIES = (Authority.INDUSTRY,)
UNIT_KINDS = frozenset({OrganisationKind.ENTERPRISE, OrganisationKind.PUBLIC_INSTITUTION, OrganisationKind.SCHOOL,
                        OrganisationKind.TRAINING_INSTITUTION})
UNIT_PERMISSIONS = (MANAGE_TRAINING, DECLARE_CLASS, MANAGE_HOURS, ARCHIVE, STAFF)

# The docking fields a docked 网授平台 must carry (manual 004 §二). Raise the version when the list changes: every
# unit with a docked platform is then asked to complete them after sign-in, before any screen of the programme.
DOCKING_FIELDS_VERSION = 1
DOCKING_FIELDS = (
    ("interface_url", gettext_lazy("数据对接接口地址")),
    ("security_officer", gettext_lazy("数据安全负责人")),
    ("security_officer_phone", gettext_lazy("数据安全负责人电话")),
    ("mlps_record", gettext_lazy("网络安全等级保护备案号")),
)


def is_unit(user) -> bool:
    return is_unit_member(user) and user.organisation.kind in UNIT_KINDS


def is_unit_admin(user) -> bool:
    return is_unit(user) and user.is_org_admin


def may_manage_training(user) -> bool:
    return is_unit(user) and user.has_perm(MANAGE_TRAINING)


def may_declare_class(user) -> bool:
    return is_unit(user) and user.has_perm(DECLARE_CLASS)


def may_manage_hours(user) -> bool:
    return is_unit(user) and user.has_perm(MANAGE_HOURS)


def may_see_archive(user) -> bool:
    return is_unit(user) and user.has_perm(ARCHIVE)


def department(user):
    """The user's department when it is of a line with authority over the programme (人社 or 行业主管)."""
    office = government_department(user)
    return office if office is not None and office.authority in AUTHORITIES else None


def is_reviewer(user) -> bool:
    return department(user) is not None and user.has_perm(REVIEW)


def is_hr(user) -> bool:
    return government_department(user, authority=Authority.HUMAN_RESOURCES) is not None


def may_manage_parameters(user) -> bool:
    return is_hr(user) and user.has_perm(MANAGE_PARAMETERS)


def is_professional(user) -> bool:
    """A person signed in with their own account (专技人员): no organisation, an ID number."""
    return (user.is_authenticated and user.is_active and user.organisation_id is None
            and bool(user.id_number_hash))
