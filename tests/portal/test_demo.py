import datetime
import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from apprenticeships.models import (
    Course,
    EcosystemRecognition,
    Filing,
    FilingMaterial,
    FilingStatus,
    RuleSet,
    SubsidyStandard,
    Teacher,
    Trainee,
    Venue,
)
from apprenticeships.selectors.parameters import rules_for, standard_for
from apprenticeships.services.filing import submission_problems
from audit.models import AuditEntry
from calendars.wages import minimum_wage
from core.identifiers import age_on, credit_code_problem, id_number_problem
from internships.compliance import blocking_failures, check_position
from internships.models import (
    AdmissionStatus,
    Application,
    ApplicationStatus,
    EnterpriseProfile,
    Insurer,
    Position,
    PositionStatus,
    RegistryRecord,
    SchoolRecommendation,
    Student,
    StudyLevel,
)
from internships.selectors.pool import open_positions_q
from internships.services.students import check_eligibility
from organisations.models import Organisation, Role, VerificationStatus
from portal.management.commands.seed_demo import DEMO_PASSWORD
from regions.models import Region
from reviews.models import ReviewStatus
from reviews.selectors import latest_review_for
from timeline.models import Event

pytestmark = pytest.mark.django_db


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def table_rows(output: str) -> list[list[str]]:
    rows = [line.strip("|").split("|") for line in output.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row] for row in rows[2:]]  # without the header and its rule


def snapshot():
    return {
        "organisations": sorted(Organisation.objects.values_list("credit_code", "name", "verification_status")),
        "users": sorted(User.objects.values_list("username", "password", "mobile", "id_number", "organisation_id")),
        "roles": sorted(Role.objects.values_list("organisation_id", "name", "permissions")),
        "internships": internship_snapshot(),
        "apprenticeships": apprenticeship_snapshot(),
    }


def apprenticeship_snapshot():
    return {
        "rules": sorted(RuleSet.objects.values_list("pk", "region_id", "valid_from", "source")),
        "standards": sorted(SubsidyStandard.objects.values_list("pk", "apprenticeship_type", "target_level",
                                                                "amount_per_year")),
        "recognitions": sorted(EcosystemRecognition.objects.values_list("pk", "organisation_id", "role")),
        "filings": sorted(Filing.objects.values_list("pk", "number", "status", "updated_at")),
        "teachers": sorted(Teacher.objects.values_list("pk", "filing_id", "name")),
        "trainees": sorted(Trainee.objects.values_list("pk", "filing_id", "name", "holds_place")),
        "courses": sorted(Course.objects.values_list("pk", "filing_id", "name", "teacher_id")),
        "materials": sorted(FilingMaterial.objects.values_list("pk", "filing_id", "material")),
        "venues": sorted(Venue.objects.values_list("pk", "name", "updated_at")),
    }


def internship_snapshot():
    return {
        "registry": sorted(RegistryRecord.objects.values_list("credit_code", "name", "standing", "updated_at")),
        "insurers": sorted(Insurer.objects.values_list("name", "product", "contact_phone", "updated_at")),
        "profiles": sorted(EnterpriseProfile.objects.values_list("organisation_id", "admission_status",
                                                                 "staff_on_duty", "updated_at")),
        "recommendations": sorted(SchoolRecommendation.objects.values_list("school_id", "enterprise_id")),
        "positions": sorted(Position.objects.values_list("pk", "title", "status", "updated_at")),
        "students": sorted(Student.objects.values_list("pk", "name", "person_id", "updated_at")),
        "applications": sorted(Application.objects.values_list("pk", "status", "choice_slot")),
        "audit": AuditEntry.objects.count(),
        "events": Event.objects.count(),
    }


def test_seed_twice_changes_nothing_and_prints_the_table_each_time():
    first = seed()
    before = snapshot()
    second = seed()
    assert snapshot() == before
    # 49 (internships and the accounts) + the training institution and its administrator + 37 apprenticeship
    # rows and steps: 1 minimum wage, 1 rule set, 12 standards (3 types × 4 levels), 1 recognition; the approved
    # filing's 4 tabs (filing, 备案信息, 培训机构情况, 培训信息), 2 teachers, 3 trainees, 3 courses, 3 materials,
    # its submission and its approval; 1 venue; the draft's 4 tabs.
    assert "已创建演示数据 88 条。" in first
    assert "演示数据已存在，未做修改。" in second
    assert table_rows(first) == table_rows(second)
    assert len(table_rows(first)) == 16
    assert Organisation.objects.count() == 10
    # The 16 demo logins and the 3 trainees' individual accounts the filing opened (no password, not printed).
    assert User.objects.count() == 19


def test_every_printed_login_signs_in_with_every_identifier():
    rows = table_rows(seed())
    checked = 0
    for role, unit, logins, password in rows:
        assert password == DEMO_PASSWORD
        identifiers = logins.split(" / ")
        users = {authenticate(identifier=identifier, password=password) for identifier in identifiers}
        assert None not in users, (role, identifiers)
        assert len(users) == 1
        user = users.pop()
        assert (user.organisation.name if user.organisation else "—") == unit
        checked += len(identifiers)
    assert checked == 16 + 16 + 10 + 4  # login names, mobiles, credit codes, ID numbers
    assert authenticate(identifier="ent_a", password="wrong-Pass1") is None


def test_organisations_have_valid_codes_regions_and_statuses():
    seed()
    for organisation in Organisation.objects.all():
        assert credit_code_problem(organisation.credit_code) is None
        assert re.fullmatch(r"P\d{9}", organisation.platform_code)
        assert organisation.members.filter(is_org_admin=True).count() == 1
        assert organisation.members.get(is_org_admin=True).mobile
    expected = {
        "河南省人力资源和社会保障厅": ("410000", "government", "hr", "province", "verified"),
        "郑州市人力资源和社会保障局": ("410100", "government", "hr", "city", "verified"),
        "金水区人力资源和社会保障局": ("410105", "government", "hr", "county", "verified"),
        "二七区人力资源和社会保障局": ("410103", "government", "hr", "county", "verified"),
        "郑州市教育局": ("410100", "government", "education", "city", "verified"),
        "郑州示范科技有限公司": ("410105", "enterprise", "", "", "verified"),
        "郑州二七制造有限公司": ("410103", "enterprise", "", "", "verified"),
        "郑州待认证商贸有限公司": ("410105", "enterprise", "", "", "unverified"),
        "郑州示范职业技术学院": ("410105", "school", "", "", "verified"),
        "郑州示范职业培训学校": ("410105", "training_institution", "", "", "verified"),
    }
    found = {
        org.name: (org.region_id, org.kind, org.authority, org.gov_level, org.verification_status)
        for org in Organisation.objects.all()
    }
    assert found == expected
    unverified = Organisation.objects.get(name="郑州待认证商贸有限公司")
    assert unverified.verification_status == VerificationStatus.UNVERIFIED
    assert unverified.verified_at is None


def test_people_and_permissions():
    seed()
    today = timezone.localdate()
    for user in User.objects.exclude(id_number=None):
        assert id_number_problem(user.id_number) is None
    assert age_on(User.objects.get(real_name="李青年").id_number, today) == 20
    assert {u.real_name for u in User.objects.filter(kind="individual")} == {
        "张同学", "刘同学", "李青年", "王毕业", "郑学徒", "冯学徒", "陈学徒"}  # the apprentices' accounts too
    platform = User.objects.get(username="platform")
    assert platform.is_staff and platform.has_perm("traineeships.review")
    staff_manager = User.objects.get(username="ent_a_staff")
    assert not staff_manager.is_org_admin
    assert staff_manager.has_perm("organisations.manage_staff")
    assert not staff_manager.has_perm("organisations.manage_roles")
    assert [role.name for role in staff_manager.roles.all()] == ["人员管理员"]
    assert User.objects.get(username="ent_a").has_perm("organisations.manage_roles")
    assert not User.objects.get(username="zhang").has_perm("organisations.manage_staff")


def test_readme_shows_the_same_logins():
    from django.conf import settings

    readme = (settings.BASE_DIR / "README.md").read_text(encoding="utf-8")
    readme_rows = table_rows(readme.split("## 演示账号", 1)[1].split("\n## ", 1)[0])
    seeded = table_rows(seed())
    assert len(readme_rows) == len(seeded)
    for shown, printed in zip(readme_rows, seeded):
        if printed[2].startswith("li / "):
            # 李青年's ID number encodes a birthday 20 years before the day the demo was seeded.
            assert shown[2].startswith("li / 13800000032 / ")
            assert shown[:2] + shown[3:] == printed[:2] + printed[3:]
        else:
            assert shown == printed


def test_internship_programme_demo_state():
    seed()
    today = timezone.localdate()
    school = Organisation.objects.get(name="郑州示范职业技术学院")
    ent_a = Organisation.objects.get(name="郑州示范科技有限公司")
    ent_b = Organisation.objects.get(name="郑州二七制造有限公司")
    ent_c = Organisation.objects.get(name="郑州待认证商贸有限公司")
    assert set(RegistryRecord.objects.values_list("credit_code", flat=True)) == {
        ent_a.credit_code, ent_b.credit_code, ent_c.credit_code}
    assert Insurer.objects.filter(active=True, product="学生实习责任保险").count() == 4
    profiles = {p.organisation.name: (p.admission_status, p.staff_on_duty, p.blacklisted)
                for p in EnterpriseProfile.objects.select_related("organisation")}
    assert profiles == {"郑州示范科技有限公司": (AdmissionStatus.ADMITTED, 300, False),
                        "郑州二七制造有限公司": (AdmissionStatus.ADMITTED, 200, False)}
    assert list(SchoolRecommendation.objects.values_list("school", "enterprise")) == [(school.pk, ent_a.pk)]

    published = Position.objects.filter(status=PositionStatus.PUBLISHED)
    assert sorted(published.values_list("enterprise__name", flat=True)) == [
        "郑州二七制造有限公司", "郑州示范科技有限公司", "郑州示范科技有限公司"]
    assert published.filter(open_positions_q(school, today)).count() == 3
    for position in published.select_related("enterprise__internship_profile"):
        assert position.apply_from == today
        assert position.starts_on.day == 1 and position.starts_on > today
        assert (position.starts_on.year * 12 + position.starts_on.month) - (today.year * 12 + today.month) == 1
        checks = check_position(position, profile=position.enterprise.internship_profile, today=today)
        assert all(check.passed for check in checks), [c.label for c in checks if not c.passed]
        assert not blocking_failures(checks)
        assert position.compliance  # the checklist the publication saved, for reviewers
    # Published by the enterprise through the service: audited and on the position's timeline.
    assert AuditEntry.objects.filter(action="internships.position_status").count() == 3
    assert Event.objects.filter(event="published").count() == 3

    roll = {s.name: s for s in Student.objects.filter(school=school)}
    assert set(roll) == {"张同学", "刘同学", "陈同学", "杨同学"}
    assert all(s.study_level == StudyLevel.HIGHER_VOCATIONAL and not s.in_first_year_on(today)
               for s in roll.values())
    zhang = User.objects.get(username="zhang")
    assert roll["张同学"].id_number == zhang.id_number
    assert roll["张同学"].person is None  # he verifies himself at 学生身份核验
    eligibility = check_eligibility(name=zhang.real_name, id_number=zhang.id_number, user=zhang)
    assert eligibility.refusal == ""
    assert eligibility.registered_name == "张同学"

    liu = roll["刘同学"]
    assert liu.person == User.objects.get(username="liu")
    application = Application.objects.get()
    assert (application.student, application.position.title, application.enterprise, application.status,
            application.choice_slot) == (liu, "软件测试实习生", ent_a, ApplicationStatus.APPLIED, 1)


def test_second_run_creates_no_internship_rows_even_on_another_day(monkeypatch):
    seed()
    before = internship_snapshot()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert "演示数据已存在，未做修改。" in seed()
    assert internship_snapshot() == before


def test_apprenticeship_programme_demo_state():
    seed()
    today = timezone.localdate()
    zhengzhou = Region.objects.get(code="410100")
    ent_a = Organisation.objects.get(name="郑州示范科技有限公司")
    institution = Organisation.objects.get(name="郑州示范职业培训学校")
    inst = User.objects.get(username="inst")
    assert (inst.organisation, inst.is_org_admin) == (institution, True)

    # Parameters: the province's minimum wage, the city's rule set and standards, in force today.
    assert minimum_wage(ent_a.region, today) == 2100
    rules = rules_for(ent_a.region, today)
    assert (rules.max_date_changes, rules.change_notice_working_days, rules.min_contract_months) == (3, 5, 12)
    assert SubsidyStandard.objects.filter(region=zhengzhou).count() == 12
    assert standard_for(region=ent_a.region, day=today, apprenticeship_type="enterprise",
                        target_level="senior").amount_per_year == 6000
    assert standard_for(region=ent_a.region, day=today, apprenticeship_type="student",
                        target_level="technician").amount_per_year == 5000
    recognition = EcosystemRecognition.objects.get()
    assert (recognition.organisation, recognition.city, recognition.role) == (ent_a, zhengzhou, "chain_leader")
    assert recognition.valid_from <= today <= recognition.valid_to

    # The approved filing: through the services (audited), approved by 金水区, its trainees holding places.
    approved = Filing.objects.get(status=FilingStatus.APPROVED)
    assert (approved.organisation, approved.institution, approved.apprenticeship_type) == (
        ent_a, institution, "enterprise")
    assert approved.training_class.starts_on > today
    assert approved.teachers.count() == 2
    assert sorted(approved.trainees.values_list("name", "holds_place")) == [
        ("冯学徒", True), ("郑学徒", True), ("陈学徒", True)]
    assert approved.courses.count() == 3
    assert not approved.courses.filter(delivery="offline", teacher__isnull=True).exists()
    assert approved.materials.count() == 3
    review = latest_review_for(approved)
    assert review.status == ReviewStatus.APPROVED
    assert review.steps.filter(decided_by__username="hr_jinshui").exists()
    assert AuditEntry.objects.filter(action="apprenticeships.trainee_added").count() == 3

    draft = Filing.objects.get(status=FilingStatus.DRAFT)
    assert draft.organisation == ent_a and draft.institution == institution
    assert draft.training_class.starts_on > approved.training_class.starts_on
    problems = submission_problems(draft, today)
    assert any("培训师资" in problem for problem in problems)  # left for the demo to fill in
    assert Filing.objects.count() == 2

    venue = Venue.objects.get()
    assert (venue.organisation, venue.name, venue.capacity) == (ent_a, "示范科技实训中心", 40)


def test_second_run_creates_no_apprenticeship_rows_even_on_another_day(monkeypatch):
    seed()
    before = apprenticeship_snapshot()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert "演示数据已存在，未做修改。" in seed()
    assert apprenticeship_snapshot() == before


def test_apprenticeship_demo_pages_open_for_the_demo_users(client):
    from django.urls import reverse

    seed()
    approved = Filing.objects.get(status=FilingStatus.APPROVED)
    draft = Filing.objects.get(status=FilingStatus.DRAFT)
    pages = {
        "ent_a": [(reverse("apprenticeships:filings"), approved.number),
                  (reverse("apprenticeships:filing_detail", args=[approved.pk]), "软件测试员"),
                  (reverse("apprenticeships:filing_trainees", args=[approved.pk]), "郑学徒"),
                  (reverse("apprenticeships:filing_edit", args=[draft.pk]), draft.number),
                  (reverse("apprenticeships:venues"), "示范科技实训中心"),
                  (reverse("apprenticeships:tracking"), approved.number)],
        "inst": [(reverse("apprenticeships:institution_filings"), approved.number)],
        "hr_jinshui": [(reverse("apprenticeships:hr_filings"), approved.number)],
        "hr_city": [(reverse("apprenticeships:recognitions"), "郑州示范科技有限公司"),
                    (reverse("apprenticeships:parameters"), "演示数据")],
    }
    for username, urls in pages.items():
        client.force_login(User.objects.get(username=username))
        for url, text in urls:
            response = client.get(url)
            assert response.status_code == 200, (username, url)
            assert text in response.content.decode(), (username, url, text)
