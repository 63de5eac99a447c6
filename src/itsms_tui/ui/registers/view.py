"""RegisterView: the record table of a register with its own filter line.

The Plan tabs and the Suppliers and Agreements screens all show their records through
this widget, so the filter line, the "no records yet" text, and putting the cursor on
a record (clearing whatever filter hides it) behave the same everywhere. A host without
its own filter line (a screen that filters through the shared ``/`` line) passes
``filter_id=None`` and says how to clear that filter when it selects a record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input

from itsms_tui.ui.widgets.ordered_input import OrderedInput
from itsms_tui.ui.widgets.record_table import Column, RecordTable

RowT = TypeVar("RowT")

FILTER_PLACEHOLDER = "Filter: type to narrow · Enter keep · Esc clear"


def focus_now(widget: Widget) -> None:
    """Move the focus at once (``Widget.focus`` waits a turn, so keys typed right after a
    tab or screen switch, already queued, would still go to the previous table)."""
    if widget.is_attached:
        widget.screen.set_focus(widget)
    else:
        widget.focus()


def _nothing_cleared() -> bool:
    return False


class RegisterView(Vertical, Generic[RowT]):
    """A register's table, and its filter line when the host gives it one."""

    def __init__(
        self,
        columns: Sequence[Column[RowT]],
        row_key: Callable[[RowT], str],
        *,
        table_id: str,
        empty_text: str,
        filter_id: str | None = None,
        table_classes: str | None = None,
        filter_classes: str | None = None,
        id: str | None = None,  # noqa: A002 - Textual's own parameter name
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.filter_input: OrderedInput | None = (
            None
            if filter_id is None
            else OrderedInput(
                placeholder=FILTER_PLACEHOLDER,
                id=filter_id,
                classes=filter_classes,
                compact=True,
            )
        )
        self.table: RecordTable[RowT] = RecordTable(
            list(columns),
            row_key,
            id=table_id,
            classes=table_classes,
            empty_text=empty_text,
        )

    def compose(self) -> ComposeResult:
        if self.filter_input is not None:
            yield self.filter_input
        yield self.table

    def on_mount(self) -> None:
        if self.filter_input is not None:
            self.filter_input.display = False

    # ------------------------------------------------------------------ rows

    def show_rows(self, rows: Iterable[RowT], empty_text: str) -> None:
        """Replace the rows (the cursor stays on its record when it is still there)."""
        self.table.empty_text = empty_text
        self.table.set_rows(rows)

    def select(self, record_id: str, clear_other: Callable[[], bool] = _nothing_cleared) -> bool:
        """Put the cursor on ``record_id``; when a filter hides it, clear the filter line and
        ``clear_other`` (the host's own filters; True when it cleared one) and try again."""
        if self.table.select_key(record_id):
            return True
        cleared = clear_other()
        if self.filter_input is not None and self.table.filter_text:
            self.clear_filter()
            cleared = True
        return cleared and self.table.select_key(record_id)

    def focus_table(self) -> None:
        focus_now(self.table)

    # ------------------------------------------------------------------ filter line

    def open_filter(self) -> None:
        """``/``: show the filter line and type into it."""
        if self.filter_input is not None:
            self.filter_input.display = True
            focus_now(self.filter_input)

    def clear_filter(self) -> None:
        """Drop the filter and hide its line."""
        if self.filter_input is not None:
            self.filter_input.value = ""
            self.filter_input.display = False
        self.table.set_filter("")

    @on(Input.Changed)
    def _filter_changed(self, event: Input.Changed) -> None:
        if event.input is self.filter_input:
            event.stop()
            self.table.set_filter(event.value)

    @on(Input.Submitted)
    def _filter_submitted(self, event: Input.Submitted) -> None:
        """Enter keeps the filter (its line stays while it narrows) and returns to the table."""
        if self.filter_input is not None and event.input is self.filter_input:
            event.stop()
            self.filter_input.display = bool(event.value.strip())
            self.focus_table()
