"""``tailor validate``, ``schema``, ``import`` and ``export``: the profile itself."""

from __future__ import annotations

from pathlib import Path

import click

from tailor.cli.options import (
    cli,
    profile_arg,
)


@cli.command()
@profile_arg
def validate(profile: Path) -> None:
    """Check PROFILE and report every problem with its line."""
    from tailor.app.profile_files import check_profile
    from tailor.app.profile_warnings import thin_profile_warnings

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
    from tailor.app.profile_files import profile_schema

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
    from tailor.app.profile_files import ImportRequest, import_profile

    outcome = import_profile(ImportRequest(file, out, force))
    parts = ", ".join(f"{count} {section}" for section, count in outcome.result.counts.items()) or "nothing"
    click.echo(f"wrote {outcome.out} from {file} ({outcome.result.format}): {parts}")
    share = f" ({outcome.result.unplaced_share:.0%} of the text)" if outcome.result.unplaced else ""
    pieces = f"{outcome.result.unplaced} `unplaced:` pieces{share}"
    click.echo(f"  review {outcome.result.checks} guesses marked `# check:` and {pieces}")
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
    from tailor.app.profile_files import export_profile

    if fmt is None:
        msg = "choose a format: --json-resume or --text"
        raise click.UsageError(msg)
    text = export_profile(profile, fmt, out, force=force)
    if out is None:
        click.echo(text, nl=False)
    else:
        click.echo(f"wrote {out}")
