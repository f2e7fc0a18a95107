"""No import loses text (issue #20): every word the importer reads from a CV ends up in a field of
the profile or under ``unplaced:``, for every CV of the development set in every format (source,
Word, Word's PDF, LaTeX-style and two-column PDFs), the seeds and the messy fixtures. Section
headings are the profile's structure, and a few glue words ("at", "to", "present") may go when a
line is split into fields."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tailor.importing import _GLUE, _text, import_cv, sniff_format
from tailor.importing.sections import classify_heading
from tailor.importing.units import read_units
from tests.conftest import REPO
from tests.importing.conftest import SEEDS

DEV_SET = REPO / "bench" / "import_set"
FIXTURES = sorted(
    [
        *DEV_SET.glob("*/source.*"),
        *DEV_SET.glob("*/variants/cv*"),
        *(REPO / "tests" / "fixtures" / "import").glob("*.txt"),
        *(SEEDS.glob("00[03]_*.txt") if SEEDS.is_dir() else []),
    ]
)


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W_]{2,}", text)}


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _read_words(path: Path) -> set[str]:
    data = path.read_bytes()
    fmt = sniff_format(path.name, data)
    if fmt == "json-resume":
        resume = {k: v for k, v in json.loads(data).items() if not k.startswith("$") and k != "meta"}
        return _words(" ".join(_strings(resume)))
    units = read_units(_text(fmt, data, path.name, []))
    return {
        word
        for unit in units
        if unit.kind != "heading" and classify_heading(unit.plain.rstrip(":")) is None
        for word in _words(unit.plain)
    }


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(p.parents[2])))
def test_every_word_read_lands_in_the_profile(path: Path) -> None:
    result = import_cv(path.read_bytes(), path.name, "Jo Doe")
    # the parsed values, not the YAML text: an escaped line break ("2018\\nIPCE") would hide a word
    profile_words = _words(" ".join(_strings(yaml.safe_load(result.yaml)))) | _words(result.yaml)
    lost = _read_words(path) - profile_words - _GLUE
    assert not lost, sorted(lost)
