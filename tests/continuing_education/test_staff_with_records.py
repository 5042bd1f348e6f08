"""A roster row that a programme's records keep (学时申报) is not deleted, on screen or through the API: the
refusal names the records, and nothing is deleted or audited (before: a ProtectedError, a server error)."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from organisations.models import StaffMember
from tests.api.keys import auth, token_for
from tests.continuing_education import factories as ce

pytestmark = pytest.mark.django_db


@pytest.fixture
def declared(enterprise_a, admin_a):
    member = ce.staff(enterprise_a, name="周专技")
    ce.declaration(member, by=admin_a)
    return member


def test_the_screen_refuses_with_the_reason(client, admin_a, declared):
    client.force_login(admin_a)
    answer = client.post(reverse("staff:delete", args=[declared.pk]), follow=True)
    assert "该人员已有学时申报记录，不能删除" in answer.content.decode()
    assert StaffMember.objects.filter(pk=declared.pk).exists()
    assert not AuditEntry.objects.filter(action="staff.delete").exists()


def test_the_api_refuses_with_the_reason(client, admin_a, declared):
    answer = client.delete(f"/api/v1/staff/{declared.pk}/", **auth(token_for(admin_a)))
    assert answer.status_code == 400
    assert answer.json()["message"] == "该人员已有学时申报记录，不能删除"
    assert StaffMember.objects.filter(pk=declared.pk).exists()
    assert not AuditEntry.objects.filter(action="staff.delete").exists()
