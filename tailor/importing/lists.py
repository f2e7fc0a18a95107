"""Sections that are plain lists: skills, projects, awards, summaries, interests, unknown ones."""

from __future__ import annotations

import re
from typing import Any

from tailor.importing.bullets import bullet_text, clean_text, split_lead
from tailor.importing.dates import find_date, profile_date
from tailor.importing.draft import Draft
from tailor.importing.inline import split_bold_lead
from tailor.importing.units import Unit

__all__ = ["add_awards", "add_projects", "add_skills", "add_summary", "put_aside_section", "split_items"]

_NAME_COLON = re.compile(r"^(?P<name>[^:]{1,50}?)\s*:\s+(?P<rest>\S.*)$")
_MAX_NAME_WORDS = 5
_ITEM_SEPARATORS = ",;|•·"
_AWARD_SEPARATORS = re.compile(r"\s+[—–|·]\s+|\s+-\s+")


def split_items(text: str) -> list[str]:
    """Split a skills list at commas (and ; | • ·) that are not inside brackets."""
    items, depth, current = [], 0, ""
    for char in text:
        depth += (char in "([{") - (char in ")]}")
        if char in _ITEM_SEPARATORS and depth <= 0:
            items.append(current)
            current = ""
        else:
            current += char
    items.append(current)
    return [item.strip().rstrip(".").strip() for item in items if item.strip().rstrip(".").strip()]


def _named(unit: Unit) -> tuple[str | None, str]:
    """``**Name:** rest`` or ``Name: rest`` -> (name, rest); (None, text) otherwise."""
    bold = split_bold_lead(unit.text)
    if bold and len(bold[0].split()) <= _MAX_NAME_WORDS:
        return clean_text(bold[0])[0].rstrip(":.").strip(), bold[1]
    text = unit.plain
    named = _NAME_COLON.match(text)
    if named and len(named.group("name").split()) <= _MAX_NAME_WORDS:
        return named.group("name"), named.group("rest")
    cells = text.split(" | ")
    if len(cells) == 2 and len(cells[0].split()) <= _MAX_NAME_WORDS and "," not in cells[0]:
        return cells[0], cells[1]  # a table row: "| Data ETL | SQL, Spark, Airflow |"
    return None, unit.text


def add_skills(draft: Draft, title: str, units: list[Unit]) -> None:
    """``Name: a, b, c`` lines -> skill groups; unnamed lines form a group named after the section."""
    for unit in units:
        name, rest = _named(unit)
        items = split_items(clean_text(rest)[0])
        checks = [] if name else [f"group name '{title}' taken from the section heading"]
        if not items:
            draft.put_aside(f"{title} (line {unit.line})", unit.plain)
            continue
        draft.add("skills", {"name": name or title.title(), "items": items}, checks)


def add_projects(draft: Draft, title: str, units: list[Unit]) -> None:
    """``**Name:** text``, ``Name. Text`` or ``Name: text`` -> projects."""
    for unit in units:
        name, rest = _named(unit)
        words, notes, urls = clean_text(rest)
        checks = list(notes)
        if name is None:
            lead, body = split_lead(words)
            if lead:
                name, words = lead.rstrip("."), body
        if name is None:
            name = next((w for w, _ in urls), None) or _first_words(words)
            checks.append("project name taken from its text")
        item: dict[str, Any] = {"name": name, "text": words or name}
        if urls:
            item["url"] = urls[0][1]
            checks.extend(f"also linked: '{w}' -> {u}" for w, u in urls[1:])
        draft.add("projects", item, checks)


def _first_words(text: str, count: int = 6) -> str:
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def add_awards(draft: Draft, title: str, units: list[Unit]) -> None:
    """``Title — Issuer, 2019`` lines -> awards; a section named otherwise ("Certifications", "Honors")
    keeps its name as the profile's title for awards (``rules.titles``)."""
    _keep_title(draft, "awards", title)
    for unit in units:
        text = bullet_text(unit).text
        item: dict[str, Any] = {}
        checks: list[str] = []
        found = find_date(text)
        if found:
            item["date"] = profile_date(found.end, end=True)
            if found.start:  # a course or scholarship's span: "Sep 2017 - Feb 2018"
                item["start"] = profile_date(found.start)
            text = found.remove_from(text)
        parts = [part.strip(" ,") for part in _AWARD_SEPARATORS.split(text) if part.strip(" ,")]
        if not parts:
            draft.put_aside(f"{title} (line {unit.line})", unit.plain)
            continue
        item["title"] = parts[0]
        if len(parts) > 1:
            item["issuer"] = parts[1]
            checks.append(f"'{parts[1]}' taken as the issuer")
        if len(parts) > 2:
            item["text"] = "; ".join(parts[2:])
        draft.add("awards", item, checks)


def _keep_title(draft: Draft, section: str, title: str) -> None:
    """The CV's own heading for a section tailor names otherwise; two different ones: tailor's own."""
    title = title.strip().rstrip(":").strip()
    title = title.title() if title.isupper() else title
    if title.lower() == section:
        return
    titles = draft.rules.setdefault("titles", {})
    titles[section] = title if titles.get(section, title) == title else None
    if titles[section] is None:
        del titles[section]
    if not titles:
        del draft.rules["titles"]


def add_summary(draft: Draft, title: str, units: list[Unit], *, tags: list[str] | None = None) -> None:
    """All paragraphs of a summary (or interests) section -> one summary."""
    paragraphs = []
    for unit in units:
        words = clean_text(unit.text)[0]
        paragraphs.append(f"- {words}" if unit.kind == "bullet" else words)
    if not paragraphs:
        return
    text = "\n\n".join(paragraphs)
    checks = [f"from the section '{title}'; kept as a summary"] if tags else []
    draft.add("summaries", {"text": text, "tags": tags or []}, checks)


def put_aside_section(draft: Draft, title: str, units: list[Unit]) -> None:
    """A section tailor has no place for: every line goes to ``unplaced``."""
    for unit in units:
        draft.put_aside(f"section '{title}' (line {unit.line})", unit.plain)
