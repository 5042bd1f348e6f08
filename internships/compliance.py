"""The regulation's red lines for an internship position (regulations §1.2–§1.7), checked by the software and
explained to the enterprise: while it types (the live checklist), at publication (a blocking check refuses it)
and for the reviewer (the snapshot saved on Position.compliance).

`check_position` is pure: it reads the enterprise's other positions for the 10 % ratio and writes nothing.
`position_like` is a Position or a dict of the position form's cleaned data (missing keys: not filled in yet).
"""

import calendar
import datetime
from dataclasses import asdict, dataclass
from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext as _

from internships.models import PAY_PERIODS_WITHIN_A_MONTH, Overtime, PayMethod, Position, PositionStatus

PAY_FLOOR = Decimal("0.8")  # §1.3: at least 80 % of the same post's wage
POST_RATIO_PERCENT = 20  # §1.5: interns ≤ 20 % of the staff in the same post
ENTERPRISE_RATIO_PERCENT = 10  # §1.5: interns ≤ 10 % of the enterprise's staff on duty
MAX_MONTHS = 6  # §1.7: 岗位实习 is generally 6 months (a warning, not a refusal)
# Positions whose places count against the enterprise's 10 %: published, or waiting for the review to publish.
COUNTED_STATUSES = (PositionStatus.PUBLISHED, PositionStatus.PENDING)


@dataclass(frozen=True)
class Check:
    code: str
    label: str
    passed: bool
    blocking: bool  # a failed blocking check refuses publication; a failed non-blocking one is a warning
    explanation: str

    @property
    def symbol(self) -> str:
        if self.passed:
            return "✓"
        return "✗" if self.blocking else "!"

    @property
    def refuses(self) -> bool:
        return self.blocking and not self.passed

    def as_dict(self) -> dict:
        return asdict(self)


def from_snapshot(rows) -> list[Check]:
    """The checks saved on Position.compliance, back as Check objects (for the templates)."""
    fields = Check.__dataclass_fields__
    return [Check(**{key: row.get(key) for key in fields}) for row in rows or [] if isinstance(row, dict)]


def blocking_failures(checks) -> list[Check]:
    return [check for check in checks if check.refuses]


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


class _Reader:
    def __init__(self, position_like):
        self.obj = position_like

    def __call__(self, name, default=None):
        if isinstance(self.obj, dict):
            return self.obj.get(name, default)
        return getattr(self.obj, name, default)


def _missing(code, label, what) -> Check:
    return Check(code, label, False, True, _("请先填写%(what)s，再检查本项") % {"what": what})


def _other_places(enterprise_id, exclude_pk, starts_on, ends_on) -> int:
    """Places of the enterprise's other published or pending positions whose periods overlap this one."""
    if enterprise_id is None:
        return 0
    others = Position.objects.filter(
        enterprise_id=enterprise_id, status__in=COUNTED_STATUSES, starts_on__lte=ends_on, ends_on__gte=starts_on,
    )
    if exclude_pk:
        others = others.exclude(pk=exclude_pk)
    return others.aggregate(total=Sum("places"))["total"] or 0


def check_position(position_like, *, profile, today: datetime.date, exemption_on_file: bool | None = None,
                   enterprise_id: int | None = None) -> list[Check]:
    """Every check, in the order the checklist shows them. `profile` is the enterprise's EnterpriseProfile (or
    None); `exemption_on_file` overrides whether a night-shift/overtime exemption is attached (the form's new
    upload); `enterprise_id` defaults to the profile's organisation."""
    get = _Reader(position_like)
    if exemption_on_file is None:
        exemption_on_file = bool(get("exemption_id") or get("exemption"))
    if enterprise_id is None:
        enterprise_id = get("enterprise_id") or (profile.organisation_id if profile is not None else None)
    checks = []

    # 夜班 / 加班 (§1.6)
    label = _("不安排夜班")
    night_shift = get("night_shift")
    if night_shift is None:
        checks.append(_missing("night_shift", label, _("夜班情况")))
    elif not night_shift:
        checks.append(Check("night_shift", label, True, True, _("岗位无夜班。")))
    elif exemption_on_file:
        checks.append(Check("night_shift", label, True, True, _(
            "岗位有夜班，已上传专业或岗位特殊要求的备案文件（《职业学校学生实习管理规定》：除特殊要求并报备外，"
            "不得安排学生加班和夜班）。")))
    else:
        checks.append(Check("night_shift", label, False, True, _(
            "实习单位不得安排实习学生上夜班；确因专业和岗位有特殊要求的，须报上级主管部门备案，"
            "并上传备案文件后才能发布。")))

    label = _("不安排加班")
    overtime = get("overtime")
    if not overtime:
        checks.append(_missing("overtime", label, _("加班情况")))
    elif overtime == Overtime.NONE:
        checks.append(Check("overtime", label, True, True, _("岗位无加班。")))
    elif exemption_on_file:
        checks.append(Check("overtime", label, True, True, _(
            "岗位有加班，已上传专业或岗位特殊要求的备案文件。")))
    else:
        checks.append(Check("overtime", label, False, True, _(
            "实习单位不得安排实习学生加班（偶尔加班、经常加班均不允许）；确因专业和岗位有特殊要求的，"
            "须报上级主管部门备案，并上传备案文件后才能发布。")))

    # 报酬 (§1.3)
    label = _("实习报酬不低于相同岗位工资标准的80%")
    pay_min, wage = get("pay_min"), get("same_post_wage")
    if pay_min is None or wage is None:
        checks.append(_missing("pay_floor", label, _("实习报酬下限和本单位相同岗位工资标准")))
    else:
        floor = (Decimal(wage) * PAY_FLOOR).quantize(Decimal("0.01"))
        if Decimal(pay_min) >= floor:
            checks.append(Check("pay_floor", label, True, True, _(
                "实习报酬下限 %(pay)s 元/月，不低于相同岗位工资标准 %(wage)s 元/月的80%%（%(floor)s 元/月）。")
                % {"pay": pay_min, "wage": wage, "floor": floor}))
        else:
            checks.append(Check("pay_floor", label, False, True, _(
                "实习报酬原则上不得低于本单位相同岗位工资标准的80%%：相同岗位 %(wage)s 元/月，"
                "报酬下限至少应为 %(floor)s 元/月（现为 %(pay)s 元/月）。")
                % {"pay": pay_min, "wage": wage, "floor": floor}))

    label = _("报酬至少每月发放一次")
    period = get("pay_period")
    if not period:
        checks.append(_missing("pay_period", label, _("报酬发放周期")))
    elif period in PAY_PERIODS_WITHIN_A_MONTH:
        checks.append(Check("pay_period", label, True, True, _("报酬发放周期不超过1个月。")))
    else:
        checks.append(Check("pay_period", label, False, True, _(
            "实习报酬应按时足额发放，支付周期原则上不得超过1个月；按季度或实习结束后一次性发放不符合规定。")))

    label = _("以货币形式直接发放给学生")
    method = get("pay_method")
    if not method:
        checks.append(_missing("pay_method", label, _("报酬发放方式")))
    elif method == PayMethod.MONEY:
        checks.append(Check("pay_method", label, True, True, _("报酬以货币形式直接发放给学生本人。")))
    else:
        checks.append(Check("pay_method", label, False, True, _(
            "实习报酬应以货币形式按时、足额、直接支付给学生本人，不得以物品、代金券代替，"
            "也不得通过学校、中介或其他第三方转发。")))

    # 收费与证件 (§1.4)
    label = _("不收取任何费用")
    if get("charges_fees"):
        checks.append(Check("no_fees", label, False, True, _(
            "不得向学生收取实习押金、培训费、实习报酬提成、管理费、实习材料费、就业服务费等任何费用。")))
    else:
        checks.append(Check("no_fees", label, True, True, _("企业声明不收取押金、培训费、管理费等费用。")))

    label = _("不扣留学生证件")
    if get("retains_documents"):
        checks.append(Check("no_documents", label, False, True, _(
            "不得扣押学生的学生证、居民身份证或其他证件，不得要求学生提供担保或以其他名义收取财物。")))
    else:
        checks.append(Check("no_documents", label, True, True, _("企业声明不扣留学生证、身份证等证件。")))

    # 场所与组织方式 (§1.2)
    label = _("不在营业性娱乐场所实习")
    if get("entertainment_venue"):
        checks.append(Check("no_entertainment", label, False, True, _(
            "不得安排学生到酒吧、夜总会、歌厅、洗浴中心、电子游戏厅、网吧等营业性娱乐场所实习。")))
    else:
        checks.append(Check("no_entertainment", label, True, True, _("实习场所不是营业性娱乐场所。")))

    label = _("不通过中介机构组织实习")
    if get("via_intermediary"):
        checks.append(Check("no_intermediary", label, False, True, _(
            "不得通过中介机构或有偿代理组织、安排和管理学生实习。")))
    else:
        checks.append(Check("no_intermediary", label, True, True, _("企业声明不通过中介机构或有偿代理组织实习。")))

    # 人数比例 (§1.5)
    label = _("实习人数不超过同类岗位在岗职工数的20%")
    places, post_staff = get("places"), get("post_staff")
    if not places or post_staff is None:
        checks.append(_missing("post_ratio", label, _("实习人数和同类岗位在岗职工数")))
    else:
        allowed = post_staff * POST_RATIO_PERCENT // 100
        passed = places * 100 <= post_staff * POST_RATIO_PERCENT
        text = _("在具体岗位实习的学生人数一般不高于同类岗位在岗职工总人数的20%%：同类岗位在岗职工 %(staff)s 人，"
                 "最多 %(allowed)s 人，本岗位 %(places)s 人。") % {
            "staff": post_staff, "allowed": allowed, "places": places}
        checks.append(Check("post_ratio", label, passed, True, text))

    label = _("企业实习生不超过在岗职工总数的10%")
    staff = profile.staff_on_duty if profile is not None else None
    starts_on, ends_on = get("starts_on"), get("ends_on")
    if staff is None:
        checks.append(Check("enterprise_ratio", label, False, True, _(
            "请先填写在岗职工总数：岗位实习学生人数一般不超过实习单位在岗职工总数的10%，须据此检查。")))
    elif not places or starts_on is None or ends_on is None:
        checks.append(_missing("enterprise_ratio", label, _("实习人数和实习起止日期")))
    else:
        others = _other_places(enterprise_id, get("pk") or get("id"), starts_on, ends_on)
        allowed = staff * ENTERPRISE_RATIO_PERCENT // 100
        total = others + places
        passed = total * 100 <= staff * ENTERPRISE_RATIO_PERCENT
        text = _("岗位实习学生人数一般不超过实习单位在岗职工总数的10%%：在岗职工 %(staff)s 人，最多 %(allowed)s 人；"
                 "同期已发布或待审核岗位 %(others)s 人，加本岗位 %(places)s 人，共 %(total)s 人。") % {
            "staff": staff, "allowed": allowed, "others": others, "places": places, "total": total}
        checks.append(Check("enterprise_ratio", label, passed, True, text))

    # 期限 (§1.7) and dates
    label = _("实习期限一般不超过6个月")
    if starts_on is None or ends_on is None:
        checks.append(Check("duration", label, False, False, _("请先填写实习开始和结束日期，再检查本项")))
    elif ends_on < add_months(starts_on, MAX_MONTHS):
        checks.append(Check("duration", label, True, False, _("实习期限不超过6个月。")))
    else:
        checks.append(Check("duration", label, False, False, _(
            "岗位实习时间一般为6个月，本岗位 %(start)s 至 %(end)s 超过6个月（医药卫生等专业另有规定的除外），"
            "请确认符合学校人才培养方案。") % {"start": starts_on, "end": ends_on}))

    label = _("报名截止日期早于实习开始日期")
    apply_until = get("apply_until")
    if apply_until is None or starts_on is None:
        checks.append(_missing("apply_dates", label, _("报名日期和实习开始日期")))
    elif apply_until < starts_on:
        checks.append(Check("apply_dates", label, True, True, _("报名截止于实习开始之前。")))
    else:
        checks.append(Check("apply_dates", label, False, True, _(
            "报名截止日期（%(until)s）须早于实习开始日期（%(start)s），学生签约、分组和购买保险后才能出发实习。")
            % {"until": apply_until, "start": starts_on}))
    if apply_until is not None and apply_until < today:
        checks.append(Check("apply_open", _("报名期未结束"), False, False, _(
            "报名截止日期（%(until)s）已过，发布后学生无法报名，请调整报名日期。") % {"until": apply_until}))
    return checks
