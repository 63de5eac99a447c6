"""KPI board (key 5): a card per KPI with status, value vs target and a sparkline.

Only the cards that fit on screen exist as widgets (a fixed pool, refilled as the
cursor moves), so hundreds or thousands of KPIs cost no more than a screenful.
Filters: ``f`` cycles the status, ``b`` the subject kind, ``/`` matches text.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Sparkline, Static

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import KpiStatus
from itsms_tui.domain.kpi_status import KpiReading, Trend
from itsms_tui.domain.kpis import SUBJECT_PREFIXES, Kpi, Measurement, target_word
from itsms_tui.domain.record import Record
from itsms_tui.services.register_rows import KpiCardData, card_data
from itsms_tui.ui.quiet_updates import set_own_class
from itsms_tui.ui.screens.base import MainScreen
from itsms_tui.ui.theme import rag_text

CARD_WIDTH = 38
CARD_HEIGHT = 5
STATUS_FILTERS: tuple[KpiStatus | None, ...] = (
    None,
    KpiStatus.RED,
    KpiStatus.AMBER,
    KpiStatus.GREEN,
    KpiStatus.GREY,
)
SUBJECT_FILTERS: tuple[str | None, ...] = (None, *SUBJECT_PREFIXES)
SUBJECT_WORDS = {
    "OBJ": "objective",
    "PRC": "process",
    "SUP": "supplier",
    "AGR": "agreement",
    "SVC": "service",
}
TREND_WORDS = {
    Trend.IMPROVING: "↗ improving",
    Trend.WORSENING: "↘ worsening",
    Trend.STEADY: "→ steady",
    Trend.UNKNOWN: "",
}


def value_line(card: KpiCardData, width: int | None = None) -> Text:
    """``✖ red  87 % / target 95 %``, shortened to fit ``width`` cells so the target is
    never cut: the unit once instead of twice, then the symbol without its word."""
    kpi, reading = card.kpi, card.reading
    status = rag_text(reading.status, "overdue" if reading.overdue else None)
    if reading.value is None:
        return status.append("  no measurement yet", style="dim")
    value, target, unit = f"{reading.value:g}", f"{kpi.target:g}", kpi.unit
    word = target_word(kpi)
    symbol = Text(status.plain.split(" ", 1)[0], style=status.style)
    candidates = [
        (status, f"  {value} {unit} / {word} {target} {unit}"),
        (status, f"  {value} / {word} {target} {unit}"),
        (symbol, f" {value} / {word} {target} {unit}"),
        (symbol, f" {value} / {target} {unit}"),
    ]
    for head, tail in candidates:
        line = head.copy().append(tail.rstrip())
        if width is None or line.cell_len <= width:
            return line
    return line


class KpiCard(Vertical):
    """One card of the pool; ``show`` fills it with a KPI (or hides it)."""

    DEFAULT_CSS = """
    KpiCard {
        width: 1fr;
        height: 5;
        border: round $panel-lighten-2;
        padding: 0 1;
        & > Static {
            height: 1;
        }
        &.-cursor {
            border: heavy $accent;
        }
        &:ansi.-cursor {
            border: heavy ansi_bright_yellow;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.card: KpiCardData | None = None
        self._width = 0
        # Built here, not in compose: the grid fills a card before it is mounted.
        self._value = Static(classes="value")
        self._subject = Static(classes="subject")
        self._spark = Sparkline([], classes="spark")

    def compose(self) -> ComposeResult:
        yield self._value
        yield self._subject
        yield self._spark

    def show(self, card: KpiCardData | None, cursor: bool) -> None:
        """Fill the card; what is already shown is left alone, so a cursor step repaints
        only the two cards whose cursor mark changed, not the whole board."""
        set_own_class(self, cursor, "-cursor")  # KpiCard.-cursor: the border only
        width = self.content_size.width or CARD_WIDTH - 4
        if card is self.card and width == self._width:
            return
        self.card = card
        self._width = width
        self.display = card is not None
        if card is None:
            return
        self.border_title = Text(card.kpi.display)
        self.border_subtitle = Text(TREND_WORDS[card.trend]) if card.trend else None
        # One line each (CSS height 1): no layout pass for new text.
        self._value.update(value_line(card, width), layout=False)
        self._subject.update(Text(card.subject, style="dim"), layout=False)
        self._spark.data = list(card.recent) if len(card.recent) > 1 else []

    def on_click(self, event: events.Click) -> None:
        if self.card is not None:
            self.post_message(KpiGrid.CardClicked(self.card.kpi.id))


class KpiGrid(Widget, can_focus=True):
    """The card pool and the cursor over the filtered KPI list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(-1, 0)", "Up", show=False, id="kpi_grid.up"),
        Binding("down,j", "move(1, 0)", "Down", show=False, id="kpi_grid.down"),
        Binding("left", "move(0, -1)", "Left", show=False, id="kpi_grid.left"),
        Binding("right,l", "move(0, 1)", "Right", show=False, id="kpi_grid.right"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="kpi_grid.page_up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="kpi_grid.page_down"),
        Binding("home,g", "jump(0)", "First", show=False, id="kpi_grid.first"),
        Binding("end,G", "jump(-1)", "Last", show=False, id="kpi_grid.last"),
        Binding("enter", "open", "Open", id="kpi_grid.open"),
    ]

    DEFAULT_CSS = """
    KpiGrid {
        height: 1fr;
        layout: grid;
        grid-gutter: 0 1;
        padding: 0 1;
        &:focus {
            background-tint: $foreground 3%;
        }
    }
    """

    class Opened(Message):
        def __init__(self, kpi_id: str) -> None:
            super().__init__()
            self.kpi_id = kpi_id

    class CardClicked(Message):
        def __init__(self, kpi_id: str) -> None:
            super().__init__()
            self.kpi_id = kpi_id

    class Moved(Message):
        """The cursor moved (the screen updates its counter line)."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.cards: list[KpiCardData] = []
        self.cursor = 0
        self.top_row = 0
        self.columns = 1
        self.rows = 1

    # ------------------------------------------------------------------ data

    def set_cards(self, cards: list[KpiCardData]) -> None:
        """Replace the list; the cursor stays on the same KPI when it is still listed."""
        current = self.current_id
        self.cards = cards
        index = next((i for i, c in enumerate(cards) if c.kpi.id == current), None)
        self.cursor = index if index is not None else min(self.cursor, max(0, len(cards) - 1))
        self._refresh_cards()

    @property
    def current(self) -> KpiCardData | None:
        return self.cards[self.cursor] if self.cards else None

    @property
    def current_id(self) -> str | None:
        card = self.current
        return None if card is None else card.kpi.id

    def select(self, kpi_id: str) -> bool:
        for index, card in enumerate(self.cards):
            if card.kpi.id == kpi_id:
                self.cursor = index
                self._refresh_cards()
                return True
        return False

    # ------------------------------------------------------------------ layout

    def on_resize(self, event: events.Resize) -> None:
        width, height = event.size.width - 2, event.size.height
        columns = max(1, (width + 1) // (CARD_WIDTH + 1))
        rows = max(1, height // CARD_HEIGHT)
        if (columns, rows) != (self.columns, self.rows) or not self.children:
            self.columns, self.rows = columns, rows
            self.styles.grid_size_columns = columns
            self.styles.grid_rows = str(CARD_HEIGHT)
            wanted = columns * rows
            pool = list(self.query(KpiCard))
            if len(pool) < wanted:
                self.mount_all([KpiCard() for _ in range(wanted - len(pool))])
            for extra in pool[wanted:]:
                extra.remove()
            self.call_after_refresh(self._refresh_cards)

    def _refresh_cards(self) -> None:
        per_row = self.columns
        page_rows = self.rows
        cursor_row = self.cursor // per_row
        if cursor_row < self.top_row:
            self.top_row = cursor_row
        elif cursor_row >= self.top_row + page_rows:
            self.top_row = cursor_row - page_rows + 1
        first = self.top_row * per_row
        for offset, widget in enumerate(self.query(KpiCard)):
            index = first + offset
            card = self.cards[index] if index < len(self.cards) else None
            widget.show(card, cursor=index == self.cursor and self.has_focus)
        self.post_message(self.Moved())

    def on_focus(self) -> None:
        self._refresh_cards()

    def on_blur(self) -> None:
        self._refresh_cards()

    # ------------------------------------------------------------------ actions

    def _go(self, index: int) -> None:
        if self.cards:
            self.cursor = max(0, min(index, len(self.cards) - 1))
            self._refresh_cards()

    def action_move(self, rows: int, columns: int) -> None:
        self._go(self.cursor + rows * self.columns + columns)

    def action_page(self, pages: int) -> None:
        self._go(self.cursor + pages * self.columns * self.rows)

    def action_jump(self, index: int) -> None:
        self._go(index if index >= 0 else len(self.cards) - 1)

    def action_open(self) -> None:
        card = self.current
        if card is not None:
            self.post_message(self.Opened(card.kpi.id))

    def on_kpi_grid_card_clicked(self, event: KpiGrid.CardClicked) -> None:
        event.stop()
        if self.current_id == event.kpi_id:
            self.post_message(self.Opened(event.kpi_id))
        else:
            self.select(event.kpi_id)


class KpiBoardScreen(MainScreen):
    """Every KPI at a glance; Enter opens its measurements, ``m`` records one."""

    AUTO_FOCUS: ClassVar[str | None] = "KpiGrid"

    MODE: ClassVar[str] = "kpis"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "measure", "Measure", id="kpis.measure"),
        Binding("f", "cycle_status", "Status filter", id="kpis.status_filter"),
        Binding("b", "cycle_subject", "Subject filter", id="kpis.subject_filter"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.status_filter: KpiStatus | None = None
        self.subject_filter: str | None = None
        self.text_filter = ""
        self._all: list[KpiCardData] = []
        self._cards_of: DataSet | None = None
        """The data the cards were built from (a newer one: cards are being rebuilt)."""
        self._pending_select: str | None = None

    def compose_body(self) -> ComposeResult:
        yield Static(Text("Loading…"), id="kpi-filters")
        yield KpiGrid(id="kpi-grid")

    @property
    def grid(self) -> KpiGrid:
        return self.query_one(KpiGrid)

    def on_mount(self) -> None:
        self.follow_data(self._show_data)
        self.grid.focus()

    def _show_data(self, data: DataSet) -> None:
        if self.itsms.loaded:
            self._build_cards(data, self.itsms.kpi_readings())
        else:
            self._apply()

    @work(thread=True, exclusive=True, group="kpi-cards", exit_on_error=False)
    def _build_cards(self, data: DataSet, readings: dict[str, KpiReading]) -> None:
        """Card data for every KPI (a pass over all measurements): off the UI thread."""
        cards = card_data(data, readings)
        if data is self.itsms.data:
            self.app.call_from_thread(self._cards_ready, cards, data)

    def _cards_ready(self, cards: list[KpiCardData], data: DataSet) -> None:
        self._all = cards
        self._cards_of = data
        self._apply()
        pending, self._pending_select = self._pending_select, None
        if pending is not None and not self.select_record(pending):
            self.notify(f"{pending} is not on the KPI board", markup=False)

    def _apply(self) -> None:
        words = self.text_filter.casefold().split()
        shown = [
            c
            for c in self._all
            if (self.status_filter is None or c.reading.status is self.status_filter)
            and (self.subject_filter is None or c.subject_kind == self.subject_filter)
            and all(w in c.haystack for w in words)
        ]
        self.grid.set_cards(shown)
        self._show_filters()

    def _show_filters(self) -> None:
        grid = self.grid
        status = self.status_filter.value if self.status_filter else "all"
        subject = SUBJECT_WORDS[self.subject_filter] if self.subject_filter else "all"
        line = Text.assemble(
            ("Status ", "dim"),
            (status, "bold"),
            ("  Subject ", "dim"),
            (subject, "bold"),
        )
        if self.text_filter:
            line.append("  Text ", style="dim")
            line.append(self.text_filter, style="bold")
        if not self.itsms.loaded:
            line.append("  loading…")
        elif grid.cards:
            line.append(f"  {grid.cursor + 1}/{len(grid.cards)} of {len(self._all)} KPIs")
        else:
            line.append(f"  no KPI matches (of {len(self._all)})")
        self.query_one("#kpi-filters", Static).update(line, layout=False)  # CSS height 1

    def on_kpi_grid_moved(self, event: KpiGrid.Moved) -> None:
        event.stop()
        self._show_filters()

    def on_kpi_grid_opened(self, event: KpiGrid.Opened) -> None:
        event.stop()
        self.open_kpi(event.kpi_id)

    def open_kpi(self, kpi_id: str) -> None:
        from itsms_tui.ui.screens.kpi_detail import KpiDetailScreen

        self.app.push_screen(KpiDetailScreen(kpi_id))

    # ------------------------------------------------------------------ filters

    def action_cycle_status(self) -> None:
        index = STATUS_FILTERS.index(self.status_filter)
        self.status_filter = STATUS_FILTERS[(index + 1) % len(STATUS_FILTERS)]
        self._apply()

    def action_cycle_subject(self) -> None:
        index = SUBJECT_FILTERS.index(self.subject_filter)
        self.subject_filter = SUBJECT_FILTERS[(index + 1) % len(SUBJECT_FILTERS)]
        self._apply()

    def apply_filter(self, text: str) -> None:
        self.text_filter = text
        self._apply()

    def focus_after_filter(self) -> None:
        self.grid.focus()

    # ------------------------------------------------------------------ records

    def current_record(self) -> Record | None:
        card = self.grid.current
        return None if card is None else card.kpi

    def new_record(self) -> tuple[type[Record], dict[str, Any]] | None:
        return (Kpi, {})

    def select_record(self, record_id: str) -> bool:
        if self._cards_of is not self.itsms.data:  # cards (re)built in a worker: select then
            self._pending_select = record_id
            return self.itsms.data.get(record_id) is not None
        record = self.itsms.data.get(record_id)
        kpi_id = record.kpi_id if isinstance(record, Measurement) else record_id
        if not self.grid.select(kpi_id):
            self.status_filter = self.subject_filter = None
            self.clear_filter()
            if not self.grid.select(kpi_id):
                return False
        self.grid.focus()
        if isinstance(record, Measurement):
            self.open_kpi(kpi_id)
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "measure" and self.itsms.read_only:
            return False
        return super().check_action(action, parameters)

    def action_measure(self) -> None:
        card = self.grid.current
        if card is None:
            self.notify("No KPI selected.", markup=False)
            return
        record_measurement(self.itsms, card.kpi)


def record_measurement(app: Any, kpi: Kpi) -> None:
    """Ask for the value (prompt), then save it through the workspace in a worker."""
    from itsms_tui.ui.screens.measurement_prompt import MeasurementInput, MeasurementPrompt

    def entered(result: MeasurementInput | None) -> None:
        if result is None:
            return
        app.run_service(
            app.workspace.record_measurement,
            kpi,
            result.value,
            result.measured_on,
            result.note,
            success=f"Recorded {result.value:g} {kpi.unit} for {kpi.display}",
        )

    app.push_screen(MeasurementPrompt(kpi, app.today), entered)
