"""traineeships 0011 copies each 地区参数's minimum wage into calendars.MinimumWage (same region and period,
source = the note, set by its setter) before the field goes."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("traineeships", "0010_placement_expiry_and_retention_outcome"), ("calendars", "0003_minimumwage")]
AFTER = [("traineeships", "0011_minimum_wage_moved_to_calendars")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def before(transactional_db):
    from regions.loading import load_dataset
    from regions.models import Region, RegionDataset

    load_dataset(Region, RegionDataset)
    apps = migrate(BEFORE)
    yield apps
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_wages_are_copied_then_the_field_removed(before):
    user = before.get_model("accounts", "User").objects.create(username="setter", real_name="设置人", password="!",
                                                                kind="platform", is_staff=True)
    parameter = before.get_model("traineeships", "RegionParameter")
    common = {"subsidy_rate": Decimal("0.6"), "raised_subsidy_rate": Decimal("0.7"),
              "insurance_subsidy_cap": Decimal("240"), "set_by_id": user.pk}
    parameter.objects.create(region_id="410100", valid_from=datetime.date(2025, 1, 1),
                             valid_to=datetime.date(2025, 12, 31), minimum_wage_monthly=Decimal("2000"),
                             note="豫政〔2024〕1号", **common)
    parameter.objects.create(region_id="410100", valid_from=datetime.date(2026, 1, 1),
                             minimum_wage_monthly=Decimal("2100"), note="", **common)
    apps = migrate(AFTER)
    wages = apps.get_model("calendars", "MinimumWage").objects.filter(region_id="410100")
    rows = list(wages.order_by("valid_from").values_list(
        "region_id", "valid_from", "valid_to", "monthly", "source", "set_by_id"))
    assert rows == [("410100", datetime.date(2025, 1, 1), datetime.date(2025, 12, 31), Decimal("2000.00"),
                     "豫政〔2024〕1号", user.pk),
                    ("410100", datetime.date(2026, 1, 1), None, Decimal("2100.00"), "", user.pk)]
    fields = {field.name for field in apps.get_model("traineeships", "RegionParameter")._meta.get_fields()}
    assert "minimum_wage_monthly" not in fields
