"""Overview (key 1): counts per area and what needs attention today, each line a jump.

The attention list is grouped by topic, most urgent topic first, each heading with its
counts; Enter on a heading expands or collapses it, Enter on a line opens its record.
What falls due today is pinned above the groups; a topic of one line has no heading. A short list starts expanded; a long one
(thousands of lines on a large data set) starts with its headings only. The `/` filter
searches every line, collapsed or not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from itsms_tui.domain.enums import KpiStatus
from itsms_tui.ui.screens.base import MainScreen
from itsms_tui.ui.status_marks import rag_text
from itsms_tui.ui.widgets.record_table import Column, RecordTable

if TYPE_CHECKING:  # the list runs the checker: imported in the worker, not at start-up
    from itsms_tui.compliance.topics import Topic
    from itsms_tui.domain.dataset import DataSet
    from itsms_tui.domain.record import Record
    from itsms_tui.services.attention import AttentionGroup, AttentionItem, Urgency

EXPANDED_UP_TO = 100
"""A list of at most this many lines starts with every group expanded."""


@dataclass(frozen=True, slots=True)
class GroupRow:
    """A topic's heading line in the attention list."""

    group: AttentionGroup
    expanded: bool
    record_id: str = ""
    due_today: bool = False

    @property
    def topic(self) -> Topic:
        return self.group.topic

    @property
    def urgency(self) -> Urgency:
        return self.group.urgency

    @property
    def text(self) -> str:
        """``▸ 551 lines: 200 to fix, 120 overdue``."""
        group = self.group
        count = len(group.items)
        parts = [f"{group.red} to fix"] if group.red else []
        if group.overdue:
            parts.append(f"{group.overdue} overdue")
        counts = f": {', '.join(parts)}" if parts else ""
        marker = "▾" if self.expanded else "▸"
        return f"{marker} {count} line{'s' if count != 1 else ''}{counts}"


_URGENCY: dict[str, tuple[str, str]] = {"red": ("red", "fix"), "amber": ("amber", "due")}
"""Red: a requirement is not met (fix it); amber: something falls due or waits."""


def urgency_text(item: AttentionItem | GroupRow) -> Text:
    """``fix`` / ``due``, or ``today`` (in red) for a line pinned because it is due today."""
    if item.due_today:
        return rag_text("red", "today")
    return rag_text(*_URGENCY[item.urgency])


ATTENTION_COLUMNS: list[Column[AttentionItem | GroupRow]] = [
    Column("urgency", "!", urgency_text, width=7),
    Column("topic", "What", lambda i: i.topic.value, width=16),
    Column("text", "Record and reason", lambda i: i.text, flex=1),
]


def item_key(item: AttentionItem | GroupRow) -> str:
    if isinstance(item, GroupRow):
        return f"group:{item.topic.name}"
    return f"{item.topic.name}:{item.record_id}:{item.text}"


def attention_rows(
    pinned: Sequence[AttentionItem],
    groups: Sequence[AttentionGroup],
    expanded: set[Topic] | None,
) -> list[AttentionItem | GroupRow]:
    """Pinned lines, then each group's heading and, when expanded, its lines.

    ``expanded``: the topics shown open; None for every one (while filtering).
    """
    rows: list[AttentionItem | GroupRow] = list(pinned)
    for group in groups:
        if len(group.items) == 1:  # a topic of one line needs no heading
            rows.extend(group.items)
            continue
        is_open = expanded is None or group.topic in expanded
        rows.append(GroupRow(group, is_open))
        if is_open:
            rows.extend(group.items)
    return rows


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

    _pinned: Sequence[AttentionItem] = ()
    _groups: Sequence[AttentionGroup] = ()
    _expanded: set[Topic] | None = None
    """The topics shown open (None before the first list)."""
    _filtering = False

    def on_mount(self) -> None:
        self._expanded = None
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
        from itsms_tui.services.attention import attention_items, group_by_topic

        items = attention_items(data, app.today, app.settings)
        pinned = [i for i in items if i.due_today]
        groups = group_by_topic([i for i in items if not i.due_today])
        if data is app.data:
            app.call_from_thread(self._show_items, items, True, pinned, groups)

    def _show_items(
        self,
        items: list[AttentionItem],
        loaded: bool,
        pinned: Sequence[AttentionItem] = (),
        groups: Sequence[AttentionGroup] = (),
    ) -> None:
        table: RecordTable[AttentionItem | GroupRow] = self.query_one("#attention", RecordTable)
        table.empty_text = "Nothing needs attention today." if loaded else "Loading…"
        self._pinned, self._groups = pinned, groups
        if self._expanded is None and loaded:
            small = len(items) <= EXPANDED_UP_TO
            self._expanded = {g.topic for g in groups} if small else set()
        self._set_rows(table)
        red = sum(1 for i in items if i.urgency == "red")
        today = sum(1 for i in items if i.due_today)
        due_today = f", {today} due today" if today else ""
        title = Text.assemble(
            ("Needs attention today", "bold"),
            f"  {len(items)} item(s) in {len(groups)} topics{due_today}, {red} to fix · Enter opens"
            if loaded
            else "",
        )
        self.query_one("#attention-title", Static).update(title)

    def _set_rows(self, table: RecordTable[AttentionItem | GroupRow]) -> None:
        expanded = None if self._filtering else (self._expanded or set())
        table.set_rows(attention_rows(self._pinned, self._groups, expanded))

    def apply_filter(self, text: str) -> None:
        """Filtering searches every line: the groups are all shown open meanwhile."""
        filtering = bool(text.strip())
        if filtering != self._filtering:
            self._filtering = filtering
            self._set_rows(self.query_one("#attention", RecordTable))
        super().apply_filter(text)

    def toggle_group(self, topic: Topic) -> None:
        """Expand a collapsed topic, collapse an expanded one (the cursor stays on it)."""
        expanded = self._expanded if self._expanded is not None else set()
        expanded ^= {topic}
        self._expanded = expanded
        table: RecordTable[AttentionItem | GroupRow] = self.query_one("#attention", RecordTable)
        self._set_rows(table)
        table.select_key(f"group:{topic.name}")

    def current_record(self) -> Record | None:
        table: RecordTable[AttentionItem | GroupRow] = self.query_one("#attention", RecordTable)
        item = table.cursor_row_object
        if item is None or isinstance(item, GroupRow):
            return None
        return self.itsms.data.get(item.record_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"edit", "delete"}:
            return False
        return super().check_action(action, parameters)

    @on(RecordTable.Highlighted, "#attention")
    def _highlighted(self, event: RecordTable.Highlighted) -> None:
        event.stop()
        item: AttentionItem | GroupRow | None = event.row
        detail = self.query_one("#attention-detail", Static)
        if item is None:
            detail.update("")
        elif isinstance(item, GroupRow):
            action = "collapses" if item.expanded else "expands"
            detail.update(
                Text.assemble(
                    urgency_text(item), " ", f"{item.topic.value}: {item.text} · Enter {action}"
                )
            )
        else:
            detail.update(Text.assemble(urgency_text(item), " ", item.text))

    @on(RecordTable.Selected, "#attention")
    def _open(self, event: RecordTable.Selected) -> None:
        event.stop()
        item: Any = event.row
        if isinstance(item, GroupRow):
            self.toggle_group(item.topic)
            return
        self.itsms.open_record(item.record_id)
