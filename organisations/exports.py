"""单位名录导出: the government directory as .xlsx through the batch engine, with the list page's own scope and
filters. (The staff roster's import and export are in organisations.staff_batch.)"""

from django.utils.translation import gettext_lazy as _

from batch.registry import Column, ExportSpec, register_export
from organisations import selectors
from organisations.forms import DirectoryFilterForm


def directory_for_export(user, params):
    """Exactly what organisations.views.directory lists for these query parameters."""
    filters, organisations = DirectoryFilterForm(params or None).filters(), selectors.get_directory_for_user(user)
    return organisations.none() if filters is None else selectors.filter_directory(organisations, **filters)


def _origin(unit) -> str:
    # As the list shows it: the origin, then the recommending unit in brackets.
    label = unit.get_origin_display()
    return f"{label}（{unit.recommended_by.name}）" if unit.recommended_by_id else label


COLUMNS = (
    Column("单位名称", "name", width=30),
    Column("统一社会信用代码", "credit_code", width=22),
    Column("单位类型", "kind", value=lambda unit: unit.get_kind_display(), width=12),
    Column("注册地区", "region", value=lambda unit: str(unit.region) if unit.region_id else "", width=24),
    Column("来源", "origin", value=_origin, width=24),
    Column("实名认证", "verification_status", value=lambda unit: unit.get_verification_status_display(), width=10),
    Column("激活", "activated_at", value=lambda unit: "已激活" if unit.is_activated else "未激活", width=8),
)


def register_directory_export() -> None:
    # No permission code: the directory is for government departments and platform staff (can_use_directory).
    register_export(ExportSpec(
        key="directory", label=str(_("单位名录导出")), permission="", columns=COLUMNS,
        queryset=directory_for_export, allowed=selectors.can_use_directory, back_url_name="organisations:directory",
    ))

