"""The programme's menu section (core.navigation) and who sees each entry."""

from django.utils.translation import gettext_lazy as _

from accounts.rules import is_individual
from core.navigation import NavEntry, add_programme_entry, register_programme
from regions.models import RegionLevel
from traineeships.models import TraineeshipBase
from traineeships.rules import (
    GROUP,
    IMPORT_GRADUATES,
    MANAGE_BASE,
    MANAGE_PARAMETERS,
    PROGRAMME,
    PUBLISH_POSTS,
    REVIEW,
    is_hr,
    is_unit,
)
from traineeships.selectors import may_maintain_register
from traineeships.selectors.programme import is_participant


def _is_hr(level: str | None = None):
    def check(user) -> bool:
        return is_hr(user, level)

    return check


def _unit_with_base(user) -> bool:
    """The unit's roster works on its own base; before it has one there is nothing to open."""
    return is_unit(user) and TraineeshipBase.objects.filter(organisation_id=user.organisation_id).exists()


def _is_trainee(user) -> bool:
    """An individual who has passed the programme's sign-in (profile and bound mobile): the screens below
    send anyone else back to it."""
    return is_individual(user) and bool(user.mobile) and is_participant(user)


def _needs_programme_sign_in(user) -> bool:
    return is_individual(user) and not _is_trainee(user)


def _keeps_register(user) -> bool:
    return may_maintain_register(user)


ENTRIES = (
    # Bases, posts, publishing, parameters
    NavEntry(_("见习基地申请"), "traineeships:base", "building-check", MANAGE_BASE,
             needs_organisation=True, also_under=("/traineeships/bases/",)),
    NavEntry(_("见习岗位"), "traineeships:posts", "briefcase", MANAGE_BASE, needs_organisation=True),
    NavEntry(_("岗位查询"), "traineeships:post_query", "search", MANAGE_BASE, needs_organisation=True),
    NavEntry(_("岗位发布"), "traineeships:publishing", "megaphone", PUBLISH_POSTS,
             visible=_is_hr(RegionLevel.CITY)),
    NavEntry(_("见习基地名录"), "traineeships:hr_bases", "buildings", REVIEW, visible=_is_hr()),
    NavEntry(_("已备案基地"), "traineeships:filed_bases", "archive", REVIEW, visible=_is_hr(RegionLevel.PROVINCE)),
    NavEntry(_("地区参数"), "traineeships:parameters", "sliders", MANAGE_PARAMETERS, visible=_is_hr()),
    # Placements, reports, roster, statistics
    NavEntry(_("上岗人员"), "traineeships:placements", "person-badge", MANAGE_BASE, needs_organisation=True),
    NavEntry(_("批量上报"), "traineeships:reports", "cloud-upload", MANAGE_BASE, needs_organisation=True),
    NavEntry(_("补贴花名册"), "traineeships:roster", "cash-coin", MANAGE_BASE, visible=_unit_with_base),
    NavEntry(_("补贴申领"), "traineeships:claims", "receipt", MANAGE_BASE, visible=_unit_with_base),
    NavEntry(_("统计分析"), "traineeships:statistics", "bar-chart", REVIEW, visible=is_hr),
    NavEntry(_("补贴花名册"), "traineeships:roster", "cash-coin", REVIEW, visible=is_hr),
    NavEntry(_("补贴申领审核与拨付"), "traineeships:claims", "receipt", REVIEW, visible=is_hr),
    NavEntry(_("我的见习"), "traineeships:my_placement", "person-workspace", None, visible=is_individual),
    # Individuals, 报名审核, the graduate register
    NavEntry(_("见习人员身份核验"), "traineeships:individual_sign_in", "person-vcard",
             visible=_needs_programme_sign_in),
    NavEntry(_("意向填表"), "traineeships:intention", "card-checklist", visible=_is_trainee),
    NavEntry(_("岗位报名"), "traineeships:individual_posts", "search", visible=_is_trainee),
    NavEntry(_("我的报名"), "traineeships:my_applications", "list-check", visible=_is_trainee),
    NavEntry(_("报名审核"), "traineeships:application_reviews", "person-check", MANAGE_BASE,
             needs_organisation=True),
    NavEntry(_("毕业生信息库"), "traineeships:graduates", "mortarboard", IMPORT_GRADUATES, visible=_keeps_register),
)


def register_navigation() -> None:
    register_programme(PROGRAMME, GROUP, icon="briefcase")
    for entry in ENTRIES:
        add_programme_entry(PROGRAMME, entry)
