"""`flush`, then put the administrative-division table back.

Regions are reference data installed by a migration (like content types). Django's flush empties every
table, which transactional tests do after each test; without this the next test would find no regions."""

from django.core.management.commands.flush import Command as FlushCommand


class Command(FlushCommand):
    def handle(self, **options):
        super().handle(**options)
        from regions.loading import load_dataset
        from regions.models import Region, RegionDataset

        database = options["database"]
        if not Region.objects.using(database).exists():
            load_dataset(Region, RegionDataset)
