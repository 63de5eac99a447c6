"""The plan timeline drawn as a Gantt chart: names on the left, one cell per week or month.

It draws a ``services.plan_timeline.Timeline`` and nothing else: the rows, which cells
are late or blocked and where today is all come from there. Only the columns and rows
that fit are drawn, so scrolling is a redraw of a window: left/right (h/l) move a column,
Home/End go to the first and last, up/down (j/k) and PageUp/PageDown move the rows.
Every cell kind has its own glyph (``ui.theme.TIMELINE_MARKS``) and the legend names
them, so a 16-colour or ``NO_COLOR=1`` terminal reads the same chart. Names are literal
text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widget import Widget

from itsms_tui.services.plan_timeline import Cell, Timeline, TimelineColumn, TimelineRow
from itsms_tui.ui.theme import (
    BLOCKED_MARK,
    LATE,
    STYLES,
    TIMELINE_MARKS,
    TIMELINE_STYLES,
    TODAY_MARK,
)

CELL_WIDTH = 4
HEADER_LINES = 2
LEGEND_LINES = 1
TODAY_STYLE = STYLES["red"]

Line = str | TimelineRow
"""A drawn line: a group heading (the process name) or a row."""


def legend() -> Text:
    out = Text()
    for cell, word in (
        (Cell.PLANNED, "planned"),
        (Cell.BLOCKED, "blocked"),
        (Cell.FINISHED, "done"),
        (Cell.LATE, "late"),
        (Cell.MILESTONE, "objective due"),
    ):
        out.append(TIMELINE_MARKS[cell], style=TIMELINE_STYLES[cell])
        out.append(f" {word}  ")
    out.append(TODAY_MARK, style=TODAY_STYLE)
    out.append(" today")
    return out


def _lines(timeline: Timeline) -> list[Line]:
    lines: list[Line] = []
    group: str | None = None
    for row in timeline.rows:
        if row.group != group:
            group = row.group
            lines.append(group)
        lines.append(row)
    return lines


class TimelineChart(Widget, can_focus=True):
    """A window onto a timeline; ``show`` replaces the timeline."""

    DEFAULT_CSS = """
    TimelineChart {
        height: 1fr;
        width: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "scroll_columns(-1)", "Earlier", id="timeline.earlier"),
        Binding("right,l", "scroll_columns(1)", "Later", id="timeline.later"),
        Binding("home", "first_column", "Start", id="timeline.start"),
        Binding("end", "last_column", "End", id="timeline.end"),
        Binding("up,k", "scroll_rows(-1)", "Up", show=False, id="timeline.up"),
        Binding("down,j", "scroll_rows(1)", "Down", show=False, id="timeline.down"),
        Binding("pageup", "page_rows(-1)", "Page up", show=False, id="timeline.page_up"),
        Binding("pagedown", "page_rows(1)", "Page down", show=False, id="timeline.page_down"),
    ]

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.timeline: Timeline | None = None
        self.first_column = 0
        self.first_line = 0
        self._lines: list[Line] = []

    # ------------------------------------------------------------------ geometry

    @property
    def label_width(self) -> int:
        return max(12, min(30, self.size.width // 3))

    @property
    def visible_columns(self) -> int:
        return max(1, (self.size.width - self.label_width) // CELL_WIDTH)

    @property
    def visible_lines(self) -> int:
        return max(1, self.size.height - HEADER_LINES - LEGEND_LINES)

    @property
    def last_first_column(self) -> int:
        columns = len(self.timeline.columns) if self.timeline else 0
        return max(0, columns - self.visible_columns)

    def visible_rows(self) -> list[TimelineRow]:
        """The rows in the window (what a reader sees, group headings aside)."""
        window = self._lines[self.first_line : self.first_line + self.visible_lines]
        return [line for line in window if isinstance(line, TimelineRow)]

    # ------------------------------------------------------------------ data

    def show(self, timeline: Timeline, *, keep_position: bool = False) -> None:
        """Draw ``timeline``; unless ``keep_position``, with today near the left edge."""
        self.timeline = timeline
        self._lines = _lines(timeline)
        if not keep_position:
            self.first_column = timeline.today_column - 2
        self._clamp()
        self.refresh()

    def _clamp(self) -> None:
        self.first_column = max(0, min(self.first_column, self.last_first_column))
        last_line = max(0, len(self._lines) - self.visible_lines)
        self.first_line = max(0, min(self.first_line, last_line))

    def on_resize(self) -> None:
        self._clamp()

    # ------------------------------------------------------------------ keys

    def action_scroll_columns(self, step: int) -> None:
        self.first_column += step
        self._clamp()
        self.refresh()

    def action_first_column(self) -> None:
        self.first_column = 0
        self.refresh()

    def action_last_column(self) -> None:
        self.first_column = self.last_first_column
        self.refresh()

    def action_scroll_rows(self, step: int) -> None:
        self.first_line += step
        self._clamp()
        self.refresh()

    def action_page_rows(self, step: int) -> None:
        self.action_scroll_rows(step * self.visible_lines)

    # ------------------------------------------------------------------ drawing

    def _today_offset(self) -> int | None:
        """The x of today's mark within the window's cells, None when scrolled off."""
        timeline = self.timeline
        if timeline is None:
            return None
        index = timeline.today_column - self.first_column
        if not 0 <= index < self.visible_columns:
            return None
        column = timeline.columns[timeline.today_column]
        span = (column.end - column.start).days
        inside = (timeline.today - column.start).days * CELL_WIDTH // span
        return index * CELL_WIDTH + inside

    def render(self) -> Text:
        timeline = self.timeline
        if timeline is None:
            return Text("Loading…")
        if not timeline.rows:
            return Text("No activities or objectives with dates yet: add them on the Plan tabs.")
        width = self.label_width
        shown = timeline.columns[self.first_column : self.first_column + self.visible_columns]
        today_x = self._today_offset()
        out = Text(no_wrap=True, overflow="crop")

        heading_text = _heading_line(shown)
        scale = f"by {timeline.scale.value}"
        out.append(f"{scale:<{width}}", style="dim")
        out.append(heading_text, style="bold")
        out.append("\n")

        out.append(" " * width)
        for i, column in enumerate(shown):
            is_today = self.first_column + i == timeline.today_column
            out.append(f"{column.label:<{CELL_WIDTH}}", style="reverse" if is_today else "dim")
        out.append("\n")

        window = self._lines[self.first_line : self.first_line + self.visible_lines]
        for line in window:
            if isinstance(line, str):
                out.append(_fit(line, width + len(shown) * CELL_WIDTH), style="bold underline")
                out.append("\n")
                continue
            out.append_text(self._label(line, width))
            cells = line.cells[self.first_column : self.first_column + self.visible_columns]
            for i, cell in enumerate(cells):
                glyphs = TIMELINE_MARKS[cell] * CELL_WIDTH
                if cell is Cell.MILESTONE:
                    glyphs = TIMELINE_MARKS[cell].ljust(CELL_WIDTH)
                if today_x is not None and i * CELL_WIDTH <= today_x < (i + 1) * CELL_WIDTH:
                    at = today_x - i * CELL_WIDTH
                    if glyphs[at] == " ":
                        out.append(glyphs[:at], style=TIMELINE_STYLES[cell])
                        out.append(TODAY_MARK, style=TODAY_STYLE)
                        out.append(glyphs[at + 1 :], style=TIMELINE_STYLES[cell])
                        continue
                out.append(glyphs, style=TIMELINE_STYLES[cell])
            out.append("\n")
        for _ in range(self.visible_lines - len(window)):
            out.append("\n")
        out.append_text(legend())
        return out

    def _label(self, row: TimelineRow, width: int) -> Text:
        label = Text()
        if row.overdue:
            label.append(LATE, style=Style.parse(STYLES["red"]))
        if row.blocked:
            label.append(BLOCKED_MARK, style=Style.parse(STYLES["amber"]))
        label.append(" " * (2 - len(label)))
        label.append(_fit(row.label, width - 3))
        label.append(" ")
        return label


def _heading_line(shown: Sequence[TimelineColumn]) -> str:
    """Each month (weeks) or year (months) written above its first column; the first
    column's, when it does not open one, only if it fits before the next heading."""
    size = len(shown) * CELL_WIDTH
    line = [" "] * size
    opens = [i for i, column in enumerate(shown) if column.opens_heading]
    for i in opens:
        text = shown[i].heading
        line[i * CELL_WIDTH : i * CELL_WIDTH + len(text)] = list(text)
    if shown and 0 not in opens:
        room = (opens[0] * CELL_WIDTH - 1) if opens else size
        text = shown[0].heading
        if len(text) <= room:
            line[: len(text)] = list(text)
    return "".join(line[:size])


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` (with … when cut) and padded to it."""
    if len(text) > width:
        text = text[: max(0, width - 1)] + "…"
    return f"{text:<{width}}"
