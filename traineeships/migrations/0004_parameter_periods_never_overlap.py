"""Two periods of one region's parameters never overlap, held by the database on PostgreSQL (an exclusion
constraint over the region and the inclusive date range; an empty valid_to is open-ended). Elsewhere the
service's lock on the region row keeps parallel writers in line."""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE traineeships_regionparameter ADD CONSTRAINT tr_param_no_overlap
    EXCLUDE USING gist (region_id WITH =, daterange(valid_from, valid_to, '[]') WITH &&);
"""
DROP = "ALTER TABLE traineeships_regionparameter DROP CONSTRAINT IF EXISTS tr_param_no_overlap;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("traineeships", "0003_individuals"),
    ]

    operations = [migrations.RunPython(create, drop)]
