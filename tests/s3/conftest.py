# The batch fixtures (upload an import, run the jobs it queues) for the S3 runs of an import and an export.
from tests.batch.conftest import post_import, run_on_commit  # noqa: F401
