"""`A`: the whole audit trail, newest first, filtered by person, record, collection and date.

The trail and the verdict on its hash chain are read in a worker (a long trail takes a
moment); filtering runs on the entries already read (``services.audit_trail``), and the
rows go to a virtual ``RecordTable``, so only the visible rows are ever formatted.
Enter on an entry opens its record. Every cell is literal text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from itsms_tui.domain.audit import AuditEntry
from itsms_tui.domain.audit_chain import ChainVerdict
from itsms_tui.domain.people import Person
from itsms_tui.services.audit_trail import (
    TrailReading,
    entry_text,
    read_trail,
    select_entries,
    trail_filter,
)
from itsms_tui.services.errors import EXPECTED_ERRORS, describe
from itsms_tui.ui.widgets.key_footer import KeyFooter
from itsms_tui.ui.widgets.ordered_input import OrderedInput
from itsms_tui.ui.widgets.record_table import Column, RecordTable
from itsms_tui.ui.widgets.status_header import StatusHeader

BROKEN_MARK = "✖ "


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One audit entry as the table shows it; its texts are made only when it is on screen."""

    entry: AuditEntry
    broken: bool = False
    who: str = ""
    """The person's name, else the login the entry was made under."""

    @property
    def when(self) -> str:
        return self.entry.at.strftime("%Y-%m-%d %H:%M")

    @property
    def target(self) -> str:
        return self.entry.record_id or self.entry.collection or "-"

    @property
    def what(self) -> str:
        return entry_text(self.entry)


def audit_rows(
    entries: list[AuditEntry], verdict: ChainVerdict | None, names: Mapping[str, str]
) -> dict[int, AuditRow]:
    """A row per entry, by seq; the entry where the chain breaks is marked; ``names``:
    person id -> name, for the Who column."""
    broken_seq = verdict.broken.seq if verdict is not None and verdict.broken else None
    return {e.seq: AuditRow(e, e.seq == broken_seq, names.get(e.person, e.user)) for e in entries}


def _what(row: AuditRow) -> str | Text:
    if row.broken:
        return Text.assemble((BROKEN_MARK + "chain broken here; ", "bold red"), row.what)
    return row.what


COLUMNS: list[Column[AuditRow]] = [
    Column(
        "seq",
        "Seq",
        lambda r: str(r.entry.seq),
        width=6,
        align="right",
        sort_key=lambda r: r.entry.seq,
    ),
    Column("when", "When (UTC)", lambda r: r.when, width=16, sort_key=lambda r: r.entry.at),
    Column("who", "Who", lambda r: r.who, width=10),
    Column("action", "Action", lambda r: r.entry.action.value, width=7),
    Column("record", "Record", lambda r: r.target, width=10),
    Column("what", "What", _what, width=14, flex=1),
]

FILTER_ROWS: tuple[tuple[tuple[str, str, str, int], ...], ...] = (
    (
        ("person", "Who", "person id or login", 14),
        ("record", "Record", "e.g. SUP-0001", 14),
        ("collection", "Collection", "e.g. suppliers", 16),
    ),
    (
        ("since", "From", "YYYY-MM-DD", 12),
        ("until", "To", "YYYY-MM-DD", 12),
    ),
)
"""(id, label, placeholder, width) of each filter field, two lines, in Tab order."""

FILTER_FIELDS = tuple(name for row in FILTER_ROWS for name, *_ in row)


def verdict_text(verdict: ChainVerdict) -> Text:
    """``✔ chain verified …`` or ``✖ chain broken at audit entry N …`` (literal)."""
    if verdict.broken is not None:
        return Text.assemble(
            ("✖ chain broken at ", "bold red"), (verdict.broken.describe(), "bold red")
        )
    if not verdict.entries or verdict.legacy == verdict.entries:
        return Text("▲ " + verdict.summary())
    sealed = f", {verdict.legacy} older entries sealed" if verdict.legacy else ""
    head = f"seq 1 to {verdict.head.seq}{sealed}, head {verdict.head.hash[:12]}…"
    return Text.assemble(("✔ chain verified", "bold green"), f" ({head})")


class AuditScreen(Screen[None]):
    """The audit trail: filter fields on top, the entries below; Escape goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="audit.back"),
        Binding("ctrl+l", "clear_filters", "Clear filters", id="audit.clear"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.reading: TrailReading | None = None
        self.problems: list[str] = []
        self._rows: dict[int, AuditRow] = {}
        self._apply_pending = False

    def compose(self) -> ComposeResult:
        yield StatusHeader()
        yield Static(Text("Audit trail, newest first", style="bold"), classes="section-title")
        for fields in FILTER_ROWS:
            with Horizontal(classes="audit-filters"):
                for name, label, placeholder, width in fields:
                    yield Label(label, classes="audit-label")
                    field = OrderedInput(placeholder=placeholder, compact=True, id=f"audit-{name}")
                    field.styles.width = width
                    yield field
        yield Static(Text("Reading the audit trail…"), id="audit-status", markup=False)
        yield RecordTable(
            COLUMNS, row_key=lambda r: str(r.entry.seq), empty_text="Loading…", id="audit-table"
        )
        yield KeyFooter()

    @property
    def table(self) -> RecordTable[AuditRow]:
        table: RecordTable[AuditRow] = self.query_one("#audit-table", RecordTable)
        return table

    def field(self, name: str) -> Input:
        return self.query_one(f"#audit-{name}", Input)

    def on_mount(self) -> None:
        self.table.focus()
        self._load()
        # Any save (here or in another session) adds entries: read the trail again.
        self.watch(self.app, "data", self._data_changed, init=False)

    def _data_changed(self) -> None:
        self._load()

    # ------------------------------------------------------------------ loading

    @work(thread=True, exit_on_error=False, exclusive=True, group="audit-trail")
    def _load(self) -> None:
        app: Any = self.app
        try:
            with app._io_lock:
                reading = read_trail(app.workspace)
                names = {p.id: p.name for p in app.workspace.data().all(Person)}
        except EXPECTED_ERRORS as error:
            self.app.call_from_thread(self._failed, describe(error))
            return
        rows = audit_rows(reading.entries, reading.verdict, names)
        self.app.call_from_thread(self._loaded, reading, rows)

    def _loaded(self, reading: TrailReading, rows: dict[int, AuditRow]) -> None:
        self.reading = reading
        self._rows = rows
        self.table.empty_text = "No audit entries match the filters."
        self._apply()

    def _failed(self, message: str) -> None:
        self.table.empty_text = f"Could not read the audit trail: {message}"
        self.table.set_rows([])
        self.query_one("#audit-status", Static).update(Text(message, style="bold red"))

    # ------------------------------------------------------------------ filtering

    @on(Input.Changed)
    def _filter_changed(self, event: Input.Changed) -> None:
        """Filter again once per frame, however many fields changed (ctrl+l clears five)."""
        event.stop()
        if not self._apply_pending:
            self._apply_pending = True
            self.call_after_refresh(self._apply)

    @on(Input.Submitted)
    def _filter_submitted(self, event: Input.Submitted) -> None:
        """Enter in a filter field goes to the entries."""
        event.stop()
        self.table.focus()

    def _apply(self) -> None:
        self._apply_pending = False
        reading = self.reading
        if reading is None:
            return
        wanted, self.problems = trail_filter(
            person=self.field("person").value,
            record_id=self.field("record").value,
            collection=self.field("collection").value,
            since=self.field("since").value,
            until=self.field("until").value,
        )
        chosen = select_entries(reading.entries, wanted)
        rows = self._rows
        self.table.set_rows([rows[e.seq] for e in reversed(chosen)])
        self._show_status(len(chosen), len(reading.entries), reading.verdict)

    def _show_status(self, shown: int, total: int, verdict: ChainVerdict) -> None:
        noun = "entry" if total == 1 else "entries"
        count = f"{shown} of {total} {noun} · " if shown != total else f"{total} {noun} · "
        status = Text(count)
        if self.problems:
            status.append("; ".join(self.problems) + " (ignored)", style="bold red")
        else:
            status.append_text(verdict_text(verdict))
        self.query_one("#audit-status", Static).update(status)

    # ------------------------------------------------------------------ keys

    def start_filter(self) -> None:
        """``/``: into the first filter field."""
        self.field("person").focus()

    def action_back(self) -> None:
        """Escape: from a filter field to the entries, from the entries back."""
        if isinstance(self.focused, Input):
            self.table.focus()
            return
        self.app.pop_screen()

    def action_clear_filters(self) -> None:
        for name in FILTER_FIELDS:
            self.field(name).value = ""
        self.table.focus()

    @on(RecordTable.Selected, "#audit-table")
    def _open(self, event: RecordTable.Selected) -> None:
        event.stop()
        row: AuditRow = event.row
        record_id = row.entry.record_id
        if not record_id:
            return
        app: Any = self.app
        if app.data.get(record_id) is None:
            app.notify(f"{record_id} no longer exists", severity="warning", markup=False)
            return
        app.open_record(record_id)
