"""The programme's menu section (core.navigation) and who sees each entry, in menu order."""

from django.utils.translation import gettext_lazy as _

from apprenticeships import rules
from apprenticeships.rules import GROUP, PROGRAMME
from apprenticeships.selectors.hr import may_manage_parameters, may_see_recognitions
from apprenticeships.selectors.tracking import may_track
from core.navigation import NavEntry, add_programme_entry, register_programme

ENTRIES = [
    # --- filing: 申请备案, 办理结果 -----------------------------------------------------------------------------
    NavEntry(label=_("申请备案"), url_name="apprenticeships:filing_new", icon="file-earmark-plus",
             visible=rules.may_file, needs_organisation=True),
    NavEntry(label=_("备案办理结果"), url_name="apprenticeships:filings", icon="card-checklist",
             visible=rules.may_file, needs_organisation=True),

    # --- people: 单位培训人员查询 ------------------------------------------------------------------------------
    NavEntry(_("单位培训人员查询"), "apprenticeships:trainees", "people", rules.FILE, visible=rules.may_file,
             needs_organisation=True),

    # --- changes: 备案变更申请 ---------------------------------------------------------------------------------
    NavEntry(_("备案变更申请"), "apprenticeships:changes", "pencil-square", rules.FILE, visible=rules.may_file,
             needs_organisation=True, also_under=("/apprenticeships/changes/",)),

    # --- tracking: 培训情况跟踪, 培训场地维护, institution's filings and attendance ---------------------------------
    NavEntry(_("培训情况跟踪"), "apprenticeships:tracking", "clipboard-data", visible=may_track,
             needs_organisation=True, also_under=("/apprenticeships/tracking/",)),
    NavEntry(_("培训场地维护"), "apprenticeships:venues", "geo-alt", rules.FILE, visible=rules.is_enterprise,
             needs_organisation=True, also_under=("/apprenticeships/venues/",)),
    NavEntry(_("学徒制培训班（培训机构）"), "apprenticeships:institution_filings", "mortarboard", rules.ATTENDANCE,
             visible=rules.may_record_attendance, needs_organisation=True,
             also_under=("/apprenticeships/institution/", "/apprenticeships/attendance/")),

    # --- claims: 补贴申领, 补贴办理结果 --------------------------------------------------------------------------
    NavEntry(_("补贴申领"), "apprenticeships:claim_new", "cash-coin", rules.CLAIM, visible=rules.may_claim,
             needs_organisation=True),
    NavEntry(_("补贴办理结果"), "apprenticeships:claims", "receipt", rules.CLAIM, visible=rules.may_claim,
             needs_organisation=True),

    # --- hr: filings of the region, recognitions, parameters, statistics --------------------------------------
    NavEntry(_("辖区学徒制备案"), "apprenticeships:hr_filings", "archive", rules.REVIEW,
             visible=rules.is_hr_reviewer, also_under=("/apprenticeships/hr/filings/",)),
    NavEntry(_("学徒制统计"), "apprenticeships:statistics", "bar-chart", rules.REVIEW,
             visible=rules.is_hr_reviewer),
    NavEntry(_("生态链企业认定"), "apprenticeships:recognitions", "diagram-3", rules.RECOGNITION,
             visible=may_see_recognitions, also_under=("/apprenticeships/hr/recognitions/",)),
    NavEntry(_("学徒制参数"), "apprenticeships:parameters", "sliders", rules.MANAGE_PARAMETERS,
             visible=may_manage_parameters, also_under=("/apprenticeships/hr/parameters/",)),
]


def register_navigation() -> None:
    register_programme(PROGRAMME, GROUP, icon="tools")
    for entry in ENTRIES:
        add_programme_entry(PROGRAMME, entry)
