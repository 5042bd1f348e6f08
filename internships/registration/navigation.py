"""The programme's menu section (core.navigation) and who sees each entry, in menu order."""

from django.utils.translation import gettext_lazy as _  # noqa: F401  (used by the sections below)

from core.navigation import NavEntry, add_programme_entry, register_programme  # noqa: F401
from internships import rules  # noqa: F401
from internships.rules import GROUP, PROGRAMME

ENTRIES = [
    # --- entry, pool, registry, blacklist, settings ---------------------------------------------------------

    # --- positions -----------------------------------------------------------------------------------------
    NavEntry(_("岗位管理"), "internships:positions", "briefcase", rules.HOST, visible=rules.is_host,
             needs_organisation=True),

    # --- students, applications, signing -------------------------------------------------------------------

    # --- school: agreements, groups, overview, statistics; education: internships ---------------------------

    # --- insurance, arrival, evaluation --------------------------------------------------------------------

    # --- complaints and appeals ----------------------------------------------------------------------------
]


def register_navigation() -> None:
    register_programme(PROGRAMME, GROUP, icon="mortarboard")
    for entry in ENTRIES:
        add_programme_entry(PROGRAMME, entry)
