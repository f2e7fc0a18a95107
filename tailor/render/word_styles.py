"""The named Word styles of a theme's template: page geometry in twips, paragraph and run
properties, and the paragraph and character styles a user restyles in Word."""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.styles.style import BaseStyle

from tailor.models.theme import Theme
from tailor.render.fonts import display_name
from tailor.render.word_parts import (
    KEPT_STYLES,
    twips,
)


def set_numbering(doc: DocumentObject, theme: Theme, geometry: Geometry) -> None:
    """A single bullet list definition (numId 1) bound to List Bullet, with the theme's glyph."""
    font = display_name(theme.fonts.body)
    xml = f"""<w:numbering {nsdecls("w")}>
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:pStyle w:val="ListBullet"/>
<w:lvlText w:val="{theme.bullet}"/><w:lvlJc w:val="left"/>
<w:pPr><w:ind w:left="{geometry.bullet_left}" w:hanging="{geometry.bullet_hanging}"/></w:pPr>
<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/></w:rPr></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""
    numbering = doc.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(xml):
        numbering.append(child)


# --- measurements -----------------------------------------------------------------


class Geometry:
    """The theme's measurements in Word units (twips), as tailor's PDF uses them."""

    def __init__(self, theme: Theme) -> None:
        self.column = twips(theme.date_column) if theme.entry_layout == "date-column" else 0
        indent = theme.spacing.bullet_indent
        # The PDF draws the bullet at a quarter of the indent and the text at the full indent.
        self.bullet_left = self.column + twips(indent)
        self.bullet_hanging = twips(indent * 0.75)

    def leading(self, theme: Theme, size: float) -> float:
        """Exact line height in points, rounded as the PDF rounds it."""
        return round(size * theme.spacing.line, 2)


# --- styles -------------------------------------------------------------------


def ppr(
    *,
    leading: float,
    keep: bool = False,
    numbered: bool = False,
    border: str = "",
    tab: int = 0,
    before: float = 0,
    after: float = 0,
    left: int = 0,
    hanging: int = 0,
    align: str = "",
    outline: int | None = None,
) -> str:
    """Paragraph properties in schema order; ``leading`` is an exact line height in points."""
    xml = "<w:keepNext/><w:keepLines/>" if keep else ""
    xml += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' if numbered else ""
    xml += border
    xml += f'<w:tabs><w:tab w:val="left" w:pos="{tab}"/></w:tabs>' if tab else ""
    xml += (
        f'<w:spacing w:before="{twips(before)}" w:after="{twips(after)}" '
        f'w:line="{twips(leading)}" w:lineRule="exact"/>'
    )
    if left or hanging:
        xml += f'<w:ind w:left="{left}"' + (f' w:hanging="{hanging}"' if hanging else "") + "/>"
    xml += f'<w:jc w:val="{align}"/>' if align else ""
    xml += f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
    return xml


def rpr(
    *,
    font: str = "",
    bold: bool | None = None,
    italic: bool | None = None,
    caps: bool = False,
    color: str = "",
    size: float | None = None,
    underline: bool = False,
) -> str:
    """Run properties in schema order."""
    xml = f'<w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/>' if font else ""
    if bold is not None:
        xml += "<w:b/><w:bCs/>" if bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    if italic is not None:
        xml += "<w:i/><w:iCs/>" if italic else '<w:i w:val="0"/><w:iCs w:val="0"/>'
    xml += "<w:caps/>" if caps else ""
    xml += f'<w:color w:val="{color.lstrip("#")}"/>' if color else ""
    if size is not None:
        half = round(size * 2)
        xml += f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
    xml += '<w:u w:val="single"/>' if underline else ""
    return xml


def bottom_border(points: float, space: int, color: str) -> str:
    """A paragraph's bottom border ``points`` thick, ``space`` points below the text."""
    return (
        f'<w:pBdr><w:bottom w:val="single" w:sz="{max(round(points * 8), 2)}" w:space="{space}" '
        f'w:color="{color.lstrip("#")}"/></w:pBdr>'
    )


def reset_styles(doc: DocumentObject, theme: Theme) -> None:
    """Delete every style except Word's four defaults, and set the document defaults."""
    root = doc.styles.element
    for style in root.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in KEPT_STYLES:
            root.remove(style)
    for style in root.findall(qn("w:style")):
        for tag in ("w:pPr", "w:rPr", "w:rsid", "w:link"):
            for child in style.findall(qn(tag)):
                style.remove(child)
    defaults = root.find(qn("w:docDefaults"))
    assert defaults is not None
    root.remove(defaults)
    font = display_name(theme.fonts.body)
    root.insert(
        0,
        parse_xml(
            f"<w:docDefaults {nsdecls('w')}><w:rPrDefault><w:rPr>"
            + rpr(font=font, size=theme.sizes.body)
            + '<w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/>'
            "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
        ),
    )


def add_style(
    doc: DocumentObject, name: str, kind: WD_STYLE_TYPE, *, builtin: bool = True, base: str | None = None
) -> BaseStyle:
    """Add a style (built-in names keep their Word identity, e.g. ``Heading 1``)."""
    style: Any = doc.styles.add_style(name, kind, builtin=builtin)
    if base:
        style.base_style = doc.styles[base]
    style.hidden = False
    style.quick_style = True
    style.unhide_when_used = False
    added: BaseStyle = style
    return added


def style_xml(style: BaseStyle, p_props: str = "", r_props: str = "") -> None:
    """Replace a style's paragraph/run properties (in schema order: pPr before rPr)."""
    element = style.element
    for child in element.findall(qn("w:pPr")) + element.findall(qn("w:rPr")):
        element.remove(child)
    if p_props:
        element.append(parse_xml(f"<w:pPr {nsdecls('w')}>{p_props}</w:pPr>"))
    if r_props:
        element.append(parse_xml(f"<w:rPr {nsdecls('w')}>{r_props}</w:rPr>"))


def paragraph_specs(theme: Theme, geo: Geometry) -> list[tuple[str, bool, str, str]]:
    """(name, built-in?, pPr, rPr) of every paragraph style, mirroring tailor's PDF styles."""
    t, sz, sp, c = theme, theme.sizes, theme.spacing, theme.colours
    lead = {name: geo.leading(t, size) for name, size in sz.model_dump().items()}
    heading_font = display_name(t.fonts.heading_font)
    align = "center" if t.header.align == "center" else ""
    upper = t.sections.heading_case == "upper"
    rule = c.rule or c.accent
    col = geo.column
    heading_border = bottom_border(0.7, 1, rule) if t.sections.heading_rule else ""
    contact_border = bottom_border(0.6, 6, rule) if t.header.rule_below else ""
    return [
        (
            "Title",
            True,
            ppr(leading=lead["name"], after=3, align=align),
            rpr(
                font=heading_font, bold=True, caps=t.header.name_case == "upper", color=c.accent, size=sz.name
            ),
        ),
        (
            "Subtitle",
            True,
            ppr(leading=lead["headline"], after=2, align=align),
            rpr(color=c.muted, size=sz.headline),
        ),
        (
            "Contact",
            False,
            ppr(leading=lead["contact"], border=contact_border, align=align),
            rpr(color=c.muted, size=sz.contact),
        ),
        (
            "Heading 1",
            True,
            ppr(
                leading=lead["heading"],
                keep=True,
                border=heading_border,
                before=sp.section_before,
                after=sp.section_after + (0.5 if heading_border else 0),
                outline=0,
            ),
            rpr(font=heading_font, bold=True, caps=upper, color=c.accent, size=sz.heading),
        ),
        (
            "Heading 2",
            True,
            ppr(
                leading=lead["entry"],
                keep=True,
                tab=col,
                before=sp.entry_before,
                left=col,
                hanging=col,
                outline=1,
            ),
            rpr(bold=True, size=sz.entry),
        ),
        (
            "Entry Detail",
            False,
            ppr(leading=lead["meta"], keep=True, left=col),
            rpr(italic=True, color=c.muted, size=sz.meta),
        ),
        ("Body Text", True, ppr(leading=lead["body"], left=col), ""),
        ("Description", False, ppr(leading=lead["body"], keep=True, left=col), ""),
        ("Item", False, ppr(leading=lead["body"], before=sp.item_before, left=col), ""),
        (
            "Labelled Item",
            False,
            ppr(leading=lead["body"], tab=col, before=sp.item_before, left=col, hanging=col),
            "",
        ),
        (
            "List Bullet",
            True,
            ppr(
                leading=lead["body"],
                numbered=True,
                before=sp.bullet_before,
                left=geo.bullet_left,
                hanging=geo.bullet_hanging,
            ),
            "",
        ),
        ("Footer", True, ppr(leading=lead["footer"], align="center"), rpr(color=c.muted, size=sz.footer)),
    ]


def add_paragraph_styles(doc: DocumentObject, theme: Theme, geo: Geometry) -> None:
    """Every paragraph style the template uses, based on Normal."""
    normal = doc.styles["Normal"]
    style_xml(
        normal,
        "<w:widowControl/>" + ppr(leading=geo.leading(theme, theme.sizes.body)),
        rpr(font=display_name(theme.fonts.body), color=theme.colours.text, size=theme.sizes.body),
    )
    for name, builtin, p_props, r_props in paragraph_specs(theme, geo):
        style = add_style(doc, name, WD_STYLE_TYPE.PARAGRAPH, builtin=builtin, base="Normal")
        style_xml(style, p_props, r_props)
    for name, following in (
        ("Title", "Subtitle"),
        ("Subtitle", "Contact"),
        ("Heading 1", "Body Text"),
        ("Heading 2", "Entry Detail"),
        ("Entry Detail", "List Bullet"),
    ):
        doc.styles[name].next_paragraph_style = doc.styles[following]


def add_character_styles(doc: DocumentObject, theme: Theme) -> None:
    """Strong, Emphasis, Hyperlink, Entry Meta, Entry Date and Muted."""
    c = theme.colours
    specs: list[tuple[str, bool, str]] = [
        ("Strong", True, rpr(bold=True)),
        ("Emphasis", True, rpr(italic=True)),
        ("Hyperlink", True, rpr(color=c.link)),
        ("Entry Meta", False, rpr(bold=False)),
        ("Entry Date", False, rpr(bold=False, color=c.muted, size=theme.sizes.meta)),
        ("Muted", False, rpr(bold=False, color=c.muted)),
    ]
    for name, builtin, r_props in specs:
        style = add_style(doc, name, WD_STYLE_TYPE.CHARACTER, builtin=builtin, base="Default Paragraph Font")
        style_xml(style, r_props=r_props)
