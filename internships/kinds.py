"""The programme's review kinds (reviews.registry) and their review materials (reviews.materials):
enterprise admission without a registry match, position review where the region requires it, blacklisting,
complaint handling and appeals. Registered by internships.registration."""


def register_kinds() -> None:
    # --- entry: admission without a registry match; blacklisting -------------------------------------------
    pass
    from internships.services import blacklist as blacklist_services
    from internships.services import enterprises as enterprise_services
    from internships.views.blacklist import blacklist_materials
    from internships.views.entry import admission_materials
    from reviews.materials import register_materials
    from reviews.registry import register

    for kind, materials in ((enterprise_services.ADMISSION_REVIEW, admission_materials),
                            (blacklist_services.BLACKLIST_REVIEW, blacklist_materials)):
        register(kind)
        register_materials(kind.key, materials)

    # --- positions: review where the region requires it ----------------------------------------------------
    # Decided by the county education department of the position's work region; the reviewer reads the
    # position and its compliance checklist (internships.compliance) beside the decision.
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from internships.compliance import from_snapshot
    from internships.rules import REVIEW
    from internships.services import positions as position_services
    from organisations.models import Authority
    from regions.models import RegionLevel
    from reviews.materials import register_materials
    from reviews.registry import ReviewKind, government_chain, register

    register(ReviewKind(
        key=position_services.POSITION_KIND,
        label=_("实习岗位审核"),
        build_chain=lambda position: government_chain(position.work_region, [RegionLevel.COUNTY],
                                                      authority=Authority.EDUCATION),
        submitter_org=lambda position: position.enterprise,
        region=lambda position: position.work_region,
        title=lambda position: _("实习岗位：%(unit)s·%(title)s（%(places)s人）") % {
            "unit": position.enterprise.name, "title": position.title, "places": position.places},
        subject_url=lambda position: reverse("internships:position_detail", args=[position.pk]),
        status_map=position_services.POSITION_STATUS_MAP,
        can_submit=position_services.may_submit_position,
        resubmit_after_approval=True,  # an edited or closed position is reviewed again before it is republished
        decide_permission=REVIEW,
    ))
    register_materials(position_services.POSITION_KIND, lambda position, user: (
        "internships/positions/review_materials.html",
        {"position": position, "checks": from_snapshot(position.compliance)}))

    # --- complaints and appeals ----------------------------------------------------------------------------
