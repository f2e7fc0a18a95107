"""YAML (or JSON) parsed with the line of every value, so that every error can name its line."""

from __future__ import annotations

import copy
from typing import Any

import yaml

from tailor.errors import Problem, ProfileError
from tailor.inputs.yaml_bounds import yaml_too_big

Loc = tuple[str | int, ...]
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
