"""Select and order items under the rules: a pure function to a TailoredCV."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tailor.matching.candidates import candidates, newest_first
from tailor.matching.evidence import RequirementEvidence, evidence_map, fit
from tailor.matching.scoring import Score, posting_units, score_candidates
from tailor.matching.tokens import STOPWORDS, tokens
from tailor.matching.vocabulary import load_vocabulary
from tailor.models.job import JobPosting
from tailor.models.profile import MasterProfile, Publication, Role, SkillGroup
from tailor.models.rules import DEFAULT_ORDER, Rules
from tailor.models.tailored import (
    ItemReason,
    ScoredItem,
    TailoredBullet,
    TailoredCV,
    TailoredProject,
    TailoredRole,
)

__all__ = ["Selection", "select"]


@dataclass(frozen=True)
class Selection:
    """The tailored CV, every item's score (best first), and the requirement evidence."""

    cv: TailoredCV
    items: tuple[ScoredItem, ...]
    requirements: tuple[RequirementEvidence, ...] = ()
    fit: float = 0.0


class _Picker:
    """Keeps the scores at hand and records which ids were selected."""

    def __init__(self, scores: list[Score], rules: Rules) -> None:
        self.by_id = {s.candidate.id: s for s in scores}
        self.rules = rules
        self.pins = set(rules.pin)
        self.excluded = set(rules.exclude)
        self.selected: set[str] = set()

    def value(self, item_id: str) -> float:
        return self.by_id[item_id].value if item_id in self.by_id else 0.0

    def pinned(self, item_id: str) -> bool:
        score = self.by_id.get(item_id)
        return item_id in self.pins or bool(score and score.candidate.pinned)

    def pick(self, ids: Sequence[str], limit: int) -> list[str]:
        """Pinned ids plus the best others up to ``limit``, ordered by score then position."""
        allowed = [i for i in ids if i not in self.excluded]
        ranked = sorted(allowed, key=lambda i: (not self.pinned(i), -self.value(i), allowed.index(i)))
        pinned = [i for i in ranked if self.pinned(i)]
        chosen = pinned + [i for i in ranked if not self.pinned(i)][: max(limit - len(pinned), 0)]
        chosen.sort(key=lambda i: (-self.value(i), allowed.index(i)))
        self.selected.update(chosen)
        return chosen


def _role(role: Role, picker: _Picker) -> TailoredRole:
    bullets = {b.key: b for b in role.bullets}
    chosen = picker.pick(list(bullets), picker.rules.max_bullets_per_role)
    return TailoredRole(
        id=role.key,
        title=role.title,
        organisation=role.organisation,
        unit=role.unit,
        location=role.location,
        start=role.start,
        end=role.end,
        description=role.description,
        bullets=tuple(TailoredBullet(id=i, text=bullets[i].text, lead=bullets[i].lead) for i in chosen),
    )


def _roles(roles: Iterable[Role], picker: _Picker) -> tuple[TailoredRole, ...]:
    kept = newest_first(r for r in roles if r.key not in picker.excluded)
    return tuple(_role(role, picker) for role in kept)


def _skills(groups: Sequence[SkillGroup], posting: JobPosting) -> tuple[SkillGroup, ...]:
    text = " " + " ".join(tokens(posting.text)) + " "

    def matched(skill: str) -> bool:
        key = " ".join(t for t in tokens(skill) if t not in STOPWORDS)
        return bool(key) and f" {key} " in text

    return tuple(SkillGroup(name=g.name, items=sorted(g.items, key=lambda s: not matched(s))) for g in groups)


def _in_profile_order(items: Sequence[Publication], chosen: set[str]) -> tuple[Publication, ...]:
    return tuple(item for item in items if item.key in chosen)


def select(
    profile: MasterProfile, posting: JobPosting, rules: Rules | None = None, *, today: dt.date
) -> Selection:
    """Score every item against the posting and build the tailored CV.

    Args:
        profile: The master profile.
        posting: The job posting.
        rules: Selection rules; the profile's own rules when omitted.
        today: The document date (the clock's single injection point).

    Returns:
        The tailored CV plus every item's score, for match.json and ``tailor match``.
    """
    rules = rules or profile.rules
    vocabulary = load_vocabulary(profile.vocabulary)
    scores = score_candidates(candidates(profile), posting, vocabulary)
    picker = _Picker(scores, rules)
    summaries = picker.pick([s.key for s in profile.summaries], 1)
    summary = next((s for s in profile.summaries if s.key in summaries), None)
    projects = {p.key: p for p in profile.projects}
    project_ids = picker.pick(list(projects), rules.max_projects)
    pub_ids = set(picker.pick([p.key for p in profile.publications], rules.max_publications))
    cv = TailoredCV(
        person=profile.person,
        company=posting.company,
        role=posting.role,
        document_date=today,
        sections=(),
        summary=summary.text if summary else None,
        summary_id=summary.key if summary else None,
        experience=_roles(profile.experience, picker),
        teaching=_roles(profile.teaching, picker),
        volunteering=_roles(profile.volunteering, picker),
        education=tuple(profile.education),
        projects=tuple(
            TailoredProject(id=i, name=projects[i].name, text=projects[i].text, url=projects[i].url)
            for i in project_ids
        ),
        publications=_in_profile_order(profile.publications, pub_ids),
        skills=_skills(profile.skills, posting),
        awards=tuple(profile.awards),
    )
    present = tuple(s for s in (DEFAULT_ORDER if rules.sections is None else rules.sections) if _has(cv, s))
    cv = cv.model_copy(update={"sections": present})
    evidence = evidence_map(scores, posting_units(posting))
    return Selection(cv, _scored_items(scores, picker.selected, present), evidence, fit(evidence))


def _has(cv: TailoredCV, section: str) -> bool:
    return bool(cv.summary) if section == "summary" else bool(getattr(cv, section))


def _scored_items(
    scores: list[Score], selected: set[str], sections: tuple[str, ...]
) -> tuple[ScoredItem, ...]:
    ordered = sorted(scores, key=lambda s: (-s.value, s.candidate.order))
    return tuple(
        ScoredItem(
            id=s.candidate.id,
            kind=s.candidate.kind,
            section=s.candidate.section,
            text=s.candidate.text,
            score=s.value,
            relevance=s.relevance,
            prior=s.prior,
            selected=s.candidate.id in selected and s.candidate.section in sections,
            matched=s.matched,
            reasons=tuple(ItemReason(requirement=m.requirement, matched=m.reasons[:5]) for m in s.units),
        )
        for s in ordered
    )
