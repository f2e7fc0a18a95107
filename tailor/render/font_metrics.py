"""The bundled fonts' parsed tables, prebuilt, so that a run does not parse the TrueType files again.

reportlab reads a TTF file's character map, widths and glyph offsets in Python
(~8 ms a face; a theme registers four). For each bundled face,
``tailor/fonts/<family>/<face>.metrics`` keeps what reportlab's parser leaves on
the face, made by ``python -m tailor._prebuilt`` with the reportlab version it
was made with and the SHA-256 of the font file. :func:`prebuilt_font` restores
a face from it when both still match, and returns None otherwise (the caller
then parses the file as usual), so a stale file only costs time.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import zlib
from pathlib import Path
from typing import Any

__all__ = ["face_state", "metrics_path", "prebuilt_font", "prebuilt_metrics"]

_NAMES = ("name", "familyName", "styleName", "fullName", "uniqueFontID")
"""Face attributes reportlab keeps as TTFNameBytes (stored as their text)."""
_NOT_STORED = ("_ttf_data", "_pdfScale", "filename")
"""Face attributes restored from the file itself: its bytes, the scale function, its path."""


def metrics_path(font: Path) -> Path:
    """Where the prebuilt metrics of a bundled TTF file live."""
    return font.with_suffix(".metrics")


def face_state(font: Any) -> dict[str, Any]:
    """What reportlab's parser left on a TTFont's face, as plain data."""
    state = {key: value for key, value in vars(font.face).items() if key not in _NOT_STORED}
    for key in _NAMES:
        state[key] = state[key].ustr
    return state


def prebuilt_metrics(font: Any, data: bytes) -> bytes:
    """The ``.metrics`` file of a TTFont parsed from the file ``data``."""
    import reportlab

    record = {
        "reportlab": reportlab.Version,
        "sha256": hashlib.sha256(data).hexdigest(),
        "face": face_state(font),
    }
    return zlib.compress(pickle.dumps(record, protocol=4), 9)


class _PlainUnpickler(pickle.Unpickler):
    """Reads plain data only (dicts, lists, tuples, numbers, strings, bytes): no classes."""

    def find_class(self, module: str, name: str) -> Any:
        msg = f"unexpected {module}.{name} in a font metrics file"
        raise pickle.UnpicklingError(msg)


def prebuilt_font(name: str, path: str) -> Any:
    """The TTFont reportlab would make of ``path``, restored from its prebuilt metrics; None if unusable."""
    import reportlab

    try:
        record = _PlainUnpickler(io.BytesIO(zlib.decompress(metrics_path(Path(path)).read_bytes()))).load()
        data = Path(path).read_bytes()
    except (OSError, zlib.error, pickle.UnpicklingError, EOFError):
        return None
    if not isinstance(record, dict) or record.get("reportlab") != reportlab.Version:
        return None
    if record.get("sha256") != hashlib.sha256(data).hexdigest():
        return None
    return _restore(name, path, data, record["face"])


def _restore(name: str, path: str, data: bytes, state: dict[str, Any]) -> Any:
    """What ``TTFont(name, path)`` builds, with the face's tables taken from ``state``."""
    from fnmatch import fnmatch
    from weakref import WeakKeyDictionary

    from reportlab import rl_config
    from reportlab.pdfbase import ttfonts
    from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(state)
    for key in _NAMES:
        setattr(face, key, TTFNameBytes(state[key].encode("utf-8")))
    face.filename, face._ttf_data, face._pdfScale = path, data, _scale(face.unitsPerEm)
    font = TTFont.__new__(TTFont)
    font.fontName, font.face, font.encoding = name, face, TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in ttfonts.unShapedFontGlob)
    return font


def _scale(units_per_em: int) -> Any:
    """reportlab's font units -> 1/1000 em conversion, computed as its parser does."""
    if units_per_em == 1000:
        return lambda x: x
    mult = 1000 / units_per_em
    return lambda x: x * mult
