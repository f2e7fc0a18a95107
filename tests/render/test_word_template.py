"""One theme, two renderers: theme.yaml drives the Word template at build time, and so does the fit."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import reportlab
import yaml

from tailor.app.pipeline import BuildRequest, build
from tailor.app.posting_input import PostingInput
from tailor.app.templates import copy_template
from tailor.inputs.themes import load_theme
from tailor.render.word_template import marker_of, parts_hash, template_bytes, word_template_for
from tests.conftest import EXAMPLE_POSTING, PROFILES

VERA = Path(reportlab.__file__).parent / "fonts"
"""Bitstream Vera, which reportlab ships: a font of another family than tailor's own."""


def _edited_theme(folder: Path) -> Path:
    copy_template("modern", folder)
    theme_file = folder / "theme.yaml"
    data = yaml.safe_load(theme_file.read_text(encoding="utf-8"))
    data["colours"]["accent"] = "#AA3311"
    data["sizes"]["body"] = 11
    data["margins"] = {"top": 30, "bottom": 30, "left": 40, "right": 40}
    data["fonts"]["body"] = {
        "regular": str(VERA / "Vera.ttf"),
        "bold": str(VERA / "VeraBd.ttf"),
        "italic": str(VERA / "VeraIt.ttf"),
        "bold_italic": str(VERA / "VeraBI.ttf"),
    }
    theme_file.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return folder


def _build(folder: Path, out: Path) -> zipfile.ZipFile:
    request = BuildRequest(
        PROFILES / "eric-kim.yaml",
        PostingInput(str(EXAMPLE_POSTING)),
        dt.date(2026, 11, 21),
        out=out,
        formats=("docx",),
        theme=str(folder),
        docs=("cv",),
    )
    build(request)
    return zipfile.ZipFile(out / "cv.docx")


def test_a_theme_edit_reaches_the_word_file(tmp_path: Path) -> None:
    package = _build(_edited_theme(tmp_path / "mytheme"), tmp_path / "out")
    styles = package.read("word/styles.xml").decode()
    document = package.read("word/document.xml").decode()
    assert "AA3311" in styles  # the accent colour
    assert '<w:sz w:val="22"/>' in styles  # body 11 pt, in half-points
    assert "Bitstream Vera Sans" in styles  # the body font
    assert re.search(r'<w:pgMar[^>]*w:left="800"', document)  # 40 pt margins, in twips
    fonts = [name for name in package.namelist() if name.startswith("word/fonts/")]
    assert any("BitstreamVeraSans" in name for name in fonts)  # and it is embedded


def test_a_template_edited_in_word_is_kept_and_the_user_is_told(tmp_path: Path) -> None:
    folder = _edited_theme(tmp_path / "mytheme")
    theme = load_theme(folder)
    template = Path(theme.word_template)
    edited = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template.read_bytes())) as source, zipfile.ZipFile(edited, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/styles.xml":
                data = data.replace(b"0B6E79", b"123456")  # restyled in Word
            target.writestr(name, data)
    template.write_bytes(edited.getvalue())
    chosen = word_template_for(theme)
    assert chosen.path == template
    assert chosen.note is not None
    assert "edited in Word" in chosen.note
    assert "tailor templates build-docx" in chosen.note


def test_generated_templates_record_what_they_are_made_from() -> None:
    data = template_bytes(load_theme("classic"))
    marker = marker_of(data)
    assert marker["parts"] == parts_hash(data)
    assert set(marker) == {"theme", "parts"}


def test_the_fit_reaches_the_word_file() -> None:
    theme = load_theme("classic")
    normal = word_template_for(theme, 0.0, builtin=True)
    tight = word_template_for(theme, 0.6, builtin=True)
    assert normal.path == Path(theme.word_template)
    assert tight.path != normal.path
    sizes = [
        re.findall(rb'<w:sz w:val="(\d+)"/>', zipfile.ZipFile(p.path).read("word/styles.xml"))
        for p in (normal, tight)
    ]
    assert sum(map(int, sizes[1])) < sum(map(int, sizes[0]))  # smaller type, as in the squeezed PDF


def test_themes_doc_lists_the_word_template_variables_and_font_keys() -> None:
    import importlib.util

    from tests.conftest import REPO

    spec = importlib.util.spec_from_file_location("build_gallery", REPO / "docs" / "build_gallery.py")
    assert spec is not None
    assert spec.loader is not None
    gallery = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gallery)
    doc = (REPO / "docs" / "themes.md").read_text(encoding="utf-8")
    assert gallery.template_context() in doc, "run python docs/build_gallery.py"
    for key in ("regular:", "bold:", "italic:", "bold_italic:"):
        assert key in doc
