"""The inbox keyword's full-text index (core.search): the token text of each review's title, unit name and
submitter's name, then FTS5 with triggers on SQLite or a generated tsvector with a GIN index on PostgreSQL."""

from django.db import migrations

from core.search_migration import index_operations


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial")]

    operations = index_operations("reviews", "Review", "reviews_review",
                                  ("title", "submitter_org__name", "submitted_by__real_name"))
