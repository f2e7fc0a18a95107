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

from tailor.app.pipeline import match
from tailor.app.posting_input import PostingInput
from tailor.inputs.themes import list_themes, load_theme
from tailor.render.pdf import render_pdf

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
(including Vietnamese, Polish and Turkish), Greek and Cyrillic.

## What a Word user gets

`cv.docx`, `letter.docx` and `answers.docx` look like their PDFs on any computer: they **carry
their fonts** (embedded as Word's "Embed fonts in the file" does, subset to the characters a CV
needs), so the reader needs nothing installed. **`theme.yaml` drives the Word file too**: when you
change colours, sizes, margins, spacing or fonts in your copy of a theme, the next build remakes
the Word template from it, unless you have restyled that `.docx` in Word since (then your Word
styles win, and the build says so; `tailor templates build-docx DIR` remakes it from `theme.yaml`,
dropping your Word edits). When the page fit tightens a CV's spacing to keep it on its pages,
the Word file gets the same tightening. A Word template that renders none of your experience (a
`{% for %}` closed in the wrong paragraph, a misspelt section name) is refused with exit code 2.

## Fonts of your own

`fonts.body` and `fonts.heading` take a bundled family (`source-sans-3`, `gentium-book-plus`) or
your own four TTF files, one per face, with the keys `regular`, `bold`, `italic` and
`bold_italic` (paths relative to `theme.yaml`):

```yaml
fonts:
  body:
    regular: fonts/MyFont-Regular.ttf
    bold: fonts/MyFont-Bold.ttf
    italic: fonts/MyFont-Italic.ttf
    bold_italic: fonts/MyFont-BoldItalic.ttf
  heading: gentium-book-plus
```

The PDF embeds them; the Word file embeds them too (only the characters it uses). Use fonts
whose licence allows embedding (the SIL Open Font License does).

## Word template variables

A Word template is an ordinary `.docx` with docxtpl tags (`{{ ... }}`, `{%p ... %}` for a whole
paragraph, `{{r ... }}` for rich text). This is what a CV's template can read:

TEMPLATE_CONTEXT

## The themes

The first page of `profiles/eric-kim.yaml` tailored to the example posting, in each theme, as
tailor's PDF and as its Word file opened by LibreOffice on a machine without the fonts installed
(regenerate with `python docs/build_gallery.py`):
"""


def template_context() -> str:
    """The Word template variables, as :mod:`tailor.render.docx` documents them (one source)."""
    from tailor.render import docx

    doc = docx.__doc__ or ""
    start = doc.index("Template context")
    text = doc[start:].split("\n", 1)[1].strip()
    return text.replace("``", "`")


def _word_picture(
    outcome: object, theme: object, tmp: pathlib.Path, pdftoppm: str, prefix: pathlib.Path
) -> bool:
    """The CV's Word file converted by LibreOffice, first page as a PNG (False without soffice)."""
    from tailor.render.docx import render_docx

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return False
    docx_file = tmp / "cv.docx"
    docx_file.write_bytes(render_docx(outcome.selection.cv, pathlib.Path(theme.word_template), theme=theme))  # type: ignore[attr-defined]
    profile = (tmp / "lo").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp / "word"),
            str(docx_file),
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            pdftoppm,
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(tmp / "word" / "cv.pdf"),
            str(prefix),
        ],
        check=True,
    )
    return True


def main() -> None:
    """Render each theme's first page and write the gallery page."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        msg = "needs pdftoppm: apt-get install poppler-utils"
        raise SystemExit(msg)
    OUT.mkdir(parents=True, exist_ok=True)
    sections = [HEAD.replace("TEMPLATE_CONTEXT", template_context())]
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
            word = _word_picture(outcome, theme, pathlib.Path(tmp), pdftoppm, OUT / f"{info.name}-word")
        pictures = f"![{info.name}](themes/{info.name}.png)"
        if word:
            word_picture = f"![{info.name} in Word](themes/{info.name}-word.png)"
            pictures = f"| PDF | Word (LibreOffice) |\n| --- | --- |\n| {pictures} | {word_picture} |"
        sections.append(f"### {info.name}\n\n{info.description}\n\n{pictures}\n")
    (ROOT / "docs" / "themes.md").write_text("\n".join(sections), encoding="utf-8")
    print(f"wrote {ROOT / 'docs' / 'themes.md'}")


if __name__ == "__main__":
    main()
