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
    requester = ce.professional(username="pro_join", real_name="钱专技", unit=enterprise_a, linked=False)
    world["staff_request"] = Thing(requester.staff_links.get().pk, admin_a)  # 待审核 at enterprise A
    world["staff_linked"] = Thing(pro_a.staff_links.get().pk, admin_a)  # 王专技, 在职 at enterprise A
    world["unit"] = Thing(enterprise_a.pk, admin_a)  # 用人单位 (a department's page; its own admin gets 403)

    # --- catalogue -------------------------------------------------------------------------------------------

    # --- classes ---------------------------------------------------------------------------------------------

    # --- hours -----------------------------------------------------------------------------------------------

    # --- archive ---------------------------------------------------------------------------------------------

    return world
