"""Font faces ready to embed in a Word file: subset to the characters used, obfuscated as ECMA-376 asks."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ASCII = frozenset(chr(code) for code in range(0x20, 0x7F))


def _chars(*ranges: tuple[int, int]) -> frozenset[str]:
    return frozenset(chr(code) for start, end in ranges for code in range(start, end + 1))


PREBUILT_CHARS = _chars(
    (0x20, 0x7E),  # Basic Latin
    (0xA0, 0x24F),  # Latin-1, Latin Extended-A and -B: Łódź, Đào, Čapek
    (0x1E00, 0x1EFF),  # Latin Extended Additional: Vietnamese (Cường)
    (0x2010, 0x2027),  # dashes, quotes, bullet, ellipsis
    (0x2030, 0x203A),
    (0x20AC, 0x20AC),  # euro
    (0x2122, 0x2122),
    (0x2190, 0x2193),  # arrows
    (0x2212, 0x2212),  # minus
)
"""The characters of the bundled fonts' prebuilt subsets (``fonts/<family>/<face>.subset``, TTF bytes):
a document whose characters all fall in it embeds those files as they are, without fontTools."""


@dataclass(frozen=True)
class EmbeddedFace:
    """One embedded face: its part name, GUID key and obfuscated bytes."""

    part: str
    key: str
    data: bytes


LAYOUT_FEATURES = ["kern", "liga", "clig", "calt", "ccmp", "locl", "mark", "mkmk"]


@lru_cache(maxsize=32)
def obfuscated_face(path: str, characters: frozenset[str]) -> EmbeddedFace:
    data = face_bytes(path, characters)
    key = _guid(data)
    return EmbeddedFace("", key, obfuscate(data, key))


@lru_cache(maxsize=64)
def subset_font(path: str, characters: frozenset[str]) -> bytes:
    """The TTF at ``path`` cut down to ``characters`` (names, kerning and ligatures kept, hinting
    dropped: screens and printers render the outlines well without it)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.layout_features = LAYOUT_FEATURES
    options.notdef_outline = True
    options.recalc_timestamp = False
    options.hinting = False
    options.drop_tables += ["Silf", "Sill", "Silt", "Glat", "Gloc", "Feat"]  # Graphite: Word reads OpenType
    font = TTFont(path, recalcTimestamp=False, lazy=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(char) for char in characters))
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    data: bytes = buffer.getvalue()
    return data


def prebuilt_subset(path: str) -> Path:
    """Where the prebuilt subset of a bundled font lives (beside the font)."""
    font = Path(path)
    return font.with_name(f"{font.stem}.subset")


def face_bytes(path: str, characters: frozenset[str]) -> bytes:
    """The font to embed for ``characters``: the prebuilt subset when it covers them, else a subset
    made now (a theme's own font, or a character outside :data:`PREBUILT_CHARS`)."""
    if characters <= PREBUILT_CHARS:
        ready = prebuilt_subset(path)
        if ready.is_file():
            return ready.read_bytes()
    return subset_font(path, characters)


def _guid(data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()[:32].upper()
    return f"{{{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:]}}}"


def obfuscate(data: bytes, guid: str) -> bytes:
    """ECMA-376 font obfuscation: XOR the first 32 bytes with the GUID's 16 bytes, reversed."""
    key = bytes.fromhex(guid.strip("{}").replace("-", ""))[::-1]
    head = bytes(byte ^ key[index % 16] for index, byte in enumerate(data[:32]))
    return head + data[32:]
