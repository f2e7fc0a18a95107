"""Embed the theme's fonts in a Word file, as Word's "Embed fonts in the file" does.

A reader rarely has Source Sans 3 or Gentium Book Plus installed; without them Word and
LibreOffice substitute other fonts, and a one-page CV opens as two pages. So every DOCX
tailor writes carries its fonts, per ECMA-376 Part 1, 17.8.1 (font embedding):

- each face (regular, bold, italic, bold italic) of each font family the theme names, subset
  to the characters the document uses plus printable ASCII (so that small edits still render),
  as ``word/fonts/<family>-<face>.odttf``;
- *obfuscated*: the first 32 bytes XOR a key made from the part's GUID (``w:fontKey``);
- referenced from ``word/fontTable.xml`` (``w:embedRegular`` ...), with ``w:embedTrueTypeFonts``
  and ``w:saveSubsetFonts`` in ``word/settings.xml``.

Subsetting uses fontTools (lazily imported). Everything is deterministic: the subset keeps the
font's own timestamps, and each key is derived from the subset's bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Mapping

from tailor.render.font_subsets import (
    ASCII,
    PREBUILT_CHARS,
    EmbeddedFace,
    face_bytes,
    obfuscate,
    obfuscated_face,
    prebuilt_subset,
    subset_font,
)

__all__ = [
    "PREBUILT_CHARS",
    "EmbeddedFace",
    "embed_fonts",
    "face_bytes",
    "obfuscate",
    "prebuilt_subset",
    "subset_font",
]


FACES = ("regular", "bold", "italic", "bold_italic")
_EMBED_TAG = {
    "regular": "embedRegular",
    "bold": "embedBold",
    "italic": "embedItalic",
    "bold_italic": "embedBoldItalic",
}
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
ODTTF = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
_SETTINGS_BEFORE = (
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
)
"""Settings elements that come before ``w:embedTrueTypeFonts`` in the schema's sequence."""
_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}


def _characters(package: zipfile.ZipFile) -> frozenset[str]:
    chars: set[str] = set(ASCII)
    for name in package.namelist():
        if name.startswith("word/") and name.endswith(".xml"):
            xml = package.read(name).decode("utf-8")
            for match in _TEXT.finditer(xml):
                text = match.group(1)
                for entity, char in _ENTITIES.items():
                    text = text.replace(entity, char)
                chars.update(text)
    return frozenset(chars)


def _named_families(package: zipfile.ZipFile) -> set[str]:
    """Font family names the document's styles, text and font table use."""
    names: set[str] = set()
    for part in ("word/fontTable.xml", "word/styles.xml", "word/document.xml"):
        if part in package.namelist():
            xml = package.read(part).decode("utf-8")
            names.update(re.findall(r'w:(?:name|ascii|hAnsi|cs|eastAsia)="([^"]+)"', xml))
    return names


def _slug(family: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "", family) or "font"


def _faces(
    families: Mapping[str, Mapping[str, str]], characters: frozenset[str]
) -> dict[str, dict[str, EmbeddedFace]]:
    if characters <= PREBUILT_CHARS:
        characters = PREBUILT_CHARS  # the prebuilt subsets: one cache entry for every such document
    out: dict[str, dict[str, EmbeddedFace]] = {}
    for family, paths in families.items():
        faces: dict[str, EmbeddedFace] = {}
        for face in FACES:
            path = paths.get(face)
            if not path:
                continue
            ready = obfuscated_face(path, characters)  # once per process: a batch embeds them again and again
            part = f"word/fonts/{_slug(family)}-{face.replace('_', '')}.odttf"
            faces[face] = EmbeddedFace(part, ready.key, ready.data)
        out[family] = faces
    return out


def _font_table(xml: str, faces: Mapping[str, Mapping[str, EmbeddedFace]], ids: Mapping[str, str]) -> str:
    from lxml import etree

    if f'xmlns:r="{R}"' not in xml:
        xml = re.sub(r"<w:fonts\b", f'<w:fonts xmlns:r="{R}"', xml, count=1)
    root = etree.fromstring(xml.encode("utf-8"))
    for family, by_face in faces.items():
        font = next((f for f in root.findall(f"{{{W}}}font") if f.get(f"{{{W}}}name") == family), None)
        if font is None:
            font = etree.SubElement(root, f"{{{W}}}font")
            font.set(f"{{{W}}}name", family)
        for old in [child for child in font if etree.QName(child).localname.startswith("embed")]:
            font.remove(old)
        for face, embedded in by_face.items():
            element = etree.SubElement(font, f"{{{W}}}{_EMBED_TAG[face]}")
            element.set(f"{{{R}}}id", ids[embedded.part])
            element.set(f"{{{W}}}fontKey", embedded.key)
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data.decode("utf-8")


def _font_rels(faces: Iterable[EmbeddedFace]) -> tuple[str, dict[str, str]]:
    ids: dict[str, str] = {}
    rows = []
    for number, face in enumerate(faces, 1):
        ids[face.part] = f"rId{number}"
        target = face.part.removeprefix("word/")
        rows.append(f'<Relationship Id="rId{number}" Type="{FONT_REL}" Target="{target}"/>')
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rows)
        + "</Relationships>"
    )
    return xml, ids


def _settings(xml: str) -> str:
    if "<w:embedTrueTypeFonts" in xml:
        return xml
    flags = "<w:embedTrueTypeFonts/><w:saveSubsetFonts/>"
    last_end = None
    for name in _SETTINGS_BEFORE:
        for match in re.finditer(rf"<w:{name}\b[^>]*?(?:/>|>.*?</w:{name}>)", xml, re.DOTALL):
            last_end = match.end() if last_end is None else max(last_end, match.end())
    if last_end is None:
        opening = re.search(r"<w:settings\b[^>]*>", xml)
        if opening is None:
            return xml
        last_end = opening.end()
    return xml[:last_end] + flags + xml[last_end:]


def _content_types(xml: str) -> str:
    if 'Extension="odttf"' in xml:
        return xml
    default = f'<Default Extension="odttf" ContentType="{ODTTF}"/>'
    return re.sub(r"(<Types\b[^>]*>)", r"\1" + default, xml, count=1)


def embed_fonts(docx: bytes, families: Mapping[str, Mapping[str, str]]) -> bytes:
    """``docx`` with the given font families embedded.

    Args:
        docx: A Word package.
        families: Family name as the document names it ("Source Sans 3") -> face -> TTF path.

    Returns:
        The package with the fonts embedded (entries in the original order, font parts last).
    """
    source = zipfile.ZipFile(io.BytesIO(docx))
    with source:
        names = source.namelist()
        if "word/fontTable.xml" not in names:
            return docx
        named = _named_families(source)
        used = {family: paths for family, paths in families.items() if family in named}
        if not used:
            return docx
        faces = _faces(used, _characters(source))
        embedded = [face for by_face in faces.values() for face in by_face.values()]
        rels, ids = _font_rels(embedded)
        replaced = {
            "word/fontTable.xml": _font_table(source.read("word/fontTable.xml").decode("utf-8"), faces, ids),
            "[Content_Types].xml": _content_types(source.read("[Content_Types].xml").decode("utf-8")),
        }
        if "word/settings.xml" in names:
            replaced["word/settings.xml"] = _settings(source.read("word/settings.xml").decode("utf-8"))
        buffer = io.BytesIO()
        # Stored: the caller re-packs the package once, compressing every part (see _normalised_zip).
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as target:
            for name in names:
                if name in ("word/_rels/fontTable.xml.rels",) or name.startswith("word/fonts/"):
                    continue
                data = replaced[name].encode("utf-8") if name in replaced else source.read(name)
                target.writestr(name, data)
            target.writestr("word/_rels/fontTable.xml.rels", rels.encode("utf-8"))
            for face in embedded:
                target.writestr(face.part, face.data)
    return buffer.getvalue()
