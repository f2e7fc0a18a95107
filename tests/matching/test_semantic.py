"""Optional meaning scoring: the model, its wiring into scores and match.json, and clear errors without it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tailor.matching import semantic
from tailor.matching.candidates import Candidate
from tailor.matching.scoring import MEANING_WEIGHT, score_candidates
from tailor.matching.semantic import Closest, SemanticUnavailable, closest_requirements, item_closeness
from tailor.matching.vocabulary import load_vocabulary
from tailor.models.job import JobPosting, Requirement
from tests.test_cli import ERIC, POSTING, run

needs_model = pytest.mark.skipif(
    not semantic.semantic_available(), reason="the semantic extra is not installed"
)

UNITS = (
    Requirement(
        id="r1", section="Requirements", kind="required", text="Experience with computer vision", weight=1.0
    ),
    Requirement(
        id="r2",
        section="Requirements",
        kind="required",
        text="Strong knowledge of tax accounting",
        weight=1.0,
    ),
    Requirement(id="r3", section="Benefits", kind="benefits", text="Image recognition snacks", weight=0.0),
)


def _item(kind: str, text: str, order: int) -> Candidate:
    return Candidate(f"{kind}-{order}", kind, "experience", text, text, (), order, False, order, 0)


@needs_model
def test_closest_requirement_is_found_by_meaning_not_shared_words() -> None:
    found = closest_requirements(
        ["Trained convolutional networks to segment tumours in MRI scans", "Prepared quarterly VAT returns"],
        UNITS,
    )
    assert [c.requirement for c in found if c] == ["r1", "r2"]
    assert all(c is not None and -1 <= c.similarity <= 1 for c in found)


@needs_model
def test_units_without_weight_are_never_closest() -> None:
    (found,) = closest_requirements(["image recognition snacks"], UNITS)
    assert found is not None
    assert found.requirement != "r3"


@needs_model
def test_similarity_is_the_same_every_time_and_rounded() -> None:
    text = ["Built a realtime lidar and camera fusion pipeline"]
    first = closest_requirements(text, UNITS)
    semantic._encoder.cache_clear()
    assert closest_requirements(text, UNITS) == first
    assert first[0] is not None
    assert first[0].similarity == round(first[0].similarity, semantic.DECIMALS)


@needs_model
def test_only_cv_items_are_compared() -> None:
    items = [_item("summary", "A vision engineer", 0), _item("bullet", "Segmented images", 1)]
    items.append(_item("story", "The time I fixed a camera", 2))
    found = item_closeness(items, UNITS)
    assert found[0] is None
    assert found[1] is not None
    assert found[2] is None


def test_meaning_adds_its_weight_scaled_per_posting() -> None:
    items = [_item("bullet", text, n) for n, text in enumerate(["alpha work", "beta work", "gamma work"])]
    posting = JobPosting(
        source="test", text="Requirements\nExperience with computer vision", requirements=UNITS[:1]
    )
    closest = [Closest("r1", 0.2), Closest("r1", 0.6), None]
    plain = score_candidates(items, posting, load_vocabulary())
    meant = score_candidates(items, posting, load_vocabulary(), closest)
    assert [s.meaning for s in meant] == [0.0, 1.0, 0.0]
    assert meant[1].value == pytest.approx(plain[1].value + MEANING_WEIGHT)
    assert [s.value for s in meant[::2]] == [s.value for s in plain[::2]]
    assert meant[1].closest == Closest("r1", 0.6)
    assert all(s.closest is None and s.meaning == 0 for s in plain)


def test_equal_similarities_add_nothing() -> None:
    items = [_item("bullet", text, n) for n, text in enumerate(["alpha", "beta"])]
    posting = JobPosting(source="test", text="x", requirements=UNITS[:1])
    meant = score_candidates(items, posting, load_vocabulary(), [Closest("r1", 0.5)] * 2)
    assert [s.meaning for s in meant] == [0.0, 0.0]


def test_missing_extra_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import fails as if not installed
    semantic._encoder.cache_clear()
    with pytest.raises(SemanticUnavailable) as caught:
        closest_requirements(["anything"], UNITS)
    semantic._encoder.cache_clear()
    assert "onnxruntime" in str(caught.value)
    assert "pip install 'tailor-cv[semantic]'" in str(caught.value)


@needs_model
def test_a_different_model_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic, "MODEL_SHA256", "0" * 64)
    semantic._encoder.cache_clear()
    with pytest.raises(SemanticUnavailable, match="not the one tailor was tested with"):
        closest_requirements(["anything"], UNITS)
    semantic._encoder.cache_clear()


def test_build_without_the_extra_exits_2_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "tokenizers", None)
    semantic._encoder.cache_clear()
    out = tmp_path / "out"
    code, _, err = run("build", ERIC, POSTING, "--out", str(out), "--semantic")
    semantic._encoder.cache_clear()
    assert code == 2
    assert "tailor-cv[semantic]" in err
    assert "Traceback" not in err
    assert not out.exists()


@needs_model
def test_semantic_build_reports_the_closest_requirement(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("semantic: true\n", encoding="utf-8")
    for name, args in (("flag", ["--semantic"]), ("rules", ["--rules", str(rules)]), ("off", [])):
        out = tmp_path / name
        code, _, err = run("build", ERIC, POSTING, "--out", str(out), "--date", "2026-11-21", *args)
        assert code == 0, err
        items = json.loads((out / "match.json").read_text())["items"]
        meant = [i for i in items if "closest_in_meaning" in i]
        if name == "off":
            assert meant == []
        else:
            assert {i["kind"] for i in meant} <= {"bullet", "project", "publication"}
            assert len(meant) >= 10
    assert (tmp_path / "flag" / "cv.pdf").read_bytes() == (tmp_path / "rules" / "cv.pdf").read_bytes()


@needs_model
def test_match_command_takes_the_flag() -> None:
    code, out, err = run("match", ERIC, POSTING, "--semantic")
    assert code == 0, err
    assert "Items, best first" in out
