from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = "单位"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from accounts.backends import register_permission_source
        from organisations.permissions import permissions_for_user

        register_permission_source(permissions_for_user)

        from audit.labels import register_action
        from core.navigation import NavEntry, add_entry
        from organisations.models import OrganisationKind

        def is_individual(user) -> bool:
            return user.kind == "individual"

        def is_government_or_staff(user) -> bool:
            organisation = user.organisation
            return user.is_staff or (organisation is not None and organisation.kind == OrganisationKind.GOVERNMENT)

        for entry in (
            NavEntry(_("单位信息与认证"), "organisations:profile", "building", "organisations.manage_profile"),
            NavEntry(_("部门管理"), "organisations:departments", "diagram-3", "organisations.manage_departments"),
            NavEntry(_("子账号管理"), "organisations:accounts", "people", "organisations.manage_accounts"),
            NavEntry(_("角色管理"), "organisations:roles", "person-badge", "organisations.manage_roles"),
            NavEntry(_("推荐录入单位"), "organisations:preregister", "building-add", "organisations.preregister"),
            NavEntry(_("我推荐的单位"), "organisations:recommended", "card-list", "organisations.preregister"),
            NavEntry(_("推荐实习单位"), "organisations:recommend", "hand-thumbs-up", visible=is_individual),
            NavEntry(_("单位名录"), "organisations:directory", "buildings", visible=is_government_or_staff),
        ):
            add_entry("org", entry)

        for code, label in {
            "organisations.self_registered": _("单位自荐注册"),
            "organisations.preregistered": _("推荐录入单位"),
            "organisations.activated": _("单位账号激活"),
            "organisations.activation_blocked": _("激活码错误次数过多，暂停激活"),
            "organisations.student_recommended": _("学生推荐单位"),
            "organisations.profile_saved": _("保存单位信息"),
            "organisations.verification_status": _("单位实名认证状态变更"),
            "organisations.department_created": _("新增部门"),
            "organisations.department_updated": _("修改部门"),
            "organisations.department_deleted": _("删除部门"),
            "organisations.role_created": _("新增角色"),
            "organisations.role_updated": _("修改角色"),
            "organisations.role_deleted": _("删除角色"),
            "organisations.account_created": _("新增子管理员"),
            "organisations.account_updated": _("修改子管理员"),
            "organisations.account_password_reset": _("重置子管理员密码"),
            "organisations.account_deactivated": _("移除子管理员权限"),
            "organisations.account_reactivated": _("恢复子管理员权限"),
        }.items():
            register_action(code, label)

        # Staff roster (人员信息): navigation and its import/export specs.
        from organisations.staff import register_staff

        register_staff()

        from organisations.exports import register_directory_export

        register_directory_export()
