"""The KPIs measuring a record, as a child table of its detail pane (objectives, services)."""

from __future__ import annotations

from itsms_tui.services.plan_rows import KpiRow
from itsms_tui.ui.forms.values import format_number
from itsms_tui.ui.plan.register_tab import record_key
from itsms_tui.ui.theme import rag_text
from itsms_tui.ui.widgets.record_table import Column, RecordTable


def latest_vs_target(row: KpiRow) -> str:
    """``97.5 / 99 %``: the latest value (a dash when never measured) against the target."""
    kpi = row.record
    value = row.reading.value
    latest = "—" if value is None else format_number(value)
    return f"{latest} / {format_number(kpi.target)} {kpi.unit}".strip()


def kpi_table(table_id: str) -> RecordTable[KpiRow]:
    """KPI id, name, status (symbol and word) and latest value against the target."""
    columns: list[Column[KpiRow]] = [
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
    return RecordTable(columns, record_key, id=table_id, empty_text="No KPI measures it yet")


def kpi_label(count: int, *, read_only: bool) -> str:
    """The heading above the table, with its keys (no ``n`` when read-only)."""
    keys = " · Enter opens one" + ("" if read_only else " · n adds one")
    return f"Linked KPIs ({count}){keys}"
