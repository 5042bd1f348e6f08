"""Reads of the insurance area: policies a user may see, the internships an organisation may insure, whether
each internship (and each group) is insured for its whole period, policies about to end."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import F, Prefetch, Q
from django.http import Http404

from internships.models import ACTIVE_STATUSES, Coverage, Insurer, Internship, InternshipGroup, Policy
from internships.rules import HOST, MANAGE_SETTINGS, SCHOOL, SCHOOL_KINDS, is_education, is_host, is_school
from internships.selectors.access import records_q
from internships.selectors.settings import setting_for_region
from regions.models import RegionLevel


def may_file_policies(user) -> bool:
    """A member of a host enterprise holding HOST, or of a school holding SCHOOL (each files for itself)."""
    return (is_host(user) and user.has_perm(HOST)) or (is_school(user) and user.has_perm(SCHOOL))


def policies_q(user) -> Q:
    """Policies of an enterprise or filed by an organisation the user sees, and policies covering students
    of a school the user sees."""
    return (records_q(user, enterprise="enterprise", school="filed_by_organisation")
            | records_q(user, enterprise=None, school="coverages__internship__school"))


def policies_for_user(user):
    matching = Policy.objects.filter(policies_q(user)).values("pk")
    return (Policy.objects.filter(pk__in=matching).select_related("enterprise", "filed_by_organisation", "document")
            .order_by("-created_at", "-id"))


def get_policy_for_user(user, pk) -> Policy:
    policy = policies_for_user(user).filter(pk=pk).first()
    if policy is None:
        raise Http404
    return policy


def may_add_to_policy(user, policy: Policy) -> bool:
    """The filer's members holding their side's permission add students to it."""
    return may_file_policies(user) and user.organisation_id == policy.filed_by_organisation_id


def get_policy_for_adding(user, pk) -> Policy:
    policy = get_policy_for_user(user, pk)
    if not may_add_to_policy(user, policy):
        raise PermissionDenied
    return policy


def policy_for_import(user, key) -> Policy:
    """ImportParent.get of the insured-students import."""
    if not str(key).isdigit():
        raise Http404
    return get_policy_for_adding(user, int(key))


def coverages_of(policy: Policy):
    return policy.coverages.select_related("student", "internship", "internship__school").order_by(
        "student__class_name", "student__name", "id")


def insurable_internships(organisation, enterprise=None):
    """The active internships an organisation may insure: a host's interns; a school's own students (at
    `enterprise` when given)."""
    internships = Internship.objects.filter(status__in=ACTIVE_STATUSES).select_related(
        "student", "enterprise", "school")
    if organisation.kind not in SCHOOL_KINDS:
        return internships.filter(enterprise=organisation).order_by("student__class_name", "student__name", "id")
    internships = internships.filter(school=organisation)
    if enterprise is not None:
        internships = internships.filter(enterprise=enterprise)
    return internships.order_by("student__class_name", "student__name", "id")


def covered_through(coverages, starts_on: datetime.date, ends_on: datetime.date) -> bool:
    """Whether the coverages (any order) leave no day of starts_on..ends_on uninsured."""
    day = starts_on
    for coverage in sorted(coverages, key=lambda item: item.starts_on):
        if coverage.starts_on > day:
            return False
        if coverage.ends_on >= day:
            day = coverage.ends_on + datetime.timedelta(days=1)
        if day > ends_on:
            return True
    return day > ends_on


def is_fully_insured(internship: Internship) -> bool:
    return covered_through(list(internship.coverages.all()), internship.starts_on, internship.ends_on)


def _with_coverages(internships):
    return internships.prefetch_related(Prefetch("coverages", queryset=Coverage.objects.order_by("starts_on")))


def uninsured_internships(user):
    """The active internships the user sees whose period is not wholly insured."""
    internships = _with_coverages(Internship.objects.filter(records_q(user), status__in=ACTIVE_STATUSES)
                                  .select_related("student", "enterprise", "school", "group"))
    return [item for item in internships.order_by("enterprise__name", "student__name", "id")
            if not is_fully_insured(item)]


@dataclass
class GroupCoverage:
    group: InternshipGroup
    students: int = 0
    uninsured: list = field(default_factory=list)

    @property
    def all_insured(self) -> bool:
        return not self.uninsured


def group_coverage(user) -> list[GroupCoverage]:
    """For each group the user sees: whether every student of the group is insured for their whole period."""
    groups = InternshipGroup.objects.filter(records_q(user)).select_related("school", "enterprise").prefetch_related(
        Prefetch("internships", queryset=_with_coverages(
            Internship.objects.filter(status__in=ACTIVE_STATUSES).select_related("student"))))
    result = []
    for group in groups.order_by("enterprise__name", "name", "id"):
        members = list(group.internships.all())
        result.append(GroupCoverage(group=group, students=len(members),
                                    uninsured=[item for item in members if not is_fully_insured(item)]))
    return result


def warning_days(policy: Policy) -> int:
    return setting_for_region(policy.enterprise.region).insurance_warning_days


def running_beyond(policy: Policy):
    """The active internships this policy insures that run beyond its end."""
    return Internship.objects.filter(coverages__policy=policy, status__in=ACTIVE_STATUSES,
                                     ends_on__gt=policy.ends_on).select_related("student", "school").distinct()


def ending_policies(policies, today: datetime.date) -> list[Policy]:
    """Of `policies`, those ending within their region's warning days whose insured internships run beyond
    their end (policy.beyond holds those internships)."""
    candidates = policies.filter(ends_on__gte=today, ends_on__lte=today + datetime.timedelta(days=366)).filter(
        coverages__internship__status__in=ACTIVE_STATUSES, coverages__internship__ends_on__gt=F("ends_on"))
    result = []
    for policy in candidates.select_related("enterprise__region").distinct():
        if policy.ends_on > today + datetime.timedelta(days=warning_days(policy)):
            continue
        policy.beyond = list(running_beyond(policy))
        if policy.beyond:
            result.append(policy)
    return result


def active_insurers():
    return Insurer.objects.filter(active=True)


def may_manage_insurers(user) -> bool:
    """The insurers' list is kept by the provincial education department (MANAGE_SETTINGS holders)."""
    return is_education(user, RegionLevel.PROVINCE) and user.has_perm(MANAGE_SETTINGS)


def insurers_for_user(user):
    return Insurer.objects.all() if may_manage_insurers(user) else active_insurers()


def get_insurer_for_editing(user, pk) -> Insurer:
    if not may_manage_insurers(user):
        raise PermissionDenied
    insurer = Insurer.objects.filter(pk=pk).first()
    if insurer is None:
        raise Http404
    return insurer


def policy_can_view(user, attachment) -> bool:
    """Who downloads a policy's PDF: whoever sees the policy (its enterprise, its filer, the schools of its
    insured students, the education departments over them, platform staff)."""
    if not user.is_authenticated:
        return False
    return Policy.objects.filter(policies_q(user), document=attachment).exists()
