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

from tailor.matching.candidates import candidates
from tailor.matching.core import central_lines, core_skills, missing_domain
from tailor.matching.degrees import degree_evidence
from tailor.matching.evidence import evidence_map, fit
from tailor.matching.role_picks import (
    Picker,
    RolePicks,
    capitalise_first,
)
from tailor.matching.rule_checks import check_rules
from tailor.matching.scoring import Score, posting_units, score_candidates
from tailor.matching.selection_result import (
    Dropped,
    DropUnit,
    Selection,
    cheapest_first,
    has_section,
    only_strong_evidence,
    scored_items,
)
from tailor.matching.semantic import item_closeness
from tailor.matching.tokens import STOPWORDS, tokens
from tailor.matching.variants import posting_term_weights
from tailor.matching.vocabulary import load_vocabulary
from tailor.models.job import JobPosting
from tailor.models.profile import MasterProfile, Project, Publication, SkillGroup
from tailor.models.rules import DEFAULT_ORDER, ROLE_SECTIONS, Rules, SectionName
from tailor.models.tailored import (
    TailoredCV,
    TailoredProject,
)

__all__ = ["DropUnit", "Dropped", "Selection", "select"]


def _skills(groups: Sequence[SkillGroup], posting: JobPosting, rules: Rules) -> tuple[SkillGroup, ...]:
    text = " " + " ".join(tokens(posting.text)) + " "

    def matched(skill: str) -> bool:
        key = " ".join(t for t in tokens(skill) if t not in STOPWORDS)
        return bool(key) and f" {key} " in text

    if rules.skill_group_order == "relevance":  # the first skills line is the one a reader sees
        groups = sorted(groups, key=lambda group: -sum(matched(skill) for skill in group.items))
    out = []
    for group in groups[: rules.max_skill_groups]:
        items = sorted(group.items, key=lambda s: not matched(s))[: rules.max_skills_per_group]
        out.append(SkillGroup(name=group.name, items=items))
    return tuple(out)


def _project(item_id: str, project: Project) -> TailoredProject:
    text, capitalised = capitalise_first(project.text)
    return TailoredProject(id=item_id, name=project.name, text=text, url=project.url, capitalised=capitalised)


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
    shown = {skill for item in items for skill in vocabulary.ids(item.match_text)}  # found when scoring
    field = missing_domain(core, shown, vocabulary)
    picker = Picker(scores, rules, only_strong_evidence(evidence, core, values))
    summaries = picker.pick([s.key for s in profile.summaries], 1, "one summary")
    summary = next((s for s in profile.summaries if s.key in summaries), None)
    projects = {p.key: p for p in profile.projects}
    project_ids = picker.pick(list(projects), rules.max_projects, "max projects")
    pub_ids = picker.pick([p.key for p in profile.publications], rules.max_publications, "max publications")
    roles = RolePicks(picker, posting_term_weights(posting), today, profile.education)
    sections = {name: roles.section(name, getattr(profile, name)) for name in ROLE_SECTIONS}
    cv = TailoredCV(
        person=profile.person,
        company=posting.company,
        role=posting.role,
        document_date=today,
        sections=(),
        titles=dict(rules.titles),
        summary=summary.text if summary else None,
        summary_id=summary.key if summary else None,
        experience=sections["experience"],
        teaching=sections["teaching"],
        volunteering=sections["volunteering"],
        education=tuple(profile.education),
        projects=tuple(_project(i, projects[i]) for i in project_ids),
        publications=_in_profile_order(profile.publications, set(pub_ids)),
        skills=_skills(profile.skills, posting, rules),
        awards=tuple(profile.awards),
    )
    present = tuple(s for s in _section_order(rules, scores) if has_section(cv, s))
    cv = cv.model_copy(update={"sections": present})
    units = roles.units + [
        DropUnit(i, kind, picker.keep_value(i))
        for kind, ids in (("project", project_ids), ("publication", pub_ids))
        for i in ids
        if not picker.pinned(i)
    ]
    return Selection(
        cv,
        scored_items(scores, picker.selected, present),
        evidence,
        0.0 if field else fit(evidence, central_lines(evidence, core, vocabulary)),
        tuple(picker.dropped),
        cheapest_first(units),
        rules.pages or 1,
        core,
        field,
    )
