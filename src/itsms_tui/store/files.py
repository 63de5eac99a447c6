"""Atomic writes of files other than the data file (snapshot exports, preferences)."""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path

from itsms_tui.store.storage import _fsync_directory

PRIVATE_MODE = 0o600
"""The mode of an export when there is no data file to take one from (e.g. ``--demo``)."""


def write_file_atomically(path: Path, payload: bytes, *, mode: int = 0o644) -> None:
    """Write ``payload`` to ``path`` via a temp file + fsync + rename: never a torn file.

    An existing file's permission bits are kept; a new one gets ``mode`` (umask aside).
    Every ``OSError`` names ``path``, the file the user asked for, never the temp file
    (a full disk or a file-size limit hits the temp file first).
    """
    try:
        _write(path, payload, mode)
    except OSError as exc:
        if exc.filename == str(path) or exc.errno is None:
            raise
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from exc


def _write(path: Path, payload: bytes, mode: int) -> None:
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise FileNotFoundError(2, f"folder {directory} does not exist", str(path))
    try:
        keep = os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        keep = mode & ~umask
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
        os.fchmod(fd, keep)
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(temp, path)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        with suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_directory(directory)
