"""MainScreen: what every main area shares — header, footer, `/` filter and record keys.

A subclass sets ``MODE`` and implements ``compose_body``; it says which record is under
the cursor (``current_record``), what ``n`` creates (``new_record``) and how to put the
cursor on a record (``select_record``, used by ``app.open_record``). The editing keys
are hidden in read-only mode (``check_action`` returns False, so the footer drops them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen

from itsms_tui.ui.widgets.filter_bar import FilterBar
from itsms_tui.ui.widgets.key_footer import KeyFooter
from itsms_tui.ui.widgets.record_table import RecordTable
from itsms_tui.ui.widgets.status_header import StatusHeader

if TYPE_CHECKING:
    from itsms_tui.domain.dataset import DataSet
    from itsms_tui.domain.record import Record
    from itsms_tui.ui.app import ItsmsApp

EDITING_ACTIONS = frozenset({"new", "edit", "delete"})


class MainScreen(Screen[None]):
    """Base of the main areas (modes) of the app."""

    MODE: ClassVar[str] = ""
    AUTO_FOCUS: ClassVar[str | None] = "RecordTable"
    """Focused as the screen is composed, before any key typed after the switch is
    handled (Textual's default, the first focusable widget, was the hidden filter line)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New", id="main.new"),
        Binding("E,f2", "edit", "Edit", key_display="E", id="main.edit"),
        Binding("d", "delete", "Delete", id="main.delete"),
        Binding("h", "history", "History", id="main.history"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="main.clear_filter"),
    ]

    @property
    def itsms(self) -> ItsmsApp:
        """The app, typed (screens only run inside ItsmsApp)."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield StatusHeader(self.MODE or None)
        yield FilterBar()
        yield from self.compose_body()
        yield KeyFooter()

    def compose_body(self) -> ComposeResult:
        """The area's own widgets (between header and footer)."""
        yield from ()

    # ------------------------------------------------------------------ data

    _data_callback: Callable[[DataSet], None] | None = None
    _data_stale = False

    def follow_data(self, callback: Callable[[DataSet], None]) -> None:
        """Show ``app.data`` with ``callback`` now and whenever it changes.

        While the screen is hidden (another area, or a screen pushed over it) changes
        only mark it stale; it catches up when shown again, so a save re-renders one
        screen, not all of them.
        """
        self._data_callback = callback
        self.watch(self.app, "data", self._data_changed, init=False)
        if self.itsms.loaded:  # before, the screen as composed says it is loading
            callback(self.itsms.data)

    def _data_changed(self, data: DataSet) -> None:
        if self.is_current and self._data_callback is not None:
            self._data_stale = False
            self._data_callback(data)
        else:
            self._data_stale = True

    def on_screen_resume(self) -> None:
        if self._data_stale and self._data_callback is not None:
            self._data_stale = False
            self._data_callback(self.itsms.data)

    # ------------------------------------------------------------------ hooks

    def current_record(self) -> Record | None:
        """The record the record keys (edit, delete, history) act on."""
        return None

    def new_record(self) -> tuple[type[Record], dict[str, Any]] | None:
        """What ``n`` creates here: the model and its initial values; None: nothing."""
        return None

    def select_record(self, record_id: str) -> bool:
        """Put the cursor on this record (or the row that shows it); True when found."""
        return False

    def filter_target(self) -> RecordTable[Any] | None:
        """The table `/` filters: the focused one, else the first one on the screen."""
        focused = self.focused
        if isinstance(focused, RecordTable):
            return focused
        tables = list(self.query(RecordTable))
        return tables[0] if tables else None

    def apply_filter(self, text: str) -> None:
        """Filter the current table; areas without a table override this."""
        table = self._filtered or self.filter_target()
        if table is not None:
            self._filtered = table
            table.set_filter(text)

    _filtered: RecordTable[Any] | None = None

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in EDITING_ACTIONS and self.itsms.read_only:
            return False
        if action == "clear_filter":
            return self.filter_on()
        return not (action == "new" and self.new_record() is None)

    @property
    def filter_bar(self) -> FilterBar:
        return self.query_one(FilterBar)

    def start_filter(self) -> None:
        """`/`: open the filter line for the current table."""
        self._filtered = self.filter_target()
        self.filter_bar.open()

    def clear_filter(self) -> None:
        """Drop the `/` filter (e.g. to show a record it hides) and hide its line."""
        self.filter_bar.reset()
        self.apply_filter("")

    def filter_on(self) -> bool:
        """Whether a `/` filter narrows what this screen shows."""
        return self.is_mounted and bool(self.filter_bar.text.strip())

    def action_clear_filter(self) -> None:
        """Escape outside the filter line: clear a kept filter."""
        self.clear_filter()

    @on(FilterBar.Changed)
    def _filter_changed(self, event: FilterBar.Changed) -> None:
        event.stop()
        self.apply_filter(event.text)
        if event.done:
            self.focus_after_filter()

    def focus_after_filter(self) -> None:
        """Enter or Escape in the filter line: back to what was filtered."""
        target = self._filtered
        if target is not None:
            target.focus()

    def action_new(self) -> None:
        spec = self.new_record()
        if spec is not None:
            model, initial = spec
            self.itsms.create_record(model, initial)

    def _need_record(self) -> Record | None:
        record = self.current_record()
        if record is None:
            self.notify("Nothing selected: move the cursor to a record first.", markup=False)
        return record

    def action_edit(self) -> None:
        record = self._need_record()
        if record is not None:
            self.itsms.edit_record(record)

    def action_delete(self) -> None:
        record = self._need_record()
        if record is not None:
            self.itsms.delete_record(record)

    def action_history(self) -> None:
        record = self._need_record()
        if record is not None:
            self.itsms.show_history(record.id)
