"""The entry area: the registry records import and list, the admission check (match, refusal, manual review
through the engine), the enterprise's own page and staff numbers, the school's recommendations (new and
existing enterprises), the school's pool and its export, the regional settings; and who may not."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from batch.models import BatchJob, JobStatus
from internships.models import (
    AdmissionStatus,
    EnterpriseProfile,
    RegionSetting,
    RegistryRecord,
    RegistryStanding,
    SchoolRecommendation,
)
from internships.registry_check import RegistryAnswer, Verdict
from internships.selectors.settings import setting_for_region
from organisations.models import Authority, Organisation, Origin
from regions.models import RegionLevel
from reviews import services as review_services
from reviews.models import Review, ReviewStatus
from tests import factories
from tests.batch.helpers import read_rows, response_bytes, upload, xlsx_bytes
from tests.internships import factories as f

REGISTRY_HEADERS = ["统一社会信用代码", "企业名称", "法定代表人", "登记状态", "成立日期", "经营范围"]


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


@pytest.fixture
def county_education(db):
    return factories.GovernmentFactory(name="金水区教育局", gov_level=RegionLevel.COUNTY,
                                       authority=Authority.EDUCATION, region=factories.region("410105"))


@pytest.fixture
def county_education_reviewer(county_education):
    return factories.org_admin(county_education, username="edu_jinshui", real_name="金水区教育局管理员")


def registry_record(organisation, **overrides):
    fields = {"credit_code": organisation.credit_code, "name": organisation.name,
              "legal_representative": organisation.legal_representative, "standing": RegistryStanding.ACTIVE}
    fields.update(overrides)
    return RegistryRecord.objects.create(**fields)


def profile_of(organisation):
    return EnterpriseProfile.objects.get(organisation=organisation)


def apply(client, user):
    client.force_login(user)
    return client.post(reverse("internships:enterprise_apply"), follow=True)


# ---------------------------------------------------------------- registry records


@pytest.mark.django_db
def test_registry_import_upserts_good_rows_and_reports_bad_ones(client, run_on_commit, education_reviewer,
                                                                  education_bureau):
    known = registry_record(factories.OrganisationFactory(), legal_representative="旧法人")
    good = factories.make_credit_code()
    rows = [
        [good, "郑州新企业有限公司", "张三", "存续（在业）", datetime.date(2015, 3, 1), "机械制造"],
        [known.credit_code, known.name, "新法人", "吊销", "", ""],  # an update by credit code
        ["91410105ABCDEFGHIJ", "坏代码公司", "李四", "存续（在业）", "", ""],  # not a credit code
        [factories.make_credit_code(), "", "王五", "存续（在业）", "", ""],  # no name
        [factories.make_credit_code(), "状态不明公司", "赵六", "休眠", "", ""],  # not a standing
    ]
    client.force_login(education_reviewer)
    url = reverse("batch:import", args=["internship_registry"])
    response = run_on_commit(lambda: client.post(url, {"file": upload(xlsx_bytes(rows, headers=REGISTRY_HEADERS))}))
    assert response.status_code == 302
    job = BatchJob.objects.get(kind="import")
    assert (job.status, job.organisation) == (JobStatus.PARTLY_FAILED, education_bureau)
    assert (job.created_rows, job.updated_rows, job.failed_rows) == (1, 1, 3)
    errors = dict(job.row_errors.values_list("row_number", "message"))
    assert set(errors) == {4, 5, 6}
    assert errors[5] == "企业名称：请填写企业名称"
    created = RegistryRecord.objects.get(credit_code=good)
    assert (created.name, created.legal_representative, created.standing, created.registered_on, created.import_job) \
        == ("郑州新企业有限公司", "张三", RegistryStanding.ACTIVE, datetime.date(2015, 3, 1), job)
    known.refresh_from_db()
    assert (known.legal_representative, known.standing, known.import_job) == ("新法人", RegistryStanding.REVOKED, job)


@pytest.mark.django_db
def test_registry_list_search_malformed_filter_and_export(client, education_reviewer,
                                                          django_capture_on_commit_callbacks):
    first = registry_record(factories.OrganisationFactory(name="郑州甲机械有限公司"))
    registry_record(factories.OrganisationFactory(name="洛阳乙化工有限公司"), standing=RegistryStanding.CANCELLED)
    client.force_login(education_reviewer)
    page = client.get(reverse("internships:registry"), {"q": "甲机械"}).content.decode()
    assert first.credit_code in page and "洛阳乙化工" not in page
    page = client.get(reverse("internships:registry"), {"standing": "nonsense"})
    assert page.status_code == 200 and "请选择列表中的登记状态" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("batch:export", args=["internship_registry"]) + "?standing=cancelled")
    job = BatchJob.objects.get(kind="export")
    assert response.status_code == 302 and job.status == JobStatus.SUCCEEDED, job.error
    rows = read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))
    assert [row[1] for row in rows[1:]] == ["洛阳乙化工有限公司"]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["school_admin", "county_reviewer_a", "admin_a", "outsider"])
def test_registry_is_the_education_departments(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("internships:registry")).status_code == 403
    assert client.get(reverse("batch:import", args=["internship_registry"])).status_code == 403


# ---------------------------------------------------------------- admission


@pytest.mark.django_db
def test_a_matching_registry_record_admits_the_enterprise(client, enterprise_a, admin_a, school, school_admin):
    record = registry_record(enterprise_a, name=enterprise_a.name.replace("有限公司", " 有限公司"))
    client.force_login(admin_a)
    page = client.get(reverse("internships:enterprise"))
    assert "申请进入实习企业库" in page.content.decode()
    response = apply(client, admin_a)
    profile = profile_of(enterprise_a)
    assert (profile.admission_status, profile.registry_record) == (AdmissionStatus.ADMITTED, record)
    assert profile.admission_checked_at is not None
    assert "入库核查结果：已入库" in response.content.decode()
    assert not Review.objects.exists()
    assert Organisation.objects.filter(pk=enterprise_a.pk).filter(
        pk__in=[item.pk for item in services_pool(school)]).exists()
    # Once admitted there is nothing to apply for.
    assert "申请进入实习企业库" not in client.get(reverse("internships:enterprise")).content.decode()
    assert "企业已在实习企业库中" in apply(client, admin_a).content.decode()


def services_pool(school):
    from internships.selectors.enterprises import pool_for_school

    return list(pool_for_school(school))


@pytest.mark.django_db
def test_a_struck_off_enterprise_is_refused_with_the_reason(client, enterprise_a, admin_a):
    registry_record(enterprise_a, standing=RegistryStanding.REVOKED)
    apply(client, admin_a)
    profile = profile_of(enterprise_a)
    assert profile.admission_status == AdmissionStatus.REFUSED
    assert profile.admission_note == "企业登记状态为“吊销”，不能进入实习企业库"
    # The register corrected: a new application is checked again.
    RegistryRecord.objects.filter(credit_code=enterprise_a.credit_code).update(standing=RegistryStanding.ACTIVE)
    apply(client, admin_a)
    assert profile_of(enterprise_a).admission_status == AdmissionStatus.ADMITTED


@pytest.mark.django_db
def test_a_mismatch_goes_to_the_county_education_department(client, enterprise_a, admin_a, county_education,
                                                             county_education_reviewer, education_reviewer):
    registry_record(enterprise_a, legal_representative="李明")
    apply(client, admin_a)
    profile = profile_of(enterprise_a)
    assert profile.admission_status == AdmissionStatus.MANUAL
    assert "法定代表人（登记为“李明”）" in profile.admission_note
    review = Review.objects.get(kind="internship_admission")
    assert [(step.level, step.region_id, step.authority) for step in review.steps.all()] == [
        ("county", "410105", Authority.EDUCATION)]
    # The materials compare the enterprise with the register.
    client.force_login(county_education_reviewer)
    page = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert "企业登记信息比对" in page and "李明" in page and "不一致" in page
    # The city department is not the reviewer of this kind's step.
    with pytest.raises(PermissionDenied):
        review_services.decide(review_id=review.pk, actor=education_reviewer, decision="approve")
    review_services.decide(review_id=review.pk, actor=county_education_reviewer, decision="approve")
    assert profile_of(enterprise_a).admission_status == AdmissionStatus.ADMITTED


@pytest.mark.django_db
def test_no_record_manual_review_rejected_then_applied_again(client, enterprise_a, admin_a, county_education,
                                                              county_education_reviewer):
    apply(client, admin_a)
    profile = profile_of(enterprise_a)
    assert (profile.admission_status, profile.registry_record) == (AdmissionStatus.MANUAL, None)
    assert "入库申请正在教育部门人工审核中" in apply(client, admin_a).content.decode()
    review = Review.objects.get(kind="internship_admission")
    review_services.decide(review_id=review.pk, actor=county_education_reviewer, decision="reject",
                           reason="无法核实经营情况")
    assert profile_of(enterprise_a).admission_status == AdmissionStatus.REFUSED
    apply(client, admin_a)
    assert profile_of(enterprise_a).admission_status == AdmissionStatus.MANUAL
    assert Review.objects.filter(kind="internship_admission", status=ReviewStatus.PENDING).count() == 1


@pytest.mark.django_db
def test_without_a_county_education_department_the_application_is_refused_whole(client, enterprise_a, admin_a):
    response = apply(client, admin_a)
    assert "金水区尚无区县审核部门入驻平台，暂无法提交" in response.content.decode()
    assert not EnterpriseProfile.objects.exists()  # nothing half-saved
    assert not Review.objects.exists()


@pytest.mark.django_db
def test_the_check_is_pluggable(client, enterprise_a, admin_a, settings):
    settings.PRAXIS_INTERNSHIP_REGISTRY_CHECK = "tests.internships.test_entry.always_refuse"
    apply(client, admin_a)
    assert (profile_of(enterprise_a).admission_status, profile_of(enterprise_a).admission_note) == (
        AdmissionStatus.REFUSED, "外部接口：已注销")


def always_refuse(organisation):
    return RegistryAnswer(None, Verdict.REFUSED, "外部接口：已注销")


@pytest.mark.django_db
def test_a_school_recommended_enterprise_does_not_apply(client, school_admin, password):
    unit = factories.OrganisationFactory(origin=Origin.PRE_REGISTERED)
    admin = factories.org_admin(unit, username="pre_admin")
    client.force_login(admin)
    page = client.get(reverse("internships:enterprise")).content.decode()
    assert "申请进入实习企业库" not in page and "贵单位由学校推荐录入" in page
    assert "学校推荐录入的企业在推荐时已进入该校的实习企业库" in apply(client, admin).content.decode()
    assert not EnterpriseProfile.objects.filter(organisation=unit).exists()


@pytest.mark.django_db
def test_an_unverified_enterprise_cannot_apply(client, enterprise_a, admin_a):
    Organisation.objects.filter(pk=enterprise_a.pk).update(verification_status="unverified")
    response = apply(client, admin_a)
    assert "实名认证" in response.content.decode()
    assert not EnterpriseProfile.objects.filter(organisation=enterprise_a,
                                                admission_status=AdmissionStatus.ADMITTED).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["staff_manager_a", "school_admin", "education_reviewer", "outsider"])
def test_only_the_enterprise_applies(client, request, persona, enterprise_a):
    client.force_login(request.getfixturevalue(persona))
    assert client.post(reverse("internships:enterprise_apply")).status_code == 403
    assert client.get(reverse("internships:enterprise")).status_code == 403
    assert not EnterpriseProfile.objects.exists()


# ---------------------------------------------------------------- the enterprise's page and staff numbers


@pytest.mark.django_db
def test_enterprise_page_shows_source_recommenders_and_blacklist(client, host_a, admin_a, school):
    f.blacklisting(host_a, admin_a, status="rejected")
    client.force_login(admin_a)
    page = client.get(reverse("internships:enterprise")).content.decode()
    assert "自荐注册" in page and school.name in page and "已入库" in page and "不予列入" in page


@pytest.mark.django_db
def test_staff_on_duty_is_saved_and_bad_input_answered_at_the_field(client, host_a, admin_a):
    client.force_login(admin_a)
    response = client.post(reverse("internships:enterprise_staff"), {"staff_on_duty": "abc"})
    assert response.status_code == 400 and "请填写整数" in response.content.decode()
    response = client.post(reverse("internships:enterprise_staff"), {"staff_on_duty": "0"})
    assert "在岗职工总数至少为1人" in response.content.decode()
    assert profile_of(host_a).staff_on_duty == 200
    assert client.post(reverse("internships:enterprise_staff"), {"staff_on_duty": "350"}).status_code == 302
    assert profile_of(host_a).staff_on_duty == 350


@pytest.mark.django_db
def test_staff_on_duty_deny(client, host_a, staff_manager_a, school_admin):
    for user in (staff_manager_a, school_admin):
        client.force_login(user)
        assert client.post(reverse("internships:enterprise_staff"), {"staff_on_duty": "1"}).status_code == 403
    assert profile_of(host_a).staff_on_duty == 200


# ---------------------------------------------------------------- recommendations


def new_enterprise_data(**overrides):
    data = {"name": "郑州推荐机械有限公司", "credit_code": factories.make_credit_code(), "legal_representative": "周强",
            "kind": "enterprise", "region": "410105", "contact_person": "吴敏", "contact_phone": "0371-66668888",
            "inspection_note": "2026年3月实地考察：生产车间安全防护到位。"}
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_school_recommends_a_new_enterprise(client, school, school_admin):
    client.force_login(school_admin)
    data = new_enterprise_data()
    response = client.post(reverse("internships:recommend_new"), data)
    assert response.status_code == 302
    unit = Organisation.objects.get(credit_code=data["credit_code"])
    assert (unit.origin, unit.recommended_by, unit.is_activated) == (Origin.PRE_REGISTERED, school, False)
    assert profile_of(unit).admission_status == AdmissionStatus.ADMITTED
    recommendation = SchoolRecommendation.objects.get(enterprise=unit)
    assert (recommendation.school, recommendation.inspection_note) == (school, data["inspection_note"])
    page = client.get(reverse("internships:recommendations")).content.decode()
    assert unit.platform_code in page and unit.activation_code in page and "未激活" in page
    assert unit in services_pool(school)
    # Once activated the code is no longer shown.
    code = unit.activation_code
    Organisation.objects.filter(pk=unit.pk).update(activated_at=datetime.datetime.now(datetime.UTC),
                                                   activation_code="")
    page = client.get(reverse("internships:recommendations")).content.decode()
    assert code not in page and "已激活" in page


@pytest.mark.django_db
def test_recommend_new_refuses_a_known_code_and_bad_fields_whole(client, school_admin, enterprise_b):
    client.force_login(school_admin)
    response = client.post(reverse("internships:recommend_new"),
                           new_enterprise_data(credit_code=enterprise_b.credit_code, kind="government"))
    page = response.content.decode()
    assert response.status_code == 200 and "已在平台上，无需重复录入" in page and "请选择单位类型" in page
    response = client.post(reverse("internships:recommend_new"), new_enterprise_data(inspection_note=""))
    assert "请填写实地考察情况" in response.content.decode()
    assert not SchoolRecommendation.objects.exists()
    assert Organisation.objects.filter(origin=Origin.PRE_REGISTERED).count() == 0


@pytest.mark.django_db
def test_school_recommends_an_existing_enterprise_once(client, school, school_admin, enterprise_b, admin_b):
    client.force_login(school_admin)
    data = {"credit_code": enterprise_b.credit_code, "inspection_note": "已实地考察。"}
    assert client.post(reverse("internships:recommend_existing"), data).status_code == 302
    assert SchoolRecommendation.objects.filter(school=school, enterprise=enterprise_b).count() == 1
    assert admin_b.notifications.filter(title__contains="推荐为实习单位").exists()
    # Its admission (for the other schools) is left to the registry check.
    assert profile_of(enterprise_b).admission_status == AdmissionStatus.PENDING
    assert enterprise_b in services_pool(school)
    response = client.post(reverse("internships:recommend_existing"), data)
    assert "本校已推荐过该企业" in response.content.decode()
    response = client.post(reverse("internships:recommend_existing"),
                           {"credit_code": factories.make_credit_code(), "inspection_note": "x"})
    assert "平台上没有该统一社会信用代码的企业" in response.content.decode()
    assert SchoolRecommendation.objects.count() == 1


@pytest.mark.django_db
def test_a_blacklisted_enterprise_cannot_be_recommended(client, school_admin, enterprise_b):
    f.host_profile(enterprise_b, blacklisted=True)
    client.force_login(school_admin)
    response = client.post(reverse("internships:recommend_existing"),
                           {"credit_code": enterprise_b.credit_code, "inspection_note": "x"})
    assert "该企业已被列入黑名单，不能推荐" in response.content.decode()
    assert not SchoolRecommendation.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["admin_a", "school_member", "education_reviewer", "outsider"])
def test_only_schools_recommend(client, request, persona, enterprise_b):
    client.force_login(request.getfixturevalue(persona))
    for name in ("recommendations", "recommend_new", "recommend_existing", "pool"):
        assert client.get(reverse(f"internships:{name}")).status_code == 403
    response = client.post(reverse("internships:recommend_existing"),
                           {"credit_code": enterprise_b.credit_code, "inspection_note": "x"})
    assert response.status_code == 403
    assert not SchoolRecommendation.objects.exists()


# ---------------------------------------------------------------- the pool


@pytest.fixture
def pool_world(school, school_admin, school_b, school_b_admin):
    def unit(name, origin, admission=None, blacklisted=False):
        organisation = factories.OrganisationFactory(name=name, origin=origin)
        if admission is not None or blacklisted:
            f.host_profile(organisation, admission=admission or AdmissionStatus.PENDING, blacklisted=blacklisted)
        return organisation

    mine = unit("本校推荐企业", Origin.PRE_REGISTERED, AdmissionStatus.ADMITTED)
    f.recommend(school, mine, school_admin)
    theirs = unit("他校推荐企业", Origin.PRE_REGISTERED, AdmissionStatus.ADMITTED)
    f.recommend(school_b, theirs, school_b_admin)
    admitted = unit("审查入库自荐企业", Origin.SELF_REGISTERED, AdmissionStatus.ADMITTED)
    student = unit("审查入库学生推荐企业", Origin.STUDENT_RECOMMENDED, AdmissionStatus.ADMITTED)
    pending = unit("待核查自荐企业", Origin.SELF_REGISTERED, AdmissionStatus.MANUAL)
    listed = unit("黑名单企业", Origin.SELF_REGISTERED, AdmissionStatus.ADMITTED, blacklisted=True)
    listed_mine = unit("本校推荐黑名单企业", Origin.PRE_REGISTERED, AdmissionStatus.ADMITTED, blacklisted=True)
    f.recommend(school, listed_mine, school_admin)
    f.position(admitted, factories.org_admin(admitted, username="admitted_admin"))
    return {"mine": mine, "theirs": theirs, "admitted": admitted, "student": student, "pending": pending,
            "listed": listed, "listed_mine": listed_mine}


@pytest.mark.django_db
def test_pool_holds_my_recommendations_and_the_admitted_never_the_blacklisted(client, school_admin, pool_world):
    client.force_login(school_admin)
    page = client.get(reverse("internships:pool")).content.decode()
    shown = {key for key, unit in pool_world.items() if f'data-enterprise="{unit.pk}"' in page}
    assert shown == {"mine", "admitted", "student"}
    page = client.get(reverse("internships:pool"), {"source": "recommended"}).content.decode()
    assert {key for key, unit in pool_world.items() if f'data-enterprise="{unit.pk}"' in page} == {"mine"}
    page = client.get(reverse("internships:pool"), {"with_positions": "on"}).content.decode()
    assert {key for key, unit in pool_world.items() if f'data-enterprise="{unit.pk}"' in page} == {"admitted"}
    page = client.get(reverse("internships:pool"), {"q": "学生推荐"}).content.decode()
    assert {key for key, unit in pool_world.items() if f'data-enterprise="{unit.pk}"' in page} == {"student"}
    response = client.get(reverse("internships:pool"), {"source": "<script>", "page": "x"})
    assert response.status_code == 200 and "请选择列表中的入库方式" in response.content.decode()


@pytest.mark.django_db
def test_pool_export_holds_what_the_list_shows(client, school_admin, pool_world, django_capture_on_commit_callbacks):
    client.force_login(school_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("batch:export", args=["internship_pool"]) + "?source=checked")
    job = BatchJob.objects.get(kind="export")
    assert job.status == JobStatus.SUCCEEDED, job.error
    rows = read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))
    assert rows[0][:5] == ["企业名称", "统一社会信用代码", "注册地区", "来源", "入库方式"]
    assert sorted((row[0], row[4], row[5]) for row in rows[1:]) == [
        ("审查入库学生推荐企业", "审查入库", 0), ("审查入库自荐企业", "审查入库", 1)]


@pytest.mark.django_db
def test_enterprise_record_follows_the_pool(client, school_admin, school_b_admin, pool_world):
    client.force_login(school_admin)
    for key, status in (("mine", 200), ("admitted", 200), ("listed_mine", 200), ("theirs", 404), ("pending", 404),
                        ("listed", 404)):
        response = client.get(reverse("internships:enterprise_detail", args=[pool_world[key].pk]))
        assert response.status_code == status, key
    client.force_login(school_b_admin)
    assert client.get(reverse("internships:enterprise_detail", args=[pool_world["theirs"].pk])).status_code == 200


# ---------------------------------------------------------------- regional settings


@pytest.mark.django_db
def test_settings_nearest_ancestor_applies(client, education_reviewer, county_education_reviewer):
    county = factories.region("410105")
    assert setting_for_region(county).pk is None
    assert (setting_for_region(county).position_review_required,
            setting_for_region(county).insurance_warning_days) == (False, 15)
    client.force_login(education_reviewer)
    assert "当前使用平台默认设置" in client.get(reverse("internships:settings")).content.decode()
    response = client.post(reverse("internships:settings"),
                           {"position_review_required": "on", "insurance_warning_days": "30"})
    assert response.status_code == 302
    city_setting = RegionSetting.objects.get(region_id="410100")
    assert (city_setting.position_review_required, city_setting.insurance_warning_days,
            city_setting.updated_by) == (True, 30, education_reviewer)
    assert setting_for_region(county) == city_setting
    assert setting_for_region(factories.region("410300")).pk is None  # 洛阳: another city
    client.force_login(county_education_reviewer)
    assert "当前沿用上级地区" in client.get(reverse("internships:settings")).content.decode()
    client.post(reverse("internships:settings"), {"insurance_warning_days": "7"})
    own = setting_for_region(county)
    assert (own.region_id, own.position_review_required, own.insurance_warning_days) == ("410105", False, 7)
    assert setting_for_region(factories.region("410103")) == city_setting


@pytest.mark.django_db
def test_settings_bad_input_and_deny(client, request, education_reviewer):
    client.force_login(education_reviewer)
    response = client.post(reverse("internships:settings"), {"insurance_warning_days": "0"})
    assert response.status_code == 200 and "提醒天数至少为1天" in response.content.decode()
    assert not RegionSetting.objects.exists()
    for persona in ("school_admin", "county_reviewer_a", "admin_a", "outsider"):
        client.force_login(request.getfixturevalue(persona))
        assert client.post(reverse("internships:settings"), {"insurance_warning_days": "9"}).status_code == 403
    assert not RegionSetting.objects.exists()


def test_setting_for_no_region_is_the_default():
    assert setting_for_region(None).insurance_warning_days == 15
