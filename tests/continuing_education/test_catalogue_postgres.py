"""培训管理 under simultaneous requests, on PostgreSQL's real row locks: a teacher deleted while a course takes
it, and a course deleted while a class takes it (through services.catalogue.lock_courses, as the class services
do), never leave a course without its teacher or a class naming a deleted course: one wins, the other gets a
message."""

import threading
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


@pytest.mark.parametrize("first", ["edit", "delete"])
def test_a_teacher_deleted_while_a_course_takes_it(enterprise_a, admin_a, trainer_a, monkeypatch, first):
    """`first` holds the teacher row when the other arrives (events order the two threads, not timing)."""
    first_teacher = ce.teacher(enterprise_a, name="原教师")
    second = ce.teacher(enterprise_a, name="新教师")
    course = ce.course(enterprise_a, name="芯片设计", teachers=[first_teacher])
    edit_locked, delete_locked = threading.Event(), threading.Event()
    lock_teachers, check_manager = services._lock_teachers, services._check_manager

    def locking_teachers(*args, **kwargs):
        if first == "delete":
            assert delete_locked.wait(10)
        locked = lock_teachers(*args, **kwargs)
        edit_locked.set()
        time.sleep(0.3)  # the deletion arrives while the course holds the teacher
        return locked

    def checking_manager(actor, organisation_id):
        check_manager(actor, organisation_id)
        if actor == trainer_a:  # inside delete_teacher, the teacher row locked
            delete_locked.set()
            time.sleep(0.3)  # the course arrives while the deletion holds the teacher

    monkeypatch.setattr(services, "_lock_teachers", locking_teachers)
    monkeypatch.setattr(services, "_check_manager", checking_manager)
    editor, deleter = concurrency.logged_in(admin_a), concurrency.logged_in(trainer_a)
    edit_url = reverse("continuing_education:course_edit", args=[course.pk])
    delete_url = reverse("continuing_education:teacher_delete", args=[second.pk])

    def edit():
        response = editor.post(edit_url, course_data([second], name="芯片设计"))
        return "saved" if response.status_code == 302 else response.context["form"].errors.get("teachers")

    def delete():
        if first == "edit":
            assert edit_locked.wait(10)
        return texts(deleter.post(delete_url))

    edited, deleted = run_together(edit, delete)
    if first == "edit":
        assert (edited, deleted) == ("saved", ["该教师已被课程“芯片设计”使用，不能删除"])
        assert Teacher.objects.filter(pk=second.pk).exists()
        expected = ["新教师"]
    else:
        assert (edited, deleted) == (["所选教师已被删除，请重新选择"], ["教师“新教师”已删除"])
        assert not Teacher.objects.filter(pk=second.pk).exists()
        expected = ["原教师"]  # never a course left without a teacher
    assert list(Course.objects.get(pk=course.pk).teachers.values_list("name", flat=True)) == expected


@pytest.mark.parametrize("first", ["class", "delete"])
def test_a_course_deleted_while_a_class_takes_it(enterprise_a, admin_a, trainer_a, monkeypatch, first):
    course = ce.course(enterprise_a, name="待删课程")
    draft = ce.training_class(enterprise_a, by=admin_a, name="秋季班", courses=[ce.course(enterprise_a, name="基础")])
    taken_lock, delete_locked = threading.Event(), threading.Event()
    check_manager = services._check_manager

    def checking_manager(actor, organisation_id):
        check_manager(actor, organisation_id)  # inside delete_course, the course row locked
        delete_locked.set()
        time.sleep(0.3)

    monkeypatch.setattr(services, "_check_manager", checking_manager)
    deleter = concurrency.logged_in(trainer_a)

    def take():
        """What the class services do when a class takes courses: lock them (ascending id), then write."""
        if first == "delete":
            assert delete_locked.wait(10)
        try:
            with transaction.atomic():
                locked = services.lock_courses([course.pk], organisation_id=enterprise_a.pk)
                taken_lock.set()
                time.sleep(0.3)
                ClassCourse.objects.create(training_class=draft, course=locked[0], position=1)
        except ValidationError as error:
            return error.messages
        return "taken"

    def delete():
        if first == "class":
            assert taken_lock.wait(10)
        return texts(deleter.post(reverse("continuing_education:course_delete", args=[course.pk])))

    taken, deleted = run_together(take, delete)
    if first == "class":
        assert (taken, deleted) == ("taken", ["该课程已用于未提交的培训班“秋季班”，请先从培训班中移除该课程"])
        assert ClassCourse.objects.filter(training_class=draft, course=course).exists()
    else:
        assert (taken, deleted) == (["所选课程已被删除，请重新选择"], ["培训课程“待删课程”已删除"])
        assert not Course.objects.filter(pk=course.pk).exists()
        assert list(ClassCourse.objects.filter(training_class=draft).values_list("course__name", flat=True)) == [
            "基础"]
