"""Files made from tailor's own data ahead of time, so that a run starts faster.

Each is a faster-to-load copy of something the package ships, and each records
what it was made from: code that reads one checks that and falls back to the
original when the copy is stale, so a stale copy only costs time. A test fails
when one is stale. Regenerate them all with::

    python -m tailor._prebuilt
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["PREBUILT", "stale", "write"]


def _skills() -> bytes:
    from tailor.matching.vocabulary import prebuilt_json

    return prebuilt_json(_package_file("data", "skills.yaml").read_text(encoding="utf-8")).encode("utf-8")


def _templates() -> bytes:
    """The Jinja code of the built-in Word templates (as rendered for every theme) and letter templates."""
    from tailor._prebuilt.compiled_templates import prebuilt_json
    from tailor.documents import template_text
    from tailor.inputs.resources import templates_dir
    from tailor.render import docx_sandbox

    env = docx_sandbox.sandbox()
    env.autoescape = True  # as docxtpl sets it when tailor renders
    letters = [path.read_text(encoding="utf-8-sig") for path in sorted(templates_dir().glob("letters/*.txt"))]
    sources = {"docx": (env, _word_sources(env)), "text": (template_text._environment(), letters)}
    return prebuilt_json(sources).encode("utf-8")


def _word_sources(env: Any) -> list[str]:
    """What docxtpl asks Jinja to compile when every built-in theme renders a CV, letter and answers."""
    import datetime as dt
    import tempfile

    from tailor.app.pipeline import BuildRequest, build
    from tailor.app.posting_input import PostingInput
    from tailor.inputs.resources import examples_dir
    from tailor.inputs.themes import list_themes

    sources: list[str] = []
    profile, posting = (
        examples_dir() / "eric-kim.yaml",
        examples_dir() / "postings" / "northwind-ml-engineer.md",
    )
    for theme in list_themes():
        env.compiled.clear()
        with tempfile.TemporaryDirectory() as scratch:
            request = BuildRequest(
                profile,
                PostingInput(str(posting)),
                dt.date(2026, 1, 1),
                out=Path(scratch),
                formats=("docx",),
                theme=theme.name,
                docs=("cv", "letter", "answers"),
            )
            build(request)
        sources.extend(env.compiled)
    env.compiled.clear()
    return sources


def _word_bodies() -> bytes:
    """The Word body of letters and answer sheets in every built-in theme."""
    from tailor.inputs.themes import list_themes, load_theme
    from tailor.render.document_docx import prebuilt_json

    return prebuilt_json(load_theme(info.name) for info in list_themes()).encode("utf-8")


def _font_metrics(path: Path) -> Callable[[], bytes]:
    def make() -> bytes:
        from reportlab.pdfbase.ttfonts import TTFont

        from tailor.render.font_metrics import prebuilt_metrics

        return prebuilt_metrics(TTFont(path.stem, str(path)), path.read_bytes())

    return make


def _font_subset(path: Path) -> Callable[[], bytes]:
    def make() -> bytes:
        from tailor.render.docx_fonts import PREBUILT_CHARS, subset_font

        return subset_font(str(path), PREBUILT_CHARS)

    return make


def _package_file(*parts: str) -> Path:
    return Path(str(resources.files("tailor").joinpath(*parts)))


PREBUILT: dict[str, Callable[[], bytes]] = {
    "data/skills.json": _skills,
    "data/compiled_templates.json": _templates,
    "data/word_bodies.json": _word_bodies,
    **{
        f"fonts/{font.parent.name}/{font.stem}.metrics": _font_metrics(font)
        for font in sorted(_package_file("fonts").glob("*/*.ttf"))
    },
    **{
        f"fonts/{font.parent.name}/{font.stem}.subset": _font_subset(font)
        for font in sorted(_package_file("fonts").glob("*/*.ttf"))
    },
}
"""Each prebuilt file (relative to the package) and the function that makes its content."""


def stale() -> list[str]:
    """The prebuilt files that are missing or differ from what their sources give now."""
    return [name for name, make in PREBUILT.items() if _current(name) != make()]


def write() -> list[str]:
    """Regenerate every prebuilt file; returns the names of those that changed."""
    changed = []
    for name, make in PREBUILT.items():
        content = make()
        if _current(name) != content:
            _package_file(*name.split("/")).write_bytes(content)
            changed.append(name)
    return changed


def _current(name: str) -> bytes | None:
    path = _package_file(*name.split("/"))
    return path.read_bytes() if path.is_file() else None


def main() -> None:
    """Regenerate the prebuilt files and print the names of those that changed."""
    for name in write() or ["(every prebuilt file was current)"]:
        print(name)  # noqa: T201
