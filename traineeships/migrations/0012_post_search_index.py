"""The public post search's full-text index (core.search): the bigram token column, filled for every post, then
FTS5 with triggers on SQLite or a generated tsvector with a GIN index on PostgreSQL."""

from django.db import migrations

from core.search_migration import index_operations


class Migration(migrations.Migration):
    dependencies = [("traineeships", "0011_minimum_wage_moved_to_calendars")]

    operations = index_operations("traineeships", "Post", "traineeships_post", ("title", "unit_name"))
