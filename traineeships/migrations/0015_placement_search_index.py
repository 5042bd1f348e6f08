"""The 上岗人员管理 姓名 search's full-text index (core.search): the token text of each placement's trainee name,
then FTS5 with triggers on SQLite or a generated tsvector with a GIN index on PostgreSQL."""

from django.db import migrations

from core.search_migration import index_operations


class Migration(migrations.Migration):
    dependencies = [("traineeships", "0014_application_onboarded")]

    operations = index_operations("traineeships", "Placement", "traineeships_placement", ("person__real_name",))
