"""A person's own account linked to a unit's staff record (manual 004: a registered 专技人员 asks to join a unit, its
administrator approves or rejects; 调离 ends the link). Every change of `StaffMember.link_status` goes through
STAFF_LINK_STATES; these services are its only callers.

One current unit per person is the database's rule (`staff_one_current_unit_per_person`, registered with its
message in `register_staff_link_constraint`); a request also locks the person's User row first (lock order step 1),
so one person's parallel requests queue and the second one reads the first one's result.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from accounts.rules import is_individual
from audit.services import record
from audit.state import StateMachine
from core.identifiers import birth_date_from_id, gender_from_id
from notifications.services import notify
from organisations.models import (
    CURRENT_LINKS,
    STAFF_LINK_TRANSITIONS,
    Organisation,
    OrganisationKind,
    StaffLink,
    StaffMember,
)
from organisations.rules import MANAGE_STAFF

ONE_CURRENT_UNIT = "staff_one_current_unit_per_person"

# The pages a link notification opens: the unit's 待审核的专技人员 and the person's 加入单位. They belong to the
# programme that offers joining (continuing education), which names them from its ready() (register_pages).
_pages = {"requests": "", "join": ""}


def register_pages(*, requests_url_name: str, join_url_name: str) -> None:
    _pages.update(requests=requests_url_name, join=join_url_name)


# Called inside request_join's transaction with the requested roster row: the programme that offers joining
# publishes it as its webhook event (webhooks sit above this app, so they are told, not imported).
_join_listeners = []


def on_join_requested(listener) -> None:
    if listener not in _join_listeners:
        _join_listeners.append(listener)


def _page(key: str) -> str:
    return reverse(_pages[key]) if _pages[key] else ""
REASON_MAX = 255


def one_current_unit_message() -> str:
    return _("您已加入或正在申请加入其他单位，请先办理调离")


def register_staff_link_constraint() -> None:
    from core.constraints import register_constraint

    register_constraint(StaffMember, ONE_CURRENT_UNIT, gettext_lazy("您已加入或正在申请加入其他单位，请先办理调离"))


def _stamps(member, current, new, actor) -> dict:
    now = timezone.now()
    if new == StaffLink.REQUESTED:
        return {"link_requested_at": now, "link_reason": ""}
    if new == StaffLink.LINKED:
        return {"linked_at": now, "link_ended_at": None}
    if new == StaffLink.ENDED:
        return {"link_ended_at": now}
    return {}


STAFF_LINK_STATES = StateMachine(model=StaffMember, transitions=STAFF_LINK_TRANSITIONS, field="link_status",
                                 action="staff.link_status", noun=gettext_lazy("加入单位申请"), stamps=_stamps)


def may_join(user) -> bool:
    """An individual signed in with their own account and an ID number (专技人员), not an organisation's member."""
    return is_individual(user) and bool(user.id_number_hash)


def may_manage_links(user, organisation: Organisation) -> bool:
    """Approving, rejecting and 调离: the unit's administrator or a sub-administrator holding 人员信息."""
    return (user.is_authenticated and user.organisation_id == organisation.pk
            and organisation.kind != OrganisationKind.GOVERNMENT and user.has_perm(MANAGE_STAFF))


def current_link(user) -> StaffMember | None:
    """The person's requested or linked staff record (at most one, by the constraint)."""
    return (StaffMember.objects.filter(account=user, link_status__in=CURRENT_LINKS)
            .select_related("organisation").first())


def links_of(user):
    """Every staff record carrying the person's account, newest first (their history of units)."""
    return StaffMember.objects.filter(account=user).select_related("organisation").order_by("-updated_at", "-id")


def _move(member, new, *, actor, **fields):
    # The machine turns the constraint's IntegrityError into its registered message (a ValidationError).
    return STAFF_LINK_STATES.move(member, new, actor=actor, **fields)


@transaction.atomic
def request_join(*, actor: User, organisation: Organisation) -> StaffMember:
    """申请加入: the unit's roster row with the person's ID number (typed by the administrator before, or new) is
    linked to the account and waits for the administrator."""
    if not may_join(actor):
        raise PermissionDenied
    User.objects.select_for_update().filter(pk=actor.pk).first()  # lock order 1: the acting person
    if organisation.kind == OrganisationKind.GOVERNMENT:
        raise ValidationError(_("政府部门不接受专技人员加入申请"))
    current = current_link(actor)
    if current is not None:
        if current.organisation_id == organisation.pk:
            raise ValidationError(_("您已加入或已申请加入该单位"))
        raise ValidationError(one_current_unit_message())
    member = StaffMember.objects.filter(organisation=organisation, id_number=actor.id_number).first()
    if member is None:
        try:
            with transaction.atomic():
                member = StaffMember.objects.create(
                    organisation=organisation, name=actor.real_name, id_number=actor.id_number,
                    gender=gender_from_id(actor.id_number), birth_date=birth_date_from_id(actor.id_number),
                    mobile=actor.mobile or "",
                )
        except IntegrityError:
            # The administrator added the person at this moment (one row per ID number in a unit): that row is
            # the one the request links.
            member = StaffMember.objects.filter(organisation=organisation, id_number=actor.id_number).first()
            if member is None:
                raise
        else:
            record(actor=actor, action="staff.create", target=member,
                   after={"name": member.name, "organisation": organisation.pk, "by_request": True})
    member = _move(member, StaffLink.REQUESTED, actor=actor, account=actor)
    notify(recipients=_managers(organisation), title=_("新的加入单位申请：%(name)s") % {"name": actor.real_name},
           body=_("%(name)s申请加入本单位，请在“待审核的专技人员”中审核。") % {"name": actor.real_name},
           url=_page("requests"))
    for listener in _join_listeners:
        listener(member)
    return member


@transaction.atomic
def cancel_request(*, actor: User) -> StaffMember:
    """The person withdraws their pending request."""
    User.objects.select_for_update().filter(pk=actor.pk).first()
    member = StaffMember.objects.filter(account=actor, link_status=StaffLink.REQUESTED).first()
    if member is None:
        raise ValidationError(_("没有待审核的加入申请"))
    return _move(member, StaffLink.NONE, actor=actor, expected=StaffLink.REQUESTED, account=None)


def _check_manager(actor, member) -> None:
    if not may_manage_links(actor, member.organisation):
        raise PermissionDenied


def _tell(member, title, body="") -> None:
    if member.account_id:
        notify(recipients=[member.account], title=title, body=body, url=_page("join"))


@transaction.atomic
def approve(*, actor: User, member: StaffMember) -> StaffMember:
    _check_manager(actor, member)
    member = _move(member, StaffLink.LINKED, actor=actor, expected=StaffLink.REQUESTED)
    _tell(member, _("您已加入%(unit)s") % {"unit": member.organisation.name})
    return member


@transaction.atomic
def approve_many(*, actor: User, organisation: Organisation, pks) -> int:
    """批量通过: the pending requests among `pks` (rows of one table, locked in ascending id order)."""
    if not may_manage_links(actor, organisation):
        raise PermissionDenied
    members = list(StaffMember.objects.select_for_update().filter(
        organisation=organisation, pk__in=pks, link_status=StaffLink.REQUESTED).order_by("pk"))
    for member in members:
        _move(member, StaffLink.LINKED, actor=actor, locked=True)
        _tell(member, _("您已加入%(unit)s") % {"unit": organisation.name})
    return len(members)


def _reason(reason: str, empty_message: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": empty_message})
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": _("不能超过 %(n)d 个字") % {"n": REASON_MAX}})
    return reason


@transaction.atomic
def reject(*, actor: User, member: StaffMember, reason: str) -> StaffMember:
    _check_manager(actor, member)
    reason = _reason(reason, _("请填写不通过的原因"))
    member = _move(member, StaffLink.REJECTED, actor=actor, expected=StaffLink.REQUESTED, link_reason=reason)
    _tell(member, _("%(unit)s未通过您的加入申请") % {"unit": member.organisation.name}, reason)
    return member


@transaction.atomic
def end_link(*, actor: User, member: StaffMember, reason: str) -> StaffMember:
    """调离: the person leaves the unit; their archive stays theirs and they may join another unit."""
    _check_manager(actor, member)
    reason = _reason(reason, _("请填写调离原因"))
    member = _move(member, StaffLink.ENDED, actor=actor, expected=StaffLink.LINKED, link_reason=reason)
    _tell(member, _("您已从%(unit)s调离") % {"unit": member.organisation.name}, reason)
    return member


def _managers(organisation: Organisation):
    members = organisation.members.filter(is_active=True).prefetch_related("roles")
    return [user for user in members if user.has_perm(MANAGE_STAFF)]
