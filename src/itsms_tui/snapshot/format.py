"""The snapshot format's constants and its in-memory form.

A snapshot is one TOML document: a ``[snapshot]`` header table, an optional
``[settings]`` table, and one array of tables per collection (registry order).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from itsms_tui.domain.audit import AuditEntry
from itsms_tui.domain.dataset import DataSet

SNAPSHOT_FORMAT = "itsms-tui-snapshot"
"""The value of ``[snapshot] format``: tells a snapshot from any other TOML file."""

SNAPSHOT_SCHEMA_VERSION = 2
"""The schema version this code writes and the newest it reads."""

MAX_SNAPSHOT_BYTES = 200 * 1024 * 1024
"""Larger files are refused before parsing: far beyond any real register, and
parsing them would hold gigabytes of memory on a shared host."""

HEADER_TABLE = "snapshot"
SETTINGS_TABLE = "settings"


@dataclass(frozen=True)
class Snapshot:
    """A validated snapshot: every record, plus the header and settings it came with."""

    dataset: DataSet
    exported_at: datetime
    app_version: str
    schema_version: int
    settings: dict[str, Any] = field(default_factory=dict)
    audit: tuple[AuditEntry, ...] = ()
    """The audit trail it carries (``export --with-audit``), chain already verified."""

    def counts(self) -> dict[str, int]:
        """Records per collection, every collection listed (registry order)."""
        return self.dataset.counts()

    def total(self) -> int:
        return len(self.dataset)
