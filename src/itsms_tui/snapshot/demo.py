"""The bundled demo organisation, moved in time so that it always looks current.

``sample_data/demo.toml`` is written relative to an anchor day (its ``exported_at``);
loading it shifts every date and timestamp by whole days so the anchor becomes today:
a contract 10 days past its cancel-by date stays 10 days past it, a KPI last measured
four months ago stays overdue.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.record import Record
from itsms_tui.resources import sample_data_path
from itsms_tui.snapshot.format import Snapshot
from itsms_tui.snapshot.importer import load_snapshot

DEMO_FILE = "demo.toml"


def load_demo_snapshot(today: date) -> Snapshot:
    """The demo snapshot with its dates moved so that its anchor day is ``today``."""
    path = sample_data_path(DEMO_FILE)
    snapshot = load_snapshot(path.read_bytes(), source=str(path))
    return shift_snapshot(snapshot, today - snapshot.exported_at.date())


def load_demo(today: date) -> DataSet:
    """The demo records, dated relative to ``today``."""
    return load_demo_snapshot(today).dataset


def shift_snapshot(snapshot: Snapshot, delta: timedelta) -> Snapshot:
    """A copy of ``snapshot`` with every date and timestamp moved by ``delta``."""
    return Snapshot(
        dataset=DataSet(shift_record(r, delta) for r in snapshot.dataset),
        exported_at=snapshot.exported_at + delta,
        app_version=snapshot.app_version,
        schema_version=snapshot.schema_version,
        settings=snapshot.settings,
    )


def shift_record(record: Record, delta: timedelta) -> Record:
    if not delta:
        return record
    return type(record).model_validate(_shift(record.model_dump(), delta))


def _shift(value: Any, delta: timedelta) -> Any:
    if isinstance(value, date):  # datetime included
        return value + delta
    if isinstance(value, dict):
        return {k: _shift(v, delta) for k, v in value.items()}
    if isinstance(value, list):
        return [_shift(v, delta) for v in value]
    return value
