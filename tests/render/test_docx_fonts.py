"""Word files carry their fonts: obfuscated, subset, referenced from the font table, deterministic."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from tailor.inputs.themes import load_theme
from tailor.render.docx import render_docx
from tailor.render.docx_fonts import PREBUILT_CHARS, embed_fonts, obfuscate, prebuilt_subset
from tailor.render.fonts import bundled_files, word_font_families
from tests.conftest import PROFILES
from tests.render.test_documents import tailored

THEMES = ("classic", "modern", "compact")


def _docx(theme_name: str, name: str = "eric-kim.yaml") -> bytes:
    theme = load_theme(theme_name)
    return render_docx(tailored(PROFILES / name, theme), Path(theme.word_template), theme=theme)


@pytest.mark.parametrize("theme_name", THEMES)
def test_the_fonts_the_document_names_are_embedded(theme_name: str) -> None:
    data = _docx(theme_name)
    package = zipfile.ZipFile(io.BytesIO(data))
    names = package.namelist()
    fonts = [name for name in names if name.startswith("word/fonts/") and name.endswith(".odttf")]
    assert len(fonts) >= 4  # regular, bold, italic, bold italic of each family used
    table = package.read("word/fontTable.xml").decode()
    for tag in ("embedRegular", "embedBold", "embedItalic", "embedBoldItalic"):
        assert f"<w:{tag} " in table
    assert "<w:embedTrueTypeFonts/>" in package.read("word/settings.xml").decode()
    assert 'Extension="odttf"' in package.read("[Content_Types].xml").decode()
    rels = package.read("word/_rels/fontTable.xml.rels").decode()
    assert all(name.removeprefix("word/") in rels for name in fonts)
    assert len(data) < 400_000  # subset: the whole Gentium family is 3.4 MB


def test_each_font_part_is_the_subset_obfuscated_with_its_key() -> None:
    package = zipfile.ZipFile(io.BytesIO(_docx("classic")))
    table = package.read("word/fontTable.xml").decode()
    rels = dict(
        re.findall(
            r'Id="(rId\d+)"[^>]*Target="([^"]+)"', package.read("word/_rels/fontTable.xml.rels").decode()
        )
    )
    found = re.search(r'<w:embedRegular r:id="(rId\d+)" w:fontKey="(\{[0-9A-F-]+\})"', table)
    assert found is not None
    (rid, key) = found.groups()
    stored = package.read(f"word/{rels[rid]}")
    plain = obfuscate(stored, key)  # XOR twice gives the font back
    assert plain[:4] in (b"\x00\x01\x00\x00", b"true", b"OTTO")
    regular = bundled_files("gentium-book-plus").regular
    assert plain == prebuilt_subset(regular).read_bytes()


def test_two_builds_are_byte_identical() -> None:
    assert _docx("modern", "cuong-dao.yaml") == _docx("modern", "cuong-dao.yaml")


def test_prebuilt_subsets_cover_accented_names() -> None:
    assert set("Cường Đào Łódź Čapek Zoë “quoted” – €") <= PREBUILT_CHARS


def test_a_document_without_a_known_family_is_left_as_it_is() -> None:
    data = _docx("classic")
    stripped = embed_fonts(data, {"Some Other Family": {"regular": "/nonexistent.ttf"}})
    assert stripped == data  # nothing named, nothing to embed (and the font file is never read)


def test_word_families_include_the_bundled_ones() -> None:
    families = word_font_families(load_theme("classic"))
    assert {"Source Sans 3", "Gentium Book Plus"} <= set(families)
    assert all(set(faces) == {"regular", "bold", "italic", "bold_italic"} for faces in families.values())
