"""Optional YAML front matter at the top of a posting.

::

    ---
    company: Acme
    role: Data Engineer
    ---
    (the posting)

Allowed keys: company, role, location, contact, url, focus (what the role is about, e.g.
"computer vision"), why (why this company, in your own words: the cover letter quotes it) and
rules. Values must be text
(numbers are accepted and turned into text); empty values count as absent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from tailor.errors import PostingError

__all__ = ["ALLOWED_KEYS", "FrontMatter", "split_front_matter"]

ALLOWED_KEYS = ("company", "role", "location", "contact", "url", "why", "focus", "rules")
_OPEN = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_ALLOWED_TEXT = ", ".join(ALLOWED_KEYS)


@dataclass(frozen=True)
class FrontMatter:
    """The front matter values (only the keys that were given) and the body."""

    body: str
    values: dict[str, str] = field(default_factory=dict)
    rules: dict[str, Any] = field(default_factory=dict)
    """Selection rules for this posting (checked against the rules model by the pipeline)."""
    body_line: int = 1
    """Line number (1-based) in the file where the body starts."""


def _closing_index(lines: list[str], where: str) -> int:
    for index in range(1, len(lines)):
        if _CLOSE.match(lines[index]):
            return index
    msg = f"{where}:1: front matter opens with '---' but is never closed"
    raise PostingError(
        msg,
        hint="end the front matter with a line holding only '---', or remove the opening '---'",
    )


def _load(block: str, where: str) -> object:
    from tailor.inputs.yaml_bounds import yaml_too_big

    try:
        node = yaml.compose(block, Loader=yaml.SafeLoader)
        refused = yaml_too_big(node) if node is not None else None
        if refused is not None:
            msg = f"{where}:{(refused.line or 0) + 1}: the front matter {refused.message}"
            raise PostingError(msg, hint=refused.hint)
        return yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        msg = f"{where}{line}: invalid YAML in the front matter: {problem}"
        raise PostingError(
            msg,
            hint="write one 'key: value' per line; quote values that contain ': ' or start with a symbol",
        ) from exc


def _value(key: str, value: object, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        msg = f"{where}: front matter key '{key}' must be text, not {type(value).__name__}"
        raise PostingError(
            msg,
            hint=f'write it as a single line, e.g. {key}: "..."',
        )
    text = str(value).strip()
    return text or None


def _validate(data: object, where: str) -> dict[str, str]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        msg = f"{where}: the front matter must be 'key: value' lines"
        raise PostingError(
            msg,
            hint=f"allowed keys: {_ALLOWED_TEXT}",
        )
    unknown = sorted(str(key) for key in data if key not in ALLOWED_KEYS)
    if unknown:
        msg = f"{where}: unknown front matter key{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}"
        raise PostingError(
            msg,
            hint=f"allowed keys: {_ALLOWED_TEXT}",
        )
    values = {key: _value(key, value, where) for key, value in data.items() if key != "rules"}
    return {key: value for key, value in values.items() if value is not None}


def _rules(data: object, where: str) -> dict[str, Any]:
    rules = data.get("rules") if isinstance(data, dict) else None
    if rules is None:
        return {}
    if not isinstance(rules, dict):
        msg = f"{where}: front matter key 'rules' must be a mapping of rule names to values"
        raise PostingError(msg, hint="e.g.\nrules:\n  pages: 1\n  max_bullets_per_role: 3")
    return {str(key): value for key, value in rules.items()}


def split_front_matter(text: str, where: str) -> FrontMatter:
    """Split optional YAML front matter off the top of ``text``.

    Args:
        text: The whole posting.
        where: How to name the input in error messages (a path or
            "standard input").

    Returns:
        The validated values and the remaining body.

    Raises:
        PostingError: If the front matter is unclosed, is not valid YAML,
            is not a mapping, has an unknown key or a non-text value.
    """
    lines = text.split("\n")
    if not lines or not _OPEN.match(lines[0]):
        return FrontMatter(body=text)
    end = _closing_index(lines, where)
    data = _load("\n".join(lines[1:end]), where)
    return FrontMatter(
        body="\n".join(lines[end + 1 :]),
        values=_validate(data, where),
        rules=_rules(data, where),
        body_line=end + 2,
    )
