"""The yearly reminders (1 October, 1 December): each linked professional whose current-year hours are short gets
what is missing, and each unit's administrator one summary. Safe to run twice a day: a message's title names the
date, and a recipient who already holds that title for the day is skipped."""

from django.urls import reverse
from django.utils.translation import gettext as _

from continuing_education.selectors.archive import ON_ROSTER, Result, attach_missing, hours_text, with_year
from notifications.models import Notification
from notifications.services import notify
from organisations.models import StaffLink, StaffMember

REMINDER_DAYS = ((10, 1), (12, 1))


def _send_once(user, *, title, body, url) -> int:
    if user is None or Notification.objects.filter(recipient=user, title=title).exists():
        return 0
    return notify(recipients=[user], title=title, body=body, url=url)


def _text(missing) -> str:
    return _("公需科目尚缺 %(public)s 学时，专业科目尚缺 %(professional)s 学时，合计尚缺 %(total)s 学时") % {
        "public": hours_text(missing.public), "professional": hours_text(missing.professional),
        "total": hours_text(missing.total)}


def send_reminders(*, today) -> int:
    """Remind the short of hours on the reminder days; returns how many messages were written."""
    if (today.month, today.day) not in REMINDER_DAYS:
        return 0
    staff = with_year(StaffMember.objects.filter(link_status__in=ON_ROSTER), year=today.year, today=today).filter(
        result=Result.IN_PROGRESS).select_related("organisation", "account").order_by("organisation_id", "name", "id")
    rows = list(staff)
    attach_missing(rows, year=today.year, today=today)
    title = _("继续教育学时提醒（%(date)s）") % {"date": today.isoformat()}
    sent, short_by_unit = 0, {}
    for row in rows:
        if not row.missing:
            continue
        short_by_unit.setdefault(row.organisation, []).append(row)
        if row.link_status == StaffLink.LINKED and row.account is not None:
            sent += _send_once(row.account, title=title, url=reverse("continuing_education:my_archive"),
                               body=_("%(year)s 年度：%(text)s。") % {"year": today.year, "text": _text(row.missing)})
    for unit, short in short_by_unit.items():
        lines = "\n".join(f"{row.name}：{_text(row.missing)}" for row in short)
        for admin in unit.members.filter(is_org_admin=True, is_active=True):
            sent += _send_once(admin, title=title, url=reverse("continuing_education:archive"),
                               body=_("本单位 %(count)s 名专业技术人员 %(year)s 年度学时不足：\n%(lines)s") % {
                                   "count": len(short), "year": today.year, "lines": lines})
    return sent

