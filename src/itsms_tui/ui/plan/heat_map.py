"""The 5x5 likelihood x impact heat map, driven from the keyboard.

Rows are likelihood 5 (top) to 1, columns impact 1 to 5, as ``risk_rating.heat_map``
lays them out. Every cell shows its count and its band's letter (L/M/H/C) on the band's
colour (the usual green, yellow, orange, red of a risk matrix, whatever the theme), so
the map reads the same in 16 colours and with NO_COLOR. Arrows or h/j/k/l move
the cursor, Enter chooses the cell (posting ``HeatMapGrid.CellChosen``).
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from itsms_tui.domain.risk_rating import (
    IMPACT_COLUMNS,
    LIKELIHOOD_ROWS,
    SCALE,
    HeatMap,
    RiskBand,
    risk_band,
    risk_score,
)
from itsms_tui.ui.theme import BAND_COLOURS, BAND_LETTERS

Cell = tuple[int, int]
"""(likelihood, impact), each 1-5."""

LABEL_WIDTH = 4
CELL_WIDTH = 6
WIDTH = LABEL_WIDTH + CELL_WIDTH * len(IMPACT_COLUMNS)
HEIGHT = 2 + len(LIKELIHOOD_ROWS)

_EMPTY_GRID: HeatMap = tuple(tuple(() for _ in IMPACT_COLUMNS) for _ in LIKELIHOOD_ROWS)


class HeatMapGrid(Widget, can_focus=True):
    """A focusable 5x5 risk matrix with a cell cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Filter to cell", id="heat_map.choose"),
        Binding("up,k", "move(1, 0)", "Likelihood up", show=False, id="heat_map.up"),
        Binding("down,j", "move(-1, 0)", "Likelihood down", show=False, id="heat_map.down"),
        Binding("left,h", "move(0, -1)", "Impact down", show=False, id="heat_map.left"),
        Binding("right,l", "move(0, 1)", "Impact up", show=False, id="heat_map.right"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "heat-map--title",
        "heat-map--axis",
        "heat-map--low",
        "heat-map--medium",
        "heat-map--high",
        "heat-map--critical",
        "heat-map--cursor",
        "heat-map--chosen",
    }

    DEFAULT_CSS = f"""
    HeatMapGrid {{
        width: {WIDTH};
        height: {HEIGHT};
        & > .heat-map--title {{ text-style: bold; }}
        & > .heat-map--axis {{ color: $text-muted; }}
        & > .heat-map--low {{ background: {BAND_COLOURS[RiskBand.LOW]}; color: #000000; }}
        & > .heat-map--medium {{ background: {BAND_COLOURS[RiskBand.MEDIUM]}; color: #000000; }}
        & > .heat-map--high {{ background: {BAND_COLOURS[RiskBand.HIGH]}; color: #000000; }}
        & > .heat-map--critical {{ background: {BAND_COLOURS[RiskBand.CRITICAL]}; color: #ffffff; }}
        & > .heat-map--cursor {{ text-style: bold reverse; }}
        & > .heat-map--chosen {{ text-style: bold underline; }}
    }}
    """

    cursor: reactive[Cell] = reactive((3, 3))
    """The cell under the cursor."""

    class CellChosen(Message):
        """Enter (or a click) on a cell."""

        def __init__(self, heat_map: HeatMapGrid, cell: Cell) -> None:
            super().__init__()
            self.heat_map = heat_map
            self.cell = cell

        @property
        def control(self) -> HeatMapGrid:
            return self.heat_map

    def __init__(
        self,
        *,
        id: str | None = None,  # noqa: A002 - Textual's own parameter name
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.grid: HeatMap = _EMPTY_GRID
        self.residual = False
        self.chosen: Cell | None = None
        self.unrated = 0

    def show(self, grid: HeatMap, *, residual: bool, chosen: Cell | None, unrated: int = 0) -> None:
        """Display these counts (from ``risk_rating.heat_map``) and the chosen cell.

        ``unrated``: risks the residual map leaves out (no residual rating), said in the title.
        """
        self.grid = grid
        self.residual = residual
        self.chosen = chosen
        self.unrated = unrated if residual else 0
        self.refresh()

    def count(self, cell: Cell) -> int:
        likelihood, impact = cell
        row = LIKELIHOOD_ROWS.index(likelihood)
        return len(self.grid[row][IMPACT_COLUMNS.index(impact)])

    # ------------------------------------------------------------------ keys

    def action_move(self, likelihood: int, impact: int) -> None:
        lk, im = self.cursor
        self.cursor = (_clamp(lk + likelihood), _clamp(im + impact))

    def action_choose(self) -> None:
        self.post_message(self.CellChosen(self, self.cursor))

    def watch_cursor(self) -> None:
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        cell = self.cell_at(event.x, event.y)
        if cell is not None:
            self.cursor = cell
            self.action_choose()

    def cell_at(self, x: int, y: int) -> Cell | None:
        """The cell drawn at widget offset (x, y), if any."""
        row, column = y - 2, (x - LABEL_WIDTH) // CELL_WIDTH
        if x < LABEL_WIDTH or not (0 <= row < len(LIKELIHOOD_ROWS)):
            return None
        if not 0 <= column < len(IMPACT_COLUMNS):
            return None
        return LIKELIHOOD_ROWS[row], IMPACT_COLUMNS[column]

    # ------------------------------------------------------------------ drawing

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def render(self) -> Text:
        axis = self._style("heat-map--axis")
        view = "Residual" if self.residual else "Inherent"
        text = Text(no_wrap=True, overflow="crop", end="")
        if self.unrated:
            # Fits the map's width: "Residual · 12 not rated · L M H C".
            text.append(view, style=self._style("heat-map--title"))
            text.append(f" · {self.unrated} not rated · L M H C", style=axis)
        else:
            text.append(f"{view} rating", style=self._style("heat-map--title"))
            text.append(" · bands L M H C", style=axis)
        text.append("\n")
        text.append("L\\I".ljust(LABEL_WIDTH), style=axis)
        for impact in IMPACT_COLUMNS:
            text.append(str(impact).center(CELL_WIDTH), style=axis)
        for likelihood in LIKELIHOOD_ROWS:
            text.append("\n")
            text.append(f" {likelihood}".ljust(LABEL_WIDTH), style=axis)
            for impact in IMPACT_COLUMNS:
                text.append_text(self._cell_text((likelihood, impact)))
        return text

    def _cell_text(self, cell: Cell) -> Text:
        band = risk_band(risk_score(*cell))
        count = self.count(cell)
        is_cursor = cell == self.cursor and self.has_focus
        is_chosen = cell == self.chosen
        left, right = ("[", "]") if is_cursor else ("*", "*") if is_chosen else (" ", " ")
        number = str(count) if count else "·"
        style = self._style(f"heat-map--{band.value}")
        if is_chosen:
            style += self._style("heat-map--chosen")
        if is_cursor:
            style += self._style("heat-map--cursor")
        return Text(f"{left}{number:>2} {BAND_LETTERS[band]}{right}", style=style)


def _clamp(value: int) -> int:
    return max(SCALE[0], min(SCALE[-1], value))


def band_of(cell: Cell) -> RiskBand:
    """The band a cell is drawn in."""
    return risk_band(risk_score(*cell))
