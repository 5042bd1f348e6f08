"""Rewriting the stored form of encrypted fields in bulk, in raw SQL so nothing is decrypted twice or
encrypted twice: the data migrations that encrypt existing rows (and decrypt them again when unapplied), and
`manage.py reencrypt_personal_data` after a key rotation."""

from django.db import migrations

from core import crypto
from core.fields import EncryptedTextField

BATCH_SIZE = 500


def _plaintext(stored):
    return crypto.decrypt(stored) if crypto.is_ciphertext(stored) else stored


def _encrypted(stored, *, rotate: bool):
    """The ciphertext to keep for `stored`, or None when it can stay as it is."""
    if not stored:
        return None
    if not crypto.is_ciphertext(stored):
        return crypto.encrypt(stored)
    if rotate and crypto.key_id_of(stored) != crypto.current_key_id():
        return crypto.encrypt(crypto.decrypt(stored))
    return None


def rewrite(model, connection, *, decrypt: bool = False, rotate: bool = False) -> int:
    """Encrypt (or, with decrypt=True, decrypt) every encrypted field of `model` in place and set the keyed
    hashes; rotate=True also re-encrypts values under an older key. Returns the number of rows changed."""
    fields = [field for field in model._meta.concrete_fields if isinstance(field, EncryptedTextField)]
    if not fields:
        return 0
    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    columns = ", ".join(quote(field.column) for field in fields)
    changed, last = 0, None
    with connection.cursor() as cursor:
        while True:
            where = f"WHERE {pk} > %s " if last is not None else ""
            cursor.execute(f"SELECT {pk}, {columns} FROM {table} {where}ORDER BY {pk} LIMIT {BATCH_SIZE}",
                           [last] if last is not None else [])
            rows = cursor.fetchall()
            if not rows:
                return changed
            for row in rows:
                assignments, params = [], []
                for field, stored in zip(fields, row[1:]):
                    if decrypt:
                        value = _plaintext(stored) if stored else None
                    else:
                        value = _encrypted(stored, rotate=rotate)
                    if value is not None and value != stored:
                        assignments.append(f"{quote(field.column)} = %s")
                        params.append(value)
                    hash_field = field.hash_field()
                    if hash_field is not None:
                        digest = None if decrypt or not stored else crypto.keyed_hash(field.kind, _plaintext(stored))
                        assignments.append(f"{quote(hash_field.column)} = %s")
                        params.append(digest)
                if assignments:
                    cursor.execute(f"UPDATE {table} SET {', '.join(assignments)} WHERE {pk} = %s", [*params, row[0]])
                    changed += 1
            last = rows[-1][0]


def encrypt_existing_rows(app_label: str, *model_names: str) -> migrations.RunPython:
    """The data step of a migration that turns plaintext columns into EncryptedTextField (reversible)."""

    def forward(apps, schema_editor):
        for name in model_names:
            rewrite(apps.get_model(app_label, name), schema_editor.connection)

    def backward(apps, schema_editor):
        for name in model_names:
            rewrite(apps.get_model(app_label, name), schema_editor.connection, decrypt=True)

    return migrations.RunPython(forward, backward, elidable=False)
