"""学时申报管理: the unit's approved declarations with filters (an exact ID number), 我申报的, the export (ID numbers
masked for a sub-administrator without 查看个人敏感信息), and who opens it."""

import pytest
from django.urls import reverse

from batch.models import BatchJob, JobStatus
from continuing_education.models import DeclarationStatus
from tests.batch.helpers import read_rows, response_bytes
from tests.continuing_education import factories as ce

pytestmark = pytest.mark.django_db

MANAGE = reverse("continuing_education:hours_manage")


@pytest.fixture
def declarations(enterprise_a, admin_a, staff_a, pro_a):
    other = ce.staff(enterprise_a, name="李专技")
    return {
        "approved": ce.declaration(staff_a, by=pro_a, status=DeclarationStatus.APPROVED, title="行业学术年会"),
        "other": ce.declaration(other, by=admin_a, status=DeclarationStatus.APPROVED, title="企业实践项目",
                                learning_form="practice", on_behalf=True),
        "pending": ce.declaration(staff_a, by=pro_a, status=DeclarationStatus.PENDING, title="审核中的讲座"),
        "last_year": ce.declaration(staff_a, by=pro_a, status=DeclarationStatus.APPROVED, title="去年的年会",
                                    year=ce.this_year() - 1),
    }


def _titles(response):
    page = response.content.decode()
    return {title for title in ("行业学术年会", "企业实践项目", "审核中的讲座", "去年的年会") if title in page}


def test_filters(client, hours_manager_a, declarations, staff_a):
    client.force_login(hours_manager_a)
    assert _titles(client.get(MANAGE)) == {"行业学术年会", "企业实践项目", "去年的年会"}
    assert _titles(client.get(MANAGE, {"year": ce.this_year()})) == {"行业学术年会", "企业实践项目"}
    assert _titles(client.get(MANAGE, {"learning_form": "practice"})) == {"企业实践项目"}
    assert _titles(client.get(MANAGE, {"name": "李"})) == {"企业实践项目"}
    assert _titles(client.get(MANAGE, {"id_number": staff_a.id_number})) == {"行业学术年会", "去年的年会"}
    assert _titles(client.get(MANAGE, {"tab": "mine"})) == {"企业实践项目"}
    response = client.get(MANAGE, {"year": "二〇二六", "id_number": "12345", "learning_form": "x", "tab": "zzz"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "年度应为四位数字，如 2026" in page and "身份证号应为18位，当前为5位" in page
    assert "请选择有效的学习形式" in page
    assert 'role="alert" data-field-error="tab">没有该页签，请从页签中选择<' in page and _titles(response) == set()


def test_the_tab_through_its_form(client, hours_manager_a, declarations):
    client.force_login(hours_manager_a)
    # absent: 审核通过的学时申报
    response = client.get(MANAGE)
    assert response.context["tab"] == "approved" and _titles(response) == {"行业学术年会", "企业实践项目", "去年的年会"}
    # a good tab
    response = client.get(MANAGE, {"tab": "mine"})
    assert response.context["tab"] == "mine" and _titles(response) == {"企业实践项目"}
    # tampered: the message above the list, which shows nothing
    response = client.get(MANAGE, {"tab": "approved'"})
    page = response.content.decode()
    assert response.status_code == 200 and response.context["tab"] is None
    assert response.context["form"].errors["tab"] == ["没有该页签，请从页签中选择"]
    assert 'role="alert" data-field-error="tab">没有该页签，请从页签中选择<' in page
    assert _titles(response) == set() and 'data-testid="manage-list"' not in page and 'data-testid="export"' not in page


def test_export_masks_id_numbers_without_the_permission(client, hours_manager_a, admin_a, declarations, staff_a,
                                                        django_capture_on_commit_callbacks):
    def export(user):
        client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("batch:export", args=["ce_declarations"]) + f"?year={ce.this_year()}")
        job = BatchJob.objects.filter(kind="export", spec="ce_declarations").latest("id")
        assert job.status == JobStatus.SUCCEEDED, job.error
        return read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))

    rows = export(admin_a)
    assert rows[0][:3] == ["姓名", "身份证号", "年度"]
    assert sorted(row[5] for row in rows[1:]) == ["企业实践项目", "行业学术年会"]
    assert staff_a.id_number in [row[1] for row in rows[1:]]
    masked = export(hours_manager_a)
    assert staff_a.id_number not in [row[1] for row in masked[1:]]
    assert all("*" in row[1] for row in masked[1:])


def test_who_opens_it(client, declarations, admin_a, hours_manager_a, trainer_a, member_a, admin_b, pro_a,
                      county_reviewer_a):
    for user, status in ((admin_a, 200), (hours_manager_a, 200), (trainer_a, 403), (member_a, 403), (admin_b, 200),
                         (pro_a, 403), (county_reviewer_a, 403)):
        client.force_login(user)
        response = client.get(MANAGE)
        assert response.status_code == status, user.username
        if user == admin_b:
            assert _titles(response) == set()
        assert client.get(reverse("continuing_education:hours_new_for")).status_code == status, user.username
    for user, status in ((admin_a, 200), (admin_b, 200), (hours_manager_a, 403), (pro_a, 403)):
        client.force_login(user)
        assert client.get(reverse("continuing_education:inbox")).status_code == status, user.username
