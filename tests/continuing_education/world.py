"""The objects of the programme's access matrix (tests/continuing_education/test_access_matrix.py): one of each
kind a URL can name, each with the user who owns it. Enterprise A (金水区) is the unit; 王专技 (pro_a) is on its
roster; the supervised unit (郑州市电子信息研究院) names 郑州市工信局 its 主管部门."""

from dataclasses import dataclass

from tests.continuing_education import factories as ce  # noqa: F401  (used by the sections below)


@dataclass
class Thing:
    pk: object
    owner: object  # the user for whom the object is theirs (the "owner" persona of its rows)


def build_world(*, enterprise_a, admin_a, pro_a, supervised_unit, supervised_admin):
    world = {}
    # --- units -----------------------------------------------------------------------------------------------

    # --- catalogue -------------------------------------------------------------------------------------------

    # --- classes ---------------------------------------------------------------------------------------------
    from django.utils import timezone

    from continuing_education.models import ClassStatus

    today = timezone.localdate()
    world["class_draft"] = Thing(ce.training_class(enterprise_a, by=admin_a, name="矩阵草稿培训班").pk, admin_a)
    world["class_approved"] = Thing(ce.training_class(
        enterprise_a, by=admin_a, name="矩阵已通过培训班", status=ClassStatus.APPROVED, starts_on=today,
        ends_on=today, year=today.year).pk, admin_a)

    # --- hours -----------------------------------------------------------------------------------------------

    # --- archive ---------------------------------------------------------------------------------------------

    return world
