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
    catalogue_teacher = ce.teacher(enterprise_a, name="世界教师")
    world["course"] = Thing(ce.course(enterprise_a, name="世界课程", teachers=[catalogue_teacher]).pk, admin_a)
    world["teacher"] = Thing(catalogue_teacher.pk, admin_a)
    world["site"] = Thing(ce.site(enterprise_a, name="世界培训点").pk, admin_a)
    world["platform"] = Thing(ce.platform(enterprise_a, name="世界学习网").pk, admin_a)

    # --- classes ---------------------------------------------------------------------------------------------
    from django.utils import timezone

    from continuing_education.models import ClassStatus

    today = timezone.localdate()
    world["class_draft"] = Thing(ce.training_class(enterprise_a, by=admin_a, name="矩阵草稿培训班").pk, admin_a)
    world["class_approved"] = Thing(ce.training_class(
        enterprise_a, by=admin_a, name="矩阵已通过培训班", status=ClassStatus.APPROVED, starts_on=today,
        ends_on=today, year=today.year).pk, admin_a)

    # --- hours -----------------------------------------------------------------------------------------------
    # 王专技's own draft declaration (the person owns it; the unit and its departments see it).
    world["declaration"] = Thing(ce.declaration(pro_a.staff_links.get(), by=pro_a).pk, pro_a)

    # --- archive ---------------------------------------------------------------------------------------------
    # 王专技's year (credited by enterprise A); the national floor of Henan, kept by the provincial HR department.
    from continuing_education.models import ArchiveYear, HoursRule
    from organisations.models import Authority
    from regions.models import RegionLevel
    from tests import factories
    from tests.continuing_education import factories_archive

    staff = pro_a.staff_links.get()
    factories_archive.credit_hours(staff, by=admin_a, public=30, professional=60)
    world["archive_year"] = Thing(ArchiveYear.objects.get(id_number=staff.id_number).pk, admin_a)
    province = factories.GovernmentFactory(name="河南省人力资源和社会保障厅", gov_level=RegionLevel.PROVINCE,
                                           authority=Authority.HUMAN_RESOURCES, region=factories.region("410000"))
    keeper = factories.org_admin(province, username="province_world", real_name="省级管理员")
    world["hours_rule"] = Thing(HoursRule.objects.get(region_id="410000", year=ce.this_year()).pk, keeper)

    # --- correction ------------------------------------------------------------------------------------------
    # An approved class of enterprise A whose results are reported (培训成果更正申请 opens for it).
    from continuing_education.models import ResultsStatus, TrainingClass

    reported = ce.training_class(enterprise_a, by=admin_a, name="矩阵已上报培训班", status=ClassStatus.APPROVED,
                                 starts_on=today, ends_on=today, year=today.year)
    TrainingClass.objects.filter(pk=reported.pk).update(results_status=ResultsStatus.REPORTED)
    ce.participant(reported, member=staff, hours=1)
    world["class_reported"] = Thing(reported.pk, admin_a)

    return world
