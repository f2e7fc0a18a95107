"""The parts of a Word template that are not styles: constants, fonts table, settings, units."""

from __future__ import annotations

import datetime as dt

from docx.document import Document as DocumentObject
from docx.oxml.ns import nsdecls, qn

from tailor.models.rules import ROLE_SECTIONS as ROLE_SECTION_NAMES

THEMES = ("classic", "compact", "modern")
FALLBACK_FONT = "Arial"
FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
KEPT_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}
ROLE_SECTIONS = "(" + ", ".join(f'"{name}"' for name in ROLE_SECTION_NAMES) + ")"
"""The role sections as a Jinja tuple literal, for the template's tags."""
DOT = " \u00b7 "

Run = tuple[str, str | None]
"""A run of template text and its character style (None for the paragraph's own)."""


def twips(points: float) -> int:
    """Points to twentieths of a point."""
    return round(points * 20)


# --- package parts -------------------------------------------------------------


def drop_clutter(doc: DocumentObject) -> None:
    """Remove parts python-docx's default document carries but a CV template should not."""
    unwanted = ("thumbnail", "stylesWithEffects", "customXml")
    for rels in (doc.part.package.rels, doc.part.rels):
        for r_id in [r_id for r_id, rel in rels.items() if rel.reltype.endswith(unwanted)]:
            rels.pop(r_id)


def replace_blob(doc: DocumentObject, reltype_suffix: str, xml: str) -> None:
    """Replace the XML of a part python-docx does not model (font table, app properties)."""
    for rels in (doc.part.package.rels, doc.part.rels):
        for rel in rels.values():
            if rel.reltype.endswith(reltype_suffix):
                rel.target_part._blob = xml.encode("utf-8")


def font_table(fonts: list[str]) -> str:
    """The font table: the theme's families, each with a common fallback."""
    entries = []
    for name in dict.fromkeys(fonts):
        serif = "Gentium" in name
        family, alt = ("roman", "Georgia") if serif else ("swiss", FALLBACK_FONT)
        entries.append(
            f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="00"/>'
            f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:fonts {nsdecls('w')}>{''.join(entries)}</w:fonts>"
    )


APP_PROPERTIES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
<Application>tailor</Application><DocSecurity>0</DocSecurity></Properties>"""


def clean_settings(doc: DocumentObject) -> None:
    """Drop revision ids and the preview-picture flag from settings.xml."""
    settings = doc.settings.element
    for tag in ("w:rsids", "w:savePreviewPicture", "w:proofState"):
        for child in settings.findall(qn(tag)):
            settings.remove(child)
