"""``--watch``: one warm process that rebuilds when the profile, posting or theme changes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from tailor.app.pipeline import BuildRequest, BuildResult, build
from tailor.errors import PostingError, TailorError
from tailor.inputs.themes import theme_files


def watched_files(request: BuildRequest) -> list[Path]:
    """The inputs of a build: profile, posting file, theme files and Word template."""
    files = [request.profile]
    if request.posting.source != "-":
        files.append(Path(request.posting.source))
    files.extend(theme_files(request.theme))
    if request.docx_template is not None:
        files.append(request.docx_template)
    return files


def _stamps(files: list[Path]) -> dict[Path, tuple[int, int]]:
    stamps = {}
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            stamps[path] = (-1, -1)
        else:
            stamps[path] = (stat.st_mtime_ns, stat.st_size)
    return stamps


def watch(
    request: BuildRequest,
    report: Callable[[BuildResult | TailorError], None],
    *,
    interval: float = 0.5,
    should_stop: Callable[[], bool] = lambda: False,
) -> None:
    """Build, then rebuild whenever an input changes (polling modification times).

    Each outcome, a result or a user error, goes to ``report``; errors do not stop
    the loop. After a successful build, rebuilds replace the files it wrote.
    """
    import time

    if request.posting.source == "-":
        msg = "--watch needs a posting file, not standard input"
        raise PostingError(msg, hint="save the posting to a file and pass its path")
    stamps: dict[Path, tuple[int, int]] = {}
    while not should_stop():
        current = _stamps(watched_files(request))
        if current != stamps:
            stamps = current
            try:
                report(build(request))
                request = replace(request, force=True)
            except TailorError as err:
                report(err)
        time.sleep(interval)
