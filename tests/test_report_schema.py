"""match.json has one typed shape (tailor.models.report.MatchReport), published as a JSON Schema.

The promise "later versions extend this shape, never remove or rename a key" is enforced here:
every key path of the first published shape (tests/fixtures/match_keys.txt) must still exist.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

from tailor.models.report import MatchReport
from tests.conftest import FIXTURES, REPO

KEYS = FIXTURES / "match_keys.txt"


def _schema_module() -> Any:
    spec = importlib.util.spec_from_file_location(
        "build_match_schema", REPO / "docs" / "build_match_schema.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def key_paths(schema: dict[str, Any]) -> set[str]:
    """``posting.company``, ``requirements[].evidence[].item``, ...: every key the schema allows."""
    defs = schema.get("$defs", {})
    paths: set[str] = set()

    def walk(node: dict[str, Any], prefix: str) -> None:
        if "$ref" in node:
            walk(defs[node["$ref"].rsplit("/", 1)[-1]], prefix)
            return
        for option in node.get("anyOf", []):
            walk(option, prefix)
        if node.get("type") == "array" and "items" in node:
            walk(node["items"], prefix + "[]")
        if isinstance(node.get("additionalProperties"), dict):
            walk(node["additionalProperties"], prefix + ".*")
        for name, sub in node.get("properties", {}).items():
            path = f"{prefix}.{name}" if prefix else name
            paths.add(path)
            walk(sub, path)

    walk(schema, "")
    return paths


def test_the_published_schema_is_current() -> None:
    published = (REPO / "docs" / "match.schema.json").read_text(encoding="utf-8")
    assert published == _schema_module().schema_text(), "run python docs/build_match_schema.py"


def test_no_key_of_match_json_was_removed_or_renamed() -> None:
    promised = {line.strip() for line in KEYS.read_text(encoding="utf-8").splitlines() if line.strip()}
    missing = promised - key_paths(MatchReport.model_json_schema())
    assert not missing, f"match.json lost keys it promised to keep: {sorted(missing)}"


def test_a_built_report_fits_the_model(tmp_path: Path) -> None:
    from tailor.app.pipeline import BuildRequest, build
    from tailor.app.posting_input import PostingInput
    from tests.conftest import EXAMPLE_POSTING, PROFILES, TODAY

    out = tmp_path / "out"
    build(BuildRequest(PROFILES / "eric-kim.yaml", PostingInput(str(EXAMPLE_POSTING)), TODAY, out=out))
    report = json.loads((out / "match.json").read_text(encoding="utf-8"))
    assert MatchReport.model_validate(report).documents
