"""Read YAML (or JSON) into a :class:`MasterProfile`, with located, friendly errors.

Every problem is reported at once, each with the file, line, field path, what
is wrong and how to fix it. pydantic's wording is rewritten into user wording.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from tailor.errors import Problem, ProfileError
from tailor.inputs.validation_problems import (
    line_for,
    validation_problems,
)
from tailor.inputs.yaml_lines import (
    Loc,
    format_path,
    parse_yaml,
)
from tailor.models.profile import MasterProfile

__all__ = ["format_path", "load_profile", "load_profile_text", "parse_yaml", "validation_problems"]


MAX_PROFILE_BYTES = 5_000_000
"""A profile is text: a few hundred items are ~100 KB."""


def load_profile(path: Path) -> MasterProfile:
    """Load and validate a master profile from a YAML or JSON file.

    Args:
        path: The profile file.

    Returns:
        The validated profile.

    Raises:
        ProfileError: The file cannot be read or is invalid; lists every problem.
    """
    from tailor.inputs.bounded import InputRefused, read_limited

    source = str(path)
    try:
        raw = read_limited(path, MAX_PROFILE_BYTES, "profile")
    except InputRefused as err:
        raise ProfileError(source, [Problem("", err.message, hint=err.hint)]) from err
    except OSError as err:
        raise ProfileError(source, [Problem("", f"cannot read the file: {err.strerror}")]) from err
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        problem = Problem("", "is not UTF-8 text", hint="save the file as UTF-8")
        raise ProfileError(source, [problem]) from err
    return load_profile_text(text, source)


def load_profile_text(text: str, source: str = "<profile>") -> MasterProfile:
    """Validate profile text (YAML or JSON); ``source`` names it in messages."""
    data, lines = parse_yaml(text, source)
    if data is None:
        hint = "copy an example from profiles/, or make one from your CV: `tailor import cv.pdf -o me.yaml`"
        problem = Problem("", "is empty; a profile needs at least `person:` with a `name:`", 1, hint)
        raise ProfileError(source, [problem])
    if not isinstance(data, dict):
        raise ProfileError(source, [Problem("", "should be a mapping with at least `person:`", line=1)])
    try:
        profile = MasterProfile.model_validate(data)
    except ValidationError as err:
        raise ProfileError(source, validation_problems(err, lines, MasterProfile)) from err
    duplicates = list(_duplicate_ids(profile, lines))
    if duplicates:
        raise ProfileError(source, duplicates)
    return profile


def _duplicate_ids(profile: MasterProfile, lines: dict[Loc, int]) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for loc, item_id in _item_ids(profile):
        path = format_path(loc)
        if item_id in seen:
            yield Problem(
                path,
                f"id `{item_id}` is also used by {seen[item_id]}",
                line_for(loc, lines),
                "give one of them a different explicit `id:` (identical text gets identical ids)",
            )
        else:
            seen[item_id] = path


def _item_ids(profile: MasterProfile) -> Iterator[tuple[Loc, str]]:
    for section in ("summaries", "education", "projects", "publications", "awards", "answers", "stories"):
        for index, item in enumerate(getattr(profile, section)):
            yield (section, index), item.key
    for section, index, role in profile.all_roles():
        yield (section, index), role.key
        for b_index, bullet in enumerate(role.bullets):
            yield (section, index, "bullets", b_index), bullet.key
    for index, paragraph in enumerate(profile.letter.paragraphs):
        yield ("letter", "paragraphs", index), paragraph.key
