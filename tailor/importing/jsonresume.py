"""JSON Resume (https://jsonresume.org/schema) -> draft profile.

Reads the current keys (``work[].name``, ``url``) and the older ones
(``work[].company``, ``website``, ``education[].gpa``). An ``x-tailor`` object on an
item (written by ``tailor export --json-resume``) restores what JSON Resume has no
field for (units, lead-ins, skills and tags, authors, thesis, ids), so a
profile -> JSON Resume -> profile round trip is exact.
"""

from __future__ import annotations

import json
from typing import Any

from tailor.errors import ImportSourceError
from tailor.importing.dates import profile_date
from tailor.importing.draft import Draft
from tailor.importing.person import label_for_url
from tailor.models.fields import ALLOWED_URL_SCHEMES

__all__ = ["EXTENSION", "read_json_resume"]

EXTENSION = "x-tailor"


def read_json_resume(text: str, label: str, name_hint: str) -> Draft:
    """Map a JSON Resume document onto a draft profile.

    Raises:
        ImportSourceError: The text is not JSON or not a JSON Resume object.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        msg = f"{label}:{exc.lineno}: not valid JSON ({exc.msg})"
        raise ImportSourceError(msg, hint="check the file with a JSON validator") from exc
    if not isinstance(data, dict):
        msg = f"{label}: a JSON Resume file must hold an object with `basics`, `work`, ..."
        raise ImportSourceError(msg)
    draft = Draft(label)
    _basics(
        draft, _mapping(data.get("basics")), name_hint, _mapping(_mapping(data.get(EXTENSION)).get("summary"))
    )
    for key, section in (("work", "experience"), ("volunteer", "volunteering")):
        for item in _items(data, key):
            _role(draft, item, section)
    for key, reader in _READERS.items():
        for item in _items(data, key):
            reader(draft, item)
    _extension(draft, _mapping(data.get(EXTENSION)))
    for key in sorted(set(data) - _KNOWN):
        draft.put_aside(f"JSON Resume key '{key}'", json.dumps(data[key], ensure_ascii=False, indent=1))
    return draft


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _items(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _with_extension(item: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    extra = item.get(EXTENSION)
    return {**fields, **extra} if isinstance(extra, dict) else fields


def _location(value: Any) -> str | None:
    if isinstance(value, str):
        return _text(value)
    place = _mapping(value)
    parts = [_text(place.get(key)) for key in ("address", "city", "region", "countryCode")]
    return ", ".join(part for part in parts if part) or None


def _basics(draft: Draft, basics: dict[str, Any], name_hint: str, summary_extra: dict[str, Any]) -> None:
    name = _text(basics.get("name"))
    if name is None:
        name = name_hint
        draft.check(("person",), f"no basics.name in the file; '{name_hint}' was taken from the file name")
    links = []
    for key in ("url", "website"):
        if url := _link(draft, _text(basics.get(key)), f"basics.{key}"):
            links.append({"label": "Website", "url": url})
    for profile in basics.get("profiles") or []:
        profile = _mapping(profile)
        given = _text(profile.get("url"))
        url = _link(draft, given, "basics.profiles url")
        label = _text(profile.get("network")) or (label_for_url(url) if url else None)
        if url and label:
            links.append({"label": label, "url": url})
        elif profile and not given:
            draft.put_aside("basics.profiles (no url)", json.dumps(profile, ensure_ascii=False))
    person = {
        "name": name,
        "headline": _text(basics.get("label")),
        "email": _text(basics.get("email")),
        "phone": _text(basics.get("phone")),
        "location": _location(basics.get("location")),
        "links": links,
    }
    draft.person = _with_extension(basics, {k: v for k, v in person.items() if v})
    if summary := _text(basics.get("summary")):
        draft.add("summaries", {**summary_extra, "text": summary})
    for field in ("image", "picture"):
        if value := _text(basics.get(field)):
            draft.put_aside(f"basics.{field}", value)


def _dates(item: dict[str, Any], checks: list[str]) -> dict[str, Any]:
    start_raw, end_raw = _text(item.get("startDate")), _text(item.get("endDate"))
    start, end = profile_date(start_raw), profile_date(end_raw, end=True)
    for raw, parsed in ((start_raw, start), (end_raw, end)):
        if raw and parsed is None:
            checks.append(f"date not recognised: '{raw}'")
    extension = _mapping(item.get(EXTENSION))
    if start and not end_raw and not extension.get("no_end"):
        end = "present"  # JSON Resume leaves endDate out for current positions
    return {"start": start, "end": end}


def _bullets(values: Any) -> list[Any]:
    return [text for value in values or [] if (text := _text(value))]


def _role(draft: Draft, item: dict[str, Any], section: str) -> None:
    checks: list[str] = []
    summary, description = _text(item.get("summary")), _text(item.get("description"))
    if summary and description:
        checks.append("JSON Resume `description` and `summary` were joined into the description")
    role = {
        "title": _text(item.get("position")),
        "organisation": _text(item.get("name"))
        or _text(item.get("company"))
        or _text(item.get("organization")),
        "location": _location(item.get("location")),
        **_dates(item, checks),
        "description": "; ".join(text for text in (description, summary) if text) or None,
        "bullets": _bullets(item.get("highlights")),
    }
    for key in ("url", "website"):
        if url := _text(item.get(key)):
            draft.put_aside(f"{section}: website of {role['organisation'] or role['title']}", url)
    fields = _with_extension(item, role)
    target = fields.pop("section", section)
    fields.pop("no_end", None)
    if not fields.get("title") or not (fields.get("organisation") or fields.get("start")):
        draft.put_aside(f"{section} (no position or organisation)", json.dumps(item, ensure_ascii=False))
        return
    if not fields.get("organisation"):
        checks.append("no organisation (freelance work has none); add one if there is")
    draft.add(target, fields, checks)


def _education(draft: Draft, item: dict[str, Any]) -> None:
    checks: list[str] = []
    details = _bullets(item.get("courses"))
    for key in ("score", "gpa"):
        if score := _text(item.get(key)):
            details.append(f"GPA: {score}")
    fields = {
        "institution": _text(item.get("institution")),
        "degree": _text(item.get("studyType")),
        "field": _text(item.get("area")),
        "location": _location(item.get("location")),
        **_dates(item, checks),
        "details": details,
    }
    if fields["end"] == "present" and not _text(item.get("endDate")) and EXTENSION not in item:
        fields["end"] = None  # an education entry without an end date is not necessarily ongoing
    draft.add("education", _with_extension(item, fields), checks)


def _award(draft: Draft, item: dict[str, Any]) -> None:
    fields = {
        "title": _text(item.get("title")) or _text(item.get("name")),
        "issuer": _text(item.get("awarder")) or _text(item.get("issuer")),
        "date": profile_date(_text(item.get("date")), end=True),
        "text": _text(item.get("summary")),
    }
    draft.add("awards", _with_extension(item, fields))


def _link(draft: Draft, url: str | None, where: str) -> str | None:
    """A web, mail or phone link as given; anything else (``javascript:``, a bare word) is put aside."""
    if not url:
        return None
    scheme, sep, rest = url.partition(":")
    if (
        sep
        and scheme.lower() in ALLOWED_URL_SCHEMES
        and rest.strip("/")
        and not any(c.isspace() for c in url)
    ):
        return url
    draft.put_aside(f"{where} (not an https, http, mailto or tel link)", url)
    return None


def _publication(draft: Draft, item: dict[str, Any]) -> None:
    released = _text(item.get("releaseDate")) or ""
    fields = {
        "title": _text(item.get("name")),
        "venue": _text(item.get("publisher")),
        "year": int(released[:4]) if released[:4].isdigit() else None,
        "url": _link(draft, _text(item.get("url")) or _text(item.get("website")), "publication url"),
        "note": _text(item.get("summary")),
    }
    draft.add("publications", _with_extension(item, fields))


def _skill(draft: Draft, item: dict[str, Any]) -> None:
    keywords = _bullets(item.get("keywords"))
    name = _text(item.get("name"))
    level = _text(item.get("level"))
    if name and not keywords:
        keywords, name = [name], "Skills"
    checks = [f"level '{level}' not kept"] if level else []
    draft.add("skills", {"name": name, "items": keywords}, checks)


def _project(draft: Draft, item: dict[str, Any]) -> None:
    checks: list[str] = []
    highlights = _bullets(item.get("highlights"))
    text = "\n".join(
        part for part in [_text(item.get("description")), *(f"- {h}" for h in highlights)] if part
    )
    fields = {
        "name": _text(item.get("name")),
        "text": text or _text(item.get("name")),
        "url": _link(draft, _text(item.get("url")), "project url"),
        **_dates(item, checks),
    }
    if fields["end"] == "present" and not _text(item.get("endDate")):
        fields["end"] = None
    draft.add("projects", _with_extension(item, fields), checks)


def _language(draft: Draft, item: dict[str, Any]) -> None:
    language, fluency = _text(item.get("language")), _text(item.get("fluency"))
    if language:
        draft.add(
            "skills", {"name": "Languages", "items": [f"{language} ({fluency})" if fluency else language]}
        )


def _interest(draft: Draft, item: dict[str, Any]) -> None:
    words = [_text(item.get("name")), *_bullets(item.get("keywords"))]
    draft.put_aside("interests", ", ".join(word for word in words if word))


def _reference(draft: Draft, item: dict[str, Any]) -> None:
    draft.put_aside(
        "references", "\n".join(text for key in ("name", "reference") if (text := _text(item.get(key))))
    )


def _certificate(draft: Draft, item: dict[str, Any]) -> None:
    fields = {
        "title": _text(item.get("name")),
        "issuer": _text(item.get("issuer")),
        "date": profile_date(_text(item.get("date")), end=True),
    }
    draft.add("awards", fields, ["from JSON Resume `certificates`"])
    if url := _text(item.get("url")):
        draft.put_aside(f"certificate link for {fields['title']}", url)


def _extension(draft: Draft, extension: dict[str, Any]) -> None:
    """Top-level tailor data with no JSON Resume field: more summaries, answers, stories, rules."""
    for section in ("summaries", "answers", "stories"):
        for item in extension.get(section) or []:
            draft.add(section, item)
    if isinstance(extension.get("rules"), dict):
        draft.rules = extension["rules"]
    if isinstance(extension.get("letter"), dict):
        draft.letter = extension["letter"]
    for text in extension.get("unplaced") or []:
        draft.put_aside("unplaced (kept from the exported profile)", str(text))


_READERS = {
    "education": _education,
    "awards": _award,
    "certificates": _certificate,
    "publications": _publication,
    "skills": _skill,
    "languages": _language,
    "interests": _interest,
    "references": _reference,
    "projects": _project,
}
_KNOWN = {"basics", "work", "volunteer", "meta", "$schema", EXTENSION, *_READERS}
