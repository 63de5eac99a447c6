"""TOML snapshots: deterministic export and validated, all-or-nothing import.

The names below are imported on first use (PEP 562): importing one submodule, e.g.
``snapshot.errors`` for the error classes, must not load the demo data, the importer
and the exporter (a tenth of a second at every start of ``check`` and the TUI).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_HOME = {
    "load_demo": "demo",
    "load_demo_snapshot": "demo",
    "Problem": "errors",
    "SnapshotError": "errors",
    "SnapshotExportError": "errors",
    "export_snapshot": "export",
    "MAX_SNAPSHOT_BYTES": "format",
    "SNAPSHOT_FORMAT": "format",
    "SNAPSHOT_SCHEMA_VERSION": "format",
    "Snapshot": "format",
    "load_snapshot": "importer",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


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
