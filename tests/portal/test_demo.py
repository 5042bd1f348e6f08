import datetime
import re
from decimal import Decimal
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
from claims.models import Claim, ClaimLine
from continuing_education import models as ce
from core.identifiers import age_on, credit_code_problem, id_number_problem
from internships.compliance import blocking_failures, check_position
from internships.models import (
    AdmissionStatus,
    Application,
    ApplicationStatus,
    EnterpriseProfile,
    Insurer,
    Internship,
    InternshipStatus,
    Position,
    PositionStatus,
    RegistryRecord,
    SchoolRecommendation,
    Student,
    StudyLevel,
)
from internships.selectors.pool import open_positions_q
from internships.services.students import check_eligibility
from organisations.models import Organisation, Role, StaffLink, StaffMember, VerificationStatus
from portal.management.commands.seed_demo import DEMO_PASSWORD
from regions.models import Region
from reviews.models import Review, ReviewStatus
from reviews.selectors import latest_review_for
from timeline.models import Event
from traineeships import models as tr
from traineeships.services.roster import roster_for_base

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
        "continuing_education": continuing_education_snapshot(),
        "traineeships": traineeship_snapshot(),
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


def traineeship_snapshot():
    return {
        "parameters": sorted(tr.RegionParameter.objects.values_list("pk", "region_id", "valid_from", "updated_at")),
        "graduates": sorted(tr.GraduateRecord.objects.values_list("pk", "name", "updated_at")),
        "profiles": sorted(tr.TraineeProfile.objects.values_list("pk", "person_id", "kind",
                                                                 "intention_submitted_at")),
        "bases": sorted(tr.TraineeshipBase.objects.values_list("pk", "status", "updated_at")),
        "posts": sorted(tr.Post.objects.values_list("pk", "title", "status", "updated_at")),
        "applications": sorted(tr.Application.objects.values_list("pk", "person_id", "status")),
        "placements": sorted(tr.Placement.objects.values_list("pk", "person_id", "status", "start_on", "end_on",
                                                              "updated_at")),
        "departures": sorted(tr.Departure.objects.values_list("pk", "status", "left_on", "updated_at")),
        "claims": sorted(Claim.objects.values_list("pk", "programme", "number", "status", "first_month",
                                                   "last_month", "total", "updated_at")),
        "claim_lines": ClaimLine.objects.count(),
        "reviews": Review.objects.count(),
        "audit": AuditEntry.objects.count(),
    }


def continuing_education_snapshot():
    return {
        "rules": sorted(ce.HoursRule.objects.values_list("pk", "region_id", "year", "updated_at")),
        "teachers": sorted(ce.Teacher.objects.values_list("pk", "organisation_id", "name", "updated_at")),
        "courses": sorted(ce.Course.objects.values_list("pk", "organisation_id", "name", "updated_at")),
        "sites": sorted(ce.TrainingSite.objects.values_list("pk", "organisation_id", "name")),
        "platforms": sorted(ce.OnlinePlatform.objects.values_list("pk", "name", "docking_version")),
        "classes": sorted(ce.TrainingClass.objects.values_list("pk", "number", "status", "results_status",
                                                               "updated_at")),
        "participants": sorted(ce.Participant.objects.values_list("pk", "name", "hours", "assessment")),
        "declarations": sorted(ce.HoursDeclaration.objects.values_list("pk", "title", "status", "updated_at")),
        "online_results": sorted(ce.OnlineResult.objects.values_list("pk", "course_name", "hours")),
        "archive": sorted(ce.ArchiveYear.objects.values_list("pk", "year", "public_hours", "professional_hours",
                                                             "updated_at")),
        "entries": sorted(ce.ArchiveEntry.objects.values_list("pk", "source", "hours")),
        "staff": sorted(StaffMember.objects.values_list("pk", "name", "link_status", "updated_at")),
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
        "internships": sorted(Internship.objects.values_list("pk", "status", "agreement_terms", "updated_at")),
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
    # + continuing education: 2 organisations (the industry department, the public institution) and 4 accounts
    # (ind_city, institute, pro, pro2), then 31 rows and steps: 1 hours rule; the enterprise's 2 teachers,
    # 3 courses and 1 site, the institute's 1 teacher, 1 course and 1 site; 1 platform; pro's join request, its
    # approval and his record completed; 1 colleague on the roster; the approved class (created, submitted,
    # approved, 2 participants, results reported); the pending class (created, submitted); 1 online result;
    # the approved declaration (created, submitted, 2 approvals) and the pending one (created, submitted);
    # pro2's join request.
    # + yang's account and 4 internship steps: his link to the roll, his application, the enterprise's agreement,
    # the school's terms.
    # + 28 apprenticeship rows and steps of the started class: its 4 tabs, 2 teachers, 2 trainees, 3 courses,
    # 3 materials, submission, approval; 2 claims × 5 (started, basics, person, attachment, submitted), and the
    # first one's 2 approvals.
    # + 38 traineeship rows and steps: 1 region parameter, 1 graduate record, 2 profiles and 2 intentions; the
    # licence, the base's 2 files, its submission and 2 approvals; the published post (created, 2 approvals,
    # published) and the pending one; li's and wang's application, approval, registration, scan and submission
    # (5 each) and the agreement's approval; wang's departure (registered, certificate, submitted); 2 claims
    # (created, submitted) and the first one's 2 approvals.
    assert "已创建演示数据 196 条。" in first
    assert "演示数据已存在，未做修改。" in second
    assert table_rows(first) == table_rows(second)
    assert len(table_rows(first)) == 21
    assert Organisation.objects.count() == 12
    # The 21 demo logins and the 5 trainees' individual accounts the filings opened (no password, not printed).
    assert User.objects.count() == 26


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
    assert checked == 21 + 21 + 12 + 7  # login names, mobiles, credit codes, ID numbers
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
        "郑州市工业和信息化局": ("410100", "government", "industry", "city", "verified"),
        "郑州示范科技有限公司": ("410105", "enterprise", "", "", "verified"),
        "郑州二七制造有限公司": ("410103", "enterprise", "", "", "verified"),
        "郑州待认证商贸有限公司": ("410105", "enterprise", "", "", "unverified"),
        "郑州示范职业技术学院": ("410105", "school", "", "", "verified"),
        "郑州示范职业培训学校": ("410105", "training_institution", "", "", "verified"),
        "郑州示范电子信息研究院": ("410105", "public_institution", "", "", "verified"),
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
        "张同学", "刘同学", "杨同学", "李青年", "王毕业",
        "郑学徒", "冯学徒", "陈学徒", "韩学徒", "曹学徒",  # the apprentices' accounts too
        "王专技", "李专技"}
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
    application = Application.objects.get(student=liu)
    assert (application.student, application.position.title, application.enterprise, application.status,
            application.choice_slot) == (liu, "软件测试实习生", ent_a, ApplicationStatus.APPLIED, 1)

    # 杨同学: linked, agreed by the enterprise, the terms filled by the school from the position.
    yang = roll["杨同学"]
    assert yang.person == User.objects.get(username="yang")
    assert yang.applications.get().status == ApplicationStatus.AGREED
    internship = Internship.objects.get()
    assert (internship.student, internship.enterprise, internship.position.title, internship.status) == (
        yang, ent_a, "前端开发实习生", InternshipStatus.SIGNED)
    assert internship.agreement_terms["teacher_name"] == "孙老师"
    assert internship.agreement_terms["pay"] == "3500.00"
    assert internship.agreement_terms["starts_on"] == internship.starts_on.isoformat()
    assert internship.student_confirmed_at is None
    assert AuditEntry.objects.filter(action="internships.agreement_terms", actor__username="school").count() == 1


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
    approved = Filing.objects.get(status=FilingStatus.APPROVED, training_class__occupation="软件测试员")
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
    assert AuditEntry.objects.filter(action="apprenticeships.trainee_added").count() == 3 + 2  # and the started

    # The started class: filed a month before it began on the 1st of this month, approved by 金水区.
    started = Filing.objects.get(status=FilingStatus.APPROVED, training_class__occupation="网络与信息安全管理员")
    assert started.training_class.starts_on == today.replace(day=1)
    assert latest_review_for(started).steps.get(decided_by__username="hr_jinshui").status == "approved"
    assert sorted(started.trainees.values_list("name", "holds_place")) == [("曹学徒", True), ("韩学徒", True)]
    # Its two 预支 claims (one person each): 韩学徒's approved by 金水区 then the city, 曹学徒's waiting for 金水区.
    claims = {claim.apprenticeship_people.get().trainee.name: claim
              for claim in Claim.objects.filter(programme="apprenticeships", organisation=ent_a)}
    assert {name: claim.status for name, claim in claims.items()} == {"韩学徒": "approved", "曹学徒": "submitted"}
    assert [step.decided_by.username for step in latest_review_for(claims["韩学徒"]).steps.order_by("position")] == [
        "hr_jinshui", "hr_city"]
    waiting = latest_review_for(claims["曹学徒"]).steps.get(status="pending")
    assert (waiting.level, waiting.region_id) == ("county", "410105")  # 金水区
    for claim in claims.values():
        assert claim.apprenticeship.stage == "advance" and claim.first_month == today.replace(day=1)
        # 6,000 元/年 (高级工) × 1 year × 预支 40 %.
        assert claim.total == Decimal("2400.00")
        assert claim.apprenticeship_materials.count() == 1

    draft = Filing.objects.get(status=FilingStatus.DRAFT)
    assert draft.organisation == ent_a and draft.institution == institution
    assert draft.training_class.starts_on > approved.training_class.starts_on
    problems = submission_problems(draft, today)
    assert any("培训师资" in problem for problem in problems)  # left for the demo to fill in
    assert Filing.objects.count() == 3

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
    approved = Filing.objects.get(status=FilingStatus.APPROVED, training_class__occupation="软件测试员")
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


def test_continuing_education_demo_state():
    seed()
    today = timezone.localdate()
    hr_jinshui = Organisation.objects.get(name="金水区人力资源和社会保障局")
    industry = Organisation.objects.get(name="郑州市工业和信息化局")
    ent_a = Organisation.objects.get(name="郑州示范科技有限公司")
    institute = Organisation.objects.get(name="郑州示范电子信息研究院")
    assert (ent_a.hr_department, ent_a.supervising_department) == (hr_jinshui, None)
    assert (institute.hr_department, institute.supervising_department) == (hr_jinshui, industry)
    assert Organisation.objects.get(name="郑州二七制造有限公司").hr_department.name == "二七区人力资源和社会保障局"

    # Henan's rule, the national floor, kept by the province (through the service: audited, by hr_province).
    rule = ce.HoursRule.objects.get()
    assert (rule.region_id, rule.year, rule.total_min, rule.professional_min, rule.public_min,
            rule.is_national_floor) == ("410000", today.year, 90, 60, 30, True)
    assert rule.updated_by.username == "hr_province"

    assert sorted(ce.Teacher.objects.filter(organisation=ent_a).values_list("name", flat=True)) == ["刘高工", "陈教授"]
    assert ce.Course.objects.filter(organisation=ent_a).count() == 3
    assert not ce.Course.objects.filter(teachers__isnull=True).exists()
    platform = ce.OnlinePlatform.objects.get()
    assert platform.is_docked and platform.docking_version == 1 and all(platform.docking_details.values())

    # The approved 暂不上报 class: approved by 金水区人社局, ended, its two participants credited.
    approved = ce.TrainingClass.objects.get(organisation=ent_a)
    assert (approved.status, approved.report_mode, approved.results_status) == ("approved", "later", "reported")
    assert approved.number == f"JXPX-{approved.year}-{approved.pk:06d}"
    assert approved.ends_on < today and approved.hours == 24
    assert latest_review_for(approved).steps.get().decided_by.username == "hr_jinshui"
    assert sorted(approved.participants.values_list("name", "hours", "assessment")) == [
        ("李工程", 20, "passed"), ("王专技", 24, "passed")]
    # The institute's class waits for its 主管部门, not for 金水区.
    pending = ce.TrainingClass.objects.get(organisation=institute)
    assert (pending.status, pending.starts_on > today) == ("pending", True)
    assert latest_review_for(pending).steps.get().reviewer_org == industry

    # 王专技: linked to the enterprise, one declaration approved (unit then 金水区), one waiting for the unit.
    pro = User.objects.get(username="pro")
    member = StaffMember.objects.get(account=pro)
    assert (member.organisation, member.link_status, member.title_level) == (ent_a, StaffLink.LINKED, "intermediate")
    declarations = {d.title: d for d in ce.HoursDeclaration.objects.filter(person=pro)}
    assert {title: d.status for title, d in declarations.items()} == {
        "河南省电子学会学术年会": "approved", "企业数字化转型项目实践": "pending"}
    steps = latest_review_for(declarations["河南省电子学会学术年会"]).steps.order_by("position")
    assert [step.decided_by.username for step in steps] == ["ent_a", "hr_jinshui"]
    waiting = latest_review_for(declarations["企业数字化转型项目实践"]).steps.order_by("position").first()
    assert (waiting.reviewer_org, waiting.status) == (ent_a, "pending")

    # His archive: the class, the online result and the approved declaration.
    entries = ce.ArchiveEntry.objects.filter(archive__id_number_hash=member.id_number_hash)
    assert sorted(entries.values_list("source", "hours")) == [("class", 24), ("declaration", 8), ("online", 20)]
    assert ce.ArchiveEntry.objects.count() == 4  # and 李工程's class hours
    pro2 = User.objects.get(username="pro2")
    assert StaffMember.objects.get(account=pro2).link_status == StaffLink.REQUESTED


def test_second_run_creates_no_continuing_education_rows_even_on_another_day(monkeypatch):
    seed()
    before = continuing_education_snapshot()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert "演示数据已存在，未做修改。" in seed()
    assert continuing_education_snapshot() == before


def test_continuing_education_demo_pages_open_for_the_demo_users(client):
    from django.urls import reverse

    seed()
    approved = ce.TrainingClass.objects.get(status="approved")
    pending = ce.TrainingClass.objects.get(status="pending")
    declaration = ce.HoursDeclaration.objects.get(status="approved")
    archive = ce.ArchiveYear.objects.get(name="王专技")

    def url(name, *args):
        return reverse(f"continuing_education:{name}", args=args)

    pages = {
        "ent_a": [(url("courses"), "软件架构设计与实践"), (url("teachers"), "陈教授"),
                  (url("sites"), "示范科技培训中心"), (url("platforms"), "中原专技学习网"),
                  (url("declared"), approved.name),
                  (url("classes"), approved.name), (url("class_detail", approved.pk), approved.number),
                  (url("class_participants", approved.pk), "李工程"), (url("inbox"), "企业数字化转型项目实践"),
                  (url("hours_manage"), "河南省电子学会学术年会"),
                  (url("online_results"), "公需科目：新发展理念与高质量发展"), (url("archive"), "王专技"),
                  (url("archive_detail", archive.pk), "软件工程专业科目研修班"), (url("desk"), "郑州示范科技有限公司")],
        "institute": [(url("declared"), pending.name), (url("staff_requests"), "李专技")],
        "ind_city": [(url("units"), "郑州示范电子信息研究院"), (url("reviewed_classes"), pending.name),
                     (reverse("reviews:inbox"), pending.name)],
        "hr_jinshui": [(url("units"), "郑州示范科技有限公司"), (url("reviewed_classes"), approved.name),
                       (url("archive"), "王专技"), (url("statistics"), "专业")],
        "hr_province": [(url("rules"), "国家最低标准")],
        "pro": [(url("join"), "郑州示范科技有限公司"), (url("declarations"), "企业数字化转型项目实践"),
                (url("declaration_detail", declaration.pk), "河南省电子学会学术年会"),
                (url("my_archive"), "52.0"), (url("archive_detail", archive.pk), "软件工程专业科目研修班")],
        "pro2": [(url("join"), "郑州示范电子信息研究院")],
    }
    for username, urls in pages.items():
        client.force_login(User.objects.get(username=username))
        for address, text in urls:
            response = client.get(address)
            assert response.status_code == 200, (username, address)
            assert text in response.content.decode(), (username, address, text)


def traineeship_start(today: datetime.date) -> datetime.date:
    """The demo traineeships' first day: the 1st, three months before this one, within this year."""
    month = today.year * 12 + today.month - 1 - 3
    return max(datetime.date(month // 12, month % 12 + 1, 1), datetime.date(today.year, 1, 1))


JINSHUI = ("county", "410105")


def waiting_for(subject) -> tuple[str, str]:
    """The level and region of the step the subject's review waits at."""
    step = latest_review_for(subject).steps.get(status="pending")
    return step.level, step.region_id


def test_traineeship_programme_demo_state():
    seed()
    today = timezone.localdate()
    start = traineeship_start(today)
    ent_a = Organisation.objects.get(name="郑州示范科技有限公司")
    wang = User.objects.get(username="wang")

    parameter = tr.RegionParameter.objects.get()
    assert (parameter.region_id, parameter.valid_from, parameter.subsidy_rate, parameter.set_by.username) == (
        "410100", datetime.date(today.year, 1, 1), Decimal("0.600"), "hr_city")
    graduate = tr.GraduateRecord.objects.get()
    assert (graduate.name, graduate.id_number, graduate.graduation_year) == ("王毕业", wang.id_number, today.year - 1)
    profiles = {p.person.username: (p.kind, p.intention_submitted_at is not None)
                for p in tr.TraineeProfile.objects.select_related("person")}
    assert profiles == {"li": ("youth", True), "wang": ("graduate", True)}

    # The base: approved by 金水区 then the city; the enterprise's licence uploaded through its profile.
    base = tr.TraineeshipBase.objects.get()
    assert (base.organisation, base.status) == (ent_a, "approved")
    assert ent_a.business_licence_id is not None
    assert [s.decided_by.username for s in latest_review_for(base).steps.order_by("position")] == [
        "hr_jinshui", "hr_city"]
    posts = {post.title: post for post in tr.Post.objects.filter(base=base)}
    assert {title: post.status for title, post in posts.items()} == {
        "软件测试见习生": "published", "数据标注见习生": "pending"}
    assert waiting_for(posts["数据标注见习生"]) == JINSHUI

    # 李青年 on post, 王毕业 leaving: registered by the unit, the agreements approved by 金水区.
    placements = {p.person.username: p for p in tr.Placement.objects.select_related("person")}
    assert {name: (p.status, p.post.title, p.start_on) for name, p in placements.items()} == {
        "li": ("on_post", "软件测试见习生", start), "wang": ("leaving", "软件测试见习生", start)}
    for placement in placements.values():
        assert placement.application.status == "approved" and placement.agreement_scan_id is not None
        assert latest_review_for(placement).steps.get().decided_by.username == "hr_jinshui"
    departure = tr.Departure.objects.get()
    assert (departure.placement, departure.reason, departure.status) == (placements["wang"], "hired_early", "pending")
    assert departure.certificate_scan_id is not None
    assert waiting_for(departure) == JINSHUI

    # The 花名册 has both trainees, and two claims: the first month approved, the following ones waiting.
    roster = roster_for_base(base, start, today.replace(day=1))
    assert sorted(line.trainee.name for line in roster.lines) == ["李青年", "王毕业"]
    assert roster.total > 0
    claims = {claim.status: claim for claim in Claim.objects.filter(programme="traineeships", organisation=ent_a)}
    assert set(claims) == {"approved", "submitted"}
    approved, submitted = claims["approved"], claims["submitted"]
    assert (approved.first_month, approved.last_month) == (start, start)
    # Each: 2,100 元 (the province's minimum wage) × 60 % for the month, and the 120 元 insurance premium.
    assert approved.total == Decimal("2760.00")
    assert sorted(approved.lines.values_list("kind", "amount")) == [
        ("insurance", Decimal("120.00")), ("insurance", Decimal("120.00")),
        ("month", Decimal("1260.00")), ("month", Decimal("1260.00"))]
    assert [s.decided_by.username for s in latest_review_for(approved).steps.order_by("position")] == [
        "hr_jinshui", "hr_city"]
    assert submitted.first_month == (start + datetime.timedelta(days=31)).replace(day=1)
    assert submitted.last_month == max(submitted.first_month, today.replace(day=1))
    assert submitted.total == sum(submitted.lines.values_list("amount", flat=True)) > 0
    assert waiting_for(submitted) == JINSHUI
    # Every step is the services' own: audited as the demo users.
    assert AuditEntry.objects.filter(action="traineeships.placement_created", actor__username="ent_a").count() == 2
    assert AuditEntry.objects.filter(action="traineeships.application_created").count() == 2


def test_second_run_creates_no_traineeship_rows_even_on_another_day(monkeypatch):
    seed()
    before = traineeship_snapshot()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert "演示数据已存在，未做修改。" in seed()
    assert traineeship_snapshot() == before


@pytest.mark.parametrize("day", [datetime.date(2027, 1, 1), datetime.date(2027, 1, 31)])
def test_seeded_in_january_the_traineeships_claim_only_this_month(monkeypatch, day):
    # The traineeships start on 1 January then: the months after it are not yet claimable (claims.services).
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
    seed()
    claims = list(Claim.objects.filter(programme="traineeships").values_list("status", "first_month", "last_month"))
    assert claims == [("approved", datetime.date(2027, 1, 1), datetime.date(2027, 1, 1))]
    assert tr.Placement.objects.filter(start_on=datetime.date(2027, 1, 1)).count() == 2


def test_every_printable_document_opens_as_a_pdf_for_its_owners(client):
    from django.urls import reverse

    seed()
    ent_a = Organisation.objects.get(name="郑州示范科技有限公司")
    base = tr.TraineeshipBase.objects.get()
    placements = {p.person.username: p for p in tr.Placement.objects.select_related("person")}
    departure = tr.Departure.objects.get()
    traineeship_claims = list(Claim.objects.filter(programme="traineeships").order_by("pk"))
    filings = list(Filing.objects.filter(status=FilingStatus.APPROVED).order_by("pk"))
    apprenticeship_claims = list(Claim.objects.filter(programme="apprenticeships").order_by("pk"))
    internship = Internship.objects.get()
    training_class = ce.TrainingClass.objects.get(status="approved")

    def url(name, *args):
        return reverse(name, args=args)

    roster = reverse("traineeships:roster")
    unit = [url("printing:organisation_registration", ent_a.pk), url("traineeships:base_pdf", base.pk),
            url("traineeships:agreement_pdf", placements["li"].pk), url("traineeships:agreement_pdf",
                                                                        placements["wang"].pk),
            url("traineeships:certificate_pdf", departure.pk), f"{roster}?format=pdf",
            *[url("traineeships:claim_pdf", claim.pk) for claim in traineeship_claims],
            *[url("apprenticeships:filing_print", filing.pk) for filing in filings],
            *[url(f"apprenticeships:{name}", claim.pk) for claim in apprenticeship_claims
              for name in ("claim_pdf", "claim_roster_pdf")],
            url("internships:agreement_pdf", internship.pk), url("continuing_education:class_print", training_class.pk)]
    documents = {
        "ent_a": unit,
        "li": [url("traineeships:agreement_pdf", placements["li"].pk)],
        "wang": [url("traineeships:agreement_pdf", placements["wang"].pk),
                 url("traineeships:certificate_pdf", departure.pk)],
        "hr_jinshui": [url("traineeships:base_pdf", base.pk), f"{roster}?base={base.pk}&format=pdf",
                       url("traineeships:certificate_pdf", departure.pk),
                       *[url("traineeships:claim_pdf", claim.pk) for claim in traineeship_claims],
                       *[url("apprenticeships:claim_pdf", claim.pk) for claim in apprenticeship_claims]],
        "hr_city": [url("traineeships:claim_pdf", traineeship_claims[0].pk),
                    url("apprenticeships:claim_roster_pdf", apprenticeship_claims[0].pk)],
        "yang": [url("internships:agreement_pdf", internship.pk)],
        "school": [url("internships:agreement_pdf", internship.pk), url("internships:policy_print")],
    }
    assert len(unit) == 16
    for username, addresses in documents.items():
        client.force_login(User.objects.get(username=username))
        for address in addresses:
            response = client.get(address)
            assert response.status_code == 200, (username, address)
            assert response["Content-Type"] == "application/pdf", (username, address)
            assert response.content.startswith(b"%PDF"), (username, address)


def test_traineeship_demo_pages_open_for_the_demo_users(client):
    from django.urls import reverse

    seed()
    base = tr.TraineeshipBase.objects.get()
    placements = {p.person.username: p for p in tr.Placement.objects.select_related("person")}
    departure = tr.Departure.objects.get()
    claim = Claim.objects.get(programme="traineeships", status="submitted")

    def url(name, *args):
        return reverse(f"traineeships:{name}", args=args)

    pages = {
        "ent_a": [(url("base_detail", base.pk), "郑州示范科技有限公司"), (url("posts"), "数据标注见习生"),
                  (url("placement_detail", placements["li"].pk), "李青年"),
                  (url("departure_detail", departure.pk), "王毕业"), (url("roster"), "王毕业"),
                  (url("claims"), claim.number), (url("claim_detail", claim.pk), "李青年")],
        "li": [(url("my_applications"), "软件测试见习生")],
        "hr_jinshui": [(reverse("reviews:inbox"), "数据标注见习生"), (url("claim_detail", claim.pk), claim.number)],
        "anonymous": [(url("public_posts"), "软件测试见习生")],
    }
    for username, addresses in pages.items():
        client.logout()
        if username != "anonymous":
            client.force_login(User.objects.get(username=username))
        for address, text in addresses:
            response = client.get(address)
            assert response.status_code == 200, (username, address)
            assert text in response.content.decode(), (username, address, text)
