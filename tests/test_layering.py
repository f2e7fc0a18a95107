"""Imports point downwards: cli -> pipeline -> {render, layout, matching, posting, loading} -> models."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "tailor"
FORBIDDEN = {
    "models": {"loading", "matching", "posting", "render", "pipeline", "cli", "report", "output"},
    "render": {"matching", "posting", "loading", "pipeline", "cli"},
    "matching": {"render", "posting", "loading", "pipeline", "cli"},
    "posting": {"render", "matching", "loading", "pipeline", "cli"},
    "loading": {"render", "matching", "posting", "pipeline", "cli"},
    "layout": {"render", "matching", "posting", "loading", "pipeline", "cli", "tailoring"},
    "tailoring": {"pipeline", "cli"},
    "rule_sources": {"render", "matching", "posting", "layout", "pipeline", "cli"},
    "report_md": {"render", "matching", "posting", "layout", "loading", "pipeline", "cli"},
    "pipeline": {"cli", "batch", "bundle", "listing", "batch_view"},
    "documents": {"render", "posting", "loading", "pipeline", "cli", "output", "application_docs"},
    "application_docs": {"cli", "pipeline", "loading", "posting"},
    "bundle": {"cli", "batch", "batch_view"},
    "batch": {"cli", "batch_view"},
    "importing": {"render", "matching", "posting", "loading", "pipeline", "cli", "exporting", "output"},
    "exporting": {"matching", "posting", "loading", "pipeline", "cli", "importing", "output"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tailor."):
            names.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            names.update(a.name.split(".")[1] for a in node.names if a.name.startswith("tailor."))
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_point_downwards(layer: str) -> None:
    files = list((PACKAGE / layer).rglob("*.py")) if (PACKAGE / layer).is_dir() else [PACKAGE / f"{layer}.py"]
    for path in files:
        bad = _imports(path) & FORBIDDEN[layer]
        assert not bad, f"{path.relative_to(REPO)} imports {sorted(bad)}"


def test_cli_start_up_does_not_import_heavy_modules() -> None:
    import subprocess
    import sys

    heavy = "('reportlab', 'docxtpl', 'pydantic', 'yaml', 'rich')"
    code = f"import sys, tailor.cli; print(','.join(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""
