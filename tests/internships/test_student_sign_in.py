"""学生登录 (the programme's PeopleProgramme): a person on a school's roll signs in with the roll's name and
their ID number and is linked to the roll entry; not on any roll, or another name, is refused."""

import re

import pytest
from django.urls import reverse

from accounts.eligibility import may_be_student
from accounts.models import SmsOutboxMessage, User
from audit.models import AuditEntry
from internships.models import Student
from tests import factories
from tests.batch.helpers import id_number
from tests.internships import factories as f

pytestmark = pytest.mark.django_db

SIGN_IN = reverse("internships:student_sign_in")
BIND = reverse("accounts:individual_bind", kwargs={"programme": "internships"})
NUMBER = id_number("20060307", 123)
MOBILE = "13912340009"


def sign_in(client, name, number):
    return client.post(SIGN_IN, {"name": name, "id_number": number, "captcha_0": "x", "captcha_1": "PASSED"})


def last_code(mobile):
    message = SmsOutboxMessage.objects.filter(mobile=mobile).order_by("-id").first()
    return re.search(r"\d{6}", message.message).group(0)


def test_a_student_on_the_roll_signs_in_and_is_linked(client, school):
    roll = f.student(school, name="刘小明", id_number=NUMBER)
    assert client.get(SIGN_IN).status_code == 200
    response = sign_in(client, "刘小明", NUMBER)
    assert response.status_code == 302
    assert response["Location"] == BIND
    person = User.objects.get(id_number=NUMBER)
    roll.refresh_from_db()
    assert roll.person == person
    assert AuditEntry.objects.filter(action="internships.student_linked", target_id=str(roll.pk)).count() == 1
    # The first sign-in binds a mobile, then lands on the positions of the school's pool.
    client.post(reverse("accounts:send_sms"), {"mobile": MOBILE, "purpose": "bind_mobile"})
    response = client.post(BIND, {"mobile": MOBILE, "sms_code": last_code(MOBILE)})
    assert response.status_code == 302
    assert response["Location"] == reverse("internships:student_positions")
    assert client.get(reverse("internships:student_positions")).status_code == 200
    # A person at school stays offered the students' services.
    assert may_be_student(person)


def test_not_on_any_roll_is_refused(client, school):
    response = sign_in(client, "路人甲", NUMBER)
    assert response.status_code == 200
    assert response.context["form"].errors["id_number"] == ["您不在任何学校的实习学生名册中，请联系学校"]
    assert not User.objects.filter(id_number=NUMBER).exists()


def test_a_name_other_than_the_rolls_is_refused(client, school):
    roll = f.student(school, name="刘小明", id_number=NUMBER)
    response = sign_in(client, "刘晓明", NUMBER)
    assert response.status_code == 200
    assert response.context["form"].errors["name"] == ["姓名与身份证号不一致"]
    roll.refresh_from_db()
    assert roll.person is None
    assert not User.objects.filter(id_number=NUMBER).exists()


def test_a_verified_person_is_admitted_without_typing_again(client, school):
    from django.utils import timezone

    person = factories.individual(username="verified", real_name="刘小明", id_number=NUMBER, mobile=MOBILE)
    User.objects.filter(pk=person.pk).update(identity_verified_at=timezone.now())
    roll = f.student(school, name="刘小明", id_number=NUMBER)
    client.force_login(person)
    response = client.get(SIGN_IN)
    assert response.status_code == 302
    assert response["Location"] == reverse("internships:student_positions")
    roll.refresh_from_db()
    assert roll.person_id == person.pk


def test_menu_offers_the_sign_in_until_linked(school, student):
    from core.navigation import navigation_for

    def menu(user):
        return next((section["items"] for section in navigation_for(user, "/")
                     if section["label"] == "职业院校学生实习"), [])

    assert [item["label"] for item in menu(student)] == ["学生身份核验"]
    f.student(school, person=student)
    assert [item["label"] for item in menu(student)] == [
        "实习岗位", "我的实习申请", "我的实习", "实习评价", "我的实习投诉"]
    assert Student.objects.get().person == student


def test_a_roll_entry_linked_to_another_account_is_refused(school, outsider):
    from internships.services.students import check_eligibility

    f.student(school, person=outsider, name="刘小明", id_number=NUMBER)
    verdict = check_eligibility(name="刘小明", id_number=NUMBER, user=None)
    assert (verdict.registered_name, verdict.refusal) == ("刘小明", "学生名册中的该学生已关联其他账号，请联系学校")
    assert check_eligibility(name="刘小明", id_number=NUMBER, user=outsider).refusal == ""
