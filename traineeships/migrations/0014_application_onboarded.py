"""Application.onboarded ("has a placement") and a partial index of the applications waiting for
registration (approved, not onboarded), so 上岗人员管理's 待登记上岗 box no longer probes every approved
application for a placement. Existing applications with a placement are marked in one UPDATE."""

from django.db import migrations, models


def mark_onboarded(apps, schema_editor):
    Application = apps.get_model("traineeships", "Application")
    Placement = apps.get_model("traineeships", "Placement")
    Application.objects.filter(
        models.Exists(Placement.objects.filter(application_id=models.OuterRef("pk")))
    ).update(onboarded=True)


class Migration(migrations.Migration):

    dependencies = [
        ("traineeships", "0013_placement_tr_placement_base_newest"),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="onboarded",
            field=models.BooleanField(default=False, editable=False, verbose_name="已登记上岗"),
        ),
        migrations.RunPython(mark_onboarded, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="application",
            index=models.Index(condition=models.Q(("onboarded", False), ("status", "approved")),
                               fields=["-decided_at", "-id"], name="tr_application_waiting"),
        ),
    ]
