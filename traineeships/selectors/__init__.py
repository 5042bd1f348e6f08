"""Scoped reads of the traineeship programme (architecture: selectors with get_<x>_for_user). Another
organisation's record answers 404; a government department sees what lies in its region (its jurisdiction);
an individual sees their own.

- programme: HR departments, bases, posts, the public page, region parameters;
- placements: 录用上岗登记 and departures;
- applications: an individual's applications and the unit's 报名审核;
- register: the graduate register;
- profiles: the unit's and the trainee's profiles HR opens from a placement.

Everything is importable from `traineeships.selectors` itself.
"""

from traineeships.rules import hr_department
from traineeships.selectors.applications import (
    applications_for_person,
    applications_for_unit,
    get_own_application,
    get_unit_application,
    history_of,
    interested_post_ids,
    placement_of,
    placements_by_application,
    places_promised,
    places_taken,
    profile_of,
    waiting_for_onboarding,
)
from traineeships.selectors.placements import (
    approved_applications_for_unit,
    can_see_placement,
    filter_placements,
    get_departure_for_user,
    get_onboardable_application,
    get_placement_for_user,
    get_unit_departure,
    get_unit_placement,
    imported_placements_for_unit,
    placement_of_person,
    placements_for_unit,
    refusal_of,
    scan_replaced_since,
)
from traineeships.selectors.profiles import (
    get_trainee_for_user,
    get_unit_profile_for_user,
    may_open_profiles,
    unit_figures,
)
from traineeships.selectors.programme import (
    PUBLISHING_TABS,
    bases_for_government,
    filed_bases_for_province,
    filter_bases,
    filter_filed_bases,
    filter_public_posts,
    filter_publishing,
    get_base_for_user,
    get_own_base,
    get_parameter_for_user,
    get_post_for_user,
    get_public_post,
    get_unit_post,
    is_hr_of_level,
    latest_reviews_for_posts,
    parameter_for,
    parameter_regions_for_user,
    parameters_for_user,
    people_for_post,
    posts_for_unit,
    public_posts,
    publishable_posts_for_city,
    publishing_tab,
    reviewed_posts_for_unit,
)
from traineeships.selectors.register import (
    PERMISSION as REGISTER_PERMISSION,
)
from traineeships.selectors.register import (
    filter_graduates,
    get_graduate_for_user,
    graduates_for_user,
    may_maintain_register,
    register_department,
)

__all__ = [
    "PUBLISHING_TABS",
    "REGISTER_PERMISSION",
    "applications_for_person",
    "applications_for_unit",
    "approved_applications_for_unit",
    "bases_for_government",
    "can_see_placement",
    "filed_bases_for_province",
    "filter_bases",
    "filter_filed_bases",
    "filter_graduates",
    "filter_placements",
    "filter_public_posts",
    "filter_publishing",
    "get_base_for_user",
    "get_departure_for_user",
    "get_graduate_for_user",
    "get_onboardable_application",
    "get_own_application",
    "get_own_base",
    "get_parameter_for_user",
    "get_placement_for_user",
    "get_post_for_user",
    "get_public_post",
    "get_trainee_for_user",
    "get_unit_application",
    "get_unit_departure",
    "get_unit_placement",
    "get_unit_post",
    "get_unit_profile_for_user",
    "graduates_for_user",
    "history_of",
    "hr_department",
    "imported_placements_for_unit",
    "interested_post_ids",
    "is_hr_of_level",
    "latest_reviews_for_posts",
    "may_maintain_register",
    "may_open_profiles",
    "parameter_for",
    "parameter_regions_for_user",
    "parameters_for_user",
    "people_for_post",
    "placement_of",
    "placements_by_application",
    "placement_of_person",
    "placements_for_unit",
    "places_promised",
    "places_taken",
    "posts_for_unit",
    "profile_of",
    "public_posts",
    "publishable_posts_for_city",
    "publishing_tab",
    "refusal_of",
    "register_department",
    "reviewed_posts_for_unit",
    "scan_replaced_since",
    "unit_figures",
    "waiting_for_onboarding",
]
