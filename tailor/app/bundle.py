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

:func:`rebuild` runs the same build again from that recipe and checks that every
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
from tailor.app.pipeline import BuildRequest, BuildResult, PostingInput, build
from tailor.app.tailoring import RuleOptions
from tailor.errors import BundleError, PostingError, ReproducibilityError, TailorError
from tailor.writing.files import write_folder

if TYPE_CHECKING:
    from tailor.models.manifest import ApplicationManifest, FileRecord, ThemeRecord

__all__ = [
    "MANIFEST",
    "BundleResult",
    "RebuildResult",
    "build_bundle",
    "posting_copy_name",
    "read_manifest",
    "rebuild",
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


MAX_MANIFEST_BYTES = 5_000_000
"""An application.json is a few kilobytes; anything this large is not one."""


def read_manifest(folder: Path) -> ApplicationManifest:
    """The ``application.json`` of ``folder``, validated field by field (it is untrusted input).

    Raises:
        BundleError: It is missing, too large, not JSON, or a field is malformed (named by its path;
            the message never quotes the file's content).
    """
    from pydantic import ValidationError

    from tailor.inputs.bounded import InputRefused, read_limited
    from tailor.models.manifest import ApplicationManifest

    path = folder / MANIFEST
    hint = "the file is damaged; build the application again with `tailor batch`"
    try:
        data = json.loads(read_limited(path, MAX_MANIFEST_BYTES, "application manifest").decode("utf-8"))
    except FileNotFoundError as err:
        msg = f"{folder}: no {MANIFEST} here"
        raise BundleError(msg, hint="pass a folder made by `tailor batch`") from err
    except InputRefused as err:
        msg = f"{path}: {err.message}"
        raise BundleError(msg, hint=hint) from err
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:
        reason = "nested too deeply" if isinstance(err, RecursionError) else type(err).__name__
        msg = f"{path}: cannot be read as JSON ({reason})"
        raise BundleError(msg, hint=hint) from err
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        msg = f"{path}: not an application manifest tailor {__version__} can read"
        raise BundleError(msg, hint="build the application again with `tailor batch`")
    try:
        return ApplicationManifest.model_validate(data)
    except ValidationError as err:
        first = err.errors(include_input=False, include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        more = f" (and {err.error_count() - 1} more)" if err.error_count() > 1 else ""
        msg = f"{path}: {where}: {first['msg']}{more}"
        raise BundleError(msg, hint=hint) from err


def _find_input(record: FileRecord, folder: Path, what: str, override: Path | None = None) -> Path:
    """The input file the record names, found by override, relative or absolute path, hash-checked.

    A candidate is used only when its SHA-256 is the recorded one; its content is never shown.
    """
    candidates = [override] if override else [folder / record.relative, Path(record.path)]
    for path in candidates:
        if path is not None and path.is_file():
            if _hash_within(path, MAX_INPUT_BYTES) == record.sha256:
                return path
            if override or path == candidates[-1]:
                msg = f"the {what} {path} changed since this application was built"
                raise BundleError(
                    msg,
                    hint=f"restore the version with SHA-256 {record.sha256[:12]}…"
                    + (" or pass it with --profile" if what == "profile" else ""),
                )
    msg = f"the {what} of this application is gone: {record.path}"
    raise BundleError(msg, hint="restore it" + (", or pass it with --profile" if what == "profile" else ""))


MAX_INPUT_BYTES = 25_000_000
"""The largest input a rebuild hashes (the largest a build reads: a 20 MB PDF posting or CV)."""


def _hash_within(path: Path, limit: int) -> str | None:
    """The file's SHA-256, or None when it is not a regular file or larger than ``limit``."""
    from tailor.inputs.bounded import InputRefused, read_limited

    try:
        return sha256(read_limited(path, limit, "file"))
    except (InputRefused, OSError):
        return None


def _kept_copy(folder: Path, name: str, digest: str, what: str, original: str) -> Path:
    """A copy kept in the folder (the posting, the rules file): a plain file there, hash-checked."""
    copy = folder / name
    if copy.is_symlink() or _hash_within(copy, MAX_INPUT_BYTES) != digest:
        msg = f"{copy}: the {what} kept in the folder is missing or changed"
        raise BundleError(msg, hint=f"restore it from {original}")
    return copy


def _theme_input(record: ThemeRecord, folder: Path) -> str | Path:
    """The theme to build with; every file it reads must be one of the hash-checked files."""
    from tailor.inputs.themes import theme_files

    checked = {
        _find_input(file, folder, f"theme file {Path(file.path).name}").resolve() for file in record.files
    }
    if record.builtin:
        theme: str | Path = record.name
    else:
        relative = folder / record.relative if record.relative else None
        theme = relative if relative is not None and relative.is_dir() else Path(record.name)
    try:
        used = {Path(file).resolve() for file in theme_files(theme)}
    except TailorError as err:
        msg = f"the theme of this application cannot be found: {record.name}"
        raise BundleError(msg, hint="restore the theme folder it was built with") from err
    if not used <= checked:
        msg = f"the theme {record.name} now reads files this application did not record"
        raise BundleError(msg, hint="restore the theme folder it was built with")
    return theme


def request_from_manifest(
    manifest: ApplicationManifest, folder: Path, *, profile: Path | None = None
) -> BuildRequest:
    """The build request that made the folder, with every input found and checked against its hash.

    Raises:
        BundleError: An input is missing or changed.
    """
    inputs = manifest.inputs
    posting = inputs.posting
    copy = _kept_copy(folder, posting.file, posting.sha256, "posting", posting.original)
    rules = inputs.rules
    rules_file = None
    if rules.file is not None:
        rules_file = _kept_copy(folder, rules.file.kept, rules.file.sha256, "rules file", rules.file.path)
    template = inputs.docx_template
    options: dict[str, Any] = {
        key: tuple(value) if isinstance(value, list) else value
        for key, value in manifest.options.model_dump(exclude_none=True).items()
    }
    if manifest.option_files.letter_template is not None:
        record = manifest.option_files.letter_template
        options["letter_template"] = _find_input(record, folder, "letter template file")
    return BuildRequest(
        profile=_find_input(inputs.profile, folder, "profile", profile),
        posting=PostingInput(str(copy), company=posting.company, role=posting.role, name=posting.name),
        today=manifest.date,
        out=folder,
        theme=_theme_input(inputs.theme, folder),
        docx_template=None if template is None else _find_input(template, folder, "Word template"),
        rules=RuleOptions(rules_file, rules.flags.model_dump()),
        **options,
    )


@dataclass(frozen=True)
class RebuildResult:
    """The outcome of a rebuild: which outputs came out identical, and what was written."""

    folder: Path
    identical: list[str]
    written: list[Path]
    version_note: str | None = None


def rebuild(
    folder: Path, *, out: Path | None = None, profile: Path | None = None, force: bool = False
) -> RebuildResult:
    """Build the application in ``folder`` again from its application.json and check every byte.

    When every output is identical, missing files are restored (into ``out`` when
    given); existing identical files are left untouched.

    Raises:
        BundleError: application.json is missing or unusable, or an input changed.
        ReproducibilityError: Some output differs from the recorded one (nothing is
            written, except into ``out`` when given, to compare).
    """
    manifest = read_manifest(folder)
    request = request_from_manifest(manifest, folder, profile=profile)
    with tempfile.TemporaryDirectory(prefix="tailor-rebuild-") as scratch:
        result = build(dataclasses.replace(request, out=Path(scratch), force=True))
        rebuilt = {path.relative_to(scratch).as_posix(): path.read_bytes() for path in result.files}
    recorded = {entry.file: entry.sha256 for entry in manifest.outputs}
    differing = sorted(name for name, digest in recorded.items() if sha256(rebuilt.get(name, b"")) != digest)
    differing += sorted(name for name in rebuilt if name not in recorded)
    target = out or folder
    note = None
    if manifest.tailor != __version__:
        note = f"built with tailor {manifest.tailor}, rebuilt with {__version__}"
    if differing and out is None:
        msg = f"{folder}: rebuilding gives different {', '.join(differing)}" + (f" ({note})" if note else "")
        raise ReproducibilityError(
            msg, hint="pass --out DIR to write the rebuilt files elsewhere and compare"
        )
    written = write_folder(target, {target / name: data for name, data in rebuilt.items()}, force=force)
    if differing:
        msg = (
            f"{folder}: rebuilding gives different {', '.join(differing)}; the rebuilt files are in {target}"
        )
        raise ReproducibilityError(msg)
    return RebuildResult(target, sorted(recorded), written, note)
