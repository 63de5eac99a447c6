"""Child tables several Plan registers share: the KPIs measuring a record (objectives,
services) and the records a record refers to (risks, changes)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from itsms_tui.domain.kpis import Kpi
from itsms_tui.domain.record import Record
from itsms_tui.services.plan_rows import KpiRow, LinkRow, kpi_rows, link_rows
from itsms_tui.ui.forms.values import format_number
from itsms_tui.ui.registers.spec import ChildTable, Context, HasRecord
from itsms_tui.ui.theme import rag_text
from itsms_tui.ui.widgets.record_table import Column


def latest_vs_target(row: KpiRow) -> str:
    """``97.5 / 99 %``: the latest value (a dash when never measured) against the target."""
    kpi = row.record
    value = row.reading.value
    latest = "—" if value is None else format_number(value)
    return f"{latest} / {format_number(kpi.target)} {kpi.unit}".strip()


KPI_COLUMNS: list[Column[KpiRow]] = [
    Column("id", "KPI", lambda r: r.record.id, width=8),
    Column("name", "Name", lambda r: r.record.name, width=12, flex=1),
    Column(
        "status",
        "Status",
        lambda r: rag_text(r.reading.status),
        width=8,
        sort_key=lambda r: r.reading.status.value,
    ),
    Column("latest", "Latest / target", latest_vs_target, width=16),
]
"""KPI id, name, status (symbol and word) and latest value against the target."""


def kpi_label(count: int, *, read_only: bool) -> str:
    """The heading above the table, with its keys (no ``n`` when read-only)."""
    keys = " · Enter opens one" + ("" if read_only else " · n adds one")
    return f"Linked KPIs ({count}){keys}"


def _measures(parent: Record) -> dict[str, Any]:
    """A KPI added from the detail pane measures the register's highlighted record."""
    return {"subject_id": parent.id}


def kpi_child(key: str = "kpis") -> ChildTable[Any, KpiRow]:
    """The KPIs whose subject is the highlighted record; ``n`` there adds one."""

    def rows(row: HasRecord, ctx: Context) -> list[KpiRow]:
        return kpi_rows(ctx.data, row.record.id, ctx.readings, ctx.today)

    def label(row: HasRecord, shown: Sequence[KpiRow], ctx: Context) -> str:
        return kpi_label(len(shown), read_only=ctx.read_only)

    return ChildTable(
        key,
        KPI_COLUMNS,
        rows,
        empty_text="No KPI measures it yet",
        label=label,
        model=Kpi,
        initial=_measures,
    )


LINK_COLUMNS: list[Column[LinkRow]] = [
    Column("field", "Link", lambda r: r.field_title, width=12),
    Column("id", "Id", lambda r: r.record.id, width=8),
    Column("name", "Name", lambda r: r.record.heading, width=12, flex=1),
]


def _links_of(row: HasRecord, ctx: Context) -> list[LinkRow]:
    return link_rows(ctx.data, row.record)


def links_child(
    key: str = "links",
    rows: Callable[[Any, Context], Sequence[LinkRow]] = _links_of,
    label: Callable[[Any, Sequence[LinkRow], Context], str] | None = None,
) -> ChildTable[Any, LinkRow]:
    """The records a record refers to (or ``rows``); Enter jumps to one."""
    return ChildTable(key, LINK_COLUMNS, rows, empty_text="No linked records", label=label)
