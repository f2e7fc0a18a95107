"""The bundled fonts restored from their prebuilt metrics are the fonts reportlab parses."""

from __future__ import annotations

import pickle
import shutil
import zlib
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from tailor.render import font_metrics
from tailor.render.fonts import FONT_DIR

BUNDLED = sorted(FONT_DIR.glob("*/*.ttf"))


def _face(font: Any) -> dict[str, Any]:
    face = dict(vars(font.face))
    scale = face.pop("_pdfScale")
    face["scaled"] = [scale(x) for x in (0, 1, 517, 1000, 2048, -300)]
    for key in ("name", "familyName", "styleName", "fullName", "uniqueFontID"):
        face[key] = (type(face[key]), bytes(face[key]), face[key].ustr)
    return face


def _font(font: Any) -> dict[str, Any]:
    fields = {key: value for key, value in vars(font).items() if key not in ("face", "state", "encoding")}
    return {
        **fields,
        "types": (type(font.state), type(font.encoding), font.encoding.name),
        "state": len(font.state),
    }


@pytest.mark.parametrize("path", BUNDLED, ids=[path.name for path in BUNDLED])
def test_restored_font_is_the_parsed_font(path: Path) -> None:
    restored = font_metrics.prebuilt_font(path.stem, str(path))
    parsed = TTFont(path.stem, str(path))
    assert restored is not None
    assert type(restored) is type(parsed)
    assert _font(restored) == _font(parsed)
    assert _face(restored) == _face(parsed)


def test_metrics_of_another_file_are_not_used(tmp_path: Path) -> None:
    font = tmp_path / "Font.ttf"
    shutil.copyfile(BUNDLED[0], font)
    shutil.copyfile(font_metrics.metrics_path(BUNDLED[0]), font_metrics.metrics_path(font))
    assert font_metrics.prebuilt_font("x", str(font)) is not None
    font.write_bytes(BUNDLED[1].read_bytes())
    assert font_metrics.prebuilt_font("x", str(font)) is None


def test_metrics_made_by_another_reportlab_are_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    import reportlab

    monkeypatch.setattr(reportlab, "Version", "0.0")
    assert font_metrics.prebuilt_font("x", str(BUNDLED[0])) is None


def test_missing_or_damaged_metrics_are_not_used(tmp_path: Path) -> None:
    font = tmp_path / "Font.ttf"
    shutil.copyfile(BUNDLED[0], font)
    assert font_metrics.prebuilt_font("x", str(font)) is None
    font_metrics.metrics_path(font).write_bytes(b"not zlib")
    assert font_metrics.prebuilt_font("x", str(font)) is None


@pytest.mark.parametrize("content", [[1, 2], {"face": Path("x")}], ids=["not a record", "a class"])
def test_metrics_holding_anything_but_plain_data_are_not_used(tmp_path: Path, content: Any) -> None:
    font = tmp_path / "Font.ttf"
    shutil.copyfile(BUNDLED[0], font)
    font_metrics.metrics_path(font).write_bytes(zlib.compress(pickle.dumps(content)))
    assert font_metrics.prebuilt_font("x", str(font)) is None
