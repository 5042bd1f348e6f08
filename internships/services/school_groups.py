"""实习分组: the school groups its interns at one enterprise and names the supervising teacher; the enterprise
names the mentor (指导师傅) of each group of its interns (manual 000 §4.2)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record
from core.constraints import known_violation
from internships.models import ACTIVE_STATUSES, Internship, InternshipGroup
from internships.rules import HOST, SCHOOL
from notifications.services import notify_organisation
from timeline.services import add_event

GROUP_FIELDS = ("name", "teacher_name", "teacher_phone")


def _require_school(actor, school_id) -> None:
    if actor.organisation_id != school_id or not actor.has_perm(SCHOOL):
        raise PermissionDenied


def groupable_internships(school, enterprise):
    """The school's internships at `enterprise` that may be put in a group: signed and not over."""
    return Internship.objects.filter(school=school, enterprise=enterprise, status__in=ACTIVE_STATUSES)


@transaction.atomic
def create_group(*, school, actor, enterprise, data: dict) -> InternshipGroup:
    _require_school(actor, school.pk)
    if not groupable_internships(school, enterprise).exists():
        raise ValidationError({"enterprise": _("本校在该企业没有已签约的实习学生")})
    group = InternshipGroup(school=school, enterprise=enterprise, created_by=actor,
                            **{name: data[name] for name in GROUP_FIELDS})
    try:
        with transaction.atomic():
            group.save()
    except IntegrityError as error:
        raise known_violation(error) or error from None
    record(actor=actor, action="internships.group_created", target=group,
           after={"enterprise": enterprise.pk, **{name: data[name] for name in GROUP_FIELDS}})
    return group


@transaction.atomic
def update_group(*, group: InternshipGroup, actor, data: dict) -> InternshipGroup:
    """The school renames the group or changes its teacher."""
    _require_school(actor, group.school_id)
    locked = InternshipGroup.objects.select_for_update().get(pk=group.pk)
    before = {name: getattr(locked, name) for name in GROUP_FIELDS}
    for name in GROUP_FIELDS:
        setattr(locked, name, data[name])
    try:
        with transaction.atomic():
            locked.save(update_fields=list(GROUP_FIELDS))
    except IntegrityError as error:
        raise known_violation(error) or error from None
    after = {name: getattr(locked, name) for name in GROUP_FIELDS}
    if before != after:
        record(actor=actor, action="internships.group_updated", target=locked, before=before, after=after)
    return locked


@transaction.atomic
def set_members(*, group: InternshipGroup, actor, internship_ids) -> tuple[int, int]:
    """The group holds exactly the chosen internships of its school at its enterprise (signed, not over);
    returns (added, removed). Internships are locked in ascending id order."""
    _require_school(actor, group.school_id)
    wanted = set(internship_ids)
    allowed = set(groupable_internships(group.school, group.enterprise).filter(pk__in=wanted)
                  .values_list("pk", flat=True))
    if wanted - allowed:
        raise ValidationError({"internships": _("只能将本校在该企业已签约、未结束的实习学生分入该组")})
    current = set(Internship.objects.filter(group=group).values_list("pk", flat=True))
    touched = sorted((wanted - current) | (current - wanted))
    rows = list(Internship.objects.select_for_update(of=("self",)).filter(pk__in=touched).order_by("pk"))
    added = removed = 0
    for row in rows:
        if row.pk in wanted:
            if row.status not in ACTIVE_STATUSES:
                raise ValidationError({"internships": _("%(student)s的实习已结束，不能分组") % {
                    "student": row.student}})
            before, row.group = row.group_id, group
            added += 1
        else:
            before, row.group = row.group_id, None
            removed += 1
        row.save(update_fields=["group", "updated_at"])
        record(actor=actor, action="internships.group_assigned", target=row, before={"group": before},
               after={"group": row.group_id})
        if row.group_id:
            add_event(subject=row, event="grouped", label=_("分入实习分组"), actor=actor, note=group.name)
    return added, removed


@transaction.atomic
def assign_mentor(*, group: InternshipGroup, actor, mentor_name: str, mentor_phone: str) -> InternshipGroup:
    """The enterprise names its mentor (指导师傅) for a group of its interns; the school is told."""
    if actor.organisation_id != group.enterprise_id or not actor.has_perm(HOST):
        raise PermissionDenied
    locked = InternshipGroup.objects.select_for_update().get(pk=group.pk)
    before = {"mentor_name": locked.mentor_name, "mentor_phone": locked.mentor_phone}
    locked.mentor_name, locked.mentor_phone = mentor_name, mentor_phone
    locked.mentor_assigned_at = timezone.now()
    locked.save(update_fields=["mentor_name", "mentor_phone", "mentor_assigned_at"])
    record(actor=actor, action="internships.mentor_assigned", target=locked, before=before,
           after={"mentor_name": mentor_name, "mentor_phone": mentor_phone})
    notify_organisation(organisation=locked.school, permission=SCHOOL, title=_("企业已指定指导师傅"),
                        body=_("%(enterprise)s已为“%(group)s”指定指导师傅：%(mentor)s。") % {
                            "enterprise": locked.enterprise.name, "group": locked.name, "mentor": mentor_name},
                        url=reverse("internships:school_group_detail", args=[locked.pk]))
    group.mentor_name, group.mentor_phone = locked.mentor_name, locked.mentor_phone
    group.mentor_assigned_at = locked.mentor_assigned_at
    return locked
