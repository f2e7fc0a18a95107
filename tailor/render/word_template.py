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

import datetime as dt
import hashlib
import io
import pathlib
import re
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips
from docx.styles.style import BaseStyle

from tailor.models.theme import Theme
from tailor.render.fonts import display_name
from tailor.render.pdf_style import PAGE_SIZES

THEMES = ("classic", "compact", "modern")
FALLBACK_FONT = "Arial"
FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
KEPT_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}
ROLE_SECTIONS = '("experience", "teaching", "volunteering")'
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


def clean_settings(doc: DocumentObject) -> None:
    """Drop revision ids and the preview-picture flag from settings.xml."""
    settings = doc.settings.element
    for tag in ("w:rsids", "w:savePreviewPicture", "w:proofState"):
        for child in settings.findall(qn(tag)):
            settings.remove(child)


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


# --- body ---------------------------------------------------------------------


class Body:
    """Writes template paragraphs: styled text paragraphs and ``{%p ... %}`` tag paragraphs."""

    def __init__(self, doc: DocumentObject, theme: Theme) -> None:
        self.doc = doc
        self.theme = theme
        self.layout = theme.entry_layout

    def tag(self, statement: str) -> None:
        """A paragraph holding only a docxtpl paragraph tag, e.g. ``for x in y``."""
        self.doc.add_paragraph(f"{{%p {statement} %}}", style="Normal")

    def para(self, style: str, *runs: Run) -> None:
        """A paragraph in ``style`` made of ``runs``."""
        paragraph = self.doc.add_paragraph(style=style)
        for text, char_style in runs:
            paragraph.add_run(text, style=char_style)

    def block(self, statement: str, body: Callable[[], None], end: str = "endif") -> None:
        """``{%p statement %}`` + body + ``{%p end %}``."""
        self.tag(statement)
        body()
        self.tag(end)

    def optional(self, test: str, style: str, *runs: Run) -> None:
        """A paragraph shown only when ``test`` is true."""
        self.block(f"if {test}", lambda: self.para(style, *runs))

    def loop(self, item: str, body: Callable[[], None]) -> None:
        """``for item in section.entries`` around ``body``."""
        self.block(f"for {item} in section.entries", body, "endfor")

    def bullets(self, items: str) -> None:
        """A bullet list: optional bold lead, then the text."""
        self.block(
            f"for bullet in {items}",
            lambda: self.para(
                "List Bullet",
                ("{% if bullet.lead %}{{ bullet.lead }} {% endif %}", "Strong"),
                ("{{ bullet.text }}", None),
            ),
            "endfor",
        )

    def entry(self, title: Run, org: str, dates: str, place: str) -> None:
        """An entry's title line and meta line, laid out like the theme's PDF.

        ``org``, ``dates`` and ``place`` are Jinja expressions.
        """
        org_run = (f"{{% if {org} %}}{DOT}{{{{ {org} }}}}{{% endif %}}", "Entry Meta")
        if self.layout == "date-column":
            self.para("Heading 2", (f"{{{{ {dates} }}}}", "Entry Date"), ("\t", None), title, org_run)
            self.optional(place, "Entry Detail", (f"{{{{ {place} }}}}", None))
        elif self.layout == "inline":
            tail = f"[{place}, {dates}]|select|join('{DOT}')"
            muted = (f"{{% if {place} or {dates} %}}{DOT}{{{{ {tail} }}}}{{% endif %}}", "Muted")
            self.para("Heading 2", title, org_run, muted)
        else:
            self.para("Heading 2", title, org_run)
            line = f"[{dates}, {place}]|select|join('{DOT}')"
            self.optional(f"{dates} or {place}", "Entry Detail", (f"{{{{ {line} }}}}", None))

    def labelled(self, label: Run, *rest: Run) -> None:
        """Skills and awards: the label in the date column when there is one."""
        if self.layout == "date-column":
            self.para("Labelled Item", label, ("\t", None), *rest)
        else:
            self.para("Item", label, *rest)


def write_header(out: Body) -> None:
    """Name, headline and contact line(s)."""
    out.para("Title", ("{{ person.name }}", None))
    if out.theme.header.show_headline:
        out.optional("person.headline", "Subtitle", ("{{ person.headline }}", None))
    if out.theme.header.links_on_own_line:
        out.optional("person.details", "Contact", ("{{r person.details }}", None))
        out.optional("person.links", "Contact", ("{{r person.links }}", None))
    else:
        out.optional("person.contact", "Contact", ("{{r person.contact }}", None))


def write_role(out: Body) -> None:
    """Experience, teaching and volunteering entries."""
    out.entry(("{{ role.title }}", None), "role.organisation", "role.dates", "role.location")
    out.optional("role.description", "Description", ("{{ role.description }}", None))
    out.bullets("role.bullets")


def write_education(out: Body) -> None:
    """Education entries: degree and institution, dates, place, thesis, advisors, details."""
    out.entry(
        ("{{ entry.degree or entry.institution }}", None),
        "(entry.degree and entry.institution)",
        "entry.dates",
        "entry.location",
    )
    out.optional("entry.thesis", "Body Text", ("Thesis:", "Emphasis"), (" {{ entry.thesis }}", None))
    out.optional(
        "entry.advisors",
        "Body Text",
        ("Advisor{% if entry.advisors|length > 1 %}s{% endif %}:", "Emphasis"),
        (" {{ entry.advisors|join(', ') }}", None),
    )
    out.bullets("entry.details")


def write_award(out: Body) -> None:
    """Award entries: title, issuer, date and an optional line of text."""
    issuer = ("{% if award.issuer %}, {{ award.issuer }}{% endif %}", None)
    if out.layout == "date-column":
        out.labelled(("{{ award.date }}", "Entry Date"), ("{{ award.title }}", "Strong"), issuer)
    else:
        date = (f"{{% if award.date %}}{DOT}{{{{ award.date }}}}{{% endif %}}", "Muted")
        out.para("Item", ("{{ award.title }}", "Strong"), issuer, date)
    out.optional("award.text", "Body Text", ("{{ award.text }}", None))


def write_skills(out: Body) -> None:
    """Skill groups: "name: skills", in the text column when there is a date column (a long name
    such as "Programming languages" would not fit the column's tab stop)."""
    label, skills = ("{{ group.name }}:", "Strong"), (" {{ group.skills|join(', ') }}", None)
    if out.layout == "date-column":
        out.para("Labelled Item", ("\t", None), label, skills)
    else:
        out.para("Item", label, skills)


def write_sections(out: Body) -> None:
    """The loop over ``sections``: a Heading 1, then the entries laid out by section name."""
    out.tag("for section in sections")
    out.para("Heading 1", ("{{ section.title }}", None))
    out.tag('if section.name == "summary"')
    out.loop("text", lambda: out.para("Body Text", ("{{ text }}", None)))
    out.tag(f"elif section.name in {ROLE_SECTIONS}")
    out.loop("role", lambda: write_role(out))
    out.tag('elif section.name == "projects"')
    out.loop(
        "project", lambda: out.para("Item", ("{{r project.name }}", None), (" {{ project.text }}", None))
    )
    out.tag('elif section.name == "publications"')
    out.loop(
        "pub",
        lambda: out.para(
            "List Bullet", ("{{r pub.title }}", None), ("{% if pub.rest %} {{ pub.rest }}{% endif %}", None)
        ),
    )
    out.tag('elif section.name == "education"')
    out.loop("entry", lambda: write_education(out))
    out.tag('elif section.name == "skills"')
    out.loop("group", lambda: write_skills(out))
    out.tag('elif section.name == "awards"')
    out.loop("award", lambda: write_award(out))
    out.tag("endif")
    out.tag("endfor")


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
    from tailor.render.docx import check_template_size

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
