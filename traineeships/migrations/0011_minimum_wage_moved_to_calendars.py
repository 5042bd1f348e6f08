"""The minimum wage moves to calendars.MinimumWage (calendars.wages.minimum_wage, the one place every programme
reads it from): each 地区参数's wage becomes a MinimumWage row of the same region and period (source = its note,
set by its setter), then the field goes."""

from django.db import migrations


def copy_wages(apps, schema_editor):
    RegionParameter = apps.get_model("traineeships", "RegionParameter")
    MinimumWage = apps.get_model("calendars", "MinimumWage")
    for parameter in RegionParameter.objects.order_by("region_id", "valid_from"):
        MinimumWage.objects.get_or_create(
            region_id=parameter.region_id, valid_from=parameter.valid_from,
            defaults={"valid_to": parameter.valid_to, "monthly": parameter.minimum_wage_monthly,
                      "source": parameter.note or "", "set_by_id": parameter.set_by_id})


def copy_back(apps, schema_editor):
    RegionParameter = apps.get_model("traineeships", "RegionParameter")
    MinimumWage = apps.get_model("calendars", "MinimumWage")
    for parameter in RegionParameter.objects.all():
        wage = MinimumWage.objects.filter(region_id=parameter.region_id, valid_from__lte=parameter.valid_from) \
            .order_by("-valid_from").first()
        parameter.minimum_wage_monthly = wage.monthly if wage is not None else 0
        parameter.save(update_fields=["minimum_wage_monthly"])


class Migration(migrations.Migration):
    dependencies = [
        ("calendars", "0003_minimumwage"),
        ("traineeships", "0010_placement_expiry_and_retention_outcome"),
    ]

    operations = [
        migrations.RunPython(copy_wages, copy_back),
        migrations.RemoveField(model_name="regionparameter", name="minimum_wage_monthly"),
    ]
