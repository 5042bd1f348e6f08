"""core.search_migration: a model's search text filled by its migration equals what the model writes itself (its
own fields and its relations', a missing relation as empty), and the index is back after the migration is reversed
and applied again. Reviews 0002 is the example: title, the unit's name (none for a person) and the submitter's."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from core import search
from tests import factories

BEFORE = [("reviews", "0001_initial")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def test_the_filled_text_is_the_models_own_and_the_index_returns(transactional_db):
    from regions.loading import load_dataset
    from regions.models import Region, RegionDataset
    from reviews.models import Review

    load_dataset(Region, RegionDataset)
    unit = factories.OrganisationFactory(name="甲企业有限公司", region=factories.region("410105"))
    admin = factories.org_admin(unit, username="admin_a", real_name="甲管理员")
    person = factories.individual(username="person", real_name="王专技")
    subject = {"subject_type": ContentType.objects.get_for_model(type(unit)), "region": unit.region,
               "submitted_at": timezone.now()}
    by_unit = Review.objects.create(kind="a", title="见习基地申请：甲企业", submitter_org=unit, submitted_by=admin,
                                    subject_id=1, **subject)
    by_person = Review.objects.create(kind="b", title="学时申报：学术年会", submitter_org=None, submitted_by=person,
                                      subject_id=2, **subject)
    expected = {review.pk: review.search_tokens() for review in (by_unit, by_person)}
    try:
        migrate(BEFORE)
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
        assert dict(Review.objects.values_list("pk", "search_text")) == expected
        with connection.cursor() as cursor:
            assert search.index_in_place(connection.vendor, "reviews_review", cursor)
        found = search.matching(Review.objects.all(), "专技", whole=True)
        assert list(found.values_list("pk", flat=True)) == [by_person.pk]
        assert list(search.matching(Review.objects.all(), "企业", whole=True).values_list("pk", flat=True)) == [
            by_unit.pk]
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
