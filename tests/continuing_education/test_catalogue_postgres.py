"""培训管理 under simultaneous requests, on PostgreSQL's real row locks: a teacher deleted while a course takes
it, and a course deleted while a class takes it (through services.catalogue.lock_courses, as the class services
do), never leave a course without its teacher or a class naming a deleted course: one wins, the other gets a
message."""

import time

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from continuing_education.models import ClassCourse, Course, Teacher
from continuing_education.services import catalogue as services
from tests.apprenticeships import concurrency
from tests.continuing_education import factories as ce
from tests.continuing_education.fixtures_catalogue import course_data, texts
from tests.reviews.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def national_floor(transactional_db):
    """The regions first (a transactional test starts from emptied tables), then the conftest's floor."""
    concurrency.load_regions()
    return ce.hours_rule("410000")


def test_a_teacher_deleted_while_a_course_takes_it(enterprise_a, admin_a, trainer_a, monkeypatch):
    first = ce.teacher(enterprise_a, name="原教师")
    second = ce.teacher(enterprise_a, name="新教师")
    course = ce.course(enterprise_a, name="芯片设计", teachers=[first])
    # Each side holds its lock a moment, so the other arrives meanwhile.
    concurrency.wait_after(monkeypatch, services, "_lock_teachers", 0.3)
    concurrency.wait_after(monkeypatch, services, "_check_manager", 0.15)
    editor, deleter = concurrency.logged_in(admin_a), concurrency.logged_in(trainer_a)
    edit_url = reverse("continuing_education:course_edit", args=[course.pk])
    delete_url = reverse("continuing_education:teacher_delete", args=[second.pk])

    def edit():
        response = editor.post(edit_url, course_data([second], name="芯片设计"))
        return "saved" if response.status_code == 302 else response.context["form"].errors.get("teachers")

    def delete():
        return texts(deleter.post(delete_url))

    edited, deleted = run_together(edit, delete)
    course_teachers = list(Course.objects.get(pk=course.pk).teachers.values_list("name", flat=True))
    if Teacher.objects.filter(pk=second.pk).exists():
        assert (edited, deleted) == ("saved", ["该教师已被课程“芯片设计”使用，不能删除"])
        assert course_teachers == ["新教师"]
    else:
        assert deleted == ["教师“新教师”已删除"]
        assert edited in (["所选教师已被删除，请重新选择"], ["所选教师不在本单位师资中"])
        assert course_teachers == ["原教师"]  # never a course left without a teacher


def test_a_course_deleted_while_a_class_takes_it(enterprise_a, admin_a, trainer_a, monkeypatch):
    course = ce.course(enterprise_a, name="待删课程")
    draft = ce.training_class(enterprise_a, by=admin_a, name="秋季班", courses=[ce.course(enterprise_a, name="基础")])
    concurrency.wait_after(monkeypatch, services, "_check_manager", 0.3)
    deleter = concurrency.logged_in(trainer_a)

    def take():
        """What the class services do when a class takes courses: lock them (ascending id), then write."""
        try:
            with transaction.atomic():
                locked = services.lock_courses([course.pk], organisation_id=enterprise_a.pk)
                time.sleep(0.3)
                ClassCourse.objects.create(training_class=draft, course=locked[0], position=1)
        except ValidationError as error:
            return error.messages
        return "taken"

    def delete():
        return texts(deleter.post(reverse("continuing_education:course_delete", args=[course.pk])))

    taken, deleted = run_together(take, delete)
    if Course.objects.filter(pk=course.pk).exists():
        assert (taken, deleted) == (
            "taken", ["该课程已用于未提交的培训班“秋季班”，请先从培训班中移除该课程"])
        assert ClassCourse.objects.filter(training_class=draft, course=course).exists()
    else:
        assert (taken, deleted) == (["所选课程已被删除，请重新选择"], ["培训课程“待删课程”已删除"])
        assert list(ClassCourse.objects.filter(training_class=draft).values_list("course__name", flat=True)) == [
            "基础"]
