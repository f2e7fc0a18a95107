"""Imports point downwards, and every module of tailor belongs to a layer that says what it may import.

The layers, from the bottom (the README's "Architecture" section draws the same map):

- shared leaves: ``errors``, ``template_limits``, ``reportlab_startup``, ``data``, ``tailor`` itself
  (``__version__``): import nothing of tailor;
- ``models``: the pydantic models, the single source of truth;
- ``writing`` (files out) and ``inputs`` (profile, rules, themes, input bounds);
- ``_prebuilt`` readers (compiled templates): what render and documents load ahead of time;
- the pipeline stages: ``posting`` (understand the job), ``matching`` (score, select), ``layout``
  (page fit), ``documents`` (letter, answers, prep), ``render`` (PDF, DOCX), ``importing`` and
  ``exporting`` (other CV formats), ``report`` (match.json, match.md);
- ``app``: the use cases, which run the stages and own the file system;
- ``cli``: parses arguments, calls one use case, prints;
- ``_prebuilt.build``: the developer tool that makes the prebuilt files by running the app.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "tailor"
LEAF: frozenset[str] = frozenset()
STAGE_BASE = frozenset({"errors", "models"})
ALLOWED: dict[str, frozenset[str]] = {
    "__init__": LEAF,
    "errors": LEAF,
    "template_limits": LEAF,
    "reportlab_startup": LEAF,
    "data": LEAF,
    "models": LEAF,
    "writing": frozenset({"errors"}),
    "inputs": STAGE_BASE,
    "_prebuilt": STAGE_BASE | {"inputs"},
    "posting": STAGE_BASE | {"inputs"},
    "matching": STAGE_BASE,
    "layout": STAGE_BASE,
    "render": STAGE_BASE | {"inputs", "_prebuilt", "template_limits"},
    "documents": STAGE_BASE | {"inputs", "matching", "_prebuilt", "template_limits"},
    "importing": STAGE_BASE | {"inputs"},
    "exporting": STAGE_BASE | {"render"},
    "report": STAGE_BASE | {"matching", "__init__"},
    "app": STAGE_BASE
    | {"__init__", "inputs", "writing", "_prebuilt", "posting", "matching", "layout", "documents"}
    | {"render", "importing", "exporting", "report", "template_limits"},
    "cli": frozenset({"__init__", "errors", "app", "report", "reportlab_startup"}),
    "_prebuilt.build": frozenset({"_prebuilt", "inputs", "matching", "render", "documents", "app"}),
    "_prebuilt.__main__": frozenset({"_prebuilt"}),
    "__main__": frozenset({"cli"}),
}
"""Each layer (a package, or a module where a package holds two layers) and what it may import."""


def _unit(path: Path) -> str:
    """The most specific layer a file belongs to."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if len(parts) > 1 and ".".join(parts[:2]) in ALLOWED:
        return ".".join(parts[:2])
    return parts[0]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "tailor":
            names.update(alias.name if alias.name != "__version__" else "__init__" for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tailor."):
            names.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            names.update(a.name.split(".")[1] for a in node.names if a.name.startswith("tailor."))
    return names


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_belongs_to_a_layer() -> None:
    assert SOURCES
    unplaced = [str(p.relative_to(REPO)) for p in SOURCES if _unit(p) not in ALLOWED]
    assert not unplaced, f"add these to a layer in ALLOWED: {unplaced}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_downwards(path: Path) -> None:
    unit = _unit(path)
    bad = _imports(path) - ALLOWED.get(unit, LEAF) - {unit.split(".")[0]}
    assert not bad, f"{path.relative_to(REPO)} ({unit}) imports {sorted(bad)}"


def test_no_layer_imports_one_that_imports_it() -> None:
    for unit, allowed in ALLOWED.items():
        for other in allowed:
            assert unit not in ALLOWED.get(other, LEAF), f"{unit} and {other} may import each other"


def test_cli_start_up_does_not_import_heavy_modules() -> None:
    import subprocess
    import sys

    heavy = "('reportlab', 'docxtpl', 'pydantic', 'yaml', 'rich')"
    code = f"import sys, tailor.cli; print(','.join(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""
