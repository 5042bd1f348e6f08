"""Every audit action code has a Chinese label: record() refuses an unregistered code in the test suite,
and every code written in the source (action="app.thing", and the review engine's review.<decision>) is
registered, so none shows raw in the log."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from audit.labels import UnlabelledAction, label_for, registered_actions
from audit.services import record
from reviews.models import Decision

ROOT = Path(__file__).resolve().parents[2]
CODE = re.compile(r"""action\s*=\s*["']([a-z_]+\.[a-z_.]+)["']""")
SKIPPED = {"tests", "docs", "static", "templates", "var", "scripts", "bench"}


def codes_in_source() -> set[str]:
    codes = set()
    for path in ROOT.glob("*/**/*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in SKIPPED or relative.parts[0].startswith(".") or "migrations" in relative.parts:
            continue
        codes.update(CODE.findall(path.read_text(encoding="utf-8")))
    return codes


def test_the_suite_runs_with_labels_required():
    assert settings.AUDIT_REQUIRE_LABELS is True


@pytest.mark.django_db
def test_record_refuses_a_code_without_a_label():
    with pytest.raises(UnlabelledAction):
        record(actor=None, action="nobody.registered_this")


def test_every_code_in_the_source_has_a_label():
    found = codes_in_source() | {f"review.{decision}" for decision in Decision.values}
    assert len(found) > 60  # the scan found the source
    assert sorted(code for code in found if code not in registered_actions()) == []


def test_review_and_staff_codes_read_in_chinese():
    assert [label_for(code) for code in ("review.submitted", "review.approve", "review.return", "staff.update")] == [
        "提交审核", "审核通过", "审核退回修改", "修改人员信息"]
