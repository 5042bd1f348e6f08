"""The programme's permission codes, the authorities of its access rule, the materials asked per type and the
predicates its screens ask, defined once (registered by apprenticeships.registration.permissions)."""

from django.utils.translation import gettext_lazy

from apprenticeships.models import ApprenticeshipType
from organisations.models import Authority, OrganisationKind
from organisations.rules import government_department, is_unit_member

PROGRAMME = "apprenticeships"
GROUP = gettext_lazy("企业新型学徒制")  # the programme's name in menus and the permission catalogue

# Enterprise side (manual 003 §3.2.1–§3.2.3): filings, changes, tracking, venues, subsidy claims.
FILE = "apprenticeships.file"  # 申请备案, 办理结果, 备案变更, 培训情况跟踪, 场地维护, 单位培训人员查询
CLAIM = "apprenticeships.claim"  # 企业新型学徒制培训补贴申领
# Training institution (or school) named by a filing: reads it, records attendance.
ATTENDANCE = "apprenticeships.attendance"
# HR departments: review filings (county), teacher changes (city), claims (county, then city); statistics.
REVIEW = "apprenticeships.review"
RECOGNITION = "apprenticeships.recognition"  # 生态链企业认定 maintenance (city HR)
MANAGE_PARAMETERS = "apprenticeships.manage_parameters"  # 补贴标准, 紧缺急需目录, 规则参数 (city or province HR)

AUTHORITIES = (Authority.HUMAN_RESOURCES,)
ENTERPRISE_KINDS = frozenset({OrganisationKind.ENTERPRISE, OrganisationKind.PUBLIC_INSTITUTION})
INSTITUTION_KINDS = frozenset({OrganisationKind.TRAINING_INSTITUTION, OrganisationKind.SCHOOL})

COMMITMENT_VERSION = "2026-01"  # the 承诺书 text in templates/apprenticeships/commitment.html
CLAIM_COMMITMENT_VERSION = "2026-01"  # templates/apprenticeships/claims/commitment.html

# 上传材料: what each type asks for (code, label); no submission until all are there.
_COMMON = [
    ("plan", gettext_lazy("培训计划（一班一方案）")),
    ("contracts", gettext_lazy("学徒劳动合同（或汇总表）")),
    ("agreement", gettext_lazy("企业与培训机构合作协议")),
]
MATERIALS = {
    ApprenticeshipType.ENTERPRISE: _COMMON,
    ApprenticeshipType.STUDENT: [*_COMMON, ("school_agreement", gettext_lazy("企业与院校学生学徒培养协议"))],
    ApprenticeshipType.TECHNICIAN: [*_COMMON, ("technician_agreement", gettext_lazy("技培生三方协议"))],
}


def hr_department(user, level: str | None = None):
    return government_department(user, authority=Authority.HUMAN_RESOURCES, level=level)


def is_hr(user, level: str | None = None) -> bool:
    return hr_department(user, level) is not None


def is_hr_reviewer(user, level: str | None = None) -> bool:
    return is_hr(user, level) and user.has_perm(REVIEW)


def is_enterprise(user) -> bool:
    return is_unit_member(user) and user.organisation.kind in ENTERPRISE_KINDS


def is_institution(user) -> bool:
    return is_unit_member(user) and user.organisation.kind in INSTITUTION_KINDS


def may_file(user) -> bool:
    return is_enterprise(user) and user.has_perm(FILE)


def may_claim(user) -> bool:
    return is_enterprise(user) and user.has_perm(CLAIM)


def may_record_attendance(user) -> bool:
    return is_institution(user) and user.has_perm(ATTENDANCE)
