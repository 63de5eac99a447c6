"""RegisterTab: the generic host of one Plan tab — a register, its detail, its child tables.

Everything specific to a tab is declared by its ``Register`` (``ui.registers.spec``, named
by the collection's home in ``ui.homes``): the columns, the row builder, the detail
builder and the child tables (the activities of a process, the allocations of a
resource, the KPIs of an objective), with what ``n`` and an add key create there and what
Enter does. Only a tab with widgets of its own (the risk heat map, the change workflow's
keys) subclasses this.

The screen's record keys (``n`` new, ``E``/F2 edit, ``d`` delete, ``h`` history, ``/``
filter) call this tab's ``action_*`` methods, which act on whichever of its tables has
the focus; the tab's own keys are ``p`` (detail pane on or off), Enter (open) and Escape
(back to the register, then clear the filter).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Generic, cast

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap, BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static, TabPane

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.record import Record
from itsms_tui.ui.registers import RegisterView, focus_now
from itsms_tui.ui.registers.detail import DetailBuilder
from itsms_tui.ui.registers.spec import ChildTable, Context, Register, RowT, record_key
from itsms_tui.ui.theme import PALETTE
from itsms_tui.ui.widgets.ordered_input import OrderedInput
from itsms_tui.ui.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from itsms_tui.ui.app import ItsmsApp

CHILD_MAX_ROWS = 8
"""A child table grows with its rows up to this many, then scrolls."""


class DetailScroll(VerticalScroll):
    """The detail pane: scrolls with the register's keys too (j/k, g/G) besides the
    arrows, Page Up/Down and Home/End, so reading a long record needs no arrow keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "scroll_up", "Scroll up", show=False, id="plan.detail.up"),
        Binding("j", "scroll_down", "Scroll down", show=False, id="plan.detail.down"),
        Binding("g", "scroll_home", "Top", show=False, id="plan.detail.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="plan.detail.bottom"),
    ]


class RegisterTab(TabPane, Generic[RowT]):
    """A register with a detail pane, rendered from its ``Register`` declaration."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "toggle_detail", "Detail", id="plan.toggle_detail"),
        Binding("escape", "back", "Back", show=False, id="plan.back"),
    ]

    def __init__(self, register: Register[RowT], *, id: str) -> None:  # noqa: A002
        super().__init__(register.tab_title, id=id)
        self.spec = register
        self.model: type[Record] = register.model
        self.data = DataSet()
        self.today = date.today()
        self.context = Context(self.data, self.today)
        self.palette = PALETTE
        self.view: RegisterView[RowT] = RegisterView(
            register.columns,
            record_key,
            table_id=f"{id}-register",
            table_classes="plan-register",
            empty_text=register.empty,
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
        self.children_tables: dict[RecordTable[Any], ChildTable[RowT, Any]] = {}
        self._tables: dict[str, RecordTable[Any]] = {}
        self._labels: dict[str, Static] = {}
        for child in register.children:
            table: RecordTable[Any] = RecordTable(
                list(child.columns),
                record_key,
                id=f"{id}-{child.key}",
                classes="plan-child",
                empty_text=child.empty_text,
            )
            self.children_tables[table] = child
            self._tables[child.key] = table
            if child.label is not None:
                self._labels[child.key] = Static("", classes="plan-child-label", markup=False)
        self._bind_adds(id)
        self._shown: RowT | None = None

    def _bind_adds(self, tab_id: str) -> None:
        """A child table's add key (``a`` adds an activity), first in the footer."""
        adds = [
            Binding(key, f"add_child('{child.key}')", text, id=f"plan.{tab_id}.add_{child.key}")
            for child in self.spec.children
            if child.add is not None and child.model is not None
            for key, text in [child.add]
        ]
        if adds:
            keys = dict(BindingsMap(adds).key_to_bindings)
            for key, bindings in self._bindings.key_to_bindings.items():
                keys.setdefault(key, bindings)
            self._bindings = BindingsMap.from_keys(keys)

    def child(self, key: str) -> RecordTable[Any]:
        """The child table ``key`` of the register's declaration."""
        return self._tables[key]

    def child_label(self, key: str) -> Static:
        """The heading above the child table ``key`` (one that declares a ``label``)."""
        return self._labels[key]

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield self.view
        yield from self.compose_detail()

    def compose_detail(self) -> ComposeResult:
        with self.detail:
            yield self.detail_text
            for key, table in self._tables.items():
                label = self._labels.get(key)
                if label is not None:
                    yield label
                yield table
            yield self.detail_more

    # ------------------------------------------------------------------ data

    @property
    def shell(self) -> ItsmsApp:
        return cast("ItsmsApp", self.app)  # the Plan screen only runs inside ItsmsApp

    def build_rows(self, context: Context) -> list[RowT]:
        """The register's rows (a tab that narrows them further overrides this)."""
        return list(self.spec.rows(context))

    def show_data(self, data: DataSet, today: date, loaded: bool = True) -> None:
        """Rebuild the rows from ``data`` (cheap: the table formats only what is on screen)."""
        shell = self.shell
        self.data = data
        self.today = today
        self.context = Context(data, today, shell.kpi_readings(), shell.settings, shell.read_only)
        self.view.show_rows(
            self.build_rows(self.context), self.spec.empty if loaded else "Loading…"
        )
        self._show(self.register.cursor_row_object)

    def _show(self, row: RowT | None) -> None:
        self._shown = row
        self.show_detail(row)

    def show_detail(self, row: RowT | None) -> None:
        """Fill the detail pane (text and child tables) for the highlighted row."""
        spec = self.spec
        if row is None:
            self.set_detail(Text(spec.nothing_selected, style=self.palette.muted))
            for label in self._labels.values():
                label.update("")
            for table in self._tables.values():
                self.set_child_rows(table, [])
            return
        context = self.context
        top = DetailBuilder(palette=self.palette)
        spec.detail(row, context, top)
        more = DetailBuilder(palette=self.palette)
        if spec.more is not None:
            spec.more(row, context, more)
        self.set_detail(top.as_text(), more.as_text() if more.lines else None)
        for child in spec.children:
            rows = child.rows(row, context)
            heading = self._labels.get(child.key)
            if heading is not None and child.label is not None:
                heading.update(child.label(row, rows, context))
            self.set_child_rows(self._tables[child.key], rows)

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
            self.open_row()
            return
        child = self.children_tables.get(event.table)
        if child is None:
            return
        record: Record = event.row.record
        if not child.edits:
            self.shell.open_record(child.jump_to(event.row))
        elif self.shell.read_only:
            self.shell.show_history(record.id)
        else:
            self.edit(record)

    def open_row(self) -> None:
        """Enter on the register: into the first child table, else into the detail."""
        for table in self.children_tables:
            if table.visible_count and table.display:
                focus_now(table)
                return
        self.show_detail_pane()
        focus_now(self.detail)

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
        return None if row is None else cast(Record, row.record)

    def current_row(self) -> RowT | None:
        """The register's highlighted row."""
        return self.register.cursor_row_object

    def focus_register(self) -> None:
        focus_now(self.register)

    def extra_filter_cleared(self) -> bool:
        """Clear a tab-specific filter (e.g. a heat-map cell); True when there was one."""
        return False

    def select_in_register(self, record_id: str) -> bool:
        """Put the cursor and the focus on ``record_id``, clearing filters that hide it."""
        if not self.view.select(record_id, self.extra_filter_cleared):
            return False
        self._show(self.register.cursor_row_object)
        self.focus_register()
        return True

    def select_in_child(self, parent_id: str, record: Record) -> bool:
        """Put the cursor on ``record`` in the child table of its collection, under the
        register record ``parent_id``."""
        table = next(
            (
                table
                for table, child in self.children_tables.items()
                if child.model is not None and child.model.collection == record.collection
            ),
            None,
        )
        if table is None or not self.select_in_register(parent_id):
            return False
        if table.select_key(record.id):
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
            return child is None or (child.model is not None and self.current_row() is not None)
        return self.current_record() is not None

    def create_new(self) -> None:
        """``n`` on the register."""
        self.create(self.model)

    def create(self, model: type[Record], initial: dict[str, Any] | None = None) -> None:
        """The form for a new record; once saved, the cursor goes to it (``select_record``
        of the Plan screen: the same path as every register's)."""
        self.shell.create_record(model, initial)

    def _create_child(self, child: ChildTable[RowT, Any]) -> None:
        row = self.current_row()
        if row is not None and child.model is not None:
            self.create(child.model, child.initial(row.record))

    def edit(self, record: Record) -> None:
        """``E`` on a record of this tab (the register's or a child table's)."""
        only = None
        if self.spec.edit_only is not None and record.collection == self.spec.collection:
            only = self.spec.edit_only(record)
        self.shell.edit_record(record, only=only)

    def action_new(self) -> None:
        child = self.children_tables.get(self.target_table())
        if child is None:
            self.create_new()
        else:
            self._create_child(child)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "add_child":
            return self.is_mounted and not self.shell.read_only and self.current_row() is not None
        return super().check_action(action, parameters)

    def action_add_child(self, key: str) -> None:
        table = self._tables.get(key)
        if table is not None:
            self._create_child(self.children_tables[table])

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
