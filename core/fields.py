"""One field type for personal identifiers encrypted at rest (ID numbers, mobiles, bank accounts).

    id_number = EncryptedTextField(_("身份证号"), kind=crypto.ID_NUMBER, max_length=18, blank=True)
    id_number_hash = KeyedHashField(source="id_number")
    Meta.constraints = [UniqueConstraint(fields=["id_number_hash"], name=…)]  # or Meta.indexes

and the model inherits `EncryptedFieldsMixin`. (Constraints and indexes in Meta rather than unique=True or
db_index=True, which on PostgreSQL would add a LIKE index no one uses.)

Python code sees the plaintext; the column holds ciphertext (core.crypto). The companion column holds the
keyed hash of the normalised value, kept in step on every save, and carries the indexes and unique
constraints. `filter(id_number=…)`, `filter(person__id_number=…)` and `__in` are answered from the hash column,
so call sites read as before; a LIKE search or a comparison on the encrypted column cannot mean anything and is
refused, and an ORDER BY on it must not be written. Writes that bypass Model.save (`QuerySet.update`,
`bulk_update` of the field) would leave the hash stale: do not use them on these fields.
"""

from django import forms
from django.core import checks
from django.core.exceptions import FieldError
from django.db import models
from django.db.models import lookups
from django.db.models.expressions import Col

from core import crypto


class EncryptedTextField(models.TextField):
    """Plaintext in Python, ciphertext in the database. `max_length` bounds the plaintext (forms only)."""

    def __init__(self, *args, kind: str, **kwargs):
        self.kind = kind
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["kind"] = self.kind
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        if not value:
            return value
        return crypto.decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if not value:
            return value
        return crypto.encrypt(value)

    def get_lookup(self, lookup_name):
        return _LOOKUPS.get(lookup_name)

    def get_transform(self, lookup_name):
        return None

    def hash_field(self):
        for field in self.model._meta.concrete_fields:
            if isinstance(field, KeyedHashField) and field.source == self.name:
                return field
        return None

    def formfield(self, **kwargs):
        defaults = {"form_class": forms.CharField, "max_length": self.max_length, "widget": forms.TextInput}
        if self.null:
            defaults["empty_value"] = None
        return models.Field.formfield(self, **{**defaults, **kwargs})


class KeyedHashField(models.CharField):
    """HMAC-SHA256 of the normalised value of the EncryptedTextField named by `source`; empty when it is."""

    def __init__(self, *args, source: str, **kwargs):
        self.source = source
        kwargs.update(max_length=64, editable=False, null=True, blank=True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        for fixed in ("max_length", "editable", "null", "blank"):
            kwargs.pop(fixed, None)
        kwargs["source"] = self.source
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        source = model_instance._meta.get_field(self.source)
        value = crypto.keyed_hash(source.kind, getattr(model_instance, source.attname))
        setattr(model_instance, self.attname, value)
        return value

    def check(self, **kwargs):
        errors = super().check(**kwargs)
        try:
            source = self.model._meta.get_field(self.source)
        except Exception:
            source = None
        if not isinstance(source, EncryptedTextField):
            errors.append(checks.Error(f"source {self.source!r} is not an EncryptedTextField", obj=self,
                                       id="core.E101"))
        if not issubclass(self.model, EncryptedFieldsMixin):
            errors.append(checks.Error("a model with a KeyedHashField must inherit EncryptedFieldsMixin",
                                       obj=self, id="core.E102"))
        return errors


class EncryptedFieldsMixin:
    """Saving an encrypted field by name (`save(update_fields=["mobile"])`) saves its hash with it."""

    def save(self, *args, update_fields=None, **kwargs):
        if update_fields is not None:
            update_fields = set(update_fields)
            for field in self._meta.concrete_fields:
                if isinstance(field, KeyedHashField) and field.source in update_fields:
                    update_fields.add(field.name)
        super().save(*args, update_fields=update_fields, **kwargs)


def _hash_column(lhs):
    source = getattr(lhs, "target", None)
    if not isinstance(lhs, Col) or not isinstance(source, EncryptedTextField):
        raise FieldError("An encrypted field can be compared only as a plain column")
    hash_field = source.hash_field()
    if hash_field is None:
        raise FieldError(f"{source.model.__name__}.{source.name} is encrypted without a keyed hash: it cannot "
                         "be searched")
    return source.kind, Col(lhs.alias, hash_field)


def _plain_value(value):
    if hasattr(value, "resolve_expression"):
        raise FieldError("An encrypted field can be compared with values only, not with expressions")
    return value


class HashedExact(lookups.Exact):
    """`field=value` as `field_hash=keyed_hash(value)`; a blank value still compares the column itself."""

    def __init__(self, lhs, rhs):
        rhs = _plain_value(rhs)
        if rhs is None or rhs == "":
            super().__init__(lhs, rhs)
            return
        kind, column = _hash_column(lhs)
        super().__init__(column, crypto.keyed_hash(kind, str(rhs)))


class HashedIn(lookups.In):
    def __init__(self, lhs, rhs):
        kind, column = _hash_column(lhs)
        if hasattr(rhs, "resolve_expression") or isinstance(rhs, str):
            raise FieldError("__in on an encrypted field takes a list of values")
        hashes = {crypto.keyed_hash(kind, str(value)) for value in rhs if value is not None}
        super().__init__(column, [value for value in hashes if value is not None])


_LOOKUPS = {"exact": HashedExact, "in": HashedIn, "isnull": lookups.IsNull}
