"""Writing output files: safe names, no silent overwrites, atomic replacement."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from tailor.errors import OutputError

__all__ = ["application_folder", "slugify", "write_all", "write_folder"]


def slugify(text: str, fallback: str = "untitled") -> str:
    """A lower-case ASCII slug safe as a single path component (no ``/``, ``..`` or dots)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:60].strip("-")
    return slug or fallback


def application_folder(company: str | None, role: str | None, out_root: Path) -> Path:
    """``out_root/<company>-<role>``: where an application's documents go by default."""
    return out_root / f"{slugify(company or '', 'company')}-{slugify(role or '', 'role')}"


def write_all(files: dict[Path, bytes], *, force: bool) -> list[Path]:
    """Write every file atomically, refusing to replace different content unless ``force``.

    All conflicts are checked before anything is written, so a refused build
    leaves nothing half-written.

    Returns:
        The paths whose content changed (identical files are left untouched).

    Raises:
        OutputError: Some files exist with different content and ``force`` is off.
    """
    changed = [path for path, data in files.items() if not _same(path, data)]
    conflicts = [path for path in changed if path.exists()]
    if conflicts and not force:
        names = ", ".join(str(p) for p in conflicts)
        msg = f"would overwrite existing files with different content: {names}"
        raise OutputError(
            msg,
            hint="pass --force to replace them, or --out DIR to write elsewhere",
        )
    for path in changed:
        _atomic_write(path, files[path])
    return changed


def write_folder(folder: Path, files: dict[Path, bytes], *, force: bool) -> list[Path]:
    """Write an application's files into ``folder`` as one change (see :mod:`tailor.writing.folder_swap`).

    Under the folder's write lock: a swap a kill interrupted is finished or undone, conflicts are
    checked (a different existing file is replaced only with ``force``), and the changed files are
    swapped in with the folder's other files, all at once. Nothing is written when nothing changed.

    Returns:
        The paths whose content changed.

    Raises:
        OutputError: Different files exist and ``force`` is off, or writing failed (the folder is
            then as it was, and the message says so).
    """
    from tailor.writing import folder_swap

    outside = [path for path in files if path.parent != folder]
    if outside:  # a caller's bug, not the user's: every file of an application is in its folder
        msg = f"{outside[0]} is not directly in {folder}"
        raise ValueError(msg)
    with folder_swap.lock_parent(folder):
        folder_swap.recover(folder)
        changed = [path for path, data in files.items() if not _same(path, data)]
        conflicts = [path for path in changed if path.exists()]
        if conflicts and not force:
            names = ", ".join(str(p) for p in conflicts)
            msg = f"would overwrite existing files with different content: {names}"
            raise OutputError(msg, hint="pass --force to replace them, or --out DIR to write elsewhere")
        if changed:
            folder_swap.replace_folder(folder, {p.name: files[p] for p in changed}, locked=False)
    return changed


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() == data
    except OSError:
        return False


def _atomic_write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            Path(tmp).chmod(0o644)
            Path(tmp).replace(path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as err:
        msg = f"cannot write {path}: {err.strerror}"
        raise OutputError(msg, hint="check the folder exists and is writable") from err
