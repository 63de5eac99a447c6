"""Errors of snapshot import and export, with messages a person can act on.

An invalid snapshot is reported as a list of problems (where, what); the first one
is the one-line message front ends show, so it names the file, the collection, the
record id and the field. Values from the file are echoed only short and escaped,
so a 10 MB string or an ESC sequence never reaches the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

SHOWN_CHARS = 60
"""At most this many characters of a value from the file appear in a message."""

_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def show(value: object, limit: int = SHOWN_CHARS) -> str:
    """A value from the file as a short, quoted, terminal-safe string."""
    text = value if isinstance(value, str) else repr(value)
    cut = len(text) > limit
    out = []
    for char in text[:limit]:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif char.isprintable():
            out.append(char)
        else:
            code = ord(char)
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    return '"' + "".join(out) + ("..." if cut else "") + '"'


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a snapshot: where (``suppliers[SUP-0007].criticality``) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class SnapshotError(ValueError):
    """A snapshot that cannot be imported; nothing has been written.

    ``problems`` lists what is wrong (the first ``MAX_PROBLEMS`` of ``total``);
    ``str(error)`` is the first problem on one line, with a count of the rest.
    """

    MAX_PROBLEMS = 1000

    def __init__(self, source: str, problems: Sequence[Problem], total: int | None = None) -> None:
        if not problems:
            raise ValueError("a SnapshotError needs at least one problem")
        self.source = source
        self.problems = list(problems)
        self.total = max(total if total is not None else len(self.problems), len(self.problems))
        super().__init__(self._one_line())

    def _one_line(self) -> str:
        line = f"{self.source}: {self.problems[0]}"
        more = self.total - 1
        if more:
            line += f" (and {more} more problem{'s' if more != 1 else ''})"
        return line

    def lines(self) -> list[str]:
        """Every kept problem as ``<source>: <path>: <message>``, for a full report."""
        return [f"{self.source}: {p}" for p in self.problems]

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.source, self.problems, self.total))


class SnapshotExportError(RuntimeError):
    """The data could not be written as a valid snapshot (a bug or an unencodable value)."""
