"""Themes: find the built-in ones, load a theme file with located errors, copy one to edit.

A theme is a YAML file (``templates/<name>.yaml`` for the built-in ones, or
``theme.yaml`` in a folder of the user's) plus the Word template it names.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from tailor.errors import OutputError, Problem, ProfileError, TemplateError, ThemeError
from tailor.models.theme import FontFiles, Fonts, Theme

__all__ = ["THEME_FILE", "ThemeInfo", "copy_theme", "list_themes", "load_theme", "theme_files"]

THEME_FILE = "theme.yaml"


@dataclass(frozen=True)
class ThemeInfo:
    """A built-in theme's name and one-line description."""

    name: str
    description: str


def _builtin_dir() -> Path:
    from tailor.inputs.resources import templates_dir

    return templates_dir()


def list_themes() -> list[ThemeInfo]:
    """The built-in themes, sorted by name."""
    return [
        ThemeInfo(path.stem, load_theme(path).description) for path in sorted(_builtin_dir().glob("*.yaml"))
    ]


def theme_path(name_or_dir: str | Path) -> Path:
    """The theme file a ``--theme`` value means: a built-in name, a folder or a YAML file.

    Raises:
        TemplateError: Nothing by that name or at that path.
    """
    path = Path(name_or_dir)
    if path.is_dir():
        return path / THEME_FILE
    if path.suffix in (".yaml", ".yml") or path.exists():
        return path
    builtin = _builtin_dir() / f"{name_or_dir}.yaml"
    if isinstance(name_or_dir, str) and "/" not in name_or_dir and builtin.is_file():
        return builtin
    names = ", ".join(info.stem for info in sorted(_builtin_dir().glob("*.yaml")))
    msg = f"no theme named {str(name_or_dir)!r}"
    raise TemplateError(msg, hint=f"use one of {names}, or a folder made by `tailor templates copy`")


MAX_SETTINGS_BYTES = 1_000_000
"""A theme is a page of settings."""


def load_theme(name_or_dir: str | Path) -> Theme:
    """Load and validate a theme; its file paths come back absolute.

    Args:
        name_or_dir: A built-in theme name (``classic``), a folder holding
            ``theme.yaml``, or the path of a theme YAML file.

    Returns:
        The validated theme.

    Raises:
        TemplateError: No such theme.
        ThemeError: The file cannot be read or is invalid; lists every problem with its line.
    """
    from pydantic import ValidationError

    from tailor.inputs.loading import parse_yaml, validation_problems

    path = theme_path(name_or_dir)
    source = str(path)
    from tailor.inputs.bounded import InputRefused, read_limited

    try:
        text = read_limited(path, MAX_SETTINGS_BYTES, "theme").decode("utf-8-sig")
    except InputRefused as err:
        raise ThemeError(source, [Problem("", err.message, hint=err.hint)]) from err
    except (OSError, UnicodeDecodeError) as err:
        raise ThemeError(source, [Problem("", f"cannot read the theme file: {err}")]) from err
    try:
        data, lines = parse_yaml(text, source)
    except ProfileError as err:
        raise ThemeError(source, err.problems) from err
    if not isinstance(data, dict):
        raise ThemeError(source, [Problem("", "should be a mapping of theme settings", line=1)])
    try:
        theme = Theme.model_validate(data)
    except ValidationError as err:
        raise ThemeError(source, validation_problems(err, lines, Theme)) from err
    return _resolved(theme, path.parent, source, lines)


def _resolved(theme: Theme, folder: Path, source: str, lines: dict[tuple[str | int, ...], int]) -> Theme:
    """The theme with its Word template and font files as absolute paths that exist."""
    problems: list[Problem] = []

    def existing(value: str, loc: tuple[str, ...]) -> str:
        path = (folder / value).resolve()
        if not path.is_file():
            line = next((lines[loc[:end]] for end in range(len(loc), 0, -1) if loc[:end] in lines), None)
            problems.append(Problem(".".join(loc), f"file not found: {path}", line, "fix the path"))
        return str(path)

    template = existing(theme.word_template, ("word_template",))
    fonts: dict[str, str | FontFiles | None] = {}
    for role in ("body", "heading"):
        ref = getattr(theme.fonts, role)
        if isinstance(ref, FontFiles):
            ref = FontFiles(
                **{
                    face: existing(getattr(ref, face), ("fonts", role, face))
                    for face in FontFiles.model_fields
                }
            )
        fonts[role] = ref
    if problems:
        raise ThemeError(source, problems)
    return theme.model_copy(update={"word_template": template, "fonts": Fonts.model_validate(fonts)})


def theme_files(theme_name_or_dir: str | Path) -> list[Path]:
    """The files a theme is made of (its YAML, Word template and own fonts), for ``--watch``."""
    path = theme_path(theme_name_or_dir)
    files = [path]
    try:
        theme = load_theme(path)
    except TemplateError:
        return files
    files.append(Path(theme.word_template))
    for ref in (theme.fonts.body, theme.fonts.heading):
        if isinstance(ref, FontFiles):
            files.extend(Path(getattr(ref, face)) for face in FontFiles.model_fields)
    return files


def copy_theme(name: str, folder: Path, *, force: bool = False) -> list[Path]:
    """Copy a built-in theme (YAML and Word template) into ``folder`` to edit.

    Returns:
        The files written: ``folder/theme.yaml`` and the Word template beside it.

    Raises:
        TemplateError: No built-in theme by that name.
        OutputError: A file is already there (unless ``force``).
    """
    source = theme_path(name)
    if source.parent != _builtin_dir():
        msg = f"{name!r} is not a built-in theme"
        raise TemplateError(msg, hint="see `tailor templates list`")
    theme = load_theme(source)
    template = Path(theme.word_template)
    targets = {folder / THEME_FILE: source, folder / template.name: template}
    existing = [target for target in targets if target.exists()]
    if existing and not force:
        msg = f"{existing[0]} already exists"
        raise OutputError(msg, hint="choose an empty folder, or pass --force to replace it")
    folder.mkdir(parents=True, exist_ok=True)
    for target, origin in targets.items():
        shutil.copyfile(origin, target)
    return list(targets)
