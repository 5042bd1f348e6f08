"""Demo state of 专业技术人员继续教育 (continuing_education) for seed_demo: 河南省's 学时要求 (the national floor), the
catalogues of 郑州示范科技有限公司 (filed with 金水区人社局) and of 郑州示范电子信息研究院 (a public institution whose
主管部门 is 郑州市工业和信息化局), an approved 暂不上报 class with its results reported, a class pending at the
industry department, the professional 王专技 (`pro`) on the enterprise's roster with an approved 学时申报 and one
waiting for the unit, an online result, and 李专技 (`pro2`) asking to join the institute.

Every write goes through the programme's services with the demo user whose screen would make it: the rule by
the provincial HR department, the catalogues, classes and online results by the unit's administrator, the class
decision by the unit's department, the declarations by the person, the unit step by the unit's administrator and
the final step by 金水区人社局. Every step looks for its result first and leaves it alone if it is there: a second
run creates nothing and undoes nothing a demo user did since.
"""

import datetime
from decimal import Decimal

from continuing_education.models import (
    Assessment,
    Course,
    HoursDeclaration,
    HoursRule,
    LearningForm,
    OnlinePlatform,
    OnlineResult,
    ReportMode,
    SubjectType,
    Teacher,
    TrainingClass,
    TrainingSite,
)
from continuing_education.services import catalogue, classes, hours, hours_rules, online_results
from organisations import staff_links
from organisations.models import Education, Gender, StaffLink, StaffMember, TitleLevel
from organisations.staff_services import create_staff_member, update_staff_member
from portal.demo_base import ProgrammeDemo
from regions.models import Region

PROVINCE = "410000"
DAILY_CAP = 6  # hours a day of a 培训班 or 实践活动 (the rule's daily caps)
RULE_SOURCE = "《专业技术人员继续教育规定》（人社部令第25号）第八条（国家最低标准；演示数据，请按本地现行文件核对）"
# {unit key: (teachers, courses, site)}; a course names its teachers.
CATALOGUES = {
    "enterprise_a": (
        [("陈教授", "教授", "郑州大学", "软件工程"), ("刘高工", "正高级工程师", "郑州示范科技有限公司", "信息安全")],
        [("软件架构设计与实践", SubjectType.PROFESSIONAL, 16, ["陈教授"]),
         ("信息安全实务", SubjectType.PROFESSIONAL, 8, ["刘高工"]),
         ("专业技术人员职业道德", SubjectType.PUBLIC, 6, ["陈教授"])],
        ("示范科技培训中心", "郑州市金水区花园路66号5号楼", 80),
    ),
    "public_institution": (
        [("周研究员", "研究员", "郑州示范电子信息研究院", "集成电路")],
        [("数字经济与创新驱动", SubjectType.PUBLIC, 12, ["周研究员"])],
        ("研究院学术报告厅", "郑州市金水区科学大道100号", 120),
    ),
}
PLATFORM = {"name": "中原专技学习网", "operator": "河南中原继教科技有限公司", "url": "https://learn.example.cn/",
            "contact_name": "郭联系", "contact_phone": "0371-65550000", "is_docked": True,
            "interface_url": "https://learn.example.cn/api/ce/v1", "security_officer": "郭安全",
            "security_officer_phone": "0371-65550001", "mlps_record": "41010543210-20001"}
APPROVED_CLASS = "软件工程专业科目研修班"
PENDING_CLASS = "公需科目培训班（数字经济）"
COLLEAGUE = "李工程"
EARNED = {"王专技": 24, COLLEAGUE: 20}  # of the class's 24 hours
ONLINE_COURSE = "公需科目：新发展理念与高质量发展"
APPROVED_DECLARATION = "河南省电子学会学术年会"
PENDING_DECLARATION = "企业数字化转型项目实践"


def _same_year(start: datetime.date, days: int) -> tuple[datetime.date, datetime.date]:
    """A period of `days` days from `start` moved back so it ends in `start`'s year (the form's rule)."""
    end = start + datetime.timedelta(days=days - 1)
    if end.year != start.year:
        end = datetime.date(start.year, 12, 31)
        start = end - datetime.timedelta(days=days - 1)
    return start, end


class ContinuingEducationDemo(ProgrammeDemo):
    """Seeds the programme; `created` counts the rows (and state changes) this run made."""

    def run(self) -> int:
        self._rule()
        courses = {key: self._catalogue(key) for key in CATALOGUES}
        platform = self._platform()
        member = self._professional()
        colleague = self._colleague()
        self._approved_class(courses["enterprise_a"], [member, colleague])
        self._pending_class(courses["public_institution"])
        self._online_result(platform, member)
        self._declarations()
        self._join_request()
        return self.created

    # --- parameters -------------------------------------------------------------------------------------------

    def _rule(self):
        province = Region.objects.get(code=PROVINCE)
        if HoursRule.objects.filter(region=province).exists():
            return
        hours_rules.create_rule(actor=self.users["hr_province"], data={
            "region": province, "year": self.today.year, "total_min": Decimal(90), "professional_min": Decimal(60),
            "public_min": Decimal(30), "daily_caps": {LearningForm.CLASS: DAILY_CAP, LearningForm.PRACTICE: DAILY_CAP},
            "online_cap": None, "carry_over": Decimal(0), "class_lead_working_days": 0, "source": RULE_SOURCE,
            "is_national_floor": True})
        self.created += 1

    # --- catalogues (the unit's administrator: 培训管理) -------------------------------------------------------

    def _admin(self, key: str):
        return {"enterprise_a": self.users["ent_a"], "public_institution": self.users["institute"]}[key]

    def _catalogue(self, key: str) -> dict[str, Course]:
        unit, actor = self.organisations[key], self._admin(key)
        teacher_rows, course_rows, (site_name, address, capacity) = CATALOGUES[key]
        teachers = {}
        for name, title, employer, specialty in teacher_rows:
            teacher = Teacher.objects.filter(organisation=unit, name=name).first()
            if teacher is None:
                teacher = catalogue.create_teacher(organisation=unit, actor=actor, data={
                    "name": name, "title": title, "employer": employer, "specialty": specialty, "mobile": "",
                    "introduction": f"{employer}{title}，研究方向为{specialty}。"})
                self.created += 1
            teachers[name] = teacher
        courses = {}
        for name, subject_type, course_hours, names in course_rows:
            course = Course.objects.filter(organisation=unit, name=name).first()
            if course is None:
                course = catalogue.create_course(organisation=unit, actor=actor, data={
                    "name": name, "subject_type": subject_type, "hours": Decimal(course_hours),
                    "outline": f"{name}：理论讲授与案例研讨。", "teachers": [teachers[n] for n in names]})
                self.created += 1
            courses[name] = course
        if not TrainingSite.objects.filter(organisation=unit, name=site_name).exists():
            catalogue.create_site(organisation=unit, actor=actor, data={
                "name": site_name, "region": unit.region, "address": address, "capacity": capacity})
            self.created += 1
        return courses

    def _platform(self) -> OnlinePlatform:
        unit = self.organisations["enterprise_a"]
        platform = OnlinePlatform.objects.filter(organisation=unit, name=PLATFORM["name"]).first()
        if platform is None:
            platform = catalogue.create_platform(organisation=unit, actor=self.users["ent_a"], data=PLATFORM)
            self.created += 1
        return platform

    # --- people -------------------------------------------------------------------------------------------------

    def _professional(self) -> StaffMember:
        """王专技 asks to join the enterprise (申请加入单位); its administrator approves and completes his record."""
        pro, admin, unit = self.users["pro"], self.users["ent_a"], self.organisations["enterprise_a"]
        member = StaffMember.objects.filter(organisation=unit, id_number=pro.id_number).first()
        if member is None:
            member = staff_links.request_join(actor=pro, organisation=unit)
            self.created += 1
        if member.link_status == StaffLink.REQUESTED:
            member = staff_links.approve(actor=admin, member=member)
            self.created += 1
        if not member.title_level:
            update_staff_member(actor=admin, member=member, data={
                "name": member.name, "id_number": member.id_number, "gender": member.gender,
                "birth_date": member.birth_date, "mobile": member.mobile, "department_name": "研发中心",
                "job_title": "软件工程师", "hired_on": datetime.date(2012, 7, 1), "monthly_wage": None,
                "education": Education.BACHELOR, "title_level": TitleLevel.INTERMEDIATE,
                "title_series": "工程技术"})
            self.created += 1
        return StaffMember.objects.get(pk=member.pk)

    def _colleague(self) -> StaffMember:
        """A colleague on the roster without an account of his own (人员信息, typed in by the administrator)."""
        unit = self.organisations["enterprise_a"]
        number = self.id_number("410105", datetime.date(1985, 11, 3), 71)
        member = StaffMember.objects.filter(organisation=unit, id_number=number).first()
        if member is None:
            member = create_staff_member(actor=self.users["ent_a"], organisation=unit, data={
                "name": COLLEAGUE, "id_number": number, "gender": Gender.MALE,
                "birth_date": datetime.date(1985, 11, 3), "mobile": "", "department_name": "研发中心",
                "job_title": "高级工程师", "hired_on": datetime.date(2008, 7, 1), "monthly_wage": None,
                "education": Education.MASTER, "title_level": TitleLevel.SENIOR, "title_series": "工程技术"})
            self.created += 1
        return member

    def _join_request(self):
        """李专技 has asked to join the institute: 待审核的专技人员 shows it to its administrator."""
        pro2, unit = self.users["pro2"], self.organisations["public_institution"]
        if StaffMember.objects.filter(account=pro2).exists():
            return
        staff_links.request_join(actor=pro2, organisation=unit)
        self.created += 1

    # --- classes (培训班申报, the unit's administrator; decided by the unit's department) ------------------------

    def _class_data(self, *, name, subject_type, start, end, site, courses, specialty="", title_series=""):
        return {"name": name, "year": start.year, "subject_type": subject_type, "specialty": specialty,
                "title_series": title_series, "starts_on": start, "ends_on": end, "site": site,
                "planned_headcount": 40, "report_mode": ReportMode.LATER, "courses": courses}

    def _approved_class(self, courses, people):
        """Declared (暂不上报) before it started, approved by 金水区人社局, held, results entered and reported. All in
        the run that creates it (seed_demo is one transaction): a later run leaves what demo users did alone."""
        unit, admin = self.organisations["enterprise_a"], self.users["ent_a"]
        if TrainingClass.objects.filter(organisation=unit, name=APPROVED_CLASS).exists():
            return
        start, end = _same_year(self.today - datetime.timedelta(days=45), 3)
        site = TrainingSite.objects.get(organisation=unit, name=CATALOGUES["enterprise_a"][2][0])
        training_class = classes.create_class(actor=admin, data=self._class_data(
            name=APPROVED_CLASS, subject_type=SubjectType.PROFESSIONAL, start=start, end=end, site=site,
            courses=[courses["软件架构设计与实践"], courses["信息安全实务"]], specialty="软件工程",
            title_series="工程技术"))
        # Declared two weeks before it started, as a 暂不上报 class must be (checked as of that day).
        classes.submit_class(actor=admin, training_class=training_class, today=start - datetime.timedelta(days=14))
        self.created += 2
        self._decide(training_class, self.users["hr_jinshui"])
        added, _skipped = classes.add_staff(actor=admin, training_class=training_class, staff=people)
        for participant in training_class.participants.order_by("pk"):
            classes.set_result(actor=admin, training_class=training_class, participant=participant,
                               hours=Decimal(EARNED[participant.name]), assessment=Assessment.PASSED)
        classes.report_results(actor=admin, training_class=training_class)
        self.created += added + 1

    def _pending_class(self, courses):
        """The institute's public-subject class, waiting for its 主管部门 (郑州市工业和信息化局)."""
        unit, admin = self.organisations["public_institution"], self.users["institute"]
        if TrainingClass.objects.filter(organisation=unit, name=PENDING_CLASS).exists():
            return
        start, end = _same_year(self.today + datetime.timedelta(days=20), 2)
        site = TrainingSite.objects.get(organisation=unit, name=CATALOGUES["public_institution"][2][0])
        training_class = classes.create_class(actor=admin, data=self._class_data(
            name=PENDING_CLASS, subject_type=SubjectType.PUBLIC, start=start, end=end, site=site,
            courses=[courses["数字经济与创新驱动"]]))
        classes.submit_class(actor=admin, training_class=training_class)
        self.created += 2

    # --- online results (网络班培训成果导入, the unit's administrator) ---------------------------------------------

    def _online_result(self, platform, member):
        if OnlineResult.objects.filter(platform=platform, course_name=ONLINE_COURSE).exists():
            return
        completed = max(self.today - datetime.timedelta(days=30), datetime.date(self.today.year, 1, 1))
        online_results.import_online_rows(actor=self.users["ent_a"], organisation=self.organisations["enterprise_a"],
                                          rows=[{"platform": platform, "name": member.name,
                                                 "id_number": member.id_number, "course_name": ONLINE_COURSE,
                                                 "year": completed.year, "subject_type": SubjectType.PUBLIC,
                                                 "hours": Decimal(20), "completed_on": completed}])
        self.created += 1

    # --- 学时申报 (the person; the unit's administrator, then 金水区人社局) -----------------------------------------

    def _declaration(self, title, *, learning_form, days, declared_hours, organiser, back, deciders=()):
        """Declared and submitted by 王专技, then approved by `deciders` in the run that created it."""
        pro = self.users["pro"]
        if HoursDeclaration.objects.filter(person=pro, title=title).exists():
            return
        start = max(self.today - datetime.timedelta(days=back), datetime.date(self.today.year, 1, 1))
        start, end = _same_year(start, days)
        end = min(end, self.today)  # seeded on 1 January: a one-day activity, within the daily cap
        days = (end - start).days + 1
        declaration = hours.create_declaration(actor=pro, data={
            "year": end.year, "learning_form": learning_form, "subject_type": SubjectType.PROFESSIONAL,
            "title": title, "organiser": organiser, "starts_on": start, "ends_on": end,
            "hours": Decimal(min(declared_hours, DAILY_CAP * days))})
        declaration = hours.submit_declaration(actor=pro, declaration=declaration)
        self.created += 2
        self._decide(declaration, *deciders)

    def _declarations(self):
        self._declaration(APPROVED_DECLARATION, learning_form=LearningForm.ACADEMIC, days=2, declared_hours=8,
                          organiser="河南省电子学会", back=60, deciders=(self.users["ent_a"], self.users["hr_jinshui"]))
        self._declaration(PENDING_DECLARATION, learning_form=LearningForm.PRACTICE, days=2, declared_hours=12,
                          organiser="郑州示范科技有限公司", back=10)
