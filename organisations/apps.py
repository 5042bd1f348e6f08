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
        from organisations import rules
        from organisations.jurisdiction import register_programme
        from organisations.models import Authority

        register_programme(
            rules.ORGANISATION_RECORDS, label=_("单位信息"), authorities=[Authority.HUMAN_RESOURCES],
            reviewer_permissions=[rules.REVIEW_VERIFICATION],
        )

        def may_use_directory(user) -> bool:
            from organisations.selectors import can_use_directory

            return bool(can_use_directory(user))

        for entry in (
            NavEntry(_("单位信息与认证"), "organisations:profile", "building", "organisations.manage_profile",
                     needs_organisation=True),
            NavEntry(_("部门管理"), "organisations:departments", "diagram-3", "organisations.manage_departments",
                     needs_organisation=True),
            NavEntry(_("子账号管理"), "organisations:accounts", "people", "organisations.manage_accounts",
                     needs_organisation=True),
            NavEntry(_("角色管理"), "organisations:roles", "person-badge", "organisations.manage_roles",
                     needs_organisation=True),
            NavEntry(_("推荐录入单位"), "organisations:preregister", "building-add", "organisations.preregister"),
            NavEntry(_("我推荐的单位"), "organisations:recommended", "card-list", "organisations.preregister"),
            NavEntry(_("单位名录"), "organisations:directory", "buildings", visible=may_use_directory),
        ):
            add_entry("org", entry)
        # Students recommend the units they intern at: a service for individuals, not 单位管理.
        add_entry("individual", NavEntry(_("推荐实习单位"), "organisations:recommend", "hand-thumbs-up",
                                         visible=rules.may_recommend_units))

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
            "staff.create": _("新增人员信息"),
            "staff.update": _("修改人员信息"),
            "staff.delete": _("删除人员信息"),
            "staff.link_status": _("专技人员加入单位状态变更"),
            "organisations.unit_registered": _("个人注册用人单位"),
        }.items():
            register_action(code, label)

        # Staff roster (人员信息): navigation and its import/export specs.
        from organisations.staff import register_staff

        register_staff()

        from organisations.exports import register_directory_export

        register_directory_export()
