"""``tailor rebuild``: read an application folder's ``application.json`` and build it again.

Every input is found again by its SHA-256 (beside the recipe, or where it was), and every output
must come out byte-identical; see :mod:`tailor.app.bundle` for what the recipe records.
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tailor import __version__
from tailor.app.pipeline import BuildRequest, build
from tailor.app.posting_input import PostingInput
from tailor.app.tailoring import RuleOptions
from tailor.errors import BundleError, ReproducibilityError, TailorError
from tailor.writing.files import write_folder

if TYPE_CHECKING:
    from tailor.models.manifest import ApplicationManifest, FileRecord, ThemeRecord
from tailor.app.bundle import FORMAT, MANIFEST, sha256

__all__ = ["RebuildResult", "read_manifest", "rebuild", "request_from_manifest"]


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
