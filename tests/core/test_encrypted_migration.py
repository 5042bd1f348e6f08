"""The migrations that encrypt personal data convert rows written before them, and undo it when unapplied."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.models import SmsCode, User
from core import crypto
from organisations.models import StaffMember
from traineeships.models import GraduateRecord, TraineeProfile, TraineeshipBase

BEFORE = [("accounts", "0002_initial"), ("organisations", "0002_activation_and_creator"),
          ("traineeships", "0003_individuals")]
AFTER = [("accounts", "0003_encrypt_personal_data"), ("organisations", "0003_encrypt_personal_data"),
         ("traineeships", "0004_encrypt_personal_data")]

ID_NUMBER, MOBILE, STAFF_ID, STAFF_MOBILE = "41010519900307123x", "13912345678", "410105198808081000", "13700000000"
GRADUATE_ID, BANK_ACCOUNT, CONTACT_MOBILE = "410102200203070422", "6222 0210 0112 3456 789", "13600000000"


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def raw(table: str, column: str, pk: int):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])
        return cursor.fetchone()[0]


@pytest.fixture
def before(transactional_db):
    apps = migrate(BEFORE)
    yield apps
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def make_rows(apps) -> dict:
    """Rows as the plaintext schema held them, written with the models of that time."""
    user = apps.get_model("accounts", "User").objects.create(
        username="zhang", real_name="张三", kind="individual", mobile=MOBILE, id_number=ID_NUMBER, password="!")
    apps.get_model("accounts", "SmsCode").objects.create(
        mobile=MOBILE, purpose="sign_in", code_digest="x", expires_at="2030-01-01T00:00:00Z")
    organisation = apps.get_model("organisations", "Organisation").objects.create(
        name="甲企业", credit_code="91410105MA3X7D2K66", kind="enterprise", legal_representative="王",
        origin="self_registered", platform_code="P000000001")
    staff = apps.get_model("organisations", "StaffMember").objects.create(
        organisation=organisation, name="李四", id_number=STAFF_ID, gender="male", birth_date="1988-08-08",
        mobile=STAFF_MOBILE)
    graduate = apps.get_model("traineeships", "GraduateRecord").objects.create(
        name="王五", id_number=GRADUATE_ID, school="郑州大学", major="法学", education="bachelor",
        graduation_year=2025)
    profile = apps.get_model("traineeships", "TraineeProfile").objects.create(
        person=user, kind="graduate", contact_mobile=CONTACT_MOBILE)
    base = apps.get_model("traineeships", "TraineeshipBase").objects.create(
        organisation=organisation, bank_account_number=BANK_ACCOUNT)
    return {"user": user.pk, "staff": staff.pk, "graduate": graduate.pk, "profile": profile.pk, "base": base.pk}


def test_forward_encrypts_existing_rows_and_backward_restores_them(before):
    pks = make_rows(before)
    columns = [("accounts_user", "mobile", "user", MOBILE), ("accounts_user", "id_number", "user", ID_NUMBER),
               ("organisations_staffmember", "id_number", "staff", STAFF_ID),
               ("organisations_staffmember", "mobile", "staff", STAFF_MOBILE),
               ("traineeships_graduaterecord", "id_number", "graduate", GRADUATE_ID),
               ("traineeships_traineeprofile", "contact_mobile", "profile", CONTACT_MOBILE),
               ("traineeships_traineeshipbase", "bank_account_number", "base", BANK_ACCOUNT)]

    def assert_encrypted():
        for table, column, key, plaintext in columns:
            stored = raw(table, column, pks[key])
            assert crypto.is_ciphertext(stored) and stored != plaintext, (table, column)
            assert crypto.decrypt(stored) == plaintext
        assert raw("accounts_user", "id_number_hash", pks["user"]) == crypto.keyed_hash("id_number", ID_NUMBER)

    migrate(AFTER)
    assert_encrypted()

    # Unapplied straight after, so that undoing them is all that runs (the project's other migrations are the
    # slow part of going back and forth: each direction of them costs this test half a minute).
    migrate(BEFORE)
    for table, column, key, plaintext in columns:
        assert raw(table, column, pks[key]) == plaintext, (table, column)

    # On to today's schema (later migrations of these apps too, so through the encryption again), so that
    # today's models read the plaintext and find the rows by keyed hash.
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    assert_encrypted()
    user = User.objects.get(id_number=ID_NUMBER.upper())
    assert (user.pk, user.mobile, user.id_number) == (pks["user"], MOBILE, ID_NUMBER)
    assert User.objects.get(mobile=MOBILE).pk == pks["user"]
    assert User.objects.filter(id_number_hash=crypto.keyed_hash("id_number", ID_NUMBER)).count() == 1
    assert SmsCode.objects.filter(mobile=MOBILE, purpose="sign_in").count() == 1
    assert StaffMember.objects.get(id_number=STAFF_ID).mobile == STAFF_MOBILE
    assert GraduateRecord.objects.get(id_number=GRADUATE_ID).name == "王五"
    assert TraineeProfile.objects.get(pk=pks["profile"]).contact_mobile == CONTACT_MOBILE
    assert TraineeshipBase.objects.get(pk=pks["base"]).bank_account_number == BANK_ACCOUNT
