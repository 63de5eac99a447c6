"""Errors raised by the store, each with a one-line message a person can act on.

Front ends show ``str(error)`` as is (the CLI on stderr with exit code 2, the TUI in a
notification), so every message names the file or record and says what is wrong.
Every class pickles with its own arguments, so errors survive a trip through
``multiprocessing`` or a worker thread's result unchanged.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any


class StoreError(Exception):
    """Base class of everything the store raises on purpose."""


def _where(path: str | os.PathLike[str]) -> str:
    return os.fspath(path)


class DataFileError(StoreError):
    """The data file cannot be used (corrupt, truncated, unknown schema, ...).

    The store never writes over such a file: the user has to look at it.
    """

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        self.path = _where(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.problem))


class StoreBusyError(StoreError):
    """Another session held the data file's lock for longer than we were willing to wait."""

    def __init__(self, path: str | os.PathLike[str], timeout: float) -> None:
        self.path = _where(path)
        self.timeout = timeout
        super().__init__(
            f"{self.path}: busy, another session has been using it for more than "
            f"{timeout:g} s; try again in a moment"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.timeout))


class ReadOnlyStoreError(StoreError):
    """A write was attempted on a store opened read-only (by choice or by permissions)."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = _where(path)
        self.reason = reason
        super().__init__(f"{self.path}: read-only ({reason}); changes cannot be saved")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.reason))


class StoreWriteError(StoreError):
    """Saving failed part-way (disk full, I/O error); the data file was left unchanged."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = _where(path)
        self.reason = reason
        super().__init__(f"{self.path}: could not save ({reason}); nothing was changed")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.reason))


class StoreSyncError(StoreError):
    """The save is in place, but syncing its directory failed: a power loss may undo it.

    Not a ``StoreWriteError``: the data file did change, and saying otherwise would
    make the user redo (or distrust) a change that is already there.
    """

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = _where(path)
        self.reason = reason
        super().__init__(
            f"{self.path}: saved, but the directory could not be synced ({reason}), "
            "so the save may not survive a power loss"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.reason))


class InvalidDataError(StoreError):
    """Data handed to the store that it refuses to write (it could not be read back).

    Raised before anything touches the disk, e.g. for a value JSON cannot encode or
    for two records with the same ``id`` in one table.
    """

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: refusing to save: {problem}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.where, self.problem))


class TransactionRequiredError(StoreError):
    """A write reached the storage outside ``storage.transaction()``: a programming error.

    Writes outside a transaction would be read-modify-write without the exclusive
    lock, i.e. lost updates between sessions, so they are refused.
    """

    def __init__(self) -> None:
        super().__init__(
            "write outside a transaction: wrap TinyDB writes in `with storage.transaction():`"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), ())


# --- record-level errors, raised by the repository layer -----------------------------


class ConflictError(StoreError):
    """A change cannot be applied because the stored data moved on or already exists."""


class StaleRevisionError(ConflictError):
    """An edit was based on an older revision than the stored one: never overwrite it."""

    def __init__(self, record: str, expected: int, actual: int) -> None:
        self.record = record
        self.expected = expected
        self.actual = actual
        super().__init__(
            f"{record} was changed by someone else (now revision {actual}, your edit was "
            f"based on revision {expected}); reload it and make your change again"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.record, self.expected, self.actual))


class DuplicateRecordError(ConflictError):
    """A record with this id already exists in its collection."""

    def __init__(self, record: str) -> None:
        self.record = record
        super().__init__(f"{record} already exists")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.record,))


class RecordNotFoundError(StoreError):
    """The record does not exist (any more): someone may have deleted it meanwhile."""

    def __init__(self, record: str) -> None:
        self.record = record
        super().__init__(f"{record} does not exist (it may have been deleted by someone else)")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.record,))


class ReferenceIntegrityError(StoreError):
    """A change would leave a reference between records pointing at nothing."""


class DanglingReferenceError(ReferenceIntegrityError):
    """A record refers to a record that does not exist."""

    def __init__(self, record: str, field: str, target: str) -> None:
        self.record = record
        self.field = field
        self.target = target
        super().__init__(f"{record}: {field} refers to {target}, which does not exist")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.record, self.field, self.target))


class StillReferencedError(ReferenceIntegrityError):
    """A record cannot be deleted while other records refer to it."""

    def __init__(self, record: str, referenced_by: Sequence[str]) -> None:
        self.record = record
        self.referenced_by = tuple(referenced_by)
        shown = ", ".join(self.referenced_by[:5])
        more = len(self.referenced_by) - 5
        if more > 0:
            shown += f" and {more} more"
        super().__init__(f"cannot delete {record}: still referred to by {shown}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.record, self.referenced_by))
