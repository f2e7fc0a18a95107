"""Rules that cannot all hold are reported before anything is selected."""

from __future__ import annotations

import difflib

from tailor.errors import RulesError
from tailor.models.profile import MasterProfile
from tailor.models.rules import Rules

__all__ = ["check_rules", "known_ids"]


def known_ids(profile: MasterProfile) -> set[str]:
    """Every id a rule may name: roles, bullets, projects, publications, summaries."""
    ids = {s.key for s in profile.summaries}
    for _, _, role in profile.all_roles():
        ids.add(role.key)
        ids.update(b.key for b in role.bullets)
    ids.update(p.key for p in profile.projects)
    ids.update(p.key for p in profile.publications)
    return ids


def _unknown(names: list[str], ids: set[str], rule: str) -> list[str]:
    problems = []
    for name in names:
        if name not in ids:
            close = difflib.get_close_matches(name, sorted(ids), n=1, cutoff=0.6)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            problems.append(f"`{rule}` names `{name}`, which is no id in the profile{hint}")
    return problems


def check_rules(rules: Rules, profile: MasterProfile) -> None:
    """Raise RulesError naming every pair of rules that contradict each other.

    Raises:
        RulesError: A pin or exclude names no id, an id is both pinned and
            excluded, or a minimum exceeds its maximum.
    """
    ids = known_ids(profile)
    problems = _unknown(rules.pin, ids, "pin") + _unknown(rules.exclude, ids, "exclude")
    for item in sorted(set(rules.pin) & set(rules.exclude)):
        problems.append(f"`{item}` is both pinned and excluded; keep it in one of `pin` or `exclude`")
    if rules.min_bullets_per_role > rules.max_bullets_per_role:
        problems.append(
            f"`min_bullets_per_role` ({rules.min_bullets_per_role}) is above `max_bullets_per_role` "
            f"({rules.max_bullets_per_role}); lower the minimum or raise the maximum"
        )
    if problems:
        msg = "the selection rules contradict each other:\n" + "\n".join(f"  - {p}" for p in problems)
        raise RulesError(msg, hint="see `tailor schema` or the README's rules section for every rule")
