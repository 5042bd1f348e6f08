"""Demo state of 企业新型学徒制 (apprenticeships) for seed_demo: 郑州's parameters, a 生态链 recognition, one
approved filing of 郑州示范科技有限公司 (class, teachers, trainees, courses, materials) naming the demo training
institution, a venue and a draft filing; a second approved filing whose class began this month, with two 预支
subsidy claims: one approved by 金水区 and the city, one waiting for 金水区.

Every write goes through the programme's services with the demo user whose screen would make it: the minimum
wage by the provincial HR department (最低工资标准), the subsidy standards, the rule set and the recognition by
the city HR department, the filing by the enterprise's administrator, its approval by 金水区人社局 (the county
where the enterprise is insured). Every step looks for its result first and leaves it alone if it is there: a
second run creates nothing and undoes nothing a demo user did since.
"""

import datetime
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apprenticeships.models import (
    ApprenticeshipType,
    ClaimStage,
    Delivery,
    EcosystemRecognition,
    EcosystemRole,
    Education,
    Filing,
    FilingStatus,
    RuleSet,
    SubsidyStandard,
    TargetLevel,
    TeacherKind,
    TrainingMode,
    Venue,
)
from apprenticeships.rules import COMMITMENT_VERSION, MATERIALS
from apprenticeships.rules import PROGRAMME as APPRENTICESHIPS
from apprenticeships.services import claims, parameters, people, recognitions, venues
from apprenticeships.services import filing as filings
from calendars.models import MinimumWage
from calendars.wages_admin import create_wage
from claims.models import Claim
from portal.demo_base import ProgrammeDemo
from regions.models import Region
from reviews.models import Decision, ReviewStatus
from reviews.selectors import latest_review_for
from reviews.services import decide

CITY = "410100"
PROVINCE = "410000"
SOURCE = "演示数据（请按本地现行文件核对）"
# Subsidy per person per year (regulations §3.2: national floor 5,000 元; Guangdong 5,000–8,500; 学生学徒制 5,000).
AMOUNTS = {TargetLevel.INTERMEDIATE: 5000, TargetLevel.SENIOR: 6000, TargetLevel.TECHNICIAN: 7000,
           TargetLevel.SENIOR_TECHNICIAN: 8500}
# The regulations' and the manual's numbers (regulations §3.2, §3.3; manual 003 §3.2.1.4).
RULES = dict(ecosystem_advance_rate=Decimal("0.30"), ecosystem_advance_after_months=1,
             filed_advance_rate=Decimal("0.40"), filed_advance_within_months=3, balance_within_months=12,
             min_duration_months=12, max_duration_months=24, extended_max_months=36, min_contract_months=12,
             max_date_changes=3, change_notice_working_days=5, course_config_days_before=1,
             attendance_threshold=None)
MINIMUM_WAGE = Decimal("2100.00")
CHAIN = "郑州软件和信息服务产业技能生态链"
APPROVED_OCCUPATION = "软件测试员"
DRAFT_OCCUPATION = "计算机程序设计员"
STARTED_OCCUPATION = "网络与信息安全管理员"
APPROVED_CLAIM_TRAINEE = "韩学徒"
VENUE_NAME = "示范科技实训中心"
# A minimal PDF standing in for the scanned materials (checked by content like any upload).
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
       b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

TEACHERS = [
    ("周导师", ("410105", datetime.date(1982, 4, 16), 13), TeacherKind.MENTOR, "高级技师", "T2026000101"),
    ("吴老师", ("410102", datetime.date(1986, 10, 2), 27), TeacherKind.SCHOOL_TEACHER, "讲师", "T2026000102"),
]
TRAINEES = [
    ("郑学徒", ("410105", datetime.date(2001, 5, 21), 17), "13800000051", Education.COLLEGE, 5200),
    ("冯学徒", ("410103", datetime.date(2002, 8, 9), 38), "13800000052", Education.SECONDARY_VOCATIONAL, 4600),
    ("陈学徒", ("410181", datetime.date(2000, 12, 30), 59), "13800000053", Education.BACHELOR, 5800),
]
# The trainees of the class that has begun (each person holds one place at a time: not those above).
STARTED_TRAINEES = [
    ("韩学徒", ("410105", datetime.date(2001, 2, 14), 72), "13800000054", Education.COLLEGE, 5000),
    ("曹学徒", ("410103", datetime.date(2002, 6, 25), 93), "13800000055", Education.BACHELOR, 5400),
]
COURSES = [
    ("软件测试基础与用例设计", 120, Delivery.OFFLINE, "周导师"),
    ("自动化测试实践", 160, Delivery.OFFLINE, "吴老师"),
    ("职业素养与信息安全（线上）", 40, Delivery.ONLINE, None),
]


class ApprenticeshipDemo(ProgrammeDemo):
    """Seeds the programme; `created` counts the rows (and state changes) this run made."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.city = Region.objects.get(code=CITY)
        self.year_start = datetime.date(self.today.year, 1, 1)

    def run(self) -> int:
        self._minimum_wage()
        self._rules()
        self._standards()
        self._recognition()
        self._approved_filing()
        self._venue()
        self._draft_filing()
        self._started_filing()
        self._claims()
        return self.created

    # --- parameters (province: minimum wage; city: rule set, standards, recognition) --------------------------

    def _minimum_wage(self):
        if MinimumWage.objects.filter(region_id__in=(PROVINCE, CITY)).exists():
            return
        create_wage(actor=self.users["hr_province"], data={
            "region": Region.objects.get(code=PROVINCE), "valid_from": self.year_start, "valid_to": None,
            "monthly": MINIMUM_WAGE, "hourly": Decimal("20.60"), "source": SOURCE})
        self.created += 1

    def _rules(self):
        if RuleSet.objects.filter(region=self.city).exists():
            return
        parameters.create_parameter(kind="rules", actor=self.users["hr_city"], data={
            **RULES, "valid_from": self.year_start, "valid_to": None, "source": SOURCE})
        self.created += 1

    def _standards(self):
        for kind in ApprenticeshipType:
            for level, amount in AMOUNTS.items():
                if SubsidyStandard.objects.filter(region=self.city, apprenticeship_type=kind,
                                                  target_level=level).exists():
                    continue
                parameters.create_parameter(kind="standards", actor=self.users["hr_city"], data={
                    "valid_from": self.year_start, "valid_to": None, "apprenticeship_type": kind,
                    "target_level": level, "source": SOURCE,
                    "amount_per_year": Decimal(5000 if kind == ApprenticeshipType.STUDENT else amount)})
                self.created += 1

    def _recognition(self):
        enterprise = self.organisations["enterprise_a"]
        if EcosystemRecognition.objects.filter(organisation=enterprise, city=self.city).exists():
            return
        recognitions.create_recognition(actor=self.users["hr_city"], data={
            "organisation": enterprise, "role": EcosystemRole.CHAIN_LEADER, "chain_name": CHAIN,
            "valid_from": self.year_start, "valid_to": datetime.date(self.today.year + 2, 12, 31),
            "source": SOURCE})
        self.created += 1

    # --- the enterprise's filings -------------------------------------------------------------------------------

    def _filing_with(self, occupation: str) -> Filing | None:
        return (Filing.objects.filter(organisation=self.organisations["enterprise_a"],
                                      training_class__occupation=occupation).order_by("pk").first())

    def _new_filing(self, occupation: str, starts_on: datetime.date, filed_on: datetime.date | None = None) -> Filing:
        """承诺书, 备案信息, 培训机构情况 and 培训信息, as the enterprise's administrator (on `filed_on`, today unless
        given)."""
        actor, enterprise = self.users["ent_a"], self.organisations["enterprise_a"]
        filed_on = filed_on or self.today
        filing = filings.create_filing(organisation=enterprise, actor=actor,
                                       apprenticeship_type=ApprenticeshipType.ENTERPRISE,
                                       commitment_version=COMMITMENT_VERSION, commitment_accepted_at=timezone.now(),
                                       today=filed_on)
        filings.save_info(filing=filing, actor=actor, today=filed_on, data={
            "apprenticeship_type": ApprenticeshipType.ENTERPRISE, "contact_name": "甲企业管理员",
            "contact_phone": "13800000011"})
        filings.save_institution(filing=filing, actor=actor, institution=self.organisations["institution"])
        filings.save_class(filing=filing, actor=actor, data={
            "occupation": occupation, "occupation_code": "", "target_level": TargetLevel.SENIOR,
            "starts_on": starts_on, "ends_on": starts_on.replace(year=starts_on.year + 1) - datetime.timedelta(days=1),
            "hours": 800, "mode": TrainingMode.ON_THE_JOB, "extension_reason": ""})
        self.created += 4  # the filing, its info, its institution, its class
        return filing

    def _approved_filing(self):
        """Filled by ent_a tab by tab, submitted, approved by 金水区人社局 (filed with the city)."""
        filing = self._filing_with(APPROVED_OCCUPATION)
        if filing is None:
            filing = self._new_filing(APPROVED_OCCUPATION, self._month_ahead())
            self._people(filing)
            self._materials(filing)
            filing = filings.submit_filing(filing=filing, actor=self.users["ent_a"], today=self.today)
            self.created += 1
        review = latest_review_for(filing)
        if filing.status == FilingStatus.SUBMITTED and review is not None and review.status == ReviewStatus.PENDING:
            decide(review_id=review.pk, actor=self.users["hr_jinshui"], decision=Decision.APPROVE)
            self.created += 1

    def _month_ahead(self) -> datetime.date:
        """The class starts on the 1st of the month after next (always after the submission, ≥ a month away)."""
        first = self.today.replace(day=1) + datetime.timedelta(days=32)
        return (first.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)

    def _people(self, filing: Filing, trainees=TRAINEES):
        actor = self.users["ent_a"]
        teachers = {}
        for name, id_parts, kind, qualification, certificate in TEACHERS:
            teachers[name] = people.create_teacher(actor=actor, filing=filing, data={
                "name": name, "id_number": self.id_number(*id_parts), "kind": kind,
                "qualification": qualification, "certificate_number": certificate, "mobile": ""})
            self.created += 1
        hired_on = datetime.date(self.today.year, 1, 5)
        for name, id_parts, mobile, education, wage in trainees:
            people.create_trainee(actor=actor, filing=filing, data={
                "name": name, "id_number": self.id_number(*id_parts), "mobile": mobile, "education": education,
                "hired_on": hired_on, "contract_starts_on": hired_on,
                "contract_ends_on": datetime.date(self.today.year + 3, 1, 4), "monthly_wage": Decimal(wage),
                "school": None, "school_name": ""})
            self.created += 1
        for name, hours, delivery, teacher in COURSES:
            people.create_course(actor=actor, filing=filing, data={
                "name": name, "hours": hours, "delivery": delivery, "teacher": teachers.get(teacher)})
            self.created += 1

    def _materials(self, filing: Filing):
        for code, label in MATERIALS[filing.apprenticeship_type]:
            filings.store_material(filing=filing, actor=self.users["ent_a"], material=code,
                                   uploaded_file=SimpleUploadedFile(f"{label}.pdf", PDF,
                                                                    content_type="application/pdf"))
            self.created += 1

    def _venue(self):
        enterprise = self.organisations["enterprise_a"]
        if Venue.objects.filter(organisation=enterprise, name=VENUE_NAME).exists():
            return
        venues.create_venue(organisation=enterprise, actor=self.users["ent_a"], data={
            "name": VENUE_NAME, "region": enterprise.region, "address": "郑州市金水区花园路66号3号楼2层",
            "capacity": 40, "latitude": Decimal("34.791200"), "longitude": Decimal("113.668300")})
        self.created += 1

    def _draft_filing(self):
        """A draft with its first tabs saved: teachers, trainees, courses and materials are still to be added."""
        if self._filing_with(DRAFT_OCCUPATION) is not None:
            return
        first = self._month_ahead()
        self._new_filing(DRAFT_OCCUPATION, (first + datetime.timedelta(days=32)).replace(day=1))


    def _started_filing(self):
        """Filed a month before its class began (on the 1st of this month), approved by 金水区: the class a 预支
        may be claimed for (within the rule set's first months of the class). All in the run that creates it:
        a later run decides nothing a demo user has since submitted."""
        if self._filing_with(STARTED_OCCUPATION) is not None:
            return
        starts_on = self.today.replace(day=1)
        filed_on = starts_on - datetime.timedelta(days=30)
        filing = self._new_filing(STARTED_OCCUPATION, starts_on, filed_on=filed_on)
        self._people(filing, STARTED_TRAINEES)
        self._materials(filing)
        filing = filings.submit_filing(filing=filing, actor=self.users["ent_a"], today=filed_on)
        self.created += 1
        review = latest_review_for(filing)
        if review is not None and review.status == ReviewStatus.PENDING:
            decide(review_id=review.pk, actor=self.users["hr_jinshui"], decision=Decision.APPROVE)
            self.created += 1

    def _claims(self):
        """Two 预支 claims of the started class, each for one of its trainees: 韩学徒's approved by 金水区 then the
        city, 曹学徒's submitted and waiting for 金水区."""
        enterprise, actor = self.organisations["enterprise_a"], self.users["ent_a"]
        filing = self._filing_with(STARTED_OCCUPATION)
        if filing is None or filing.status != FilingStatus.APPROVED:
            return
        if Claim.objects.filter(programme=APPRENTICESHIPS, organisation=enterprise).exists():
            return
        for trainee in filing.trainees.order_by("pk"):
            claim = claims.start_claim(organisation=enterprise, actor=actor, stage=ClaimStage.ADVANCE,
                                       commitment_accepted=True, today=self.today)
            claims.save_basics(claim=claim, actor=actor, contact_name="甲企业管理员", contact_phone="13800000011",
                               bank_name="中国工商银行郑州花园路支行", account_name=enterprise.name,
                               bank_account="6222020200112233445")
            claims.add_people(claim=claim, actor=actor, trainees=[trainee])
            claims.add_attachment(claim=claim, actor=actor,
                                  uploaded_file=SimpleUploadedFile("培训补贴申请材料.pdf", PDF,
                                                                   content_type="application/pdf"))
            claim = claims.submit(claim=claim, actor=actor)
            self.created += 5
            if trainee.name == APPROVED_CLAIM_TRAINEE:
                for decider in (self.users["hr_jinshui"], self.users["hr_city"]):
                    review = latest_review_for(claim)
                    decide(review_id=review.pk, actor=decider, decision=Decision.APPROVE)
                    self.created += 1
