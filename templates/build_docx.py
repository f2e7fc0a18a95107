"""Generate ``templates/classic.docx``, the default Word template.

Run from the repository root::

    python templates/build_docx.py

The result is a docxtpl template: an ordinary Word document whose paragraphs
hold Jinja tags. Every piece of formatting lives in named Word styles (Title,
Subtitle, Heading 1, Heading 2, Body Text, List Bullet, Hyperlink, ...), so a
user can restyle the CV in Word or LibreOffice without touching the tags.

The context the tags read is built by :func:`tailor.render.docx.render_docx`;
its docstring documents every variable. The generator is deterministic: two
runs produce byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import io
import pathlib
import zipfile
from collections.abc import Callable

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips
from docx.styles.style import BaseStyle

OUTPUT = pathlib.Path(__file__).with_name("classic.docx")

FONT = "Source Sans 3"
FALLBACK_FONT = "Arial"
INK = "1A1A1A"
MUTED = "555555"
ACCENT = "1F3A5F"
LINK = "0563C1"

PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838  # A4 portrait, in twips
MARGIN = 1008  # 0.7 in
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)

KEPT_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}
ROLE_SECTIONS = '("experience", "teaching", "volunteering")'

Run = tuple[str, str | None]
"""A run of template text and its character style (None for the paragraph's own)."""


# --- package clean-up ---------------------------------------------------------


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


FONT_TABLE = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts {nsdecls("w")}>
<w:font w:name="{FONT}"><w:altName w:val="{FALLBACK_FONT}"/><w:panose1 w:val="020B0303030403020204"/>\
<w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/>\
<w:sig w:usb0="E00002FF" w:usb1="00002003" w:usb2="00000000" w:usb3="00000000" \
w:csb0="2000019F" w:csb1="00000000"/>\
</w:font>
<w:font w:name="{FALLBACK_FONT}"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/>\
<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>
</w:fonts>"""

APP_PROPERTIES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
<Application>tailor</Application><DocSecurity>0</DocSecurity></Properties>"""

BULLET_NUMBERING = f"""<w:numbering {nsdecls("w")}>
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:pStyle w:val="ListBullet"/>
<w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="300" w:hanging="190"/></w:pPr>
<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/><w:color w:val="{MUTED}"/></w:rPr></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def set_numbering(doc: DocumentObject) -> None:
    """Give the document a single bullet list definition (numId 1) bound to List Bullet."""
    numbering = doc.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(BULLET_NUMBERING):
        numbering.append(child)


def clean_settings(doc: DocumentObject) -> None:
    """Drop revision ids and the preview-picture flag from settings.xml."""
    settings = doc.settings.element
    for tag in ("w:rsids", "w:savePreviewPicture", "w:proofState"):
        for child in settings.findall(qn(tag)):
            settings.remove(child)


# --- styles -------------------------------------------------------------------


def reset_styles(doc: DocumentObject) -> None:
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
    root.insert(
        0,
        parse_xml(
            f"<w:docDefaults {nsdecls('w')}><w:rPrDefault><w:rPr>"
            f'<w:rFonts w:ascii="{FONT}" w:eastAsia="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>'
            '<w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/>'
            "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
        ),
    )


def add_style(
    doc: DocumentObject, name: str, kind: WD_STYLE_TYPE, *, builtin: bool = True, base: str | None = None
) -> BaseStyle:
    """Add a style (built-in names keep their Word identity, e.g. ``Heading 1``)."""
    style = doc.styles.add_style(name, kind, builtin=builtin)
    if base:
        style.base_style = doc.styles[base]
    style.hidden = False
    style.quick_style = True
    style.unhide_when_used = False
    return style


def style_xml(style: BaseStyle, ppr: str = "", rpr: str = "") -> None:
    """Append raw paragraph/run properties to a style, in schema order."""
    element = style.element
    for child in element.findall(qn("w:pPr")) + element.findall(qn("w:rPr")):
        element.remove(child)
    if ppr:
        element.append(parse_xml(f"<w:pPr {nsdecls('w')}>{ppr}</w:pPr>"))
    if rpr:
        element.append(parse_xml(f"<w:rPr {nsdecls('w')}>{rpr}</w:rPr>"))


def color(value: str) -> str:
    """A run colour property."""
    return f'<w:color w:val="{value}"/>'


def size(points: float) -> str:
    """A run size property (both complex-script and Latin)."""
    half_points = round(points * 2)
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


def spacing(before: float = 0, after: float = 0, line: float | None = None) -> str:
    """Paragraph spacing before and after, in points; ``line`` is a line-height multiple."""
    height = f' w:line="{round(line * 240)}" w:lineRule="auto"' if line else ""
    return f'<w:spacing w:before="{round(before * 20)}" w:after="{round(after * 20)}"{height}/>'


RIGHT_TAB = f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs>'
KEEP = "<w:keepNext/><w:keepLines/>"
BULLET_LIST = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'


def add_paragraph_styles(doc: DocumentObject) -> None:
    """Title, Subtitle, Contact, Heading 1/2, Entry Detail, Body Text and List Bullet."""
    para = WD_STYLE_TYPE.PARAGRAPH
    normal = doc.styles["Normal"]
    style_xml(
        normal,
        "<w:widowControl/>",
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>' + color(INK) + size(10),
    )
    specs: list[tuple[str, bool, str, str]] = [
        ("Title", True, spacing(after=1, line=1.0), '<w:b/><w:bCs/><w:kern w:val="28"/>' + size(22)),
        ("Subtitle", True, spacing(after=2), color(MUTED) + size(11.5)),
        ("Contact", False, spacing(after=2), color(MUTED) + size(9.5)),
        (
            "Heading 1",
            True,
            KEEP
            + f'<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="{ACCENT}"/></w:pBdr>'
            + spacing(before=12, after=5)
            + '<w:outlineLvl w:val="0"/>',
            "<w:b/><w:bCs/><w:caps/>" + color(ACCENT) + '<w:spacing w:val="12"/>' + size(10.5),
        ),
        (
            "Heading 2",
            True,
            KEEP + RIGHT_TAB + spacing(before=6, after=0) + '<w:outlineLvl w:val="1"/>',
            "<w:b/><w:bCs/>" + size(10.5),
        ),
        ("Entry Detail", False, spacing(after=1), "<w:i/><w:iCs/>" + color(MUTED)),
        ("Body Text", True, spacing(after=2), ""),
        ("List Bullet", True, BULLET_LIST + spacing(after=1), ""),
    ]
    for name, builtin, ppr, rpr in specs:
        style = add_style(doc, name, para, builtin=builtin, base="Normal")
        style_xml(style, ppr, rpr)
    for name, following in (
        ("Title", "Subtitle"),
        ("Subtitle", "Contact"),
        ("Heading 1", "Body Text"),
        ("Heading 2", "Body Text"),
    ):
        doc.styles[name].next_paragraph_style = doc.styles[following]


def add_character_styles(doc: DocumentObject) -> None:
    """Strong, Emphasis, Hyperlink, Entry Meta and Entry Date."""
    char = WD_STYLE_TYPE.CHARACTER
    specs: list[tuple[str, bool, str]] = [
        ("Strong", True, "<w:b/><w:bCs/>"),
        ("Emphasis", True, "<w:i/><w:iCs/>"),
        ("Hyperlink", True, color(LINK) + '<w:u w:val="single"/>'),
        ("Entry Meta", False, '<w:b w:val="0"/><w:bCs w:val="0"/>'),
        ("Entry Date", False, '<w:b w:val="0"/><w:bCs w:val="0"/>' + color(MUTED)),
    ]
    for name, builtin, rpr in specs:
        style = add_style(doc, name, char, builtin=builtin, base="Default Paragraph Font")
        style_xml(style, rpr=rpr)


# --- body ---------------------------------------------------------------------


class Body:
    """Writes template paragraphs: styled text paragraphs and ``{%p ... %}`` tag paragraphs."""

    def __init__(self, doc: DocumentObject) -> None:
        self.doc = doc

    def tag(self, statement: str) -> None:
        """A paragraph holding only a docxtpl paragraph tag, e.g. ``for x in y``."""
        self.doc.add_paragraph(f"{{%p {statement} %}}", style="Normal")

    def para(self, style: str, *runs: Run) -> None:
        """A paragraph in ``style`` made of ``runs``."""
        paragraph = self.doc.add_paragraph(style=style)
        for text, char_style in runs:
            paragraph.add_run(text, style=char_style)

    def block(self, statement: str, body: Callable[[], None], end: str) -> None:
        """``{%p statement %}`` + body + ``{%p end %}``."""
        self.tag(statement)
        body()
        self.tag(end)


def write_header(out: Body) -> None:
    """Name, headline and contact line."""
    out.para("Title", ("{{ person.name }}", None))
    out.block("if person.headline", lambda: out.para("Subtitle", ("{{ person.headline }}", None)), "endif")
    out.block("if person.contact", lambda: out.para("Contact", ("{{r person.contact }}", None)), "endif")


def write_bullets(out: Body, items: str) -> None:
    """A bullet list: optional bold lead, then the text."""
    out.block(
        f"for bullet in {items}",
        lambda: out.para(
            "List Bullet",
            ("{% if bullet.lead %}{{ bullet.lead }} {% endif %}", "Strong"),
            ("{{ bullet.text }}", None),
        ),
        "endfor",
    )


def write_optional(out: Body, test: str, style: str, *runs: Run) -> None:
    """A paragraph shown only when ``test`` is true."""
    out.block(f"if {test}", lambda: out.para(style, *runs), "endif")


def write_role(out: Body) -> None:
    """Experience, teaching and volunteering entries."""
    out.para(
        "Heading 2",
        ("{{ role.title }}", None),
        (" \u2014 {{ role.where }}", "Entry Meta"),
        ("\t{{ role.dates }}", "Entry Date"),
    )
    write_optional(out, "role.description", "Entry Detail", ("{{ role.description }}", None))
    write_bullets(out, "role.bullets")


def write_education(out: Body) -> None:
    """Education entries: institution, degree, thesis, advisors, details."""
    out.para(
        "Heading 2",
        ("{{ entry.institution }}", None),
        ("{% if entry.location %}, {{ entry.location }}{% endif %}", "Entry Meta"),
        ("\t{{ entry.dates }}", "Entry Date"),
    )
    write_optional(out, "entry.degree", "Entry Detail", ("{{ entry.degree }}", None))
    write_optional(out, "entry.thesis", "Body Text", ("Thesis: ", None), ("{{ entry.thesis }}", "Emphasis"))
    write_optional(
        out,
        "entry.advisors",
        "Body Text",
        ("Advisor{% if entry.advisors|length > 1 %}s{% endif %}: {{ entry.advisors|join(', ') }}", None),
    )
    write_bullets(out, "entry.details")


def write_award(out: Body) -> None:
    """Award entries: title, issuer, date and an optional line of text."""
    out.para(
        "Heading 2",
        ("{{ award.title }}", None),
        ("{% if award.issuer %} \u2014 {{ award.issuer }}{% endif %}", "Entry Meta"),
        ("\t{{ award.date }}", "Entry Date"),
    )
    write_optional(out, "award.text", "Body Text", ("{{ award.text }}", None))


def write_loop(out: Body, item: str, body: Callable[[], None]) -> None:
    """``for item in section.entries`` around ``body``."""
    out.block(f"for {item} in section.entries", body, "endfor")


def write_sections(out: Body) -> None:
    """The loop over ``sections``: a Heading 1, then the entries laid out by section name."""
    out.tag("for section in sections")
    out.para("Heading 1", ("{{ section.title }}", None))
    out.tag('if section.name == "summary"')
    write_loop(out, "text", lambda: out.para("Body Text", ("{{ text }}", None)))
    out.tag(f"elif section.name in {ROLE_SECTIONS}")
    write_loop(out, "role", lambda: write_role(out))
    out.tag('elif section.name == "projects"')
    write_loop(
        out,
        "project",
        lambda: out.para("Body Text", ("{{r project.name }}", None), (" {{ project.text }}", None)),
    )
    out.tag('elif section.name == "publications"')
    write_loop(
        out,
        "pub",
        lambda: out.para(
            "List Bullet", ("{{r pub.title }}", None), ("{% if pub.rest %} {{ pub.rest }}{% endif %}", None)
        ),
    )
    out.tag('elif section.name == "education"')
    write_loop(out, "entry", lambda: write_education(out))
    out.tag('elif section.name == "skills"')
    write_loop(
        out,
        "group",
        lambda: out.para(
            "Body Text", ("{{ group.name }}:", "Strong"), (" {{ group.skills|join(', ') }}", None)
        ),
    )
    out.tag('elif section.name == "awards"')
    write_loop(out, "award", lambda: write_award(out))
    out.tag("endif")
    out.tag("endfor")


# --- document -----------------------------------------------------------------


def set_page(doc: DocumentObject) -> None:
    """A4 portrait with 0.7 in margins."""
    section = doc.sections[0]
    section.page_width, section.page_height = Twips(PAGE_WIDTH), Twips(PAGE_HEIGHT)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Twips(MARGIN))
    section.header_distance = section.footer_distance = Twips(MARGIN // 2)


def set_properties(doc: DocumentObject) -> None:
    """Fixed template metadata (the renderer overwrites it per CV)."""
    props = doc.core_properties
    props.title = props.subject = props.keywords = props.comments = props.category = ""
    props.author = props.last_modified_by = "tailor"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1


def build() -> DocumentObject:
    """The complete template document."""
    doc = Document()
    drop_clutter(doc)
    replace_blob(doc, "/fontTable", FONT_TABLE)
    replace_blob(doc, "/extended-properties", APP_PROPERTIES)
    set_numbering(doc)
    clean_settings(doc)
    reset_styles(doc)
    add_paragraph_styles(doc)
    add_character_styles(doc)
    set_page(doc)
    set_properties(doc)
    out = Body(doc)
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


def main() -> None:
    """Write ``templates/classic.docx``."""
    buffer = io.BytesIO()
    build().save(buffer)
    OUTPUT.write_bytes(normalised_zip(buffer.getvalue()))
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
