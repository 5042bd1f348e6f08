"""The school's writes on an internship: the tripartite agreement (三方协议: terms, the student's confirmation,
the informed-consent form, the school's signature, the signed copy), the early end, and the daily job that
completes internships past their end date. Groups and mentors: internships.services.school_groups."""

import datetime
import hashlib
import json
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from attachments.services import store_upload
from audit.services import record
from core.identifiers import age_on
from internships.models import (
    MINIMUM_AGE,
    Internship,
    InternshipStatus,
    Student,
)
from internships.rules import HOST, SCHOOL
from internships.services.enterprises import lock_profile
from internships.services.states import INTERNSHIP_STATES
from notifications.services import notify, notify_organisation
from timeline.services import add_event

CONSENT_PURPOSE = "internship_consent"
AGREEMENT_PURPOSE = "internship_agreement"
# The statuses in which the school may end an internship early (the transition table allows the rest).
ENDABLE_STATUSES = (InternshipStatus.SIGNED, InternshipStatus.AGREEMENT_SIGNED, InternshipStatus.ARRIVED)
# The signed copy is kept for every internship whose agreement exists, whatever happened since.
COPY_STATUSES = (InternshipStatus.SIGNED, InternshipStatus.AGREEMENT_SIGNED, InternshipStatus.ARRIVED,
                 InternshipStatus.COMPLETED, InternshipStatus.ENDED_EARLY)


def _lock(internship: Internship) -> Internship:
    return Internship.objects.select_for_update(of=("self",)).select_related("student", "position").get(
        pk=internship.pk)


def _require_school(actor, internship: Internship) -> None:
    if actor.organisation_id != internship.school_id or not actor.has_perm(SCHOOL):
        raise PermissionDenied


def _require_status(internship: Internship, *statuses, message: str) -> None:
    if internship.status not in statuses:
        raise ValidationError(message % {"status": internship.get_status_display()}, code="state")


def terms_digest(terms: dict) -> str:
    """What the student read: the confirmation names it, so terms changed meanwhile are not confirmed."""
    return hashlib.sha256(json.dumps(terms, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def _detail_url(internship: Internship) -> str:
    return reverse("internships:internship_detail", args=[internship.pk])


def check_student_may_start(student: Student, starts_on: datetime.date) -> None:
    """Regulation §1.2: nobody under 16 on the start date, nobody in the first year of study."""
    errors = []
    try:
        if age_on(student.id_number, starts_on) < MINIMUM_AGE:
            errors.append(_("学生在实习开始日期未满 16 周岁，不能安排岗位实习"))
    except (ValueError, IndexError):
        pass  # an ID number the roll import has already checked; a malformed one is not this screen's matter
    if student.in_first_year_on(starts_on):
        errors.append(_("学生在实习开始日期仍处于第一学年，不能安排岗位实习"))
    if errors:
        raise ValidationError({"starts_on": errors})


def _stored(value):
    """A term as JSON keeps it: dates in ISO form, amounts with two decimals."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, (str, int, bool, type(None))):
        return value
    return str(value)


@transaction.atomic
def save_agreement_terms(*, internship: Internship, actor, terms: dict) -> Internship:
    """The school fills (or corrects) the agreement's terms while the internship waits for its agreement.
    `terms` is the cleaned data of AgreementTermsForm (dates as dates). A change after the student confirmed
    withdraws the confirmation: the student confirms what the school signs."""
    _require_school(actor, internship)
    locked = _lock(internship)
    _require_status(locked, InternshipStatus.SIGNED, message=_("实习当前状态为“%(status)s”，不能修改协议条款"))
    starts_on, ends_on = terms["starts_on"], terms["ends_on"]
    check_student_may_start(locked.student, starts_on)
    stored = {key: _stored(value) for key, value in terms.items()}
    before = {"agreement_terms": locked.agreement_terms, "starts_on": locked.starts_on.isoformat(),
              "ends_on": locked.ends_on.isoformat()}
    changed = stored != locked.agreement_terms
    locked.agreement_terms = stored
    locked.starts_on, locked.ends_on = starts_on, ends_on
    fields = ["agreement_terms", "starts_on", "ends_on", "updated_at"]
    if changed and locked.student_confirmed_at is not None:
        locked.student_confirmed_at = None
        fields.append("student_confirmed_at")
    locked.save(update_fields=fields)
    record(actor=actor, action="internships.agreement_terms", target=locked, before=before,
           after={"agreement_terms": stored, "starts_on": starts_on.isoformat(), "ends_on": ends_on.isoformat()})
    add_event(subject=locked, event="agreement_terms", label=_("学校填写实习协议条款"), actor=actor)
    if changed and locked.student.person_id:
        notify(recipients=[locked.student.person], title=_("实习协议待您确认"),
               body=_("学校已填写与%(enterprise)s的实习协议条款，请阅读后在线确认。") % {
                   "enterprise": locked.enterprise.name},
               url=_detail_url(locked))
    internship.__dict__.update({name: getattr(locked, name) for name in fields})
    return locked


@transaction.atomic
def confirm_agreement(*, internship: Internship, actor, digest: str) -> Internship:
    """确认协议: the student confirms the terms they read (`digest` of what the page showed)."""
    student = Student.objects.select_for_update().get(pk=internship.student_id)  # the person's lock first
    if student.person_id is None or student.person_id != actor.pk:
        raise PermissionDenied
    locked = _lock(internship)
    _require_status(locked, InternshipStatus.SIGNED, message=_("实习当前状态为“%(status)s”，不能确认协议"))
    if not locked.agreement_terms:
        raise ValidationError(_("学校尚未填写实习协议条款"), code="no_terms")
    if locked.student_confirmed_at is not None:
        raise ValidationError(_("您已确认过该实习协议"), code="confirmed")
    if digest != terms_digest(locked.agreement_terms):
        raise ValidationError(_("学校已修改协议条款，请重新阅读后再确认"), code="stale")
    locked.student_confirmed_at = timezone.now()
    locked.save(update_fields=["student_confirmed_at", "updated_at"])
    record(actor=actor, action="internships.agreement_confirmed", target=locked,
           after={"student_confirmed_at": locked.student_confirmed_at.isoformat()})
    add_event(subject=locked, event="agreement_confirmed", label=_("学生在线确认实习协议"), actor=actor)
    notify_organisation(organisation=locked.school, permission=SCHOOL, title=_("学生已确认实习协议"),
                        body=_("%(student)s已在线确认与%(enterprise)s的实习协议，请上传知情同意书并签署。") % {
                            "student": locked.student.name, "enterprise": locked.enterprise.name},
                        url=_detail_url(locked))
    internship.student_confirmed_at = locked.student_confirmed_at
    return locked


def _attach(*, internship, actor, uploaded_file, purpose, field, statuses, refusal, action, label):
    _require_school(actor, internship)
    locked = _lock(internship)
    _require_status(locked, *statuses, message=refusal)
    attachment = store_upload(purpose=purpose, uploaded_file=uploaded_file, actor=actor, owner_org=locked.school)
    before = getattr(locked, f"{field}_id")
    setattr(locked, field, attachment)
    locked.save(update_fields=[field, "updated_at"])
    record(actor=actor, action=action, target=locked, before={field: str(before) if before else None},
           after={field: str(attachment.pk)})
    add_event(subject=locked, event=action.split(".")[-1], label=label, actor=actor)
    setattr(internship, field, attachment)
    return locked


@transaction.atomic
def attach_consent(*, internship: Internship, actor, uploaded_file) -> Internship:
    """知情同意书 signed by the student and the guardian (regulation §1.8), before the school signs."""
    return _attach(internship=internship, actor=actor, uploaded_file=uploaded_file, purpose=CONSENT_PURPOSE,
                   field="consent_form", statuses=(InternshipStatus.SIGNED,),
                   refusal=_("实习当前状态为“%(status)s”，不能上传知情同意书"),
                   action="internships.consent_uploaded", label=_("学校上传知情同意书"))


@transaction.atomic
def attach_agreement_copy(*, internship: Internship, actor, uploaded_file) -> Internship:
    """The signed and stamped copy of the agreement, kept for the three parties."""
    if not internship.agreement_terms:
        raise ValidationError(_("请先填写实习协议条款"), code="no_terms")
    return _attach(internship=internship, actor=actor, uploaded_file=uploaded_file, purpose=AGREEMENT_PURPOSE,
                   field="agreement_copy", statuses=COPY_STATUSES,
                   refusal=_("实习当前状态为“%(status)s”，不能上传协议"),
                   action="internships.agreement_copy_uploaded", label=_("学校上传已签署的实习协议"))


@transaction.atomic
def sign_agreement(*, internship: Internship, actor) -> Internship:
    """The school signs for the three parties: the terms filled, the student's confirmation and the consent
    form on file, the enterprise not blacklisted (read under its profile's lock: a blacklisting queues behind
    it or is seen). Lock order: Student → EnterpriseProfile → Internship."""
    _require_school(actor, internship)
    Student.objects.select_for_update().get(pk=internship.student_id)
    profile = lock_profile(internship.enterprise)
    locked = _lock(internship)
    _require_status(locked, InternshipStatus.SIGNED, message=_("实习当前状态为“%(status)s”，不能签署协议"))
    problems = []
    if not locked.agreement_terms:
        problems.append(_("学校尚未填写实习协议条款"))
    if locked.student_confirmed_at is None:
        problems.append(_("学生尚未在线确认实习协议"))
    if locked.consent_form_id is None:
        problems.append(_("尚未上传知情同意书"))
    if profile is not None and profile.blacklisted:
        problems.append(_("该企业已列入黑名单，不能签署实习协议"))
    if problems:
        raise ValidationError(problems, code="not_ready")
    moved = INTERNSHIP_STATES.move(locked, InternshipStatus.AGREEMENT_SIGNED, actor=actor, locked=True,
                                   agreement_signed_at=timezone.now(), agreement_signed_by=actor)
    add_event(subject=moved, event="agreement_signed", label=_("三方协议已签署"), actor=actor,
              status=InternshipStatus.AGREEMENT_SIGNED)
    notify_organisation(organisation=moved.enterprise, permission=HOST, title=_("三方实习协议已签署"),
                        body=_("学校已签署%(student)s的三方实习协议。") % {"student": moved.student.name},
                        url=_detail_url(moved))
    if moved.student.person_id:
        notify(recipients=[moved.student.person], title=_("三方实习协议已签署"),
               body=_("学校已签署您与%(enterprise)s的三方实习协议。") % {"enterprise": moved.enterprise.name},
               url=_detail_url(moved))
    internship.status, internship.agreement_signed_at = moved.status, moved.agreement_signed_at
    internship.agreement_signed_by_id = moved.agreement_signed_by_id
    return moved


@transaction.atomic
def end_early(*, internship: Internship, actor, ended_on: datetime.date, reason: str) -> Internship:
    """提前终止: the school ends the internship with a date and a reason; the enterprise and the student are
    told. The position's `filled` stays: it counts the signatures the position took, and a place freed in the
    middle of the period is not re-offered behind the enterprise's back (it may raise `places` and publish)."""
    _require_school(actor, internship)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("请填写终止原因")})
    locked = _lock(internship)
    _require_status(locked, *ENDABLE_STATUSES, message=_("实习当前状态为“%(status)s”，不能提前终止"))
    errors = []
    if ended_on > timezone.localdate():
        errors.append(_("终止日期不能晚于今天"))
    if ended_on > locked.ends_on:
        errors.append(_("终止日期不能晚于实习结束日期（%(date)s）") % {"date": locked.ends_on.isoformat()})
    if locked.arrived_on and ended_on < locked.arrived_on:
        errors.append(_("终止日期不能早于到岗日期（%(date)s）") % {"date": locked.arrived_on.isoformat()})
    if errors:
        raise ValidationError({"ended_on": errors})
    moved = INTERNSHIP_STATES.move(locked, InternshipStatus.ENDED_EARLY, actor=actor, locked=True,
                                   ended_on=ended_on, end_reason=reason, ended_by=actor)
    add_event(subject=moved, event="ended_early", label=_("学校提前终止实习"), actor=actor,
              status=InternshipStatus.ENDED_EARLY, note=reason)
    body = _("%(school)s已于%(date)s提前终止%(student)s在%(enterprise)s的实习。原因：%(reason)s") % {
        "school": moved.school.name, "date": ended_on.isoformat(), "student": moved.student.name,
        "enterprise": moved.enterprise.name, "reason": reason}
    notify_organisation(organisation=moved.enterprise, permission=HOST, title=_("实习已提前终止"), body=body,
                        url=_detail_url(moved))
    if moved.student.person_id:
        notify(recipients=[moved.student.person], title=_("您的实习已提前终止"), body=body, url=_detail_url(moved))
    internship.status, internship.ended_on, internship.end_reason = moved.status, ended_on, reason
    return moved


@transaction.atomic
def complete(*, internship: Internship, actor=None, today: datetime.date) -> bool:
    """An arrived internship past its end date is over (实习结束). False when someone moved it meanwhile."""
    locked = _lock(internship)
    if locked.status != InternshipStatus.ARRIVED or locked.ends_on >= today:
        return False
    INTERNSHIP_STATES.move(locked, InternshipStatus.COMPLETED, actor=actor, locked=True)
    add_event(subject=locked, event="completed", label=_("实习期满结束"), actor=actor,
              status=InternshipStatus.COMPLETED)
    return True


def complete_ended(*, today: datetime.date) -> int:
    """Daily job internships.complete_ended: ARRIVED internships whose end date has passed → COMPLETED.
    Idempotent: a second run finds nothing left."""
    due = Internship.objects.filter(status=InternshipStatus.ARRIVED, ends_on__lt=today).order_by("pk")
    return sum(1 for item in due.only("pk") if complete(internship=item, today=today))
