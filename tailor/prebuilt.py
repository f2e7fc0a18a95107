"""Files made from tailor's own data ahead of time, so that a run starts faster.

Each is a faster-to-load copy of something the package ships, and each records
what it was made from: code that reads one checks that and falls back to the
original when the copy is stale, so a stale copy only costs time. A test fails
when one is stale. Regenerate them all with::

    python -m tailor.prebuilt
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path

__all__ = ["PREBUILT", "stale", "write"]


def _skills() -> str:
    from tailor.matching.vocabulary import prebuilt_json

    return prebuilt_json(_package_file("data", "skills.yaml").read_text(encoding="utf-8"))


def _package_file(*parts: str) -> Path:
    return Path(str(resources.files("tailor").joinpath(*parts)))


PREBUILT: dict[str, Callable[[], str]] = {
    "data/skills.json": _skills,
}
"""Each prebuilt file (relative to the package) and the function that makes its text."""


def stale() -> list[str]:
    """The prebuilt files that are missing or differ from what their sources give now."""
    out = []
    for name, make in PREBUILT.items():
        path = _package_file(*name.split("/"))
        if not path.is_file() or path.read_text(encoding="utf-8") != make():
            out.append(name)
    return out


def write() -> list[str]:
    """Regenerate every prebuilt file; returns the names of those that changed."""
    changed = []
    for name, make in PREBUILT.items():
        path = _package_file(*name.split("/"))
        text = make()
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
            changed.append(name)
    return changed


if __name__ == "__main__":
    for name in write() or ["(every prebuilt file was current)"]:
        print(name)  # noqa: T201
