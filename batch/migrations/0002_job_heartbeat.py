from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("batch", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="batchjob",
            name="heartbeat_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="最近进展"),
        ),
        migrations.AddIndex(
            model_name="batchjob",
            index=models.Index(fields=["status", "heartbeat_at"], name="batch_job_status_heartbeat"),
        ),
    ]
