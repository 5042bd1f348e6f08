"""The programme's menu section (core.navigation) and who sees each entry, in menu order."""


from django.utils.translation import gettext_lazy as _

from apprenticeships import rules  # noqa: F401  (used by the sections below)
from apprenticeships.rules import GROUP, PROGRAMME
from core.navigation import NavEntry, add_programme_entry, register_programme

ENTRIES = [
    # --- filing: 申请备案, 办理结果 -----------------------------------------------------------------------------

    # --- people: 单位培训人员查询 ------------------------------------------------------------------------------

    # --- changes: 备案变更申请 ---------------------------------------------------------------------------------

    # --- tracking: 培训情况跟踪, 培训场地维护, institution's filings and attendance ---------------------------------

    # --- claims: 补贴申领, 补贴办理结果 --------------------------------------------------------------------------
    NavEntry(_("补贴申领"), "apprenticeships:claim_new", "cash-coin", rules.CLAIM, visible=rules.may_claim,
             needs_organisation=True),
    NavEntry(_("补贴办理结果"), "apprenticeships:claims", "receipt", rules.CLAIM, visible=rules.may_claim,
             needs_organisation=True),

    # --- hr: filings of the region, recognitions, parameters, statistics --------------------------------------
]


def register_navigation() -> None:
    register_programme(PROGRAMME, GROUP, icon="tools")
    for entry in ENTRIES:
        add_programme_entry(PROGRAMME, entry)
