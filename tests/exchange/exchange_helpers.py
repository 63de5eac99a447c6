"""Demo snapshots edited the way two sites would edit them, for diff and merge tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.record import Record
from itsms_tui.domain.suppliers import Contact, Supplier
from itsms_tui.resources import sample_data_path
from itsms_tui.snapshot import export_snapshot
from itsms_tui.snapshot.format import Snapshot
from itsms_tui.snapshot.importer import load_snapshot

EXPORTED_AT = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def demo_snapshot() -> Snapshot:
    """The bundled demo snapshot exactly as shipped (not moved in time): stable goldens."""
    path = sample_data_path("demo.toml")
    return load_snapshot(path.read_bytes(), source="demo.toml")


def edited(
    base: DataSet, edits: dict[str, dict[str, Any] | None], added: tuple[Record, ...] = ()
) -> DataSet:
    """A copy of ``base`` with fields of some records changed (None: record removed)."""
    out = DataSet()
    for record in base:
        change = edits.get(record.id, {})
        if change is None:
            continue
        out.add(record.model_copy(update=change) if change else record)
    for record in added:
        out.add(record)
    return out


def write(path: Path, data: DataSet, settings: dict[str, Any] | None = None) -> Path:
    path.write_text(
        export_snapshot(data, exported_at=EXPORTED_AT, app_version="9.9.9", settings=settings),
        encoding="utf-8",
    )
    return path


def new_supplier(record_id: str = "SUP-0100", name: str = "Kite [b]Logistics[/b]") -> Supplier:
    return Supplier(
        id=record_id,
        revision=1,
        name=name,
        category="Courier",
        created_at=EXPORTED_AT,
        updated_at=EXPORTED_AT,
    )


def with_contact(supplier: Supplier, email: str) -> dict[str, Any]:
    """The ``contacts`` update that adds one contact to ``supplier``."""
    return {"contacts": [*supplier.contacts, Contact(name="Night desk", email=email)]}


Edit = Callable[[DataSet], DataSet]
DAY = date(2026, 4, 1)
