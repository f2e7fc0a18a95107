"""Read YAML (or JSON) into a :class:`MasterProfile`, with located, friendly errors.

Every problem is reported at once, each with the file, line, field path, what
is wrong and how to fix it. pydantic's wording is rewritten into user wording.
"""

from __future__ import annotations

import copy
import difflib
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from tailor.errors import Problem, ProfileError
from tailor.inputs.yaml_bounds import yaml_too_big
from tailor.models.profile import MasterProfile

__all__ = ["format_path", "load_profile", "load_profile_text", "parse_yaml", "validation_problems"]

Loc = tuple[str | int, ...]

# pydantic error type -> (message, hint); "{...}" fields come from the error's ctx/input.
_WORDING: dict[str, tuple[str, str | None]] = {
    "missing": ("is required but missing", "add it, e.g. `{field}: ...`"),
    "string_type": ("should be text, got {kind}", "put the value in quotes if it is meant as text"),
    "list_type": ("should be a list, got {kind}", "write one item per line starting with '- '"),
    "dict_type": ("should be a mapping of fields, got {kind}", "write `key: value` lines indented under it"),
    "model_type": ("should be a mapping of fields, got {kind}", "write `key: value` lines indented under it"),
    "model_attributes_type": ("should be a mapping of fields, got {kind}", None),
    "int_type": ("should be a whole number, got {kind}", None),
    "int_parsing": ("should be a whole number, got {input!r}", None),
    "bool_type": ("should be true or false, got {input!r}", None),
    "bool_parsing": ("should be true or false, got {input!r}", None),
    "literal_error": ("must be one of {expected}, got {input!r}", None),
    "string_pattern_mismatch": (
        "{input!r} is not a valid id",
        "use letters, digits, '.', '_' and '-' only, starting with a letter or digit",
    ),
    "too_short": ("must not be empty", "add at least one item"),
    "greater_than_equal": ("must be at least {ge}, got {input!r}", None),
    "less_than_equal": ("must be at most {le}, got {input!r}", None),
}


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


_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML was built with it (ten times faster), else the pure-Python one."""


_PARSED: dict[str, tuple[Any, dict[Loc, int]]] = {}
"""Texts parsed successfully in this process (a batch loads one profile and theme per posting)."""


def parse_yaml(text: str, source: str) -> tuple[Any, dict[Loc, int]]:
    """Parse YAML and map every key path to its 1-based line number.

    The same text is parsed once per process; each caller gets its own copy.

    Raises:
        ProfileError: The YAML is malformed or a key appears twice in one mapping.
    """
    parsed = _PARSED.get(text)
    if parsed is None:
        parsed = _parse_yaml(text, source)
        if len(_PARSED) >= 32:
            _PARSED.clear()
        _PARSED[text] = parsed
    data, lines = parsed
    return copy.deepcopy(data), dict(lines)


def _parse_yaml(text: str, source: str) -> tuple[Any, dict[Loc, int]]:
    try:
        node, data = _compose_and_construct(text, _FAST_LOADER)
    except yaml.reader.ReaderError as err:  # a character YAML does not allow (NUL, most controls)
        raise ProfileError(source, [_character_problem(text, err)]) from err
    except yaml.MarkedYAMLError:
        try:  # parse again in pure Python: its messages are the ones users (and tests) know
            node, data = _compose_and_construct(text, yaml.SafeLoader)
        except yaml.MarkedYAMLError as err:
            raise ProfileError(source, [_yaml_problem(err)]) from err
    lines: dict[Loc, int] = {}
    problems: list[Problem] = []
    if node is not None:
        too_big = yaml_too_big(node)
        if too_big is not None:
            raise ProfileError(source, [too_big])
        _walk(node, (), lines, problems)
    if problems:
        raise ProfileError(source, problems)
    return data, lines


def _character_problem(text: str, err: yaml.reader.ReaderError) -> Problem:
    """A control character in the file, by line and code point (the character itself is not shown)."""
    position = max(0, min(err.position, len(text)))
    line = text.count("\n", 0, position) + 1
    code = f"U+{err.character:04X}" if isinstance(err.character, int) else "a control character"
    message = f"holds the control character {code}, which YAML does not allow"
    return Problem("", message, line=line, hint="delete it (it is invisible in most editors)")


def _yaml_problem(err: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error in user words, with a hint for the usual causes."""
    mark = err.problem_mark
    problem = str(err.problem or err)
    message = f"is not valid YAML: {problem}"
    hint = "check the indentation and quoting around this line (a ':' inside text needs quotes)"
    if "'\\t'" in problem:
        hint = "YAML indents with spaces, not tabs: replace the tab with spaces"
    elif ("end of stream" in problem or "<stream end>" in problem) and err.context and err.context_mark:
        message += f" ({err.context} on line {err.context_mark.line + 1})"
        hint = "a quote or bracket opened there is never closed"
    return Problem("", message, line=mark.line + 1 if mark else None, hint=hint)


def _compose_and_construct(text: str, loader_class: Any) -> tuple[yaml.Node | None, Any]:
    """Parse once and build the data from the same nodes.

    The same as ``yaml.compose`` followed by ``yaml.safe_load``, without parsing twice;
    with libyaml a profile loads in a few milliseconds instead of ~30.
    """
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _walk(node: yaml.Node, loc: Loc, lines: dict[Loc, int], problems: list[Problem]) -> None:
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            here = (*loc, key)
            if key in seen:
                line = key_node.start_mark.line + 1
                problems.append(
                    Problem(format_path(here), "appears twice in the same mapping", line, "keep only one")
                )
            seen.add(key)
            lines[here] = key_node.start_mark.line + 1
            _walk(value_node, here, lines, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*loc, index), lines, problems)


def format_path(loc: Loc) -> str:
    """``("experience", 0, "bullets")`` -> ``experience[0].bullets``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line_for(loc: Loc, lines: dict[Loc, int]) -> int | None:
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def validation_problems(err: ValidationError, lines: dict[Loc, int], root: type[BaseModel]) -> list[Problem]:
    """Turn a pydantic ValidationError into located, user-worded problems."""
    problems = []
    for error in err.errors():
        loc = tuple(part for part in error["loc"] if not _is_internal(part))
        message, hint = _explain(error, loc, root)
        problems.append(Problem(format_path(loc), message, _line_for(loc, lines), hint))
    return sorted(problems, key=lambda p: (p.line or 0, p.path))


def _is_internal(part: str | int) -> bool:
    # pydantic inserts validator names such as "function-before[...]" into locations.
    return isinstance(part, str) and (("[" in part and "]" in part) or part.startswith("function-"))


def _explain(error: Any, loc: Loc, root: type[BaseModel]) -> tuple[str, str | None]:
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    if kind == "extra_forbidden":
        return _unknown_field(loc, root)
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", error["msg"])), None
    if kind in _WORDING:
        template, hint = _WORDING[kind]
        fields = {"kind": _kind_of(value), "input": value, "field": loc[-1] if loc else "", **ctx}
        return template.format(**fields), hint.format(**fields) if hint else None
    return error["msg"][0].lower() + error["msg"][1:], None


def _kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (empty value)"
    return f"{type(value).__name__} {value!r}"


def _unknown_field(loc: Loc, root: type[BaseModel]) -> tuple[str, str | None]:
    name = str(loc[-1]) if loc else ""
    model = _model_at(loc[:-1], root)
    allowed = sorted(model.model_fields) if model else []
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown field `{name}`", f"did you mean `{close[0]}`?"
    listing = ", ".join(allowed) if allowed else "see `tailor schema`"
    return f"unknown field `{name}`", f"allowed fields here: {listing}"


def _model_at(loc: Loc, root: type[BaseModel]) -> type[BaseModel] | None:
    model: type[BaseModel] | None = root
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(part)
        model = next(_models_in(field.annotation), None) if field else None
    return model


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        yield from _models_in(typing.get_args(annotation)[0])
        return
    if origin in (list, tuple, typing.Union, types.UnionType) or origin is not None:
        for arg in typing.get_args(annotation):
            yield from _models_in(arg)


def _duplicate_ids(profile: MasterProfile, lines: dict[Loc, int]) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for loc, item_id in _item_ids(profile):
        path = format_path(loc)
        if item_id in seen:
            yield Problem(
                path,
                f"id `{item_id}` is also used by {seen[item_id]}",
                _line_for(loc, lines),
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
