"""Permission codes of the organisations app and the predicates about a user's organisation, defined once.

Programmes keep their own codes in their own rules.py; every code is registered in
organisations.permissions.CATALOGUE so that roles can hold it."""

from accounts.eligibility import may_be_student
from accounts.rules import is_active_user, is_individual
from organisations.models import OrganisationKind

MANAGE_PROFILE = "organisations.manage_profile"
MANAGE_DEPARTMENTS = "organisations.manage_departments"
MANAGE_ACCOUNTS = "organisations.manage_accounts"
MANAGE_ROLES = "organisations.manage_roles"
MANAGE_STAFF = "organisations.manage_staff"
VIEW_PERSONAL_DATA = "organisations.view_personal_data"
VIEW_LOGS = "organisations.view_logs"
PREREGISTER = "organisations.preregister"
# Deciding the real-name verification of organisations (the review kind organisation_verification).
REVIEW_VERIFICATION = "organisations.review_verification"
SUBMIT = "reviews.submit"

# The access rule (organisations.jurisdiction) of organisation records: the record itself, its printed
# registration form and its files. Every member sees their own organisation's.
ORGANISATION_RECORDS = "organisations"


def government_department(user, *, authority: str | None = None, level: str | None = None):
    """The user's organisation when it is a government department with a region (of `authority` and at
    `level` when given), else None."""
    if not is_active_user(user) or user.organisation_id is None:
        return None
    organisation = user.organisation
    if organisation.kind != OrganisationKind.GOVERNMENT or organisation.region_id is None:
        return None
    if authority is not None and organisation.authority != authority:
        return None
    if level is not None and organisation.gov_level != level:
        return None
    return organisation


def is_government(user) -> bool:
    return government_department(user) is not None


def is_unit_member(user) -> bool:
    """A member of a non-government organisation (an enterprise, a school, an institution)."""
    return (
        is_active_user(user) and user.organisation_id is not None
        and user.organisation.kind != OrganisationKind.GOVERNMENT
    )


def may_recommend_units(user) -> bool:
    """学生推荐实习单位 (manual 000): a student recommends the unit they intern at. An individual who is known
    to have left school (a trainee of 就业见习) has no internship to recommend a unit for."""
    return is_individual(user) and may_be_student(user)
