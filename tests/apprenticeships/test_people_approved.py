"""After approval: 【标记为流失】 (the place freed, a 变更 recorded), the 考核结果 (typed and imported), and
单位培训人员查询 with its filters and 【导出学员名单】 (manual 003 §3.2.1.2–§3.2.1.3)."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from apprenticeships.forms.people import CERTIFICATES_IMPORT, TRAINEE_LIST_EXPORT
from apprenticeships.models import ChangeKind, ChangeRecord, FilingStatus, TargetLevel
from apprenticeships.services.places import hold_places
from audit.models import AuditEntry
from batch.models import BatchJob, JobStatus
from batch.registry import get_import
from notifications.models import Notification
from tests import factories
from tests.apprenticeships import factories as ap
from tests.batch.helpers import read_rows, upload, xlsx_bytes

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _url(name, pk=None):
    return reverse(f"apprenticeships:{name}", args=[pk] if pk is not None else [])


# --- 标记为流失 ----------------------------------------------------------------------------------------------------


def test_a_lost_trainee_frees_the_place_and_may_enrol_elsewhere(client, admin_a, admin_b, enterprise_b, filing_a,
                                                                institution_admin):
    trainee = filing_a.trainees.first()
    assert trainee.holds_place
    # Before: enterprise B's filing with the same person is refused at submission (the place is held).
    elsewhere = ap.filing(enterprise_b, by=admin_b)
    client.force_login(admin_b)
    values = {"name": trainee.name, "id_number": trainee.id_number, "mobile": "13912340000", "education": "senior",
              "hired_on": "2026-09-01", "contract_starts_on": "2026-09-01", "contract_ends_on": "2029-08-31",
              "monthly_wage": "4200"}
    response = client.post(_url("filing_trainee_create", elsewhere.pk), values)
    assert response.status_code == 302
    page = client.get(_url("filing_trainees", elsewhere.pk)).content.decode()
    assert 'data-testid="elsewhere"' in page
    with pytest.raises(Exception, match="同一人同一时间只能参加一个学徒制培训"):
        hold_places(elsewhere)

    client.force_login(admin_a)
    form = client.get(_url("trainee_lost", trainee.pk))
    assert form.status_code == 200 and form.context["form"].initial["lost_on"] == TODAY
    response = client.post(_url("trainee_lost", trainee.pk), {"lost_on": TODAY.isoformat(), "lost_reason": "离职"})
    assert response.status_code == 302 and response.url == _url("filing_trainees", filing_a.pk)
    trainee.refresh_from_db()
    assert (trainee.is_lost, trainee.lost_on, trainee.lost_reason, trainee.lost_by, trainee.holds_place) == (
        True, TODAY, "离职", admin_a, False)
    assert trainee.lost_at is not None
    change = ChangeRecord.objects.get(filing=filing_a)
    assert (change.kind, change.actor, change.before["holds_place"], change.after["lost_on"]) == (
        ChangeKind.TRAINEE_LOST, admin_a, True, TODAY.isoformat())
    assert AuditEntry.objects.filter(action="apprenticeships.trainee_lost", target_id=str(trainee.pk)).exists()
    assert Notification.objects.filter(recipient=institution_admin, title__startswith="学徒制培训人员流失").count() == 1
    page = client.get(_url("filing_trainees", filing_a.pk)).content.decode()
    assert page.count('data-testid="lost"') == 1 and page.count('data-testid="mark-lost"') == 1

    # After: the other enterprise's filing takes the person.
    hold_places(elsewhere)
    assert elsewhere.trainees.get().holds_place


def test_lost_date_and_reason_are_checked(client, admin_a, filing_a):
    trainee = filing_a.trainees.first()
    client.force_login(admin_a)
    tomorrow = TODAY + datetime.timedelta(days=1)
    response = client.post(_url("trainee_lost", trainee.pk), {"lost_on": tomorrow.isoformat(), "lost_reason": "离职"})
    assert response.status_code == 200
    assert response.context["form"].errors["lost_on"] == ["流失日期不能晚于今天"]
    yesterday = TODAY - datetime.timedelta(days=1)
    response = client.post(_url("trainee_lost", trainee.pk), {"lost_on": yesterday.isoformat(), "lost_reason": "离职"})
    assert response.context["form"].errors["lost_on"] == [
        f"流失日期不能早于 {TODAY.isoformat()}（入职日期及备案提交日期）"]
    response = client.post(_url("trainee_lost", trainee.pk), {"lost_on": "2026-13-01", "lost_reason": "  "})
    assert set(response.context["form"].errors) == {"lost_on", "lost_reason"}
    trainee.refresh_from_db()
    assert (trainee.is_lost, trainee.holds_place) == (False, True)
    assert not ChangeRecord.objects.exists()


def test_lost_only_once_and_only_after_approval(client, admin_a, filing_a, draft_a, enterprise_a, institution):
    client.force_login(admin_a)
    trainee = filing_a.trainees.first()
    client.post(_url("trainee_lost", trainee.pk), {"lost_on": TODAY.isoformat(), "lost_reason": "离职"})
    response = client.post(_url("trainee_lost", trainee.pk), {"lost_on": TODAY.isoformat(), "lost_reason": "再次"})
    assert response.status_code == 302 and any("已于" in message for message in _messages(response))
    assert ChangeRecord.objects.count() == 1
    submitted = ap.complete_filing(enterprise_a, by=admin_a, institution=institution, status=FilingStatus.SUBMITTED)
    for filing in (draft_a, submitted):
        other = filing.trainees.first()
        for method in (client.get, client.post):
            response = method(_url("trainee_lost", other.pk))
            assert response.status_code == 302
            assert (f"备案{filing.get_status_display()}，只有审核通过的备案才能标记流失人员"
                    in _messages(response))
        other.refresh_from_db()
        assert not other.is_lost
    assert ChangeRecord.objects.count() == 1


def test_only_the_enterprises_filers_mark_lost(client, claimer_a, county_reviewer_a, institution_admin, admin_b,
                                               other_city_reviewer, filing_a):
    trainee = filing_a.trainees.first()
    data = {"lost_on": TODAY.isoformat(), "lost_reason": "离职"}
    for user, status in ((claimer_a, 403), (county_reviewer_a, 403), (institution_admin, 403), (admin_b, 404),
                         (other_city_reviewer, 404)):
        client.force_login(user)
        assert client.post(_url("trainee_lost", trainee.pk), data).status_code == status
    trainee.refresh_from_db()
    assert not trainee.is_lost and trainee.holds_place


# --- 考核结果 ------------------------------------------------------------------------------------------------------


@pytest.fixture
def running(enterprise_a, admin_a, institution):
    """An approved filing whose class began on 2026-01-05."""
    return ap.complete_filing(enterprise_a, by=admin_a, institution=institution,
                              starts_on=datetime.date(2026, 1, 5))


def test_certificate_recorded_after_approval(client, admin_a, running):
    trainee = running.trainees.first()
    client.force_login(admin_a)
    assert client.get(_url("trainee_certificate", trainee.pk)).status_code == 200
    response = client.post(_url("trainee_certificate", trainee.pk), {
        "certificate_level": TargetLevel.SENIOR, "certificate_number": "S2026-0001", "certified_on": "2026-11-30"})
    assert response.status_code == 302
    trainee.refresh_from_db()
    assert (trainee.certificate_level, trainee.certificate_number, trainee.certified_on) == (
        TargetLevel.SENIOR, "S2026-0001", datetime.date(2026, 11, 30))
    assert AuditEntry.objects.filter(action="apprenticeships.trainee_certified").count() == 1
    # A lower level is recorded with a warning (the balance claim will not count it).
    response = client.post(_url("trainee_certificate", trainee.pk), {
        "certificate_level": TargetLevel.INTERMEDIATE, "certificate_number": "S2026-0001",
        "certified_on": "2026-11-30"})
    assert "取得证书等级低于培训目标等级，清算申领时不计入补贴" in _messages(response)


def test_certificate_dates_and_states_are_checked(client, admin_a, running, draft_a):
    trainee = running.trainees.first()
    client.force_login(admin_a)
    data = {"certificate_level": TargetLevel.SENIOR, "certificate_number": "S1", "certified_on": "2025-12-31"}
    response = client.post(_url("trainee_certificate", trainee.pk), data)
    assert response.context["form"].errors["certified_on"] == ["发证日期不能早于培训开始日期 2026-01-05"]
    future = (TODAY + datetime.timedelta(days=1)).isoformat()
    response = client.post(_url("trainee_certificate", trainee.pk), {**data, "certified_on": future})
    assert response.context["form"].errors["certified_on"] == ["发证日期不能晚于今天"]
    response = client.post(_url("trainee_certificate", draft_a.trainees.first().pk),
                           {**data, "certified_on": "2026-11-01"})
    assert response.status_code == 302
    assert "备案未提交，只有审核通过的备案才能登记考核结果" in _messages(response)
    trainee.refresh_from_db()
    assert trainee.certificate_level == ""


def test_certificates_imported_by_id_number(client, admin_a, running, django_capture_on_commit_callbacks):
    first, second = running.trainees.order_by("id")
    client.force_login(admin_a)
    rows = [
        [first.id_number, first.name, "高级工（三级）", "S-1", datetime.date(2026, 11, 1)],
        [second.id_number, "别人", "高级工（三级）", "S-2", datetime.date(2026, 11, 1)],
        [factories.make_id_number("19990101", seq=777), "陌生人", "高级工（三级）", "S-3", datetime.date(2026, 11, 1)],
    ]
    key = CERTIFICATES_IMPORT
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{reverse('batch:import', args=[key])}?parent={running.pk}",
                               {"file": upload(xlsx_bytes(rows, headers=get_import(key).headers), "考核.xlsx")})
    assert response.status_code == 302
    job = BatchJob.objects.get()
    assert (job.status, job.updated_rows, job.failed_rows) == (JobStatus.PARTLY_FAILED, 1, 2)
    errors = {error.row_number: error.message for error in job.row_errors.all()}
    assert errors == {3: "姓名：姓名与身份证号不一致", 4: "身份证号：该身份证号不在本备案的培训人员中"}
    first.refresh_from_db()
    assert (first.certificate_level, first.certificate_number) == (TargetLevel.SENIOR, "S-1")
    # Not into a filing that is not approved.
    draft = ap.complete_filing(running.organisation, by=admin_a, status=FilingStatus.DRAFT)
    assert client.get(f"{reverse('batch:import', args=[key])}?parent={draft.pk}").status_code == 403


# --- 单位培训人员查询 ---------------------------------------------------------------------------------------------


def test_the_enterprises_trainees_with_filters(client, filer_a, filing_a, draft_a, filing_b):
    lost = filing_a.trainees.order_by("id").first()
    lost.lost_on, lost.lost_reason, lost.holds_place = TODAY, "离职", False
    lost.save()
    client.force_login(filer_a)
    response = client.get(_url("trainees"))
    assert response.status_code == 200
    listed = {row["trainee"].pk: row["state"] for row in response.context["rows"]}
    assert set(listed) == set(filing_a.trainees.values_list("pk", flat=True)) | set(
        draft_a.trainees.values_list("pk", flat=True))
    assert listed[lost.pk] == "lost"
    assert sorted(listed.values()) == ["filing", "filing", "in_training", "lost"]
    page = response.content.decode()
    assert lost.id_number not in page and f"{lost.id_number[:4]}**********{lost.id_number[-4:]}" in page

    def names(**query):
        response = client.get(_url("trainees"), query)
        assert response.status_code == 200
        return [row["trainee"].pk for row in response.context["rows"]]

    assert names(state="lost") == [lost.pk]
    assert names(state="in_training") == [filing_a.trainees.order_by("id").last().pk]
    assert len(names(state="filing")) == 2 and names(state="ended") == []
    assert names(id_number=lost.id_number.lower()) == [lost.pk]
    assert len(names(number=draft_a.number)) == 2
    assert len(names(apprenticeship_type="student")) == 0
    assert len(names(year=str(filing_a.training_class.starts_on.year), name="学徒")) >= 2
    # Malformed parameters: a message beside the field, never a 500.
    response = client.get(_url("trainees"), {"year": "abc", "state": "nonsense", "id_number": "123"})
    assert response.status_code == 200 and len(response.context["rows"]) == 4
    assert set(response.context["form"].errors) == {"year", "state", "id_number"}
    assert "部分查询条件有误，已忽略，请按提示修改" in _messages(response)


def test_the_trainee_list_export_holds_what_the_list_shows(client, filer_a, filing_a, draft_a,
                                                           django_capture_on_commit_callbacks):
    client.force_login(filer_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("batch:export", args=[TRAINEE_LIST_EXPORT]) + f"?number={filing_a.number}")
    assert response.status_code == 302
    job = BatchJob.objects.get()
    assert (job.spec, job.status, job.processed_rows) == (TRAINEE_LIST_EXPORT, JobStatus.SUCCEEDED, 2)
    with job.result_file.open("rb") as handle:
        rows = read_rows(handle.read())
    assert rows[0][:3] == ["备案编号", "学徒制培训类型", "培训职业（工种）"]
    body = rows[1:]
    assert {row[0] for row in body} == {filing_a.number}
    assert {row[1] for row in body} == {"企业新型学徒制培训"}
    ids = {row[7] for row in body}
    assert all("*" in value for value in ids)  # the filer does not hold view_personal_data
    assert {row[15] for row in body} == {"在训"}


def test_only_filers_query_the_trainees(client, claimer_a, member_a, county_reviewer_a, institution_admin,
                                        outsider, admin_b, filing_a):
    for user in (claimer_a, member_a, county_reviewer_a, institution_admin, outsider):
        client.force_login(user)
        assert client.get(_url("trainees")).status_code == 403
        assert client.post(reverse("batch:export", args=[TRAINEE_LIST_EXPORT])).status_code == 403
    client.force_login(admin_b)
    response = client.get(_url("trainees"))
    assert response.status_code == 200 and response.context["rows"] == []
    client.logout()
    assert client.get(_url("trainees")).status_code == 302
