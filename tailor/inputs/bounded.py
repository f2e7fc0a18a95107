"""Read an input file without trusting its size: at most a limit plus one byte, regular files only.

``/dev/zero`` as a profile, a FIFO that never ends or a 20 GB file are refused before they are read
whole: the caller turns :class:`InputRefused` into its own located error (exit code 2).
"""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from tailor.errors import TailorError

__all__ = ["InputRefused", "check_zip", "read_input", "read_limited", "read_stream_limited"]


class InputRefused(Exception):
    """Why an input was not read: not a regular file, or larger than the limit."""

    def __init__(self, message: str, hint: str, size: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.size = size
        """The file's size in bytes when it was refused for being too large and the size is known."""


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.0f} MB" if size >= 1_000_000 else f"{size // 1000} KB"


def read_limited(path: Path, limit: int, what: str) -> bytes:
    """The file's bytes, refusing devices, FIFOs and anything over ``limit`` bytes.

    Raises:
        InputRefused: Not a regular file, or too large (the message names ``what`` and the limit).
        OSError: The file cannot be opened or read (the caller reports it as it always has).
    """
    path = Path(path)
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        kind = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file (a device or pipe)"
        msg = f"is {kind}"
        raise InputRefused(msg, f"pass the {what} file itself")
    if info.st_size > limit:
        msg = f"{info.st_size / 1e6:.1f} MB is too large for a {what} (at most {_megabytes(limit)})"
        raise InputRefused(msg, f"give the {what} itself (a {what} is a few kilobytes of text)", info.st_size)
    with path.open("rb") as handle:
        return read_stream_limited(handle, limit, what)


def read_input(
    path: Path,
    limit: int,
    what: str,
    error: Callable[[str, str | None], TailorError],
    unreadable_hint: str,
    check: Callable[[bytes, str], None] | None = None,
) -> bytes:
    """:func:`read_limited` (then ``check(data, what)``, e.g. :func:`check_zip`), failures as ``error``.

    Raises:
        TailorError: ``error(message naming path, hint)`` when refused or unreadable.
    """
    try:
        data = read_limited(path, limit, what)
        if check is not None:
            check(data, what)
    except InputRefused as err:
        msg = f"{path}: {err.message}"
        raise error(msg, err.hint) from err
    except OSError as err:
        msg = f"{path}: cannot be read ({err.strerror})"
        raise error(msg, unreadable_hint) from err
    return data


def read_stream_limited(handle: BinaryIO, limit: int, what: str) -> bytes:
    """At most ``limit`` bytes of a stream (standard input), refusing more.

    Raises:
        InputRefused: The stream holds more than ``limit`` bytes.
    """
    data = handle.read(limit + 1)
    if len(data) > limit:
        msg = f"is larger than {_megabytes(limit)}, the most a {what} may be"
        raise InputRefused(msg, f"give the {what} itself (a {what} is a few kilobytes of text)")
    return data


MAX_ZIP_BYTES = 50_000_000
"""Uncompressed bytes a Word file may hold (a CV with photos holds a few MB)."""
MAX_ZIP_ENTRIES = 2_000
"""Parts a Word file may hold (a CV has a few dozen)."""


def check_zip(data: bytes, what: str) -> None:
    """Refuse a zip package (a .docx) whose parts would inflate past :data:`MAX_ZIP_BYTES` in total,
    or that has more than :data:`MAX_ZIP_ENTRIES` parts, before any part is read.

    Python's ``zipfile`` never inflates a part past its declared size, so the declared sizes bound
    what reading the package can cost. A file that is not a zip is left to the reader to report.

    Raises:
        InputRefused: Too large once inflated, or too many parts.
    """
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            entries = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    if len(entries) > MAX_ZIP_ENTRIES:
        msg = f"holds {len(entries):,} parts; a {what} has a few dozen (at most {MAX_ZIP_ENTRIES:,})"
        raise InputRefused(msg, f"save the {what} again from Word, or export it as PDF")
    total = sum(entry.file_size for entry in entries)
    if total > MAX_ZIP_BYTES:
        msg = (
            f"would inflate to {total / 1e6:,.0f} MB; a {what} may hold at most "
            f"{_megabytes(MAX_ZIP_BYTES)} uncompressed"
        )
        raise InputRefused(msg, f"save the {what} again without large images, or export it as PDF")
