"""The inbox keyword's full-text index (core.search): the token text of each review's title, unit name and
submitter's name, then FTS5 with triggers on SQLite or a generated tsvector with a GIN index on PostgreSQL."""

from django.db import migrations, models

from core.search import install_sql, tokens_for, uninstall_sql

TABLE = "reviews_review"


def fill_tokens(apps, schema_editor):
    Review = apps.get_model("reviews", "Review")
    rows = Review.objects.values_list("pk", "title", "submitter_org__name", "submitted_by__real_name")
    batch = []
    for pk, title, unit_name, person_name in rows.iterator(chunk_size=2000):
        batch.append(Review(pk=pk, search_text=tokens_for(title, unit_name or "", person_name)))
        if len(batch) == 2000:
            Review.objects.bulk_update(batch, ["search_text"])
            batch = []
    Review.objects.bulk_update(batch, ["search_text"])


def install(apps, schema_editor):
    for statement in install_sql(schema_editor.connection.vendor, TABLE):
        schema_editor.execute(statement)


def uninstall(apps, schema_editor):
    for statement in uninstall_sql(schema_editor.connection.vendor, TABLE):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial")]

    operations = [
        migrations.AddField(model_name="review", name="search_text",
                            field=models.TextField(default="", editable=False)),
        migrations.RunPython(fill_tokens, migrations.RunPython.noop),
        migrations.RunPython(install, uninstall),
    ]
