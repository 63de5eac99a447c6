"""TOML snapshots: deterministic export and validated, all-or-nothing import."""

from itsms_tui.snapshot.demo import load_demo, load_demo_snapshot
from itsms_tui.snapshot.errors import Problem, SnapshotError, SnapshotExportError
from itsms_tui.snapshot.export import export_snapshot
from itsms_tui.snapshot.format import (
    MAX_SNAPSHOT_BYTES,
    SNAPSHOT_FORMAT,
    SNAPSHOT_SCHEMA_VERSION,
    Snapshot,
)
from itsms_tui.snapshot.importer import load_snapshot

__all__ = [
    "MAX_SNAPSHOT_BYTES",
    "SNAPSHOT_FORMAT",
    "SNAPSHOT_SCHEMA_VERSION",
    "Problem",
    "Snapshot",
    "SnapshotError",
    "SnapshotExportError",
    "export_snapshot",
    "load_demo",
    "load_demo_snapshot",
    "load_snapshot",
]
