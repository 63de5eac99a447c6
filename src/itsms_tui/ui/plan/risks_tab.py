"""The Risks tab: the register beside a 5x5 heat map; choosing a cell filters the register."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Static

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.risk_rating import HeatMap, cell, heat_map, residual_unrated
from itsms_tui.domain.risks import Risk
from itsms_tui.services.plan_rows import RiskRow, link_rows, risk_rows
from itsms_tui.ui.plan.detail_text import DetailText
from itsms_tui.ui.plan.heat_map import Cell, HeatMapGrid, band_of
from itsms_tui.ui.plan.register_tab import Child, RegisterTab, links_table
from itsms_tui.ui.registers import focus_now
from itsms_tui.ui.theme import band_text, days_word, due_text
from itsms_tui.ui.widgets.record_table import Column


class RisksTab(RegisterTab[RiskRow], inherit_bindings=False):
    """Risk register, heat map (inherent or residual) and a cell filter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "heat_map", "Heat map", id="plan.risk.heat_map"),
        Binding("x", "clear_cell", "Clear cell", id="plan.risk.clear_cell"),
        Binding("i", "toggle_residual", "Inherent/residual", id="plan.risk.toggle_residual"),
        *RegisterTab.BINDINGS,
    ]

    model: ClassVar[type[Risk]] = Risk
    tab_title: ClassVar[str] = "Risks"
    empty_text: ClassVar[str] = "No risks yet: n adds one"

    def __init__(self, *, id: str) -> None:  # noqa: A002
        super().__init__(id=id)
        self.heat_map = HeatMapGrid(id=f"{id}-heat-map")
        self.cell_label = Static("", id=f"{id}-cell", classes="plan-cell-filter", markup=False)
        self.links = links_table(f"{id}-links")
        self.add_child(Child(self.links, None, open=self.open_link))
        self.residual = False
        self.chosen: Cell | None = None
        self._all_rows: list[RiskRow] = []
        self.grid: HeatMap = heat_map(())

    def columns(self) -> Sequence[Column[RiskRow]]:
        return [
            Column("id", "Id", lambda r: r.record.id, width=8),
            Column("title", "Risk", lambda r: r.record.title, width=16, flex=1),
            Column("l", "L", lambda r: str(r.record.likelihood), width=1, align="right"),
            Column("i", "I", lambda r: str(r.record.impact), width=1, align="right"),
            Column(
                "score",
                "Score band",
                lambda r: band_text(r.record.score, r.band, self.palette),
                width=11,
                sort_key=lambda r: r.record.score,
            ),
            Column(
                "residual",
                "Residual",
                lambda r: self._residual_text(r),
                width=11,
                sort_key=lambda r: r.residual_score,
            ),
            Column(
                "review",
                "Review",
                lambda r: due_text(r.record.review_date, r.review_overdue, self.palette),
                width=12,
                sort_key=lambda r: r.record.review_date,
            ),
            Column("status", "Status", lambda r: r.record.status.label, width=10),
            Column("treatment", "Treatment", lambda r: r.record.treatment.label, width=9),
            Column("owner", "Owner", lambda r: r.record.owner, width=12),
        ]

    def _residual_text(self, row: RiskRow) -> Text:
        if not row.residual_recorded:
            return Text("not rated", style=self.palette.muted)
        return band_text(row.residual_score, row.residual_band, self.palette)

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        with Horizontal(classes="plan-risk-top"):
            yield self.heat_map
            yield from self.compose_detail()
        with self.view:  # the cell label above the filter line and the table
            yield self.cell_label

    def compose_children(self) -> ComposeResult:
        yield self.links

    def on_mount(self) -> None:
        self.cell_label.display = False

    # ------------------------------------------------------------------ data

    def build_rows(self, data: DataSet, today: date) -> list[RiskRow]:
        self._all_rows = risk_rows(data, today)
        self._show_map()
        return self._visible_rows()

    def _visible_rows(self) -> list[Any]:
        if self.chosen is None:
            return list(self._all_rows)
        ids = set(cell(self.grid, *self.chosen))
        return [r for r in self._all_rows if r.record.id in ids]

    def _show_map(self) -> None:
        """Recount the heat map (domain ``heat_map``: closed risks left out) and label the cell."""
        self.grid = heat_map((r.record for r in self._all_rows), residual=self.residual)
        unrated = len(residual_unrated(r.record for r in self._all_rows))
        self.heat_map.show(self.grid, residual=self.residual, chosen=self.chosen, unrated=unrated)
        if self.chosen is None:
            self.cell_label.display = False
            return
        likelihood, impact = self.chosen
        count = len(cell(self.grid, likelihood, impact))
        view = "residual" if self.residual else "inherent"
        self.cell_label.update(
            f"Heat-map cell: likelihood {likelihood} × impact {impact} "
            f"({band_of(self.chosen).value}, {view}): {count} open · x clears"
        )
        self.cell_label.display = True

    def _refilter(self) -> None:
        self._show_map()
        self.register.set_rows(self._visible_rows())
        self._show(self.register.cursor_row_object)
        self.screen.refresh_bindings()

    def show_detail(self, row: RiskRow | None) -> None:
        if row is None:
            self.set_detail(Text("No risk selected", style=self.palette.muted))
            self.set_child_rows(self.links, [])
            return
        risk = row.record
        top = DetailText(self.palette).heading(risk)
        top.field("Owner", risk.owner)
        top.line(
            Text("Inherent: ", style=self.palette.label),
            f"L{risk.likelihood} × I{risk.impact} = ",
            band_text(risk.score, row.band, self.palette),
        )
        if row.residual_recorded:
            top.line(
                Text("Residual: ", style=self.palette.label),
                f"L{risk.residual_likelihood} × I{risk.residual_impact} = ",
                band_text(row.residual_score, row.residual_band, self.palette),
            )
        else:
            top.field("Residual", Text("not rated yet", style=self.palette.muted))
        top.field("Treatment", risk.treatment.label)
        review = risk.review_date
        late = (
            Text(f"  overdue by {days_word((self.today - review).days)}", style=self.palette.late)
            if row.review_overdue and review is not None
            else Text("")
        )
        top.line(
            Text("Review: ", style=self.palette.label),
            due_text(review, row.review_overdue, self.palette, align=False),
            late,
        )
        top.field("Status", risk.status.label)
        top.field("Category", risk.category)
        self.set_child_rows(self.links, link_rows(self.data, risk))
        more = DetailText(self.palette)
        more.bullets("Mitigation actions", risk.mitigation_actions)
        more.paragraph("Description", risk.description)
        self.set_detail(top.text, more.text)

    # ------------------------------------------------------------------ heat map

    @on(HeatMapGrid.CellChosen)
    def _cell_chosen(self, event: HeatMapGrid.CellChosen) -> None:
        event.stop()
        self.chosen = None if event.cell == self.chosen else event.cell
        self._refilter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_cell":
            return self.chosen is not None
        return super().check_action(action, parameters)

    def action_heat_map(self) -> None:
        if self.heat_map.has_focus:
            self.focus_register()
        else:
            focus_now(self.heat_map)

    def action_clear_cell(self) -> None:
        if self.chosen is not None:
            self.chosen = None
            self._refilter()

    def action_toggle_residual(self) -> None:
        self.residual = not self.residual
        self._refilter()

    def extra_filter_cleared(self) -> bool:
        if self.chosen is None:
            return False
        self.chosen = None
        self._refilter()
        return True

    def select_record(self, record_id: str) -> bool:
        return record_id.startswith(f"{Risk.prefix}-") and self.select_in_register(record_id)
