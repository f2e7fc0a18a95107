"""Read an input file without trusting its size: at most a limit plus one byte, regular files only.

``/dev/zero`` as a profile, a FIFO that never ends or a 20 GB file are refused before they are read
whole: the caller turns :class:`InputRefused` into its own located error (exit code 2).
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import BinaryIO

__all__ = ["InputRefused", "read_limited", "read_stream_limited"]


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
