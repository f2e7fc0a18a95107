"""Use cases on the profile itself: check it, its JSON Schema, import a CV into one, export one."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tailor.app.posting_input import MAX_IMPORT_BYTES
from tailor.inputs.loading import load_profile
from tailor.models.profile import MasterProfile
from tailor.writing.files import write_all

if TYPE_CHECKING:
    from tailor.importing import ImportResult


def check_profile(path: Path) -> MasterProfile:
    """Load and validate a profile; raises ProfileError listing every problem."""
    return load_profile(path)


def profile_schema() -> str:
    """The master profile's JSON Schema, as stable, pretty-printed JSON."""
    schema = MasterProfile.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "tailor master profile"
    _allow_plain_bullets(schema)
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _allow_plain_bullets(node: Any) -> None:
    """Bullets may be written as plain strings; say so in the schema for editors."""
    ref = {"$ref": "#/$defs/Bullet"}
    if isinstance(node, dict):
        for key, value in node.items():
            if value == ref:
                node[key] = {"anyOf": [{"type": "string", "description": "The bullet text."}, ref]}
            else:
                _allow_plain_bullets(value)
    elif isinstance(node, list):
        for item in node:
            _allow_plain_bullets(item)


@dataclass(frozen=True)
class ImportRequest:
    """Everything ``tailor import`` needs."""

    source: Path
    out: Path
    force: bool = False


@dataclass(frozen=True)
class ImportOutcome:
    """Where the profile was written and what needs the user's attention."""

    out: Path
    result: ImportResult
    """What was read: the format, the counts, the guesses to check and the text left unplaced."""
    warnings: tuple[str, ...] = ()
    """What makes the imported profile thin (no roles, no dates, mostly unplaced)."""


def import_profile(request: ImportRequest) -> ImportOutcome:
    """Turn a CV (md, txt, docx, pdf or JSON Resume) into a profile YAML, written atomically.

    Raises:
        ImportSourceError: The CV cannot be read.
        OutputError: The output exists and ``force`` is off, or cannot be written.
    """
    from tailor.errors import ImportSourceError, InternalError, OutputError, ProfileError
    from tailor.importing import import_cv
    from tailor.inputs.loading import load_profile_text

    if request.out.exists() and not request.force:
        msg = f"{request.out} already exists"
        raise OutputError(msg, hint="pass --force to replace it, or choose another -o path")
    from tailor.inputs.bounded import read_input

    data = read_input(request.source, MAX_IMPORT_BYTES, "CV", ImportSourceError, "check the path")
    name_hint = request.out.stem.replace("-", " ").replace("_", " ").title()
    result = import_cv(data, str(request.source), name_hint)
    from tailor.app.profile_warnings import thin_profile_warnings

    try:
        profile = load_profile_text(result.yaml, str(request.out))
    except ProfileError as err:  # the importer validates every item, so this is a bug
        msg = f"tailor import produced an invalid profile:\n{err}"
        raise InternalError(msg) from err
    write_all({request.out: result.yaml.encode("utf-8")}, force=True)
    warnings = tuple(thin_profile_warnings(profile, str(request.out)))
    return ImportOutcome(request.out, result, warnings)


EXPORT_FORMATS = ("json-resume", "text")


def export_profile(profile_path: Path, fmt: str, out: Path | None = None, *, force: bool = False) -> str:
    """A profile as JSON Resume or plain text; written atomically to ``out`` when given.

    Raises:
        ProfileError: The profile is invalid.
        OutputError: ``out`` exists with different content and ``force`` is off.
    """
    from tailor.exporting import to_json_resume, to_text

    profile = load_profile(profile_path)
    text = to_json_resume(profile) if fmt == "json-resume" else to_text(profile)
    if out is not None:
        write_all({out: text.encode("utf-8")}, force=force)
    return text


# --- themes, previews and watching -----------------------------------------------------
