from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "账号与登录"

    def ready(self):
        from audit.labels import register_action
        from core.navigation import NavEntry, add_entry

        add_entry(
            "admin",
            NavEntry(
                label=_("登录日志"),
                url_name="accounts:login_log",
                icon="clock-history",
                permission="organisations.view_logs",
            ),
        )
        register_action("accounts.account_locked", _("账号冻结（连续密码错误）"))
        register_action("accounts.password_changed", _("修改密码"))
        register_action("accounts.password_reset", _("短信验证找回密码"))
        register_action("accounts.login_name_changed", _("修改登录名"))
        register_action("accounts.individual_registered", _("个人首次以姓名和身份证号登录开户"))
        register_action("accounts.registered", _("个人注册"))
        register_action("accounts.identity_verified", _("姓名、身份证号和手机短信核验通过"))
        register_action("accounts.mobile_bound", _("绑定手机号"))

        from accounts.exports import register_login_log_export

        register_login_log_export()
