"""The one writer of every status column: lock the row, re-read it, check the transition table, write the
status and every field that goes with it, and audit each written field with its value before and after.
It lives in the audit app, not core, because every move is audited and core imports nothing above it.

Each stateful model declares one StateMachine next to its service (POST_STATES, BASE_STATES...) and moves
through it only; the review engine moves a review's subject through the machine named in the kind's
StatusMap. Lock order: see docs/architecture.md ("Lock order")."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _

from audit.services import record
from core.constraints import known_violation

REFUSAL = "%(noun)s当前状态为“%(status)s”，不能变为“%(new)s”"


class TransitionRefused(ValidationError):
    """The transition table does not allow the move (usually: someone else moved the object first)."""


def _value(value):
    """A field value as the audit log stores it (a model instance by its key, a file by its name)."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):
        return value.name or None
    return value


@dataclass(frozen=True)
class StateMachine:
    model: type[models.Model]
    transitions: Mapping[Any, Any]
    action: str  # the audit action code of a move
    noun: str = ""  # how refusals name the object ("岗位"); the model's verbose name by default
    field: str = "status"
    refusal: str = REFUSAL
    # Fields written with every move into a status, e.g. published_at when a post is published:
    # stamps(locked, current, new, actor) -> {field: value}; explicit fields given to move() win.
    stamps: Callable[..., dict] | None = None
    refused: type[TransitionRefused] = TransitionRefused  # the exception a refusal raises

    def choices(self):
        return self.model._meta.get_field(self.field).choices

    def label_of(self, value) -> str:
        return str(dict(self.choices()).get(value, value))

    def refuse(self, current, new) -> TransitionRefused:
        noun = self.noun or str(self.model._meta.verbose_name)
        return self.refused(
            _(self.refusal) % {"noun": noun, "status": self.label_of(current), "new": self.label_of(new)},
            code="transition",
        )

    def lock(self, pk) -> models.Model:
        return self.model.objects.select_for_update(of=("self",)).get(pk=pk)

    def move(self, obj, new_status, *, actor, locked: bool = False, expected=None, **fields) -> models.Model:
        """Move `obj` to `new_status`, writing `fields` with it; returns the locked, written row and copies
        what was written onto `obj`. `locked=True` says `obj` is the row the caller locked in this
        transaction (and has read since), so it is not read again. `expected` is the status the caller
        decided on: if the row has moved on since, the move is refused. Moving to the current status with
        no fields changes nothing and records nothing."""
        if not transaction.get_connection().in_atomic_block:
            with transaction.atomic():
                return self.move(obj, new_status, actor=actor, locked=locked, expected=expected, **fields)
        row = obj if locked else self.lock(obj.pk)
        current = getattr(row, self.field)
        if expected is not None and current != expected:
            raise self.refuse(current, new_status)
        if new_status == current and not fields:
            return row
        if new_status != current and new_status not in self.transitions.get(current, ()):
            raise self.refuse(current, new_status)
        if self.stamps is not None and new_status != current:
            fields = {**self.stamps(row, current, new_status, actor), **fields}
        written = {self.field: new_status, **fields}
        before = {name: _value(getattr(row, name)) for name in written}
        for name, value in written.items():
            setattr(row, name, value)
        update_fields = list(written)
        if any(f.name == "updated_at" for f in self.model._meta.concrete_fields):
            update_fields.append("updated_at")
        try:
            with transaction.atomic():
                row.save(update_fields=update_fields)
        except IntegrityError as error:
            raise known_violation(error) or error from None
        after = {name: _value(getattr(row, name)) for name in written}
        changed = [name for name in written if before[name] != after[name]]
        if changed:
            record(actor=actor, action=self.action, target=row, before={name: before[name] for name in changed},
                   after={name: after[name] for name in changed})
        if obj is not row:
            for name in update_fields:
                setattr(obj, name, getattr(row, name))
        return row


@dataclass(frozen=True)
class StatusMap:
    """What a review's overall status makes of its subject: `statuses` maps each ReviewStatus to the
    subject's status in `machine`; `hook(subject=, status=, actor=, review=)` runs first, with the subject
    locked, and may refuse (raise) or return extra fields to write with the move (or None)."""

    machine: StateMachine
    statuses: Mapping[str, Any] = field(default_factory=dict)
    hook: Callable[..., dict | None] | None = None

    def apply(self, *, subject, review_status, actor, review=None):
        locked = self.machine.lock(subject.pk)
        extra = self.hook(subject=locked, status=review_status, actor=actor, review=review) if self.hook else None
        self.machine.move(locked, self.statuses[review_status], actor=actor, locked=True, **(extra or {}))
        for name in (self.machine.field, *(extra or {})):
            setattr(subject, name, getattr(locked, name))
        return locked
