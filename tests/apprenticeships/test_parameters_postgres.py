"""学徒制参数 under simultaneous requests on PostgreSQL's real row locks: two overlapping periods of one region
(different start months, so no unique constraint helps) queue on the region's row; exactly one is saved, the other
is refused with the overlap message."""


import pytest
from django.core.exceptions import ValidationError

from apprenticeships.models import RuleSet, SubsidyStandard
from apprenticeships.services import parameters as services
from tests import factories
from tests.apprenticeships import concurrency
from tests.reviews.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def regions(transactional_db):
    concurrency.load_regions()


@pytest.fixture(autouse=True)
def zhengzhou_parameters():
    """Replaces the package's autouse fixture: this test sets its own rows."""
    return None


def _slow_check(monkeypatch):
    # both requests have checked before either inserts, unless the lock queues them
    concurrency.wait_after(monkeypatch, services, "_check", 0.4)


def test_two_parallel_overlapping_standards_leave_one(city_reviewer, monkeypatch):
    import datetime
    from decimal import Decimal

    _slow_check(monkeypatch)

    def create(start):
        return lambda: services.create_parameter(kind="standards", actor=city_reviewer, data={
            "valid_from": start, "valid_to": None, "apprenticeship_type": "enterprise", "target_level": "senior",
            "amount_per_year": Decimal("6000"), "source": "郑人社〔2026〕1号"})

    results = run_together(create(datetime.date(2026, 1, 1)), create(datetime.date(2026, 3, 1)))
    saved = [result for result in results if isinstance(result, SubsidyStandard)]
    refused = [result for result in results if isinstance(result, ValidationError)]
    assert len(saved) == 1 and len(refused) == 1, results
    assert "期间不能重叠" in refused[0].message_dict["valid_from"][0]
    assert SubsidyStandard.objects.count() == 1


def test_two_parallel_overlapping_rule_sets_leave_one(province_reviewer, monkeypatch):
    import datetime
    from decimal import Decimal

    _slow_check(monkeypatch)

    def create(start, end):
        return lambda: services.create_parameter(kind="rules", actor=province_reviewer, data={
            "valid_from": start, "valid_to": end, "ecosystem_advance_rate": Decimal("0.3"),
            "ecosystem_advance_after_months": 1, "filed_advance_rate": Decimal("0.4"),
            "filed_advance_within_months": 3, "balance_within_months": 12, "min_duration_months": 12,
            "max_duration_months": 24, "extended_max_months": 36, "min_contract_months": 12, "max_date_changes": 3,
            "change_notice_working_days": 5, "course_config_days_before": 1, "attendance_threshold": None,
            "source": "豫人社〔2026〕1号"})

    results = run_together(create(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)),
                           create(datetime.date(2026, 6, 1), None))
    assert sum(isinstance(result, RuleSet) for result in results) == 1, results
    assert sum(isinstance(result, ValidationError) for result in results) == 1, results
    assert RuleSet.objects.filter(region=factories.region("410000")).count() == 1
