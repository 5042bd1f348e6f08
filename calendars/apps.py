from django.apps import AppConfig


class CalendarsConfig(AppConfig):
    name = "calendars"
    verbose_name = "工作日历"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from audit.labels import register_action
        from calendars.batch_specs import register_calendar_import
        from calendars.rules import MANAGE, MANAGE_WAGES, may_manage_calendar, may_manage_wages
        from core.navigation import NavEntry, add_entry
        from organisations.permissions import GOVERNMENT_ONLY, register_permission

        register_permission(MANAGE, _("维护工作日历（省级人社部门）"), kinds=GOVERNMENT_ONLY, group=_("系统管理"))
        register_permission(MANAGE_WAGES, _("维护最低工资标准（省级人社部门）"), kinds=GOVERNMENT_ONLY,
                            group=_("系统管理"))
        for code, label in {
            "calendars.day_added": _("登记工作日历日期"),
            "calendars.day_changed": _("修改工作日历日期"),
            "calendars.day_deleted": _("删除工作日历日期"),
            "calendars.year_published": _("发布年度工作日历"),
            "calendars.wage_created": _("新增最低工资标准"),
            "calendars.wage_updated": _("修改最低工资标准"),
        }.items():
            register_action(code, label)
        register_calendar_import()
        add_entry("admin", NavEntry(label=_("工作日历"), url_name="calendars:years", icon="calendar3",
                                    visible=may_manage_calendar))
        add_entry("admin", NavEntry(label=_("最低工资标准"), url_name="calendars:wages", icon="cash-coin",
                                    visible=may_manage_wages))
