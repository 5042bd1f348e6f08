"""The roster's 姓名 search's full-text index (core.search): the token text of each staff member's name, then FTS5
with triggers on SQLite or a generated tsvector with a GIN index on PostgreSQL."""

from django.db import migrations

from core.search_migration import index_operations


class Migration(migrations.Migration):
    dependencies = [("organisations", "0006_staffmember_staff_org_name")]

    operations = index_operations("organisations", "StaffMember", "organisations_staffmember", ("name",))
