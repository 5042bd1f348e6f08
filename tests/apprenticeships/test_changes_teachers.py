"""师资信息变更 (manual 003 §3.2.1.4): new teachers (师资信息 tab), 【变更培训教师】 per course (培训课程信息 tab),
师资变更原因, 提交 → the city HR department reviews; the courses change only on approval. One open change per
filing; withdraw while pending; a county cannot decide it. 【查看变更内容】 shows every change."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse

from apprenticeships.models import ChangeKind, ChangeRecord, TeacherChange, TeacherChangeStatus, TeacherSwap
from apprenticeships.services import teacher_changes as services
from reviews import services as review_services
from reviews.models import Review, ReviewStatus
from reviews.selectors import latest_review_for
from tests import factories

pytestmark = pytest.mark.django_db


def _teacher_data(name="李老师", **overrides):
    data = {"name": name, "id_number": factories.make_id_number("19850101"), "kind": "school_teacher",
            "qualification": "高级讲师", "certificate_number": "ZS2026001"}
    data.update(overrides)
    return data


def _offline(filing):
    return filing.courses.get(delivery="offline")


@pytest.fixture
def submitted(filing_a, admin_a, city_reviewer):
    """A change of filing_a: a new teacher who takes over the offline course, submitted to the city."""
    change = services.open_change(filing=filing_a, actor=admin_a)
    teacher = services.add_teacher(change=change, actor=admin_a, data=_teacher_data())
    services.swap_teacher(change=change, actor=admin_a, course_id=_offline(filing_a).pk, new_teacher_id=teacher.pk)
    services.submit_change(change=change, actor=admin_a, reason="原导师离职")
    change.refresh_from_db()
    return change


def test_the_whole_change_through_the_screens(client, filing_a, admin_a, city_reviewer):
    course = _offline(filing_a)
    old_teacher = course.teacher
    client.force_login(admin_a)
    url = reverse("apprenticeships:teacher_change", args=[filing_a.pk])
    response = client.get(url)
    assert response.status_code == 200 and "发起师资信息变更" in response.content.decode()
    assert not TeacherChange.objects.exists()  # a GET writes nothing
    assert client.post(url).status_code == 302
    change = TeacherChange.objects.get(filing=filing_a)
    assert change.status == TeacherChangeStatus.DRAFT and change.created_by == admin_a

    # 师资信息 tab: a bad ID number stays beside the field; a good one is saved.
    response = client.post(reverse("apprenticeships:teacher_change_teacher", args=[filing_a.pk]),
                           _teacher_data(id_number="410105198501010000"))
    assert response.status_code == 400
    assert "身份证号校验位错误" in response.context["teacher_form"].errors["id_number"][0]
    response = client.post(reverse("apprenticeships:teacher_change_teacher", args=[filing_a.pk]), _teacher_data(),
                           follow=True)
    assert "已新增教师 李老师" in response.content.decode()
    new_teacher = change.new_teachers.get()
    assert new_teacher.filing == filing_a
    response = client.post(reverse("apprenticeships:teacher_change_teacher", args=[filing_a.pk]),
                           _teacher_data(name="李老师二", id_number=new_teacher.id_number))
    assert response.context["teacher_form"].errors["id_number"] == ["该身份证号的教师已在本备案的师资中"]

    # 培训课程信息 tab: 【变更培训教师】.
    response = client.get(url, {"tab": "courses"})
    assert "变更培训教师" in response.content.decode()
    response = client.post(reverse("apprenticeships:teacher_change_swap", args=[filing_a.pk]),
                           {"course": course.pk, "new_teacher": old_teacher.pk})
    assert response.context["swap_form"].errors["new_teacher"] == ["新授课教师与原授课教师相同"]
    response = client.post(reverse("apprenticeships:teacher_change_swap", args=[filing_a.pk]),
                           {"course": course.pk, "new_teacher": new_teacher.pk})
    assert response.status_code == 302 and response.url.endswith("?tab=courses")
    swap = TeacherSwap.objects.get(change=change)
    assert (swap.course, swap.old_teacher, swap.new_teacher) == (course, old_teacher, new_teacher)
    course.refresh_from_db()
    assert course.teacher == old_teacher  # nothing changes before the approval

    # 提交: the reason is required.
    submit = reverse("apprenticeships:teacher_change_submit", args=[filing_a.pk])
    response = client.post(submit, {"reason": "  "})
    assert response.status_code == 400
    assert response.context["submit_form"].errors["reason"] == ["请填写师资变更原因"]
    response = client.post(submit, {"reason": "原导师离职"}, follow=True)
    assert "师资信息变更已提交地市人社部门审核" in response.content.decode()
    change.refresh_from_db()
    assert (change.status, change.reason) == (TeacherChangeStatus.SUBMITTED, "原导师离职")
    review = latest_review_for(change)
    assert review.kind == "apprenticeship_teacher_change"
    assert [(step.level, step.region.code) for step in review.steps.all()] == [("city", "410100")]
    # While pending nothing can be edited.
    response = client.post(reverse("apprenticeships:teacher_change_teacher", args=[filing_a.pk]),
                           _teacher_data(name="王老师", id_number=factories.make_id_number("19860101")), follow=True)
    assert "师资信息变更申请当前状态为“待审核”，不能修改" in response.content.decode()

    # The city reads the materials and approves: the course changes.
    client.force_login(city_reviewer)
    response = client.get(reverse("reviews:detail", args=[review.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "原导师离职" in body and "李老师" in body and "电工基础" in body
    response = client.post(reverse("reviews:decide", args=[review.pk]),
                           {"step_id": review.steps.get().pk, "decision": "approve"})
    assert response.status_code == 302
    change.refresh_from_db()
    course.refresh_from_db()
    assert change.status == TeacherChangeStatus.APPROVED and change.decided_at is not None
    assert course.teacher == new_teacher
    record = ChangeRecord.objects.get(filing=filing_a, kind=ChangeKind.TEACHERS)
    assert record.before == {"电工基础": old_teacher.name}
    assert record.after == {"电工基础": "李老师", "新增教师": "李老师"}
    assert record.actor == city_reviewer


@pytest.mark.parametrize("decision", ["return", "reject"])
def test_returned_or_rejected_changes_nothing(submitted, filing_a, admin_a, city_reviewer, decision):
    course = _offline(filing_a)
    old_teacher = course.teacher
    review = latest_review_for(submitted)
    review_services.decide(review_id=review.pk, actor=city_reviewer, decision=decision, reason="证书不符")
    submitted.refresh_from_db()
    course.refresh_from_db()
    assert course.teacher == old_teacher
    assert not ChangeRecord.objects.filter(kind=ChangeKind.TEACHERS).exists()
    if decision == "return":
        assert submitted.status == TeacherChangeStatus.RETURNED
        # Editable again and resubmitted.
        services.submit_change(change=submitted, actor=admin_a, reason="原导师离职，已补充证书")
        submitted.refresh_from_db()
        assert submitted.status == TeacherChangeStatus.SUBMITTED
    else:
        assert submitted.status == TeacherChangeStatus.REJECTED
        # Closed: a new change can be opened.
        again = services.open_change(filing=filing_a, actor=admin_a)
        assert again.pk != submitted.pk and again.status == TeacherChangeStatus.DRAFT


def test_a_county_cannot_decide(client, submitted, county_reviewer_a):
    review = latest_review_for(submitted)
    with pytest.raises(PermissionDenied):
        review_services.decide(review_id=review.pk, actor=county_reviewer_a, decision="approve")
    client.force_login(county_reviewer_a)
    response = client.post(reverse("reviews:decide", args=[review.pk]),
                           {"step_id": review.steps.get().pk, "decision": "approve"})
    assert response.status_code in (403, 404)
    submitted.refresh_from_db()
    assert submitted.status == TeacherChangeStatus.SUBMITTED


def test_withdraw_while_pending(client, submitted, filing_a, admin_a):
    client.force_login(admin_a)
    response = client.post(reverse("apprenticeships:teacher_change_withdraw", args=[filing_a.pk]), follow=True)
    assert "已撤回师资信息变更申请" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == TeacherChangeStatus.DRAFT
    assert latest_review_for(submitted).status == ReviewStatus.WITHDRAWN
    response = client.post(reverse("apprenticeships:teacher_change_withdraw", args=[filing_a.pk]), follow=True)
    assert "该师资信息变更申请不在审核中，不能撤回" in response.content.decode()


def test_one_open_change_per_filing(filing_a, admin_a):
    first = services.open_change(filing=filing_a, actor=admin_a)
    assert services.open_change(filing=filing_a, actor=admin_a) == first
    with pytest.raises(IntegrityError), transaction.atomic():
        TeacherChange.objects.create(filing=filing_a, created_by=admin_a)
    assert TeacherChange.objects.filter(filing=filing_a).count() == 1


def test_removing_new_teachers_and_swaps(filing_a, admin_a):
    change = services.open_change(filing=filing_a, actor=admin_a)
    teacher = services.add_teacher(change=change, actor=admin_a, data=_teacher_data())
    swap = services.swap_teacher(change=change, actor=admin_a, course_id=_offline(filing_a).pk,
                                 new_teacher_id=teacher.pk)
    with pytest.raises(Exception, match="请先撤销该课程的教师替换"):
        services.remove_teacher(change=change, actor=admin_a, teacher_id=teacher.pk)
    services.remove_swap(change=change, actor=admin_a, swap_id=swap.pk)
    services.remove_teacher(change=change, actor=admin_a, teacher_id=teacher.pk)
    assert not change.swaps.exists() and not change.new_teachers.exists()
    with pytest.raises(Exception, match="请先新增教师或为课程变更培训教师"):
        services.submit_change(change=change, actor=admin_a, reason="无")


def test_a_teacher_of_an_open_change_is_not_offered_to_another(filing_a, admin_a):
    change = services.open_change(filing=filing_a, actor=admin_a)
    teacher = services.add_teacher(change=change, actor=admin_a, data=_teacher_data())
    assert teacher in services.teachers_for_swap(filing_a, change)
    assert teacher not in services.teachers_for_swap(filing_a)


def test_the_screens_are_the_enterprise_s(client, filing_a, draft_a, filing_b, admin_a, admin_b, claimer_a,
                                          county_reviewer_a, city_reviewer, institution_admin):
    url = reverse("apprenticeships:teacher_change", args=[filing_a.pk])
    client.force_login(admin_b)
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    for user in (claimer_a, county_reviewer_a, city_reviewer, institution_admin):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.post(url).status_code == 403
    client.force_login(admin_a)
    response = client.post(reverse("apprenticeships:teacher_change", args=[draft_a.pk]), follow=True)
    assert "只有审核通过的备案可以办理变更（当前状态：未提交）" in response.content.decode()
    response = client.post(reverse("apprenticeships:teacher_change_submit", args=[filing_a.pk]), {"reason": "x"},
                           follow=True)
    assert "该备案没有办理中的师资信息变更申请" in response.content.decode()
    assert not TeacherChange.objects.exists() and not Review.objects.exists()


# ------------------------------------------------------------------------------------------------ 查看变更内容


def test_change_records_page(client, submitted, filing_a, admin_a, city_reviewer, county_reviewer_a,
                             institution_admin, admin_b, other_city_reviewer, county_reviewer_b):
    review = latest_review_for(submitted)
    review_services.decide(review_id=review.pk, actor=city_reviewer, decision="approve")
    url = reverse("apprenticeships:change_records", args=[filing_a.pk])
    for user in (admin_a, county_reviewer_a, city_reviewer, institution_admin):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, user
        body = response.content.decode()
        assert "师资信息变更" in body and "原导师离职" in body and "李老师" in body
    for user in (admin_b, other_city_reviewer, county_reviewer_b):
        client.force_login(user)
        assert client.get(url).status_code == 404
    client.force_login(admin_a)
    assert client.get(url, {"page": "²"}).status_code == 200


def test_review_materials_show_the_swaps(client, submitted, city_reviewer):
    client.force_login(city_reviewer)
    response = client.get(reverse("reviews:detail", args=[latest_review_for(submitted).pk]))
    body = response.content.decode()
    assert "课程教师替换" in body and "新增教师" in body and "高级讲师" in body


def test_a_sub_admin_with_only_the_filing_permission_prepares_but_the_engine_asks_for_submit(client, filing_a,
                                                                                           filer_a, city_reviewer):
    """The filing permission opens the screens; submitting to a review is the unit's 提交申报 permission
    (reviews.submit, the engine's rule): without it the page says so and nothing is written."""
    client.force_login(filer_a)
    client.post(reverse("apprenticeships:teacher_change", args=[filing_a.pk]))
    change = TeacherChange.objects.get(filing=filing_a)
    client.post(reverse("apprenticeships:teacher_change_teacher", args=[filing_a.pk]), _teacher_data())
    assert change.new_teachers.count() == 1
    response = client.post(reverse("apprenticeships:teacher_change_submit", args=[filing_a.pk]), {"reason": "离职"})
    assert response.status_code == 400
    assert "您无权提交该事项" in response.content.decode()
    change.refresh_from_db()
    assert (change.status, change.reason) == (TeacherChangeStatus.DRAFT, "")
    assert not Review.objects.exists()


def test_a_cancelled_filing_s_change_cannot_take_effect(submitted, filing_a, city_reviewer):
    from apprenticeships.models import Filing

    Filing.objects.filter(pk=filing_a.pk).update(status="cancelled", cancel_reason="企业停产")
    review = latest_review_for(submitted)
    with pytest.raises(Exception, match="师资信息变更不能再生效"):
        review_services.decide(review_id=review.pk, actor=city_reviewer, decision="approve")
    submitted.refresh_from_db()
    assert submitted.status == TeacherChangeStatus.SUBMITTED
    assert _offline(filing_a).teacher != submitted.swaps.get().new_teacher
    review_services.decide(review_id=review.pk, actor=city_reviewer, decision="reject", reason="培训班已注销")
    submitted.refresh_from_db()
    assert submitted.status == TeacherChangeStatus.REJECTED


def test_the_teacher_change_tab_through_its_form(client, filing_a, admin_a, submitted):
    course = _offline(filing_a)
    client.force_login(admin_a)
    url = reverse("apprenticeships:teacher_change", args=[filing_a.pk])
    # absent: 师资信息
    response = client.get(url)
    page = response.content.decode()
    assert response.context["tab"] == "teachers" and 'data-testid="new-teachers"' in page and "李老师" in page
    # a good tab
    response = client.get(url, {"tab": "courses"})
    page = response.content.decode()
    assert response.context["tab"] == "courses" and f'data-course="{course.pk}"' in page
    assert 'data-testid="new-teachers"' not in page
    # tampered: the message above the lists, neither shown
    response = client.get(url, {"tab": "course"})
    page = response.content.decode()
    assert response.status_code == 200 and response.context["tab"] is None
    assert 'role="alert" data-field-error="tab">没有该页签，请从页签中选择<' in page
    assert 'data-testid="new-teachers"' not in page and "data-course=" not in page and "李老师" not in page
