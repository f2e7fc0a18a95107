"""Reproducible application folders: ``application.json``, and rebuilding from it.

An application folder holds whatever :func:`tailor.app.pipeline.build` writes (the
CV, match.json, and any other document a build makes), a copy of the posting
(``posting.txt``, ``posting.html``, ...), a copy of the ``--rules`` file when one
was given, and ``application.json``: the recipe. It records

* the tailor version and the build date used;
* every input with its SHA-256: the profile, the posting, the rules file, the
  theme's files and a Word template given instead of the theme's;
* the options of the build request and the rule flags, and the effective rules;
* the selection: the ids in document order, the variants shown, the squeeze;
* every output file with its SHA-256 and size.

:func:`tailor.app.rebuild.rebuild` runs the same build again from that recipe and checks that every
output comes out byte-identical. The folder is written all at once: the build
runs in a scratch folder first, and nothing lands unless everything rendered.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tailor import __version__
from tailor.app.pipeline import BuildRequest, BuildResult, build
from tailor.errors import BundleError, PostingError
from tailor.writing.files import write_folder

if TYPE_CHECKING:
    pass

__all__ = [
    "MANIFEST",
    "BundleResult",
    "build_bundle",
    "posting_copy_name",
    "sha256",
]

MANIFEST = "application.json"
FORMAT = 1
"""Version of the manifest's layout; bumped only when a field changes meaning."""
_SPECIAL = {"profile", "posting", "today", "out", "out_root", "force", "theme", "docx_template", "rules"}
"""BuildRequest fields recorded in their own way; every other simple field goes under ``options``."""


def sha256(data: bytes) -> str:
    """The hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def _file_hash(path: Path) -> str:
    return sha256(_read_input(path))


def posting_copy_name(posting: Path) -> str:
    """``posting`` plus the original suffix (which decides how the posting is read)."""
    return "posting" + posting.suffix.lower()


@dataclass(frozen=True)
class BundleResult:
    """A built application folder."""

    folder: Path
    build: BuildResult
    files: list[Path]
    """Every file of the folder this build wrote or confirmed, application.json last."""
    changed: list[Path]


def build_bundle(request: BuildRequest, folder: Path) -> BundleResult:
    """Build the application for ``request`` into ``folder`` with its posting copy and application.json.

    Args:
        request: The build; its posting must be a file (not standard input).
        folder: The application folder to write.

    Returns:
        What was written.

    Raises:
        TailorError: The build failed (bad profile, posting, rules, theme...), or the
            folder holds different files and ``request.force`` is off. Nothing is written then.
    """
    posting = Path(request.posting.source)
    if str(posting) == "-":
        msg = "an application folder needs the posting as a file, not standard input"
        raise PostingError(msg, hint="save the posting to a file and pass its path")
    with tempfile.TemporaryDirectory(prefix="tailor-bundle-") as scratch:
        staged = Path(scratch)
        posting_input = dataclasses.replace(request.posting, name=posting.name)
        result = build(dataclasses.replace(request, posting=posting_input, out=staged, force=True))
        outputs = {path.relative_to(staged): path.read_bytes() for path in result.files}
    data = _read_input(posting)
    copy = posting_copy_name(posting)
    files = {folder / name: content for name, content in outputs.items()}
    files[folder / copy] = data
    rules_copy = None
    if request.rules.file is not None:
        rules_copy = "rules" + (request.rules.file.suffix.lower() or ".yaml")
        files[folder / rules_copy] = _read_input(request.rules.file)
    manifest = _manifest(request, result, outputs, (posting, data, copy), rules_copy, folder)
    files[folder / MANIFEST] = manifest
    changed = write_folder(folder, files, force=request.force)
    return BundleResult(folder, result, list(files), changed)


def _read_input(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        msg = f"cannot read {path}: {err.strerror}"
        raise BundleError(msg, hint="check that the file exists and is readable") from err


# --- writing the manifest ----------------------------------------------------------------


def _located(path: Path, folder: Path) -> dict[str, str]:
    """A path as given, absolute, and relative to the application folder (which survives moving both)."""
    absolute = path.resolve()
    try:
        relative = os.path.relpath(absolute, folder.resolve())
    except ValueError:  # another drive (Windows)
        relative = str(absolute)
    return {"path": str(absolute), "relative": Path(relative).as_posix(), "sha256": _file_hash(path)}


def _theme_record(theme: str | Path, folder: Path) -> dict[str, Any]:
    from tailor.inputs.resources import templates_dir
    from tailor.inputs.themes import theme_files, theme_path

    path = theme_path(theme)
    builtin = path.parent.resolve() == templates_dir().resolve()
    files = [_located(file, folder) for file in theme_files(theme)]
    record: dict[str, Any] = {"builtin": builtin, "files": files}
    record["name"] = path.stem if builtin else str(Path(theme).resolve())
    if not builtin:
        record["relative"] = Path(os.path.relpath(Path(theme).resolve(), folder.resolve())).as_posix()
    return record


def _options(request: BuildRequest, folder: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The request's other fields (``formats``, ``docs``...): simple values, and files by hash.

    A value naming a file (e.g. a letter template given as a path) is recorded like the
    other inputs, so that a rebuild finds it again and checks it did not change.
    """
    options: dict[str, Any] = {}
    files: dict[str, Any] = {}
    for spec in dataclasses.fields(request):
        value = getattr(request, spec.name)
        if spec.name in _SPECIAL:
            continue
        if isinstance(value, str | Path) and _names_a_file(value):
            files[spec.name] = _located(Path(value), folder)
        elif _is_simple(value):
            options[spec.name] = list(value) if isinstance(value, tuple | list) else value
    return options, files


def _names_a_file(value: str | Path) -> bool:
    path = Path(value)
    return (isinstance(value, Path) or len(path.parts) > 1 or bool(path.suffix)) and path.is_file()


def _is_simple(value: Any) -> bool:
    if isinstance(value, tuple | list):
        return all(isinstance(item, str | int | float | bool) for item in value)
    return value is None or isinstance(value, str | int | float | bool)


def _selection(result: BuildResult) -> dict[str, Any]:
    outcome = result.outcome
    cv = outcome.selection.cv
    layout = outcome.report["cv"]
    return {
        "sections": list(cv.sections),
        "order": list(layout["order"]),
        "variants": {b.id: b.variant for b in cv.selected_bullets() if b.variant},
        "pages": layout["pages"],
        "squeeze": layout["squeeze"],
        "shortened": list(layout["shortened"]),
        "dropped": [d.id for d in outcome.selection.dropped],
    }


def _manifest(
    request: BuildRequest,
    result: BuildResult,
    outputs: Mapping[Path, bytes],
    posting_copy: tuple[Path, bytes, str],
    rules_copy: str | None,
    folder: Path,
) -> bytes:
    posting, posting_data, copy = posting_copy
    report = result.outcome.report
    rules_file = request.rules.file
    options, option_files = _options(request, folder)
    manifest = {
        "format": FORMAT,
        "tailor": __version__,
        "date": request.today.isoformat(),
        "company": report["posting"]["company"],
        "role": report["posting"]["role"],
        "fit": report["fit"],
        "inputs": {
            "profile": _located(request.profile, folder),
            "posting": {
                "file": copy,
                "name": posting.name,
                "original": str(posting.resolve()),
                "sha256": sha256(posting_data),
                "company": request.posting.company,
                "role": request.posting.role,
            },
            "rules": {
                "file": None if rules_file is None else {"copy": rules_copy, **_located(rules_file, folder)},
                "flags": {key: value for key, value in request.rules.flags.items()},
                "effective": result.outcome.rules.model_dump(mode="json"),
            },
            "theme": _theme_record(request.theme, folder),
            "docx_template": None
            if request.docx_template is None
            else _located(request.docx_template, folder),
        },
        "options": options,
        "option_files": option_files,
        "selection": _selection(result),
        "skipped": result.skipped,
        "outputs": [
            {"file": name.as_posix(), "sha256": sha256(data), "bytes": len(data)}
            for name, data in sorted(outputs.items())
        ],
    }
    return (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


# --- reading it back and rebuilding -------------------------------------------------------
