"""The student roll (学生名册): the school adds, edits, deletes and imports its students; and the programme's
sign-in (accounts.eligibility): a person on a school's roll enters with name and ID number, and their account
is linked to the roll entry."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.eligibility import Eligibility
from audit.services import record, snapshot
from core.constraints import known_violation
from core.navigation import asked_once_per_menu
from internships.models import Student
from internships.rules import SCHOOL, is_school

ROLL_FIELDS = ("name", "id_number", "study_level", "major", "class_name", "enrolled_on", "mobile")
AUDITED_FIELDS = ("name", "study_level", "major", "class_name", "enrolled_on")  # identifiers stay out of the log
NOT_ON_ROLL = "您不在任何学校的实习学生名册中，请联系学校"
LINKED_ELSEWHERE = "学生名册中的该学生已关联其他账号，请联系学校"


def _check_school(actor, school) -> None:
    if not (is_school(actor) and actor.has_perm(SCHOOL) and actor.organisation_id == school.pk):
        raise PermissionDenied


def _save(student: Student) -> None:
    """The form refused an ID number already on a roll, but a parallel request may have added it since: the
    unique index decides and its violation becomes the form's message."""
    try:
        with transaction.atomic():
            student.save()
    except IntegrityError as error:
        raise known_violation(error) or error from None


@transaction.atomic
def create_student(*, school, actor, data: dict) -> Student:
    _check_school(actor, school)
    student = Student(school=school, **{name: data[name] for name in ROLL_FIELDS})
    _save(student)
    record(actor=actor, action="internships.student_created", target=student,
           after=snapshot(student, AUDITED_FIELDS))
    return student


@transaction.atomic
def update_student(*, student: Student, actor, data: dict) -> Student:
    locked = Student.objects.select_for_update(of=("self",)).select_related("school").get(pk=student.pk)
    _check_school(actor, locked.school)
    if locked.person_id is not None and data["id_number"] != locked.id_number:
        raise ValidationError({"id_number": _("该学生已登录过平台，身份证号不能修改")})
    before = snapshot(locked, AUDITED_FIELDS)
    for name in ROLL_FIELDS:
        setattr(locked, name, data[name])
    _save(locked)
    record(actor=actor, action="internships.student_updated", target=locked, before=before,
           after=snapshot(locked, AUDITED_FIELDS))
    return locked


@transaction.atomic
def delete_student(*, student: Student, actor) -> None:
    """删除: only a student without any application (their history stays otherwise)."""
    locked = Student.objects.select_for_update(of=("self",)).select_related("school").get(pk=student.pk)
    _check_school(actor, locked.school)
    if locked.applications.exists():
        raise ValidationError(_("该学生已有实习申请，不能删除"), code="has_applications")
    record(actor=actor, action="internships.student_deleted", target=locked, before=snapshot(locked, AUDITED_FIELDS))
    locked.delete()


def import_student_rows(*, actor, organisation, rows: list[dict], job=None) -> tuple[int, int, int]:
    """学生名册导入: upsert by ID number within the school (the form validated each row). A student on another
    school's roll is that row's error (in_student_once). Runs inside the batch engine's chunk transaction."""
    _check_school(actor, organisation)
    created = updated = unchanged = 0
    for row in rows:
        number = row["id_number"]
        existing = Student.objects.select_for_update().filter(id_number=number, school=organisation).first()
        if existing is None:
            # On another school's roll: the unique index refuses it with its message (in_student_once).
            student = Student(school=organisation, import_job=job, **{name: row[name] for name in ROLL_FIELDS})
            _save(student)
            created += 1
            continue
        changed = [name for name in ROLL_FIELDS if getattr(existing, name) != row[name]]
        if existing.person_id is not None and "name" in changed:
            raise ValidationError({"name": _("该学生已登录过平台，姓名不能通过导入修改")})
        if not changed:
            unchanged += 1
            continue
        before = snapshot(existing, AUDITED_FIELDS)
        for name in changed:
            setattr(existing, name, row[name])
        existing.import_job = job
        _save(existing)
        record(actor=actor, action="internships.student_updated", target=existing, before=before,
               after=snapshot(existing, AUDITED_FIELDS))
        updated += 1
    return created, updated, unchanged


# ---------------------------------------------------------------- sign-in (accounts.eligibility)


def check_eligibility(*, name: str, id_number: str, user) -> Eligibility:
    """On a school's roll: the roll's name is the one the person must give; not on any roll: refused."""
    student = Student.objects.filter(id_number=id_number).first() if id_number else None
    if student is None:
        return Eligibility(refusal=_(NOT_ON_ROLL))
    if student.person_id is not None and (user is None or user.pk != student.person_id):
        return Eligibility(registered_name=student.name, refusal=_(LINKED_ELSEWHERE))
    return Eligibility(registered_name=student.name, details={"student_id": student.pk})


@transaction.atomic
def link_student(*, user, eligibility: Eligibility) -> Student:
    """The roll entry is linked to the person's account when they first enter."""
    student = Student.objects.select_for_update().get(pk=eligibility.details["student_id"])
    if student.person_id == user.pk:
        return student
    if student.person_id is not None:
        raise ValidationError(_(LINKED_ELSEWHERE), code="linked")
    student.person = user
    student.save(update_fields=["person", "updated_at"])
    record(actor=user, action="internships.student_linked", target=student, after={"person": user.pk})
    return student


def landing(user) -> str:
    return reverse("internships:student_positions")


@asked_once_per_menu
def is_participant(user) -> bool:
    return bool(user.is_authenticated) and Student.objects.filter(person_id=user.pk).exists()
