"""The Word template of a theme, generated from its ``theme.yaml``.

``tailor templates build-docx DIR`` writes it for a theme folder; a build makes it on the fly
when the theme changed after the template was made (and the template was not edited in Word
since), and when the page fit tightened the spacing, so that the DOCX follows the theme and the
fit as the PDF does (see :func:`word_template_for`). Developers regenerate the built-in ones
with::

    python -m tailor.render.word_template            # every built-in theme
    python -m tailor.render.word_template modern     # one theme

Each result is a docxtpl template: an ordinary Word document whose paragraphs
hold Jinja tags. Every piece of formatting lives in named Word styles (Title,
Subtitle, Heading 1, Heading 2, Body Text, List Bullet, Hyperlink, ...), so a
user can restyle the CV in Word or LibreOffice without touching the tags.

The styles copy the theme's measurements (page, margins, fonts, sizes, exact
line heights, gaps, indents, keep-with-next) so that the Word document breaks
pages where tailor's PDF does. The context the tags read is built by
:func:`tailor.render.docx.render_docx`; its docstring documents every variable.
The generator is deterministic: two runs produce byte-identical files.
"""

from __future__ import annotations

import hashlib
import io
import pathlib
import re
import sys
import zipfile
from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Twips

from tailor.models.theme import Theme
from tailor.render.fonts import display_name
from tailor.render.pdf_style import PAGE_SIZES
from tailor.render.word_body import (
    Body,
    write_header,
    write_sections,
)
from tailor.render.word_parts import (
    APP_PROPERTIES,
    DOT,
    FIXED_TIME,
    THEMES,
    clean_settings,
    drop_clutter,
    font_table,
    replace_blob,
    twips,
)
from tailor.render.word_styles import (
    Geometry,
    add_character_styles,
    add_paragraph_styles,
    reset_styles,
    set_numbering,
)

# --- document -----------------------------------------------------------------


def set_page(doc: DocumentObject, theme: Theme) -> None:
    """The theme's page size and margins; later pages carry the name and page number."""
    section = doc.sections[0]
    width, height = PAGE_SIZES[theme.page_size]
    section.page_width, section.page_height = Twips(twips(width)), Twips(twips(height))
    margins = theme.margins
    section.top_margin, section.bottom_margin = Twips(twips(margins.top)), Twips(twips(margins.bottom))
    section.left_margin, section.right_margin = Twips(twips(margins.left)), Twips(twips(margins.right))
    section.header_distance = Twips(twips(margins.top / 2))
    section.footer_distance = Twips(twips(max(margins.bottom * 0.45 - 2, 6)))
    section.different_first_page_header_footer = True
    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["Footer"]
    footer.add_run("{{ person.name }}" + DOT + "page ")
    field = '<w:fldSimple {ns} w:instr=" {name} "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    footer._p.append(parse_xml(field.format(ns=nsdecls("w"), name="PAGE")))
    footer.add_run(" of ")
    footer._p.append(parse_xml(field.format(ns=nsdecls("w"), name="NUMPAGES")))


def set_properties(doc: DocumentObject, marker: str = "") -> None:
    """Fixed template metadata (the renderer overwrites it per CV); ``marker`` in the category."""
    props = doc.core_properties
    props.title = props.subject = props.keywords = props.comments = ""
    props.category = marker
    props.author = props.last_modified_by = "tailor"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1


def build(theme: Theme, marker: str = "") -> DocumentObject:
    """The complete template document for ``theme``."""
    geo = Geometry(theme)
    doc = Document()
    drop_clutter(doc)
    fonts = [display_name(theme.fonts.body), display_name(theme.fonts.heading_font)]
    replace_blob(doc, "/fontTable", font_table(fonts))
    replace_blob(doc, "/extended-properties", APP_PROPERTIES)
    set_numbering(doc, theme, geo)
    clean_settings(doc)
    reset_styles(doc, theme)
    add_paragraph_styles(doc, theme, geo)
    add_character_styles(doc, theme)
    set_page(doc, theme)
    set_properties(doc, marker)
    out = Body(doc, theme)
    write_header(out)
    write_sections(out)
    return doc


def normalised_zip(data: bytes) -> bytes:
    """Re-pack a zip with fixed timestamps and attributes so output is reproducible."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return buffer.getvalue()


MARKER = "tailor word template"
"""Start of the category a generated template records: ``<MARKER> theme=<hash> parts=<hash>``."""


def theme_hash(theme: Theme) -> str:
    """What a template is made from: the theme's measurements, fonts and colours."""
    data = theme.model_dump_json(exclude={"word_template", "name", "description"}).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]


def parts_hash(data: bytes) -> str:
    """The template's content (every part but its metadata): changes when it is edited in Word."""
    digest = hashlib.sha256()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in sorted(package.namelist()):
            if not name.startswith("docProps/"):
                digest.update(name.encode("utf-8"))
                digest.update(package.read(name))
    return digest.hexdigest()[:16]


def template_bytes(theme: Theme) -> bytes:
    """The Word template of ``theme``, as the bytes of a .docx file (deterministic)."""
    buffer = io.BytesIO()
    build(theme).save(buffer)
    parts = parts_hash(buffer.getvalue())
    buffer = io.BytesIO()
    build(theme, f"{MARKER} theme={theme_hash(theme)} parts={parts}").save(buffer)
    return normalised_zip(buffer.getvalue())


def marker_of(data: bytes) -> dict[str, str]:
    """The ``theme`` and ``parts`` hashes a generated template records ({} for any other .docx)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            core = package.read("docProps/core.xml").decode("utf-8")
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError):
        return {}
    found = re.search(r"<cp:category>" + MARKER + r" ([^<]*)</cp:category>", core)
    return dict(part.split("=", 1) for part in found.group(1).split() if "=" in part) if found else {}


def squeezed(theme: Theme, squeeze: float) -> Theme:
    """The theme with the page fit's tighter sizes, margins, leading and gaps (as the PDF uses them)."""
    from tailor.render.pdf_style import metrics

    if squeeze <= 0:
        return theme
    m = metrics(theme, squeeze)
    spacing = theme.spacing
    gaps = ("section_before", "section_after", "entry_before", "item_before", "bullet_before")
    return theme.model_copy(
        update={
            "sizes": theme.sizes.model_copy(update=m.sizes),
            "margins": theme.margins.model_copy(
                update={"top": m.top, "bottom": m.bottom, "left": m.left, "right": m.right}
            ),
            "spacing": spacing.model_copy(
                update={"line": m.line, **{gap: m.gap(getattr(spacing, gap)) for gap in gaps}}
            ),
        }
    )


@dataclass(frozen=True)
class WordTemplate:
    """The template a build renders with, and a note for the user when it is not the file's own."""

    path: pathlib.Path
    note: str | None = None


def word_template_for(theme: Theme, squeeze: float = 0.0, *, builtin: bool = False) -> WordTemplate:
    """The Word template that matches ``theme`` (and the fit's ``squeeze``).

    - A built-in theme at its normal spacing: its shipped template (kept current by a test).
    - A template edited in Word since tailor made it (its content no longer matches what it
      records), or one made elsewhere: used as it is, with a note when ``theme.yaml`` changed since.
    - Otherwise the template is made from the theme now (about 80 ms), at the fit's squeeze, and
      written to a cache file named by its content.
    """
    path = pathlib.Path(theme.word_template)
    if builtin and squeeze <= 0:
        return WordTemplate(path)
    if not path.is_file():
        return WordTemplate(path)  # the renderer reports the missing file
    from tailor.render.docx_sandbox import check_template_size

    current = check_template_size(path)
    marker = marker_of(current)
    if not marker or marker.get("parts") != parts_hash(current):
        note = None
        if marker.get("theme") not in (None, theme_hash(theme)):
            note = (
                f"{path.name} was edited in Word and {path.parent / 'theme.yaml'} changed since: the Word "
                f"file keeps its own styles (run `tailor templates build-docx {path.parent}` to remake it "
                "from theme.yaml; your Word edits to it are then lost)"
            )
        return WordTemplate(path, note)
    if squeeze <= 0 and marker.get("theme") == theme_hash(theme):
        return WordTemplate(path)  # made from this very theme and not edited since
    wanted = template_bytes(squeezed(theme, squeeze))
    if wanted == current:
        return WordTemplate(path)
    return WordTemplate(_cached(wanted))


def _cached(data: bytes) -> pathlib.Path:
    """A generated template in the user's temporary folder, named by its content (written once)."""
    import os
    import tempfile

    folder = pathlib.Path(tempfile.gettempdir()) / "tailor-word-templates"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{hashlib.sha256(data).hexdigest()[:24]}.docx"
    if not target.is_file() or target.read_bytes() != data:
        scratch = folder / f".{target.name}.{os.getpid()}"
        scratch.write_bytes(data)
        scratch.replace(target)
    return target


def write_template(theme: Theme) -> pathlib.Path:
    """Write the theme's Word template from its ``theme.yaml`` (``tailor templates build-docx``)."""
    path = pathlib.Path(theme.word_template)
    path.write_bytes(template_bytes(theme))
    return path


def main(names: list[str]) -> None:
    """Write ``templates/<theme>.docx`` for each named built-in theme (default: all of them)."""
    from tailor.inputs.resources import templates_dir
    from tailor.inputs.themes import load_theme

    folder = templates_dir()
    for name in names or THEMES:
        output = folder / f"{name}.docx"
        output.write_bytes(template_bytes(load_theme(folder / f"{name}.yaml")))
        print(f"wrote {output}")  # noqa: T201


if __name__ == "__main__":
    main(sys.argv[1:])
