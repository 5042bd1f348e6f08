"""实习到岗 (manual 000 §4.4): the enterprise confirms each student's arrival with a date, only once the tripartite
agreement is signed and a filed policy covers the arrival date (regulation §1.9: no intern without insurance).

Lock order: EnterpriseProfile (a blacklisting queues behind it) → Internship."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from internships.models import Coverage, Internship, InternshipStatus
from internships.rules import HOST, SCHOOL, is_host
from internships.services.enterprises import lock_profile
from internships.services.states import INTERNSHIP_STATES
from notifications.services import notify, notify_organisation
from timeline.services import add_event

NOT_INSURED = _("学生尚未投保实习责任保险，不能确认到岗")


def may_confirm_arrivals(user, internship: Internship | None = None) -> bool:
    if not (is_host(user) and user.has_perm(HOST)):
        return False
    return internship is None or internship.enterprise_id == user.organisation_id


def confirm_arrival(*, actor, internship: Internship, arrived_on: datetime.date) -> Internship:
    if not may_confirm_arrivals(actor, internship):
        raise PermissionDenied
    if arrived_on > timezone.localdate():
        raise ValidationError({"arrived_on": [_("到岗日期不能晚于今天")]})
    with transaction.atomic():
        profile = lock_profile(internship.enterprise)
        if profile is not None and profile.blacklisted:
            raise ValidationError(_("企业已列入黑名单，不能接收实习学生"))
        locked = INTERNSHIP_STATES.lock(internship.pk)
        if locked.status != InternshipStatus.AGREEMENT_SIGNED:
            if locked.status == InternshipStatus.SIGNED:
                raise ValidationError(_("三方协议签署后才能确认到岗"))
            raise INTERNSHIP_STATES.refuse(locked.status, InternshipStatus.ARRIVED)
        if not locked.starts_on <= arrived_on <= locked.ends_on:
            raise ValidationError({"arrived_on": [_("到岗日期应在实习期间内（%(start)s 至 %(end)s）") % {
                "start": f"{locked.starts_on:%Y-%m-%d}", "end": f"{locked.ends_on:%Y-%m-%d}"}]})
        if not Coverage.objects.filter(student_id=locked.student_id, starts_on__lte=arrived_on,
                                       ends_on__gte=arrived_on).exists():
            raise ValidationError({"arrived_on": [NOT_INSURED]})
        moved = INTERNSHIP_STATES.move(locked, InternshipStatus.ARRIVED, actor=actor, locked=True,
                                       arrived_on=arrived_on, arrival_confirmed_by=actor)
        add_event(subject=moved, event="arrived", label=_("企业确认到岗"), actor=actor, status=moved.status,
                  note=f"{arrived_on:%Y-%m-%d}")
        title = _("%(name)s 已到达实习岗位") % {"name": moved.student.name}
        body = _("%(enterprise)s 确认到岗日期：%(day)s") % {"enterprise": moved.enterprise.name,
                                                         "day": f"{arrived_on:%Y-%m-%d}"}
        url = reverse("internships:evaluation_detail", args=[moved.pk])
        notify_organisation(organisation=moved.school, title=title, body=body, url=url, permission=SCHOOL)
        if moved.student.person_id:
            notify(recipients=[moved.student.person], title=title, body=body, url=url)
    internship.status, internship.arrived_on = moved.status, moved.arrived_on
    return moved
