"""Prebuilt files (faster-loading copies of shipped data) must match their sources.

Regenerate with `python -m tailor.prebuilt`.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

import pytest
import yaml

from tailor import prebuilt
from tailor.matching import vocabulary


def test_prebuilt_files_are_current() -> None:
    assert prebuilt.stale() == [], "prebuilt files are stale: run `python -m tailor.prebuilt`"


@pytest.fixture
def fresh_shipped() -> Iterator[None]:
    vocabulary._shipped.cache_clear()
    yield
    vocabulary._shipped.cache_clear()


@pytest.mark.usefixtures("fresh_shipped")
def test_skills_come_from_the_json_copy_when_it_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_yaml(text: str) -> None:
        raise AssertionError("the YAML was parsed")

    monkeypatch.setattr(vocabulary, "_load_yaml", no_yaml)
    text = resources.files("tailor.data").joinpath("skills.yaml").read_text("utf-8")
    assert vocabulary._shipped() == yaml.safe_load(text)


@pytest.mark.usefixtures("fresh_shipped")
def test_a_stale_json_copy_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    load_yaml = vocabulary._load_yaml
    monkeypatch.setattr(vocabulary, "_digest", lambda text: "not the digest of skills.yaml")
    monkeypatch.setattr(vocabulary, "_load_yaml", lambda text: parsed.append(text) or load_yaml(text))
    text = resources.files("tailor.data").joinpath("skills.yaml").read_text("utf-8")
    assert vocabulary._shipped() == yaml.safe_load(text)
    assert parsed == [text]
