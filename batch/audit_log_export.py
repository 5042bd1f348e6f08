"""操作日志导出: the audit log list as .xlsx through the batch engine, with the list page's own scope and filters.

It lives here, not in audit, because audit sits below batch (batch records its jobs in the audit log)."""

import functools
import json

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from audit.labels import label_for
from audit.selectors import audit_entries_for_user, target_type_label
from batch.registry import Column, ExportSpec, register_export
from core.masking import mask_personal_data


def entries_for_export(user, params):
    """Exactly what audit.views.entry_list lists for these query parameters."""
    from audit.views import filtered_entries

    return filtered_entries(user, params)[1]


def _can_export(user) -> bool:
    try:
        audit_entries_for_user(user)
    except PermissionDenied:
        return False
    return True


_type_label = functools.lru_cache(maxsize=256)(target_type_label)


def _json(value):
    # As the list's 变更 panel shows it: the recorded values in full.
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _masked_json(text: str) -> str:
    # The engine masks a column's text for readers without view_personal_data: here, the personal keys inside.
    return _json(mask_personal_data(json.loads(text)))


COLUMNS = (
    Column("时间", "created_at", width=20),
    Column("操作人", "actor_name", value=lambda entry: entry.actor_name or "系统", width=12),
    Column("所属单位", "actor_org__name", value=lambda entry: entry.actor_org.name if entry.actor_org else "",
           width=28),
    Column("操作", "action", value=lambda entry: label_for(entry.action), width=24),
    Column("对象类型", "target_type", value=lambda entry: _type_label(entry.target_type) if entry.target_type else "",
           width=14),
    Column("对象", "target_repr", width=28),
    Column("IP 地址", "ip_address", width=16),
    Column("变更前", "before", value=lambda entry: _json(entry.before), mask=_masked_json, width=40),
    Column("变更后", "after", value=lambda entry: _json(entry.after), mask=_masked_json, width=40),
)


def register_audit_log_export() -> None:
    register_export(ExportSpec(
        key="audit-log", label=str(_("操作日志导出")), permission="organisations.view_logs", columns=COLUMNS,
        queryset=entries_for_export, allowed=_can_export, back_url_name="audit:list",
    ))
