"""Prebuilt files (faster-loading copies of shipped data) must match their sources.

Regenerate with `python -m tailor._prebuilt`.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest
import yaml

from tailor._prebuilt import build as prebuilt
from tailor._prebuilt import compiled_templates
from tailor.documents import template_text
from tailor.inputs.resources import templates_dir as resources_dir
from tailor.matching import vocabulary_data as vocabulary


def test_prebuilt_files_are_current() -> None:
    assert prebuilt.stale() == [], "prebuilt files are stale: run `python -m tailor._prebuilt`"


@pytest.fixture
def fresh_shipped() -> Iterator[None]:
    vocabulary.shipped_vocabulary.cache_clear()
    yield
    vocabulary.shipped_vocabulary.cache_clear()


@pytest.mark.usefixtures("fresh_shipped")
def test_skills_come_from_the_json_copy_when_it_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_yaml(text: str) -> None:
        raise AssertionError("the YAML was parsed")

    monkeypatch.setattr(vocabulary, "_load_yaml", no_yaml)
    text = resources.files("tailor.data").joinpath("skills.yaml").read_text("utf-8")
    assert vocabulary.shipped_vocabulary() == yaml.safe_load(text)


@pytest.mark.usefixtures("fresh_shipped")
def test_a_stale_json_copy_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    load_yaml = vocabulary._load_yaml
    monkeypatch.setattr(vocabulary, "_digest", lambda text: "not the digest of skills.yaml")

    def recorded(text: str) -> Any:
        parsed.append(text)
        return load_yaml(text)

    monkeypatch.setattr(vocabulary, "_load_yaml", recorded)
    text = resources.files("tailor.data").joinpath("skills.yaml").read_text("utf-8")
    assert vocabulary.shipped_vocabulary() == yaml.safe_load(text)
    assert parsed == [text]


@pytest.fixture
def fresh_table() -> Iterator[None]:
    compiled_templates._table.cache_clear()
    yield
    compiled_templates._table.cache_clear()


def _letter_source() -> str:
    return (resources_dir() / "letters" / "standard.txt").read_text(encoding="utf-8-sig")


@pytest.mark.usefixtures("fresh_table")
def test_built_in_templates_are_not_compiled_at_run_time(monkeypatch: pytest.MonkeyPatch) -> None:
    env = template_text._environment()
    monkeypatch.setattr(env, "compile", lambda *args, **kwargs: pytest.fail("compiled at run time"))
    template = compiled_templates.prebuilt(env, "text", _letter_source())
    assert template is not None
    assert template.environment is env


@pytest.mark.usefixtures("fresh_table")
def test_prebuilt_template_renders_as_a_freshly_compiled_one() -> None:
    env = template_text._environment()
    source = _letter_source()
    prebuilt_template = compiled_templates.prebuilt(env, "text", source)
    assert prebuilt_template is not None
    assert prebuilt_template.debug_info == env.from_string(source).debug_info
    assert prebuilt_template.root_render_func.__code__.co_filename == "<template>"


@pytest.mark.usefixtures("fresh_table")
def test_other_sources_and_other_jinja_versions_are_compiled(monkeypatch: pytest.MonkeyPatch) -> None:
    import jinja2

    env = template_text._environment()
    assert compiled_templates.prebuilt(env, "text", "--- x\n{{ company }}\n") is None
    monkeypatch.setattr(jinja2, "__version__", "0.0")
    compiled_templates._table.cache_clear()
    assert compiled_templates.prebuilt(env, "text", _letter_source()) is None
