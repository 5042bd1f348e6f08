"""The archive's one writer: each source credited once, the year's sums by subject and source."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from continuing_education.models import ArchiveYear
from tests.continuing_education import factories as ce


@pytest.mark.django_db
def test_credits_add_up_by_subject_and_source(admin_a, staff_a):
    ce.archived_hours(staff_a, by=admin_a, public=30, professional=60)
    year = ArchiveYear.objects.get(id_number=staff_a.id_number)
    assert (year.public_hours, year.professional_hours, year.online_hours, year.total_hours) == (
        Decimal("30"), Decimal("60"), Decimal("90"), Decimal("90"))
    assert year.organisation == staff_a.organisation
    assert year.entries.count() == 2


@pytest.mark.django_db
def test_a_source_is_credited_once(admin_a, staff_a):
    result = ce.online_result(staff_a.organisation, by=admin_a, member=staff_a, hours=10)
    ce.credit_result(result, by=admin_a)
    with pytest.raises(ValidationError, match="该网络培训成果已记入培训档案"):
        ce.credit_result(result, by=admin_a)
    assert ArchiveYear.objects.get(id_number=staff_a.id_number).public_hours == Decimal("10")
