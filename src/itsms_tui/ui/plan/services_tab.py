"""The Services tab: the service catalogue and what covers, changes and measures each service.

A live service that no active customer SLA covers is marked ``✖ no SLA`` (the checker's
SVC-SLA rule, ``lacks_active_sla``, so screen and checker agree). The detail lists the
agreements naming the service, the changes and risks referring to it and the KPIs whose
subject it is; Enter on any of them jumps to the screen that shows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from itsms_tui.domain.catalogue import Service
from itsms_tui.domain.changes import ChangeRequest
from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.kpis import Kpi
from itsms_tui.domain.risks import Risk
from itsms_tui.services.plan_rows import (
    CoverRow,
    ServiceRow,
    cover_rows,
    kpi_rows,
    referring_rows,
    service_rows,
)
from itsms_tui.ui.plan.detail_text import DetailText
from itsms_tui.ui.plan.kpi_table import kpi_label, kpi_table
from itsms_tui.ui.plan.register_tab import Child, RegisterTab, links_table, record_key
from itsms_tui.ui.theme import LATE
from itsms_tui.ui.widgets.record_table import Column, RecordTable

NO_SLA = f"{LATE} no SLA"


def cover_table(table_id: str) -> RecordTable[CoverRow]:
    """The agreements covering a service: kind, id, title and status."""
    columns: list[Column[CoverRow]] = [
        Column("kind", "Kind", lambda r: r.record.kind.short, width=4),
        Column("id", "Id", lambda r: r.record.id, width=8),
        Column("title", "Agreement", lambda r: r.record.title, width=12, flex=1),
        Column("status", "Status", lambda r: r.record.status.label, width=11),
    ]
    return RecordTable(columns, record_key, id=table_id, empty_text="No agreement names it")


class ServicesTab(RegisterTab[ServiceRow]):
    """The service catalogue with its customer SLA cover."""

    model: ClassVar[type[Service]] = Service
    tab_title: ClassVar[str] = "Services"
    empty_text: ClassVar[str] = "No services yet: n adds one"

    def __init__(self, *, id: str) -> None:  # noqa: A002
        super().__init__(id=id)
        self.agreements_label = Static("", classes="plan-child-label", markup=False)
        self.agreements = cover_table(f"{id}-agreements")
        self.add_child(Child(self.agreements, None, open=self.open_link))
        self.referring_label = Static("", classes="plan-child-label", markup=False)
        self.referring = links_table(f"{id}-referring")
        self.add_child(Child(self.referring, None, open=self.open_link))
        self.kpi_label = Static("", classes="plan-child-label", markup=False)
        self.kpis = kpi_table(f"{id}-kpis")
        self.add_child(Child(self.kpis, Kpi, self.new_kpi_initial, self.open_link))

    def columns(self) -> Sequence[Column[ServiceRow]]:
        return [
            Column("id", "Id", lambda r: r.record.id, width=8),
            Column("name", "Service", lambda r: r.record.name, width=14, flex=1),
            Column("owner", "Owner", lambda r: r.record.owner, width=12),
            Column("status", "Status", lambda r: r.record.status.label, width=8),
            Column("customers", "Customers", lambda r: ", ".join(r.record.customers), width=14),
            Column(
                "slas",
                "SLAs",
                lambda r: self._sla_text(r),
                width=10,
                align="right",
                sort_key=lambda r: (r.sla_count, not r.no_sla),
            ),
        ]

    def _sla_text(self, row: ServiceRow) -> Text:
        """``2``, or ``0 ✖ no SLA`` for a live service without an active customer SLA."""
        if not row.no_sla:
            return Text(str(row.sla_count))
        return Text(f"{row.sla_count} {NO_SLA}", style=self.palette.late)

    def build_rows(self, data: DataSet, today: date) -> list[ServiceRow]:
        return list(service_rows(data))

    def compose_children(self) -> ComposeResult:
        yield self.agreements_label
        yield self.agreements
        yield self.referring_label
        yield self.referring
        yield self.kpi_label
        yield self.kpis

    def show_detail(self, row: ServiceRow | None) -> None:
        if row is None:
            self.set_detail(Text("No service selected", style=self.palette.muted))
            for label in (self.agreements_label, self.referring_label, self.kpi_label):
                label.update("")
            for table in self.children_tables:
                self.set_child_rows(table, [])
            return
        service = row.record
        covers = cover_rows(self.data, service.id)
        top = DetailText(self.palette).heading(service)
        top.field("Owner", service.owner)
        top.field("Status", service.status.label)
        top.field("Customers", ", ".join(service.customers))
        top.field("Customer SLAs", self._cover_text(row))
        more = DetailText(self.palette)
        more.paragraph("Description", service.description)
        self.set_detail(top.text, more.text)
        self.agreements_label.update(f"Agreements covering it ({len(covers)}) · Enter jumps")
        self.set_child_rows(self.agreements, covers)
        referring = referring_rows(self.data, service.id, (ChangeRequest, Risk))
        self.referring_label.update(f"Changes and risks ({len(referring)}) · Enter jumps")
        self.set_child_rows(self.referring, referring)
        kpis = kpi_rows(self.data, service.id, self.shell.kpi_readings(), self.today)
        self.kpi_label.update(kpi_label(len(kpis), read_only=self.shell.read_only))
        self.set_child_rows(self.kpis, kpis)

    def _cover_text(self, row: ServiceRow) -> Text:
        """``2 (1 active)``, with the ✖ marker when a live service has no active one."""
        text = Text(f"{row.sla_count} ({row.active_sla_count} active)")
        if row.no_sla:
            text.append(f"  {NO_SLA}: a live service needs an active one", style=self.palette.late)
        return text

    def select_record(self, record_id: str) -> bool:
        return record_id.startswith(f"{Service.prefix}-") and self.select_in_register(record_id)
