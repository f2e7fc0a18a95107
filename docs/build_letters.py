"""Regenerate the README's letter pictures: ``docs/letter-own-paragraphs.png`` and ``docs/letter-prose.png``.

Run from the repository root (needs pdftoppm from poppler-utils)::

    python docs/build_letters.py
"""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
POSTING = ROOT / "profiles" / "postings" / "northwind-ml-engineer.md"
LETTERS = {
    "letter-own-paragraphs": "research-engineer.yaml",  # the profile's own `letter:` paragraphs
    "letter-prose": "eric-kim.yaml",  # prose from the CV's bullets
}


def main() -> None:
    for name, profile in LETTERS.items():
        with tempfile.TemporaryDirectory() as tmp:
            out = pathlib.Path(tmp) / "out"
            command = [
                sys.executable,
                "-m",
                "tailor",
                "letter",
                str(ROOT / "profiles" / profile),
                str(POSTING),
            ]
            subprocess.run(
                [*command, "--out", str(out), "--format", "pdf", "--date", "2026-11-21"], check=True
            )
            subprocess.run(
                ["pdftoppm", "-png", "-r", "70", "-singlefile", str(out / "letter.pdf"), f"{tmp}/page"],
                check=True,
            )
            shutil.copy(f"{tmp}/page.png", ROOT / "docs" / f"{name}.png")


if __name__ == "__main__":
    main()
