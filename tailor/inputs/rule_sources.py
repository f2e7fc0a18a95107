"""Where the selection rules come from, and how the sources combine.

Precedence, lowest first: the profile's ``rules:``, the theme's section order
(only when no source names ``sections``), the posting's front matter
``rules:``, a ``--rules FILE``, and command-line flags. A later source
replaces only the fields it sets; every source is checked against the same
:class:`~tailor.models.rules.Rules` model, with the same located messages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from tailor.errors import Problem, ProfileError
from tailor.inputs.loading import parse_yaml, validation_problems
from tailor.models.rules import Rules, SectionName

__all__ = ["effective_rules", "load_rules_file"]


def _checked(data: Mapping[str, Any], source: str, lines: dict[Any, int] | None = None) -> dict[str, Any]:
    try:
        Rules.model_validate(data)
    except ValidationError as err:
        raise ProfileError(source, validation_problems(err, lines or {}, Rules)) from err
    return dict(data)


def load_rules_file(path: Path) -> dict[str, Any]:
    """Read a rules file (YAML: the fields of a profile's ``rules:``), checked, as given.

    Raises:
        ProfileError: The file cannot be read, is not YAML, or has a wrong or unknown rule.
    """
    from tailor.inputs.bounded import InputRefused, read_limited

    source = str(path)
    try:
        text = read_limited(path, 1_000_000, "rules").decode("utf-8-sig")
    except InputRefused as err:
        raise ProfileError(source, [Problem("", err.message, hint=err.hint)]) from err
    except (OSError, UnicodeDecodeError) as err:
        raise ProfileError(source, [Problem("", f"cannot read the rules file: {err}")]) from err
    data, lines = parse_yaml(text, source)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ProfileError(source, [Problem("", "should be a mapping of rule names to values", line=1)])
    if set(data) == {"rules"} and isinstance(data["rules"], dict):  # a profile-style `rules:` block
        data = data["rules"]
        lines = {loc[1:]: line for loc, line in lines.items() if loc[:1] == ("rules",)}
    return _checked(data, source, lines)


def effective_rules(
    profile_rules: Rules,
    *,
    theme_order: Sequence[SectionName] | None = None,
    posting_rules: Mapping[str, Any] | None = None,
    posting_source: str = "posting",
    file_rules: Mapping[str, Any] | None = None,
    flags: Mapping[str, Any] | None = None,
) -> Rules:
    """The rules for one build, from every source in order of precedence.

    Raises:
        ProfileError: The posting's front-matter rules are invalid (the file's
            own problems are raised by :func:`load_rules_file`).
    """
    merged: dict[str, Any] = profile_rules.model_dump(exclude_unset=True)
    if theme_order is not None and "sections" not in merged:
        merged["sections"] = list(theme_order)
    if posting_rules:
        merged.update(_checked(posting_rules, f"{posting_source} (front matter rules)"))
    merged.update(file_rules or {})
    for key, value in (flags or {}).items():
        if value in (None, (), []):
            continue
        if key in ("pin", "exclude"):  # flags add to the lists instead of replacing them
            value = list(dict.fromkeys([*merged.get(key, []), *value]))
        merged[key] = value
    return Rules.model_validate(merged)
