"""The OpenAPI document generates without a warning and validates: a collision or an unresolvable field would
silently degrade what clients (and the fuzzer in .ci/run) read."""

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_the_schema_generates_without_warnings(settings, tmp_path):
    settings.SPECTACULAR_SETTINGS = {**settings.SPECTACULAR_SETTINGS, "DISABLE_ERRORS_AND_WARNINGS": False}
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
    assert (tmp_path / "schema.yml").read_text(encoding="utf-8").startswith("openapi: 3.0.3")
