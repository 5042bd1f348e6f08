"""After a key rotation: re-encrypt every encrypted value under the newest FIELD_ENCRYPTION_KEY and recompute
every keyed hash under FIELD_HASH_KEY. Safe to run again; rows are rewritten in batches, one model per
transaction."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from core import crypto
from core.encrypted_rows import rewrite
from core.fields import EncryptedTextField


class Command(BaseCommand):
    help = "Re-encrypt personal data under the newest key and recompute the lookup hashes"

    def handle(self, *args, **options):
        for model in apps.get_models():
            if not any(isinstance(field, EncryptedTextField) for field in model._meta.concrete_fields):
                continue
            with transaction.atomic():
                rows = rewrite(model, connection, rotate=True)
            self.stdout.write(f"{model._meta.label}: {rows}")
        self.stdout.write(self.style.SUCCESS(f"All values now use key {crypto.current_key_id()!r}"))
