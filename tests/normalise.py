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


def docx_xml(data: bytes) -> str:
    """The document, header and footer XML pretty-printed without rsids, plus a style outline."""
    out: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in sorted(n for n in archive.namelist() if _DOCX_PARTS.search(n)):
            root = etree.fromstring(archive.read(name))
            for element in root.iter():
                for attr in [a for a in element.attrib if "rsid" in a]:
                    del element.attrib[attr]
            if name == "word/document.xml":
                out.append("=== outline")
                out.extend(_outline(root))
            out.append(f"=== {name}")
            out.append(etree.tostring(root, pretty_print=True, encoding="unicode"))
    return "\n".join(out)


def _outline(root: etree._Element) -> list[str]:
    lines = []
    for para in root.iter(f"{_W}p"):
        style = para.find(f"{_W}pPr/{_W}pStyle")
        name = style.get(f"{_W}val") if style is not None else "Normal"
        text = "".join(t.text or "" for t in para.iter(f"{_W}t"))
        lines.append(f"[{name}] {text}")
    return lines


def docx_text(data: bytes) -> str:
    """All paragraph text of the document body, one paragraph per line."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return "\n".join("".join(t.text or "" for t in p.iter(f"{_W}t")) for p in root.iter(f"{_W}p"))
