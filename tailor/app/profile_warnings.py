"""Warnings (not errors) about a profile too thin to make a CV from: no roles, no dates, or most of
its text still under ``unplaced:`` (as ``tailor import`` leaves a CV it could not read well); and
bullets that read as the second half of a story ("However, it was highly successful …").

``validate`` prints them after "ok"; ``build`` and ``batch`` print them as notes. A profile that
triggers none of them is quiet.
"""

from __future__ import annotations

import re

from tailor.models.profile import MasterProfile

__all__ = ["UNPLACED_SHARE", "thin_profile_warnings"]

UNPLACED_SHARE = 0.5
"""Above this share of the profile's words under ``unplaced:``, the profile is mostly unused."""


_CONTINUES = re.compile(
    r"^(?:however|so|but|and|also|then|thus|therefore|this|these|one of such)\b", re.IGNORECASE
)
"""A first word that ties a bullet to a sentence before it, which the CV does not show."""
MAX_LISTED = 3


def _continuations(profile: MasterProfile) -> list[str]:
    """Ids of bullets and projects that start as the continuation of another sentence."""
    texts = [(b.key, b.text) for role in profile.experience for b in role.bullets]
    texts += [(p.key, p.text) for p in profile.projects]
    return [key for key, text in texts if _CONTINUES.match(text.strip())]


def _words(profile: MasterProfile) -> tuple[int, int]:
    """Words in the whole profile, and words under ``unplaced:``."""
    unplaced = sum(len(text.split()) for text in profile.unplaced)
    dumped = profile.model_dump(mode="json", exclude={"unplaced"}, exclude_none=True)
    return _count(dumped) + unplaced, unplaced


def _count(value: object) -> int:
    if isinstance(value, str):
        return len(value.split())
    if isinstance(value, dict):
        return sum(_count(v) for k, v in value.items() if k != "id")
    if isinstance(value, list):
        return sum(_count(v) for v in value)
    return 0


def thin_profile_warnings(profile: MasterProfile, source: str) -> list[str]:
    """What makes ``profile`` a poor basis for a CV, in words for the person (empty when nothing)."""
    roles = [*profile.experience, *profile.teaching, *profile.volunteering]
    out: list[str] = []
    if not roles:
        out.append(
            f"{source} has no roles (experience, teaching or volunteering): the CV will have no work "
            "history; add them under `experience:` (each with title, organisation, start and bullets)"
        )
    elif not any(role.start or role.end for role in roles):
        out.append(
            f"none of the {len(roles)} roles in {source} has dates: the CV lists them undated, and the "
            "rules for older roles cannot apply; add `start:` and `end:` to each"
        )
    total, unplaced = _words(profile)
    if total and unplaced / total > UNPLACED_SHARE:
        out.append(
            f"{unplaced / total:.0%} of the words in {source} are under `unplaced:`, which no document "
            "uses; move that text into roles, projects, education or skills"
        )
    continuing = _continuations(profile)
    if continuing:
        listed = ", ".join(continuing[:MAX_LISTED]) + (", ..." if len(continuing) > MAX_LISTED else "")
        out.append(
            f"{len(continuing)} item{'s' if len(continuing) > 1 else ''} in {source} start as the second "
            f'half of a story ("However, ...", "One of such ..."): on a CV they read without what came '
            f"before; rewrite them to stand alone ({listed})"
        )
    return out
