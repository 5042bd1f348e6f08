"""The programme's menu section (core.navigation) and who sees each entry, in menu order."""

from django.utils.translation import gettext_lazy as _

from core.navigation import NavEntry, add_programme_entry, register_programme
from internships import rules
from internships.rules import GROUP, PROGRAMME
from internships.selectors.access import student_of
from internships.selectors.students import is_student, needs_student_sign_in

ENTRIES = [
    # --- entry, pool, registry, blacklist, settings ---------------------------------------------------------
    NavEntry(_("实习企业信息"), "internships:enterprise", "building", rules.HOST, visible=rules.is_host,
             needs_organisation=True),
    NavEntry(_("推荐实习企业"), "internships:recommendations", "building-add", rules.SCHOOL, visible=rules.is_school,
             needs_organisation=True),
    NavEntry(_("实习企业库"), "internships:pool", "buildings", rules.SCHOOL, visible=rules.is_school,
             needs_organisation=True, also_under=("/internships/enterprises/",)),
    NavEntry(_("企业登记信息库"), "internships:registry", "journal-text", rules.REGISTRY, visible=rules.is_education),
    NavEntry(_("实习企业黑名单"), "internships:blacklist", "slash-circle",
             visible=lambda user: (rules.is_education(user) and (user.has_perm(rules.BLACKLIST)
                                                                  or user.has_perm(rules.REVIEW)))
             or (rules.is_school(user) and user.has_perm(rules.SCHOOL))),
    NavEntry(_("实习地区设置"), "internships:settings", "sliders", rules.MANAGE_SETTINGS, visible=rules.is_education),

    # --- positions -----------------------------------------------------------------------------------------
    NavEntry(_("岗位管理"), "internships:positions", "briefcase", rules.HOST, visible=rules.is_host,
             needs_organisation=True),

    # --- students, applications, signing -------------------------------------------------------------------
    NavEntry(_("学生名册"), "internships:students", "people", rules.SCHOOL, visible=rules.is_school,
             needs_organisation=True),
    NavEntry(_("学生实习申请"), "internships:school_applications", "list-check", rules.SCHOOL,
             visible=rules.is_school, needs_organisation=True),
    NavEntry(_("实习签约管理"), "internships:signing", "pen", rules.HOST, visible=rules.is_host,
             needs_organisation=True),
    NavEntry(_("学生身份核验"), "internships:student_sign_in", "person-vcard", visible=needs_student_sign_in),
    NavEntry(_("实习岗位"), "internships:student_positions", "search", visible=is_student,
             also_under=("/internships/student/positions/",)),
    NavEntry(_("我的实习申请"), "internships:student_applications", "card-checklist", visible=is_student),

    # --- school: agreements, groups, overview, statistics; education: internships ---------------------------
    NavEntry(_("我的实习"), "internships:my_internships", "briefcase",
             visible=lambda user: student_of(user) is not None),
    NavEntry(_("学生实习总览"), "internships:school_overview", "people", rules.SCHOOL,
             visible=rules.is_school, needs_organisation=True, also_under=("/internships/internships/",)),
    NavEntry(_("实习分组"), "internships:school_groups", "diagram-3", rules.SCHOOL, visible=rules.is_school,
             needs_organisation=True),
    NavEntry(_("实习统计"), "internships:school_statistics", "bar-chart", rules.SCHOOL, visible=rules.is_school,
             needs_organisation=True),
    NavEntry(_("实习分组管理"), "internships:host_groups", "diagram-3", rules.HOST, visible=rules.is_host,
             needs_organisation=True),
    NavEntry(_("辖区实习"), "internships:supervision", "binoculars", rules.REVIEW,
             visible=rules.is_education_reviewer),
    NavEntry(_("辖区实习统计"), "internships:supervision_statistics", "bar-chart-line", rules.REVIEW,
             visible=rules.is_education_reviewer),

    # --- insurance, arrival, evaluation --------------------------------------------------------------------
    NavEntry(_("实习保险"), "internships:insurance", "shield-check", needs_organisation=True,
             visible=lambda user: (rules.is_host(user) and user.has_perm(rules.HOST))
             or (rules.is_school(user) and user.has_perm(rules.SCHOOL)) or rules.is_education_reviewer(user)),
    NavEntry(_("实习到岗"), "internships:arrivals", "person-check", rules.HOST, needs_organisation=True,
             visible=rules.is_host),
    NavEntry(_("实习评价"), "internships:evaluations", "star",
             visible=lambda user: (rules.is_host(user) and user.has_perm(rules.HOST))
             or (rules.is_school(user) and user.has_perm(rules.SCHOOL)) or rules.is_education_reviewer(user)
             or getattr(user, "internship_student", None) is not None),
    NavEntry(_("实习专用险承保机构"), "internships:insurers", "building-check",
             visible=lambda user: (rules.is_host(user) and user.has_perm(rules.HOST))
             or (rules.is_school(user) and user.has_perm(rules.SCHOOL)) or rules.is_education(user)),

    # --- complaints and appeals ----------------------------------------------------------------------------
    NavEntry(_("我的实习投诉"), "internships:student_complaints", "megaphone",
             visible=lambda user: student_of(user) is not None),
    NavEntry(_("实习投诉管理"), "internships:enterprise_complaints", "megaphone", rules.HOST,
             visible=rules.is_host, needs_organisation=True, also_under=("/internships/appeals/",)),
    NavEntry(_("实习投诉处理"), "internships:school_complaints", "megaphone", rules.SCHOOL,
             visible=rules.is_school, needs_organisation=True),
    NavEntry(_("申诉处理"), "internships:school_appeals", "chat-left-text", rules.SCHOOL,
             visible=rules.is_school, needs_organisation=True),
    NavEntry(_("辖区实习投诉"), "internships:education_complaints", "megaphone",
             visible=lambda user: rules.is_education(user)
             and (user.has_perm(rules.REVIEW) or user.has_perm(rules.BLACKLIST)), needs_organisation=True),
]


def register_navigation() -> None:
    register_programme(PROGRAMME, GROUP, icon="mortarboard")
    for entry in ENTRIES:
        add_programme_entry(PROGRAMME, entry)
