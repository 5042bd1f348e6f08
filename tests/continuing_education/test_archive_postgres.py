"""The archive's one writer under simultaneous credits on PostgreSQL: two online results of one person and year
credited at once (neither finds the year's row, both create it) leave one ArchiveYear row with exact sums."""

import threading
from decimal import Decimal

import pytest

from continuing_education.models import ArchiveEntry, ArchiveYear, SubjectType
from continuing_education.services import archive as archive_service
from tests import factories
from tests.apprenticeships import concurrency
from tests.continuing_education import factories as ce
from tests.reviews.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def regions(transactional_db):
    concurrency.load_regions()


@pytest.fixture(autouse=True)
def national_floor():
    """Replaces the package's autouse fixture (it runs before the regions are loaded here)."""
    return None


def test_two_credits_at_once_leave_one_row_with_exact_sums(monkeypatch):
    unit = ce.unit(name="甲企业有限公司")
    admin = factories.org_admin(unit, username="admin_a", real_name="甲管理员")
    member = ce.staff(unit, name="王专技")
    platform = ce.platform(unit)
    results = [ce.online_result(unit, by=admin, member=member, hours=hours, subject_type=subject, on_platform=platform,
                                course_name=name)
               for hours, subject, name in ((Decimal("10.5"), SubjectType.PUBLIC, "公需课"),
                                            (Decimal("20"), SubjectType.PROFESSIONAL, "专业课"))]
    # Both threads look for the year's row at the same moment (neither finds it), then hold on before locking.
    barrier = threading.Barrier(2)
    year_row = archive_service._year_row

    def racing_year_row(id_number, name, year):
        barrier.wait(timeout=10)
        return year_row(id_number, name, year)

    monkeypatch.setattr(archive_service, "_year_row", racing_year_row)
    concurrency.wait_after(monkeypatch, archive_service, "_year_row", 0.3)

    outcomes = run_together(*[(lambda result=result: ce.credit_result(result, by=admin)) for result in results])
    assert all(isinstance(outcome, ArchiveEntry) for outcome in outcomes), outcomes
    row = ArchiveYear.objects.get()
    assert (row.public_hours, row.professional_hours, row.online_hours) == (
        Decimal("10.5"), Decimal("20"), Decimal("30.5"))
    assert row.entries.count() == 2
