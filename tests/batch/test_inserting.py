"""batch.inserting stores what Model.save would: encrypted identifiers, their keyed hash, defaults."""

import datetime
import decimal

from django.db import connection

from batch.inserting import insert_rows, sealed_name, sealer
from core import crypto
from organisations.models import StaffLink, StaffMember
from tests import factories


def _row(id_number: str, **extra) -> dict:
    return {"name": "张三", "id_number": id_number, "gender": "male", "birth_date": datetime.date(1990, 3, 7),
            "mobile": "13812345678", "department_name": "技术部", "job_title": "", "hired_on": None,
            "monthly_wage": decimal.Decimal("6500.50"), "education": "", "title_level": "", "title_series": "",
            **extra}


def _stored(member_id: int) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number, id_number_hash, mobile FROM organisations_staffmember WHERE id = %s",
                       [member_id])
        return cursor.fetchone()


def test_encrypts_hashes_and_fills_defaults(enterprise_a):
    number = factories.make_id_number("19900307", seq=11)
    assert insert_rows(StaffMember, [_row(number), _row(factories.make_id_number("19900307", seq=13), mobile="")],
                       constants={"organisation_id": enterprise_a.pk}) == 2
    member = StaffMember.objects.get(organisation=enterprise_a, id_number=number)
    raw_id, raw_hash, raw_mobile = _stored(member.pk)
    assert crypto.is_ciphertext(raw_id) and crypto.decrypt(raw_id) == number
    assert crypto.is_ciphertext(raw_mobile) and crypto.decrypt(raw_mobile) == "13812345678"
    assert raw_hash == crypto.keyed_hash(crypto.ID_NUMBER, number)
    assert (member.monthly_wage, member.link_status, member.account_id, member.link_reason) == (
        decimal.Decimal("6500.50"), StaffLink.NONE, None, "")
    assert member.created_at == member.updated_at
    assert StaffMember.objects.get(organisation=enterprise_a, mobile="").name == "张三"


def test_a_hash_the_row_carries_is_stored_as_it_is(enterprise_a):
    """import_staff_rows hashes each ID number once, for its lookup, and hands the hash to the insert."""
    number = factories.make_id_number("19900307", seq=15)
    carried = "c" * 64  # not the number's hash: shows the insert takes the row's own without recomputing it
    insert_rows(StaffMember, [_row(number, id_number_hash=carried)], constants={"organisation_id": enterprise_a.pk})
    assert StaffMember.objects.get(organisation=enterprise_a, id_number_hash=carried).id_number == number


def test_a_row_sealed_beforehand_is_stored_as_given(enterprise_a):
    """sealer(model) takes the hash and ciphertexts (in an import's validation worker); the insert keeps them."""
    number = factories.make_id_number("19900307", seq=17)
    row = sealer(StaffMember)(_row(number))
    carried = (row[sealed_name("id_number")], row["id_number_hash"], row[sealed_name("mobile")])
    assert crypto.decrypt(carried[0]) == number and crypto.decrypt(carried[2]) == "13812345678"
    assert carried[1] == crypto.keyed_hash(crypto.ID_NUMBER, number)
    insert_rows(StaffMember, [row, sealer(StaffMember)(_row(factories.make_id_number("19900307", seq=19), mobile=""))],
                constants={"organisation_id": enterprise_a.pk})
    member = StaffMember.objects.get(organisation=enterprise_a, id_number=number)
    assert _stored(member.pk) == carried
    assert StaffMember.objects.get(organisation=enterprise_a, mobile="").name == "张三"
