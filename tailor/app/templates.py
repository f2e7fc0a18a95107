"""Use cases on themes: list the built-in ones, copy one to customise, build a Word template."""

from __future__ import annotations

from pathlib import Path

from tailor.inputs.themes import ThemeInfo, copy_theme, list_themes, load_theme


def list_templates() -> list[ThemeInfo]:
    """The built-in themes with their one-line descriptions."""
    return list_themes()


def copy_template(name: str, folder: Path, *, force: bool = False) -> list[Path]:
    """Copy a built-in theme (YAML and Word template) into ``folder`` as a starting point."""
    return copy_theme(name, folder, force=force)


def build_word_template(folder: Path) -> Path:
    """Write a theme folder's Word template from its ``theme.yaml``.

    Raises:
        ThemeError: The folder holds no valid theme.
    """
    from tailor.render.word_template import write_template

    return write_template(load_theme(folder))
