"""The errors a front end shows to the user as one line (never a traceback)."""

from __future__ import annotations

from itsms_tui.domain.workflow_errors import WorkflowError
from itsms_tui.snapshot.errors import SnapshotError, SnapshotExportError
from itsms_tui.store.errors import (
    RecordNotFoundError,
    StaleRevisionError,
    StillReferencedError,
    StoreError,
    StoreSyncError,
)

__all__ = [
    "EXPECTED_ERRORS",
    "SAVED_BUT_UNSYNCED",
    "RecordNotFoundError",
    "StaleRevisionError",
    "StillReferencedError",
    "UserError",
    "describe",
]
"""The store's errors a front end tells apart, re-exported so the UI never imports the store."""


class UserError(Exception):
    """A request the user can fix (bad path, non-empty store without --replace, ...)."""


EXPECTED_ERRORS: tuple[type[BaseException], ...] = (
    UserError,
    StoreError,
    SnapshotError,
    SnapshotExportError,
    WorkflowError,
    OSError,
)
"""Errors that mean "tell the user": their ``str()`` is already a one-line message."""

SAVED_BUT_UNSYNCED: tuple[type[BaseException], ...] = (StoreSyncError,)
"""The change is in the data file, only its durability is in doubt: a warning, not a
failure (exit 2 promises that no file changed)."""


def describe(error: BaseException) -> str:
    """A one-line message for ``error`` (OS errors gain their file name)."""
    if isinstance(error, OSError) and not isinstance(error, StoreError):
        name = f"{error.filename}: " if error.filename else ""
        return f"{name}{error.strerror or error}"
    return str(error).splitlines()[0] if str(error) else type(error).__name__
