"""``tailor preview``: the tailored CV's pages as PNG images."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from tailor.app.pipeline import match
from tailor.app.posting_input import PostingInput
from tailor.app.tailoring import RuleOptions


@dataclass(frozen=True)
class PreviewRequest:
    """Everything ``tailor preview`` needs."""

    profile: Path
    posting: PostingInput
    today: dt.date
    theme: str | Path = "classic"
    out: Path = Path("out") / "preview"
    dpi: int = 80
    rules: RuleOptions = field(default_factory=RuleOptions)


def preview(request: PreviewRequest) -> list[Path]:
    """Render the tailored CV's PDF pages as PNG files (``<theme>-<n>.png``) with pdftoppm.

    Raises:
        RenderError: pdftoppm (poppler-utils) is not installed or fails.
    """
    import shutil
    import subprocess
    import tempfile

    from tailor.errors import RenderError
    from tailor.render.pdf import render_pdf

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        msg = "making PNG previews needs pdftoppm from poppler-utils, which is not installed"
        hint = (
            "install it: `sudo apt-get install poppler-utils` (Debian/Ubuntu), `brew install poppler` (macOS)"
        )
        raise RenderError(msg, hint=hint)
    outcome = match(
        request.profile, request.posting, today=request.today, theme=request.theme, rules=request.rules
    )
    theme = outcome.theme
    pdf = render_pdf(outcome.selection.cv, theme, squeeze=outcome.squeeze)
    request.out.mkdir(parents=True, exist_ok=True)
    prefix = request.out / theme.name
    for old in request.out.glob(f"{theme.name}-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "cv.pdf"
        source.write_bytes(pdf)
        done = subprocess.run(
            [pdftoppm, "-png", "-r", str(request.dpi), str(source), str(prefix)],
            capture_output=True,
            text=True,
        )
    if done.returncode != 0:
        msg = f"pdftoppm failed: {done.stderr.strip()}"
        raise RenderError(msg)
    return sorted(request.out.glob(f"{theme.name}-*.png"))
