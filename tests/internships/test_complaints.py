"""实习投诉 and 申诉 (manual 000 §4.6): the student complains, the school investigates and concludes through the
review engine, the enterprise appeals one or several conclusions, the school upholds or dismisses the appeal."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from audit.models import AuditEntry
from internships.models import (
    Appeal,
    AppealStatus,
    Complaint,
    ComplaintCategory,
    ComplaintStatus,
    InternshipStatus,
)
from internships.services import appeals
from internships.services import complaints as services
from notifications.models import Notification
from reviews import services as review_services
from reviews.models import Review, ReviewStatus
from reviews.selectors import latest_review_for
from tests import factories
from tests.internships import factories as f
from timeline.selectors import events_for

pytestmark = pytest.mark.django_db

LIST = reverse("internships:enterprise_complaints")
NEW = reverse("internships:complaint_create")
MINE = reverse("internships:student_complaints")
APPEAL = reverse("internships:appeal_create")


@pytest.fixture
def position(host_a, admin_a):
    return f.position(host_a, admin_a)


@pytest.fixture
def internship(student_record, position, school, school_admin, host_a):
    group = f.group(school, host_a, school_admin)
    return f.internship(f.application(student_record, position), status=InternshipStatus.ARRIVED, group=group)


def file(client, student, internship, categories=("place", "lodging"), details="宿舍与岗位说明不符。"):
    client.force_login(student)
    return client.post(NEW, {"internship": internship.pk, "categories": list(categories), "details": details})


def filed(student, internship, categories=(ComplaintCategory.PLACE,), details="实际工作地点在外地。"):
    return services.file_complaint(internship=internship, actor=student, categories=list(categories),
                                   details=details)


def conclude(client, user, complaint, result="substantiated", conclusion="经调查，情况属实。"):
    client.force_login(user)
    return client.post(reverse("internships:complaint_conclude", args=[complaint.pk]),
                       {"result": result, "conclusion": conclusion})


def concluded(student, internship, school_admin, substantiated=True):
    complaint = filed(student, internship)
    return services.conclude_complaint(complaint=complaint, actor=school_admin, substantiated=substantiated,
                                       conclusion="经调查核实。")


def appeal_post(client, user, complaints, text="学校处理结果与实际不符"):
    client.force_login(user)
    return client.post(APPEAL, {"complaints": [c.pk for c in complaints], "text": text})


# ---------------------------------------------------------------- the student complains


def test_student_files_a_complaint_and_the_school_is_asked(client, student, internship, school_admin):
    response = file(client, student, internship)
    assert response.status_code == 302 and response["Location"] == MINE
    complaint = Complaint.objects.get()
    assert complaint.categories == ["place", "lodging"]
    assert complaint.status == ComplaintStatus.SUBMITTED
    assert (complaint.enterprise, complaint.school, complaint.student) == (
        internship.enterprise, internship.school, internship.student)
    review = latest_review_for(complaint)
    assert review.kind == services.COMPLAINT_KIND and review.status == ReviewStatus.PENDING
    assert review.submitter_org is None and review.submitted_by == student
    step = review.steps.get()
    assert step.level == "unit" and step.reviewer_org == internship.school
    assert Notification.objects.filter(recipient=school_admin, title__startswith="新的待审核事项").count() == 1
    assert AuditEntry.objects.filter(action="internships.complaint_filed").count() == 1
    page = client.get(MINE).content.decode()
    assert "工作地点与实习协议规定不一致,住宿条件与实习岗位说明不符" in page and "待处理" in page


def test_no_category_is_a_message_next_to_the_field_and_nothing_is_saved(client, student, internship):
    response = file(client, student, internship, categories=())
    assert response.status_code == 200
    assert '<div class="invalid-feedback d-block" data-field-error="categories">请至少选择一个投诉类别</div>' in (
        response.content.decode())
    response = file(client, student, internship, details="   ")
    assert "请填写投诉内容" in response.content.decode()
    response = file(client, student, internship, categories=("nonsense",))
    assert "未知的投诉类别" in response.content.decode()
    assert not Complaint.objects.exists() and not Review.objects.exists()


def test_service_refuses_no_category(student, internship):
    with pytest.raises(ValidationError) as error:
        services.file_complaint(internship=internship, actor=student, categories=[], details="x")
    assert error.value.message_dict == {"categories": ["请至少选择一个投诉类别"]}


def test_student_cannot_complain_about_another_students_internship(client, student, internship, school,
                                                                    position):
    other = f.student(school, person=factories.individual(username="wang", real_name="王同学"))
    foreign = f.internship(f.application(other, position))
    response = file(client, student, foreign)
    assert response.status_code == 200
    assert "请选择本人的实习企业" in response.content.decode()
    with pytest.raises(PermissionDenied):
        filed(student, foreign)
    assert not Complaint.objects.exists()


def test_cancelled_internship_cannot_be_complained_about(client, student, student_record, position):
    cancelled = f.internship(f.application(student_record, position), status=InternshipStatus.CANCELLED)
    assert file(client, student, cancelled).status_code == 200
    assert "企业同意签约后，才能对实习企业进行投诉" in client.get(NEW).content.decode()
    with pytest.raises(ValidationError):
        filed(student, cancelled)
    assert not Complaint.objects.exists()


def test_student_pages_deny_other_roles(client, admin_a, school_admin, outsider):
    for user in (admin_a, school_admin, outsider):
        client.force_login(user)
        assert client.get(MINE).status_code == 403
        assert client.get(NEW).status_code == 403


def test_student_sees_only_their_own_complaints(client, student, internship, student_b_person, student_b_record):
    complaint = filed(student, internship)
    client.force_login(student_b_person)
    assert client.get(reverse("internships:complaint_detail", args=[complaint.pk])).status_code == 404
    assert "实际工作地点在外地" not in client.get(MINE).content.decode()
    client.force_login(student)
    assert client.get(reverse("internships:complaint_detail", args=[complaint.pk])).status_code == 200


def test_student_withdraws_through_the_engine(student, internship):
    complaint = filed(student, internship)
    review_services.withdraw(review_id=latest_review_for(complaint).pk, actor=student)
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.WITHDRAWN


# ---------------------------------------------------------------- the school handles it


def test_school_investigates_then_concludes_substantiated(client, student, internship, school_admin, admin_a):
    complaint = filed(student, internship)
    client.force_login(school_admin)
    page = client.get(reverse("internships:complaint_detail", args=[complaint.pk])).content.decode()
    assert 'data-testid="investigate"' in page and 'data-testid="conclude-form"' in page
    response = client.post(reverse("internships:complaint_investigate", args=[complaint.pk]))
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.INVESTIGATING
    assert Notification.objects.filter(recipient=student, title="学校正在调查您的实习投诉").exists()
    # Investigating twice is refused with a message, nothing written.
    client.post(reverse("internships:complaint_investigate", args=[complaint.pk]))
    assert AuditEntry.objects.filter(action="internships.complaint_status").count() == 1

    response = conclude(client, school_admin, complaint, conclusion="企业安排到外地，情况属实。")
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.SUBSTANTIATED
    assert complaint.conclusion == "企业安排到外地，情况属实。"
    assert complaint.concluded_by == school_admin and complaint.concluded_at is not None
    review = latest_review_for(complaint)
    assert review.status == ReviewStatus.APPROVED
    assert review.steps.get().reason == "企业安排到外地，情况属实。"
    assert Notification.objects.filter(recipient=admin_a, title="实习投诉处理结果：投诉情况属实（张同学）").exists()
    assert Notification.objects.filter(recipient=student, title="您的实习投诉已处理：投诉情况属实").exists()
    assert [event.event for event in events_for(complaint).order_by("id")] == ["filed", "investigating", "concluded"]
    client.force_login(student)
    page = client.get(MINE).content.decode()
    assert "投诉情况属实" in page and "企业安排到外地，情况属实。" in page


def test_school_concludes_unsubstantiated_straight_away(client, student, internship, school_admin, admin_a):
    complaint = filed(student, internship)
    assert conclude(client, school_admin, complaint, result="unsubstantiated",
                    conclusion="核实工作地点与协议一致。").status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.UNSUBSTANTIATED
    assert complaint.conclusion == "核实工作地点与协议一致。"
    assert latest_review_for(complaint).status == ReviewStatus.REJECTED
    assert Notification.objects.filter(recipient=admin_a, title__contains="投诉情况不属实").exists()


@pytest.mark.parametrize("result", ["substantiated", "unsubstantiated"])
def test_a_conclusion_needs_a_reason(client, student, internship, school_admin, result):
    complaint = filed(student, internship)
    response = conclude(client, school_admin, complaint, result=result, conclusion="  ")
    assert response.status_code == 200
    assert 'data-field-error="conclusion">请填写处理意见（投诉处理结论的理由）' in response.content.decode()
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.SUBMITTED
    assert latest_review_for(complaint).status == ReviewStatus.PENDING


def test_conclusion_without_a_choice_is_a_message(client, student, internship, school_admin):
    complaint = filed(student, internship)
    response = conclude(client, school_admin, complaint, result="maybe")
    assert "请选择处理结论" in response.content.decode()
    assert latest_review_for(complaint).status == ReviewStatus.PENDING


def test_the_engines_generic_approval_without_reason_is_refused(student, internship, school_admin):
    """The inbox's 批量通过 gives no reason: the complaint refuses to be concluded without one."""
    complaint = filed(student, internship)
    review = latest_review_for(complaint)
    with pytest.raises(ValidationError):
        review_services.decide(review_id=review.pk, actor=school_admin, decision="approve")
    with pytest.raises(ValidationError):
        review_services.decide(review_id=review.pk, actor=school_admin, decision="return", reason="请补充")
    review.refresh_from_db()
    complaint.refresh_from_db()
    assert review.status == ReviewStatus.PENDING and complaint.status == ComplaintStatus.SUBMITTED


def test_only_the_students_school_administrator_handles(client, student, internship, school_b_admin, admin_a,
                                                       school_member, education_reviewer, county_reviewer_a,
                                                       student_b_person, student_b_record):
    complaint = filed(student, internship)
    expected = {school_b_admin: 404, admin_a: 403, school_member: 404, education_reviewer: 403,
                county_reviewer_a: 404, student: 403, student_b_person: 404}
    for user, status in expected.items():
        client.force_login(user)
        assert conclude(client, user, complaint).status_code == status, user
        assert client.post(reverse("internships:complaint_investigate", args=[complaint.pk])).status_code == status
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.SUBMITTED
    with pytest.raises(PermissionDenied):
        services.conclude_complaint(complaint=complaint, actor=admin_a, substantiated=True, conclusion="x")


def test_a_concluded_complaint_cannot_be_concluded_again(client, student, internship, school_admin):
    complaint = concluded(student, internship, school_admin)
    assert conclude(client, school_admin, complaint, result="unsubstantiated").status_code == 403
    with pytest.raises(ValidationError):
        services.conclude_complaint(complaint=complaint, actor=school_admin, substantiated=False, conclusion="x")
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.SUBSTANTIATED


# ---------------------------------------------------------------- the enterprise appeals


def test_enterprise_list_shows_the_manuals_columns(client, student, internship, school_admin, admin_a):
    complaint = concluded(student, internship, school_admin)
    client.force_login(admin_a)
    page = client.get(LIST).content.decode()
    for text in ("投诉时间", "投诉内容", "投诉人姓名", "学校名称", "指导教师", "处理结果", "申诉记录",
                 "工作地点与实习协议规定不一致", "张同学", internship.school.name, "赵老师", "投诉情况属实"):
        assert text in page, text
    assert f'name="complaints" value="{complaint.pk}"' in page


def test_enterprise_appeals_several_at_once(client, student, internship, school_admin, admin_a):
    first = concluded(student, internship, school_admin)
    second = concluded(student, internship, school_admin, substantiated=False)
    open_one = filed(student, internship)
    client.force_login(admin_a)
    page = client.get(APPEAL, {"complaints": [first.pk, second.pk]}).content.decode()
    assert page.count("经调查核实。") == 2 and "投诉情况不属实" in page
    # An open complaint is not appealable: the selection is refused with a message.
    response = client.get(APPEAL, {"complaints": [open_one.pk]})
    assert response.status_code == 302 and response["Location"] == LIST
    response = appeal_post(client, admin_a, [first, second])
    appeal = Appeal.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("internships:appeal_detail",
                                                                           args=[appeal.pk])
    assert set(appeal.complaints.all()) == {first, second}
    assert appeal.school == internship.school and appeal.status == AppealStatus.PENDING
    review = latest_review_for(appeal)
    assert review.kind == appeals.APPEAL_KIND and review.submitter_org == internship.enterprise
    assert review.steps.get().reviewer_org == internship.school
    assert Notification.objects.filter(recipient=school_admin, title__startswith="新的待审核事项：申诉").exists()
    page = client.get(LIST).content.decode()
    assert "学校处理结果与实际不符 [待处理]" in page
    # Complaints with a pending appeal are no longer offered.
    assert f'name="complaints" value="{first.pk}"' not in page


def test_appeal_needs_a_text(client, student, internship, school_admin, admin_a):
    complaint = concluded(student, internship, school_admin)
    response = appeal_post(client, admin_a, [complaint], text="")
    assert response.status_code == 200
    assert 'data-field-error="text">请填写申诉内容' in response.content.decode()
    assert not Appeal.objects.exists()


def test_nothing_selected_is_a_message(client, admin_a, host_a):
    client.force_login(admin_a)
    response = client.get(APPEAL, follow=True)
    assert "请选择要申诉的投诉" in response.content.decode()
    response = client.get(APPEAL + "?complaints=abc", follow=True)
    assert response.status_code == 200


def test_second_appeal_refused_while_one_is_pending(client, student, internship, school_admin, admin_a):
    complaint = concluded(student, internship, school_admin)
    appeals.file_appeal(enterprise=internship.enterprise, complaints=[complaint], text="不符", actor=admin_a)
    with pytest.raises(ValidationError) as error:
        appeals.file_appeal(enterprise=internship.enterprise, complaints=[complaint], text="再次", actor=admin_a)
    assert error.value.message_dict == {"complaints": ["投诉“张同学”已有待处理的申诉，不能重复申诉"]}
    response = appeal_post(client, admin_a, [complaint], text="再次")
    assert response.status_code == 302 and response["Location"] == LIST
    assert Appeal.objects.count() == 1


def test_one_appeal_covers_one_school(student, internship, school_admin, admin_a, host_a, position, school_b,
                                      school_b_admin, student_b_person, student_b_record):
    first = concluded(student, internship, school_admin)
    other = f.internship(f.application(student_b_record, position))
    second = concluded(student_b_person, other, school_b_admin)
    with pytest.raises(ValidationError) as error:
        appeals.file_appeal(enterprise=host_a, complaints=[first, second], text="不符", actor=admin_a)
    assert error.value.message_dict == {"complaints": ["一次申诉只能选择同一学校处理的投诉"]}
    assert not Appeal.objects.exists()


def test_appeal_deny_paths(client, student, internship, school_admin, admin_b, staff_manager_a, host_b):
    complaint = concluded(student, internship, school_admin)
    for user in (admin_b, staff_manager_a, school_admin, student):
        client.force_login(user)
        response = client.post(APPEAL, {"complaints": [complaint.pk], "text": "不符"})
        assert response.status_code in (302, 403), user
    # admin_b holds the host permission but the complaint is not theirs: it is not appealable for them.
    assert not Appeal.objects.exists()
    with pytest.raises(PermissionDenied):
        appeals.file_appeal(enterprise=internship.enterprise, complaints=[complaint], text="x", actor=admin_b)
    with pytest.raises(PermissionDenied):
        appeals.file_appeal(enterprise=internship.enterprise, complaints=[complaint], text="x",
                             actor=staff_manager_a)


@pytest.fixture
def appeal(student, internship, school_admin, admin_a):
    first = concluded(student, internship, school_admin)
    second = concluded(student, internship, school_admin, substantiated=False)
    return appeals.file_appeal(enterprise=internship.enterprise, complaints=[first, second],
                                text="学校处理结果与实际不符", actor=admin_a)


def decide(client, user, appeal, result="upheld", decision="企业提供了协议，申诉成立。"):
    client.force_login(user)
    return client.post(reverse("internships:appeal_decide", args=[appeal.pk]),
                       {"result": result, "decision": decision})


def test_appeal_upheld_reopens_the_complaints(client, appeal, school_admin, admin_a, student):
    assert decide(client, school_admin, appeal).status_code == 302
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.UPHELD and appeal.decision == "企业提供了协议，申诉成立。"
    assert appeal.decided_by == school_admin
    for complaint in appeal.complaints.all():
        assert complaint.status == ComplaintStatus.INVESTIGATING
        assert complaint.conclusion == "" and complaint.concluded_at is None
        review = latest_review_for(complaint)
        assert review.status == ReviewStatus.PENDING
        assert "reopened" in [event.event for event in events_for(complaint)]
    assert Notification.objects.filter(recipient=admin_a, title__startswith="申诉处理结果：申诉成立").exists()
    # The school concludes again, and the enterprise may appeal that conclusion.
    complaint = appeal.complaints.order_by("pk").first()
    assert conclude(client, school_admin, complaint, result="unsubstantiated",
                    conclusion="重新调查后不属实。").status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.UNSUBSTANTIATED and complaint.conclusion == "重新调查后不属实。"
    client.force_login(admin_a)
    page = client.get(LIST).content.decode()
    assert f'name="complaints" value="{complaint.pk}"' in page
    assert "学校处理结果与实际不符 [申诉成立]" in page


def test_appeal_dismissed_keeps_the_conclusions(client, appeal, school_admin, admin_a):
    assert decide(client, school_admin, appeal, result="dismissed", decision="维持原结论。").status_code == 302
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.DISMISSED and appeal.decision == "维持原结论。"
    assert sorted(appeal.complaints.values_list("status", flat=True)) == [
        ComplaintStatus.SUBSTANTIATED, ComplaintStatus.UNSUBSTANTIATED]
    assert Notification.objects.filter(recipient=admin_a, title__startswith="申诉处理结果：申诉不成立").exists()
    # A dismissed appeal no longer blocks another one.
    client.force_login(admin_a)
    assert 'name="complaints"' in client.get(LIST).content.decode()


def test_appeal_decision_needs_a_reason(client, appeal, school_admin):
    response = decide(client, school_admin, appeal, decision="")
    assert response.status_code == 200 and "请填写处理意见" in response.content.decode()
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.PENDING


def test_appeal_decision_deny_paths(client, appeal, admin_a, school_b_admin, school_member, education_reviewer,
                                    education_other_reviewer, county_reviewer_a, staff_manager_a, admin_b, host_b):
    expected = {admin_a: 403, school_b_admin: 404, school_member: 404, education_reviewer: 403,
                education_other_reviewer: 404, county_reviewer_a: 404, staff_manager_a: 404, admin_b: 404}
    for user, status in expected.items():
        assert decide(client, user, appeal).status_code == status, user
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.PENDING


def test_appeal_is_followed_by_the_enterprise_and_listed_for_the_school(client, appeal, admin_a, school_admin,
                                                                         school_b_admin):
    client.force_login(admin_a)
    page = client.get(reverse("internships:enterprise_appeals")).content.decode()
    assert "学校处理结果与实际不符" in page and "待处理" in page
    client.force_login(school_admin)
    page = client.get(reverse("internships:school_appeals"), {"status": "pending"}).content.decode()
    assert f'data-appeal="{appeal.pk}"' in page
    page = client.get(reverse("internships:school_appeals"), {"status": "upheld"}).content.decode()
    assert f'data-appeal="{appeal.pk}"' not in page
    assert client.get(reverse("internships:school_appeals"), {"status": "<bad>"}).status_code == 200
    client.force_login(school_b_admin)
    assert f'data-appeal="{appeal.pk}"' not in client.get(reverse("internships:school_appeals")).content.decode()


# ---------------------------------------------------------------- lists for the school and the education department


def test_school_list_filters(client, student, internship, school_admin, school_b_admin):
    open_one = filed(student, internship)
    done = concluded(student, internship, school_admin)
    client.force_login(school_admin)
    url = reverse("internships:school_complaints")
    page = client.get(url, {"status": "submitted"}).content.decode()
    assert f'data-complaint="{open_one.pk}"' in page and f'data-complaint="{done.pk}"' not in page
    page = client.get(url, {"enterprise": "甲企业"}).content.decode()
    assert f'data-complaint="{open_one.pk}"' in page and f'data-complaint="{done.pk}"' in page
    page = client.get(url, {"enterprise": "乙企业"}).content.decode()
    assert "data-complaint=" not in page
    response = client.get(url, {"status": "nonsense", "page": "x"})
    assert response.status_code == 200 and list(response.context["object_list"]) == []  # see below
    client.force_login(school_b_admin)
    assert "data-complaint=" not in client.get(url).content.decode()


def test_list_pages_deny_other_roles(client, admin_a, school_admin, school_member, staff_manager_a, student,
                                     student_record, county_reviewer_a, education_reviewer):
    urls = {
        LIST: (admin_a,), reverse("internships:enterprise_appeals"): (admin_a,),
        reverse("internships:school_complaints"): (school_admin,),
        reverse("internships:school_appeals"): (school_admin,),
        reverse("internships:education_complaints"): (education_reviewer,),
    }
    everyone = (admin_a, school_admin, school_member, staff_manager_a, student, county_reviewer_a,
                education_reviewer)
    for url, allowed in urls.items():
        for user in everyone:
            client.force_login(user)
            assert client.get(url).status_code == (200 if user in allowed else 403), (url, user)


def test_education_department_sees_its_region_with_counts(client, student, internship, school_admin,
                                                         education_reviewer, education_other_reviewer):
    filed(student, internship)
    concluded(student, internship, school_admin)
    concluded(student, internship, school_admin, substantiated=False)
    client.force_login(education_reviewer)
    response = client.get(reverse("internships:education_complaints"))
    counts = response.context["counts"]
    assert [(row["enterprise__name"], row["total"], row["substantiated"], row["open"]) for row in counts] == [
        ("甲企业有限公司", 3, 1, 1)]
    assert response.content.decode().count("data-complaint=") == 3
    client.force_login(education_other_reviewer)
    response = client.get(reverse("internships:education_complaints"))
    assert response.status_code == 200 and response.context["counts"] == []


# ---------------------------------------------------------------- the engine's own pages


def test_engine_pages_show_the_complaint(client, student, internship, school_admin, school_b_admin):
    complaint = filed(student, internship)
    review = latest_review_for(complaint)
    client.force_login(student)
    page = client.get(reverse("reviews:mine")).content.decode()
    assert "实习投诉：张同学投诉甲企业有限公司（工作地点与实习协议规定不一致）" in page
    client.force_login(school_admin)
    assert f"/reviews/{review.pk}/" in client.get(reverse("reviews:inbox")).content.decode()
    page = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert 'data-testid="complaint-materials"' in page and "实际工作地点在外地。" in page
    client.force_login(school_b_admin)
    assert client.get(reverse("reviews:detail", args=[review.pk])).status_code in (403, 404)


def test_an_individual_without_submissions_has_no_mine_entry(client, outsider, student, internship):
    from reviews.rules import may_see_mine

    assert not may_see_mine(outsider) and not may_see_mine(student)
    filed(student, internship)
    assert may_see_mine(student)


# ---------------------------------------------------------------- exports


@pytest.fixture
def export(client, django_capture_on_commit_callbacks):
    from batch.models import BatchJob, JobStatus
    from tests.batch.helpers import read_rows, response_bytes

    def run(key, query="", expect_rows=True):
        url = reverse("batch:export", args=[key]) + (f"?{query}" if query else "")
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url)
        if not expect_rows:
            return response
        job = BatchJob.objects.filter(kind="export", spec=key).latest("id")
        assert job.status == JobStatus.SUCCEEDED, job.error
        return read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))

    return run


def test_exports_hold_what_the_lists_show(client, export, student, internship, school_admin, admin_a, admin_b,
                                          education_reviewer, education_other_reviewer, host_b):
    filed(student, internship)
    done = concluded(student, internship, school_admin)
    appeals.file_appeal(enterprise=internship.enterprise, complaints=[done], text="学校处理结果与实际不符",
                         actor=admin_a)
    client.force_login(admin_a)
    assert 'data-testid="complaints-export"' in client.get(LIST).content.decode()
    rows = export("internship_complaints")
    assert rows[0] == ["投诉时间", "投诉内容", "投诉人姓名", "学校名称", "被投诉企业", "指导教师", "处理结果",
                       "处理意见", "申诉记录"]
    assert sorted(row[6] for row in rows[1:]) == ["待处理", "投诉情况属实"]
    concluded_row = next(row for row in rows[1:] if row[6] == "投诉情况属实")
    assert concluded_row[1] == "工作地点与实习协议规定不一致：实际工作地点在外地。"
    assert concluded_row[2:6] == ["张同学", internship.school.name, "甲企业有限公司", "赵老师"]
    assert concluded_row[8] == "学校处理结果与实际不符 [待处理]"
    assert len(export("internship_complaints", "status=submitted")) == 2
    client.force_login(admin_b)
    assert export("internship_complaints") == [rows[0]]
    client.force_login(education_reviewer)
    assert len(export("internship_region_complaints")) == 3
    client.force_login(education_other_reviewer)
    assert export("internship_region_complaints") == [rows[0]]
    client.force_login(admin_a)
    assert export("internship_region_complaints", expect_rows=False).status_code == 403


@pytest.mark.parametrize("name, persona, message, export_key", [
    ("enterprise_complaints", "admin_a", "没有该处理结果，请从列表中选择", "internship_complaints"),
    ("enterprise_appeals", "admin_a", "没有该状态，请从列表中选择", None),
    ("school_complaints", "school_admin", "没有该处理结果，请从列表中选择", None),
    ("school_appeals", "school_admin", "没有该状态，请从列表中选择", None),
    ("education_complaints", "education_reviewer", "没有该处理结果，请从列表中选择", "internship_region_complaints"),
])
def test_a_malformed_filter_is_its_message_and_nothing_listed_or_exported(client, request, export, student,
                                                                          internship, school_admin, admin_a, name,
                                                                          persona, message, export_key):
    filed(student, internship)
    done = concluded(student, internship, school_admin)
    appeals.file_appeal(enterprise=internship.enterprise, complaints=[done], text="学校处理结果与实际不符",
                         actor=admin_a)
    client.force_login(request.getfixturevalue(persona))
    url = reverse(f"internships:{name}")
    assert len(client.get(url).context["object_list"]) > 0
    response = client.get(url, {"status": "nonsense"})
    assert response.status_code == 200 and list(response.context["object_list"]) == []
    assert response.context["form"].errors == {"status": [message]}
    assert message in response.content.decode()
    if export_key:
        assert export(export_key, "status=nonsense")[1:] == []
        assert len(export(export_key)[1:]) == 2
