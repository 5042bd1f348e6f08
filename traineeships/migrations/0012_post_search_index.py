"""The public post search's full-text index (core.search): the bigram token column, filled for every post, then
FTS5 with triggers on SQLite or a generated tsvector with a GIN index on PostgreSQL."""

from django.db import migrations, models

from core.search import install_sql, tokens_for, uninstall_sql

TABLE = "traineeships_post"


def fill_tokens(apps, schema_editor):
    Post = apps.get_model("traineeships", "Post")
    batch = []
    for post in Post.objects.only("id", "title", "unit_name").iterator(chunk_size=2000):
        post.search_text = tokens_for(post.title, post.unit_name)
        batch.append(post)
        if len(batch) == 2000:
            Post.objects.bulk_update(batch, ["search_text"])
            batch = []
    Post.objects.bulk_update(batch, ["search_text"])


def install(apps, schema_editor):
    for statement in install_sql(schema_editor.connection.vendor, TABLE):
        schema_editor.execute(statement)


def uninstall(apps, schema_editor):
    for statement in uninstall_sql(schema_editor.connection.vendor, TABLE):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("traineeships", "0011_minimum_wage_moved_to_calendars")]

    operations = [
        migrations.AddField(model_name="post", name="search_text",
                            field=models.TextField(default="", editable=False)),
        migrations.RunPython(fill_tokens, migrations.RunPython.noop),
        migrations.RunPython(install, uninstall),
    ]
