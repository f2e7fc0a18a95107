"""Write a draft as a commented YAML profile.

Strings are written as JSON strings (valid YAML double-quoted scalars), so any
text round-trips exactly; ``# check:`` comments sit above the item they concern.
"""

from __future__ import annotations

import json
import re
from typing import Any

from tailor.importing.draft import SECTION_ORDER, Draft, Path

__all__ = ["to_yaml"]

_INDENT = "  "
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_PERSON_ORDER = ("name", "headline", "email", "phone", "location", "links")
_FIELD_ORDER = (
    "id", "title", "name", "institution", "organisation", "unit", "degree", "field", "location", "start",
    "end", "date", "issuer", "authors", "venue", "year", "label", "url", "note", "thesis", "advisors",
    "description", "prompt", "lead", "text", "items", "details", "bullets", "themes", "situation", "task",
    "action", "result", "variants", "pin", "skills", "tags",
)  # fmt: skip


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = json.dumps(str(value), ensure_ascii=False)
    # YAML refuses DEL, C1 controls and line separators even inside quotes: write them as escapes.
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _ordered(mapping: dict[str, Any], order: tuple[str, ...]) -> list[tuple[str, Any]]:
    rank = {key: index for index, key in enumerate(order)}
    return sorted(mapping.items(), key=lambda item: rank.get(item[0], len(rank)))


class _Writer:
    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.lines: list[str] = []

    def comments(self, path: Path, indent: str) -> None:
        for comment in self.draft.comments.get(path, []):
            for index, line in enumerate(comment.splitlines() or [""]):
                self.lines.append(f"{indent}# {'' if index == 0 else '  '}{line}".rstrip())

    def mapping(self, mapping: dict[str, Any], path: Path, indent: str, first_prefix: str = "") -> None:
        order = _PERSON_ORDER if path == ("person",) else _FIELD_ORDER
        for index, (key, value) in enumerate(_ordered(mapping, order)):
            prefix = first_prefix if index == 0 else indent
            self.value(f"{prefix}{key}:", value, (*path, key), indent)

    def value(self, head: str, value: Any, path: Path, indent: str) -> None:
        if isinstance(value, dict):
            self.lines.append(head)
            self.mapping(value, path, indent + _INDENT, indent + _INDENT)
        elif (
            isinstance(value, list)
            and all(not isinstance(v, (dict, list)) for v in value)
            and not any((*path, i) in self.draft.comments for i in range(len(value)))
            and path[-1] != "bullets"
        ):
            self.lines.append(f"{head} [{', '.join(_scalar(v) for v in value)}]")
        elif isinstance(value, list):
            self.lines.append(head)
            self.sequence(value, path, indent + _INDENT)
        else:
            self.lines.append(f"{head} {_scalar(value)}")

    def sequence(self, items: list[Any], path: Path, indent: str) -> None:
        for index, item in enumerate(items):
            self.comments((*path, index), indent)
            if isinstance(item, dict):
                self.mapping(item, (*path, index), indent + _INDENT, f"{indent}- ")
            else:
                self.lines.append(f"{indent}- {_scalar(item)}")


def to_yaml(draft: Draft, header: list[str]) -> str:
    """The draft as YAML text, ``header`` lines first as comments."""
    writer = _Writer(draft)
    writer.lines.extend(f"# {line}".rstrip() for line in header)
    writer.lines.extend(f"# note: {note}" for note in draft.notes)
    writer.lines.append("")
    writer.comments(("person",), "")
    writer.value("person:", draft.person, ("person",), "")
    for section in SECTION_ORDER:
        items = draft.sections.get(section)
        if items:
            writer.lines.append("")
            writer.value(f"{section}:", items, (section,), "")
    if draft.letter:
        writer.lines.append("")
        writer.value("letter:", draft.letter, ("letter",), "")
    if draft.rules:
        writer.lines.append("")
        writer.value("rules:", draft.rules, ("rules",), "")
    if draft.unplaced:
        writer.lines.append("")
        writer.lines.append(
            "# Text the importer could not place. Move each piece where it belongs, then delete it."
        )
        writer.lines.append("unplaced:")
        for origin, text in draft.unplaced:
            writer.lines.append(f"{_INDENT}# from {origin}")
            writer.lines.append(f"{_INDENT}- {_scalar(text)}")
    return "\n".join(writer.lines) + "\n"
