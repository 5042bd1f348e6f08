"""The programme's review kinds (reviews.registry) and their review materials (reviews.materials):
enterprise admission without a registry match, position review where the region requires it, blacklisting,
complaint handling and appeals. Registered by internships.registration."""

from django.urls import reverse
from django.utils.translation import gettext as _

from internships.compliance import from_snapshot
from internships.rules import HOST, REVIEW, SCHOOL
from internships.services import appeals as appeal_services
from internships.services import blacklist as blacklist_services
from internships.services import complaints as complaint_services
from internships.services import enterprises as enterprise_services
from internships.services import positions as position_services
from internships.views.blacklist import blacklist_materials
from internships.views.entry import admission_materials
from organisations.models import Authority
from regions.models import RegionLevel
from reviews.materials import register_materials
from reviews.models import ReviewerLevel
from reviews.registry import ReviewKind, StepSpec, government_chain, register


def register_kinds() -> None:
    # --- entry: admission without a registry match; blacklisting -------------------------------------------
    for kind, materials in ((enterprise_services.ADMISSION_REVIEW, admission_materials),
                            (blacklist_services.BLACKLIST_REVIEW, blacklist_materials)):
        register(kind)
        register_materials(kind.key, materials)

    # --- positions: review where the region requires it ----------------------------------------------------
    # Decided by the county education department of the position's work region; the reviewer reads the
    # position and its compliance checklist (internships.compliance) beside the decision.
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
    # 实习投诉: filed by the student, decided by the student's school (approve = 投诉情况属实, reject = 不属实);
    # 申诉: filed by the enterprise, decided by the school whose conclusions it contests (approve = 申诉成立).
    def school_step(subject):
        return [StepSpec(level=ReviewerLevel.UNIT, reviewer_org=subject.school)]

    register(ReviewKind(
        key=complaint_services.COMPLAINT_KIND,
        label=_("实习投诉处理"),
        build_chain=school_step,
        submitter_org=lambda complaint: None,
        region=lambda complaint: complaint.school.region,
        title=lambda complaint: _("实习投诉：%(student)s投诉%(enterprise)s（%(categories)s）") % {
            "student": complaint.student.name, "enterprise": complaint.enterprise.name,
            "categories": "，".join(complaint.category_labels())},
        subject_url=lambda complaint: reverse("internships:complaint_detail", args=[complaint.pk]),
        status_map=complaint_services.COMPLAINT_STATUS_MAP,
        on_status=complaint_services.on_complaint_status,
        can_submit=lambda actor, complaint: complaint.student.person_id is not None
        and complaint.student.person_id == actor.pk,
        decide_permission=SCHOOL,
        submitted_by_people=True,
    ))
    register_materials(complaint_services.COMPLAINT_KIND, lambda complaint, user: (
        "internships/complaints/_materials_complaint.html", {"complaint": complaint}))
    register(ReviewKind(
        key=appeal_services.APPEAL_KIND,
        label=_("实习投诉申诉"),
        build_chain=school_step,
        submitter_org=lambda appeal: appeal.enterprise,
        region=lambda appeal: appeal.school.region,
        title=lambda appeal: _("申诉：%(enterprise)s对%(count)s条投诉处理结果的申诉") % {
            "enterprise": appeal.enterprise.name, "count": appeal.complaints.count()},
        subject_url=lambda appeal: reverse("internships:appeal_detail", args=[appeal.pk]),
        status_map=appeal_services.APPEAL_STATUS_MAP,
        on_status=appeal_services.on_appeal_status,
        can_submit=lambda actor, appeal: actor.has_perm(HOST),
        # An upheld appeal has reopened the complaints: its decision is not taken back.
        revocable_after_final=False,
        decide_permission=SCHOOL,
    ))
    register_materials(appeal_services.APPEAL_KIND, lambda appeal, user: (
        "internships/complaints/_materials_appeal.html", {"appeal": appeal,
                                                          "complaints": appeal.complaints.order_by("pk")}))
