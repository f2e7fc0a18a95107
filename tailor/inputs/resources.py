"""Locate the shipped templates and example profiles.

From a wheel they live inside the package (``tailor/_data``); from an editable
install or a source checkout they are the repository's top-level folders.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["examples_dir", "templates_dir"]


def _data_dir(name: str) -> Path:
    packaged = Path(str(resources.files("tailor"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name


def templates_dir() -> Path:
    """Folder of the built-in templates."""
    return _data_dir("templates")


def examples_dir() -> Path:
    """Folder of the example profiles and posting."""
    return _data_dir("profiles")
