"""Select and order items under the rules: a pure function to a TailoredCV.

The result is the CV the rules allow before any page budget. Alongside it come
the items the rules left out (with the rule that did it) and the *drop units*:
what the page fitter may still remove, cheapest first, so that fitting never
breaks a rule (pins stay, each kept role keeps its minimum of bullets, the
latest role stays).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from tailor.matching.candidates import candidates, newest_first
from tailor.matching.core import CoreSkill, core_skills
from tailor.matching.degrees import degree_evidence
from tailor.matching.evidence import RequirementEvidence, evidence_map, fit
from tailor.matching.rule_checks import check_rules
from tailor.matching.scoring import Score, posting_units, score_candidates
from tailor.matching.semantic import item_closeness
from tailor.matching.tokens import STOPWORDS, tokens
from tailor.matching.variants import choose_variant, posting_term_weights
from tailor.matching.vocabulary import load_vocabulary
from tailor.models.fields import date_sort_key
from tailor.models.job import JobPosting
from tailor.models.profile import MasterProfile, Publication, Role, SkillGroup
from tailor.models.rules import DEFAULT_ORDER, Rules, SectionName
from tailor.models.tailored import (
    ItemReason,
    ScoredItem,
    TailoredBullet,
    TailoredCV,
    TailoredProject,
    TailoredRole,
)

__all__ = ["DropUnit", "Dropped", "Selection", "select"]

ROLE_SECTIONS = ("experience", "teaching", "volunteering")

ROLE_KEEP = 0.5
"""How much more a whole role is worth keeping than its best bullet: a gap in the career
(a PhD or a job gone from the page) costs more than another role's third or fourth bullet."""


@dataclass(frozen=True)
class Dropped:
    """An item left off the CV and why ("rule: max bullets per role", "page budget", ...)."""

    id: str
    reason: str


@dataclass(frozen=True)
class DropUnit:
    """Something the page fitter may remove: one bullet, project or publication, or a whole role."""

    id: str
    kind: str
    value: float
    role: str | None = None
    """For a bullet: its role's id (a role unit comes after all of its bullet units)."""


@dataclass(frozen=True)
class Selection:
    """The tailored CV, every item's score (best first), and the requirement evidence."""

    cv: TailoredCV
    items: tuple[ScoredItem, ...]
    requirements: tuple[RequirementEvidence, ...] = ()
    fit: float = 0.0
    dropped: tuple[Dropped, ...] = ()
    units: tuple[DropUnit, ...] = field(default=(), repr=False)
    """What the page fitter may remove, cheapest first."""
    pages: int = 1
    core: tuple[CoreSkill, ...] = ()
    """The 1-3 skills the role is about (title first), which documents answer first."""


class _Picker:
    """Keeps the scores at hand and records which ids were selected or dropped."""

    def __init__(self, scores: list[Score], rules: Rules, protected: frozenset[str] = frozenset()) -> None:
        self.by_id = {s.candidate.id: s for s in scores}
        self.protected = protected
        """The strongest CV evidence of each required or core line: kept before anything else."""
        self.rules = rules
        self.pins = set(rules.pin)
        self.excluded = set(rules.exclude)
        self.selected: set[str] = set()
        self.dropped: list[Dropped] = []

    def value(self, item_id: str) -> float:
        return self.by_id[item_id].value if item_id in self.by_id else 0.0

    def keep_value(self, item_id: str) -> float:
        """What keeping the item is worth: its score, far more when it is protected."""
        return self.value(item_id) + (PROTECTED if item_id in self.protected else 0.0)

    def pinned(self, item_id: str) -> bool:
        score = self.by_id.get(item_id)
        return item_id in self.pins or bool(score and score.candidate.pinned)

    def drop(self, ids: Sequence[str], reason: str) -> None:
        self.dropped.extend(Dropped(i, reason) for i in ids)

    def pick(self, ids: Sequence[str], limit: int, rule: str) -> list[str]:
        """Pinned ids plus the best others up to ``limit``, ordered by score then position."""
        self.drop([i for i in ids if i in self.excluded and not self.pinned(i)], "rule: exclude")
        allowed = [i for i in ids if i not in self.excluded or self.pinned(i)]
        ranked = sorted(allowed, key=lambda i: (not self.pinned(i), -self.keep_value(i), allowed.index(i)))
        pinned = [i for i in ranked if self.pinned(i)]
        others = [i for i in ranked if not self.pinned(i)]
        keep = max(limit - len(pinned), 0)
        chosen, left = pinned + others[:keep], others[keep:]
        self.drop(left, f"rule: {rule}")
        chosen.sort(key=lambda i: (-self.value(i), allowed.index(i)))
        self.selected.update(chosen)
        return chosen


def _years_since_end(role: Role, today: dt.date) -> float:
    if role.end == "present" or (role.end is None and role.start is None):
        return 0.0
    year, month = date_sort_key(role.end or role.start)
    return today.year - year + (today.month - (month or 12)) / 12


class _Roles:
    """Roles of one section: which are kept, how many bullets each, with which wording."""

    def __init__(self, picker: _Picker, weights: dict[str, float], today: dt.date) -> None:
        self.picker, self.weights, self.today = picker, weights, today
        self.units: list[DropUnit] = []

    def _old(self, role: Role) -> bool:
        rules = self.picker.rules
        limit = rules.drop_roles_older_than
        if limit is None or _years_since_end(role, self.today) <= limit:
            return False
        best = max((self.picker.value(b.key) for b in role.bullets), default=0.0)
        pinned = any(self.picker.pinned(b.key) for b in role.bullets)
        return best < rules.keep_old_role_score and not pinned

    def _limit(self, role: Role) -> tuple[int, str]:
        rules = self.picker.rules
        older = (
            rules.older_role_years is not None and _years_since_end(role, self.today) > rules.older_role_years
        )
        if older and rules.max_bullets_older_role < rules.max_bullets_per_role:
            return rules.max_bullets_older_role, "max bullets per older role"
        return rules.max_bullets_per_role, "max bullets per role"

    def role(self, role: Role, latest: bool) -> TailoredRole:
        picker = self.picker
        bullets = {b.key: b for b in role.bullets}
        limit, rule = self._limit(role)
        chosen = picker.pick(list(bullets), limit, rule)
        tailored = []
        for bullet_id in chosen:
            bullet = bullets[bullet_id]
            variant, text, shorter = choose_variant(bullet, picker.rules, self.weights)
            tailored.append(
                TailoredBullet(id=bullet_id, text=text, lead=bullet.lead, variant=variant, shorter=shorter)
            )
        droppable = [i for i in chosen if not picker.pinned(i)]
        keep = max(picker.rules.min_bullets_per_role - (len(chosen) - len(droppable)), 0)
        cheapest = sorted(droppable, key=lambda i: (picker.keep_value(i), -chosen.index(i)))
        for bullet_id in cheapest[: max(len(droppable) - keep, 0)]:
            self.units.append(DropUnit(bullet_id, "bullet", picker.keep_value(bullet_id), role.key))
        if not latest and len(droppable) == len(chosen) and chosen:
            best = max(picker.keep_value(i) for i in chosen)
            self.units.append(DropUnit(role.key, "role", best + ROLE_KEEP))
        return TailoredRole(
            id=role.key,
            title=role.title,
            organisation=role.organisation,
            unit=role.unit,
            location=role.location,
            start=role.start,
            end=role.end,
            description=role.description,
            bullets=tuple(tailored),
        )

    def section(self, name: str, roles: Sequence[Role]) -> tuple[TailoredRole, ...]:
        picker = self.picker
        kept: list[Role] = []
        for role in newest_first(roles):
            bullet_ids = [b.key for b in role.bullets]
            if role.key in picker.excluded:
                picker.drop([role.key, *bullet_ids], "rule: exclude")
            elif self._old(role):
                years = picker.rules.drop_roles_older_than
                picker.drop([role.key, *bullet_ids], f"rule: role older than {years} years")
            elif (
                name == "experience"
                and picker.rules.max_roles is not None
                and len(kept) >= picker.rules.max_roles
            ):
                picker.drop([role.key, *bullet_ids], "rule: max roles")
            else:
                kept.append(role)
        latest_kept = kept[0].key if kept and name == "experience" and picker.rules.keep_latest_role else None
        return tuple(self.role(role, role.key == latest_kept) for role in kept)


def _skills(groups: Sequence[SkillGroup], posting: JobPosting, rules: Rules) -> tuple[SkillGroup, ...]:
    text = " " + " ".join(tokens(posting.text)) + " "

    def matched(skill: str) -> bool:
        key = " ".join(t for t in tokens(skill) if t not in STOPWORDS)
        return bool(key) and f" {key} " in text

    out = []
    for group in groups[: rules.max_skill_groups]:
        items = sorted(group.items, key=lambda s: not matched(s))[: rules.max_skills_per_group]
        out.append(SkillGroup(name=group.name, items=items))
    return tuple(out)


def _in_profile_order(items: Sequence[Publication], chosen: set[str]) -> tuple[Publication, ...]:
    return tuple(item for item in items if item.key in chosen)


def _section_order(rules: Rules, scores: Sequence[Score]) -> tuple[SectionName, ...]:
    order = list(DEFAULT_ORDER if rules.sections is None else rules.sections)
    if rules.section_order == "relevance":
        best: dict[str, float] = {}
        for score in scores:
            best[score.candidate.section] = max(best.get(score.candidate.section, 0.0), score.value)
        head = [s for s in order if s == "summary"]
        order = head + sorted((s for s in order if s != "summary"), key=lambda s: -best.get(s, 0.0))
    return tuple(order)


def select(
    profile: MasterProfile, posting: JobPosting, rules: Rules | None = None, *, today: dt.date
) -> Selection:
    """Score every item against the posting and build the tailored CV the rules allow.

    Args:
        profile: The master profile.
        posting: The job posting.
        rules: Selection rules; the profile's own rules when omitted.
        today: The document date (the clock's single injection point).

    Returns:
        The CV before any page budget, every item's score, the requirement
        evidence, what the rules dropped, and what the page fitter may drop.

    Raises:
        RulesError: The rules contradict each other.
        SemanticUnavailable: The rules ask for meaning scoring and its extra is not installed.
    """
    rules = rules or profile.rules
    check_rules(rules, profile)
    vocabulary = load_vocabulary(profile.vocabulary)
    items = candidates(profile)
    asked = posting_units(posting)
    closest = item_closeness(items, asked) if rules.semantic else None
    scores = score_candidates(items, posting, vocabulary, closest)
    evidence = evidence_map(scores, asked, degree_evidence(profile.education, asked))
    core = core_skills(posting, vocabulary)
    values = {score.candidate.id: score.value for score in scores}
    picker = _Picker(scores, rules, _only_strong_evidence(evidence, core, values))
    summaries = picker.pick([s.key for s in profile.summaries], 1, "one summary")
    summary = next((s for s in profile.summaries if s.key in summaries), None)
    projects = {p.key: p for p in profile.projects}
    project_ids = picker.pick(list(projects), rules.max_projects, "max projects")
    pub_ids = picker.pick([p.key for p in profile.publications], rules.max_publications, "max publications")
    roles = _Roles(picker, posting_term_weights(posting), today)
    sections = {name: roles.section(name, getattr(profile, name)) for name in ROLE_SECTIONS}
    cv = TailoredCV(
        person=profile.person,
        company=posting.company,
        role=posting.role,
        document_date=today,
        sections=(),
        summary=summary.text if summary else None,
        summary_id=summary.key if summary else None,
        experience=sections["experience"],
        teaching=sections["teaching"],
        volunteering=sections["volunteering"],
        education=tuple(profile.education),
        projects=tuple(
            TailoredProject(id=i, name=projects[i].name, text=projects[i].text, url=projects[i].url)
            for i in project_ids
        ),
        publications=_in_profile_order(profile.publications, set(pub_ids)),
        skills=_skills(profile.skills, posting, rules),
        awards=tuple(profile.awards),
    )
    present = tuple(s for s in _section_order(rules, scores) if _has(cv, s))
    cv = cv.model_copy(update={"sections": present})
    units = roles.units + [
        DropUnit(i, kind, picker.keep_value(i))
        for kind, ids in (("project", project_ids), ("publication", pub_ids))
        for i in ids
        if not picker.pinned(i)
    ]
    return Selection(
        cv,
        _scored_items(scores, picker.selected, present),
        evidence,
        fit(evidence),
        tuple(picker.dropped),
        _cheapest_first(units),
        rules.pages or 1,
        core,
    )


CV_KINDS = frozenset({"bullet", "project", "publication"})
PROTECTED = 100.0
"""Added to the keep value of the most valuable strong CV evidence for each required or core line:
the rules' caps and the page fit drop every other droppable item first (issue #21: the RAG bullet for a RAG
posting is never cut while a bullet that answers nothing required stays)."""


def _only_strong_evidence(
    evidence: Sequence[RequirementEvidence], core: Sequence[CoreSkill], value: dict[str, float]
) -> frozenset[str]:
    """For each required line or line of the core with strong CV evidence, the strong item worth the
    most to the CV overall (so that a bullet kept anyway covers the line, not a weak one that merely
    names the skill: "mentored computer vision interns" for a computer-vision line)."""
    core_reasons = {f"skill:{skill.name}" for skill in core}
    protected: set[str] = set()
    for line in evidence:
        found = line.more or line.evidence
        strong = [e for e in found if e.strength == "strong" and e.kind in CV_KINDS]
        is_core = any(core_reasons & set(e.reasons) for e in strong)
        if strong and (line.requirement.kind == "required" or is_core):
            protected.add(max(strong, key=lambda e: (value.get(e.item, 0.0), -found.index(e))).item)
    return frozenset(protected)


def _cheapest_first(units: list[DropUnit]) -> tuple[DropUnit, ...]:
    """Lowest value first; a role after every bullet of its own, ties in a stable order."""
    # A role's value is its best bullet's, so it sorts after each of its bullets.
    return tuple(sorted(units, key=lambda u: (u.value, u.kind == "role", u.id)))


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
            closest=s.closest.requirement if s.closest else None,
            similarity=s.closest.similarity if s.closest else None,
        )
        for s in ordered
    )
