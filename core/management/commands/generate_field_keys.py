"""Print a fresh FIELD_ENCRYPTION_KEY and FIELD_HASH_KEY for a deployment's environment."""

from django.core.management.base import BaseCommand

from praxis.field_keys import new_key


class Command(BaseCommand):
    help = "Print new keys for FIELD_ENCRYPTION_KEY and FIELD_HASH_KEY"

    def add_arguments(self, parser):
        parser.add_argument("--key-id", default="k1", help="id of the encryption key (change it on each rotation)")

    def handle(self, *args, key_id, **options):
        self.stdout.write(f"FIELD_ENCRYPTION_KEY={key_id}:{new_key()}")
        self.stdout.write(f"FIELD_HASH_KEY={new_key()}")
