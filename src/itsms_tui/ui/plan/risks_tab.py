"""The Risks register beside a 5x5 heat map; choosing a cell filters the register.

The register itself is declared (``RISKS``); ``RisksTab`` adds the heat map and its keys.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Static

from itsms_tui.domain.people_refs import person_name
from itsms_tui.domain.risk_rating import HeatMap, cell, heat_map, residual_unrated
from itsms_tui.domain.risks import Risk
from itsms_tui.services.plan_rows import RiskRow, risk_rows
from itsms_tui.ui.plan.child_tables import links_child
from itsms_tui.ui.plan.heat_map import Cell, HeatMapGrid, band_of
from itsms_tui.ui.plan.register_tab import RegisterTab
from itsms_tui.ui.registers import focus_now
from itsms_tui.ui.registers.detail import DetailBuilder
from itsms_tui.ui.registers.spec import Context, Register
from itsms_tui.ui.theme import PALETTE, band_text, due_text, overdue_note
from itsms_tui.ui.widgets.record_table import Column


def _residual_text(row: RiskRow) -> Text:
    if not row.residual_recorded:
        return Text("not rated", style=PALETTE.muted)
    return band_text(row.residual_score, row.residual_band)


def _detail(row: RiskRow, ctx: Context, out: DetailBuilder) -> None:
    risk = row.record
    out.heading(risk)
    out.field("Owner", person_name(ctx.data, risk.owner))
    out.labelled(
        "Inherent", f"L{risk.likelihood} × I{risk.impact} = ", band_text(risk.score, row.band)
    )
    if row.residual_recorded:
        out.labelled(
            "Residual",
            f"L{risk.residual_likelihood} × I{risk.residual_impact} = ",
            band_text(row.residual_score, row.residual_band),
        )
    else:
        out.field("Residual", Text("not rated yet", style=PALETTE.muted))
    out.field("Treatment", risk.treatment.label)
    review = risk.review_date
    out.labelled(
        "Review",
        due_text(review, row.review_overdue, align=False),
        overdue_note(review, row.review_overdue, ctx.today),
    )
    out.field("Status", risk.status.label)
    out.field("Category", risk.category)


def _more(row: RiskRow, ctx: Context, out: DetailBuilder) -> None:
    out.bullets("Mitigation actions", row.record.mitigation_actions)
    out.paragraph("Description", row.record.description)


RISKS: Register[RiskRow] = Register(
    model=Risk,
    title="Risks",
    columns=[
        Column("id", "Id", lambda r: r.record.id, width=8),
        Column("title", "Risk", lambda r: r.record.title, width=16, flex=1),
        Column("l", "L", lambda r: str(r.record.likelihood), width=1, align="right"),
        Column("i", "I", lambda r: str(r.record.impact), width=1, align="right"),
        Column(
            "score",
            "Score band",
            lambda r: band_text(r.record.score, r.band),
            width=11,
            sort_key=lambda r: r.record.score,
        ),
        Column(
            "residual",
            "Residual",
            _residual_text,
            width=11,
            sort_key=lambda r: r.residual_score,
        ),
        Column(
            "review",
            "Review",
            lambda r: due_text(r.record.review_date, r.review_overdue),
            width=12,
            sort_key=lambda r: r.record.review_date,
        ),
        Column("status", "Status", lambda r: r.record.status.label, width=10),
        Column("treatment", "Treatment", lambda r: r.record.treatment.label, width=9),
        Column("owner", "Owner", lambda r: r.owner, width=12),
    ],
    rows=lambda ctx: risk_rows(ctx.data, ctx.today),
    detail=_detail,
    more=_more,
    children=(links_child(),),
)


class RisksTab(RegisterTab[RiskRow], inherit_bindings=False):
    """The risk register with its heat map (inherent or residual) and a cell filter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "heat_map", "Heat map", id="plan.risk.heat_map"),
        Binding("x", "clear_cell", "Clear cell", id="plan.risk.clear_cell"),
        Binding("i", "toggle_residual", "Inherent/residual", id="plan.risk.toggle_residual"),
        *RegisterTab.BINDINGS,
    ]

    def __init__(self, register: Register[RiskRow] = RISKS, *, id: str) -> None:  # noqa: A002
        super().__init__(register, id=id)
        self.heat_map = HeatMapGrid(id=f"{id}-heat-map")
        self.cell_label = Static("", id=f"{id}-cell", classes="plan-cell-filter", markup=False)
        self.residual = False
        self.chosen: Cell | None = None
        self._all_rows: list[RiskRow] = []
        self.grid: HeatMap = heat_map(())

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        with Horizontal(classes="plan-risk-top"):
            yield self.heat_map
            yield from self.compose_detail()
        with self.view:  # the cell label above the filter line and the table
            yield self.cell_label

    def on_mount(self) -> None:
        self.cell_label.display = False

    # ------------------------------------------------------------------ data

    def build_rows(self, context: Context) -> list[RiskRow]:
        self._all_rows = list(self.spec.rows(context))
        self._show_map()
        return self._visible_rows()

    def _visible_rows(self) -> list[RiskRow]:
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
