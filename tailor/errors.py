"""Every exception tailor raises.

User errors derive from :class:`TailorError`; the CLI prints them without a
traceback and exits with code 2 (bad input) or 1 (other failures). Bugs raise
:class:`InternalError`, which the CLI deliberately does not catch.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "BundleError",
    "ImportSourceError",
    "InternalError",
    "OutputError",
    "PostingError",
    "Problem",
    "ProfileError",
    "RenderError",
    "ReproducibilityError",
    "TailorError",
    "TemplateError",
    "ThemeError",
]


@dataclass(frozen=True)
class Problem:
    """One located problem in an input file."""

    path: str
    """Dotted field path, e.g. ``experience[0].bullets[2]``; empty for the whole file."""
    message: str
    line: int | None = None
    hint: str | None = None

    def format(self, source: str) -> str:
        where = f"{source}:{self.line}" if self.line else source
        field = f" {self.path}:" if self.path else ""
        text = f"{where}:{field} {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class TailorError(Exception):
    """Base class of every error caused by the user's input or environment."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message}\n  hint: {self.hint}"
        return self.message


def _problem_report(source: str, problems: list[Problem], where: str = "") -> str:
    """``source: N problems[ where]`` then one indented, located line (and hint) per problem."""
    count = len(problems)
    head = f"{source}: {count} problem{'s' if count != 1 else ''}{where}"
    body = "\n".join("  " + p.format(source).replace("\n", "\n  ") for p in problems)
    return f"{head}\n{body}"


class ProfileError(TailorError):
    """A master profile (or rules file) could not be read or is invalid."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(_problem_report(source, problems))


class RulesError(TailorError):
    """Selection rules contradict each other or cannot be met (e.g. pins that overflow the pages)."""


class PostingError(TailorError):
    """A job posting could not be read or lacks something tailor needs."""


class TemplateError(TailorError):
    """A template (theme or Word template) is missing or broken."""


class ThemeError(TemplateError):
    """A theme file could not be read or is invalid; lists every located problem."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(_problem_report(source, problems, " in the theme"))


class RenderError(TailorError):
    """A document could not be rendered (e.g. a glyph the font cannot draw)."""


class OutputError(TailorError):
    """Output could not be written (e.g. it would overwrite a different file)."""


class ImportSourceError(TailorError):
    """A CV given to ``tailor import`` could not be read."""


class InternalError(Exception):
    """A bug in tailor. Not caught by the CLI, so the traceback is shown."""


class BundleError(TailorError):
    """An application folder's ``application.json`` is missing or unusable, or an input it names changed."""


class ReproducibilityError(TailorError):
    """A rebuild from ``application.json`` did not give byte-identical files (not the user's input)."""

    exit_code = 1
