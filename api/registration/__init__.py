"""What the API registers at start-up: its permission, audit labels, daily clean-up and menu entry."""


def register() -> None:
    from django.utils.translation import gettext_lazy as _

    from api import rules
    from api.jobs import forget_old_rate_windows
    from audit.labels import register_action
    from core.daily import register_daily_job
    from core.navigation import NavEntry, add_entry
    from organisations.permissions import ALL_KINDS, register_permission

    register_permission(rules.MANAGE_KEYS, _("开放接口密钥管理（签发、轮换、停用）"), ALL_KINDS, group=_("开放接口"))
    for code, label in (
        ("api.key_issued", _("签发接口密钥")),
        ("api.key_rotated", _("轮换接口密钥")),
        ("api.key_revoked", _("停用接口密钥")),
        ("api.call", _("接口调用")),
    ):
        register_action(code, label)
    register_daily_job("api.forget_rate_windows", forget_old_rate_windows)
    add_entry("org", NavEntry(_("开放接口密钥"), "api_keys:list", "key", rules.MANAGE_KEYS, needs_organisation=True))
