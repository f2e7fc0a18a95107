"""Master profile -> plain text, to paste into application forms.

Every role, bullet, project, publication and skill, in the profile's order, with
no markup beyond capitals for headings and "- " for bullets. Links are written
out in full because forms drop them.
"""

from __future__ import annotations

from tailor.models.profile import Award, Education, MasterProfile, Project, Publication, Role
from tailor.models.rules import ROLE_SECTIONS
from tailor.render.text import SECTION_TITLES, format_date, format_range, publication_parts

__all__ = ["to_text"]


def _heading(title: str) -> list[str]:
    return ["", title.upper(), ""]


def _role(role: Role) -> list[str]:
    where = ", ".join(part for part in (role.organisation, role.unit) if part)
    meta = " · ".join(part for part in (format_range(role.start, role.end), role.location) if part)
    lines = [f"{role.title} · {where}"]
    if meta:
        lines.append(meta)
    if role.description:
        lines.append(role.description)
    lines.extend(f"- {b.lead} {b.text}" if b.lead else f"- {b.text}" for b in role.bullets)
    lines.append("")
    return lines


def _education(entry: Education) -> list[str]:
    degree = ", ".join(part for part in (entry.degree, entry.field) if part)
    lines = [" · ".join(part for part in (degree, entry.institution) if part)]
    meta = " · ".join(part for part in (format_range(entry.start, entry.end), entry.location) if part)
    if meta:
        lines.append(meta)
    if entry.thesis:
        lines.append(f"Thesis: {entry.thesis}")
    if entry.advisors:
        lines.append(f"Advisors: {', '.join(entry.advisors)}")
    lines.extend(f"- {d.lead} {d.text}" if d.lead else f"- {d.text}" for d in entry.details)
    lines.append("")
    return lines


def _project(project: Project) -> list[str]:
    line = f"{project.name}. {project.text}"
    return [line + (f" ({project.url})" if project.url else ""), ""]


def _publication(pub: Publication) -> list[str]:
    title, rest = publication_parts(pub)
    return [f"- {title}. {rest}".rstrip() + (f" {pub.url}" if pub.url else "")]


def _award(award: Award) -> list[str]:
    head = ", ".join(part for part in (award.title, award.issuer) if part)
    date = format_range(award.start, award.date) if award.start else format_date(award.date)
    lines = [f"{head} · {date}" if date else head]
    return [*lines, award.text] if award.text else lines


def _header(profile: MasterProfile) -> list[str]:
    person = profile.person
    lines = [person.name]
    if person.headline:
        lines.append(person.headline)
    contact = [part for part in (person.location, person.phone, person.email) if part]
    contact.extend(f"{link.label}: {link.url}" for link in person.links)
    if contact:
        lines.append(" | ".join(contact))
    return lines


def to_text(profile: MasterProfile) -> str:
    """The whole profile as plain text.

    Args:
        profile: A validated master profile.

    Returns:
        The text, ending in a newline.
    """
    lines = _header(profile)
    titles = {**SECTION_TITLES, **profile.rules.titles}
    if profile.summaries:
        lines += _heading(titles["summary"])
        lines += [summary.text + "\n" for summary in profile.summaries]
    role_sections = ROLE_SECTIONS
    for section in role_sections:
        roles: list[Role] = getattr(profile, section)
        if roles:
            lines += _heading(titles[section])
            for role in roles:
                lines += _role(role)
    sections: list[tuple[str, list[str]]] = [
        ("education", [line for entry in profile.education for line in _education(entry)]),
        ("projects", [line for project in profile.projects for line in _project(project)]),
        ("publications", [line for pub in profile.publications for line in _publication(pub)]),
        ("skills", [f"{group.name}: {', '.join(group.items)}" for group in profile.skills]),
        ("awards", [line for award in profile.awards for line in _award(award)]),
    ]
    for name, body in sections:
        if body:
            lines += [*_heading(titles[name]), *body]  # type: ignore[index]
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"
