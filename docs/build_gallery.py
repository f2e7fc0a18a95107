"""Regenerate the theme gallery: ``docs/themes/<theme>.png`` and ``docs/themes.md``.

Run from the repository root (needs pdftoppm from poppler-utils)::

    python docs/build_gallery.py
"""

from __future__ import annotations

import datetime as dt
import pathlib
import shutil
import subprocess
import tempfile

from tailor.pipeline import PostingInput, match
from tailor.render.pdf import render_pdf
from tailor.themes import list_themes, load_theme

ROOT = pathlib.Path(__file__).resolve().parent.parent
PROFILE = ROOT / "profiles" / "eric-kim.yaml"
POSTING = ROOT / "profiles" / "postings" / "northwind-ml-engineer.md"
OUT = ROOT / "docs" / "themes"
DATE = dt.date(2026, 11, 21)

HEAD = """# Themes

tailor ships three themes. Each is a YAML file in [`templates/`](../templates/) with a matching
Word template, so the PDF and the DOCX look alike and break pages in the same places.
Build with one using `tailor build PROFILE POSTING --theme NAME`; list them with
`tailor templates list`. To make your own, copy one and edit the copy:

```bash
tailor templates copy modern my-theme       # my-theme/theme.yaml + my-theme/modern.docx
tailor build me.yaml job.md --theme my-theme
tailor preview me.yaml job.md --theme my-theme   # PNG pages in out/preview/
```

The YAML sets page size (A4 or Letter), margins, fonts (a bundled family or your own four TTF
files), sizes, colours, line spacing, section titles and order, date format, bullet glyph,
header layout, entry layout (`stacked`, `date-column` or `inline`) and the bounds within which
fitting a CV to a page count may tighten the layout (`fit:`). Every file is commented. Restyle
the Word template in Word or LibreOffice by editing its styles (Title, Heading 1, Heading 2,
Entry Detail, Body Text, Item, List Bullet, Hyperlink, ...); keep the `{{ ... }}` and
`{%p ... %}` tags. `--template FILE.docx` uses any Word file with those tags.

Bundled fonts (SIL Open Font License): Source Sans 3 and Gentium Book Plus, both covering Latin
(including Vietnamese, Polish and Turkish), Greek and Cyrillic. The Word templates name these fonts;
install them from `tailor/fonts/` for the DOCX to look exactly like the PDF.

The first page of `profiles/eric-kim.yaml` tailored to the example posting, in each theme
(regenerate with `python docs/build_gallery.py`):
"""


def main() -> None:
    """Render each theme's first page and write the gallery page."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        msg = "needs pdftoppm: apt-get install poppler-utils"
        raise SystemExit(msg)
    OUT.mkdir(parents=True, exist_ok=True)
    sections = [HEAD]
    for info in list_themes():
        theme = load_theme(info.name)
        outcome = match(PROFILE, PostingInput(str(POSTING)), today=DATE, theme=info.name)
        with tempfile.TemporaryDirectory() as tmp:
            pdf = pathlib.Path(tmp) / "cv.pdf"
            pdf.write_bytes(render_pdf(outcome.selection.cv, theme, squeeze=outcome.squeeze))
            prefix = OUT / info.name
            first_page = ["-f", "1", "-l", "1", "-singlefile"]
            command = [pdftoppm, "-png", "-r", "60", *first_page, str(pdf), str(prefix)]
            subprocess.run(command, check=True)
        sections.append(f"## {info.name}\n\n{info.description}\n\n![{info.name}](themes/{info.name}.png)\n")
    (ROOT / "docs" / "themes.md").write_text("\n".join(sections), encoding="utf-8")
    print(f"wrote {ROOT / 'docs' / 'themes.md'}")


if __name__ == "__main__":
    main()
