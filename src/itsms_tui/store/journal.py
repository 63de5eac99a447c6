"""The journal beside a large data file: committed changes, appended, replayed by readers.

Rewriting a large data file on every save costs what the data set costs; appending
the change costs what the change costs. So, once the data file is large
(``JOURNAL_MIN_DATA_BYTES``), a save appends its change to ``<data file>.journal``
and fsyncs it, and every reader applies the journal on top of the data file. When the
journal has grown past a share of the data file (``needs_compaction``), the next save
writes the whole state into the data file the usual way (temporary file, fsync,
atomic replace, backup) and removes the journal: like SQLite's WAL checkpoint or
Redis' AOF rewrite. The data file stays a plain TinyDB JSON document; ``cat`` and
``tinydb`` read it, without the changes still in the journal.

Format (bytes, one line each, every line ends with ``\\n``)::

    itsms-tui journal 1 <size> <crc32>      header: the data file it belongs to
    <crc32> <change>                        one committed transaction
    ...

``<size>`` is the data file's length in bytes and ``<crc32>`` (8 lower-case hex
digits) the CRC-32 of its bytes: the journal's epoch. A journal whose header does not
match the data file (the file was restored, replaced or edited, or a compaction was
interrupted between replacing the data file and removing the journal) is ignored,
and the next save replaces it. ``<change>`` is one JSON object::

    {"drop": [table, ...], "del": {table: [doc_id, ...]}, "put": {table: {doc_id: doc}}}

applied in that order; its line starts with the CRC-32 of the JSON bytes. Reading
stops at the first line that is incomplete (no newline) or fails its checksum: a torn
tail (a save killed while appending, never acknowledged) is ignored, and the next
save cuts it off before appending. A save appends its line with one write, under the
data file's exclusive lock, and fsyncs before returning; readers take no lock.
"""

from __future__ import annotations

import zlib
from typing import Any, NamedTuple

import orjson

JOURNAL_FORMAT = 1
"""The journal layout this program writes and reads."""

JOURNAL_MIN_DATA_BYTES = 1 << 20
"""Data files smaller than this are rewritten whole on each save (cheap, and simplest)."""

_HEADER_PREFIX = b"itsms-tui journal "


class Change(NamedTuple):
    """One transaction's change, as stored in a journal line."""

    dropped: list[str]
    deleted: dict[str, list[str]]
    put: dict[str, dict[str, Any]]


def data_crc(raw: bytes) -> int:
    """The CRC-32 of a data file's bytes (with its size, the journal's epoch)."""
    return zlib.crc32(raw)


def header(data_size: int, crc: int) -> bytes:
    """The first line of a journal that belongs to the data file of this size and CRC."""
    return b"%s%d %d %08x\n" % (_HEADER_PREFIX, JOURNAL_FORMAT, data_size, crc)


def record(change_json: bytes) -> bytes:
    """One journal line holding ``change_json`` (a JSON object, no newline)."""
    return b"%08x %s\n" % (zlib.crc32(change_json), change_json)


def change_json(dropped: list[str], deleted: dict[str, list[str]], put_json: bytes) -> bytes:
    """A change as JSON; ``put_json`` is the already encoded ``put`` object."""
    head = orjson.dumps({"drop": dropped, "del": deleted})
    return head[:-1] + b',"put":' + put_json.rstrip(b"\n") + b"}"


class Replay(NamedTuple):
    """What a journal holds: its valid changes and where the valid part ends."""

    changes: list[Change]
    end: int
    """Offset just after the last valid line (appending starts here)."""


def read(content: bytes, *, expect_header: bytes | None) -> Replay | None:
    """The changes in a journal's bytes, or None when it belongs to another data file.

    With ``expect_header`` (see ``header``), ``content`` is the whole journal and must
    start with it; without, ``content`` starts at a line boundary already read up to.
    """
    position = 0
    if expect_header is not None:
        if not content.startswith(expect_header):
            return None
        position = len(expect_header)
    changes: list[Change] = []
    while True:
        newline = content.find(b"\n", position)
        if newline < 0:
            break  # an incomplete last line: a torn or in-progress append
        change = _parse(content[position:newline])
        if change is None:
            break  # fails its checksum: a torn tail, everything after it ignored
        changes.append(change)
        position = newline + 1
    return Replay(changes, position)


def _parse(line: bytes) -> Change | None:
    if len(line) < 10 or line[8:9] != b" ":
        return None
    body = line[9:]
    try:
        if int(line[:8], 16) != zlib.crc32(body):
            return None
        value = orjson.loads(body)
    except ValueError:
        return None
    if not isinstance(value, dict):
        return None
    dropped, deleted, put = value.get("drop"), value.get("del"), value.get("put")
    if not (isinstance(dropped, list) and isinstance(deleted, dict) and isinstance(put, dict)):
        return None
    return Change(dropped, deleted, put)


def needs_compaction(journal_size: int, data_size: int) -> bool:
    """Whether the journal is big enough to fold into the data file now.

    A quarter of the data file keeps the whole-file rewrite amortised over many saves
    (each save pays at most a constant share of it) and replay on opening short.
    """
    return journal_size > max(data_size // 4, 64 * 1024)
