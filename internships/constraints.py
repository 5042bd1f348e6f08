"""The programme's database constraints that a user can run into, with the message the form shows
(core.constraints). Registered from InternshipsConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from core.constraints import register_constraint
from internships.models import (
    Application,
    BlacklistEntry,
    Complaint,
    Coverage,
    Evaluation,
    Internship,
    InternshipGroup,
    Policy,
    Position,
    SchoolRecommendation,
    Student,
)

COVERAGE_OVERLAP = "in_coverage_no_overlap"  # PostgreSQL only: migration 0002


def register_constraints() -> None:
    register_constraint(Student, "in_student_once", _("该身份证号的学生已在学生名册中（每名学生只能属于一所学校）"),
                        form_field="id_number", code="duplicate")
    register_constraint(Application, "in_application_slot_unique",
                        _("您同时最多可以选择 5 个实习岗位，请等待企业确认或先撤回一个申请"), code="too_many_choices")
    register_constraint(Application, "in_application_slot_when_open",
                        _("您同时最多可以选择 5 个实习岗位，请等待企业确认或先撤回一个申请"), code="too_many_choices")
    register_constraint(Application, "in_application_once_per_position", _("您已申请过该岗位"),
                        code="already_applied")
    register_constraint(Internship, "in_one_active_internship",
                        _("该学生已与其他企业签约，同一时间只能有一个实习"), code="already_signed")
    register_constraint(Internship, "application", _("该申请已签约"), code="already_signed")
    register_constraint(Position, "in_position_places_not_exceeded", _("该岗位的实习人数已满"), code="full")
    register_constraint(Coverage, COVERAGE_OVERLAP, _("该学生在此期间已有实习责任保险保单，保险期间不能重叠"),
                        code="coverage_overlap")
    register_constraint(Coverage, "in_coverage_once_per_policy", _("该学生已在此保单中"), code="duplicate")

    # --- sections add their constraints below ---------------------------------------------------------------
    # entry: a school recommends an enterprise once; one open blacklisting per enterprise
    register_constraint(SchoolRecommendation, "in_recommend_once", _("本校已推荐过该企业"), form_field="credit_code",
                        code="duplicate")
    register_constraint(BlacklistEntry, "in_one_open_blacklisting",
                        _("该企业已有待审核或已生效的黑名单记录，不能重复提出"), code="duplicate")

    # --- school: groups -------------------------------------------------------------------------------------
    register_constraint(InternshipGroup, "in_group_name_unique", _("本校在该企业已有同名的实习分组"),
                        form_field="name", code="duplicate")
    # insurance, arrival, evaluation
    register_constraint(Policy, "in_policy_number_unique", _("该保险公司的此保单号已备案"),
                        form_field="policy_number", code="duplicate")
    register_constraint(Evaluation, "in_one_final_evaluation", _("实习总结评价只能提交一次"), form_field="stage",
                        code="duplicate")

    register_constraint(Complaint, "in_complaint_conclusion_has_reason", _("作出处理结论时必须填写处理意见"),
                        form_field="conclusion", code="conclusion_reason")
