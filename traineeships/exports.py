"""The programme's spreadsheet exports of its lists ("导出", batch.registry.ExportSpec): each holds what its
list shows. Registered by traineeships.registration."""

from django.utils.translation import gettext_lazy as _

from batch.registry import Column, ExportSpec, register_export
from traineeships.models import (
    BaseLevel,
    BaseStatus,
    Education,
    EndReason,
    PlacementStatus,
    PostStatus,
    RetentionOutcome,
)
from traineeships.rules import IMPORT_GRADUATES, MANAGE_BASE, PUBLISH_POSTS, REVIEW, is_hr_reviewer


def _choices(enum) -> tuple:
    return tuple((value, str(label)) for value, label in enum.choices)


POST_COLUMNS = (
    Column("岗位名称", "title", width=20),
    Column("状态", "status", choices=_choices(PostStatus), width=14),
    Column("招募人数", "places", width=10),
    Column("专业要求", "majors", width=20),
    Column("学历要求", "education", choices=_choices(Education), width=12),
    Column("工作地区", "work_region__full_name", width=24),
    Column("工作地址", "address", width=28),
    Column("生活费（元/月）", "monthly_allowance", width=14),
    Column("见习期限（月）", "period_months", width=12),
    Column("联系人", "contact_person", width=10),
    Column("联系电话", "contact_phone", width=16),
    Column("发布时间", "published_at", width=18),
)

BASE_COLUMNS = (
    Column("单位名称", "organisation__name", width=28),
    Column("统一社会信用代码", "organisation__credit_code", text=True, width=22),
    Column("注册地区", "organisation__region__full_name", width=24),
    Column("基地级别", "level", choices=_choices(BaseLevel), width=14),
    Column("状态", "status", choices=_choices(BaseStatus), width=12),
    Column("最近提交时间", "submitted_at", width=18),
    Column("认定时间", "approved_at", width=18),
    Column("报省厅备案时间", "filed_with_province_at", width=18),
)


def unit_posts_for_export(user, params):
    from traineeships.selectors import posts_for_unit

    posts = posts_for_unit(user)
    status = params.get("status", "")
    return posts.filter(status=status) if status in PostStatus.values else posts


def hr_bases_for_export(user, params):
    from traineeships.forms.hr import BaseFilterForm
    from traineeships.selectors import bases_for_government, filter_bases

    filters = BaseFilterForm(params).filters()
    bases = bases_for_government(user)
    return bases.none() if filters is None else filter_bases(bases, **filters)  # as the page shows


FILED_BASE_COLUMNS = (
    Column("单位名称", "organisation__name", width=28),
    Column("统一社会信用代码", "organisation__credit_code", text=True, width=22),
    Column("注册地区", "organisation__region__full_name", width=24),
    Column("基地级别", "level", choices=_choices(BaseLevel), width=14),
    Column("认定时间", "approved_at", width=18),
    Column("报送时间", "filed_with_province_at", width=18),
    Column("报送单位", "filed_with_province_by__organisation__name", width=26),
)

PUBLISHING_COLUMNS = (
    Column("岗位名称", "title", width=20),
    Column("见习单位", "unit_name", width=26),
    Column("招募人数", "places", width=10),
    Column("工作地区", "work_region__full_name", width=24),
    Column("生活费（元/月）", "monthly_allowance", width=14),
    Column("状态", "status", choices=_choices(PostStatus), width=14),
    Column("发布时间", "published_at", width=18),
)

GRADUATE_COLUMNS = (
    Column("姓名", "name", width=12),
    Column("身份证号", "id_number", text=True, personal="id_number", width=22),
    Column("毕业院校", "school", width=24),
    Column("专业", "major", width=20),
    Column("学历", "education", choices=_choices(Education), width=12),
    Column("毕业年份", "graduation_year", width=10),
    Column("所属部门", "imported_by_org__name", width=26),
    Column("更新时间", "updated_at", width=18),
)


def _may_see_bases(user) -> bool:
    """见习基地名录's own rule: platform staff, or an HR department member who decides the programme's reviews."""
    from accounts.rules import is_platform_staff

    return is_platform_staff(user) or is_hr_reviewer(user)


def _is_province_reviewer(user) -> bool:
    from regions.models import RegionLevel

    return is_hr_reviewer(user, RegionLevel.PROVINCE)


def _is_city_publisher(user) -> bool:
    from regions.models import RegionLevel
    from traineeships.selectors import is_hr_of_level

    return user.has_perm(PUBLISH_POSTS) and is_hr_of_level(user, RegionLevel.CITY)


def filed_bases_for_export(user, params):
    from traineeships.forms.hr import FiledBaseFilterForm
    from traineeships.selectors import filed_bases_for_province, filter_filed_bases

    filters = FiledBaseFilterForm(params).filters()
    bases = filed_bases_for_province(user)
    return bases.none() if filters is None else filter_filed_bases(bases, **filters)


def publishing_for_export(user, params):
    from traineeships.forms.hr import PublishingFilterForm
    from traineeships.selectors import filter_publishing, publishable_posts_for_city

    filters = PublishingFilterForm(params).filters()
    posts = publishable_posts_for_city(user)
    return posts.none() if filters is None else filter_publishing(posts, **filters)


def graduates_for_export(user, params):
    from traineeships.forms.individuals import GraduateFilterForm
    from traineeships.selectors import filter_graduates, graduates_for_user

    filters, records = GraduateFilterForm(params or None).filters(), graduates_for_user(user)
    return records.none() if filters is None else filter_graduates(records, **filters)


def _statistics_column(header: str, name: str, width: int = 12) -> Column:
    # value= makes the engine read attributes of the computed rows instead of a queryset's values_list.
    return Column(header, name, width=width, value=lambda row: getattr(row, name))


STATISTICS_COLUMNS = (
    _statistics_column("分类", "kind", 10),
    _statistics_column("地区/月份", "name", 24),
    _statistics_column("见习基地", "bases"),
    _statistics_column("岗位", "posts"),
    _statistics_column("招募人数", "places"),
    _statistics_column("报名人数", "applicants"),
    _statistics_column("新上岗人数", "started"),
    _statistics_column("在岗人数", "on_post"),
    _statistics_column("离岗（结束）人数", "ended", 16),
    _statistics_column("留用人数", "retained"),
    _statistics_column("留用率", "retention"),
    _statistics_column("已申领补贴（元）", "claimed", 16),
    _statistics_column("已拨付补贴（元）", "paid", 16),
)


def statistics_for_export(user, params):
    """The statistics page's figures for the department and the year asked (by sub-region, total, by month)."""
    from django.core.exceptions import PermissionDenied

    from traineeships.forms.statistics import statistics_filter
    from traineeships.selectors import hr_department
    from traineeships.services.statistics import ExportRows, export_rows, statistics_for

    department = hr_department(user)
    if department is None:
        raise PermissionDenied
    year = statistics_filter(department.region, {"year": params.get("year", "")}).chosen_year()
    if year is None:  # what the page shows for a year not offered: nothing
        return ExportRows([])
    return export_rows(statistics_for(department.region, year))


PLACEMENT_COLUMNS = (
    Column("姓名", "person__real_name", width=10),
    Column("身份证号", "person__id_number", text=True, personal="id_number", width=22),
    Column("手机号", "person__mobile", text=True, personal="mobile", width=14),
    Column("岗位名称", "post__title", width=18),
    Column("状态", "status", choices=_choices(PlacementStatus), width=12),
    Column("见习开始日期", "start_on", width=14),
    Column("见习结束日期", "end_on", width=14),
    Column("生活费（元/月）", "monthly_allowance", width=14),
    Column("保险公司", "insurance_company", width=16),
    Column("保单号", "insurance_policy_number", text=True, width=16),
    Column("结束日期", "ended_on", width=14),
    Column("结束原因", "end_reason", choices=_choices(EndReason), width=16),
    Column("留用情况", "retention_outcome", choices=_choices(RetentionOutcome), width=16),
    Column("留用登记截止日期", "retention_due_on", width=16),
    Column("留用日期", "retained_on", width=14),
    Column("劳动合同信息", "retention_contract", width=24),
)


def unit_placements_for_export(user, params):
    from traineeships.forms.placements import PlacementFilterForm
    from traineeships.selectors import filter_placements, placements_for_unit

    # The page's own filter form, so the export holds exactly the rows the page lists.
    filters, placements = PlacementFilterForm(params).filters(), placements_for_unit(user)
    return placements.none() if filters is None else filter_placements(placements, **filters)


def register_exports() -> None:
    from traineeships.selectors import may_maintain_register

    register_export(ExportSpec(
        key="traineeship_posts", label=str(_("见习岗位导出")), permission=MANAGE_BASE,
        columns=POST_COLUMNS, queryset=unit_posts_for_export, back_url_name="traineeships:posts",
    ))
    register_export(ExportSpec(
        key="traineeship_bases", label=str(_("见习基地名录导出")), permission=REVIEW,
        columns=BASE_COLUMNS, queryset=hr_bases_for_export, allowed=_may_see_bases,
        back_url_name="traineeships:hr_bases",
    ))
    register_export(ExportSpec(
        key="traineeship_filed_bases", label=str(_("已备案见习基地导出")), permission=REVIEW,
        columns=FILED_BASE_COLUMNS, queryset=filed_bases_for_export, allowed=_is_province_reviewer,
        back_url_name="traineeships:filed_bases",
    ))
    register_export(ExportSpec(
        key="traineeship_publishing", label=str(_("见习岗位发布列表导出")), permission=PUBLISH_POSTS,
        columns=PUBLISHING_COLUMNS, queryset=publishing_for_export, allowed=_is_city_publisher,
        back_url_name="traineeships:publishing",
    ))
    register_export(ExportSpec(
        key="traineeship_statistics", label=str(_("就业见习统计导出")), permission="", columns=STATISTICS_COLUMNS,
        queryset=statistics_for_export, allowed=is_hr_reviewer, back_url_name="traineeships:statistics",
    ))
    register_export(ExportSpec(
        key="graduate_register", label=str(_("毕业生信息导出")), permission=IMPORT_GRADUATES,
        columns=GRADUATE_COLUMNS, queryset=graduates_for_export, allowed=may_maintain_register,
        back_url_name="traineeships:graduates",
    ))
    register_export(ExportSpec(
        key="traineeship_placements", label=str(_("上岗人员导出")), permission=MANAGE_BASE,
        columns=PLACEMENT_COLUMNS, queryset=unit_placements_for_export, back_url_name="traineeships:placements",
    ))
