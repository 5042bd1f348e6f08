"""Insert a chunk of already-validated rows with one `executemany` (PostgreSQL: one COPY), for imports' apply
services.

`Model.objects.bulk_create` builds a model instance per row and compiles every value through the field's
get_db_prep_save: for a 100,000-row roster that is about five times the cost of the insert itself. The rows
here are the screen form's cleaned_data, already of the field's Python type, so each column's value goes
through the same database adaptation Django would use (connection.ops), chosen once per column; any value of
another type falls back to the field's own get_db_prep_save. Fields the rows do not carry are filled as
Model.save() would fill them: auto_now / auto_now_add with the current time, otherwise the field's default.

On PostgreSQL the rows go in with COPY ... FROM STDIN (psycopg 3's cursor.copy): executemany sends one
statement per row and cost the client about twice SQLite's CPU per 100,000 rows. COPY takes the same adapted
values, checks the same constraints and runs in the caller's transaction; the statement is all or nothing, as
the executemany in a savepoint is.

What the insert would derive from a row's plaintext (each keyed hash, each identifier's ciphertext) may be taken
beforehand by `sealer(model)`, e.g. in a validation worker beside the job's process (batch.parallel); the insert
then stores those values as given.
"""

import datetime
import decimal
from collections.abc import Callable, Iterable

from django.db import connections, models, router
from django.utils import timezone

from core import crypto
from core.fields import EncryptedTextField, KeyedHashField

_TEXT_FIELDS = (models.CharField, models.TextField)


def _adapter(field, connection) -> Callable:
    """value -> database value for one column, as field.get_db_prep_save(value, connection) would give."""
    ops = connection.ops
    prep = field.get_db_prep_save
    if isinstance(field, EncryptedTextField):
        encrypt = crypto.encrypt

        def sealed(value):  # what get_prep_value gives for text, without the four calls down to it
            if type(value) is str:
                return encrypt(value) if value else value
            return prep(value, connection)

        return sealed
    if isinstance(field, _TEXT_FIELDS):
        def text(value):
            return value if value is None or type(value) is str else prep(value, connection)

        return text
    if isinstance(field, models.DecimalField):
        adapt_decimal, digits, places = ops.adapt_decimalfield_value, field.max_digits, field.decimal_places

        def number(value):
            if value is None:
                return None
            if type(value) is decimal.Decimal:
                return adapt_decimal(value, digits, places)
            return prep(value, connection)

        return number
    if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        adapt_date = ops.adapt_datefield_value

        def day(value):
            if value is None:
                return None
            if type(value) is datetime.date:
                return adapt_date(value)
            return prep(value, connection)

        return day
    return lambda value: prep(value, connection)


def sealed_name(attname: str) -> str:
    """The key under which a row carries the ciphertext of its field `attname` (see sealer)."""
    return f"{attname}:sealed"


def sealer(model) -> Callable[[dict], dict]:
    """row -> the same row, carrying what insert_rows would derive from its plaintext: each keyed hash under the
    hash field's attname, each non-empty encrypted text's ciphertext under sealed_name(attname).

    The import's validation workers call it so that the job's process, which reads and writes, does not (the
    hashes and ciphertexts of two identifiers were about a tenth of its CPU). Each ciphertext takes its nonce
    from os.urandom at the call, in whichever process makes it: nothing random is prepared before a fork.
    """
    fields = model._meta.concrete_fields
    hashes = [(field.attname, field.source, model._meta.get_field(field.source).kind) for field in fields
              if isinstance(field, KeyedHashField)]
    sealed = [(field.attname, sealed_name(field.attname)) for field in fields if isinstance(field, EncryptedTextField)]
    keyed_hash, encrypt = crypto.keyed_hash, crypto.encrypt

    def seal(row: dict) -> dict:
        for name, source, kind in hashes:
            row[name] = keyed_hash(kind, row.get(source))
        for name, carried in sealed:
            value = row.get(name)
            if type(value) is str and value:
                row[carried] = encrypt(value)
        return row

    return seal


def insert_rows(model, rows: Iterable[dict], *, constants: dict | None = None) -> int:
    """INSERT one database row per dict (keyed by attname: field name, or e.g. organisation_id); returns the count.

    `constants` gives values shared by every row (e.g. {"organisation_id": 7}). Runs in the caller's
    transaction; no signals are sent and primary keys are not read back, as with bulk_create on SQLite.
    """
    constants = constants or {}
    connection = connections[router.db_for_write(model)]
    now = timezone.now()
    # (key in the row, adapter), (database value), (hash, source), (key, key of its ciphertext, adapter)
    per_row, fixed, hashed, sealed = [], [], [], []
    columns = []
    for field in model._meta.concrete_fields:
        if field.primary_key and isinstance(field, models.AutoField):
            continue
        columns.append(field.column)
        if field.attname in constants or field.name in constants:
            value = constants.get(field.attname, constants.get(field.name))
            fixed.append((len(columns) - 1, field.get_db_prep_save(value, connection)))
        elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            fixed.append((len(columns) - 1, field.get_db_prep_save(now, connection)))
        elif isinstance(field, KeyedHashField):
            # Taken from the row's plaintext, as KeyedHashField.pre_save would, unless the row carries it
            # already under the field's own name (the caller hashed the chunk to look its rows up).
            hashed.append((len(columns) - 1, field.attname, field.source, model._meta.get_field(field.source).kind))
        elif isinstance(field, EncryptedTextField):
            sealed.append((len(columns) - 1, field.attname, sealed_name(field.attname), field,
                           _adapter(field, connection)))
        else:
            per_row.append((len(columns) - 1, field.attname, field, _adapter(field, connection)))
    width = len(columns)
    template = [None] * width
    for position, value in fixed:
        template[position] = value
    # A column a row does not carry takes the field's default. A constant default is prepared once (for a
    # roster row that is a third of its columns: the link and account fields); a callable one on every row.
    missing = object()
    defaults = {
        position: missing if field.has_default() and callable(field.default)
        else field.get_db_prep_save(field.get_default(), connection)
        for position, _name, field, _adapt in per_row
    }
    plan = [(position, name, field, adapt, defaults[position]) for position, name, field, adapt in per_row]
    keyed_hash = crypto.keyed_hash

    def parameters():
        for row in rows:
            values = template.copy()
            get = row.get
            for position, name, field, adapt, default in plan:
                value = get(name, missing)
                if value is not missing:
                    values[position] = adapt(value)
                elif default is not missing:
                    values[position] = default
                else:
                    values[position] = field.get_db_prep_save(field.get_default(), connection)
            for position, name, carried, field, adapt in sealed:
                value = get(carried, missing)
                if value is missing:  # not sealed beforehand (sealer): encrypted here
                    value = get(name, missing)
                    value = adapt(value) if value is not missing else field.get_db_prep_save(field.get_default(),
                                                                                            connection)
                values[position] = value
            for position, name, source, kind in hashed:
                value = get(name)
                values[position] = value if value is not None else keyed_hash(kind, get(source))
            yield values

    quote = connection.ops.quote_name
    table, names = quote(model._meta.db_table), ", ".join(quote(column) for column in columns)
    if connection.vendor == "postgresql":
        count = 0
        # psycopg's own cursor: its errors are made Django's (IntegrityError…) as the wrapper's would be.
        with (connection.wrap_database_errors, connection.cursor() as cursor,
              cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy):
            for values in parameters():
                copy.write_row(values)
                count += 1
        return count
    sql = "INSERT INTO {} ({}) VALUES ({})".format(table, names, ", ".join(["%s"] * width))
    batch = list(parameters())
    if batch:
        with connection.cursor() as cursor:
            cursor.executemany(sql, batch)
    return len(batch)
