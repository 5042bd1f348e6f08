"""Writes of 实习保险 (manual 000 §4.3, regulation §1.9): the school or the enterprise files the electronic policy
of the dedicated internship liability insurance with its insured students, adds students later (one by one or
by import), the daily reminder before a policy ends, and the list of insurers.

Lock order (docs/architecture.md): the insured Students (ascending id) → the Policy → its Coverages. On
PostgreSQL the exclusion constraint in_coverage_no_overlap holds "one policy per student and period"; the check
under the Student locks gives the same answer on SQLite and the friendlier message."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from attachments.services import store_upload
from audit.services import record
from core.constraints import known_violation
from internships.models import Coverage, Insurer, Internship, Policy, Student
from internships.rules import HOST, SCHOOL, SCHOOL_KINDS
from internships.selectors.insurance import (
    ending_policies,
    insurable_internships,
    may_file_policies,
    may_manage_insurers,
)
from notifications.services import notify, notify_organisation
from timeline.services import add_event

POLICY_PURPOSE = "internship_policy"
NOT_LIABILITY = _("只能备案学生实习责任保险（实习专用险）；雇主责任险等其他险种不能替代，请重新选择")


def _fmt(day: datetime.date) -> str:
    return f"{day:%Y-%m-%d}"


def _lock_students(internships) -> None:
    """Lock order step 1: the insured students' rows, ascending id."""
    ids = sorted({item.student_id for item in internships})
    list(Student.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk", flat=True))


def _insure(*, policy: Policy, internship_ids, actor) -> tuple[list[Coverage], int]:
    """Insure the internships under `policy` (the students are locked). Returns the new coverages and how many
    were already insured by this policy. Raises ValidationError naming every student refused."""
    allowed = insurable_internships(policy.filed_by_organisation, policy.enterprise)
    internships = list(allowed.filter(pk__in=internship_ids))
    errors = []
    if len(internships) != len(set(internship_ids)):
        errors.append(_("所选学生中有不在该企业实习或实习已结束的学生，请刷新后重新选择"))
    created, unchanged = [], 0
    for internship in internships:
        name = internship.student.name
        if Coverage.objects.filter(policy=policy, student_id=internship.student_id).exists():
            unchanged += 1
            continue
        if internship.starts_on < policy.starts_on or internship.ends_on > policy.ends_on:
            errors.append(_("保险期间未覆盖该学生的实习期（%(name)s：实习期 %(start)s 至 %(end)s）") % {
                "name": name, "start": _fmt(internship.starts_on), "end": _fmt(internship.ends_on)})
            continue
        if Coverage.objects.filter(student_id=internship.student_id, starts_on__lte=policy.ends_on,
                                   ends_on__gte=policy.starts_on).exists():
            errors.append(_("该学生在此期间已有实习责任保险保单，保险期间不能重叠（%(name)s）") % {"name": name})
            continue
        try:
            with transaction.atomic():
                coverage = Coverage.objects.create(policy=policy, student_id=internship.student_id,
                                                   internship=internship, starts_on=policy.starts_on,
                                                   ends_on=policy.ends_on)
        except IntegrityError as error:
            known = known_violation(error)
            if known is None:
                raise
            errors.append(f"{known.messages[0]}（{name}）")
            continue
        created.append(coverage)
        add_event(subject=internship, event="insured", label=_("已投保实习责任保险"), actor=actor,
                  status=internship.status, note=f"{policy.insurer} {policy.policy_number}")
    if errors:
        raise ValidationError({"internships": errors})
    if created:
        record(actor=actor, action="internships.policy_students_added", target=policy,
               after={"students": [coverage.student_id for coverage in created]})
    return created, unchanged


def _tell_the_other_side(policy: Policy, internships, *, title: str) -> None:
    url = reverse("internships:policy_detail", args=[policy.pk])
    body = _("%(insurer)s 保单 %(number)s，保险期间 %(start)s 至 %(end)s") % {
        "insurer": policy.insurer, "number": policy.policy_number, "start": _fmt(policy.starts_on),
        "end": _fmt(policy.ends_on)}
    if policy.filed_by_organisation.kind in SCHOOL_KINDS:
        notify_organisation(organisation=policy.enterprise, title=title, body=body, url=url, permission=HOST)
        return
    schools = {item.school_id: item.school for item in internships}
    for school in schools.values():
        notify_organisation(organisation=school, title=title, body=body, url=url, permission=SCHOOL)


def _check_filer(actor, organisation) -> None:
    if not may_file_policies(actor) or actor.organisation_id != organisation.pk:
        raise PermissionDenied


def file_policy(*, actor, organisation, enterprise, policy_number: str, insurer: str, starts_on, ends_on,
                document, is_internship_liability: bool, internship_ids=()) -> Policy:
    """电子保单备案 by a school (for its students at `enterprise`) or by the enterprise (for its interns)."""
    _check_filer(actor, organisation)
    if organisation.kind not in SCHOOL_KINDS:
        enterprise = organisation
    errors = {}
    if not is_internship_liability:
        errors["is_internship_liability"] = [NOT_LIABILITY]
    if ends_on <= starts_on:
        errors["ends_on"] = [_("保险期间止必须晚于保险期间起")]
    if enterprise is None:
        errors["enterprise"] = [_("请选择实习企业")]
    elif not insurable_internships(organisation, enterprise).exists():
        errors["enterprise"] = [_("该企业没有可投保的实习学生")]
    if errors:
        raise ValidationError(errors)
    internship_ids = sorted({int(pk) for pk in internship_ids})
    stored = None
    try:
        with transaction.atomic():
            _lock_students(Internship.objects.filter(pk__in=internship_ids))
            try:
                stored = store_upload(purpose=POLICY_PURPOSE, uploaded_file=document, actor=actor,
                                      owner_org=organisation)
            except ValidationError as error:
                raise ValidationError({"document": error.messages}) from None
            try:
                with transaction.atomic():
                    policy = Policy.objects.create(
                        policy_number=policy_number, insurer=insurer, starts_on=starts_on, ends_on=ends_on,
                        filed_by_organisation=organisation, enterprise=enterprise, document=stored,
                        is_internship_liability=True, created_by=actor)
            except IntegrityError as error:
                raise known_violation(error) or error from None
            record(actor=actor, action="internships.policy_filed", target=policy, after={
                "policy_number": policy_number, "insurer": insurer, "starts_on": _fmt(starts_on),
                "ends_on": _fmt(ends_on), "enterprise": enterprise.pk, "document": str(stored.pk)})
            created, _unchanged = _insure(policy=policy, internship_ids=internship_ids, actor=actor)
            title = _("%(organisation)s 已备案实习责任保险保单") % {"organisation": organisation.name}
            _tell_the_other_side(policy, [coverage.internship for coverage in created], title=title)
    except Exception:
        if stored is not None:
            stored.file.storage.delete(stored.file.name)
        raise
    return policy


def add_to_policy(*, actor, policy: Policy, internship_ids) -> tuple[int, int]:
    """Insure more students under a filed policy. Returns (added, already insured by it)."""
    if not may_file_policies(actor) or actor.organisation_id != policy.filed_by_organisation_id:
        raise PermissionDenied
    internship_ids = sorted({int(pk) for pk in internship_ids})
    if not internship_ids:
        raise ValidationError({"internships": [_("请选择被保险学生")]})
    with transaction.atomic():
        _lock_students(Internship.objects.filter(pk__in=internship_ids))
        policy = Policy.objects.select_for_update().select_related("enterprise", "filed_by_organisation").get(
            pk=policy.pk)
        created, unchanged = _insure(policy=policy, internship_ids=internship_ids, actor=actor)
        if created:
            _tell_the_other_side(policy, [coverage.internship for coverage in created],
                                 title=_("实习责任保险保单新增被保险学生"))
    return len(created), unchanged


def import_insured_rows(*, actor, organisation, rows, parent) -> tuple[int, int, int]:
    """apply of the insured-students import: each row's internship into the policy `parent`."""
    added, unchanged = add_to_policy(actor=actor, policy=parent, internship_ids=[row["internship"].pk for row in rows])
    return added, 0, unchanged


# --- the reminder before a policy ends ------------------------------------------------------------------------


def _holders(organisation, permission) -> list:
    members = organisation.members.filter(is_active=True).select_related("organisation").prefetch_related("roles")
    return [user for user in members if user.has_perm(permission)]


def warn_ending_policies(*, today: datetime.date) -> int:
    """Daily job internships.policy_ending: policies ending within the region's warning days whose insured
    internships run beyond their end; the filer, the schools and the enterprise are told once."""
    warned = 0
    for candidate in ending_policies(Policy.objects.filter(ending_warned_at__isnull=True), today):
        with transaction.atomic():
            policy = Policy.objects.select_for_update().get(pk=candidate.pk)
            if policy.ending_warned_at is not None:
                continue
            policy.ending_warned_at = timezone.now()
            policy.save(update_fields=["ending_warned_at"])
            record(actor=None, action="internships.policy_ending_warned", target=policy,
                   after={"ends_on": _fmt(policy.ends_on), "students": [item.student_id for item in candidate.beyond]})
            title = _("实习责任保险保单即将到期：%(insurer)s %(number)s") % {
                "insurer": policy.insurer, "number": policy.policy_number}
            body = _("保单将于 %(end)s 到期，以下学生的实习期超出保险期间，请及时续保：%(names)s") % {
                "end": _fmt(policy.ends_on), "names": "、".join(item.student.name for item in candidate.beyond)}
            recipients = [policy.created_by, *_holders(candidate.enterprise, HOST)]
            for school in {item.school_id: item.school for item in candidate.beyond}.values():
                recipients += _holders(school, SCHOOL)
            notify(recipients=recipients, title=title, body=body,
                   url=reverse("internships:policy_detail", args=[policy.pk]))
            warned += 1
    return warned


# --- insurers (购买实习专用险) ----------------------------------------------------------------------------------

INSURER_FIELDS = ("name", "product", "contact_phone", "website", "description", "active")


def save_insurer(*, actor, data: dict, insurer: Insurer | None = None) -> Insurer:
    if not may_manage_insurers(actor):
        raise PermissionDenied
    with transaction.atomic():
        if insurer is None:
            before = {}
            insurer = Insurer()
        else:
            insurer = Insurer.objects.select_for_update().get(pk=insurer.pk)
            before = {name: getattr(insurer, name) for name in INSURER_FIELDS}
        for name in INSURER_FIELDS:
            setattr(insurer, name, data[name])
        try:
            with transaction.atomic():
                insurer.save()
        except IntegrityError as error:
            raise known_violation(error) or error from None
        after = {name: getattr(insurer, name) for name in INSURER_FIELDS}
        changed = [name for name in INSURER_FIELDS if before.get(name) != after[name]]
        if changed:
            record(actor=actor, action="internships.insurer_saved", target=insurer,
                   before={name: before[name] for name in changed if name in before},
                   after={name: after[name] for name in changed})
    return insurer
