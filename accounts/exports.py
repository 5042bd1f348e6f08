"""登录日志导出: the login log list as .xlsx through the batch engine, with the list page's own scope and filters."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from accounts import selectors
from accounts.forms import LoginLogFilterForm
from batch.registry import Column, ExportSpec, register_export
from core.identifiers import looks_like_id_number, looks_like_mobile
from core.masking import mask_id_number, mask_mobile


def login_records_for_export(user, params):
    """Exactly what accounts.views.login_log lists for these query parameters."""
    records = selectors.get_login_records_for_user(user)
    filters = LoginLogFilterForm(params or None).filters()
    return records.none() if filters is None else selectors.filter_login_records(records, **filters)


def mask_identifier(value: str) -> str:
    """As the list's {% login_identifier %} tag: a typed mobile or ID number is masked, a login name is not."""
    if looks_like_mobile(value):
        return mask_mobile(value)
    if looks_like_id_number(value):
        return mask_id_number(value)
    return value


def _can_export(user) -> bool:
    try:
        selectors.get_login_records_for_user(user)
    except PermissionDenied:
        return False
    return True


COLUMNS = (
    Column("时间", "created_at", width=20),
    Column("登录账号", "identifier", mask=mask_identifier, width=20),
    Column("姓名", "user__real_name", width=12),
    Column("单位", "user__organisation__name", width=28),
    Column("IP 地址", "ip_address", width=16),
    Column("结果", "succeeded", choices=((True, "成功"), (False, "失败")), width=8),
    Column("说明", "reason", width=24),
    Column("浏览器", "user_agent", width=40),
)


def register_login_log_export() -> None:
    register_export(ExportSpec(
        key="login-log", label=str(_("登录日志导出")), permission="organisations.view_logs", columns=COLUMNS,
        queryset=login_records_for_export, allowed=_can_export, back_url_name="accounts:login_log",
    ))
