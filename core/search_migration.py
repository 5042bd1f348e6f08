"""The migration operations that give a model the keyword index of core.search: its `search_text` column, filled
from the model's own fields (or its relations'), then the index itself (FTS5 with triggers on SQLite, a generated
tsvector with a GIN index on PostgreSQL), dropped again if the migration is reversed."""

from django.db import migrations, models

from core.search import install_sql, tokens_for, uninstall_sql

CHUNK = 2000


def index_operations(app_label: str, model_name: str, table: str, fields: tuple[str, ...]) -> list:
    """`fields`: the value paths whose texts the index holds, in the order the model's own token text lists them
    (e.g. ("title", "submitter_org__name")), so the filled rows equal what the model writes later."""

    def fill(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        batch = []
        for pk, *texts in model.objects.values_list("pk", *fields).iterator(chunk_size=CHUNK):
            batch.append(model(pk=pk, search_text=tokens_for(*texts)))
            if len(batch) == CHUNK:
                model.objects.bulk_update(batch, ["search_text"])
                batch = []
        model.objects.bulk_update(batch, ["search_text"])

    def install(apps, schema_editor):
        for statement in install_sql(schema_editor.connection.vendor, table):
            schema_editor.execute(statement)

    def uninstall(apps, schema_editor):
        for statement in uninstall_sql(schema_editor.connection.vendor, table):
            schema_editor.execute(statement)

    return [
        migrations.AddField(model_name=model_name.lower(), name="search_text",
                            field=models.TextField(default="", editable=False)),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(install, uninstall),
    ]
