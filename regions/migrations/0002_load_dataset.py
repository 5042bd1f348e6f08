from django.db import migrations


def load(apps, schema_editor):
    from regions.loading import load_dataset

    load_dataset(apps.get_model("regions", "Region"), apps.get_model("regions", "RegionDataset"))


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
