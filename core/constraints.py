"""Database constraints whose violation is a user's mistake, each with its Chinese message.

A rule that two parallel requests could both pass in Python (one pending application, no overlapping
periods, one record per ID number) is held by a constraint; the service catches the IntegrityError and
`known_violation()` turns it into the form's message. Apps register their constraints in AppConfig.ready().
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models


@dataclass(frozen=True)
class KnownConstraint:
    model: type[models.Model]
    name: str  # the constraint's name, or a field's name for `unique=True`
    message: str
    form_field: str | None = None  # the form field the message belongs to (None: the whole form)
    code: str = "constraint"

    def columns(self) -> list[str] | None:
        for constraint in self.model._meta.constraints:
            if constraint.name == self.name:
                fields = getattr(constraint, "fields", ()) or ()
                return [self.model._meta.get_field(name).column for name in fields] or None
        try:
            return [self.model._meta.get_field(self.name).column]
        except Exception:
            return None

    def matches(self, error: IntegrityError) -> bool:
        diag = getattr(getattr(error, "__cause__", None), "diag", None)
        if diag is not None and diag.constraint_name:  # PostgreSQL names the constraint
            if diag.constraint_name == self.name:
                return True
            detail, columns = diag.message_detail or "", self.columns()
            return (columns is not None and diag.table_name == self.model._meta.db_table
                    and detail.startswith(f"Key ({', '.join(columns)})="))
        text = str(error)  # SQLite names a check constraint, and a unique one by its columns
        if f"constraint failed: {self.name}" in text:
            return True
        columns = self.columns()
        if columns is None:
            return False
        table = self.model._meta.db_table
        listed = re.search(r"UNIQUE constraint failed: (.*)$", text)
        return listed is not None and listed.group(1).strip() == ", ".join(f"{table}.{c}" for c in columns)

    def error(self) -> ValidationError:
        message = str(self.message)
        if self.form_field:
            return ValidationError({self.form_field: ValidationError(message, code=self.code)})
        return ValidationError(message, code=self.code)


_known: list[KnownConstraint] = []


def register_constraint(model, name: str, message, *, form_field: str | None = None, code: str = "constraint"):
    _known.append(KnownConstraint(model=model, name=name, message=message, form_field=form_field, code=code))


def known_violation(error: IntegrityError) -> ValidationError | None:
    """The Chinese message of the registered constraint `error` violates, or None for an unknown one
    (which stays a 500: a bug, not a user's mistake)."""
    for known in _known:
        if known.matches(error):
            return known.error()
    return None
