"""Master profile -> JSON Resume (https://jsonresume.org/schema, v1).

Standard fields carry everything JSON Resume has a place for, so other tools can
read the file. Whatever it has no field for (units, lead-ins, skills and tags,
ids, authors, thesis, teaching roles, answers, stories, rules) goes into an
``x-tailor`` object on the item or at the top, which ``tailor import`` reads back.
"""

from __future__ import annotations

import json
from typing import Any

from tailor.models.profile import Bullet, Education, MasterProfile, Project, Publication, Role

__all__ = ["EXTENSION", "SCHEMA_URL", "to_json_resume"]

EXTENSION = "x-tailor"
SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"


def _dump(model: Any, *, exclude: set[str]) -> dict[str, Any]:
    return dict(model.model_dump(mode="json", exclude_defaults=True, exclude=exclude))


def _clean(mapping: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in mapping.items() if value not in (None, "", [], {})}


def _with_extension(fields: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    fields = _clean(fields)
    if extra := _clean(extra):
        fields[EXTENSION] = extra
    return fields


def _highlight(bullet: Bullet) -> str:
    return f"{bullet.lead} {bullet.text}" if bullet.lead else bullet.text


def _bullets_extension(bullets: list[Bullet]) -> list[Any] | None:
    """The bullets as tailor stores them, when they hold more than their text."""
    dumped = [bullet.model_dump(mode="json", exclude_defaults=True) for bullet in bullets]
    return dumped if any(set(item) != {"text"} for item in dumped) else None


def _dates(entry: Role | Education | Project, extra: dict[str, Any]) -> dict[str, Any]:
    """JSON Resume's startDate/endDate; ``extra`` notes an open end (JSON Resume cannot say it)."""
    if entry.start and entry.end is None:
        extra["no_end"] = True
    return {"startDate": entry.start, "endDate": None if entry.end == "present" else entry.end}


def _role(role: Role, section: str) -> dict[str, Any]:
    extra = _dump(
        role, exclude={"title", "organisation", "location", "start", "end", "description", "bullets"}
    )
    if section == "teaching":
        extra["section"] = "teaching"
    dates = _dates(role, extra)
    if role.end == "present" and not role.start:
        extra["end"] = "present"  # JSON Resume can only say "current" by leaving out endDate
    extra["bullets"] = _bullets_extension(role.bullets)
    key = "organization" if section == "volunteering" else "name"
    fields = {
        key: role.organisation,
        "position": role.title,
        "location": role.location,
        **dates,
        "summary": role.description,
        "highlights": [_highlight(bullet) for bullet in role.bullets],
    }
    return _with_extension(fields, extra)


def _education(entry: Education) -> dict[str, Any]:
    extra = _dump(entry, exclude={"institution", "degree", "field", "start", "end", "details"})
    extra["details"] = _bullets_extension(entry.details)
    dates = _dates(entry, extra)
    fields = {
        "institution": entry.institution,
        "area": entry.field,
        "studyType": entry.degree,
        **dates,
        "courses": [_highlight(detail) for detail in entry.details],
    }
    return _with_extension(fields, extra)


def _project(project: Project) -> dict[str, Any]:
    extra = _dump(project, exclude={"name", "text", "url", "start", "end"})
    dates = _dates(project, extra)
    fields = {
        "name": project.name,
        "description": project.text,
        "url": project.url,
        **dates,
    }
    return _with_extension(fields, extra)


def _publication(pub: Publication) -> dict[str, Any]:
    extra = _dump(pub, exclude={"title", "venue", "year", "url", "note"})
    fields = {
        "name": pub.title,
        "publisher": pub.venue,
        "releaseDate": str(pub.year) if pub.year else None,
        "url": pub.url,
        "summary": pub.note,
    }
    return _with_extension(fields, extra)


def _basics(profile: MasterProfile) -> dict[str, Any]:
    person = profile.person
    city, _, region = (person.location or "").partition(", ")
    location = _clean({"city": city, "region": region})
    return _clean(
        {
            "name": person.name,
            "label": person.headline,
            "email": person.email,
            "phone": person.phone,
            "summary": profile.summaries[0].text if profile.summaries else None,
            "location": location,
            "profiles": [{"network": link.label, "url": link.url} for link in person.links],
        }
    )


def to_json_resume(profile: MasterProfile) -> str:
    """The profile as a JSON Resume document (stable, pretty-printed JSON).

    Args:
        profile: A validated master profile.

    Returns:
        JSON text ending in a newline.
    """
    summaries = [s.model_dump(mode="json", exclude_defaults=True) for s in profile.summaries]
    if summaries and set(summaries[0]) != {"text"}:
        summaries[0].pop("text")  # the text is basics.summary; keep its id, skills and tags
    top = {
        "summary": summaries[0] if summaries and len(summaries[0]) else None,
        "summaries": summaries[1:],
        "answers": [a.model_dump(mode="json", exclude_defaults=True) for a in profile.answers],
        "stories": [s.model_dump(mode="json", exclude_defaults=True) for s in profile.stories],
        "letter": profile.letter.model_dump(mode="json", exclude_defaults=True),
        "rules": profile.rules.model_dump(mode="json", exclude_defaults=True),
        "unplaced": profile.unplaced,
    }
    document = {
        "$schema": SCHEMA_URL,
        "basics": _basics(profile),
        "work": [_role(role, "experience") for role in profile.experience]
        + [_role(role, "teaching") for role in profile.teaching],
        "volunteer": [_role(role, "volunteering") for role in profile.volunteering],
        "education": [_education(entry) for entry in profile.education],
        "awards": [
            _with_extension(
                {"title": a.title, "date": a.date, "awarder": a.issuer, "summary": a.text},
                _dump(a, exclude={"title", "date", "issuer", "text"}),
            )
            for a in profile.awards
        ],
        "publications": [_publication(pub) for pub in profile.publications],
        "skills": [{"name": group.name, "keywords": list(group.items)} for group in profile.skills],
        "projects": [_project(project) for project in profile.projects],
        EXTENSION: _clean(top),
    }
    return json.dumps(_clean(document), indent=2, ensure_ascii=False) + "\n"
