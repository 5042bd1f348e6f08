"""The units section's menu entries (listed in registration/navigation.py): 加入单位 for a person, 待审核的专技人员
for the unit's administrator (or a sub-administrator holding 人员信息), 用人单位 for the departments."""

from django.utils.translation import gettext_lazy as _

from continuing_education import rules
from continuing_education.selectors.units import may_see_units
from core.navigation import NavEntry
from organisations.staff_links import may_join

ENTRIES = [
    NavEntry(_("加入单位"), "continuing_education:join", "person-plus", visible=may_join),
    NavEntry(_("待审核的专技人员"), "continuing_education:staff_requests", "person-check", rules.STAFF,
             needs_organisation=True, visible=rules.is_unit),
    NavEntry(_("用人单位"), "continuing_education:units", "buildings", visible=may_see_units),
]
