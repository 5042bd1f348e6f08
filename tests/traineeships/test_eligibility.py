"""Who may take part (issue 7, manual 001 §2.2, regulations §2): the graduate window of the region's parameter
(离校 2 years nationally, 3 with 3 months before graduation in a Shandong-like region), the fallback of a register
record under another name to the 16–24 age check, and the same rule on applying and onboarding."""

import datetime

import pytest
from django.urls import reverse

from accounts.models import LoginRecord, User
from accounts.services import REASON_NAME_MISMATCH
from tests import factories
from tests.batch.helpers import id_number
from tests.traineeships.test_applications import make_trainee
from tests.traineeships.test_individual_sign_in import sign_in
from tests.traineeships.test_placements import approved_application, approved_post, terms_form, wage_parameter
from traineeships.models import Application, GraduateRecord, Placement, TraineeKind, TraineeProfile
from traineeships.services import individuals
from traineeships.services.individuals import GraduateRule, graduate_window, judge

pytest_plugins = ["tests.traineeships.test_placements", "tests.traineeships.test_applications"]

OLD_GRADUATE_ID = id_number("19940301", 611)  # 32 in 2026: the issue's 2016 graduate
YOUNG_ID = id_number("20040101", 612)  # 22 on 2026-03-01
SHANDONG = GraduateRule(window_years=3, months_before=3)
AFTER_2016 = ("您是2016年毕业的高校毕业生（按2016年6月30日毕业计），可参加就业见习的期限为离校后2年内"
              "（2016-06-30至2018-06-30），已超过期限；按16–24周岁失业青年条件核验，年龄也不符合要求，无法参加就业见习")


def on(monkeypatch, day):
    monkeypatch.setattr(individuals, "today", lambda: day)


def graduate(name="李毕业", number=OLD_GRADUATE_ID, year=2016):
    return GraduateRecord.objects.create(name=name, id_number=number, school="山东大学", major="会计",
                                         education="bachelor", graduation_year=year)


def shandong_parameter(setter, region_code="370000"):
    """A Shandong-like regional rule: 离校3年内, and graduates within 3 months before graduation."""
    return wage_parameter(setter, region_code=region_code, graduate_window_years=3, pre_graduation_months=3)


# ---------------------------------------------------------------- the window itself


def test_window_runs_from_months_before_graduation_to_years_after_30_june():
    assert graduate_window(2024, GraduateRule()) == (datetime.date(2024, 6, 30), datetime.date(2026, 6, 30))
    assert graduate_window(2026, SHANDONG) == (datetime.date(2026, 3, 30), datetime.date(2029, 6, 30))
    assert graduate_window(2026, GraduateRule(window_years=2, months_before=4)) == (
        datetime.date(2026, 2, 28), datetime.date(2028, 6, 30))  # no 30 February


@pytest.mark.django_db
@pytest.mark.parametrize(("day", "kind", "refused"), [
    (datetime.date(2026, 3, 29), TraineeKind.GRADUATE, "before"),  # a student still: no youth fallback
    (datetime.date(2026, 3, 30), TraineeKind.GRADUATE, ""),  # 3 months before graduation
    (datetime.date(2029, 6, 30), TraineeKind.GRADUATE, ""),  # the last day of 离校3年内
    (datetime.date(2029, 7, 1), TraineeKind.GRADUATE, "after"),  # aged 26 by then: the youth check fails too
])
def test_shandong_like_window_in_before_after(day, kind, refused):
    graduate(number=id_number("20030101", 613), year=2026)
    verdict = judge(name="李毕业", id_number=id_number("20030101", 613), day=day, rule=SHANDONG)
    assert verdict.kind == kind
    if refused == "before":
        assert verdict.refusal == (
            "您是2026年毕业的高校毕业生（按2026年6月30日毕业计），可参加就业见习的期限为毕业前3个月至离校后3年内"
            "（2026-03-30至2029-06-30），尚未到可参加见习的时间")
    elif refused == "after":
        assert verdict.refusal == (
            "您是2026年毕业的高校毕业生（按2026年6月30日毕业计），可参加就业见习的期限为毕业前3个月至离校后3年内"
            "（2026-03-30至2029-06-30），已超过期限；按16–24周岁失业青年条件核验，年龄也不符合要求，无法参加就业见习")
    else:
        assert verdict.refusal == ""


@pytest.mark.django_db
def test_graduate_past_the_window_but_aged_16_to_24_takes_part_as_a_young_job_seeker():
    record = graduate(number=id_number("20030101", 614), year=2022)  # 专科 at 19; 23 in 2026
    verdict = judge(name="李毕业", id_number=id_number("20030101", 614), day=datetime.date(2026, 3, 1),
                    rule=GraduateRule())
    assert (verdict.kind, verdict.graduate, verdict.refusal) == (TraineeKind.YOUTH, record, "")


# ---------------------------------------------------------------- at sign-in (HTTP)


@pytest.mark.django_db
def test_the_issues_2016_graduate_aged_32_is_refused_naming_the_year_and_window(client, monkeypatch):
    on(monkeypatch, datetime.date(2026, 3, 1))
    graduate()
    response = sign_in(client, "李毕业", OLD_GRADUATE_ID)
    assert response.status_code == 200
    assert response.context["form"].errors["id_number"] == [AFTER_2016]
    assert not User.objects.filter(id_number=OLD_GRADUATE_ID).exists()


@pytest.mark.django_db
def test_graduate_within_the_window_signs_in_as_graduate(client, monkeypatch):
    on(monkeypatch, datetime.date(2026, 6, 30))
    graduate(year=2024)
    response = sign_in(client, "李毕业", OLD_GRADUATE_ID)
    assert response.status_code == 302
    profile = TraineeProfile.objects.get(person__id_number=OLD_GRADUATE_ID)
    assert (profile.kind, profile.graduate_record.graduation_year) == (TraineeKind.GRADUATE, 2024)


@pytest.mark.django_db
def test_graduate_before_the_national_window_is_refused(client, monkeypatch):
    on(monkeypatch, datetime.date(2026, 6, 29))
    graduate(number=YOUNG_ID, year=2026)
    response = sign_in(client, "李毕业", YOUNG_ID)
    assert response.context["form"].errors["id_number"] == [
        "您是2026年毕业的高校毕业生（按2026年6月30日毕业计），可参加就业见习的期限为离校后2年内"
        "（2026-06-30至2028-06-30），尚未到可参加见习的时间"]


@pytest.mark.django_db
def test_sign_in_admits_within_the_widest_window_in_force(client, monkeypatch, city_reviewer):
    """No post is chosen at sign-in: a 2023 graduate may still take part in a Shandong-like region in 2026."""
    on(monkeypatch, datetime.date(2026, 3, 1))
    graduate(year=2023)
    assert sign_in(client, "李毕业", OLD_GRADUATE_ID).status_code == 200  # the national 2 years: refused
    shandong_parameter(city_reviewer)
    response = sign_in(client, "李毕业", OLD_GRADUATE_ID)
    assert response.status_code == 302
    assert TraineeProfile.objects.get(person__id_number=OLD_GRADUATE_ID).kind == TraineeKind.GRADUATE


@pytest.mark.django_db
def test_register_record_under_another_name_falls_back_to_the_youth_check_in_range(client, monkeypatch):
    on(monkeypatch, datetime.date(2026, 3, 1))
    graduate(name="李毕业", number=YOUNG_ID, year=2025)
    response = sign_in(client, "李改名", YOUNG_ID)
    assert response.status_code == 302
    person = User.objects.get(id_number=YOUNG_ID)
    profile = TraineeProfile.objects.get(person=person)
    assert (person.real_name, profile.kind, profile.graduate_record) == ("李改名", TraineeKind.YOUTH, None)


@pytest.mark.django_db
def test_register_record_under_another_name_out_of_the_age_range_is_refused_saying_so(client, monkeypatch):
    on(monkeypatch, datetime.date(2026, 3, 1))
    graduate(name="李毕业", number=OLD_GRADUATE_ID, year=2025)  # within the window, but not the same name
    response = sign_in(client, "李改名", OLD_GRADUATE_ID)
    assert response.context["form"].errors["name"] == [
        "姓名与高校毕业生就业信息库中该身份证号的记录不一致，已按16–24周岁失业青年条件核验：年龄不符合要求"
        "（须年满16周岁、未满25周岁），无法参加就业见习"]
    assert not User.objects.filter(id_number=OLD_GRADUATE_ID).exists()
    assert LoginRecord.objects.get().reason == REASON_NAME_MISMATCH  # still a guessed name


# ---------------------------------------------------------------- applying and onboarding: the post's region


@pytest.mark.django_db
def test_applying_uses_the_window_of_the_posts_region(client, monkeypatch, posts, city_reviewer):
    """金水区 has the Shandong-like rule (a county parameter), 二七区 the national one."""
    on(monkeypatch, datetime.date(2026, 5, 4))
    shandong_parameter(city_reviewer, region_code="410105")
    graduate(year=2023)
    person = make_trainee(name="李毕业", number=OLD_GRADUATE_ID, mobile="13700006666")
    client.force_login(person)
    national, shandong_like = posts["sales"], posts["java"]
    page = client.get(reverse("traineeships:individual_post", args=[national.pk])).content.decode()
    refusal = ("您是2023年毕业的高校毕业生（按2023年6月30日毕业计），可参加就业见习的期限为离校后2年内"
               "（2023-06-30至2025-06-30），已超过期限；按16–24周岁失业青年条件核验，年龄也不符合要求，无法参加就业见习"
               f"（以岗位所在地{national.work_region.full_name}的规定为准）")
    assert refusal in page
    response = client.post(reverse("traineeships:individual_apply", args=[national.pk]), follow=True)
    assert refusal in response.content.decode()
    assert not Application.objects.filter(person=person).exists()
    page = client.get(reverse("traineeships:individual_post", args=[shandong_like.pk])).content.decode()
    assert 'data-testid="blocked"' not in page
    client.post(reverse("traineeships:individual_apply", args=[shandong_like.pk]))
    assert Application.objects.get(person=person).post == shandong_like


@pytest.mark.django_db
def test_onboarding_refuses_a_young_job_seeker_who_has_turned_25(client, monkeypatch, admin_a, post_a, wage):
    on(monkeypatch, datetime.date(2026, 3, 1))
    application = approved_application(post_a, real_name="赵超龄", id_number=id_number("20010215", 615))
    client.force_login(admin_a)
    response = client.post(reverse("traineeships:placement_create", args=[application.pk]), terms_form())
    assert response.status_code == 200
    assert "年龄不符合要求（须年满16周岁、未满25周岁），无法参加就业见习" in response.content.decode()
    assert not Placement.objects.exists()
    on(monkeypatch, datetime.date(2026, 2, 14))  # the day before the 25th birthday
    response = client.post(reverse("traineeships:placement_create", args=[application.pk]), terms_form())
    assert response.status_code == 302
    assert Placement.objects.get().person == application.person


@pytest.mark.django_db
def test_onboarding_a_graduate_uses_the_posts_region(client, monkeypatch, admin_a, base_a, county_reviewer_a,
                                                     city_reviewer, wage):
    on(monkeypatch, datetime.date(2026, 3, 1))
    graduate(year=2023)
    person = factories.individual(real_name="李毕业", id_number=OLD_GRADUATE_ID)
    henan = approved_post(base_a.organisation, admin_a, county_reviewer_a, city_reviewer, places=2)
    application = approved_application(henan, person=person)
    client.force_login(admin_a)
    response = client.post(reverse("traineeships:placement_create", args=[application.pk]), terms_form())
    assert "（2023-06-30至2025-06-30），已超过期限" in response.content.decode()
    assert not Placement.objects.exists()
