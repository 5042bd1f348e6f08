"""What the individuals' side of the programme (sign-in, 见习意向, 报名, 报名审核, graduate register) registers
with the platform at start-up; called from traineeships.setup.register_everything()."""

from django.utils.translation import gettext_lazy as _

from traineeships.rules import GROUP


def _keeps_register(user) -> bool:
    from traineeships.selectors import may_maintain_register

    return may_maintain_register(user)


def register_permissions() -> None:
    from organisations.permissions import GOVERNMENT_ONLY, register_permission

    register_permission("traineeships.import_graduates", _("高校毕业生信息库维护与导入（人社、教育部门）"),
                        kinds=GOVERNMENT_ONLY, group=GROUP)


def _is_trainee(user) -> bool:
    """An individual who has passed the programme's sign-in (profile and bound mobile): the screens below
    send anyone else back to it."""
    from accounts.rules import is_individual
    from traineeships.models import TraineeProfile

    return is_individual(user) and bool(user.mobile) and TraineeProfile.objects.filter(person_id=user.pk).exists()


def _needs_programme_sign_in(user) -> bool:
    from accounts.rules import is_individual

    return is_individual(user) and not _is_trainee(user)


def register_navigation() -> None:
    from core.navigation import NavEntry, add_programme_entry, register_programme

    register_programme("traineeships", GROUP, icon="briefcase")
    for entry in (
        NavEntry(_("见习人员身份核验"), "traineeships:individual_sign_in", "person-vcard",
                 visible=_needs_programme_sign_in),
        NavEntry(_("意向填表"), "traineeships:intention", "card-checklist", visible=_is_trainee),
        NavEntry(_("岗位报名"), "traineeships:individual_posts", "search", visible=_is_trainee),
        NavEntry(_("我的报名"), "traineeships:my_applications", "list-check", visible=_is_trainee),
        NavEntry(_("报名审核"), "traineeships:application_reviews", "person-check", "traineeships.manage_base",
                 needs_organisation=True),
        NavEntry(_("毕业生信息库"), "traineeships:graduates", "mortarboard", "traineeships.import_graduates",
                 visible=_keeps_register),
    ):
        add_programme_entry("traineeships", entry)


def register_audit_labels() -> None:
    from audit.labels import register_action

    for code, label in {
        "traineeships.graduate_created": _("新增高校毕业生信息"),
        "traineeships.graduate_updated": _("修改高校毕业生信息"),
        # Written before the sign-in moved to accounts (accounts.individual_registered / mobile_bound now).
        "traineeships.individual_registered": _("就业见习个人首次登录开户"),
        "traineeships.profile_created": _("建立见习人员档案"),
        "traineeships.mobile_bound": _("绑定手机号"),
        "traineeships.intention_submitted": _("提交见习意向表"),
        "traineeships.application_created": _("报名见习岗位"),
        "traineeships.application_status": _("见习报名状态变更"),
        "traineeships.interest_added": _("标记感兴趣的见习岗位"),
        "traineeships.interest_removed": _("取消感兴趣的见习岗位"),
    }.items():
        register_action(code, label)


def register_people_programme() -> None:
    """The name + ID number entry of accounts.identity, with this programme's rule."""
    from accounts.eligibility import PeopleProgramme, register_programme
    from traineeships.services import individuals

    register_programme(PeopleProgramme(
        key="traineeships", label=_("就业见习"), check=individuals.check_eligibility,
        enter=individuals.create_profile, landing=individuals.landing,
        mobile_bound=individuals.mark_mobile_verified,
        intro=_("往届高校毕业生和16–24周岁失业青年无需注册，输入姓名和身份证号即可登录。"),
        public_link=("traineeships:public_posts", _("先看看见习岗位")),
        entry_url_name="traineeships:individual_sign_in",
    ))


def register() -> None:
    from traineeships.register_batch import register_graduate_import

    register_people_programme()
    register_permissions()
    register_navigation()
    register_audit_labels()
    register_graduate_import()
