"""The audit trail of one record (`h`): who changed what, when, field by field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from itsms_tui.domain.audit import AuditEntry
from itsms_tui.services.errors import EXPECTED_ERRORS, describe
from itsms_tui.ui.screens.conflict import shown_value
from itsms_tui.ui.widgets.key_footer import KeyFooter
from itsms_tui.ui.widgets.record_table import Column, RecordTable
from itsms_tui.ui.widgets.status_header import StatusHeader


@dataclass(frozen=True, slots=True)
class HistoryLine:
    """One changed field of one audit entry (an entry without fields is one line)."""

    key: str
    seq: int
    when: str
    who: str
    action: str
    field: str
    change: str


def history_lines(entries: list[AuditEntry]) -> list[HistoryLine]:
    """Newest first; one line per changed field (``old -> new``)."""
    lines: list[HistoryLine] = []
    for entry in sorted(entries, key=lambda e: e.seq, reverse=True):
        when = entry.at.strftime("%Y-%m-%d %H:%M")
        if not entry.changes:
            lines.append(
                HistoryLine(
                    f"{entry.seq}",
                    entry.seq,
                    when,
                    entry.user,
                    entry.action.value,
                    "",
                    entry.summary,
                )
            )
            continue
        for n, change in enumerate(entry.changes):
            lines.append(
                HistoryLine(
                    f"{entry.seq}.{n}",
                    entry.seq,
                    when,
                    entry.user,
                    entry.action.value,
                    change.field,
                    f"{shown_value(change.old)} -> {shown_value(change.new)}",
                )
            )
    return lines


COLUMNS: list[Column[HistoryLine]] = [
    Column("when", "When (UTC)", lambda h: h.when, width=16),
    Column("who", "Who", lambda h: h.who, width=10),
    Column("action", "Action", lambda h: h.action, width=6),
    Column("field", "Field", lambda h: h.field, width=14),
    Column("change", "Old -> new", lambda h: h.change, width=20, flex=1),
]


class HistoryScreen(Screen[None]):
    """The audit trail of ``record_id``, loaded in a worker; Escape goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="history.back"),
    ]

    def __init__(self, record_id: str) -> None:
        super().__init__()
        self.record_id = record_id

    def compose(self) -> ComposeResult:
        yield StatusHeader()
        record = self.app.data.get(self.record_id) if hasattr(self.app, "data") else None
        title = record.display if record is not None else self.record_id
        yield Static(
            Text.assemble(("History of ", "bold"), (title, "bold")), classes="section-title"
        )
        yield RecordTable(COLUMNS, row_key=lambda h: h.key, empty_text="Loading…", id="history")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#history", RecordTable).focus()
        self._load()

    @work(thread=True, exit_on_error=False)
    def _load(self) -> None:
        app: Any = self.app
        try:
            with app._io_lock:
                entries = app.workspace.history(self.record_id)
        except EXPECTED_ERRORS as error:
            self.app.call_from_thread(self._failed, describe(error))
            return
        self.app.call_from_thread(self._show, entries)

    def _show(self, entries: list[AuditEntry]) -> None:
        table: RecordTable[HistoryLine] = self.query_one("#history", RecordTable)
        table.empty_text = "No audit entries for this record."
        table.set_rows(history_lines(entries))

    def _failed(self, message: str) -> None:
        table: RecordTable[HistoryLine] = self.query_one("#history", RecordTable)
        table.empty_text = f"Could not read the history: {message}"
        table.set_rows([])
