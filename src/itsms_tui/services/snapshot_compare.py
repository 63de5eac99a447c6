"""Compare the open data with a snapshot file (the app's `C`): what differs, record by record.

The file is read as ``itsms-tui diff`` reads one (the same validation as ``import``, but
historic changes are accepted: comparing writes nothing); the file is the old side, the
open data the new one, so "added" means "in the open data, not in the file".
"""

from __future__ import annotations

from pathlib import Path

from itsms_tui.services.workspace import Workspace, read_snapshot_file
from itsms_tui.snapshot.compare import dataset_tables, record_tables
from itsms_tui.snapshot.diff import ChangeKind, SnapshotDiff, diff_tables, format_value

__all__ = ["ChangeKind", "SnapshotDiff", "compare_with_file", "format_value"]


def compare_with_file(workspace: Workspace, path: Path) -> SnapshotDiff:
    """The differences from the snapshot at ``path`` to the open data (blocks on disk)."""
    snapshot = read_snapshot_file(path, allow_history=True, today=workspace.today())
    return diff_tables(
        record_tables(snapshot),
        dataset_tables(workspace.data()),
        snapshot.settings or None,
        workspace.settings() or None,
    )
