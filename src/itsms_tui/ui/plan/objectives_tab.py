"""The Objectives tab: what the plan delivers, who owns it, when it is due, which KPIs measure it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.kpis import Kpi
from itsms_tui.domain.plan import Objective
from itsms_tui.services.plan_rows import ObjectiveRow, kpi_rows, objective_rows
from itsms_tui.ui.plan.detail_text import DetailText
from itsms_tui.ui.plan.kpi_table import kpi_label, kpi_table
from itsms_tui.ui.plan.register_tab import Child, RegisterTab
from itsms_tui.ui.theme import days_word, due_text
from itsms_tui.ui.widgets.record_table import Column


class ObjectivesTab(RegisterTab[ObjectiveRow]):
    """Objectives with owner, due date (late ones marked), status and their KPIs."""

    model: ClassVar[type[Objective]] = Objective
    tab_title: ClassVar[str] = "Objectives"
    empty_text: ClassVar[str] = "No objectives yet: n adds one"

    def __init__(self, *, id: str) -> None:  # noqa: A002
        super().__init__(id=id)
        self.kpi_label = Static("", classes="plan-child-label", markup=False)
        self.kpis = kpi_table(f"{id}-kpis")
        self.add_child(Child(self.kpis, Kpi, self.new_kpi_initial, self.open_link))

    def columns(self) -> Sequence[Column[ObjectiveRow]]:
        return [
            Column("id", "Id", lambda r: r.record.id, width=8),
            Column("title", "Objective", lambda r: r.record.title, width=16, flex=1),
            Column("owner", "Owner", lambda r: r.record.owner, width=12),
            Column(
                "due",
                "Due",
                lambda r: due_text(r.record.due_date, r.overdue, self.palette),
                width=12,
                sort_key=lambda r: r.record.due_date,
            ),
            Column("status", "Status", lambda r: r.record.status.label, width=9),
            Column(
                "kpis",
                "KPIs",
                lambda r: str(r.kpi_count),
                width=4,
                align="right",
                sort_key=lambda r: r.kpi_count,
            ),
        ]

    def build_rows(self, data: DataSet, today: date) -> list[ObjectiveRow]:
        return list(objective_rows(data, today))

    def compose_children(self) -> ComposeResult:
        yield self.kpi_label
        yield self.kpis

    def show_detail(self, row: ObjectiveRow | None) -> None:
        if row is None:
            self.set_detail(Text("No objective selected", style=self.palette.muted))
            self.kpi_label.update("")
            self.set_child_rows(self.kpis, [])
            return
        objective = row.record
        top = DetailText(self.palette).heading(objective)
        top.field("Owner", objective.owner)
        due = objective.due_date
        late = (
            Text(f"  overdue by {days_word((self.today - due).days)}", style=self.palette.late)
            if row.overdue and due is not None
            else Text("")
        )
        top.line(
            Text("Due: ", style=self.palette.label),
            due_text(due, row.overdue, self.palette, align=False),
            late,
        )
        top.field("Status", objective.status.label)
        more = DetailText(self.palette)
        more.paragraph("Description", objective.description)
        more.paragraph("Evaluation of results", objective.evaluation)
        if not objective.evaluation.strip():
            more.field("Evaluation of results", None)
        self.set_detail(top.text, more.text)
        rows = kpi_rows(self.data, objective.id, self.shell.kpi_readings(), self.today)
        self.kpi_label.update(kpi_label(len(rows), read_only=self.shell.read_only))
        self.set_child_rows(self.kpis, rows)

    def select_record(self, record_id: str) -> bool:
        """Objectives only (their KPIs live on the KPI screen)."""
        return record_id.startswith(f"{Objective.prefix}-") and self.select_in_register(record_id)
