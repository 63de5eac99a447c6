"""One register as a spreadsheet: the rows and columns of ``export --format csv|xlsx``.

KPIs carry their latest reading (value, date, RAG status) as extra columns; in XLSX a
second sheet lists every measurement with the KPI's name beside its id.

Every text cell goes through ``guard_formula``: one that a spreadsheet program would read
as a formula (``=``, ``+``, ``-``, ``@``, tab, CR) starts with a single quote, which the
import removes again.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.kpi_status import kpi_readings
from itsms_tui.domain.kpis import Kpi, Measurement
from itsms_tui.services.errors import UserError
from itsms_tui.services.spreadsheet_columns import (
    EXPORT_COLLECTIONS,
    cell_value,
    columns_of,
    guard_formula,
)

SheetData = tuple[str, list[str], list[list[Any]]]
"""(sheet name, header, rows)."""

KPI_READING_COLUMNS = ("latest_value", "latest_measured_on", "status")


def check_export_collection(collection: str) -> None:
    if collection not in EXPORT_COLLECTIONS:
        raise UserError(
            f"--collection {collection}: not a register that exports as a spreadsheet "
            f"(choose from {', '.join(EXPORT_COLLECTIONS)})"
        )


def _guarded(rows: list[list[Any]]) -> list[list[Any]]:
    return [[guard_formula(v) if isinstance(v, str) else v for v in row] for row in rows]


def register_sheet(data: DataSet, collection: str, today: date) -> SheetData:
    """The register's records as rows (id order), one column per field, formulas guarded."""
    check_export_collection(collection)
    columns = columns_of(collection)
    header = [c.field for c in columns]
    rows = [[cell_value(r, c) for c in columns] for r in data.collection(collection)]
    if collection == "kpis":
        readings = kpi_readings(data, today)
        header += list(KPI_READING_COLUMNS)
        for row, kpi in zip(rows, data.all(Kpi), strict=True):
            reading = readings[kpi.id]
            row += [reading.value, reading.measured_on, str(reading.status.value)]
    return collection, header, _guarded(rows)


def register_sheets(data: DataSet, collection: str, today: date) -> list[SheetData]:
    """The sheets of an XLSX export: the register, plus measurements for KPIs."""
    sheets = [register_sheet(data, collection, today)]
    if collection == "kpis":
        names = {k.id: k.name for k in data.all(Kpi)}
        columns = columns_of("measurements")
        header = ["kpi_id", "kpi_name", *[c.field for c in columns if c.field != "kpi_id"]]
        rows = [
            [m.kpi_id, names.get(m.kpi_id, "")]
            + [cell_value(m, c) for c in columns if c.field != "kpi_id"]
            for m in data.all(Measurement)
        ]
        sheets.append(("measurements", header, _guarded(rows)))
    return sheets
