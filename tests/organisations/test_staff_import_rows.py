"""organisations.staff_services.import_staff_rows: a chunk's people are found by their ID numbers' hashes alone,
without the roster's order (with it, SQLite walked the whole roster through its (organisation, name, id) index
for every chunk instead of looking the hashes up)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisations.models import StaffMember
from organisations.staff_batch import _form_kwargs
from organisations.staff_forms import StaffMemberForm
from organisations.staff_services import import_staff_rows
from tests.batch.helpers import id_number

pytestmark = pytest.mark.django_db


def cleaned(organisation, name, number):
    form = StaffMemberForm(data={"name": name, "id_number": number}, **_form_kwargs(None, organisation))
    assert form.is_valid(), form.errors
    return form.cleaned_data


def test_the_chunk_lookup_is_by_hash_and_unordered(enterprise_a, admin_a):
    rows = [cleaned(enterprise_a, f"员工{seq}", id_number(seq=100 + seq)) for seq in range(3)]
    assert import_staff_rows(actor=admin_a, organisation=enterprise_a, rows=rows) == (3, 0, 0)
    with CaptureQueriesContext(connection) as queries:
        assert import_staff_rows(actor=admin_a, organisation=enterprise_a, rows=rows) == (0, 0, 3)
    lookups = [query["sql"] for query in queries.captured_queries
               if query["sql"].startswith("SELECT") and StaffMember._meta.db_table in query["sql"]]
    assert len(lookups) == 1
    assert "id_number_hash" in lookups[0] and "ORDER BY" not in lookups[0]


def test_a_person_the_lookup_did_not_see_is_refused_with_the_forms_message(enterprise_a, admin_a):
    """Two rows of one person in a chunk stand for a person added after the chunk's lookup (by a screen or
    another import): the roster's constraint refuses the insert, and the engine gets a ValidationError to
    apply the chunk again row by row, not an IntegrityError that ends the job. On PostgreSQL through COPY."""
    from django.core.exceptions import ValidationError
    from django.db import transaction

    same = id_number(seq=201)
    rows = [cleaned(enterprise_a, "张一", same), cleaned(enterprise_a, "张二", same)]
    with pytest.raises(ValidationError) as refused, transaction.atomic():  # the engine's savepoint
        import_staff_rows(actor=admin_a, organisation=enterprise_a, rows=rows)
    assert refused.value.message_dict == {"id_number": ["本单位已有身份证号为该号码的人员"]}
    assert not StaffMember.objects.exists()
