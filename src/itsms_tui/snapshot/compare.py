"""Snapshots as plain tables keyed by collection and id: what diff and merge compare.

Records are compared by their TOML form (``model_table``), so two snapshots that import
to the same records compare equal however they were written. The bookkeeping fields
(``revision``, ``created_at``, ``updated_at``) change on every save; they are kept apart
so a diff or merge speaks only of what people edited.
"""

from __future__ import annotations

from typing import Any

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.registry import COLLECTIONS
from itsms_tui.snapshot.export import model_table
from itsms_tui.snapshot.format import Snapshot

BOOKKEEPING_FIELDS: tuple[str, ...] = ("revision", "created_at", "updated_at")
"""Fields the store maintains; not compared field by field."""

Table = dict[str, Any]
Tables = dict[str, dict[str, Table]]
"""collection -> record id -> the record's TOML table."""


def record_tables(snapshot: Snapshot) -> Tables:
    """Every record of ``snapshot`` as its TOML table, by collection then id."""
    return dataset_tables(snapshot.dataset)


def dataset_tables(data: DataSet) -> Tables:
    """Every record of ``data`` (a snapshot's, or the open data) as its TOML table."""
    out: Tables = {name: {} for name in COLLECTIONS}
    for record in data:
        out[record.collection][record.id] = model_table(record)
    return out


def content_of(table: Table) -> Table:
    """A record table without its bookkeeping fields."""
    return {k: v for k, v in table.items() if k not in BOOKKEEPING_FIELDS}


def heading_of(table: Table) -> str:
    """A short human name for a record table (its first text field after the id)."""
    for key in ("name", "title", "description", "supplier_id", "kpi_id", "resource_id"):
        value = table.get(key)
        if isinstance(value, str) and value:
            return value.splitlines()[0]
    return ""
