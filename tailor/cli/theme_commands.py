"""``tailor preview`` and ``tailor templates``: see a theme, list the themes, copy one to customise."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from tailor.cli.options import (
    cli,
    date_opt,
    document_date,
    posting_input,
    posting_opts,
    rules_opts,
    theme_opt,
)


@cli.command()
@posting_opts
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
    from tailor.app.preview import PreviewRequest
    from tailor.app.preview import preview as run_preview

    request = PreviewRequest(
        profile, posting_input(posting, company, role), document_date(date), theme, out, dpi, rule_options
    )
    for path in run_preview(request):
        click.echo(f"  wrote     {path}")


@cli.group()
def templates() -> None:
    """List the built-in themes, or copy one to customise."""


@templates.command("list")
def templates_list() -> None:
    """Show each built-in theme with a one-line description."""
    from tailor.app.templates import list_templates

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
    from tailor.app.templates import copy_template

    for path in copy_template(name, folder, force=force):
        click.echo(f"  wrote     {path}")
    click.echo(f"edit {folder / 'theme.yaml'}, then build with --theme {folder}")


@templates.command("build-docx")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
def templates_build_docx(folder: Path) -> None:
    """Remake FOLDER's Word template from its theme.yaml (edits made to it in Word are lost).

    A build does this by itself when theme.yaml changed and the Word file was not edited since.
    """
    from tailor.app.templates import build_word_template

    click.echo(f"  wrote     {build_word_template(folder)}")


# --- many applications: batch, rebuild, list --------------------------------------------
