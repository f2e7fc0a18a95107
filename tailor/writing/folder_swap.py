"""Replace an output folder as a whole: a reader sees the old set of files or the new one, never a mix.

Every file is written into a scratch folder beside the target (``.<name>.tailor-new-*``); files of
the old folder that this write does not replace are hard-linked in; the scratch folder is renamed
``.<name>.tailor-ready-*`` once complete and then swapped with the target in one step (Linux
``renameat2(RENAME_EXCHANGE)``; elsewhere two renames, the target missing for a moment in between).
A failure before the swap (disk full, a file that cannot be written, Ctrl-C) removes the scratch
folder and leaves the old one untouched. After a kill (SIGKILL, power loss) the next write into the
same parent finds the leftovers and finishes or undoes the swap: a ready folder is complete, a new
one is not.

Writers to one parent folder take an OS lock on it (``flock``), so concurrent builds into one folder
run one after another and the second sees the first's files (and refuses without ``--force``).

A folder that holds subfolders, or the current directory or one of its parents, is not swapped
(renaming it would move the user's other things or pull the shell's directory away): its files
are all staged beside the targets first and then renamed into place one by one.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from tailor.errors import OutputError

__all__ = ["LOCK_WAIT_SECONDS", "recover", "replace_folder"]

LOCK_WAIT_SECONDS = 60.0
"""How long a writer waits for another one writing into the same folder before giving up."""
_NEW, _READY, _OLD = ".tailor-new-", ".tailor-ready-", ".tailor-old-"
_KINDS = (_NEW, _READY, _OLD)
_RENAME_EXCHANGE = 2

WriteFile = Callable[[Path, bytes], None]


def _write_file(path: Path, data: bytes) -> None:
    with path.open("xb") as handle:
        handle.write(data)
    path.chmod(0o644)


def replace_folder(
    folder: Path, files: dict[str, bytes], *, write: WriteFile | None = None, locked: bool = True
) -> None:
    """Make ``folder`` hold ``files`` (names relative to it) plus its other existing files, atomically.

    ``write`` writes one new file (by default :func:`_write_file`; tests inject failures here).

    Raises:
        OutputError: Something could not be written; the folder is as it was (the message says so).
    """
    write = write or _write_file
    with _lock(folder.parent) if locked else contextlib.nullcontext():
        recover(folder)
        if _swappable(folder):
            _swap_in(folder, files, write)
        else:
            _replace_files(folder, files, write)


@contextlib.contextmanager
def lock_parent(folder: Path) -> Iterator[None]:
    """Hold the write lock of ``folder``'s parent (for a check and a write that must not interleave)."""
    with _lock(folder.parent):
        yield


def _swappable(folder: Path) -> bool:
    if not folder.exists():
        return True
    if not folder.is_dir() or folder.is_symlink():
        return False
    cwd = Path.cwd().resolve()
    resolved = folder.resolve()
    if resolved == cwd or resolved in cwd.parents:
        return False
    return all(entry.is_file() and not entry.is_symlink() for entry in folder.iterdir())


def _swap_in(folder: Path, files: dict[str, bytes], write: WriteFile) -> None:
    parent = folder.parent
    scratch = Path(tempfile.mkdtemp(dir=parent, prefix=f".{folder.name}{_NEW}"))
    old: Path | None = None
    try:
        for name, data in files.items():
            target = scratch / name
            target.parent.mkdir(parents=True, exist_ok=True)
            write(target, data)
        if folder.exists():
            for entry in folder.iterdir():
                if entry.name not in files:
                    _link_or_copy(entry, scratch / entry.name)
        scratch.chmod(0o755)
        ready = parent / scratch.name.replace(_NEW, _READY, 1)
        scratch.rename(ready)
        scratch = ready
        if not folder.exists():
            ready.rename(folder)
            return
        if _exchange(ready, folder):
            shutil.rmtree(ready, ignore_errors=True)  # holds the old files now
            return
        old = parent / scratch.name.replace(_READY, _OLD, 1)
        folder.rename(old)
        ready.rename(folder)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException as err:
        if old is not None and old.exists() and not folder.exists():
            old.rename(folder)  # undo the first of two renames
        shutil.rmtree(scratch, ignore_errors=True)
        if isinstance(err, OSError):
            raise _unchanged(folder, err) from err
        raise


def _replace_files(folder: Path, files: dict[str, bytes], write: WriteFile) -> None:
    """All files staged beside their targets first, then renamed into place (not one folder swap)."""
    staged: list[tuple[Path, Path]] = []
    try:
        for name, data in files.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, name_tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            os.close(fd)
            tmp = Path(name_tmp)
            tmp.unlink()
            staged.append((tmp, target))
            write(tmp, data)
    except BaseException as err:
        for path, _ in staged:
            path.unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise _unchanged(folder, err) from err
        raise
    for path, target in staged:
        path.replace(target)


def _unchanged(folder: Path, err: OSError) -> OutputError:
    where = f" {err.filename}" if err.filename else ""
    reason = err.strerror or str(err)
    msg = f"cannot write{where}: {reason}; nothing in {folder} was changed"
    if err.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return OutputError(msg, hint="free some disk space, or pass --out DIR on another disk")
    return OutputError(msg, hint="check that the folder is writable")


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step where the OS can (Linux); False where it cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_cwd = -100
    done = renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), _RENAME_EXCHANGE)
    return bool(done == 0)


def recover(folder: Path) -> None:
    """Finish or undo a swap into ``folder`` that a kill interrupted, and remove scratch folders.

    With the folder present every leftover is stale (an unfinished new set or the old set after a
    swap); with it missing, a complete (ready) set is renamed in, else the old set is put back.
    """
    parent = folder.parent
    if not parent.is_dir():
        return
    prefix = f".{folder.name}"
    leftovers = sorted(
        entry for entry in parent.iterdir() if entry.name.startswith(prefix) and entry.is_dir()
    )
    kinds = {
        kind: [e for e in leftovers if e.name.startswith(prefix + kind)] for kind in (_NEW, _READY, _OLD)
    }
    if not folder.exists():
        for kind in (_READY, _OLD):
            if kinds[kind]:
                kinds[kind].pop().rename(folder)
                break
    for entries in kinds.values():
        for entry in entries:
            shutil.rmtree(entry, ignore_errors=True)


@contextlib.contextmanager
def _lock(parent: Path) -> Iterator[None]:
    """An exclusive ``flock`` on the parent folder, waited for up to :data:`LOCK_WAIT_SECONDS`."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; writes stay atomic, not serialised
        yield
        return
    try:
        parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(parent, os.O_RDONLY)
    except OSError as err:
        blocker = next((p for p in (parent, *parent.parents) if p.exists() and not p.is_dir()), None)
        if blocker is not None:
            msg = f"cannot write into {parent}: {blocker} is a file, not a folder"
            raise OutputError(msg, hint="move that file away, or pass --out DIR") from err
        msg = f"cannot write into {parent}: {err.strerror}"
        raise OutputError(msg, hint="check that the folder exists and is writable") from err
    try:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    msg = f"another tailor has been writing into {parent} for {LOCK_WAIT_SECONDS:.0f} s"
                    raise OutputError(msg, hint="wait for it to finish, or pass --out DIR") from None
                time.sleep(0.02)
        yield
    finally:
        os.close(fd)
