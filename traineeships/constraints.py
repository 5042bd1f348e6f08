"""The programme's database constraints that a user can run into, with the message the form shows
(core.constraints). Registered from TraineeshipsConfig.ready()."""

from django.utils.translation import gettext_lazy as _

PARAMETER_OVERLAP = "tr_param_no_overlap"  # PostgreSQL only: migration 0004


def register_constraints() -> None:
    from core.constraints import register_constraint
    from traineeships.models import Application, GraduateRecord, Placement, RegionParameter
    from traineeships.services.placements import ALREADY_MESSAGE, LIFETIME_MESSAGE

    register_constraint(GraduateRecord, "tr_graduate_id_number_unique", _("信息库中已有该身份证号的记录"),
                        form_field="id_number", code="duplicate")
    register_constraint(RegionParameter, PARAMETER_OVERLAP, _("该地区在此期间已有参数设置，期间不能重叠"),
                        form_field="valid_from", code="overlap")
    register_constraint(RegionParameter, "tr_param_region_start_unique",
                        _("该地区在此期间已有参数设置，期间不能重叠"), form_field="valid_from", code="overlap")
    register_constraint(Application, "tr_one_pending_application_per_person",
                        _("您已有一个待审核的报名，每人同一时间只能报名一个岗位；如需改报，请先撤销原报名"),
                        code="one_pending")
    # A registration of an application already registered: asked before the person's one traineeship, since
    # a second registration of the same application would run into both (services.placements).
    register_constraint(Placement, "application", _(ALREADY_MESSAGE), code="already_onboarded")
    register_constraint(Placement, "tr_one_traineeship_per_person", _(LIFETIME_MESSAGE), code="lifetime")
