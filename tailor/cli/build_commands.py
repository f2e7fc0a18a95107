"""``tailor build``, ``match``, ``letter``, ``answers``, ``prep``: one application, profile and posting."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import click

from tailor.cli.options import (
    cli,
    collect_garbage,
    date_opt,
    docs_opt,
    document_date,
    focus_opt,
    letter_template_opt,
    output_opts,
    parse_docs,
    parse_formats,
    posting_input,
    posting_opts,
    rules_opts,
    theme_opt,
    why_opt,
)
from tailor.errors import TailorError


@cli.command()
@posting_opts
@output_opts
@why_opt
@click.option("--watch", is_flag=True, help="Rebuild whenever the profile, posting or theme changes.")
@rules_opts
@docs_opt
@letter_template_opt
@date_opt
def build(watch: bool, docs: str, rule_options: Any, **params: Any) -> None:
    """Write the tailored CV, cover letter, answer sheet, prep sheet, match.json and match.md for POSTING."""
    request = build_request(params, rules=rule_options, docs=parse_docs(docs))
    if watch:
        _watch(request)
        return
    from tailor.app.pipeline import build as run_build

    _print_build(run_build(request))


def build_request(params: dict[str, Any], **extra: Any) -> Any:
    """The BuildRequest of ``tailor build`` and the one-document commands, from their options."""
    from tailor.app.pipeline import BuildRequest

    return BuildRequest(
        params["profile"],
        posting_input(
            params["posting"], params["company"], params["role"], params.get("why"), params.get("focus")
        ),
        document_date(params["date"]),
        out=params["out"],
        formats=parse_formats(params["formats"]),
        force=params["force"],
        theme=params["theme"],
        docx_template=params["docx_template"],
        letter_template=params["letter_template"],
        **extra,
    )


def one_document(doc: str, params: dict[str, Any]) -> None:
    """``tailor letter``/``answers``/``prep``: build one document (no match.json) and list it."""
    from tailor.app.pipeline import build as run_build

    _print_build(run_build(build_request(params, docs=(doc,), report=False)))


def _document_command(doc: str, summary: str) -> None:
    """Register ``tailor <doc>`` with the options of ``tailor build`` that apply to one document."""

    @cli.command(doc, help=summary)
    @posting_opts
    @output_opts
    @letter_template_opt
    @why_opt
    @date_opt
    def command(**params: Any) -> None:
        one_document(doc, params)


_document_command(
    "letter", "Write a one-page cover letter (letter.pdf, letter.docx) for POSTING, in your own words."
)
_document_command(
    "answers",
    "Write an answer sheet (answers.md, .pdf, .docx): every requirement of POSTING with your evidence.",
)
_document_command(
    "prep", "Write an interview prep sheet (prep.md, prep.pdf): likely questions, your stories, gaps."
)


def _watch(request: Any) -> None:
    from tailor.app.watch import watch

    collect_garbage()

    def report(outcome: Any) -> None:
        if isinstance(outcome, TailorError):
            click.echo(f"error: {outcome}", err=True)
        else:
            _print_build(outcome)
        click.echo("watching for changes (Ctrl-C to stop)", err=True)

    try:
        watch(request, report)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


def _print_build(result: Any) -> None:
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    for name, why in result.skipped.items():
        click.echo(f"warning: no {name} written: {why}", err=True)
    cv = result.outcome.selection.cv
    bullets = len(cv.selected_bullets())
    layout = result.outcome.report["cv"]
    target = " at ".join(value for value in (cv.role, cv.company) if value) or "this posting"
    click.echo(
        f"tailored for {target}: "
        f"{bullets} bullets in {len(cv.sections)} sections, {layout['pages']} "
        f"page{'s' if layout['pages'] > 1 else ''} (last {layout['last_page_fill']:.0%} full)"
    )
    core = result.outcome.selection.core
    if core:
        given = " (your --focus)" if any(skill.source == "focus" for skill in core) else ""
        click.echo(f"  the role is about: {', '.join(skill.name for skill in core)}{given}")
    dropped = result.outcome.selection.dropped
    if dropped:
        reasons: dict[str, int] = {}
        for item in dropped:
            reasons[item.reason] = reasons.get(item.reason, 0) + 1
        summary = ", ".join(f"{count} by {reason}" for reason, count in reasons.items())
        click.echo(f"  left out {len(dropped)}: {summary} (see match.md)")
    for path in result.files:
        state = "wrote" if path in result.changed else "unchanged"
        click.echo(f"  {state:9} {path}")


@cli.command()
@posting_opts
@focus_opt
@click.option("--json", "as_json", is_flag=True, help="Print the whole report (as in match.json).")
@click.option("--top", default=25, show_default=True, help="Rows to show (table only).")
@theme_opt
@rules_opts
@date_opt
def match(
    profile: Path,
    posting: str,
    company: str | None,
    role: str | None,
    focus: str | None,
    as_json: bool,
    top: int,
    theme: str,
    date: dt.date | None,
    rule_options: Any,
) -> None:
    """Rank every profile item against POSTING and show which requirements the CV covers."""
    from tailor.app.pipeline import match as run_match

    outcome = run_match(
        profile,
        posting_input(posting, company, role, focus=focus),
        today=document_date(date),
        theme=theme,
        rules=rule_options,
    )
    if as_json:
        click.echo(json.dumps(outcome.report, indent=2, ensure_ascii=False))
        return
    from tailor.cli.terminal import print_report

    print_report(outcome.report, top)
