"""报名人员 and 培训成果上报 of an approved 暂不上报 class: picked from 人员信息 or entered, results set, reported
once and credited at once; 培训班管理 lists the classes by whether results are reported."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from continuing_education.models import ArchiveYear, ClassStatus, ResultsStatus
from tests import factories
from tests.continuing_education import factories as ce
from tests.continuing_education.factories_classes import messages_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(admin_a, enterprise_a):
    today = timezone.localdate()
    return ce.training_class(enterprise_a, by=admin_a, status=ClassStatus.APPROVED, year=today.year,
                             starts_on=max(datetime.date(today.year, 1, 1), today - datetime.timedelta(days=3)),
                             ends_on=today)


def _url(name, training_class):
    return reverse(f"continuing_education:{name}", args=[training_class.pk])


def test_pick_enter_set_and_report(client, admin_a, approved, staff_a):
    client.force_login(admin_a)
    response = client.post(_url("participant_pick", approved), {"staff": [staff_a.pk]})
    assert messages_of(response) == ["已添加1名报名人员"]
    response = client.post(_url("participant_pick", approved), {"staff": [staff_a.pk]})
    assert messages_of(response) == ["已添加0名报名人员，1名已在本培训班中"]
    other_id = factories.make_id_number("19900305")
    response = client.post(_url("participant_add", approved), {"name": "李新人", "id_number": other_id})
    assert response.status_code == 302
    assert approved.participants.count() == 2
    person = approved.participants.get(name="王专技")
    approved.refresh_from_db()
    response = client.post(_url("participant_result", approved),
                           {"participant": person.pk, "hours": "31", "assessment": "passed"})
    assert messages_of(response) == [f"获得学时不能超过培训班学时（{approved.hours}）"]
    response = client.post(_url("participant_result", approved), {"participant": person.pk, "hours": "12"})
    assert messages_of(response) == ["获得学时和考核结果须同时填写"]
    client.post(_url("participant_result", approved), {"participant": person.pk, "hours": "12",
                                                       "assessment": "passed"})
    response = client.post(_url("class_report_results", approved))
    assert messages_of(response) == ["以下人员尚未填写获得学时和考核结果：李新人"]
    newcomer = approved.participants.get(name="李新人")
    client.post(_url("participant_result", approved), {"participant": newcomer.pk, "hours": "8",
                                                       "assessment": "failed"})
    response = client.post(_url("class_report_results", approved))
    assert messages_of(response) == ["培训成果已上报，1人的学时已记入培训档案"]
    approved.refresh_from_db()
    assert approved.results_status == ResultsStatus.REPORTED
    assert approved.results_reported_by_id == admin_a.pk
    assert list(ArchiveYear.objects.values_list("name", "class_hours")) == [("王专技", Decimal("12"))]
    # Once per class; the list of participants is closed too.
    response = client.post(_url("class_report_results", approved))
    assert messages_of(response) == ["培训成果已上报，不能再次上报；如需更正请联系培训班审核部门"]
    response = client.post(_url("participant_result", approved), {"participant": person.pk, "hours": "6",
                                                                  "assessment": "passed"})
    assert messages_of(response) == ["培训成果已上报，不能再修改报名人员；如需更正请联系培训班审核部门"]
    assert ArchiveYear.objects.get().class_hours == Decimal("12")


def test_participant_form_messages(client, admin_a, approved, staff_a):
    client.force_login(admin_a)
    response = client.post(_url("participant_add", approved), {"name": "", "id_number": "123"})
    errors = response.context["form"].errors
    assert errors["name"] == ["请填写姓名"]
    assert errors["id_number"][0].startswith("身份证号")
    ce.participant(approved, member=staff_a)
    response = client.post(_url("participant_add", approved), {"name": "王专技", "id_number": staff_a.id_number})
    assert response.context["form"].errors["id_number"] == ["该人员已在本培训班中（每人每班一条成果）"]
    response = client.post(_url("participant_add", approved), {"name": "甲", "id_number":
                                                               factories.make_id_number("19920101"),
                                                               "hours": "-1", "assessment": "passed"})
    assert response.context["form"].errors["hours"] == ["获得学时不能为负数"]
    assert approved.participants.count() == 1


def test_report_before_the_end_is_refused(client, admin_a, enterprise_a, staff_a):
    training_class = ce.training_class(enterprise_a, by=admin_a, status=ClassStatus.APPROVED)
    ce.participant(training_class, member=staff_a, hours=10)
    client.force_login(admin_a)
    response = client.post(_url("class_report_results", training_class))
    assert messages_of(response) == [f"培训结束（{training_class.ends_on}）后才能上报培训成果"]
    training_class.refresh_from_db()
    assert training_class.results_status == ResultsStatus.NOT_REPORTED


def test_participants_deny(client, approved, admin_b, trainer_a, member_a, county_reviewer_a, staff_a):
    for user, status in ((admin_b, 404), (trainer_a, 403), (member_a, 404), (county_reviewer_a, 403)):
        client.force_login(user)
        assert client.get(_url("class_participants", approved)).status_code == status, user
        assert client.post(_url("participant_pick", approved), {"staff": [staff_a.pk]}).status_code == status
    assert not approved.participants.exists()


def test_manage_list_filters(client, admin_a, approved, enterprise_a, trainer_a):
    reported = ce.training_class(enterprise_a, by=admin_a, status=ClassStatus.APPROVED, name="已上报的培训班")
    reported.results_status = ResultsStatus.REPORTED
    reported.save(update_fields=["results_status"])
    ce.training_class(enterprise_a, by=admin_a, name="草稿培训班")
    client.force_login(trainer_a)
    response = client.get(reverse("continuing_education:classes"))
    assert {item.name for item in response.context["object_list"]} == {approved.name, "已上报的培训班"}
    response = client.get(reverse("continuing_education:classes"), {"results": "not_reported"})
    assert [item.name for item in response.context["object_list"]] == [approved.name]
    response = client.get(reverse("continuing_education:classes"), {"results": "reported", "year": "abc"})
    assert response.status_code == 200
    assert response.context["form"].errors["year"] == ["请输入有效的年度，如 2026"]
    assert [item.name for item in response.context["object_list"]] == ["已上报的培训班"]
    assert "报名人员" not in response.content.decode()  # 培训管理 alone does not report results
