"""Demo data for a fresh installation: the 郑州 personas of the tests, with logins that work, and the demo
state of 职业院校学生实习 (portal.demo_internships), of 企业新型学徒制 (portal.demo_apprenticeships), of
专业技术人员继续教育 (portal.demo_continuing_education) and of 就业见习 (portal.demo_traineeships).

The organisations and accounts are created straight through the ORM (this is a loader, not a user action,
so there is no actor and no audit trail); the programmes' state goes through their services, acted
by the demo users. Every row is looked up by its natural key first and left alone if it exists, so
running the command again changes nothing — including anything a demo user has done since.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.password_validation import validate_password
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.models import User, UserKind
from core.identifiers import id_check_char, uscc_check_char
from organisations.models import (
    Authority,
    Organisation,
    OrganisationKind,
    Origin,
    Role,
    UnitLevel,
    UnitNature,
    VerificationStatus,
)
from portal.demo_apprenticeships import ApprenticeshipDemo
from portal.demo_continuing_education import ContinuingEducationDemo
from portal.demo_internships import InternshipDemo
from portal.demo_traineeships import TraineeshipDemo
from regions.models import Region, RegionLevel

DEMO_PASSWORD = "Demo@2026"


def credit_code(prefix: str, region_code: str, serial: str) -> str:
    """A valid unified social credit code: 2-char registration type, region, 9-char organisation code."""
    body = f"{prefix}{region_code}{serial}"
    assert len(body) == 17, body
    return body + uscc_check_char(body)


def id_number(region_code: str, birth: datetime.date, order: int) -> str:
    body = f"{region_code}{birth:%Y%m%d}{order:03d}"
    return body + id_check_char(body)


def birth_for_age(age: int, today: datetime.date) -> datetime.date:
    """A birthday about a month past, `age` years ago (so the person is `age` today and stays so a while)."""
    day = today - datetime.timedelta(days=30)
    try:
        return day.replace(year=day.year - age)
    except ValueError:  # 29 February
        return day.replace(year=day.year - age, day=28)


@dataclass
class OrgSpec:
    key: str
    name: str
    kind: str
    region: str
    credit_code: str
    platform_code: str
    origin: str
    verification_status: str = VerificationStatus.VERIFIED
    authority: str = ""
    gov_level: str = ""
    legal_representative: str = "王建国"
    address: str = ""
    introduction: str = ""
    # 所属人社部门 and 主管部门 (keys of departments listed before the unit), 单位性质 and 单位级别 (继续教育).
    hr_department: str = ""
    supervising_department: str = ""
    nature: str = ""
    unit_level: str = ""


@dataclass
class UserSpec:
    role: str
    username: str
    real_name: str
    mobile: str
    kind: str
    organisation: str | None = None
    is_org_admin: bool = False
    is_staff: bool = False
    id_number: str | None = None
    roles: list[str] = field(default_factory=list)


def organisation_specs() -> list[OrgSpec]:
    gov = dict(kind=OrganisationKind.GOVERNMENT, origin=Origin.PLATFORM)
    hr = dict(gov, authority=Authority.HUMAN_RESOURCES)
    jinshui = dict(hr_department="hr_jinshui")
    return [
        OrgSpec("hr_province", "河南省人力资源和社会保障厅", region="410000", gov_level=RegionLevel.PROVINCE,
                credit_code=credit_code("11", "410000", "005184301"), platform_code="P900000001",
                address="郑州市金水区金水路8号", **hr),
        OrgSpec("hr_city", "郑州市人力资源和社会保障局", region="410100", gov_level=RegionLevel.CITY,
                credit_code=credit_code("11", "410100", "005207002"), platform_code="P900000002",
                address="郑州市中原区淮河西路12号", **hr),
        OrgSpec("hr_jinshui", "金水区人力资源和社会保障局", region="410105", gov_level=RegionLevel.COUNTY,
                credit_code=credit_code("11", "410105", "005250103"), platform_code="P900000003",
                address="郑州市金水区顺河路18号", **hr),
        OrgSpec("hr_erqi", "二七区人力资源和社会保障局", region="410103", gov_level=RegionLevel.COUNTY,
                credit_code=credit_code("11", "410103", "005239804"), platform_code="P900000004",
                address="郑州市二七区大学路9号", **hr),
        OrgSpec("edu_city", "郑州市教育局", region="410100", gov_level=RegionLevel.CITY,
                authority=Authority.EDUCATION, credit_code=credit_code("11", "410100", "005207105"),
                platform_code="P900000005", address="郑州市中原区中原中路7号", **gov),
        OrgSpec("industry_city", "郑州市工业和信息化局", region="410100", gov_level=RegionLevel.CITY,
                authority=Authority.INDUSTRY, credit_code=credit_code("11", "410100", "005207208"),
                platform_code="P900000006", address="郑州市中原区嵩山南路3号", **gov),
        OrgSpec("enterprise_a", "郑州示范科技有限公司", kind=OrganisationKind.ENTERPRISE, region="410105",
                origin=Origin.SELF_REGISTERED, credit_code=credit_code("91", "410105", "MA3X7D2K6"),
                platform_code="P900000011", address="郑州市金水区花园路66号", legal_representative="赵示范",
                introduction="软件开发与信息技术服务。", nature=UnitNature.PRIVATE_ENTERPRISE,
                unit_level=UnitLevel.COUNTY, **jinshui),
        OrgSpec("enterprise_b", "郑州二七制造有限公司", kind=OrganisationKind.ENTERPRISE, region="410103",
                origin=Origin.SELF_REGISTERED, credit_code=credit_code("91", "410103", "MA44Y1B83"),
                platform_code="P900000012", address="郑州市二七区航海中路100号", legal_representative="钱制造",
                introduction="通用设备制造。", hr_department="hr_erqi", nature=UnitNature.PRIVATE_ENTERPRISE,
                unit_level=UnitLevel.COUNTY),
        OrgSpec("enterprise_c", "郑州待认证商贸有限公司", kind=OrganisationKind.ENTERPRISE, region="410105",
                origin=Origin.SELF_REGISTERED, credit_code=credit_code("91", "410105", "MA9G5R0T1"),
                platform_code="P900000013", verification_status=VerificationStatus.UNVERIFIED,
                address="郑州市金水区经三路20号", legal_representative="孙商贸", introduction="日用百货批发零售。"),
        OrgSpec("school", "郑州示范职业技术学院", kind=OrganisationKind.SCHOOL, region="410105",
                origin=Origin.PLATFORM, credit_code=credit_code("12", "410105", "41600321X"),
                platform_code="P900000021", address="郑州市金水区文化路80号", legal_representative="周院长",
                introduction="公办全日制高等职业院校。"),
        OrgSpec("institution", "郑州示范职业培训学校", kind=OrganisationKind.TRAINING_INSTITUTION, region="410105",
                origin=Origin.PLATFORM, credit_code=credit_code("52", "410105", "MJY8C6Q3X"),
                platform_code="P900000031", address="郑州市金水区东风路28号", legal_representative="郑校长",
                introduction="民办职业技能培训机构，开展企业新型学徒制培训。"),
        OrgSpec("public_institution", "郑州示范电子信息研究院", kind=OrganisationKind.PUBLIC_INSTITUTION,
                region="410105", origin=Origin.SELF_REGISTERED, credit_code=credit_code("12", "410105", "MB0F3721X"),
                platform_code="P900000022", address="郑州市金水区科学大道100号", legal_representative="吴院长",
                introduction="市属公益二类事业单位，从事电子信息技术研究与推广。", nature=UnitNature.PUBLIC_INSTITUTION,
                unit_level=UnitLevel.CITY, supervising_department="industry_city", **jinshui),
    ]


def user_specs(today: datetime.date) -> list[UserSpec]:
    org = UserKind.ORGANISATION
    individual = UserKind.INDIVIDUAL
    return [
        UserSpec("平台管理员", "platform", "平台管理员", "13800000000", UserKind.PLATFORM, is_staff=True),
        UserSpec("省级审核（人社厅管理员）", "hr_province", "省厅审核员", "13800000001", org, "hr_province", True),
        UserSpec("市级审核（人社局管理员）", "hr_city", "市局审核员", "13800000002", org, "hr_city", True),
        UserSpec("区县审核（金水区）", "hr_jinshui", "金水审核员", "13800000003", org, "hr_jinshui", True),
        UserSpec("区县审核（二七区）", "hr_erqi", "二七审核员", "13800000004", org, "hr_erqi", True),
        UserSpec("教育部门管理员", "edu_city", "教育局管理员", "13800000005", org, "edu_city", True),
        UserSpec("行业主管部门管理员", "ind_city", "市工信局审核员", "13800000006", org, "industry_city", True),
        UserSpec("企业管理员（已认证）", "ent_a", "甲企业管理员", "13800000011", org, "enterprise_a", True),
        UserSpec("企业子管理员（人员管理员）", "ent_a_staff", "甲企业人事", "13800000014", org, "enterprise_a",
                 roles=["staff_manager"]),
        UserSpec("企业管理员（已认证）", "ent_b", "乙企业管理员", "13800000012", org, "enterprise_b", True),
        UserSpec("企业管理员（未认证）", "ent_c", "丙企业管理员", "13800000013", org, "enterprise_c", True),
        UserSpec("学校管理员", "school", "学院管理员", "13800000021", org, "school", True),
        UserSpec("培训机构管理员", "inst", "培训学校管理员", "13800000041", org, "institution", True),
        UserSpec("事业单位管理员", "institute", "研究院管理员", "13800000022", org, "public_institution", True),
        UserSpec("学生", "zhang", "张同学", "13800000031", individual,
                 id_number=id_number("410105", datetime.date(2004, 9, 12), 21)),
        UserSpec("实习学生（已选岗位）", "liu", "刘同学", "13800000034", individual,
                 id_number=id_number("410102", datetime.date(2005, 3, 18), 56)),
        UserSpec("实习学生（已签约）", "yang", "杨同学", "13800000035", individual,
                 id_number=id_number("410181", datetime.date(2005, 11, 20), 82)),
        UserSpec("求职青年", "li", "李青年", "13800000032", individual,
                 id_number=id_number("410103", birth_for_age(20, today), 35)),
        UserSpec("高校毕业生", "wang", "王毕业", "13800000033", individual,
                 id_number=id_number("410102", datetime.date(2002, 3, 7), 42)),
        UserSpec("专技人员（已加入单位）", "pro", "王专技", "13800000061", individual,
                 id_number=id_number("410105", datetime.date(1988, 5, 12), 61)),
        UserSpec("专技人员（申请加入单位）", "pro2", "李专技", "13800000062", individual,
                 id_number=id_number("410102", datetime.date(1990, 8, 20), 82)),
    ]


ROLE_SPECS = {"staff_manager": ("enterprise_a", "人员管理员", "维护本单位人员信息", ["organisations.manage_staff"])}


class Command(BaseCommand):
    help = "Create the demo organisations and accounts (idempotent) and print the demo logins."

    def handle(self, *args, **options):
        today = timezone.localdate()
        with transaction.atomic():
            created, organisations = self._organisations()
            roles, role_count = self._roles(organisations)
            user_count, users = self._users(user_specs(today), organisations, roles)
            by_username = {u.username: u for _s, u in users}
            programme_count = InternshipDemo(organisations=organisations, users=by_username, today=today,
                                             id_number=id_number).run()
            programme_count += ApprenticeshipDemo(organisations=organisations, users=by_username, today=today,
                                                  id_number=id_number).run()
            programme_count += ContinuingEducationDemo(organisations=organisations, users=by_username, today=today,
                                                       id_number=id_number).run()
            # After the apprenticeships: their provincial minimum wage is the one the allowances are checked against.
            programme_count += TraineeshipDemo(organisations=organisations, users=by_username, today=today,
                                               id_number=id_number).run()
        created += role_count + user_count + programme_count
        if created:
            self.stdout.write(self.style.SUCCESS(f"已创建演示数据 {created} 条。"))
        else:
            self.stdout.write("演示数据已存在，未做修改。")
        self.stdout.write(self.login_table(users))

    def _organisations(self):
        now = timezone.now()
        created = 0
        organisations = {}
        for spec in organisation_specs():
            verified = spec.verification_status == VerificationStatus.VERIFIED
            organisation, was_created = Organisation.objects.get_or_create(
                credit_code=spec.credit_code,
                defaults=dict(
                    name=spec.name,
                    kind=spec.kind,
                    authority=spec.authority,
                    gov_level=spec.gov_level,
                    legal_representative=spec.legal_representative,
                    region=Region.objects.get(code=spec.region),
                    address=spec.address,
                    contact_person=spec.legal_representative,
                    contact_phone="0371-60000000",
                    introduction=spec.introduction,
                    origin=spec.origin,
                    platform_code=spec.platform_code,
                    activated_at=now,
                    verification_status=spec.verification_status,
                    verified_at=now if verified else None,
                    hr_department=organisations.get(spec.hr_department),
                    supervising_department=organisations.get(spec.supervising_department),
                    nature=spec.nature,
                    unit_level=spec.unit_level,
                ),
            )
            created += was_created
            if not was_created and spec.hr_department and organisation.hr_department_id is None:
                # Seeded before the units named their departments: name them now (nothing else changes).
                organisation.hr_department = organisations[spec.hr_department]
                organisation.supervising_department = organisations.get(spec.supervising_department)
                organisation.save(update_fields=["hr_department", "supervising_department", "updated_at"])
                created += 1
            organisations[spec.key] = organisation
        return created, organisations

    def _roles(self, organisations):
        roles, created = {}, 0
        for key, (org_key, name, description, permissions) in ROLE_SPECS.items():
            role, was_created = Role.objects.get_or_create(
                organisation=organisations[org_key],
                name=name,
                defaults={"description": description, "permissions": permissions},
            )
            roles[key] = role
            created += was_created
        return roles, created

    def _users(self, specs, organisations, roles):
        created, rows = 0, []
        for spec in specs:
            organisation = organisations[spec.organisation] if spec.organisation else None
            user = User.objects.filter(username=spec.username).select_related("organisation").first()
            if user is None:
                user = User(
                    username=spec.username,
                    real_name=spec.real_name,
                    mobile=spec.mobile,
                    id_number=spec.id_number,
                    kind=spec.kind,
                    organisation=organisation,
                    is_org_admin=spec.is_org_admin,
                    is_staff=spec.is_staff,
                )
                validate_password(DEMO_PASSWORD, user)
                user.set_password(DEMO_PASSWORD)
                user.save()
                user.roles.set([roles[key] for key in spec.roles])
                created += 1
            rows.append((spec, user))
        return created, rows

    @staticmethod
    def login_table(rows) -> str:
        """Markdown table (the README shows the same one)."""
        lines = ["", "| 角色 | 单位 | 登录账号 | 密码 |", "| --- | --- | --- | --- |"]
        for spec, user in rows:
            identifiers = [user.username]
            if user.is_org_admin and user.organisation:
                identifiers.append(user.organisation.credit_code)
            if user.mobile:
                identifiers.append(user.mobile)
            if user.id_number:
                identifiers.append(user.id_number)
            unit = user.organisation.name if user.organisation else "—"
            lines.append(f"| {spec.role} | {unit} | {' / '.join(identifiers)} | {DEMO_PASSWORD} |")
        lines.append("")
        lines.append("登录账号中任一项均可登录（登录名 / 统一社会信用代码 / 手机号 / 身份证号）。")
        return "\n".join(lines)
