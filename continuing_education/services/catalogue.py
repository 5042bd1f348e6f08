"""培训管理's writes (manual 004 §3.2–§3.4): teachers, courses, 面授培训点, 网授平台 and the forced completion of
the platforms' docking details (§二). Each checks the role and the unit, writes, audits, in one transaction.

Lock order (docs/architecture.md): a course before its teachers (ascending id); a teacher's deletion locks the
teacher alone, so a course naming it and the deletion queue on the teacher row and no teacher is left half
referenced. Classes take their courses through `lock_courses` (ascending id), a course's deletion locks the course
row, so a class taking a course and the deletion of that course queue on it: one wins, the other gets a message.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record, snapshot
from continuing_education import rules
from continuing_education.models import ClassCourse, ClassStatus, Course, OnlinePlatform, Teacher, TrainingSite
from core.constraints import known_violation

TEACHER_FIELDS = ("name", "title", "employer", "specialty", "mobile", "introduction")
COURSE_FIELDS = ("name", "subject_type", "hours", "outline")
SITE_FIELDS = ("name", "region", "address", "capacity")
PLATFORM_FIELDS = ("name", "operator", "url", "contact_name", "contact_phone", "is_docked")


def _check_manager(actor, organisation_id) -> None:
    if not (rules.may_manage_training(actor) and actor.organisation_id == organisation_id):
        raise PermissionDenied(_("只有本单位的管理员或具有培训管理权限的子管理员才能维护培训管理信息"))


def _save(instance):
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as error:
        raise known_violation(error) or error from None
    return instance


def _names(items) -> str:
    return "、".join(f"“{item}”" for item in items)


# --- teachers -------------------------------------------------------------------------------------------------


def create_teacher(*, organisation, actor, data: dict) -> Teacher:
    _check_manager(actor, organisation.pk)
    with transaction.atomic():
        teacher = _save(Teacher(organisation=organisation, **{name: data.get(name) or "" for name in TEACHER_FIELDS}))
        record(actor=actor, action="continuing_education.teacher_created", target=teacher,
               after=snapshot(teacher, TEACHER_FIELDS))
    return teacher


def update_teacher(*, teacher, actor, data: dict) -> Teacher:
    with transaction.atomic():
        row = Teacher.objects.select_for_update().get(pk=teacher.pk)
        _check_manager(actor, row.organisation_id)
        before = snapshot(row, TEACHER_FIELDS)
        for name in TEACHER_FIELDS:
            setattr(row, name, data.get(name) or "")
        _save(row)
        record(actor=actor, action="continuing_education.teacher_updated", target=row, before=before,
               after=snapshot(row, TEACHER_FIELDS))
    return row


def delete_teacher(*, teacher, actor) -> None:
    with transaction.atomic():
        row = Teacher.objects.select_for_update().get(pk=teacher.pk)
        _check_manager(actor, row.organisation_id)
        # Read after the lock: a course that named the teacher meanwhile has committed (it locks the teacher too).
        used_by = list(row.courses.order_by("name", "id").values_list("name", flat=True))
        if used_by:
            raise ValidationError(_("该教师已被课程%(courses)s使用，不能删除") % {"courses": _names(used_by)},
                                  code="in_use")
        before = snapshot(row, TEACHER_FIELDS)
        row.delete()
        record(actor=actor, action="continuing_education.teacher_deleted", target=None, target_repr=row.name,
               before=before)


# --- courses --------------------------------------------------------------------------------------------------


def lock_courses(ids, *, organisation_id=None) -> list[Course]:
    """Lock the courses `ids` (ascending id) for the caller's transaction and return them in that order; refuse
    if one was deleted meanwhile (or is not the unit's). Every service that makes a class take courses calls it
    before writing ClassCourse rows, so a course's deletion (which locks the course row) and the class queue."""
    wanted = sorted({int(pk) for pk in ids})
    courses = Course.objects.select_for_update().filter(pk__in=wanted).order_by("id")
    if organisation_id is not None:
        courses = courses.filter(organisation_id=organisation_id)
    locked = list(courses)
    if len(locked) != len(wanted):
        raise ValidationError(_("所选课程已被删除，请重新选择"), code="course_gone")
    return locked


def _lock_teachers(organisation_id, teachers) -> list[Teacher]:
    wanted = sorted({teacher.pk for teacher in teachers})
    if not wanted:
        raise ValidationError({"teachers": ValidationError(_("请至少选择一名授课教师"), code="required")})
    locked = list(Teacher.objects.select_for_update().filter(pk__in=wanted, organisation_id=organisation_id)
                  .order_by("id"))
    if len(locked) != len(wanted):
        raise ValidationError({"teachers": ValidationError(_("所选教师已被删除，请重新选择"), code="teacher_gone")})
    return locked


def _course_snapshot(course, teachers) -> dict:
    return {**snapshot(course, COURSE_FIELDS), "teachers": sorted(teacher.name for teacher in teachers)}


def create_course(*, organisation, actor, data: dict) -> Course:
    _check_manager(actor, organisation.pk)
    with transaction.atomic():
        course = _save(Course(organisation=organisation, **{name: data.get(name) for name in COURSE_FIELDS}))
        teachers = _lock_teachers(organisation.pk, data.get("teachers") or [])
        course.teachers.set(teachers)
        record(actor=actor, action="continuing_education.course_created", target=course,
               after=_course_snapshot(course, teachers))
    return course


def update_course(*, course, actor, data: dict) -> Course:
    """An edit shows in every draft class naming the course; an approved class keeps its approved snapshot."""
    with transaction.atomic():
        row = Course.objects.select_for_update().get(pk=course.pk)
        _check_manager(actor, row.organisation_id)
        before = _course_snapshot(row, row.teachers.all())
        for name in COURSE_FIELDS:
            setattr(row, name, data.get(name))
        _save(row)
        teachers = _lock_teachers(row.organisation_id, data.get("teachers") or [])
        row.teachers.set(teachers)
        record(actor=actor, action="continuing_education.course_updated", target=row, before=before,
               after=_course_snapshot(row, teachers))
    return row


def delete_course(*, course, actor) -> None:
    with transaction.atomic():
        row = lock_courses([course.pk])[0]
        _check_manager(actor, row.organisation_id)
        uses = list(ClassCourse.objects.filter(course=row).select_related("training_class")
                    .order_by("training_class_id"))
        if any(use.training_class.status != ClassStatus.DRAFT for use in uses):
            raise ValidationError(_("该课程已用于已提交的培训班，不能删除"), code="in_use")
        if uses:
            raise ValidationError(
                _("该课程已用于未提交的培训班%(classes)s，请先从培训班中移除该课程") % {
                    "classes": _names(use.training_class.name for use in uses)}, code="in_draft")
        before = _course_snapshot(row, row.teachers.all())
        try:
            with transaction.atomic():
                row.delete()
        except ProtectedError:  # a class took it without lock_courses
            raise ValidationError(_("该课程已用于培训班，不能删除"), code="in_use") from None
        record(actor=actor, action="continuing_education.course_deleted", target=None, target_repr=row.name,
               before=before)


# --- 面授培训点 -------------------------------------------------------------------------------------------------


def create_site(*, organisation, actor, data: dict) -> TrainingSite:
    _check_manager(actor, organisation.pk)
    with transaction.atomic():
        site = _save(TrainingSite(organisation=organisation, **{name: data.get(name) for name in SITE_FIELDS}))
        record(actor=actor, action="continuing_education.site_created", target=site,
               after=snapshot(site, SITE_FIELDS))
    return site


def update_site(*, site, actor, data: dict) -> TrainingSite:
    with transaction.atomic():
        row = TrainingSite.objects.select_for_update().get(pk=site.pk)
        _check_manager(actor, row.organisation_id)
        before = snapshot(row, SITE_FIELDS)
        for name in SITE_FIELDS:
            setattr(row, name, data.get(name))
        _save(row)
        record(actor=actor, action="continuing_education.site_updated", target=row, before=before,
               after=snapshot(row, SITE_FIELDS))
    return row


def delete_site(*, site, actor) -> None:
    with transaction.atomic():
        row = TrainingSite.objects.select_for_update().get(pk=site.pk)
        _check_manager(actor, row.organisation_id)
        classes = list(row.classes.order_by("id").values_list("name", flat=True)[:3])
        if classes:
            raise ValidationError(_("该培训点已被培训班%(classes)s使用，不能删除") % {"classes": _names(classes)},
                                  code="in_use")
        before = snapshot(row, SITE_FIELDS)
        try:
            with transaction.atomic():
                row.delete()
        except ProtectedError:  # a class chose it meanwhile
            raise ValidationError(_("该培训点已被培训班使用，不能删除"), code="in_use") from None
        record(actor=actor, action="continuing_education.site_deleted", target=None, target_repr=row.name,
               before=before)


# --- 网授平台 -----------------------------------------------------------------------------------------------------


def docking_keys() -> list[str]:
    return [key for key, _label in rules.DOCKING_FIELDS]


def _platform_snapshot(platform) -> dict:
    return {**snapshot(platform, PLATFORM_FIELDS), "docking_details": dict(platform.docking_details),
            "docking_version": platform.docking_version}


def _apply_platform(platform, actor, data: dict) -> None:
    for name in PLATFORM_FIELDS:
        setattr(platform, name, data.get(name))
    details = {key: (data.get(key) or "").strip() for key in docking_keys()}
    if platform.is_docked:
        # The form requires every docking field of a docked platform: they are complete for the current list.
        platform.docking_details = details
        platform.docking_version = rules.DOCKING_FIELDS_VERSION
        platform.docking_updated_by = actor
        platform.docking_updated_at = timezone.now()
    else:
        platform.docking_details = {key: value for key, value in details.items() if value}


def create_platform(*, organisation, actor, data: dict) -> OnlinePlatform:
    _check_manager(actor, organisation.pk)
    with transaction.atomic():
        platform = OnlinePlatform(organisation=organisation)
        _apply_platform(platform, actor, data)
        _save(platform)
        record(actor=actor, action="continuing_education.platform_created", target=platform,
               after=_platform_snapshot(platform))
    return platform


def update_platform(*, platform, actor, data: dict) -> OnlinePlatform:
    with transaction.atomic():
        row = OnlinePlatform.objects.select_for_update().get(pk=platform.pk)
        _check_manager(actor, row.organisation_id)
        before = _platform_snapshot(row)
        _apply_platform(row, actor, data)
        _save(row)
        record(actor=actor, action="continuing_education.platform_updated", target=row, before=before,
               after=_platform_snapshot(row))
    return row


def delete_platform(*, platform, actor) -> None:
    with transaction.atomic():
        row = OnlinePlatform.objects.select_for_update().get(pk=platform.pk)
        _check_manager(actor, row.organisation_id)
        in_use = _("该网授平台已有导入的网络培训成果，不能删除")
        if row.results.exists():
            raise ValidationError(in_use, code="in_use")
        before = _platform_snapshot(row)
        try:
            with transaction.atomic():
                row.delete()
        except ProtectedError:  # results were imported meanwhile
            raise ValidationError(in_use, code="in_use") from None
        record(actor=actor, action="continuing_education.platform_deleted", target=None, target_repr=row.name,
               before=before)


def complete_docking(*, organisation, actor, details: dict[int, dict]) -> list[OnlinePlatform]:
    """Forced completion (manual 004 §二): the docking details of the unit's docked platforms that predate the
    current list, `details` = {platform id: {field: value}}; each must be complete. Sets the current version."""
    _check_manager(actor, organisation.pk)
    keys = docking_keys()
    with transaction.atomic():
        rows = list(OnlinePlatform.objects.select_for_update().filter(
            organisation_id=organisation.pk, is_docked=True, pk__in=sorted(details)).order_by("id"))
        if len(rows) != len(details):
            raise ValidationError(_("网授平台已被修改或删除，请刷新后重试"), code="stale")
        now = timezone.now()
        for row in rows:
            given = {key: (details[row.pk].get(key) or "").strip() for key in keys}
            if not all(given.values()):
                raise ValidationError(_("网授平台“%(name)s”的对接信息未填写完整") % {"name": row.name},
                                      code="incomplete")
            before = _platform_snapshot(row)
            row.docking_details = {**row.docking_details, **given}
            row.docking_version = rules.DOCKING_FIELDS_VERSION
            row.docking_updated_by, row.docking_updated_at = actor, now
            row.save(update_fields=["docking_details", "docking_version", "docking_updated_by",
                                    "docking_updated_at"])
            record(actor=actor, action="continuing_education.docking_completed", target=row, before=before,
                   after=_platform_snapshot(row))
    return rows


# --- imports (培训课程批量导入, 培训教师批量导入) ---------------------------------------------------------------------
# Rows validated by the screens' forms; upserted by name within the unit, so a fixed file can be imported again.


def _upsert(rows, *, find, create, update, compare) -> tuple[int, int, int]:
    created = updated = unchanged = 0
    for data in rows:
        existing = find(data)
        if existing is None:
            create(data)
            created += 1
        elif compare(existing, data):
            unchanged += 1
        else:
            update(existing, data)
            updated += 1
    return created, updated, unchanged


def _teacher_named(organisation, name):
    found = list(Teacher.objects.filter(organisation=organisation, name=name).order_by("id")[:2])
    if len(found) > 1:
        raise ValidationError(_("本单位有多名教师名为“%(name)s”，请在师资管理页面上逐个修改") % {"name": name},
                              code="ambiguous")
    return found[0] if found else None


def import_teacher_rows(*, actor, organisation, rows) -> tuple[int, int, int]:
    return _upsert(
        rows, find=lambda data: _teacher_named(organisation, data["name"]),
        create=lambda data: create_teacher(organisation=organisation, actor=actor, data=data),
        update=lambda teacher, data: update_teacher(teacher=teacher, actor=actor, data=data),
        compare=lambda teacher, data: all(getattr(teacher, name) == (data.get(name) or "")
                                          for name in TEACHER_FIELDS))


def import_course_rows(*, actor, organisation, rows) -> tuple[int, int, int]:
    def same(course, data):
        return (all(getattr(course, name) == data.get(name) for name in COURSE_FIELDS)
                and {t.pk for t in course.teachers.all()} == {t.pk for t in data.get("teachers") or []})

    return _upsert(
        rows, find=lambda data: Course.objects.filter(organisation=organisation, name=data["name"]).first(),
        create=lambda data: create_course(organisation=organisation, actor=actor, data=data),
        update=lambda course, data: update_course(course=course, actor=actor, data=data), compare=same)
