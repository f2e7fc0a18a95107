"""``tailor batch``, ``rebuild`` and ``list``: many applications, and folders built before."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from tailor.cli.options import (
    cli,
    collect_garbage,
    date_opt,
    docs_opt,
    document_date,
    docx_template_opt,
    force_opt,
    formats_opt,
    letter_template_opt,
    parse_docs,
    parse_formats,
    profile_arg,
    rules_opts,
    theme_opt,
)


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
    from tailor.app.batch import BatchRequest, find_postings, run_batch
    from tailor.cli.batch_view import BatchProgress, print_applications

    collect_garbage()  # the workers build many applications each
    files = list(postings) + (find_postings(folder) if folder is not None else [])
    if not files:
        msg = "give posting files, or a folder of them with --postings DIR"
        raise click.UsageError(msg)
    request = BatchRequest.of(
        profile,
        files,
        document_date(date),
        jobs=jobs,
        out_root=out_root,
        formats=parse_formats(formats),
        force=force,
        theme=theme,
        docx_template=docx_template,
        rules=rule_options,
        docs=parse_docs(docs),
        letter_template=letter_template,
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
    from tailor.app.rebuild import rebuild as run_rebuild

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
    from tailor.app.listing import list_applications
    from tailor.cli.batch_view import print_listing

    print_listing(list_applications(root), root)
