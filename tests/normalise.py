"""Readable, stable forms of rendered documents for snapshot tests."""

from __future__ import annotations

import io
import re
import zipfile

import pdfplumber
from lxml import etree


def pdf_text(data: bytes) -> str:
    """Page count, sizes, fonts and each page's text lines with positions rounded to 1 pt."""
    out: list[str] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        out.append(f"pages: {len(pdf.pages)}")
        fonts = sorted({re.sub(r"^[A-Z]{6}\+", "", c["fontname"]) for p in pdf.pages for c in p.chars})
        out.append(f"fonts: {', '.join(fonts)}")
        for number, page in enumerate(pdf.pages, 1):
            out.append(f"--- page {number} ({round(page.width)}x{round(page.height)})")
            for line in page.extract_text_lines():
                out.append(f"{round(line['x0']):4d} {round(line['top']):4d}  {line['text']}")
            out.extend(f"link {a['uri']}" for a in page.hyperlinks)
    return "\n".join(out) + "\n"


def pdf_plain_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


_DOCX_PARTS = re.compile(r"word/(document|header\d*|footer\d*)\.xml$")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data: bytes) -> str:
    """All paragraph text of the document body, one paragraph per line."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return "\n".join("".join(t.text or "" for t in p.iter(f"{_W}t")) for p in root.iter(f"{_W}p"))


def docx_outline(data: bytes) -> str:
    """A Word file as reviewable lines: one line per style definition (its paragraph and run
    properties), then one line per paragraph of the body, headers and footers: its style, its own
    properties and its text, with run properties written where they change. A deliberate style
    change is a one-line diff; only text and formatting are compared, not XML layout."""
    out: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        parts = sorted(n for n in names if _DOCX_PARTS.search(n))
        style_props: dict[str, list[str]] = {}
        if "word/styles.xml" in names:
            out.append("=== styles")
            styles_xml = archive.read("word/styles.xml")
            out.extend(_style_lines(styles_xml, [archive.read(n) for n in parts]))
            for style in etree.fromstring(styles_xml).iter(f"{_W}style"):
                style_props[style.get(f"{_W}styleId") or ""] = _prop_parts(style.find(f"{_W}pPr"))
        for name in parts:
            out.append(f"=== {name}")
            root = etree.fromstring(archive.read(name))
            folder, _, base = name.rpartition("/")
            rels_name = f"{folder}/_rels/{base}.rels"
            links = {}
            if rels_name in names:
                for rel in etree.fromstring(archive.read(rels_name)):
                    links[rel.get("Id")] = rel.get("Target")
            out.extend(_paragraph_line(p, links, style_props) for p in root.iter(f"{_W}p"))
    return "\n".join(out)


_NO_INDENT = "ind(firstLine=0,hanging=0,left=0,right=0)"  # Word's default, unless the style indents
_STYLE_USE = re.compile(rb'<w:[pr]Style w:val="([^"]+)"')


def _style_lines(styles_xml: bytes, part_xmls: list[bytes]) -> list[str]:
    """The styles the document uses, each with the styles it is based on, as one line each."""
    styles = {s.get(f"{_W}styleId"): s for s in etree.fromstring(styles_xml).iter(f"{_W}style")}
    wanted = {"Normal"}
    for xml in part_xmls:
        wanted.update(m.decode() for m in _STYLE_USE.findall(xml))
    pending = list(wanted)
    while pending:
        style = styles.get(pending.pop())
        based = style.find(f"{_W}basedOn") if style is not None else None
        if based is not None and based.get(f"{_W}val") not in wanted:
            wanted.add(based.get(f"{_W}val"))
            pending.append(based.get(f"{_W}val"))

    def own(style: etree._Element | None, kind: str) -> list[str]:
        return _prop_parts(style.find(f"{_W}{kind}")) if style is not None else []

    lines = []
    for name, style in styles.items():
        based = style.find(f"{_W}basedOn")
        base = styles.get(based.get(f"{_W}val")) if based is not None else None
        # what the style changes from the one it is based on
        props = [" ".join(_changed(own(style, k), own(base, k))) or "-" for k in ("pPr", "rPr")]
        if name not in wanted or props == ["-", "-"]:
            continue
        parent = f" <{based.get(f'{_W}val')}" if based is not None else ""
        lines.append(f"{style.get(f'{_W}type')} {name}{parent}: {props[0]} | {props[1]}")
    return lines


def _changed(parts: list[str], base: list[str]) -> list[str]:
    """The properties in ``parts`` that differ from ``base``; of ``spacing(after=0,line=563)`` over
    ``spacing(after=0,line=256)`` only ``spacing(line=563)``."""
    base_values = {}
    for part in base:
        tag, _, values = part.partition("(")
        if part.endswith(")"):
            base_values[tag] = set(values[:-1].split(","))
    changed = []
    for part in parts:
        tag, _, values = part.partition("(")
        if part in base:
            continue
        if tag in base_values and part.endswith(")"):
            kept = [v for v in values[:-1].split(",") if v not in base_values[tag]]
            if not kept:
                continue
            part = f"{tag}({','.join(kept)})"
        changed.append(part)
    return changed


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _props(element: etree._Element | None, skip: tuple[str, ...] = ("pStyle", "rStyle")) -> str:
    """``spacing(after=0,before=120) b sz(24)``: each property with its attribute values."""
    return " ".join(_prop_parts(element, skip)) or "-"


def _prop_parts(element: etree._Element | None, skip: tuple[str, ...] = ("pStyle", "rStyle")) -> list[str]:
    if element is None:
        return []
    parts = []
    tags = {_local(c.tag) for c in element if isinstance(c.tag, str)}
    for child in element:
        tag = _local(child.tag)
        if tag in skip or "rsid" in tag or not isinstance(child.tag, str):
            continue
        if tag in ("bCs", "iCs", "szCs") and tag[:-2] in tags:
            continue  # the complex-script twin of b, i, sz says the same
        values = [f"{_local(k)}={v}" for k, v in sorted(child.attrib.items()) if "rsid" not in k]
        if tag == "rFonts" and len({v.split("=", 1)[1] for v in values}) == 1:
            values = [values[0].split("=", 1)[1]]  # one font for every script
        values = [v[4:] if v.startswith("val=") else v for v in values]
        inner = _props(child, ()) if len(child) else ""
        parts.append(tag + (f"({','.join(values)})" if values else "") + (f"[{inner}]" if inner else ""))
    return parts


_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _paragraph_line(
    paragraph: etree._Element, links: dict[str, str], style_props: dict[str, list[str]]
) -> str:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    name = style.get(f"{_W}val") if style is not None else "Normal"
    # a direct property that repeats the style's says nothing
    inherited = style_props.get(name, [])
    if not any(p.startswith("ind(") for p in inherited):
        inherited = [*inherited, _NO_INDENT]
    own = " ".join(_changed(_prop_parts(paragraph.find(f"{_W}pPr")), inherited)) or "-"
    line = f"[{name}] " + (f"{own} :: " if own != "-" else "")
    current = "-"
    for run in paragraph.iter(f"{_W}r"):
        parent = run.getparent()
        if parent is not None and _local(parent.tag) == "hyperlink" and run is parent.find(f"{_W}r"):
            line += f"<{links.get(parent.get(f'{_R}id') or '', parent.get(f'{_W}anchor') or '?')}>"
        run_style = run.find(f"{_W}rPr/{_W}rStyle")
        props = _props(run.find(f"{_W}rPr"))
        if run_style is not None:
            props = f"{run_style.get(f'{_W}val')} {props}"
        if props != current:
            line += f"{{{props.removesuffix(' -')}}}"
            current = props
        for child in run:
            tag = _local(child.tag) if isinstance(child.tag, str) else ""
            if tag == "t":
                line += child.text or ""
            elif tag == "tab":
                line += "\\t"
            elif tag == "br":
                line += "\\n"
    return line
