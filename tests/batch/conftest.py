import pytest
from django.urls import reverse

from tests.batch.helpers import upload


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Call `action()` and run the jobs it enqueued after commit (the ImmediateBackend runs them inline)."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


@pytest.fixture
def post_import(run_on_commit):
    def post(client, content, name="人员.xlsx", spec="staff"):
        url = reverse("batch:import", args=[spec])
        return run_on_commit(lambda: client.post(url, {"file": upload(content, name)}))

    return post
