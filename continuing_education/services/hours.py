"""学时申报 (manual 004 §2.1.3, §7): a professional's own declarations and the unit's declarations on a person's
behalf (学时申报管理). Every write is here: draft, edit, delete, submit (with the duplicate check), withdraw.

Hours count in the year the activity ends: a declaration's 年度 must equal its end date's year (a course from
December to January counts in January's year). The region's HoursRule caps the hours per day of each 学习形式
(hours ≤ cap × days, both dates counted)."""

import difflib
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from attachments.services import store_upload
from audit.services import record, snapshot
from continuing_education.models import (
    ArchiveEntry,
    DeclarationStatus,
    HoursDeclaration,
    OnlineResult,
    Participant,
)
from continuing_education.rules import may_manage_hours
from continuing_education.selectors.access import linked_staff
from continuing_education.selectors.hours_rules import rule_for
from continuing_education.services.states import DECLARATION_STATES
from reviews import services as reviews
from reviews.selectors import latest_review_for

KIND = "ce_hours"
PROOF_PURPOSE = "ce_declaration_proof"
FIELDS = ("year", "learning_form", "subject_type", "title", "organiser", "starts_on", "ends_on", "hours")


def check_period_and_hours(*, region, year, learning_form, starts_on, ends_on, hours) -> dict:
    """The field errors of a declaration's period and hours ({field: message}); empty when it is fine."""
    errors = {}
    if starts_on and ends_on:
        if ends_on < starts_on:
            errors["ends_on"] = _("结束日期不能早于开始日期")
        elif ends_on > timezone.localdate():
            errors["ends_on"] = _("结束日期不能晚于今天：学时在活动结束后申报")
        elif year and ends_on.year != year:
            errors["ends_on"] = _("学时计入活动结束当年：结束日期须在%(year)s年内") % {"year": year}
    if hours is not None and hours <= 0:
        errors["hours"] = _("学时必须大于 0")
    if errors or not (starts_on and ends_on and hours and year and learning_form):
        return errors
    rule = rule_for(region, year)
    cap = (rule.daily_caps or {}).get(learning_form) if rule is not None else None
    if cap:
        days = (ends_on - starts_on).days + 1
        if hours > Decimal(str(cap)) * days:
            errors["hours"] = _("超过该学习形式每天 %(cap)s 学时的上限（%(days)s 天最多 %(most)s 学时）") % {
                "cap": cap, "days": days, "most": Decimal(str(cap)) * days}
    return errors


def may_edit(user, declaration: HoursDeclaration) -> bool:
    """Who writes a declaration: the person for their own, the unit's 学时申报管理 for one made on a behalf."""
    if not user.is_authenticated:
        return False
    if declaration.on_behalf:
        return may_manage_hours(user) and user.organisation_id == declaration.organisation_id
    return declaration.person_id == user.pk


def _refuse_unless_editable(user, declaration):
    if not may_edit(user, declaration):
        raise PermissionDenied(_("您无权修改该学时申报"))
    if not declaration.is_editable:
        raise ValidationError(_("学时申报%(status)s，不能修改") % {"status": declaration.get_status_display()})


def _own_staff(actor):
    member = linked_staff(actor)
    if member is None:
        raise ValidationError(_("您尚未加入用人单位，请先申请加入单位后再申报学时"))
    return member


def _check(organisation, data):
    errors = check_period_and_hours(region=organisation.region, **{
        key: data.get(key) for key in ("year", "learning_form", "starts_on", "ends_on", "hours")})
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_declaration(*, actor, data: dict, proof=None, staff=None) -> HoursDeclaration:
    """A draft. Without `staff`: the actor's own (their current unit); with it: on the staff member's behalf
    (the actor's unit's roster, 学时申报管理)."""
    if staff is None:
        member, on_behalf = _own_staff(actor), False
    else:
        if not may_manage_hours(actor) or staff.organisation_id != actor.organisation_id:
            raise PermissionDenied(_("您无权代该人员申报学时"))
        member, on_behalf = staff, True
    _check(member.organisation, data)
    declaration = HoursDeclaration(
        organisation=member.organisation, staff=member, person=member.account if member.account_id else None,
        name=member.name, id_number=member.id_number, on_behalf=on_behalf, declared_by=actor,
        **{key: data[key] for key in FIELDS})
    if proof is not None:
        declaration.proof = store_upload(purpose=PROOF_PURPOSE, uploaded_file=proof, actor=actor,
                                         owner_org=member.organisation)
    declaration.save()
    record(actor=actor, action="continuing_education.declaration_created", target=declaration,
           after={"title": declaration.title, "hours": str(declaration.hours), "on_behalf": on_behalf})
    return declaration


@transaction.atomic
def update_declaration(*, actor, declaration: HoursDeclaration, data: dict, proof=None) -> HoursDeclaration:
    locked = DECLARATION_STATES.lock(declaration.pk)
    _refuse_unless_editable(actor, locked)
    _check(locked.organisation, data)
    before = snapshot(locked, FIELDS)
    for key in FIELDS:
        setattr(locked, key, data[key])
    if proof is not None:
        locked.proof = store_upload(purpose=PROOF_PURPOSE, uploaded_file=proof, actor=actor,
                                    owner_org=locked.organisation)
    locked.save()
    record(actor=actor, action="continuing_education.declaration_updated", target=locked, before=before,
           after=snapshot(locked, FIELDS))
    return locked


@transaction.atomic
def delete_declaration(*, actor, declaration: HoursDeclaration) -> None:
    """A draft never submitted; once submitted its review history stays, so it can only be withdrawn."""
    locked = DECLARATION_STATES.lock(declaration.pk)
    if not may_edit(actor, locked):
        raise PermissionDenied(_("您无权删除该学时申报"))
    if locked.status != DeclarationStatus.DRAFT or locked.submitted_at is not None:
        raise ValidationError(_("只能删除从未提交的学时申报"))
    record(actor=actor, action="continuing_education.declaration_deleted", target=locked,
           before={"title": locked.title, "hours": str(locked.hours)})
    locked.delete()


def _similar(first: str, second: str) -> bool:
    first, second = first.strip(), second.strip()
    if not first or not second:
        return False
    return first in second or second in first or difflib.SequenceMatcher(None, first, second).ratio() >= 0.6


def duplicate_note(declaration: HoursDeclaration) -> str:
    """An archived credit, class result or online result of the same person whose dates overlap and whose name
    is similar: flagged for the reviewers, never refused (the same course may be declared twice by mistake)."""
    start, end, person = declaration.starts_on, declaration.ends_on, declaration.id_number_hash
    found = []
    for participant in Participant.objects.filter(
            id_number_hash=person, training_class__starts_on__lte=end,
            training_class__ends_on__gte=start).select_related("training_class"):
        training_class = participant.training_class
        if _similar(declaration.title, training_class.name):
            found.append(_("与培训班《%(name)s》（%(start)s至%(end)s）时间重叠且名称相近") % {
                "name": training_class.name, "start": training_class.starts_on, "end": training_class.ends_on})
    for result in OnlineResult.objects.filter(id_number_hash=person, completed_on__range=(start, end)):
        if _similar(declaration.title, result.course_name):
            found.append(_("与网络培训《%(name)s》（%(date)s完成）时间重叠且名称相近") % {
                "name": result.course_name, "date": result.completed_on})
    for entry in ArchiveEntry.objects.filter(
            archive__id_number_hash=person, occurred_on__range=(start, end),
            participant__isnull=True, online_result__isnull=True).exclude(declaration=declaration):
        if _similar(declaration.title, entry.title):
            found.append(_("与已记入培训档案的《%(name)s》（%(date)s）时间重叠且名称相近") % {
                "name": entry.title, "date": entry.occurred_on})
    return "；".join(found)[:255]


@transaction.atomic
def submit_declaration(*, actor, declaration: HoursDeclaration) -> HoursDeclaration:
    """提交 (or resubmit after 退回修改/审核不通过): the duplicate check, then the review (ce_hours)."""
    locked = DECLARATION_STATES.lock(declaration.pk)
    _refuse_unless_editable(actor, locked)
    if not locked.on_behalf:
        member = linked_staff(actor)
        if member is None or member.organisation_id != locked.organisation_id:
            raise ValidationError(_("您已不在%(unit)s，不能提交该学时申报") % {"unit": locked.organisation})
    _check(locked.organisation, {key: getattr(locked, key) for key in FIELDS})
    locked.duplicate_note = duplicate_note(locked)
    locked.save(update_fields=["duplicate_note", "updated_at"])
    reviews.submit(kind_key=KIND, subject=locked, actor=actor)
    locked.refresh_from_db()
    return locked


def withdraw_declaration(*, actor, declaration: HoursDeclaration) -> None:
    """撤回 while nobody has decided (reviews.services.withdraw: the declaration goes back to 未提交)."""
    if not may_edit(actor, declaration):
        raise PermissionDenied(_("您无权撤回该学时申报"))
    review = latest_review_for(declaration)
    if review is None or declaration.status != DeclarationStatus.PENDING:
        raise ValidationError(_("学时申报%(status)s，不能撤回") % {"status": declaration.get_status_display()})
    reviews.withdraw(review_id=review.pk, actor=actor)
