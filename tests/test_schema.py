"""The committed JSON Schema must match the models.

Regenerate with `tailor schema > docs/profile.schema.json`.
"""

from __future__ import annotations

from tailor.app.profile_files import profile_schema
from tests.conftest import REPO


def test_committed_schema_is_current() -> None:
    committed = (REPO / "docs" / "profile.schema.json").read_text(encoding="utf-8")
    assert committed == profile_schema(), (
        "docs/profile.schema.json is stale: run `tailor schema > docs/profile.schema.json`"
    )
