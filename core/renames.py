"""Names copied into other rows' search text (core.search): a person's name into the reviews they submitted and
their placements, a unit's name into its reviews. The copies are refreshed when the name changes, whoever saves
it (a profile page, the admin, an import), without a query on saves that leave the names alone."""

from django.dispatch import Signal

# sender: the model class; instance: the row just saved; fields: the names that changed. Sent inside the save's
# transaction, so a receiver's writes commit or roll back with the rename.
renamed = Signal()


class NotifiesRenames:
    """Mixin for a model whose fields `copied_names` are copied elsewhere: a save that changed one of them sends
    `renamed`. The values read from the database are remembered to tell a change from a plain save."""

    copied_names: tuple[str, ...] = ()

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._names_read = instance._current_names()
        return instance

    def _current_names(self) -> dict:
        # A deferred name is not in __dict__: it was neither read nor (without a refresh) saved.
        return {name: self.__dict__[name] for name in self.copied_names if name in self.__dict__}

    def save(self, *args, **kwargs):
        adding = self._state.adding
        super().save(*args, **kwargs)
        current = self._current_names()
        read = getattr(self, "_names_read", None)
        self._names_read = current
        if adding and read is None:
            return  # a new row: nothing holds a copy of its names yet
        update_fields = kwargs.get("update_fields")
        changed = [name for name, value in current.items()
                   if (update_fields is None or name in update_fields) and (read is None or read.get(name) != value)]
        if changed:
            renamed.send(sender=type(self), instance=self, fields=changed)
