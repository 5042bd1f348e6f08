"""Demo state of 就业见习 (traineeships) for seed_demo: 郑州's region parameter, 王毕业 in the graduate register,
郑州示范科技有限公司's approved base with a published post (and a second one waiting for 金水区), 李青年 on post
with his agreement approved, 王毕业 leaving early (离岗登记 waiting for 金水区), so the 花名册 has lines, and two
subsidy claims of the first months: one approved by 金水区 and the city, one waiting for 金水区.

Every write goes through the programme's services with the demo user whose screen would make it: the
parameter, the register and the publication by the city HR department, the base, posts, registrations and
claims by the enterprise's administrator, the decisions by 金水区人社局 (the county where the enterprise is
insured) and the city, the sign-in profile, 见习意向 and 报名 by the persons. Each chain runs whole in the run
that creates its first object (seed_demo is one transaction) and is skipped when that object exists: a
second run creates nothing and decides nothing a demo user has since put up for review.
"""

import datetime
import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from claims import services as claim_services
from claims.models import Claim
from portal.demo_base import ProgrammeDemo
from regions.models import Region
from traineeships.models import (
    Application,
    BaseLevel,
    BaseStatus,
    EndReason,
    GraduateRecord,
    Post,
    PostStatus,
    RegionParameter,
    TraineeKind,
    TraineeProfile,
    TraineeshipBase,
)
from traineeships.models import Education as PostEducation
from traineeships.services import applications, bases, departures, individuals, parameters, placements, posts
from traineeships.services import register as graduate_register
from traineeships.services.placements import add_months
from verification.services import save_profile

PROGRAMME = "traineeships"
CITY = "410100"
PARAMETER_NOTE = "演示数据（请按本地现行文件核对）"
PUBLISHED_POST = "软件测试见习生"
PENDING_POST = "数据标注见习生"
APPROVED_CLAIM_NOTE = "演示：见习首月补贴及意外伤害保险补贴"
SUBMITTED_CLAIM_NOTE = "演示：见习后续月份补贴"
# A minimal PDF standing in for the scanned documents (checked by content like any upload).
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
       b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _png(name: str) -> SimpleUploadedFile:
    # 营业执照 must be an image (attachments.purposes): a small one made in memory.
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (200, 30, 30)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


class TraineeshipDemo(ProgrammeDemo):
    """Seeds the programme; `created` counts the rows (and state changes) this run made. Runs after the
    apprenticeship demo, whose provincial minimum wage (calendars) the allowances are checked against."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.enterprise = self.organisations["enterprise_a"]
        self.admin = self.users["ent_a"]
        self.county, self.city = self.users["hr_jinshui"], self.users["hr_city"]
        # The traineeships start on the 1st, three months back but within this year (the minimum wage and the
        # region parameter start on 1 January), so the roster and the claims have whole months to show.
        self.start_on = max(add_months(self.today.replace(day=1), -3), datetime.date(self.today.year, 1, 1))

    def run(self) -> int:
        self._parameter()
        self._graduate()
        self._profile("li")
        self._profile("wang")
        base = self._base()
        post = self._posts(base)
        if post is not None:
            self._placement("li", post)
            self._placement("wang", post, leaving=True)
        self._claims()
        return self.created

    # --- the city's parameter and register ----------------------------------------------------------------------

    def _parameter(self):
        city = Region.objects.get(code=CITY)
        if RegionParameter.objects.filter(region=city).exists():
            return
        parameters.create_parameter(actor=self.city, data={
            "region": city, "valid_from": datetime.date(self.today.year, 1, 1), "valid_to": None,
            "subsidy_rate": Decimal("0.600"), "raised_subsidy_rate": Decimal("0.700"),
            "retention_threshold": Decimal("0.500"), "insurance_subsidy_cap": Decimal("240"),
            "note": PARAMETER_NOTE})
        self.created += 1

    def _graduate(self):
        """王毕业 graduated last summer: the city's register lists him (高校毕业生就业信息库)."""
        wang = self.users["wang"]
        if GraduateRecord.objects.filter(id_number=wang.id_number).exists():
            return
        graduate_register.create_graduate(actor=self.city, data={
            "name": wang.real_name, "id_number": wang.id_number, "school": "郑州大学", "major": "会计学",
            "education": PostEducation.BACHELOR, "graduation_year": self.today.year - 1})
        self.created += 1

    def _profile(self, username: str):
        """The person has signed in once (the programme's rule checked) and submitted 见习意向."""
        person = self.users[username]
        profile = TraineeProfile.objects.filter(person=person).first()
        if profile is None:
            eligibility = individuals.check_eligibility(name=person.real_name, id_number=person.id_number,
                                                        user=person)
            if eligibility.refusal:
                return  # no longer eligible (李青年's age, 王毕业's window): the sign-in would refuse him too
            profile = individuals.create_profile(user=person, eligibility=eligibility)
            self.created += 1
        if profile.intention_submitted_at is not None:
            return
        zhengzhou, jinshui = Region.objects.get(code=CITY), Region.objects.get(code="410105")
        data = {"household_region": jinshui, "address": "郑州市金水区花园路8号", "email": "",
                "contact_mobile": person.mobile, "intended_region": zhengzhou, "intended_post": "软件测试",
                "intended_industry": "信息技术", "intention_note": ""}
        if profile.kind == TraineeKind.YOUTH:
            data.update({"education": PostEducation.JUNIOR_COLLEGE, "major": "计算机应用技术",
                         "id_document_type": "resident_id", "id_issuing_authority": "郑州市公安局金水分局",
                         "id_valid_from": datetime.date(self.today.year - 3, 1, 1), "id_valid_to": None,
                         "id_valid_long_term": True})
        individuals.submit_intention(actor=person, data=data)
        self.created += 1

    # --- the enterprise's base and posts ------------------------------------------------------------------------

    def _base(self) -> TraineeshipBase | None:
        """见习基地申请: licence, 管理制度 and 单位证件 uploaded, submitted, approved by 金水区 then the city."""
        base = TraineeshipBase.objects.filter(organisation=self.enterprise).first()
        if base is not None:
            return base
        if self.enterprise.business_licence_id is None:
            save_profile(organisation=self.enterprise, actor=self.admin, changes={},
                         licence_file=_png("营业执照.png"))
            self.enterprise.refresh_from_db()
            self.created += 1
        bases.attach_base_file(organisation=self.enterprise, actor=self.admin, slot="rules_file",
                               uploaded_file=_pdf("就业见习管理制度.pdf"))
        bases.attach_base_file(organisation=self.enterprise, actor=self.admin, slot="certificate_file",
                               uploaded_file=_pdf("单位证件.pdf"))
        base = bases.submit_base(organisation=self.enterprise, actor=self.admin, data={
            "level": BaseLevel.COUNTY, "introduction": "软件开发与信息技术服务，员工300人，设有专职见习指导团队。",
            "mentor_team": "见习指导老师6名，均为中级以上工程师。",
            "major_demands": [{"year": self.today.year, "major": "计算机类", "headcount": 8},
                              {"year": self.today.year, "major": "财务会计类", "headcount": 2}],
            "bank_account_name": self.enterprise.name, "bank_name": "中国工商银行郑州花园路支行",
            "bank_account_number": "6222020200112233445"})
        self.created += 3
        self._decide(base, self.county, self.city)
        base.refresh_from_db()
        return base

    def _post_data(self, title: str, places: int, description: str) -> dict:
        return {"title": title, "places": places, "majors": "计算机类、软件工程、会计学",
                "education": PostEducation.JUNIOR_COLLEGE, "work_region": Region.objects.get(code="410105"),
                "address": "郑州市金水区花园路66号", "monthly_allowance": Decimal("2400.00"), "period_months": 6,
                "description": description, "contact_person": "甲企业人事", "contact_phone": "13800000014"}

    def _posts(self, base: TraineeshipBase | None) -> Post | None:
        """The published post (approved by 金水区 and the city, published by the city) and one waiting for
        金水区's review."""
        if base is None or base.status != BaseStatus.APPROVED:
            return None  # a demo user has since withdrawn or resubmitted it: posts wait for its approval
        post = Post.objects.filter(base=base, title=PUBLISHED_POST).first()
        if post is None:
            post = posts.create_post(organisation=self.enterprise, actor=self.admin, data=self._post_data(
                PUBLISHED_POST, 5, "参与Web系统的功能测试与回归测试，编写测试用例，记录与跟踪缺陷。"))
            self.created += 1
            self._decide(post, self.county, self.city)
            posts.change_publication(post_ids=[post.pk], actor=self.city, publish=True)
            self.created += 1
            post.refresh_from_db()
        if not Post.objects.filter(base=base, title=PENDING_POST).exists():
            posts.create_post(organisation=self.enterprise, actor=self.admin, data=self._post_data(
                PENDING_POST, 3, "在导师指导下完成训练数据的标注、校对与质量抽检。"))
            self.created += 1
        return post if post.status == PostStatus.PUBLISHED else None

    # --- 报名, 录用上岗登记, 见习协议, 离岗 ------------------------------------------------------------------------

    def _terms(self) -> dict:
        end_on = add_months(self.start_on, 6) - datetime.timedelta(days=1)
        # Registered today for a start in the past: the unit confirms the back-dating, as its screen asks.
        return {"start_on": self.start_on, "end_on": end_on, "monthly_allowance": Decimal("2400.00"),
                "insurance_company": "中国人寿保险股份有限公司", "insurance_policy_number": "P2026041050001",
                "insurance_premium": Decimal("120.00"), "insurance_sum_insured": Decimal("500000.00"),
                "insurance_valid_from": self.start_on, "insurance_valid_to": end_on, "backdating_confirmed": True}

    def _placement(self, username: str, post: Post, *, leaving: bool = False):
        """报名 by the person, approved by the unit, registered on post, the signed agreement approved by 金水区;
        with `leaving`, the unit has since registered an early end, waiting for 金水区 (解除见习协议证明)."""
        person = self.users[username]
        if Application.objects.filter(person=person).exists():
            return
        if applications.why_cannot_apply(person, TraineeProfile.objects.filter(person=person).first()):
            return  # not signed in as the programme requires (see _profile)
        application = applications.apply(actor=person, post=post)
        applications.decide(actor=self.admin, application=application, approve=True)
        placement = placements.onboard(application=application, actor=self.admin, data=self._terms())
        placements.attach_agreement(placement=placement, actor=self.admin,
                                    uploaded_file=_pdf(f"就业见习协议-{person.real_name}.pdf"))
        placements.submit_agreement(placement=placement, actor=self.admin)
        self.created += 5
        self._decide(placement, self.county)
        if not leaving:
            return
        placement.refresh_from_db()
        left_on = max(self.start_on, self.today - datetime.timedelta(days=7))
        departure = departures.register_departure(placement=placement, actor=self.admin, data={
            "left_on": left_on, "reason": EndReason.HIRED_EARLY, "note": "提前与其他单位签订劳动合同。"})
        departures.attach_certificate(departure=departure, actor=self.admin,
                                      uploaded_file=_pdf(f"解除见习协议证明-{person.real_name}.pdf"))
        departures.submit_departure(departure=departure, actor=self.admin)
        self.created += 3

    # --- 补贴申领 ------------------------------------------------------------------------------------------------

    def _claims(self):
        """The first month (with the insurance subsidy) claimed and approved by 金水区 then the city; the next
        months up to this one claimed and waiting for 金水区."""
        mine = Claim.objects.filter(programme=PROGRAMME, organisation=self.enterprise)
        if mine.filter(note__in=(APPROVED_CLAIM_NOTE, SUBMITTED_CLAIM_NOTE)).exists():
            return
        if not TraineeshipBase.objects.filter(organisation=self.enterprise, placements__isnull=False).exists():
            return
        first, this_month = self.start_on, self.today.replace(day=1)
        second = add_months(first, 1)
        claims = [(first, first, APPROVED_CLAIM_NOTE, (self.county, self.city))]
        if second <= this_month:  # in January the traineeships began this month: no later month to claim yet
            claims.append((second, this_month, SUBMITTED_CLAIM_NOTE, ()))
        for first_month, last_month, note, deciders in claims:
            claim = claim_services.create_claim(programme=PROGRAMME, organisation=self.enterprise, actor=self.admin,
                                                first_month=first_month, last_month=last_month, note=note)
            claim = claim_services.submit_claim(claim=claim, actor=self.admin)
            self.created += 2
            self._decide(claim, *deciders)
