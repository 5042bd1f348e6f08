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
from continuing_education import models as ce
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
from organisations.models import Organisation, Role, StaffLink, StaffMember, VerificationStatus
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
        "continuing_education": continuing_education_snapshot(),
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
    assert "已创建演示数据 125 条。" in first
    assert "演示数据已存在，未做修改。" in second
    assert table_rows(first) == table_rows(second)
    assert len(table_rows(first)) == 20
    assert Organisation.objects.count() == 12
    # The 20 demo logins and the 3 trainees' individual accounts the filing opened (no password, not printed).
    assert User.objects.count() == 23


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
    assert checked == 20 + 20 + 12 + 6  # login names, mobiles, credit codes, ID numbers
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
        "张同学", "刘同学", "李青年", "王毕业", "郑学徒", "冯学徒", "陈学徒",  # the apprentices' accounts too
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
