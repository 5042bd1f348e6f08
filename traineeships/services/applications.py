"""见习报名: individuals apply to published posts, withdraw, and mark posts as interesting; the unit approves or
rejects (报名审核). Approval does not onboard: 录用上岗登记 starts from an approved application.

Rules (manual 001 §2.4–2.5, regulations §2): one pending application per person at a time (also a database
constraint); after a withdrawal or a rejection the person may apply again; a person whose placement holds
their one traineeship (LIFETIME_STATUSES) never applies again; a post's places held by placements are not
handed out twice, and the unit approves only while places are free (approved applicants not yet onboarded
count as holding one). An approved applicant the unit cannot onboard is released by the unit (with a
reason) or lapses after the region's approval_lapse_days (a daily job); either frees the person to apply
elsewhere. The application's history is its timeline (timeline.Event: who, when, what, the reason),
written with each change; the audit log records the same changes for security.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.rules import is_individual
from audit.services import record
from audit.state import StateMachine
from notifications.services import notify, notify_organisation
from timeline.services import add_event
from traineeships.events import APPLICATION_RECEIVED
from traineeships.models import (
    APPLICATION_TRANSITIONS,
    LIFETIME_STATUSES,
    Application,
    ApplicationStatus,
    Placement,
    Post,
    PostInterest,
    PostStatus,
    RegionParameter,
    TraineeProfile,
)
from traineeships.rules import MANAGE_BASE as UNIT_PERMISSION
from traineeships.selectors import parameter_for
from traineeships.selectors.applications import (  # noqa: F401  (views and tests read them from here too)
    applications_for_person,
    applications_for_unit,
    get_own_application,
    get_unit_application,
    history_of,
    interested_post_ids,
    placement_of,
    places_promised,
    places_taken,
    profile_of,
)
from traineeships.services.individuals import eligibility_problem, profile_complete
from webhooks.services import emit

ONE_TRAINEESHIP = "您已参加过就业见习，每人只有一次见习机会"
ONE_PENDING = "您已有一个待审核的报名，每人同一时间只能报名一个岗位；如需改报，请先撤销原报名"


# ---------------------------------------------------------------- reads (the scoped ones live in selectors)


def why_cannot_apply(user, profile: TraineeProfile | None) -> str:
    """The reason the person may not apply to any post now, or "" (the post's own checks come on applying)."""
    if not profile_complete(profile):
        return _("请先填写并提交见习意向表，再报名见习岗位")
    if Placement.objects.filter(person=user, status__in=LIFETIME_STATUSES).exists():
        return _(ONE_TRAINEESHIP)
    pending = Application.objects.filter(person=user, status=ApplicationStatus.PENDING).select_related("post").first()
    if pending is not None:
        return _(ONE_PENDING)
    waiting = (
        Application.objects.filter(person=user, status=ApplicationStatus.APPROVED, onboarded=False)
        .select_related("post").first()
    )
    if waiting is not None:
        return _("您报名的“%(title)s”已审核通过，请等待单位办理录用上岗登记") % {"title": waiting.post.title}
    return ""


# ---------------------------------------------------------------- writes


def _decision_stamps(application: Application, current, new, actor) -> dict:
    if new == ApplicationStatus.WITHDRAWN:
        return {"withdrawn_at": timezone.now()}
    if new in (ApplicationStatus.RELEASED, ApplicationStatus.LAPSED):
        # The approval's decided_at/decided_by stay: the lapse is counted from it.
        return {"closed_at": timezone.now()}
    return {"decided_at": timezone.now(), "decided_by_id": actor.pk}


APPLICATION_STATES = StateMachine(model=Application, transitions=APPLICATION_TRANSITIONS,
                                  action="traineeships.application_status", noun=_("报名"),
                                  stamps=_decision_stamps)


# How the application's timeline names each step (the person and the unit both read it).
TIMELINE_LABELS = {
    "created": _("报名"),
    ApplicationStatus.WITHDRAWN: _("撤销报名"),
    ApplicationStatus.APPROVED: _("审核通过"),
    ApplicationStatus.REJECTED: _("审核不通过"),
    ApplicationStatus.RELEASED: _("单位释放报名"),
    ApplicationStatus.LAPSED: _("逾期未上岗，报名失效"),
}


def set_application_status(application: Application, new_status: str, *, actor, reason: str = "") -> Application:
    """The only writer of Application.status; the caller holds the row lock. The move goes into the
    application's timeline (business history) as well as the audit log."""
    new_status = ApplicationStatus(new_status)
    if new_status in (ApplicationStatus.RELEASED, ApplicationStatus.LAPSED):
        fields = {"close_reason": reason}
    elif new_status == ApplicationStatus.WITHDRAWN:
        fields = {}
    else:
        fields = {"reason": reason}
    moved = APPLICATION_STATES.move(application, new_status, actor=actor, locked=True, **fields)
    add_event(subject=moved, event=new_status.value, label=TIMELINE_LABELS.get(new_status, new_status.label),
              actor=actor, status=new_status.value, note=reason)
    return moved


def apply(*, actor: User, post: Post) -> Application:
    """报名. The person's row is locked so their own parallel requests queue; the partial unique index on
    pending applications settles anything that gets past the lock."""
    if not is_individual(actor):
        raise PermissionDenied(_("只有个人用户可以报名见习岗位"))
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=actor.pk).first()
        locked_post = Post.objects.select_for_update(of=("self",)).select_related("base__organisation").get(
            pk=post.pk)
        reason = why_cannot_apply(actor, profile_of(actor))
        if reason:
            raise ValidationError(reason, code="cannot_apply")
        problem = eligibility_problem(actor, region=locked_post.work_region)
        if problem:
            raise ValidationError(problem, code="ineligible")
        if locked_post.status != PostStatus.PUBLISHED:
            raise ValidationError(_("该岗位不在发布中，不能报名"), code="not_published")
        if places_taken(locked_post) >= locked_post.places:
            raise ValidationError(_("该岗位招募人数已满，请选择其他岗位"), code="full")
        try:
            with transaction.atomic():
                application = Application.objects.create(person=actor, post=locked_post,
                                                          applied_at=timezone.now())
        except IntegrityError:
            raise ValidationError(_(ONE_PENDING), code="one_pending") from None
        record(actor=actor, action="traineeships.application_created", target=application,
               after={"status": application.status, "post": locked_post.title})
        add_event(subject=application, event="created", label=TIMELINE_LABELS["created"], actor=actor,
                  status=application.status)
        notify_organisation(
            organisation=locked_post.base.organisation, permission=UNIT_PERMISSION,
            title=_("新的见习报名：%(name)s 报名“%(title)s”") % {"name": actor.real_name, "title": locked_post.title},
            url=reverse("traineeships:application_review", args=[application.pk]),
        )
        emit(event=APPLICATION_RECEIVED, organisations=[locked_post.base.organisation], payload=lambda: {
            "application_id": application.pk, "post_id": locked_post.pk, "post_title": locked_post.title,
            "applicant_name": actor.real_name, "applied_at": application.applied_at.isoformat(),
        })
    return application


@transaction.atomic
def withdraw(*, actor: User, application: Application) -> Application:
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.person_id != actor.pk:
        raise PermissionDenied
    if locked.status != ApplicationStatus.PENDING:
        raise ValidationError(_("只有待审核的报名可以撤销（当前：%(status)s）")
                              % {"status": locked.get_status_display()}, code="wrong_state")
    return set_application_status(locked, ApplicationStatus.WITHDRAWN, actor=actor)


def _lock_post_then_application(application: Application) -> Application:
    """The lock order: the post (the parent, whose places are counted) before the application."""
    post_id = Application.objects.filter(pk=application.pk).values_list("post_id", flat=True).first()
    if post_id is None:
        raise ValidationError(_("报名不存在"), code="missing")
    Post.objects.select_for_update(of=("self",)).filter(pk=post_id).first()
    return Application.objects.select_for_update(of=("self",)).select_related(
        "post__base__organisation", "person").get(pk=application.pk)


def _check_unit(actor, locked: Application, message) -> None:
    if not actor.has_perm(UNIT_PERMISSION) or actor.organisation_id != locked.post.base.organisation_id:
        raise PermissionDenied(message)


def full_message(post: Post, held: int, waiting: int) -> str:
    return _("该岗位招募名额已满（%(places)s人：已登记上岗%(held)s人，已审核通过待登记上岗%(waiting)s人），"
             "不能再审核通过。已审核通过的人员无法上岗时，请先释放其报名") % {
        "places": post.places, "held": held, "waiting": waiting}


@transaction.atomic
def decide(*, actor: User, application: Application, approve: bool, reason: str = "") -> Application:
    """报名审核 by the unit that owns the post: approve, or reject with a reason; the person is told.

    Approving promises the person one of the post's places, so it is allowed only while places minus the
    place-holding placements minus the approved applications not yet onboarded is above zero. The post row
    is locked first, so two approvals for the last place queue and the second one counts the first."""
    locked = _lock_post_then_application(application)
    _check_unit(actor, locked, _("只有岗位所属单位可以审核报名"))
    if locked.status != ApplicationStatus.PENDING:
        raise ValidationError(_("该报名当前状态为“%(status)s”，不能审核") % {"status": locked.get_status_display()},
                              code="wrong_state")
    reason = (reason or "").strip()
    if approve:
        held, waiting = places_promised(locked.post)
        if held + waiting >= locked.post.places:
            raise ValidationError(full_message(locked.post, held, waiting), code="full")
        set_application_status(locked, ApplicationStatus.APPROVED, actor=actor, reason=reason)
        title = _("您报名的见习岗位“%(title)s”审核通过") % {"title": locked.post.title}
    else:
        if not reason:
            raise ValidationError({"reason": _("请填写不通过原因")}, code="reason_required")
        set_application_status(locked, ApplicationStatus.REJECTED, actor=actor, reason=reason)
        title = _("您报名的见习岗位“%(title)s”审核不通过") % {"title": locked.post.title}
    notify(recipients=[locked.person], title=title, body=reason,
           url=reverse("traineeships:my_application", args=[locked.pk]))
    return locked


def releasable(application: Application) -> str:
    """Why the unit cannot release the application now ("" when it can): only an approved application
    with no 上岗登记 at all (a registration is cancelled on its own page, which frees the person too)."""
    if application.status != ApplicationStatus.APPROVED:
        return _("只有审核通过且未登记上岗的报名可以释放（当前：%(status)s）") % {
            "status": application.get_status_display()}
    if Placement.objects.filter(application=application).exists():
        return _("该报名已登记上岗，不能释放；如需终止，请在上岗登记中办理撤销登记")
    return ""


@transaction.atomic
def release(*, actor: User, application: Application, reason: str) -> Application:
    """释放报名: the unit cannot onboard an approved applicant (places filled, the post withdrawn...). The
    application becomes 单位已释放 with the reason; the person is told and may apply to any post again."""
    locked = _lock_post_then_application(application)
    _check_unit(actor, locked, _("只有岗位所属单位可以释放报名"))
    problem = releasable(locked)
    if problem:
        raise ValidationError(problem, code="wrong_state")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("请填写释放原因")}, code="reason_required")
    set_application_status(locked, ApplicationStatus.RELEASED, actor=actor, reason=reason)
    notify(recipients=[locked.person],
           title=_("您报名的见习岗位“%(title)s”已被单位释放，您可以报名其他岗位") % {"title": locked.post.title},
           body=_("释放原因：%(reason)s") % {"reason": reason},
           url=reverse("traineeships:my_application", args=[locked.pk]))
    return locked


# ---------------------------------------------------------------- lapse (a daily job)


def lapse_days_for(application: Application) -> tuple[int, bool]:
    """(approval_lapse_days of the post's work region on the approval day, whether a region parameter gave
    it); without a parameter, the model's default."""
    day = timezone.localdate(application.decided_at) if application.decided_at else timezone.localdate()
    parameter = parameter_for(application.post.work_region, day)
    if parameter is not None:
        return parameter.approval_lapse_days, True
    return RegionParameter._meta.get_field("approval_lapse_days").default, False


def onboard_by(application: Application) -> datetime.date | None:
    """The last day the unit may register the approved applicant on the post; the approval lapses after it."""
    if application.status != ApplicationStatus.APPROVED or application.decided_at is None:
        return None
    days, _found = lapse_days_for(application)
    return timezone.localdate(application.decided_at) + datetime.timedelta(days=days)


def lapse_reason(days: int, found: bool) -> str:
    text = _("审核通过后%(days)s天内未办理录用上岗登记，报名已失效") % {"days": days}
    if not found:
        text += _("（该地区未设置期限参数，按默认%(days)s天）") % {"days": days}
    return text


@transaction.atomic
def lapse(*, application: Application, today: datetime.date, actor=None) -> bool:
    """逾期未上岗: lapse one approved application whose onboarding deadline passed before `today`. Returns
    whether it lapsed; an application onboarded, released or already lapsed meanwhile is left alone, so
    the daily job may run twice."""
    locked = _lock_post_then_application(application)
    if locked.status != ApplicationStatus.APPROVED or Placement.objects.filter(application=locked).exists():
        return False
    days, found = lapse_days_for(locked)
    due = onboard_by(locked)
    if due is None or due >= today:
        return False
    reason = lapse_reason(days, found)
    set_application_status(locked, ApplicationStatus.LAPSED, actor=actor, reason=reason)
    notify(recipients=[locked.person],
           title=_("您报名的见习岗位“%(title)s”逾期未办理上岗登记，报名已失效，您可以报名其他岗位")
           % {"title": locked.post.title},
           body=reason, url=reverse("traineeships:my_application", args=[locked.pk]))
    notify_organisation(
        organisation=locked.post.base.organisation, permission=UNIT_PERMISSION,
        title=_("%(name)s 报名“%(title)s”审核通过后逾期未办理上岗登记，报名已失效")
        % {"name": locked.person.real_name, "title": locked.post.title},
        body=reason, url=reverse("traineeships:application_review", args=[locked.pk]))
    return True


def lapse_overdue_approvals(*, today: datetime.date) -> int:
    """The daily job: every approved application not onboarded within its region's approval_lapse_days
    lapses. Idempotent (a second run finds nothing left to lapse); each lapse is its own transaction."""
    # approval_lapse_days is at least 1, so nothing approved on or after yesterday can be due yet.
    latest = timezone.make_aware(datetime.datetime.combine(today - datetime.timedelta(days=1), datetime.time.min))
    candidates = (
        Application.objects.filter(status=ApplicationStatus.APPROVED, onboarded=False,
                                   decided_at__lt=latest)
        .order_by("id").values_list("pk", flat=True)
    )
    return sum(1 for pk in list(candidates) if lapse(application=Application(pk=pk), today=today))


@transaction.atomic
def set_interest(*, actor: User, post: Post, interested: bool) -> bool:
    """感兴趣 / 取消感兴趣. Returns whether the person is now interested."""
    if not is_individual(actor):
        raise PermissionDenied
    if interested:
        if post.status != PostStatus.PUBLISHED:
            raise ValidationError(_("该岗位不在发布中"), code="not_published")
        _interest, created = PostInterest.objects.get_or_create(person=actor, post=post)
        if created:
            record(actor=actor, action="traineeships.interest_added", target=post)
        return True
    deleted, _rows = PostInterest.objects.filter(person=actor, post=post).delete()
    if deleted:
        record(actor=actor, action="traineeships.interest_removed", target=post)
    return False
