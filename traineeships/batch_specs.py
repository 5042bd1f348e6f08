"""Exports of the programme's lists ("导出"), registered with the batch engine: each holds what its list shows."""

from django.utils.translation import gettext_lazy as _

from batch.registry import Column, ExportSpec, register_export
from traineeships.models import BaseLevel, BaseStatus, Education, PostStatus


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
    from traineeships.selectors import bases_for_government, filter_bases

    allowed = {key: params.get(key, "") for key in ("name", "status", "level", "filed")}
    return filter_bases(bases_for_government(user), **allowed)


def register_exports() -> None:
    register_export(ExportSpec(
        key="traineeship_posts", label=str(_("见习岗位导出")), permission="traineeships.manage_base",
        columns=POST_COLUMNS, queryset=unit_posts_for_export, back_url_name="traineeships:posts",
    ))
    register_export(ExportSpec(
        key="traineeship_bases", label=str(_("见习基地名录导出")), permission="reviews.decide",
        columns=BASE_COLUMNS, queryset=hr_bases_for_export, back_url_name="traineeships:hr_bases",
    ))
