"""学时申报 (manual 004 §2.1.3, §2.2, §7): a professional declares, the unit administrator decides in 待我审核,
the department (the unit's 主管部门, else its 所属人社部门) decides on /reviews/, the archive is credited; returns,
rejections, withdrawals, the unit's declarations on a person's behalf, the daily cap and the duplicate note."""

from decimal import Decimal

import pytest
from django.urls import reverse

from continuing_education.models import ArchiveYear, DeclarationStatus, HoursDeclaration
from reviews.models import ReviewerLevel, ReviewStatus, StepStatus
from tests.continuing_education import factories as ce
from tests.continuing_education.factories_hours import declare, form_data, messages_of, submit

pytestmark = pytest.mark.django_db


def _decide_unit(client, user, declaration, decision="approve", reason=""):
    client.force_login(user)
    return client.post(reverse("continuing_education:inbox_decide", args=[declaration.pk]),
                       {"decision": decision, "reason": reason})


def _decide_review(client, user, review, decision="approve", reason=""):
    client.force_login(user)
    step = review.steps.get(status=StepStatus.PENDING)
    return client.post(reverse("reviews:decide", args=[review.pk]),
                       {"step_id": step.pk, "decision": decision, "reason": reason})


def _archive(person, year=None):
    return ArchiveYear.objects.filter(id_number=person.id_number, year=year or ce.this_year()).first()


def test_declaration_goes_through_unit_then_county_then_archive(client, pro_a, admin_a, county_reviewer_a,
                                                                county_hr_a, member_a, hours_manager_a,
                                                                county_reviewer_b, admin_b, pro_b):
    declaration = declare(client, pro_a)
    assert (declaration.status, declaration.on_behalf, declaration.organisation.name) == (
        DeclarationStatus.DRAFT, False, "甲企业有限公司")
    assert declaration.proof is not None
    review = submit(client, pro_a, declaration)
    assert declaration.status == DeclarationStatus.PENDING
    steps = list(review.steps.order_by("position").values_list("level", "reviewer_org_id", "status"))
    assert steps == [(ReviewerLevel.UNIT, declaration.organisation_id, StepStatus.PENDING),
                     ("county", county_hr_a.pk, StepStatus.WAITING)]
    # The county cannot decide before the unit; sub-administrators never decide the unit step.
    assert _decide_review(client, county_reviewer_a, review).status_code == 403
    assert _decide_unit(client, member_a, declaration).status_code == 404  # holds no programme permission
    assert _decide_unit(client, hours_manager_a, declaration).status_code == 403
    assert _decide_unit(client, admin_b, declaration).status_code == 404
    client.force_login(admin_a)
    page = client.get(reverse("continuing_education:inbox"))
    assert page.status_code == 200 and "行业学术年会" in page.content.decode()
    response = _decide_unit(client, admin_a, declaration)
    assert response.status_code == 302 and "已审核：行业学术年会" in messages_of(response)
    review.refresh_from_db()
    assert review.steps.get(position=1).status == StepStatus.PENDING
    assert _archive(pro_a) is None
    # Another county's HR is not the unit's department.
    client.force_login(county_reviewer_b)
    assert client.get(reverse("reviews:detail", args=[review.pk])).status_code == 404
    client.force_login(county_reviewer_a)
    page = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert "学时申报：王专技·行业学术年会（8.0学时）" in page and 'data-testid="proof-link"' in page
    response = _decide_review(client, county_reviewer_a, review)
    assert response.status_code == 302
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.APPROVED and declaration.approved_at is not None
    archive = _archive(pro_a)
    assert (archive.declared_hours, archive.professional_hours, archive.public_hours) == (
        Decimal("8"), Decimal("8"), Decimal("0"))
    assert archive.entries.get().declaration_id == declaration.pk
    # The proof: the person, the administrator and the department open it; another unit's people do not.
    url = reverse("attachments:download", args=[declaration.proof_id])
    for user, status in ((pro_a, 200), (admin_a, 200), (county_reviewer_a, 200), (pro_b, 404), (admin_b, 404),
                         (county_reviewer_b, 404)):
        client.force_login(user)
        assert client.get(url).status_code == status, user.username


def test_revoked_approval_takes_the_hours_back(client, pro_a, admin_a, county_reviewer_a):
    declaration = declare(client, pro_a)
    review = submit(client, pro_a, declaration)
    _decide_unit(client, admin_a, declaration)
    _decide_review(client, county_reviewer_a, review)
    assert _archive(pro_a).declared_hours == Decimal("8")
    client.force_login(county_reviewer_a)
    response = client.post(reverse("reviews:revoke", args=[review.pk]), {"revoke-reason": "材料不实"})
    assert response.status_code == 302
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.PENDING and declaration.approved_at is None
    archive = _archive(pro_a)
    assert (archive.declared_hours, archive.professional_hours, archive.entries.count()) == (0, 0, 0)


def test_return_edit_and_resubmit(client, pro_a, admin_a):
    declaration = declare(client, pro_a)
    submit(client, pro_a, declaration)
    response = _decide_unit(client, admin_a, declaration, "return")
    assert "不通过或退回时必须填写原因" in messages_of(response)
    _decide_unit(client, admin_a, declaration, "return", "请补充会议通知")
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.RETURNED
    client.force_login(pro_a)
    page = client.get(reverse("continuing_education:declaration_detail", args=[declaration.pk])).content.decode()
    assert "请补充会议通知" in page and "重新提交" in page
    data = form_data(title="行业学术年会（补充）", hours="10")
    data.pop("proof")  # the earlier proof stays
    response = client.post(reverse("continuing_education:declaration_edit", args=[declaration.pk]), data)
    assert response.status_code == 302
    review = submit(client, pro_a, declaration)
    assert (declaration.status, declaration.title, declaration.hours) == (
        DeclarationStatus.PENDING, "行业学术年会（补充）", Decimal("10"))
    assert review.round == 2 and review.status == ReviewStatus.PENDING
    # Pending: no more editing.
    response = client.get(reverse("continuing_education:declaration_edit", args=[declaration.pk]))
    assert response.status_code == 302
    assert "学时申报审核中，不能修改" in messages_of(response)


def test_reject_with_reason(client, pro_a, admin_a, county_reviewer_a):
    declaration = declare(client, pro_a)
    review = submit(client, pro_a, declaration)
    _decide_unit(client, admin_a, declaration)
    response = _decide_review(client, county_reviewer_a, review, "reject", "与本人专业无关")
    assert response.status_code == 302
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.REJECTED
    assert _archive(pro_a) is None
    client.force_login(pro_a)
    page = client.get(reverse("continuing_education:declaration_detail", args=[declaration.pk])).content.decode()
    assert "与本人专业无关" in page and "审核不通过" in page


def test_withdraw_while_undecided_only(client, pro_a, admin_a, pro_b):
    declaration = declare(client, pro_a)
    submit(client, pro_a, declaration)
    client.force_login(pro_b)
    assert client.post(reverse("continuing_education:declaration_withdraw", args=[declaration.pk])).status_code == 404
    client.force_login(pro_a)
    response = client.post(reverse("continuing_education:declaration_withdraw", args=[declaration.pk]))
    assert "学时申报已撤回，可修改后重新提交" in messages_of(response)
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.DRAFT
    # Submitted once: it cannot be deleted any more, only edited and submitted again.
    response = client.post(reverse("continuing_education:declaration_delete", args=[declaration.pk]))
    assert "只能删除从未提交的学时申报" in messages_of(response)
    submit(client, pro_a, declaration)
    _decide_unit(client, admin_a, declaration)
    client.force_login(pro_a)
    response = client.post(reverse("continuing_education:declaration_withdraw", args=[declaration.pk]))
    assert messages_of(response) == ["学时申报审核中，不能撤回"] or "不能撤回" in messages_of(response)[0]
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.PENDING


def test_delete_a_draft(client, pro_a):
    declaration = declare(client, pro_a)
    response = client.post(reverse("continuing_education:declaration_delete", args=[declaration.pk]))
    assert response.status_code == 302
    assert not HoursDeclaration.objects.filter(pk=declaration.pk).exists()


def test_on_behalf_goes_to_the_department_only(client, admin_a, staff_a, pro_a, county_reviewer_a, county_hr_a,
                                               hours_manager_a):
    client.force_login(hours_manager_a)
    assert client.get(reverse("continuing_education:hours_new_for")).status_code == 200
    client.force_login(admin_a)
    response = client.post(reverse("continuing_education:hours_new_for"),
                           {**form_data(learning_form="practice"), "staff": staff_a.pk})
    assert response.status_code == 302
    declaration = HoursDeclaration.objects.get()
    assert (declaration.on_behalf, declaration.person_id, declaration.declared_by_id) == (True, pro_a.pk, admin_a.pk)
    review = submit(client, admin_a, declaration)
    assert list(review.steps.values_list("level", "reviewer_org_id")) == [("county", county_hr_a.pk)]
    assert review.submitter_org_id == admin_a.organisation_id
    # The person sees it among their declarations, but cannot change it.
    client.force_login(pro_a)
    assert "行业学术年会" in client.get(reverse("continuing_education:declarations")).content.decode()
    assert client.post(reverse("continuing_education:declaration_withdraw",
                               args=[declaration.pk])).status_code == 403
    _decide_review(client, county_reviewer_a, review)
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.APPROVED
    assert _archive(pro_a).declared_hours == Decimal("8")
    client.force_login(admin_a)
    page = client.get(reverse("continuing_education:hours_manage") + "?tab=mine").content.decode()
    assert "行业学术年会" in page and "审核通过" in page


def test_on_behalf_draft_of_a_sub_administrator_is_submitted_by_the_administrator(client, hours_manager_a, admin_a,
                                                                                staff_a):
    client.force_login(hours_manager_a)
    response = client.post(reverse("continuing_education:hours_new_for"), {**form_data(), "staff": staff_a.pk})
    declaration = HoursDeclaration.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert 'data-testid="submit-by-admin"' in page and 'data-testid="declaration-submit"' not in page
    response = client.post(reverse("continuing_education:declaration_submit", args=[declaration.pk]))
    assert messages_of(response) == ["您无权提交该事项"]
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.DRAFT
    review = submit(client, admin_a, declaration)
    assert declaration.status == DeclarationStatus.PENDING and review.submitted_by_id == admin_a.pk


def test_on_behalf_only_for_the_units_roster(client, admin_a, pro_b):
    other = pro_b.staff_links.get()
    client.force_login(admin_a)
    response = client.post(reverse("continuing_education:hours_new_for"), {**form_data(), "staff": other.pk})
    assert response.status_code == 200
    assert "请选择本单位人员信息中的人员" in response.content.decode()
    assert not HoursDeclaration.objects.exists()


def test_supervised_unit_goes_to_its_industry_department(client, supervised_unit, supervised_admin,
                                                         industry_department, industry_reviewer,
                                                         other_industry_reviewer, county_reviewer_a):
    person = ce.professional(username="pro_s", real_name="钱专技", unit=supervised_unit)
    declaration = declare(client, person)
    review = submit(client, person, declaration)
    assert list(review.steps.values_list("level", "reviewer_org_id")) == [
        (ReviewerLevel.UNIT, supervised_unit.pk), ("city", industry_department.pk)]
    assert _decide_unit(client, supervised_admin, declaration).status_code == 302
    review.refresh_from_db()
    for outsider in (county_reviewer_a, other_industry_reviewer):
        client.force_login(outsider)
        assert client.get(reverse("reviews:detail", args=[review.pk])).status_code == 404, outsider.username
    assert _decide_review(client, industry_reviewer, review).status_code == 302
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.APPROVED


def test_batch_approval(client, pro_a, admin_a, enterprise_a):
    second_person = ce.professional(username="pro_a2", real_name="李专技", unit=enterprise_a)
    first = declare(client, pro_a)
    submit(client, pro_a, first)
    second = declare(client, second_person, title="专业技术讲座")
    submit(client, second_person, second)
    client.force_login(admin_a)
    response = client.post(reverse("continuing_education:inbox"), {"steps": []})
    assert "请勾选要审核通过的学时申报" in messages_of(response)
    steps = [step.pk for step in _unit_steps(admin_a)]
    response = client.post(reverse("continuing_education:inbox"), {"steps": steps})
    assert "已审核通过 2 条学时申报" in messages_of(response)
    assert not _unit_steps(admin_a)
    for declaration in (first, second):
        declaration.refresh_from_db()
        assert declaration.status == DeclarationStatus.PENDING  # now with the department


def _unit_steps(admin):
    from continuing_education.selectors.hours import inbox_steps

    return list(inbox_steps(admin))


def test_daily_cap_and_year_rules(client, pro_a):
    client.force_login(pro_a)
    url = reverse("continuing_education:declaration_new")
    year = ce.this_year()
    # 培训班: 6 hours a day in the national floor (conftest); two days allow 12.
    response = client.post(url, form_data(learning_form="class", hours="12.5"))
    assert "超过该学习形式每天 6 学时的上限（2 天最多 12 学时）" in response.content.decode()
    response = client.post(url, form_data(ends_on=f"{year + 1}-01-02"))
    assert "结束日期不能晚于今天" in response.content.decode()
    response = client.post(url, form_data(year=str(year - 1)))
    assert f"学时计入活动结束当年：结束日期须在{year - 1}年内" in response.content.decode()
    response = client.post(url, form_data(hours="0"))
    assert "学时必须大于 0" in response.content.decode()
    response = client.post(url, form_data(hours="1.25"))
    assert "学时最多保留一位小数" in response.content.decode()
    response = client.post(url, form_data(proof=None))
    assert "请上传学时证明材料" in response.content.decode()
    assert not HoursDeclaration.objects.exists()
    # 学术会议 has no cap in the rule: 20 hours in two days pass.
    assert client.post(url, form_data(hours="20")).status_code == 302


def test_duplicate_note_shown_to_the_reviewers(client, pro_a, admin_a, staff_a, enterprise_a):
    year = ce.this_year()
    import datetime

    training_class = ce.training_class(enterprise_a, by=admin_a, name="行业学术年会培训班",
                                       starts_on=datetime.date(year, 3, 9), ends_on=datetime.date(year, 3, 10))
    ce.participant(training_class, member=staff_a, hours=8)
    declaration = declare(client, pro_a)
    submit(client, pro_a, declaration)
    note = f"与培训班《行业学术年会培训班》（{year}-03-09至{year}-03-10）时间重叠且名称相近"
    assert declaration.duplicate_note == note
    client.force_login(admin_a)
    assert note in client.get(reverse("continuing_education:inbox")).content.decode()
    # A different title on the same dates is no duplicate.
    other = declare(client, pro_a, title="安全生产实践")
    submit(client, pro_a, other)
    assert other.duplicate_note == ""


def test_pages_of_people_without_a_unit_and_of_units(client, pro_free, admin_a, pro_a, pro_b, admin_b):
    client.force_login(pro_free)
    assert "您尚未加入用人单位" in client.get(reverse("continuing_education:declarations")).content.decode()
    assert "您尚未加入用人单位" in client.get(reverse("continuing_education:declaration_new")).content.decode()
    client.force_login(admin_a)
    assert client.get(reverse("continuing_education:declarations")).status_code == 403
    declaration = declare(client, pro_a)
    for user in (pro_b, admin_b, pro_free):
        client.force_login(user)
        assert client.get(reverse("continuing_education:declaration_detail",
                                  args=[declaration.pk])).status_code == 404
    client.force_login(admin_a)
    assert client.get(reverse("continuing_education:declaration_detail", args=[declaration.pk])).status_code == 200
    # Visible to the administrator, but only the person edits their own.
    assert client.get(reverse("continuing_education:declaration_edit", args=[declaration.pk])).status_code == 403
    assert client.post(reverse("continuing_education:declaration_submit", args=[declaration.pk])).status_code == 403
