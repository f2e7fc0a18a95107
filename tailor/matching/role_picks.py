"""Picking items under the rules: the picker that records choices, and roles with their bullets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tailor.matching.candidates import newest_first
from tailor.matching.scoring import Score
from tailor.matching.selection_result import (
    PROTECTED,
    Dropped,
    DropUnit,
)
from tailor.matching.variants import choose_variant
from tailor.models.fields import date_sort_key
from tailor.models.profile import Education, Role
from tailor.models.rules import Rules
from tailor.models.tailored import (
    TailoredBullet,
    TailoredRole,
)

ROLE_KEEP = 0.5
"""How much more a whole role is worth keeping than its best bullet: a gap in the career
(a PhD or a job gone from the page) costs more than another role's third or fourth bullet."""


class Picker:
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
        self.texts: set[str] = set()
        """The texts of the items picked so far: two items with one text are one item on the page."""

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
        others = []
        texts = self.texts | {self._text(i) for i in pinned}
        for i in ranked:
            if self.pinned(i):
                continue
            if self._text(i) in texts:
                self.drop([i], "rule: same text as another item")  # a reviewer saw one paragraph twice
                continue
            texts.add(self._text(i))
            others.append(i)
        keep = max(limit - len(pinned), 0)
        # The limit counts the bullets chosen by score; the only strong evidence for a required line
        # comes on top of it (two such bullets pushed a role's best-scored work off the page).
        by_value = sorted(others, key=lambda i: (-self.value(i), allowed.index(i)))[:keep]
        chosen = pinned + [i for i in others if i in by_value or i in self.protected]
        left = [i for i in others if i not in chosen]
        self.drop(left, f"rule: {rule}")
        chosen.sort(key=lambda i: (-self.value(i), allowed.index(i)))
        self.selected.update(chosen)
        self.texts.update(self._text(i) for i in chosen)
        return chosen

    def _text(self, item_id: str) -> str:
        score = self.by_id.get(item_id)
        return " ".join(score.candidate.text.casefold().split()) if score else item_id


def capitalise_first(text: str) -> tuple[str, bool]:
    """``text`` with a capital first letter for a CV line, and whether it changed: "developing
    interpretable ML algorithms ..." reads as a fragment on a CV (a reviewer's "lower-case bullets")."""
    if text[:1].islower():
        return text[0].upper() + text[1:], True
    return text, False


def _years_since_end(role: Role, today: dt.date) -> float:
    if role.end == "present" or (role.end is None and role.start is None):
        return 0.0
    year, month = date_sort_key(role.end or role.start)
    return today.year - year + (today.month - (month or 12)) / 12


def _month(value: str | None, today: dt.date, *, end: bool) -> int | None:
    """A date as a month number; a year alone is its January (start) or December (end)."""
    if value is None:
        return None
    if value == "present":
        return today.year * 12 + today.month - 1
    year, month = date_sort_key(value)
    return year * 12 + ((month or (12 if end else 1)) - 1)


class RolePicks:
    """Roles of one section: which are kept, how many bullets each, with which wording."""

    def __init__(
        self,
        picker: Picker,
        weights: dict[str, float],
        today: dt.date,
        education: Sequence[Education] = (),
    ) -> None:
        self.picker, self.weights, self.today = picker, weights, today
        self.units: list[DropUnit] = []
        self.studies = [
            (start, end)
            for entry in education
            if (start := _month(entry.start, today, end=False)) is not None
            and (end := _month(entry.end, today, end=True)) is not None
        ]
        """The months of each degree: a job held while studying leaves no gap when dropped."""

    def _while_studying(self, role: Role) -> bool:
        start, end = _month(role.start, self.today, end=False), _month(role.end, self.today, end=True)
        if start is None or end is None:
            return False
        return any(first <= start and end <= last for first, last in self.studies)

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

    def role(self, role: Role, *, latest: bool, work: bool) -> TailoredRole:
        picker = self.picker
        bullets = {b.key: b for b in role.bullets}
        limit, rule = self._limit(role)
        chosen = picker.pick(list(bullets), limit, rule)
        if picker.rules.bullet_order == "written":
            chosen.sort(key=list(bullets).index)
        tailored = []
        for bullet_id in chosen:
            bullet = bullets[bullet_id]
            variant, text, shorter = choose_variant(bullet, picker.rules, self.weights)
            text, capitalised = capitalise_first(text)
            if shorter is not None:
                shorter_text, shorter_capitalised = capitalise_first(shorter[1])
                shorter, capitalised = (shorter[0], shorter_text), capitalised or shorter_capitalised
            tailored.append(
                TailoredBullet(
                    id=bullet_id,
                    text=text,
                    lead=bullet.lead,
                    variant=variant,
                    shorter=shorter,
                    capitalised=capitalised,
                )
            )
        droppable = [i for i in chosen if not picker.pinned(i)]
        keep = max(picker.rules.min_bullets_per_role - (len(chosen) - len(droppable)), 0)
        cheapest = sorted(droppable, key=lambda i: (picker.keep_value(i), -chosen.index(i)))
        for bullet_id in cheapest[: max(len(droppable) - keep, 0)]:
            self.units.append(DropUnit(bullet_id, "bullet", picker.keep_value(bullet_id), role.key))
        if not latest and len(droppable) == len(chosen) and chosen:
            best = max(picker.keep_value(i) for i in chosen)
            # A job gone from the page leaves a gap; a teaching or volunteering role does not, nor
            # a job held while studying (the degree covers those months: an internship, a TA post).
            gap = work and not self._while_studying(role)
            self.units.append(DropUnit(role.key, "role", best + (ROLE_KEEP if gap else 0.0)))
        description, description_capitalised = (
            capitalise_first(role.description) if role.description else (role.description, False)
        )
        return TailoredRole(
            id=role.key,
            title=role.title,
            organisation=role.organisation,
            unit=role.unit,
            location=role.location,
            start=role.start,
            end=role.end,
            description=description,
            bullets=tuple(tailored),
            description_capitalised=description_capitalised,
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
        work = name == "experience"
        return tuple(self.role(role, latest=role.key == latest_kept, work=work) for role in kept)
