"""One KPI with its chart and measurement history (Enter on a KPI card)."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.kpi_status import Trend, measurements_of, rag_status
from itsms_tui.domain.kpis import Kpi, Measurement, is_workload, target_word
from itsms_tui.domain.people_refs import person_name
from itsms_tui.domain.record import Record
from itsms_tui.services.register_rows import KpiCardData
from itsms_tui.ui.screens.base import MainScreen
from itsms_tui.ui.screens.kpis import record_measurement, value_line
from itsms_tui.ui.theme import rag_text
from itsms_tui.ui.widgets.kpi_chart import KpiChart, next_span
from itsms_tui.ui.widgets.record_table import Column, RecordTable


def _columns(kpi: Kpi) -> list[Column[Measurement]]:
    return [
        Column("date", "Measured on", lambda m: m.measured_on.isoformat(), width=11),
        Column(
            "value",
            f"Value ({kpi.unit})"[:14],
            lambda m: f"{m.value:g}",
            width=14,
            align="right",
            sort_key=lambda m: m.value,
        ),
        Column("status", "Status", lambda m: rag_text(rag_status(kpi, m.value)), width=8),
        Column("note", "Note", lambda m: m.note, width=10, flex=1),
        Column("by", "Recorded by", lambda m: m.recorded_by, width=12),
    ]


class KpiDetailScreen(MainScreen):
    """The KPI's definition and every measurement, newest first."""

    MODE: ClassVar[str] = "kpis"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="kpi_detail.back"),
        Binding("m", "measure", "Measure", id="kpi_detail.measure"),
        Binding("i", "edit_kpi", "Edit KPI", id="kpi_detail.edit_kpi"),
        Binding("p", "chart_span", "Periods", id="kpi_detail.chart_span"),
    ]

    def __init__(self, kpi_id: str) -> None:
        super().__init__()
        self.kpi_id = kpi_id

    def compose_body(self) -> ComposeResult:
        yield Static(id="kpi-definition")
        yield KpiChart(id="kpi-chart")
        kpi = self.kpi
        columns = _columns(kpi) if kpi is not None else [Column("x", "", lambda m: "")]
        yield RecordTable(
            columns,
            row_key=lambda m: m.id,
            empty_text="No measurements yet: m records one",
            id="measurements",
        )

    @property
    def kpi(self) -> Kpi | None:
        return self.itsms.data.get_as(Kpi, self.kpi_id)

    def on_mount(self) -> None:
        self.follow_data(self._show_data)
        self.query_one("#measurements", RecordTable).focus()

    def _show_data(self, data: DataSet) -> None:
        kpi = data.get_as(Kpi, self.kpi_id)
        definition = self.query_one("#kpi-definition", Static)
        table: RecordTable[Measurement] = self.query_one("#measurements", RecordTable)
        if kpi is None:
            definition.update(Text(f"{self.kpi_id} no longer exists (deleted meanwhile)."))
            self.query_one("#kpi-chart", KpiChart).clear("")
            table.set_rows([])
            return
        reading = self.itsms.kpi_readings().get(kpi.id)
        subject = data.get(kpi.subject_id)
        lines = [Text(kpi.display, style="bold")]
        if reading is not None:
            card = KpiCardData(kpi, reading, "", (), Trend.UNKNOWN)
            status = value_line(card)
            if reading.next_due is not None:
                status.append(f"  · next due {reading.next_due}", style="dim")
            lines.append(status)
        about = Text.assemble(
            ("Subject ", "dim"),
            subject.display if subject is not None else kpi.subject_id,
            ("  Owner ", "dim"),
            person_name(data, kpi.owner) or "—",
            ("  Every ", "dim"),
            kpi.frequency.value,
        )
        if is_workload(kpi):
            about.append_text(Text.assemble(("  Measure of ", "dim"), kpi.kind.label))
        lines.append(about)
        lines.append(
            Text.assemble(
                (f"{target_word(kpi).capitalize()} ", "dim"),
                f"{kpi.target:g} {kpi.unit}",
                ("  Warning ", "dim"),
                f"{kpi.warning:g} {kpi.unit}",
                ("  ", ""),
                kpi.direction.label,
            )
        )
        if kpi.measures:
            lines.append(Text.assemble(("Measures ", "dim"), kpi.measures))
        definition.update(Text("\n").join(lines))
        own = measurements_of(kpi, data.referring(kpi.id, Measurement))
        self.query_one("#kpi-chart", KpiChart).show(kpi, own, self.itsms.today)
        table.set_rows(list(reversed(own)))

    # ------------------------------------------------------------------ records

    def current_record(self) -> Record | None:
        table: RecordTable[Measurement] = self.query_one("#measurements", RecordTable)
        row = table.cursor_row_object
        return row if row is not None else self.kpi

    def new_record(self) -> tuple[type[Record], dict[str, Any]] | None:
        return (Measurement, {"kpi_id": self.kpi_id, "measured_on": self.itsms.today})

    def select_record(self, record_id: str) -> bool:
        table: RecordTable[Measurement] = self.query_one("#measurements", RecordTable)
        return record_id == self.kpi_id or table.select_key(record_id)

    @on(RecordTable.Selected, "#measurements")
    def _edit_measurement(self, event: RecordTable.Selected) -> None:
        event.stop()
        if not self.itsms.read_only:
            self.itsms.edit_record(event.row)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"measure", "edit_kpi"} and self.itsms.read_only:
            return False
        return super().check_action(action, parameters)

    def action_back(self) -> None:
        self.dismiss()

    def action_chart_span(self) -> None:
        """Step the chart through the last 6, 12, 24 periods and all of them."""
        chart = self.query_one("#kpi-chart", KpiChart)
        chart.span = next_span(chart.span)
        self._show_data(self.itsms.data)

    def action_measure(self) -> None:
        kpi = self.kpi
        if kpi is not None:
            record_measurement(self.itsms, kpi)

    def action_edit_kpi(self) -> None:
        kpi = self.kpi
        if kpi is not None:
            self.itsms.edit_record(kpi)
