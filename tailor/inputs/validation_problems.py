"""pydantic's validation errors as located problems: file, line, field, what is wrong, what to do."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from tailor.errors import Problem
from tailor.inputs.yaml_lines import (
    Loc,
    format_path,
)

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


def line_for(loc: Loc, lines: dict[Loc, int]) -> int | None:
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
        problems.append(Problem(format_path(loc), message, line_for(loc, lines), hint))
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
