"""A student is insured by at most one policy for any day, held by the database on PostgreSQL (an exclusion
constraint over the student and the inclusive date range). Elsewhere the service's lock on the student row
keeps parallel writers in line."""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE internships_coverage ADD CONSTRAINT in_coverage_no_overlap
    EXCLUDE USING gist (student_id WITH =, daterange(starts_on, ends_on, '[]') WITH &&);
"""
DROP = "ALTER TABLE internships_coverage DROP CONSTRAINT IF EXISTS in_coverage_no_overlap;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("internships", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
