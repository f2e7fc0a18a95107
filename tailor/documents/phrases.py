"""The named fixed phrases of the answer and prep sheets (traced as ``phrase:<name>``).

The letter's fixed phrases live in its Jinja template (``templates/letters/``).
"""

from __future__ import annotations

from tailor.models.documents import Segment

__all__ = ["PHRASES", "phrase"]

PHRASES = {
    "sheet/at": " at ",
    "sheet/separator": " \u00b7 ",
    "sheet/comma": ", ",
    "sheet/prompt": "Answer to: ",
    "sheet/story": "Interview story: ",
    "answers/title": "Requirements and evidence",
    "answers/no-evidence": "No evidence in profile.",
    "answers/strong": "Strong: ",
    "answers/partial": "Partial: ",
    "answers/untitled": "Requirements",
    "prep/title": "Interview preparation",
    "prep/questions": "Likely questions",
    "prep/no-story": "No story in profile for this question yet.",
    "prep/material": "No story for this question yet. Material from your profile:",
    "prep/answer": "Your answer to: ",
    "prep/stories": "Your stories",
    "prep/themes": "Themes: ",
    "prep/skills": "Skills: ",
    "prep/list": ", ",
    "prep/open": " (",
    "prep/close": ")",
    "prep/situation": "Situation: ",
    "prep/task": "Task: ",
    "prep/action": "Action: ",
    "prep/result": "Result: ",
    "prep/topics": "Topics to prepare",
    "prep/missing-skills": "Skills the posting names that your profile does not show:",
    "prep/weak-skills": "Skills your profile shows only through a related skill:",
    "prep/related": " \u2013 related in your profile: ",
    "prep/unanswered": "Requirement lines with no evidence in your profile:",
    "prep/all-covered": "Every skill the posting names appears in your profile.",
}


def phrase(name: str, *, bold: bool = False) -> Segment:
    """A named fixed phrase as a segment."""
    return Segment(text=PHRASES[name], source=f"phrase:{name}", bold=bold)
