"""Plan (key 2): the clause 8.1 operational plan, one tab per register.

The tabs are the Plan homes of ``ui.homes`` that declare a register, in their order:
Objectives, Processes (with their activities), Resources (load today), Risks (register
and heat map), Changes (the workflow) and Services (the catalogue they refer to, with
its SLA cover); a new entity's home adds its tab. ``[`` and ``]`` switch tabs, ``T`` opens
the timeline; the record keys
of every main screen (n, E, d, h, /) act on the current tab, on whichever of its tables
has the focus. Rows are rebuilt from ``app.data`` only for the tab on screen (and only
while the screen is shown, ``follow_data``); the other tabs catch up when they are shown,
so a reload stays cheap with thousands of records.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import TabbedContent
from textual.widgets.tabbed_content import ContentTabs

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.record import Record
from itsms_tui.domain.registry import model_for_id
from itsms_tui.ui.homes import HOME_OF, plan_tabs
from itsms_tui.ui.plan.register_tab import RegisterTab
from itsms_tui.ui.screens.base import MainScreen
from itsms_tui.ui.widgets.record_table import RecordTable

RECORD_KEYS = frozenset({"new", "edit", "delete", "history"})


class PlanScreen(MainScreen):
    """The operational plan: one tab per register."""

    MODE: ClassVar[str] = "plan"

    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (120, "-wide"),
    ]
    """Below 120 columns the detail pane sits under the register; from 120, beside it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left_square_bracket",
            "previous_tab",
            "Prev tab",
            key_display="[",
            id="plan.previous_tab",
        ),
        Binding(
            "right_square_bracket",
            "next_tab",
            "Next tab",
            key_display="]",
            id="plan.next_tab",
        ),
        Binding("T", "timeline", "Timeline", id="plan.timeline"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.tabs: tuple[RegisterTab[Any], ...] = tuple(
            home.host(home.register, id=home.tab) for home in plan_tabs()
        )
        self._data = DataSet()
        self._stale: set[RegisterTab[Any]] = set(self.tabs)

    def tab_of(self, collection: str) -> RegisterTab[Any] | None:
        """The tab that shows ``collection`` (from ``ui.homes``), if it is a Plan one."""
        home = HOME_OF.get(collection)
        if home is None or home.mode != self.MODE or home.tab is None:
            return None
        return next((tab for tab in self.tabs if tab.id == home.tab), None)

    def tab(self, tab_id: str) -> RegisterTab[Any]:
        """The tab with this id (``ui.homes``' ``tab``)."""
        return next(tab for tab in self.tabs if tab.id == tab_id)

    def compose_body(self) -> ComposeResult:
        with TabbedContent(id="plan-tabs", initial=self.tabs[0].id or ""):
            yield from self.tabs

    def on_mount(self) -> None:
        # Tabs are switched with [ and ]: focus stays in the tab's tables, where the keys act.
        self.query_one(ContentTabs).can_focus = False
        self.follow_data(self._show_data)
        self.active_tab.focus_register()

    # ------------------------------------------------------------------ tabs

    @property
    def tabbed(self) -> TabbedContent:
        return self.query_one("#plan-tabs", TabbedContent)

    @property
    def active_tab(self) -> RegisterTab[Any]:
        """The tab on screen (the first one before mounting)."""
        if not self.is_mounted:
            return self.tabs[0]
        active = self.tabbed.active
        return next((t for t in self.tabs if t.id == active), self.tabs[0])

    def show_tab(self, tab: RegisterTab[Any]) -> None:
        """Bring ``tab`` on screen, with up-to-date rows."""
        if self._data is not self.itsms.data:  # e.g. a jump arriving before the resume
            self._show_data(self.itsms.data)
        if self.tabbed.active != tab.id:
            self.tabbed.active = tab.id or ""
        self._refresh_tab(tab)

    def action_previous_tab(self) -> None:
        self._step_tab(-1)

    def action_next_tab(self) -> None:
        self._step_tab(1)

    def _step_tab(self, step: int) -> None:
        index = self.tabs.index(self.active_tab)
        tab = self.tabs[(index + step) % len(self.tabs)]
        self.show_tab(tab)
        tab.focus_register()

    @on(TabbedContent.TabActivated, "#plan-tabs")
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        event.stop()
        tab = self.active_tab
        self._refresh_tab(tab)
        focused = self.focused
        if focused is None or tab not in focused.ancestors:
            tab.focus_register()
        self.refresh_bindings()

    # ------------------------------------------------------------------ data

    def _show_data(self, data: DataSet) -> None:
        """New data (while this screen is shown): the tab on screen now, the others later."""
        self._data = data
        self._stale = set(self.tabs)
        self._refresh_tab(self.active_tab)

    def _refresh_tab(self, tab: RegisterTab[Any]) -> None:
        if tab in self._stale:
            self._stale.discard(tab)
            tab.show_data(self._data, self.itsms.today, self.itsms.loaded)

    # ------------------------------------------------------------------ MainScreen hooks

    def select_record(self, record_id: str) -> bool:
        """Show the tab that holds ``record_id`` and put the cursor on it: in the register,
        or in a child table under its parent record (``ui.homes``: an activity under its
        process)."""
        model = model_for_id(record_id)
        tab = self.tab_of(model.collection) if model is not None else None
        if model is None or tab is None:
            return False
        self.show_tab(tab)
        home = HOME_OF[model.collection]
        if home.register is not None:
            found = tab.select_in_register(record_id)
        else:
            data = self.itsms.data
            record = data.get(record_id)
            parent = home.parent(record, data) if record and home.parent else None
            found = (
                parent is not None and record is not None and tab.select_in_child(parent, record)
            )
        if not found:
            return False
        self.refresh_bindings()
        return True

    def current_record(self) -> Record | None:
        return self.active_tab.current_record()

    def new_record(self) -> tuple[type[Record], dict[str, Any]] | None:
        return (self.active_tab.model, {})

    def filter_target(self) -> RecordTable[Any] | None:
        return self.active_tab.register

    def start_filter(self) -> None:
        """`/`: the current tab's own filter line (each tab keeps its filter)."""
        self.active_tab.action_filter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in RECORD_KEYS:
            return self.is_mounted and self.active_tab.allows(action)
        return super().check_action(action, parameters)

    def action_timeline(self) -> None:
        """T: the activities and objectives as a timeline (``screens.plan_timeline``)."""
        from itsms_tui.ui.screens.plan_timeline import PlanTimelineScreen

        self.app.push_screen(PlanTimelineScreen())

    def action_new(self) -> None:
        self.active_tab.action_new()

    def action_edit(self) -> None:
        self.active_tab.action_edit()

    def action_delete(self) -> None:
        self.active_tab.action_delete()

    def action_history(self) -> None:
        self.active_tab.action_history()
