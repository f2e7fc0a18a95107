"""Themes: built-in ones load, bad theme files give located errors, copies can be edited and built."""

from __future__ import annotations

from pathlib import Path

import pytest

from tailor.errors import OutputError, TemplateError, ThemeError
from tailor.inputs.themes import copy_theme, list_themes, load_theme, theme_files
from tailor.models.theme import Theme
from tests.conftest import FIXTURES


def test_three_built_in_themes_with_descriptions() -> None:
    infos = list_themes()
    assert [info.name for info in infos] == ["classic", "compact", "modern"]
    assert all(10 < len(info.description) <= 120 for info in infos)


@pytest.mark.parametrize("name", ["classic", "modern", "compact"])
def test_built_in_theme_paths_are_absolute_and_exist(name: str) -> None:
    theme = load_theme(name)
    assert isinstance(theme, Theme)
    assert theme.name == name
    assert Path(theme.word_template).is_absolute()
    assert Path(theme.word_template).is_file()
    assert all(path.is_file() for path in theme_files(name))


def test_every_problem_is_reported_with_its_line() -> None:
    with pytest.raises(ThemeError) as caught:
        load_theme(FIXTURES / "themes" / "misspelt.yaml")
    message = str(caught.value)
    assert "misspelt.yaml: 3 problems in the theme" in message
    assert "misspelt.yaml:7: colours.muted: 'grey' is not a colour like #1F3A5F" in message
    assert "misspelt.yaml:9: sections.order[1]: must be one of" in message
    assert "misspelt.yaml:10: entry_layot: unknown field `entry_layot`" in message
    assert "did you mean `entry_layout`?" in message


def test_missing_files_named_by_the_theme_are_located(tmp_path: Path) -> None:
    copy_theme("classic", tmp_path)
    theme_file = tmp_path / "theme.yaml"
    text = theme_file.read_text(encoding="utf-8").replace(
        "word_template: classic.docx", "word_template: x.docx"
    )
    text = text.replace(
        "  body: gentium-book-plus",
        "  body: {regular: a.ttf, bold: a.ttf, italic: a.ttf, bold_italic: a.ttf}",
    )
    theme_file.write_text(text, encoding="utf-8")
    with pytest.raises(ThemeError) as caught:
        load_theme(tmp_path)
    message = str(caught.value)
    assert f"{theme_file}:" in message
    assert "word_template: file not found" in message
    assert "fonts.body.regular: file not found" in message


def test_unknown_theme_names_the_built_in_ones() -> None:
    with pytest.raises(TemplateError, match="no theme named 'fancy'") as caught:
        load_theme("fancy")
    assert caught.value.hint is not None
    assert "classic, compact, modern" in caught.value.hint


def test_yaml_syntax_error_is_a_theme_error(tmp_path: Path) -> None:
    bad = tmp_path / "theme.yaml"
    bad.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ThemeError, match="is not valid YAML"):
        load_theme(bad)


def test_copy_refuses_to_overwrite(tmp_path: Path) -> None:
    written = copy_theme("modern", tmp_path)
    assert sorted(p.name for p in written) == ["modern.docx", "theme.yaml"]
    assert load_theme(tmp_path).name == "modern"
    with pytest.raises(OutputError, match="already exists"):
        copy_theme("modern", tmp_path)
    copy_theme("modern", tmp_path, force=True)


def test_fit_bounds_cannot_exceed_normal_values() -> None:
    data = load_theme("classic").model_dump()
    data["fit"]["min_font_size"] = 12
    with pytest.raises(ValueError, match="min_font_size"):
        Theme.model_validate(data)


def test_theme_with_its_own_font_files(tmp_path: Path) -> None:
    from tailor.render.fonts import FONT_DIR
    from tailor.render.pdf import render_pdf
    from tests.normalise import pdf_text
    from tests.render.test_documents import tailored

    copy_theme("compact", tmp_path)
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for face in ("Regular", "Bold", "Italic", "BoldItalic"):
        (fonts / f"Mine-{face}.ttf").write_bytes(
            (FONT_DIR / "gentium-book-plus" / f"GentiumBookPlus-{face}.ttf").read_bytes()
        )
    theme_file = tmp_path / "theme.yaml"
    faces = ("regular", "Regular"), ("bold", "Bold"), ("italic", "Italic"), ("bold_italic", "BoldItalic")
    own = "{" + ", ".join(f"{key}: fonts/Mine-{face}.ttf" for key, face in faces) + "}"
    theme_file.write_text(
        theme_file.read_text(encoding="utf-8").replace("  body: source-sans-3", f"  body: {own}"),
        encoding="utf-8",
    )
    theme = load_theme(tmp_path)
    pdf = render_pdf(tailored(FIXTURES / "places.yaml", theme), theme)
    font_line = pdf_text(pdf).splitlines()[1]
    assert "GentiumBookPlus" in font_line
    assert "SourceSans3" not in font_line


def test_a_single_ttf_path_is_explained_as_four_faces(tmp_path: Path) -> None:
    from tailor.errors import ThemeError
    from tailor.inputs.themes import copy_theme, load_theme

    copy_theme("classic", tmp_path)
    theme_file = tmp_path / "theme.yaml"
    text = theme_file.read_text(encoding="utf-8").replace("body: gentium-book-plus", "body: fonts/Mine.ttf")
    theme_file.write_text(text, encoding="utf-8")
    with pytest.raises(ThemeError) as caught:
        load_theme(tmp_path)
    assert "one font file" in str(caught.value)
    assert "bold_italic" in str(caught.value)
