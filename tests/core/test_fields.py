"""Encrypted personal identifiers: ciphertext in the database, plaintext in Python, lookups by keyed hash."""

import io

import pytest
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from accounts.models import User
from core import crypto
from organisations.models import StaffMember
from praxis import field_keys
from tests import factories
from traineeships.models import GraduateRecord

NEW_KEY = ("k2", b"\x01" * 32)


def stored(table: str, column: str, pk: int):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])
        return cursor.fetchone()[0]


@pytest.fixture
def person(db):
    return factories.individual(mobile="13912345678", id_number="41010519900307123X")


def test_database_holds_ciphertext_python_sees_plaintext(person):
    raw_mobile = stored("accounts_user", "mobile", person.pk)
    raw_id = stored("accounts_user", "id_number", person.pk)
    assert raw_mobile.startswith(crypto.current_key_id() + "$") and "13912345678" not in raw_mobile
    assert raw_id.startswith(crypto.current_key_id() + "$") and "1990" not in raw_id
    assert stored("accounts_user", "id_number_hash", person.pk) == crypto.keyed_hash("id_number", "41010519900307123X")
    fresh = User.objects.get(pk=person.pk)
    assert (fresh.mobile, fresh.id_number) == ("13912345678", "41010519900307123X")
    assert User.objects.filter(pk=person.pk).values_list("mobile", flat=True).get() == "13912345678"


def test_same_value_encrypts_differently_each_time():
    assert crypto.encrypt("13912345678") != crypto.encrypt("13912345678")


def test_exact_and_in_lookups_use_the_hash(person):
    assert list(User.objects.filter(mobile="13912345678")) == [person]
    assert list(User.objects.filter(id_number="41010519900307123x")) == [person]  # normalised: upper case
    assert list(User.objects.filter(id_number__in=["41010519900307123X", "110101199003071234"])) == [person]
    assert User.objects.filter(id_number__in=[]).count() == 0
    assert User.objects.filter(mobile="13900000000").count() == 0
    assert list(User.objects.exclude(mobile="13912345678").filter(pk=person.pk)) == []


def test_lookup_across_a_relation(person):
    organisation = factories.OrganisationFactory()
    factories.org_admin(organisation)
    GraduateRecord.objects.create(name="张三", id_number=person.id_number, school="郑州大学", major="法学",
                                  education="bachelor", graduation_year=2025)
    assert User.objects.filter(id_number=person.id_number).count() == 1
    assert GraduateRecord.objects.filter(id_number=person.id_number.lower()).count() == 1


def test_blank_and_null_values_stay_blank(db):
    user = factories.UserFactory(mobile=None)
    assert stored("accounts_user", "mobile", user.pk) is None
    assert stored("accounts_user", "mobile_hash", user.pk) is None
    assert list(User.objects.filter(pk=user.pk, mobile=None)) == [user]
    member = StaffMember.objects.create(organisation=factories.OrganisationFactory(), name="李四", gender="male",
                                        id_number=factories.make_id_number(), birth_date="1999-03-07", mobile="")
    assert stored("organisations_staffmember", "mobile", member.pk) == ""
    assert list(StaffMember.objects.filter(mobile="")) == [member]


@pytest.mark.parametrize("lookup", ["contains", "icontains", "startswith", "gt", "iexact"])
def test_partial_and_ordered_lookups_are_refused(person, lookup):
    with pytest.raises(FieldError):
        list(User.objects.filter(**{f"id_number__{lookup}": "1990"}))


def test_update_fields_saves_the_hash_too(person):
    person.mobile = "13700000001"
    person.save(update_fields=["mobile"])
    assert list(User.objects.filter(mobile="13700000001")) == [person]
    assert User.objects.filter(mobile="13912345678").count() == 0


def test_uniqueness_is_kept_by_the_hash(person):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.individual(id_number="41010519900307123x")


def test_staff_unique_per_organisation_by_hash(db):
    organisation = factories.OrganisationFactory()
    number = factories.make_id_number()
    fields = {"name": "王五", "gender": "male", "birth_date": "1999-03-07", "id_number": number}
    StaffMember.objects.create(organisation=organisation, **fields)
    StaffMember.objects.create(organisation=factories.OrganisationFactory(), **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        StaffMember.objects.create(organisation=organisation, **fields)


def test_key_rotation_keeps_old_rows_readable_and_reencrypts_them(person, settings):
    old_id = crypto.current_key_id()
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY, *settings.FIELD_ENCRYPTION_KEYS]
    assert User.objects.get(pk=person.pk).mobile == "13912345678"  # still under the old key
    out = io.StringIO()
    call_command("reencrypt_personal_data", stdout=out)
    assert "accounts.User: " in out.getvalue() and "'k2'" in out.getvalue()
    raw = stored("accounts_user", "mobile", person.pk)
    assert raw.startswith("k2$") and old_id != "k2"
    assert User.objects.get(pk=person.pk).mobile == "13912345678"
    assert list(User.objects.filter(mobile="13912345678")) == [person]


def test_a_value_under_an_unknown_key_is_refused_clearly(person, settings):
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY]
    with pytest.raises(ImproperlyConfigured, match="does not hold"):
        User.objects.get(pk=person.pk)


def test_tampered_ciphertext_is_refused(settings):
    value = crypto.encrypt("13912345678")
    key_id, body = value.split("$")
    with pytest.raises(ImproperlyConfigured):
        crypto.decrypt(f"{key_id}${body[:-4]}AAAA")


def test_keys_are_required_when_the_deployment_says_so(monkeypatch, tmp_path):
    monkeypatch.delenv("FIELD_ENCRYPTION_KEY", raising=False)
    monkeypatch.delenv("FIELD_HASH_KEY", raising=False)
    with pytest.raises(ImproperlyConfigured, match="FIELD_ENCRYPTION_KEY and FIELD_HASH_KEY"):
        field_keys.load(tmp_path, required=True)
    keys, hash_key = field_keys.load(tmp_path, required=False)  # development: generated into var/
    assert keys[0][0] == "k1" and len(keys[0][1]) == 32 and len(hash_key) == 32
    assert field_keys.load(tmp_path, required=False) == (keys, hash_key)  # and kept
    assert (tmp_path / "field_encryption.key").stat().st_mode & 0o777 == 0o600


def test_keys_from_the_environment(monkeypatch, tmp_path):
    new, old = field_keys.new_key(), field_keys.new_key()
    monkeypatch.setenv("FIELD_ENCRYPTION_KEY", f"k2:{new}, k1:{old}")
    key_file = tmp_path / "hash.key"
    key_file.write_text(field_keys.new_key())
    monkeypatch.setenv("FIELD_HASH_KEY_FILE", str(key_file))
    keys, _ = field_keys.load(tmp_path, required=True)
    assert [key_id for key_id, _ in keys] == ["k2", "k1"]
    assert not (tmp_path / "field_encryption.key").exists()


@pytest.mark.parametrize("value", ["k1:short", "k1$:" + "A" * 44, "k1:x,k1:y", ""])
def test_malformed_keys_stop_the_start(value):
    with pytest.raises(ImproperlyConfigured):
        field_keys.parse_encryption_keys(value)
