"""The 上岗人员管理 姓名 search's full-text index (core.search): the token text of each placement's trainee name,
then FTS5 with triggers on SQLite or a generated tsvector with a GIN index on PostgreSQL."""

from django.db import migrations, models

from core.search import install_sql, tokens_for, uninstall_sql

TABLE = "traineeships_placement"


def fill_tokens(apps, schema_editor):
    Placement = apps.get_model("traineeships", "Placement")
    batch = []
    for pk, name in Placement.objects.values_list("pk", "person__real_name").iterator(chunk_size=2000):
        batch.append(Placement(pk=pk, search_text=tokens_for(name)))
        if len(batch) == 2000:
            Placement.objects.bulk_update(batch, ["search_text"])
            batch = []
    Placement.objects.bulk_update(batch, ["search_text"])


def install(apps, schema_editor):
    for statement in install_sql(schema_editor.connection.vendor, TABLE):
        schema_editor.execute(statement)


def uninstall(apps, schema_editor):
    for statement in uninstall_sql(schema_editor.connection.vendor, TABLE):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("traineeships", "0014_application_onboarded")]

    operations = [
        migrations.AddField(model_name="placement", name="search_text",
                            field=models.TextField(default="", editable=False)),
        migrations.RunPython(fill_tokens, migrations.RunPython.noop),
        migrations.RunPython(install, uninstall),
    ]
