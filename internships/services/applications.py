"""Students choose up to five positions at once (实习申请); the enterprise agrees or refuses each (实习签约管理).

The first confirmation wins: `agree_application` takes, in the project's lock order, the Student row (the
person's lock), the EnterpriseProfile (refused if blacklisted: a blacklisting queues on the same row), the
Position (published, a place left: `filled` counts under this lock) and the student's open Applications in
ascending id; then it creates the Internship, marks the chosen application agreed and every other open one
superseded, and tells the student, the school and each enterprise whose application was withdrawn. The database
holds the same rules (in_one_active_internship, in_position_places_not_exceeded, the slot constraints)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record
from core.constraints import known_violation
from core.identifiers import age_on
from internships.events import APPLICATION_RECEIVED
from internships.models import (
    ACTIVE_STATUSES,
    MAX_OPEN_CHOICES,
    MINIMUM_AGE,
    Application,
    ApplicationStatus,
    Internship,
    InternshipStatus,
    Position,
    PositionStatus,
    Student,
)
from internships.rules import HOST, SCHOOL, is_host
from internships.selectors.pool import open_positions_q
from internships.selectors.students import today
from internships.services.enterprises import lock_profile
from internships.services.states import APPLICATION_STATES
from notifications.services import notify, notify_organisation
from timeline.services import add_event
from webhooks.services import emit

OPEN = ApplicationStatus.APPLIED
TOO_MANY = "您同时最多可以选择 %(max)d 个实习岗位：已有 %(open)d 个待企业确认的申请，本次又选择了 %(new)d 个"
UNDER_AGE = ("“%(title)s”：按照《职业学校学生实习管理规定》，不得安排未满16周岁的学生岗位实习，"
             "您在实习开始日期（%(day)s）未满16周岁")
FIRST_YEAR = ("“%(title)s”：按照《职业学校学生实习管理规定》，不得安排一年级在校学生岗位实习"
              "（实习开始日期 %(day)s 时您入学未满一年）")
NOT_OPEN = "“%(title)s”：该岗位不在本校可选的实习岗位中，或已停止报名"
ALREADY_APPLIED = "“%(title)s”：您已申请过该岗位"
ALREADY_SIGNED = "该学生已与“%(enterprise)s”签约，同一时间只能有一个实习"
SUPERSEDED_TITLE = "%(student)s已与其他企业签约，申请自动撤回"


def _active_internship(student: Student) -> Internship | None:
    return (Internship.objects.select_related("enterprise").filter(student=student, status__in=ACTIVE_STATUSES)
            .first())


def _save(instance, **kwargs) -> None:
    try:
        with transaction.atomic():
            instance.save(**kwargs)
    except IntegrityError as error:
        raise known_violation(error) or error from None


# ---------------------------------------------------------------- the student's choices


def placement_problems(student: Student, position: Position) -> list[str]:
    """Regulation §1.2 for one student and position: under 16 or in the first year on the start date."""
    facts = {"title": position.title, "day": position.starts_on.isoformat()}
    problems = []
    try:
        if age_on(student.id_number, position.starts_on) < MINIMUM_AGE:
            problems.append(_(UNDER_AGE) % facts)
    except ValueError:
        problems.append(_("身份证号无法识别出生日期，请联系学校核对学生名册"))
    if student.in_first_year_on(position.starts_on):
        problems.append(_(FIRST_YEAR) % facts)
    return problems


@transaction.atomic
def apply_for_positions(*, student: Student, positions, actor) -> list[Application]:
    """选择实习岗位: up to five open choices at once; each takes the lowest free choice slot."""
    locked = Student.objects.select_for_update(of=("self",)).select_related("school").get(pk=student.pk)
    if actor is None or locked.person_id != actor.pk:
        raise PermissionDenied
    chosen = list({position.pk: position for position in positions}.values())
    if not chosen:
        raise ValidationError(_("请至少选择一个实习岗位"), code="nothing_chosen")
    active = _active_internship(locked)
    if active is not None:
        raise ValidationError(_("您已与“%(enterprise)s”签约，不能再选择实习岗位")
                              % {"enterprise": active.enterprise.name}, code="already_signed")
    # Student → Positions (ascending id): a position closed or deleted meanwhile is seen as such below.
    list(Position.objects.select_for_update(of=("self",)).filter(pk__in=[p.pk for p in chosen]).order_by("pk")
         .values_list("pk", flat=True))
    open_ids = set(Position.objects.filter(open_positions_q(locked.school, today()),
                                           pk__in=[p.pk for p in chosen]).values_list("pk", flat=True))
    applied_ids = set(locked.applications.filter(status__in=[OPEN, ApplicationStatus.AGREED],
                                                 position__in=[p.pk for p in chosen])
                      .values_list("position_id", flat=True))
    problems = []
    for position in chosen:
        if position.pk in applied_ids:
            problems.append(_(ALREADY_APPLIED) % {"title": position.title})
        elif position.pk not in open_ids:
            problems.append(_(NOT_OPEN) % {"title": position.title})
        else:
            problems.extend(placement_problems(locked, position))
    if problems:
        raise ValidationError(problems, code="refused")
    taken = set(locked.applications.filter(status=OPEN).values_list("choice_slot", flat=True))
    if len(taken) + len(chosen) > MAX_OPEN_CHOICES:
        raise ValidationError(_(TOO_MANY) % {"max": MAX_OPEN_CHOICES, "open": len(taken), "new": len(chosen)},
                              code="too_many_choices")
    free = [slot for slot in range(1, MAX_OPEN_CHOICES + 1) if slot not in taken]
    created = []
    for slot, position in zip(free, chosen, strict=False):
        application = Application(student=locked, position=position, school=locked.school,
                                  enterprise=position.enterprise, status=OPEN, choice_slot=slot)
        _save(application)
        record(actor=actor, action="internships.application_created", target=application,
               after={"position": position.pk, "choice_slot": slot})
        add_event(subject=application, event="applied", label=_("学生提交实习申请"), actor=actor, status=OPEN)
        created.append(application)
    for enterprise in {application.enterprise for application in created}:
        notify_organisation(organisation=enterprise, permission=HOST, url=reverse("internships:signing"),
                            title=_("%(student)s申请了贵单位的实习岗位") % {"student": locked.name})
        emit(event=APPLICATION_RECEIVED, organisations=[enterprise], payload=lambda enterprise=enterprise: {
            "student_name": locked.name, "school": locked.school.name,
            "applications": [{"application_id": application.pk, "position_id": application.position_id,
                              "position_title": application.position.title, "choice_slot": application.choice_slot}
                             for application in created if application.enterprise_id == enterprise.pk],
        })
    return created


@transaction.atomic
def withdraw_application(*, application: Application, actor) -> Application:
    """本人撤回 an open application: its slot is freed."""
    student = Student.objects.select_for_update().get(pk=application.student_id)
    if actor is None or student.person_id != actor.pk:
        raise PermissionDenied
    moved = APPLICATION_STATES.move(application, ApplicationStatus.WITHDRAWN, actor=actor, expected=OPEN,
                                    choice_slot=None,
                                    decided_at=timezone.now())
    add_event(subject=moved, event="withdrawn", label=_("学生撤回实习申请"), actor=actor,
              status=ApplicationStatus.WITHDRAWN)
    return moved


# ---------------------------------------------------------------- the enterprise's decision


def _check_host(actor, application: Application) -> None:
    if not (is_host(actor) and actor.has_perm(HOST) and actor.organisation_id == application.enterprise_id):
        raise PermissionDenied


@transaction.atomic
def agree_application(*, application: Application, actor) -> Internship:
    """同意签约: the first confirmation wins (lock order: Student → EnterpriseProfile → Position → the
    student's open Applications by id → the new Internship)."""
    _check_host(actor, application)
    student = Student.objects.select_for_update().get(pk=application.student_id)
    profile = lock_profile(application.enterprise)
    if profile.blacklisted:
        raise ValidationError(_("贵单位已列入实习企业黑名单，不能签约实习学生"), code="blacklisted")
    position = Position.objects.select_for_update().get(pk=application.position_id)
    open_applications = list(Application.objects.select_for_update().filter(student=student, status=OPEN)
                             .order_by("id"))
    chosen = next((item for item in open_applications if item.pk == application.pk), None)
    if chosen is None:
        active = _active_internship(student)
        if active is not None:
            raise ValidationError(_(ALREADY_SIGNED) % {"enterprise": active.enterprise.name}, code="already_signed")
        current = Application.objects.get(pk=application.pk)
        raise APPLICATION_STATES.refuse(current.status, ApplicationStatus.AGREED)
    active = _active_internship(student)
    if active is not None:
        raise ValidationError(_(ALREADY_SIGNED) % {"enterprise": active.enterprise.name}, code="already_signed")
    if position.status != PositionStatus.PUBLISHED:
        raise ValidationError(_("岗位“%(title)s”当前状态为“%(status)s”，不能签约")
                              % {"title": position.title, "status": position.get_status_display()},
                              code="not_published")
    if position.filled >= position.places:
        raise ValidationError(_("该岗位的实习人数已满（%(places)d人）") % {"places": position.places}, code="full")
    position.filled += 1
    _save(position, update_fields=["filled", "updated_at"])
    internship = Internship(student=student, application=chosen, position=position,
                            enterprise_id=chosen.enterprise_id, school_id=chosen.school_id,
                            status=InternshipStatus.SIGNED, starts_on=position.starts_on, ends_on=position.ends_on)
    _save(internship)
    now = timezone.now()
    APPLICATION_STATES.move(chosen, ApplicationStatus.AGREED, actor=actor, locked=True, choice_slot=None,
                            decided_at=now, decided_by=actor)
    record(actor=actor, action="internships.internship_created", target=internship,
           after={"application": chosen.pk, "position": position.pk, "starts_on": position.starts_on,
                  "ends_on": position.ends_on})
    add_event(subject=chosen, event="agreed", label=_("企业同意签约"), actor=actor, status=ApplicationStatus.AGREED)
    add_event(subject=internship, event="signed", label=_("企业同意签约"), actor=actor,
              status=InternshipStatus.SIGNED)
    enterprise_name = position.enterprise.name
    withdrawn = []
    for other in open_applications:
        if other.pk == chosen.pk:
            continue
        APPLICATION_STATES.move(other, ApplicationStatus.SUPERSEDED, actor=actor, locked=True, choice_slot=None,
                                decided_at=now)
        add_event(subject=other, event="superseded", label=_("已与其他企业签约，自动撤回"), actor=actor,
                  status=ApplicationStatus.SUPERSEDED)
        withdrawn.append(other)
    facts = {"student": student.name, "enterprise": enterprise_name, "title": position.title}
    if student.person is not None:
        notify(recipients=[student.person], url=reverse("internships:student_applications"),
               title=_("“%(enterprise)s”已同意您的实习申请（%(title)s）") % facts,
               body=_("您的其他实习申请已自动撤回。") if withdrawn else "")
    notify_organisation(organisation=student.school, permission=SCHOOL,
                        url=reverse("internships:school_applications"),
                        title=_("%(student)s已与“%(enterprise)s”签约（%(title)s）") % facts)
    for enterprise_id in dict.fromkeys(other.enterprise_id for other in withdrawn):
        if enterprise_id == chosen.enterprise_id:
            continue
        notify_organisation(organisation=next(o.enterprise for o in withdrawn if o.enterprise_id == enterprise_id),
                            permission=HOST, url=reverse("internships:signing"),
                            title=_(SUPERSEDED_TITLE) % facts)
    return internship


@transaction.atomic
def refuse_application(*, application: Application, actor, reason: str) -> Application:
    """拒绝签约 with a reason; the student's slot is freed."""
    _check_host(actor, application)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("请填写拒绝原因")})
    Student.objects.select_for_update().get(pk=application.student_id)
    moved = APPLICATION_STATES.move(application, ApplicationStatus.REFUSED, actor=actor, expected=OPEN,
                                    choice_slot=None,
                                    decided_at=timezone.now(), decided_by=actor, refusal_reason=reason)
    add_event(subject=moved, event="refused", label=_("企业拒绝签约"), actor=actor, status=ApplicationStatus.REFUSED,
              note=reason)
    student = moved.student
    if student.person is not None:
        notify(recipients=[student.person], url=reverse("internships:student_applications"),
               title=_("“%(enterprise)s”未同意您的实习申请（%(title)s）")
               % {"enterprise": moved.enterprise.name, "title": moved.position.title}, body=reason)
    return moved
