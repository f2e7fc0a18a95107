"""The profile being assembled: items checked one by one against the models, notes, unplaced text.

Every item is validated as it is added. A field the model refuses (a date it cannot
read, a link without an address) is left out with a ``check`` note that quotes it;
an item that still does not validate goes to ``unplaced`` whole. So the written
profile always validates and no text is lost.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from tailor.models.profile import (
    Answer,
    Award,
    Education,
    Person,
    Project,
    Publication,
    Role,
    SkillGroup,
    Story,
    Summary,
)
from tailor.models.rules import ROLE_SECTIONS, SECTION_NAMES

__all__ = ["SECTION_ORDER", "Draft", "Path"]

Path = tuple[str | int, ...]

MODELS: dict[str, type[BaseModel]] = {
    "summaries": Summary,
    "experience": Role,
    "education": Education,
    "projects": Project,
    "publications": Publication,
    "skills": SkillGroup,
    "teaching": Role,
    "volunteering": Role,
    "awards": Award,
    "answers": Answer,
    "stories": Story,
}
SECTION_ORDER = ("summaries", *SECTION_NAMES[1:], "answers", "stories")
"""The profile's keys in the order a draft writes them: the CV's sections (``summaries`` holds the
summary), then the application material."""
_MAX_REPAIRS = 4


@dataclass
class Draft:
    """A profile under construction, with the importer's notes."""

    source: str
    person: dict[str, Any] = field(default_factory=dict)
    sections: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    comments: dict[Path, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    unplaced: list[tuple[str, str]] = field(default_factory=list)
    rules: dict[str, Any] = field(default_factory=dict)
    letter: dict[str, Any] = field(default_factory=dict)
    """Cover-letter paragraphs carried over from an exported profile (JSON Resume ``x-tailor``)."""

    def check(self, path: Path, message: str) -> None:
        """Attach a ``# check: ...`` comment to the item at ``path``."""
        self.comments.setdefault(path, []).append(f"check: {message}")

    def put_aside(self, origin: str, text: str) -> None:
        """Keep text that fits nowhere under ``unplaced:``, saying where it came from."""
        text = text.strip()
        if text:
            self.unplaced.append((origin, text))

    def add(self, section: str, item: dict[str, Any], checks: list[str] | None = None) -> int | None:
        """Validate and append an item; returns its index, or None when it went to ``unplaced``."""
        model = MODELS[section]
        item = {key: value for key, value in item.items() if value not in (None, [], "", {})}
        checks = list(checks or [])
        for _ in range(_MAX_REPAIRS):
            try:
                model.model_validate(item)
            except ValidationError as err:
                if not self._repair(section, item, err, checks):
                    self.put_aside(f"{section} (could not be read: {_first_message(err)})", _as_text(item))
                    return None
            else:
                items = self.sections.setdefault(section, [])
                items.append(item)
                for message in checks:
                    self.check((section, len(items) - 1), message)
                return len(items) - 1
        self.put_aside(section, _as_text(item))
        return None

    def _repair(self, section: str, item: dict[str, Any], err: ValidationError, checks: list[str]) -> bool:
        """Drop what the model refuses; False when a required field is the problem."""
        repaired = False
        for error in err.errors():
            loc = error["loc"]
            if not loc:
                # A whole-item rule, e.g. the end date before the start: keep the dates in a note.
                start, end = item.pop("start", None), item.pop("end", None)
                checks.append(
                    f"dates left out ({start} – {end}): {error['msg'].removeprefix('Value error, ')}"
                )
                repaired = True
            elif loc[0] == "bullets" and len(loc) > 1 and isinstance(loc[1], int):
                bullets = item.get("bullets", [])
                if loc[1] < len(bullets) and bullets[loc[1]] is not None:
                    self.put_aside(f"{section}: a bullet that could not be read", _as_text(bullets[loc[1]]))
                    bullets[loc[1]] = None
                    repaired = True
            elif error["type"] != "missing" and loc[0] in item:
                value = item.pop(str(loc[0]))
                checks.append(f"left out {loc[0]} {value!r}: {error['msg'].removeprefix('Value error, ')}")
                repaired = True
        if "bullets" in item:
            item["bullets"] = [bullet for bullet in item["bullets"] if bullet is not None]
        return repaired

    def person_model(self) -> Person:
        """The person block, validated (fields the model refuses were already removed)."""
        return Person.model_validate(self.person)

    def assign_ids(self) -> None:
        """Readable ids for roles (organisation and title); unique everywhere."""
        seen: set[str] = set()
        for section in SECTION_ORDER:
            for item in self.sections.get(section, []):
                if section in ROLE_SECTIONS:
                    org = " ".join((item.get("organisation") or "").split()[:3])
                    item["id"] = _unique(item.get("id") or _slug(f"{org} {item['title']}"), seen)
                    _unique_bullets(item, seen)
                elif section != "skills":
                    key = MODELS[section].model_validate(item).key  # type: ignore[attr-defined]
                    if key in seen:
                        item["id"] = _unique(key, seen)
                    seen.add(item.get("id", key))


def _unique_bullets(role: dict[str, Any], seen: set[str]) -> None:
    for index, bullet in enumerate(role.get("bullets", [])):
        key = Role.model_validate({**role, "id": None}).bullets[index].key
        if key in seen:
            mapping = bullet if isinstance(bullet, dict) else {"text": bullet}
            role["bullets"][index] = {"id": _unique(key, seen), **mapping}
        seen.add(key)


def _unique(base: str, seen: set[str]) -> str:
    candidate, number = base, 2
    while candidate in seen:
        candidate, number = f"{base}-{number}", number + 1
    seen.add(candidate)
    return candidate


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)[:8]
    return "-".join(words)[:60].strip("-") or "role"


def _first_message(err: ValidationError) -> str:
    error = err.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    return f"{where}: {error['msg']}" if where else str(error["msg"])


def _as_text(value: Any) -> str:
    """Every string inside ``value``, one per line, so nothing is lost."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "\n".join(f"{key}: {_as_text(item)}" for key, item in value.items() if item not in (None, ""))
    if isinstance(value, list):
        return "\n".join(_as_text(item) for item in value)
    return str(value)
