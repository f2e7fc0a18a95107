"""The behavioural question bank shipped as data (``tailor/data/questions.yaml``)."""

from __future__ import annotations

import re
from functools import cache

from pydantic import Field

from tailor.models.fields import Model

__all__ = ["Question", "QuestionBank", "QuestionTheme", "likely_themes", "load_questions"]


class Question(Model):
    """One question, with the story themes that answer it best."""

    id: str
    text: str
    stories: list[str] = Field(min_length=1)
    material: list[str] = Field(
        default_factory=list,
        description="Tags of profile items worth rereading for this question when no story answers it.",
    )


class QuestionTheme(Model):
    """A group of questions, asked always or when the posting mentions a signal."""

    name: str
    always: bool = False
    signals: list[str] = Field(default_factory=list)
    questions: list[Question] = Field(min_length=1)


class QuestionBank(Model):
    """Every theme by id, in file order."""

    themes: dict[str, QuestionTheme]


@cache
def load_questions() -> QuestionBank:
    """The shipped question bank (validated once, then cached)."""
    from importlib import resources

    import yaml

    text = resources.files("tailor.data").joinpath("questions.yaml").read_text(encoding="utf-8")
    return QuestionBank.model_validate(yaml.safe_load(text))


def _hits(signal: str, text: str) -> int:
    return len(re.findall(r"(?<![\w-])" + re.escape(signal.lower()), text))


def likely_themes(bank: QuestionBank, posting_text: str) -> list[tuple[str, QuestionTheme, int]]:
    """Themes to prepare: signalled ones (most signals first), then those asked always.

    Returns:
        ``(theme id, theme, signal hits)`` in the order the prep sheet lists them.
    """
    text = posting_text.lower()
    found = []
    for order, (theme_id, theme) in enumerate(bank.themes.items()):
        hits = sum(_hits(signal, text) for signal in theme.signals)
        if hits or theme.always:
            found.append((-min(hits, 9), order, theme_id, theme, hits))
    found.sort(key=lambda entry: (entry[0], entry[1]))
    return [(theme_id, theme, hits) for _, _, theme_id, theme, hits in found]
