"""Everything the programme registers with the platform at start-up (called from AppConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from traineeships.rules import GROUP

IMAGES_AND_PDF = {"jpeg", "png", "gif", "bmp", "webp", "pdf"}


def _is_hr(level: str | None = None):
    def check(user) -> bool:
        from traineeships.rules import is_hr

        return is_hr(user, level)

    return check


def register_permissions() -> None:
    from organisations.permissions import GOVERNMENT_ONLY, NON_GOVERNMENT, register_permission

    register_permission("traineeships.manage_base", _("见习基地申请与见习岗位管理"), kinds=NON_GOVERNMENT, group=GROUP)
    register_permission("traineeships.review", _("就业见习审核（基地、岗位、协议、离岗）"), kinds=GOVERNMENT_ONLY,
                        group=GROUP)
    register_permission("traineeships.publish_posts", _("见习岗位发布与撤销发布（市级）"), kinds=GOVERNMENT_ONLY,
                        group=GROUP)
    register_permission("traineeships.file_bases", _("见习基地报省厅备案（市级）"), kinds=GOVERNMENT_ONLY, group=GROUP)
    register_permission("traineeships.manage_parameters", _("就业见习地区参数维护"), kinds=GOVERNMENT_ONLY,
                        group=GROUP)


def register_purposes() -> None:
    from attachments.purposes import register_purpose

    # Who may download them: the programme's access rule (traineeships.rules) on the base's organisation.
    register_purpose("traineeship_rules", label=_("就业见习管理制度"), allowed=IMAGES_AND_PDF,
                     max_bytes=10 * 1024 * 1024, programme="traineeships")
    register_purpose("traineeship_certificate", label=_("单位证件"), allowed=IMAGES_AND_PDF,
                     max_bytes=5 * 1024 * 1024, programme="traineeships")


def register_navigation() -> None:
    from core.navigation import NavEntry, add_programme_entry, register_programme
    from regions.models import RegionLevel

    register_programme("traineeships", GROUP, icon="briefcase")
    for entry in (
        NavEntry(_("见习基地申请"), "traineeships:base", "building-check", "traineeships.manage_base",
                 needs_organisation=True, also_under=("/traineeships/bases/",)),
        NavEntry(_("见习岗位"), "traineeships:posts", "briefcase", "traineeships.manage_base", needs_organisation=True),
        NavEntry(_("岗位查询"), "traineeships:post_query", "search", "traineeships.manage_base",
                 needs_organisation=True),
        NavEntry(_("岗位发布"), "traineeships:publishing", "megaphone", "traineeships.publish_posts",
                 visible=_is_hr(RegionLevel.CITY)),
        NavEntry(_("见习基地名录"), "traineeships:hr_bases", "buildings", "traineeships.review", visible=_is_hr()),
        NavEntry(_("已备案基地"), "traineeships:filed_bases", "archive", "traineeships.review",
                 visible=_is_hr(RegionLevel.PROVINCE)),
        NavEntry(_("地区参数"), "traineeships:parameters", "sliders", "traineeships.manage_parameters",
                 visible=_is_hr()),
    ):
        add_programme_entry("traineeships", entry)


def register_audit_labels() -> None:
    from audit.labels import register_action

    for code, label in {
        "traineeships.base_created": _("创建见习基地申请"),
        "traineeships.base_saved": _("保存见习基地申请"),
        "traineeships.base_file": _("上传见习基地档案资料"),
        "traineeships.base_status": _("见习基地状态变更"),
        "traineeships.base_filed": _("见习基地报省厅备案"),
        "traineeships.base_printed": _("打印见习基地申请表"),
        "traineeships.post_created": _("新增见习岗位"),
        "traineeships.post_updated": _("修改见习岗位"),
        "traineeships.post_deleted": _("删除见习岗位"),
        "traineeships.post_status": _("见习岗位状态变更"),
        "traineeships.parameter_created": _("新增就业见习地区参数"),
        "traineeships.parameter_updated": _("修改就业见习地区参数"),
    }.items():
        register_action(code, label)


def register_everything() -> None:
    from reviews.registry import register
    from traineeships.batch_specs import register_exports
    from traineeships.review_kinds import BASE_REVIEW, POST_REVIEW
    from traineeships.rules import register_access

    register_access()
    register_permissions()
    register_purposes()
    register(BASE_REVIEW)
    register(POST_REVIEW)
    register_navigation()
    register_audit_labels()
    register_exports()
    from traineeships.setup_placements import register_placements

    register_placements()
    from traineeships.setup_individuals import register as register_individuals

    register_individuals()
    from traineeships.review_materials import register_review_materials

    register_review_materials()
    from traineeships.constraints import register_constraints

    register_constraints()
