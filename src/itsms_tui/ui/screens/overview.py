"""Overview (key 1): counts per area and what needs attention today, each line a jump."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.enums import KpiStatus
from itsms_tui.domain.record import Record
from itsms_tui.ui.screens.base import MainScreen
from itsms_tui.ui.theme import rag_text
from itsms_tui.ui.widgets.record_table import Column, RecordTable

if TYPE_CHECKING:  # the list runs the checker: imported in the worker, not at start-up
    from itsms_tui.services.attention import AttentionItem

_URGENCY: dict[str, tuple[str, str]] = {"red": ("red", "fix"), "amber": ("amber", "due")}
"""Red: a requirement is not met (fix it); amber: something falls due or waits."""


def urgency_text(item: AttentionItem) -> Text:
    """``fix`` / ``due``, or ``today`` (in red) for a line pinned because it is due today."""
    if item.due_today:
        return rag_text("red", "today")
    return rag_text(*_URGENCY[item.urgency])


ATTENTION_COLUMNS: list[Column[AttentionItem]] = [
    Column("urgency", "!", urgency_text, width=7),
    Column("topic", "What", lambda i: i.topic.value, width=16),
    Column("text", "Record and reason", lambda i: i.text, flex=1),
]


def item_key(item: AttentionItem) -> str:
    return f"{item.topic.name}:{item.record_id}:{item.text}"


def counts_text(data: DataSet, loaded: bool, kpi_status: Counter[KpiStatus]) -> Text:
    """Four lines: records per area, KPI statuses with symbols."""
    if not loaded:
        return Text("Loading the data…")
    c = data.counts()
    lines = [
        Text.assemble(
            ("Plan        ", "bold"),
            f"{c['objectives']} objectives, {c['processes']} processes, "
            f"{c['resources']} resources, {c['risks']} risks, {c['changes']} changes",
        ),
        Text.assemble(
            ("Suppliers   ", "bold"),
            f"{c['suppliers']} suppliers, {c['evaluations']} evaluations, "
            f"{c['reviews']} reviews, {c['disputes']} disputes, {c['actions']} actions",
        ),
        Text.assemble(
            ("Agreements  ", "bold"),
            f"{c['agreements']} agreements, {c['amendments']} amendments, {c['services']} services",
        ),
    ]
    kpi_line = Text.assemble(("KPIs        ", "bold"), f"{c['kpis']} KPIs: ")
    for status in (KpiStatus.RED, KpiStatus.AMBER, KpiStatus.GREEN, KpiStatus.GREY):
        kpi_line.append_text(rag_text(status, f"{kpi_status.get(status, 0)} {status.value}"))
        kpi_line.append("  ")
    lines.append(kpi_line)
    return Text("\n").join(lines)


class OverviewScreen(MainScreen):
    """The first screen: where things stand and what to do today."""

    MODE: ClassVar[str] = "overview"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "app.evidence_pack", "Evidence pack", show=False, id="overview.report"),
    ]

    def compose_body(self) -> ComposeResult:
        yield Static(Text("Loading the data…"), id="overview-counts")
        yield Static(Text("Needs attention today"), id="attention-title")
        yield RecordTable(
            ATTENTION_COLUMNS,
            row_key=item_key,
            empty_text="Loading…",
            id="attention",
        )
        yield Static(id="attention-detail")

    def on_mount(self) -> None:
        self.follow_data(self._show_data)
        self.query_one("#attention", RecordTable).focus()

    def _show_data(self, data: DataSet) -> None:
        app = self.itsms
        loaded = app.loaded
        statuses = Counter(r.status for r in app.kpi_readings().values()) if loaded else Counter()
        self.query_one("#overview-counts", Static).update(counts_text(data, loaded, statuses))
        if loaded:
            self._compute_attention(data)
        else:
            self._show_items([], loaded=False)

    @work(thread=True, exclusive=True, group="attention", exit_on_error=False)
    def _compute_attention(self, data: DataSet) -> None:
        """The checker-backed list can take a while on big data: never on the UI thread."""
        app = self.itsms
        from itsms_tui.services.attention import attention_items

        items = attention_items(data, app.today, app.settings)
        if data is app.data:
            app.call_from_thread(self._show_items, items, True)

    def _show_items(self, items: list[AttentionItem], loaded: bool) -> None:
        table: RecordTable[AttentionItem] = self.query_one("#attention", RecordTable)
        table.empty_text = "Nothing needs attention today." if loaded else "Loading…"
        table.set_rows(items)
        red = sum(1 for i in items if i.urgency == "red")
        today = sum(1 for i in items if i.due_today)
        due_today = f", {today} due today" if today else ""
        title = Text.assemble(
            ("Needs attention today", "bold"),
            f"  {len(items)} item(s){due_today}, {red} to fix · Enter opens the record"
            if loaded
            else "",
        )
        self.query_one("#attention-title", Static).update(title)

    def current_record(self) -> Record | None:
        table: RecordTable[AttentionItem] = self.query_one("#attention", RecordTable)
        item = table.cursor_row_object
        return None if item is None else self.itsms.data.get(item.record_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"edit", "delete"}:
            return False
        return super().check_action(action, parameters)

    @on(RecordTable.Highlighted, "#attention")
    def _highlighted(self, event: RecordTable.Highlighted) -> None:
        event.stop()
        item: AttentionItem | None = event.row
        detail = self.query_one("#attention-detail", Static)
        if item is None:
            detail.update("")
        else:
            detail.update(Text.assemble(urgency_text(item), " ", item.text))

    @on(RecordTable.Selected, "#attention")
    def _open(self, event: RecordTable.Selected) -> None:
        event.stop()
        item: Any = event.row
        self.itsms.open_record(item.record_id)
