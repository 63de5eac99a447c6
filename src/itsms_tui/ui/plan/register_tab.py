"""RegisterTab: one tab of the Plan screen — a filterable register, a detail pane, child tables.

A subclass says what its rows are (``build_rows``), how its columns and detail read, and
which child tables it shows (the activities of a process, the allocations of a resource,
the KPIs of an objective). The screen's record keys (``n`` new, ``E``/F2 edit, ``d``
delete, ``h`` history, ``/`` filter) call this tab's ``action_*`` methods, which act on
whichever of its tables has the focus; the tab's own keys are ``p`` (detail pane on or
off), Enter (open) and Escape (back to the register, then clear the filter).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar, cast

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static, TabPane

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.record import Record
from itsms_tui.ui.forms import RecordForm
from itsms_tui.ui.registers import RegisterView, focus_now
from itsms_tui.ui.theme import PALETTE
from itsms_tui.ui.widgets.ordered_input import OrderedInput
from itsms_tui.ui.widgets.record_table import Column, RecordTable

if TYPE_CHECKING:
    from itsms_tui.ui.app import ItsmsApp

CHILD_MAX_ROWS = 8
"""A child table grows with its rows up to this many, then scrolls."""


class HasRecord(Protocol):
    """A register row: whatever figures it holds, it carries its record."""

    @property
    def record(self) -> Record: ...


RowT = TypeVar("RowT", bound=HasRecord)


def record_key(row: HasRecord) -> str:
    """Every plan row carries its record; the record id is the row's key."""
    return row.record.id


class DetailScroll(VerticalScroll):
    """The detail pane: scrolls with the register's keys too (j/k, g/G) besides the
    arrows, Page Up/Down and Home/End, so reading a long record needs no arrow keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "scroll_up", "Scroll up", show=False, id="plan.detail.up"),
        Binding("j", "scroll_down", "Scroll down", show=False, id="plan.detail.down"),
        Binding("g", "scroll_home", "Top", show=False, id="plan.detail.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="plan.detail.bottom"),
    ]


def _no_initial() -> dict[str, Any]:
    return {}


@dataclass
class Child:
    """A table inside the detail pane and what the keys do in it."""

    table: RecordTable[Any]
    model: type[Record] | None
    """What ``n`` creates while this table has the focus (None: nothing)."""
    initial: Callable[[], dict[str, Any]] = field(default=_no_initial)
    """Starting values of a new record (e.g. the parent's id)."""
    open: Callable[[Any], None] | None = None
    """What Enter does on a row (None: nothing)."""


class RegisterTab(TabPane, Generic[RowT]):
    """A register with a detail pane; the common keys of every Plan tab."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "toggle_detail", "Detail", id="plan.toggle_detail"),
        Binding("escape", "back", "Back", show=False, id="plan.back"),
    ]

    model: ClassVar[type[Record]]
    """The records of the register."""
    tab_title: ClassVar[str] = ""
    empty_text: ClassVar[str] = "No records"

    def __init__(self, *, id: str) -> None:  # noqa: A002 - Textual's own parameter name
        super().__init__(self.tab_title, id=id)
        self.data = DataSet()
        self.today = date.today()
        self.palette = PALETTE
        self.view: RegisterView[RowT] = RegisterView(
            self.columns(),
            record_key,
            table_id=f"{id}-register",
            table_classes="plan-register",
            empty_text=self.empty_text,
            filter_id=f"{id}-filter",
            filter_classes="plan-filter",
            classes="plan-main",
        )
        self.register: RecordTable[RowT] = self.view.table
        self.filter_input: OrderedInput = cast(OrderedInput, self.view.filter_input)
        self.detail_text = Static(
            "", id=f"{id}-detail-text", classes="plan-detail-text", markup=False
        )
        self.detail_more = Static(
            "", id=f"{id}-detail-more", classes="plan-detail-text", markup=False
        )
        self.detail = DetailScroll(id=f"{id}-detail", classes="plan-detail")
        self.children_tables: dict[RecordTable[Any], Child] = {}
        self._shown: RowT | None = None

    # ------------------------------------------------------------------ to override

    def columns(self) -> Sequence[Column[RowT]]:
        """The register's columns."""
        raise NotImplementedError

    def build_rows(self, data: DataSet, today: date) -> list[RowT]:
        """The register's rows for this data (each with a ``record``)."""
        raise NotImplementedError

    def show_detail(self, row: RowT | None) -> None:
        """Fill the detail pane (text and child tables) for the highlighted row."""
        raise NotImplementedError

    def compose_children(self) -> ComposeResult:
        """Widgets of the detail pane after its text (child tables and their labels)."""
        yield from ()

    def open_row(self, row: RowT) -> None:
        """Enter on the register: into the first child table, else into the detail."""
        for table in self.children_tables:
            if table.visible_count and table.display:
                focus_now(table)
                return
        self.show_detail_pane()
        focus_now(self.detail)

    def select_record(self, record_id: str) -> bool:
        """Put the cursor on ``record_id`` if this tab shows it (register or child table)."""
        return False

    def create_new(self) -> None:
        """``n`` on the register."""
        self.create(self.model)

    def create(self, model: type[Record], initial: dict[str, Any] | None = None) -> None:
        """The form for a new record; once saved, the cursor goes to it."""
        shell = self.shell
        if shell.read_only:
            return
        form: RecordForm[Any] = RecordForm(
            model, initial=initial, choices=shell.choices, submit=shell.save_from_form
        )

        def done(saved: Record | None) -> None:  # the form closes once the save is done
            if saved is not None:
                self._select_created(saved.id)

        self.app.push_screen(form, done)

    def _select_created(self, record_id: str) -> None:
        screen = self.screen
        if screen.is_current and self.select_record(record_id):
            screen.refresh_bindings()

    def edit(self, record: Record) -> None:
        """``E`` on a record of this tab (the register's or a child table's)."""
        self.shell.edit_record(record)

    def open_link(self, row: HasRecord) -> None:
        """Enter on a linked record (a KPI, an agreement, the service of a change): jump to
        the screen and tab that show it."""
        self.shell.open_record(row.record.id)

    def new_kpi_initial(self) -> dict[str, Any]:
        """A KPI added from the detail pane measures the register's highlighted record."""
        row = self.current_row()
        return {"subject_id": row.record.id} if row is not None else {}

    def extra_filter_cleared(self) -> bool:
        """Clear a tab-specific filter (e.g. a heat-map cell); True when there was one."""
        return False

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield self.view
        yield from self.compose_detail()

    def compose_detail(self) -> ComposeResult:
        with self.detail:
            yield self.detail_text
            yield from self.compose_children()
            yield self.detail_more

    def add_child(self, child: Child) -> RecordTable[Any]:
        """Register a child table (call from ``__init__``); returns its table."""
        child.table.add_class("plan-child")
        self.children_tables[child.table] = child
        return child.table

    # ------------------------------------------------------------------ data

    @property
    def shell(self) -> ItsmsApp:
        return cast("ItsmsApp", self.app)  # the Plan screen only runs inside ItsmsApp

    def show_data(self, data: DataSet, today: date, loaded: bool = True) -> None:
        """Rebuild the rows from ``data`` (cheap: the table formats only what is on screen)."""
        self.data = data
        self.today = today
        self.view.show_rows(self.build_rows(data, today), self.empty_text if loaded else "Loading…")
        self._show(self.register.cursor_row_object)

    def _show(self, row: RowT | None) -> None:
        self._shown = row
        self.show_detail(row)

    def set_child_rows(self, table: RecordTable[Any], rows: Iterable[Any]) -> None:
        """Give a child table its rows and a height that fits them (up to CHILD_MAX_ROWS)."""
        table.set_rows(rows)
        table.styles.height = min(max(table.total_count, 1), CHILD_MAX_ROWS) + 1

    def set_detail(self, text: Text, more: Text | None = None) -> None:
        """The detail pane's text above the child tables, and below them."""
        self.detail_text.update(text)
        self.detail_more.update(more or "")
        self.detail_more.display = bool(more)

    @on(RecordTable.Highlighted)
    def _highlighted(self, event: RecordTable.Highlighted) -> None:
        if event.table is self.register and event.row is not self._shown:
            self._show(event.row)
        self.screen.refresh_bindings()

    @on(RecordTable.Selected)
    def _selected(self, event: RecordTable.Selected) -> None:
        event.stop()
        if event.table is self.register:
            self.open_row(event.row)
            return
        child = self.children_tables.get(event.table)
        if child is not None and child.open is not None:
            child.open(event.row)

    # ------------------------------------------------------------------ selection

    def focused_table(self) -> RecordTable[Any] | None:
        """The table of this tab that has the focus, if any."""
        if not self.is_attached:
            return None
        focused = self.screen.focused
        if isinstance(focused, RecordTable) and (
            focused is self.register or focused in self.children_tables
        ):
            return focused
        return None

    def target_table(self) -> RecordTable[Any]:
        """The table the record keys act on: the focused child table, else the register."""
        return self.focused_table() or self.register

    def current_record(self) -> Record | None:
        row = self.target_table().cursor_row_object
        return None if row is None else row.record

    def current_row(self) -> RowT | None:
        """The register's highlighted row."""
        return self.register.cursor_row_object

    def focus_register(self) -> None:
        focus_now(self.register)

    def select_in_register(self, record_id: str) -> bool:
        """Put the cursor and the focus on ``record_id``, clearing filters that hide it."""
        if not self.view.select(record_id, self.extra_filter_cleared):
            return False
        self._show(self.register.cursor_row_object)
        self.focus_register()
        return True

    def select_in_child(self, table: RecordTable[Any], record_id: str) -> bool:
        if table.select_key(record_id):
            self.show_detail_pane()
            focus_now(table)
            return True
        return False

    # ------------------------------------------------------------------ actions

    def allows(self, action: str) -> bool:
        """Whether the screen's record key ``action`` (new, edit, delete, history) applies here."""
        if action in ("new", "edit", "delete") and self.shell.read_only:
            return False
        if action == "new":
            child = self.children_tables.get(self.target_table())
            return child is None or child.model is not None
        return self.current_record() is not None

    def action_new(self) -> None:
        child = self.children_tables.get(self.target_table())
        if child is None:
            self.create_new()
        elif child.model is not None:
            self.create(child.model, child.initial())

    def action_edit(self) -> None:
        record = self.current_record()
        if record is not None:
            self.edit(record)

    def action_delete(self) -> None:
        record = self.current_record()
        if record is not None:
            self.shell.delete_record(record)

    def action_history(self) -> None:
        record = self.current_record()
        if record is not None:
            self.shell.show_history(record.id)

    def action_filter(self) -> None:
        self.view.open_filter()

    def action_toggle_detail(self) -> None:
        hidden = self.toggle_class("-no-detail").has_class("-no-detail")
        focused = self.screen.focused
        if hidden and focused is not None and self.detail in focused.ancestors_with_self:
            self.focus_register()

    def show_detail_pane(self) -> None:
        self.remove_class("-no-detail")

    def action_back(self) -> None:
        """Escape: leave the filter or the detail pane, else clear the filters."""
        focused: Widget | None = self.screen.focused
        if focused is self.filter_input:
            self.view.clear_filter()
            self.focus_register()
        elif focused is not None and focused is not self.register:
            self.focus_register()
        elif self.register.filter_text:
            self.view.clear_filter()
        else:
            raise SkipAction()


def links_table(table_id: str) -> RecordTable[Any]:
    """A child table of the records a record refers to; Enter jumps to one."""
    columns: list[Column[Any]] = [
        Column("field", "Link", lambda r: r.field_title, width=12),
        Column("id", "Id", lambda r: r.record.id, width=8),
        Column("name", "Name", lambda r: r.record.heading, width=12, flex=1),
    ]
    return RecordTable(columns, record_key, id=table_id, empty_text="No linked records")
