"""syrupy extensions that store normalised documents as readable text files."""

from __future__ import annotations

from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode


class TextSnapshot(SingleFileSnapshotExtension):
    """One UTF-8 text file per snapshot under tests/__snapshots__/."""

    _write_mode = WriteMode.TEXT
    file_extension = "txt"
