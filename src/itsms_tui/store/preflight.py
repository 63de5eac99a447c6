"""The cheap part of opening a data file, done before the TUI paints its first frame.

Opening a large file (decoding 15 MB of JSON, validating 50,000 records) takes seconds,
so the TUI does it in a worker after its first frame. What would make the command line
end at once with exit code 2 and one line on stderr (no such file, not a regular file,
no permission, not valid JSON, a byte order mark, an unknown schema version, a
truncated file) is still found here, before the UI, without reading the whole file:

- a file up to ``FULL_CHECK_BYTES`` is decoded and checked whole (that is cheap);
- a larger one is read at both ends: its head must be the ``_meta`` document this
  program writes first, with the schema version it reads, and its last byte must
  close the top-level object (a truncated file does not).

Whenever either end looks wrong, the file is opened the ordinary way, so the message
is exactly the one every other command gives. What only a full read can find (a
record that does not validate, damage in the middle of a large file) is reported by
the worker: the TUI then shows it, and exits 2 with the same line once it closes.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from itsms_tui.store.schema import SCHEMA_VERSION
from itsms_tui.store.storage import DataFileStorage

FULL_CHECK_BYTES = 1_000_000
"""Files up to this size are decoded whole before the UI (a few milliseconds)."""

HEAD_BYTES = 256
TAIL_BYTES = 64

_HEAD = re.compile(
    rb'\A\s*\{\s*"_meta"\s*:\s*\{\s*"1"\s*:\s*\{\s*"schema_version"\s*:\s*(\d{1,9})\s*\}\s*\}\s*,'
)


def looks_whole(head: bytes, tail: bytes) -> bool:
    """Whether a file's first and last bytes are those of a data file this program wrote."""
    found = _HEAD.match(head)
    if found is None or int(found.group(1)) != SCHEMA_VERSION:
        return False
    return tail.rstrip().endswith(b"}")


def preflight(path: Path) -> None:
    """Raise ``DataFileError`` (the message every command gives) for a file that cannot be
    opened, as far as that can be told cheaply; a missing file is a store not yet created."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return
    except OSError:
        _open_fully(path)  # no permission, a loop of links...: its own message
        return
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size <= FULL_CHECK_BYTES:
            whole = False
        else:
            head = os.pread(fd, HEAD_BYTES, 0)
            tail = os.pread(fd, TAIL_BYTES, st.st_size - TAIL_BYTES)
            whole = looks_whole(head, tail)
    finally:
        os.close(fd)
    if not whole:
        _open_fully(path)


def _open_fully(path: Path) -> None:
    """Decode and check the file the way opening it does; raises what that raises."""
    DataFileStorage(path, read_only=True).close()
