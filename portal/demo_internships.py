"""Demo state of 职业院校学生实习 (internships) for seed_demo: a working pool, open positions, a roll, one open
application (刘同学) and one signed internship whose agreement terms the school has filled (杨同学: 实习协议
prints). Every state change goes through the programme's services with the demo user whose screen would make
it (so the audit trail and the timelines read as if the demo users had done it); only the reference data that
has no service a demo user can reach (the provincial department's insurer list) is written straight. Every
step looks for its result first and leaves it alone if it is there: a second run creates nothing and undoes
nothing a demo user did since.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from internships.compliance import add_months
from internships.forms.school import AgreementTermsForm, terms_initial
from internships.models import (
    AdmissionStatus,
    EnterpriseProfile,
    Insurer,
    Lodging,
    Overtime,
    Position,
    PositionStatus,
    RegistryRecord,
    RegistryStanding,
    SchoolRecommendation,
    Student,
    StudyLevel,
)
from internships.services import applications, enterprises, positions, school, students
from portal.demo_base import ProgrammeDemo
from regions.models import Region

STAFF_ON_DUTY = {"enterprise_a": 300, "enterprise_b": 200}
INSPECTION_NOTE = "2026年3月实地考察：办公及实训场所安全规范，住宿为4人间，配有企业实习指导教师。"

INSURERS = [
    ("中国人民财产保险股份有限公司", "学生实习责任保险", "95518", "https://www.epicc.com.cn/",
     "承保学生在实习期间因意外事故导致的人身伤亡及实习单位依法应承担的赔偿责任。"),
    ("中国平安财产保险股份有限公司", "学生实习责任保险", "95511", "https://property.pingan.com/",
     "覆盖实习学生的意外伤害、医疗费用及实习单位的法律责任，支持按实习期投保。"),
    ("中国太平洋财产保险股份有限公司", "学生实习责任保险", "95500", "https://www.cpic.com.cn/",
     "面向职业院校与实习单位，保障实习期间的人身伤害及第三者责任。"),
    ("中华联合财产保险股份有限公司", "学生实习责任保险", "95585", "https://www.cic.cn/",
     "可由学校或实习单位统一投保，保险期间与实习期间一致。"),
]


@dataclass
class PositionSpec:
    enterprise: str
    title: str
    department: str
    majors: str
    region: str
    address: str
    pay_min: int
    pay_max: int
    same_post_wage: int
    places: int
    post_staff: int
    description: str
    skills: str
    requirements: str
    lodging: str = Lodging.SHARED_SMALL


POSITIONS = [
    PositionSpec("enterprise_a", "软件测试实习生", "质量保障部", "软件技术、计算机应用技术", "410105",
                 "郑州市金水区花园路66号", 3200, 3800, 4000, 8, 60,
                 "参与Web系统的功能测试与回归测试，编写测试用例，记录与跟踪缺陷。",
                 "测试用例设计、缺陷管理工具、接口测试基础", "遵守公司信息安全制度，按时提交实习周记"),
    PositionSpec("enterprise_a", "前端开发实习生", "研发中心", "软件技术、数字媒体技术", "410105",
                 "郑州市金水区花园路66号", 3500, 4200, 4300, 5, 40,
                 "在导师指导下参与企业内部管理系统的页面开发与维护。",
                 "HTML/CSS/JavaScript、版本管理、前端工程化", "具备网页制作基础，遵守作息与保密制度"),
    PositionSpec("enterprise_b", "数控加工实习生", "机加工车间", "数控技术、机械制造及自动化", "410103",
                 "郑州市二七区航海中路100号", 3000, 3600, 3600, 6, 50,
                 "在师傅带领下完成数控车床、加工中心的零件加工与首件检验。",
                 "数控编程与操作、量具使用、安全生产规范", "穿戴劳动防护用品，严格遵守安全操作规程"),
]


@dataclass
class StudentSpec:
    name: str
    id_number: str
    major: str
    class_name: str
    mobile: str = ""


def student_specs(zhang_id_number: str, liu_id_number: str, id_number) -> list[StudentSpec]:
    return [
        StudentSpec("张同学", zhang_id_number, "软件技术", "软件2401班", "13800000031"),
        StudentSpec("刘同学", liu_id_number, "软件技术", "软件2401班", "13800000034"),
        StudentSpec("陈同学", id_number("410102", datetime.date(2005, 6, 3), 64), "数控技术", "数控2401班"),
        # 杨同学 has an account too (seed_demo's `yang`, with the same ID number).
        StudentSpec("杨同学", id_number("410181", datetime.date(2005, 11, 20), 82), "计算机应用技术", "计应2402班",
                    "13800000035"),
    ]


class InternshipDemo(ProgrammeDemo):
    """Seeds the programme; `created` counts the rows (and state changes) this run made."""

    def run(self) -> int:
        self._registry()
        self._insurers()
        self._enterprises()
        self._roll()
        self._positions()
        self._application()
        self._signed_internship()
        return self.created

    def _registry(self):
        rows = []
        for key in ("enterprise_a", "enterprise_b", "enterprise_c"):
            organisation = self.organisations[key]
            if RegistryRecord.objects.filter(credit_code=organisation.credit_code).exists():
                continue
            rows.append({"credit_code": organisation.credit_code, "name": organisation.name,
                         "legal_representative": organisation.legal_representative,
                         "standing": RegistryStanding.ACTIVE, "registered_on": datetime.date(2018, 5, 16),
                         "business_scope": organisation.introduction})
        if rows:
            created, _updated, _unchanged = enterprises.import_registry_rows(
                actor=self.users["edu_city"], organisation=self.organisations["edu_city"], rows=rows)
            self.created += created

    def _insurers(self):
        # The list is kept by a provincial education department, which the demo does not have.
        for name, product, phone, website, description in INSURERS:
            _insurer, was_created = Insurer.objects.get_or_create(name=name, defaults=dict(
                product=product, contact_phone=phone, website=website, description=description))
            self.created += was_created

    def _enterprises(self):
        for key in ("enterprise_a", "enterprise_b"):
            organisation, actor = self.organisations[key], self.users[f"ent_{key[-1]}"]
            profile = EnterpriseProfile.objects.filter(organisation=organisation).first()
            if profile is None or profile.admission_status == AdmissionStatus.PENDING:
                profile = enterprises.apply_for_admission(organisation=organisation, actor=actor)
                self.created += 1
            if profile.staff_on_duty is None:
                enterprises.set_staff_on_duty(organisation=organisation, actor=actor,
                                              staff_on_duty=STAFF_ON_DUTY[key])
                self.created += 1
        school, enterprise = self.organisations["school"], self.organisations["enterprise_a"]
        if not SchoolRecommendation.objects.filter(school=school, enterprise=enterprise).exists():
            enterprises.recommend_existing_enterprise(actor=self.users["school"], credit_code=enterprise.credit_code,
                                                      inspection_note=INSPECTION_NOTE)
            self.created += 1

    def _roll(self):
        school = self.organisations["school"]
        enrolled_on = datetime.date(self.today.year - 2, 9, 1)
        for spec in student_specs(self.users["zhang"].id_number, self.users["liu"].id_number, self.id_number):
            if Student.objects.filter(id_number=spec.id_number).exists():
                continue
            students.create_student(school=school, actor=self.users["school"], data={
                "name": spec.name, "id_number": spec.id_number, "study_level": StudyLevel.HIGHER_VOCATIONAL,
                "major": spec.major, "class_name": spec.class_name, "enrolled_on": enrolled_on,
                "mobile": spec.mobile,
            })
            self.created += 1

    def position_fields(self, spec: PositionSpec) -> dict:
        month_start = self.today.replace(day=1)
        starts_on = add_months(month_start, 1)
        return {
            "title": spec.title, "department": spec.department, "pay_min": Decimal(spec.pay_min),
            "pay_max": Decimal(spec.pay_max), "same_post_wage": Decimal(spec.same_post_wage),
            "education": "junior_college", "places": spec.places, "post_staff": spec.post_staff,
            "majors": spec.majors, "work_region": Region.objects.get(code=spec.region),
            "address": spec.address, "lodging": spec.lodging, "night_shift": False, "overtime": Overtime.NONE,
            "exemption_note": "", "apply_from": self.today, "apply_until": starts_on - datetime.timedelta(days=1),
            "starts_on": starts_on, "ends_on": add_months(starts_on, 6) - datetime.timedelta(days=1),
            "description": spec.description, "skills": spec.skills, "requirements": spec.requirements,
            "charges_fees": False, "retains_documents": False, "entertainment_venue": False,
            "via_intermediary": False,
        }

    def _positions(self):
        for spec in POSITIONS:
            organisation = self.organisations[spec.enterprise]
            if Position.objects.filter(enterprise=organisation, title=spec.title).exists():
                continue
            actor = self.users[f"ent_{spec.enterprise[-1]}"]
            position = positions.create_position(organisation=organisation, actor=actor,
                                                 data=self.position_fields(spec))
            positions.publish_position(position=position, actor=actor, today=self.today)
            self.created += 2

    def _linked_student(self, user) -> Student:
        """The student on the school's roll whose account `user` is, linked as their first sign-in links it."""
        student = Student.objects.filter(person=user).first()
        if student is None:
            eligibility = students.check_eligibility(name=user.real_name, id_number=user.id_number, user=user)
            student = students.link_student(user=user, eligibility=eligibility)
            self.created += 1
        return student

    def _application(self):
        """刘同学 has signed in once (his account is linked to the roll) and chose 软件测试实习生."""
        user = self.users["liu"]
        student = self._linked_student(user)
        if student.applications.exists():
            return
        position = Position.objects.get(enterprise=self.organisations["enterprise_a"], title=POSITIONS[0].title)
        applications.apply_for_positions(student=student, positions=[position], actor=user)
        self.created += 1

    def _signed_internship(self):
        """杨同学 chose 前端开发实习生, the enterprise agreed (同意签约) and the school filled the agreement's terms
        (prefilled from the position, as its form shows them): the 实习协议 waits for his confirmation."""
        user = self.users["yang"]
        student = self._linked_student(user)
        if student.applications.exists():
            return
        position = Position.objects.get(enterprise=self.organisations["enterprise_a"], title=POSITIONS[1].title)
        if position.status != PositionStatus.PUBLISHED:
            return  # closed by a demo user since: nothing to choose
        [application] = applications.apply_for_positions(student=student, positions=[position], actor=user)
        internship = applications.agree_application(application=application, actor=self.users["ent_a"])
        form = AgreementTermsForm(data={**terms_initial(internship), "teacher_name": "孙老师",
                                        "teacher_phone": "0371-63330001"}, position=position)
        if not form.is_valid():
            raise ValueError(f"demo agreement terms refused: {form.errors.as_json()}")
        school.save_agreement_terms(internship=internship, actor=self.users["school"], terms=form.cleaned_data)
        self.created += 3
