"""Each post's token text (core.search) gains its province, city and county as tags, as Post.save writes it now:
the public search within a region asks the index for the keyword and the region at once."""

from django.db import migrations

from core.search import tag, tokens_for

CHUNK = 2000


def retag(apps, schema_editor):
    post_model = apps.get_model("traineeships", "Post")
    fields = ("pk", "title", "unit_name", "province_code", "city_code", "work_region_id")
    batch = []
    for pk, title, unit_name, province, city, county in post_model.objects.values_list(*fields).iterator(
            chunk_size=CHUNK):
        tags = tuple(tag(kind, code) for kind, code in (("p", province), ("c", city), ("w", county)) if code)
        batch.append(post_model(pk=pk, search_text=tokens_for(title, unit_name, tags=tags)))
        if len(batch) == CHUNK:
            post_model.objects.bulk_update(batch, ["search_text"])
            batch = []
    post_model.objects.bulk_update(batch, ["search_text"])


class Migration(migrations.Migration):
    dependencies = [("traineeships", "0015_placement_search_index")]

    # Backwards the tags may stay: no keyword's tokens match them, so the search before this migration finds the
    # same rows.
    operations = [migrations.RunPython(retag, migrations.RunPython.noop)]
