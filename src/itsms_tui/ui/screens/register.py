"""RegisterScreen: a register (RecordTable) over a detail pane of the highlighted record.

Suppliers and Agreements are both this shape. What the register shows (columns, rows,
detail) is the ``Register`` its home declares in ``ui.homes`` (the home of the screen's
mode that has one), the same declaration a Plan tab renders. The detail pane's ``→`` lines are the
linked records: Enter edits a record that belongs to this screen (an evaluation, an
amendment) and jumps to the screen of any other (a KPI, a risk). ``a`` adds a linked
record (a review, an amendment...) with the reference already filled in. Which records
belong here and what ``a`` offers come from ``ui.homes``. Tab moves
between the register and the pane; the record keys act on the pane's linked record
while the pane has focus.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar, Generic

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.timer import Timer

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.record import Record
from itsms_tui.domain.registry import BY_COLLECTION
from itsms_tui.ui.homes import HOMES, adds_from, shown_under
from itsms_tui.ui.registers import RegisterView
from itsms_tui.ui.registers.detail import DetailBuilder
from itsms_tui.ui.registers.spec import Context, Register, RowT, record_key
from itsms_tui.ui.screens.add_chooser import AddChooser
from itsms_tui.ui.screens.base import MainScreen
from itsms_tui.ui.widgets.detail_pane import DetailPane
from itsms_tui.ui.widgets.record_table import RecordTable

DETAIL_DELAY = 0.08
"""Seconds the cursor rests on a row before the detail pane shows that row's record.

Longer than the interval of a repeating key (25-40 ms), so holding an arrow key
redraws only the register's two cursor rows per step, and the pane (some 25 lines,
most of the bytes a step would write) once, when the keys stop."""


def register_of(mode: str) -> Register[Any]:
    """The register a main screen shows: the one its mode's home declares."""
    return next(h.register for h in HOMES if h.mode == mode and h.register is not None)


class RegisterScreen(MainScreen, Generic[RowT]):
    """Register above, detail pane below, rendered from the home's ``Register``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_linked", "Add linked", id="register.add_linked"),
        Binding("escape", "back", "Back", show=False, id="register.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.spec: Register[RowT] = register_of(self.MODE)
        self._ctx = Context(DataSet(), date.today())
        self._detail_timer: Timer | None = None

    def compose_body(self) -> ComposeResult:
        yield RegisterView(
            self.spec.columns,
            record_key,
            table_id="register",
            empty_text="Loading…",
            id="register-view",
        )
        yield DetailPane(self.detail_label(), id="detail")

    # ------------------------------------------------------------------ texts

    def detail_label(self) -> str:
        return "Details (Tab here, Esc back) · Enter on → opens · a adds"

    def empty_text(self) -> str:
        return self.spec.empty

    # ------------------------------------------------------------------ widgets

    @property
    def register(self) -> RecordTable[RowT]:
        return self.view.table

    @property
    def view(self) -> RegisterView[RowT]:
        view: RegisterView[RowT] = self.query_one("#register-view", RegisterView)
        return view

    @property
    def detail(self) -> DetailPane:
        return self.query_one("#detail", DetailPane)

    def on_mount(self) -> None:
        self._shown_id: str | None = None
        self.follow_data(self._show_data)
        self.register.focus()

    def build_context(self, data: DataSet) -> Context:
        app = self.itsms
        return Context(data, app.today, app.kpi_readings(), app.settings, app.read_only)

    def _show_data(self, data: DataSet) -> None:
        empty = self.empty_text() if self.itsms.loaded else "Loading…"
        self._ctx = self.build_context(data)
        self.view.show_rows(self.spec.rows(self._ctx), empty)
        self._show_detail(keep=True)

    def _show_detail(self, keep: bool) -> None:
        self._cancel_detail_timer()
        row = self.register.cursor_row_object
        pane = self.detail
        if row is None:
            self._shown_id = None
            pane.show([], keep_cursor=False)
            return
        record = row.record
        out = DetailBuilder(pane.text_width)
        self.spec.detail(row, self._ctx, out)
        same = keep and record.id == self._shown_id
        self._shown_id = record.id
        pane.show(out.lines, keep_cursor=same)

    @on(RecordTable.Highlighted, "#register")
    def _highlighted(self, event: RecordTable.Highlighted) -> None:
        """The cursor moved: show its record once it rests there (``DETAIL_DELAY``)."""
        event.stop()
        self._cancel_detail_timer()
        if self.register.cursor_key != self._shown_id:  # already shown by select_record
            self._detail_timer = self.set_timer(DETAIL_DELAY, self._detail_due)

    @property
    def detail_pending(self) -> bool:
        """True while the pane still shows a record the cursor has left (debounce)."""
        return self._detail_timer is not None

    def _detail_due(self) -> None:
        self._detail_timer = None
        if self.register.cursor_key != self._shown_id:
            self._show_detail(keep=False)

    def _cancel_detail_timer(self) -> None:
        timer, self._detail_timer = self._detail_timer, None
        if timer is not None:
            timer.stop()

    def flush_detail(self) -> None:
        """Show the cursor's record in the pane now (before the pane is used)."""
        if self._detail_timer is not None:
            self._detail_due()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget is self.detail:
            self.flush_detail()

    def on_resize(self) -> None:
        self._show_detail(keep=True)

    @on(RecordTable.Selected, "#register")
    def _register_enter(self, event: RecordTable.Selected) -> None:
        event.stop()
        self.detail.focus()

    @on(RecordTable.Selected, "#detail")
    def _detail_enter(self, event: RecordTable.Selected) -> None:
        event.stop()
        record_id = self.detail.linked_id
        if not record_id:
            return
        record = self.itsms.data.get(record_id)
        if record is None:
            return
        if shown_under(record, self.MODE, self.itsms.data) is not None:
            if self.itsms.read_only:
                self.itsms.show_history(record_id)
            else:
                self.itsms.edit_record(record)
        elif record.collection == self.spec.collection:
            self.select_record(record_id)
        else:
            self.itsms.open_record(record_id)

    # ------------------------------------------------------------------ MainScreen hooks

    def current_record(self) -> Record | None:
        data = self.itsms.data
        self.flush_detail()
        if self.focused is self.detail:
            linked = self.detail.linked_id
            if linked:
                return data.get(linked)
        key = self.register.cursor_key
        return data.get(key) if key else None

    def new_record(self) -> tuple[type[Record], dict[str, Any]] | None:
        return (self.spec.model, {})

    def filter_target(self) -> RecordTable[Any] | None:
        return self.register

    def select_record(self, record_id: str) -> bool:
        data = self.itsms.data
        record = data.get(record_id)
        if record is None:
            return False
        if record.collection == self.spec.collection:
            if not self.view.select(record_id, self._filter_cleared):
                return False
            self._show_detail(keep=False)
            self.register.focus()
            return True
        parent = shown_under(record, self.MODE, data)
        if parent is None or not self.select_record(parent):
            return False
        if self.detail.select_link(record_id):
            self.detail.focus()
        return True

    def _filter_cleared(self) -> bool:
        """Drop the `/` filter so the register can show a record it hid."""
        self.clear_filter()
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "add_linked" and self.itsms.read_only:
            return False
        if action == "back":
            return self.focused is self.detail or self.filter_on()
        return super().check_action(action, parameters)

    def action_back(self) -> None:
        """Escape: from the detail pane back to the register, else clear a kept filter."""
        if self.focused is self.detail:
            self.register.focus()
        else:
            self.clear_filter()

    def action_add_linked(self) -> None:
        key = self.register.cursor_key
        record = self.itsms.data.get(key) if key else None
        if record is None:
            self.notify("Move the cursor to a record first.", markup=False)
            return
        choices = adds_from(record, self.itsms.today)
        initial_of = {add.collection: initial for add, initial in choices}

        def chosen(collection: str | None) -> None:
            if collection is not None:
                self.itsms.create_record(BY_COLLECTION[collection], initial_of[collection])

        self.app.push_screen(
            AddChooser(
                f"Add to {record.display}",
                [(add.key, add.label, add.collection) for add, _ in choices],
            ),
            chosen,
        )
