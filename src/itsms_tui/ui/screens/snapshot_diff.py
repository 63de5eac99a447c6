"""`C`: what differs between a snapshot file and the open data, record by record and field by field.

The comparison itself (``services.snapshot_compare``) runs in a worker; this screen lists
its result: one line per changed field, one per added or removed record, all literal text.
Enter on a line opens the record when the open data holds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from itsms_tui.services.snapshot_compare import ChangeKind, SnapshotDiff, format_value
from itsms_tui.ui.widgets.key_footer import KeyFooter
from itsms_tui.ui.widgets.record_table import Column, RecordTable
from itsms_tui.ui.widgets.status_header import StatusHeader

KIND_WORDS: dict[ChangeKind, str] = {
    ChangeKind.ADDED: "added",
    ChangeKind.REMOVED: "removed",
    ChangeKind.CHANGED: "changed",
}


@dataclass(frozen=True, slots=True)
class DiffLine:
    """One line of the comparison: a changed field, or a whole added or removed record."""

    key: str
    record_id: str
    change: str
    field: str
    values: str


def diff_lines(diff: SnapshotDiff) -> list[DiffLine]:
    """Records in registry and id order; a changed record's fields under it; settings last."""
    lines: list[DiffLine] = []
    for record in diff.changes:
        word = KIND_WORDS[record.kind]
        if record.kind is not ChangeKind.CHANGED:
            where = "open data only" if record.kind is ChangeKind.ADDED else "file only"
            lines.append(
                DiffLine(
                    record.record_id,
                    record.record_id,
                    word,
                    f"({record.collection})",
                    f"{where}: {record.heading}",
                )
            )
            continue
        for n, item in enumerate(record.fields):
            lines.append(
                DiffLine(
                    f"{record.record_id}.{n}",
                    record.record_id,
                    word,
                    item.path,
                    f"{format_value(item.old)} -> {format_value(item.new)}",
                )
            )
    for n, item in enumerate(diff.settings):
        lines.append(
            DiffLine(
                f"settings.{n}",
                "",
                "changed",
                f"settings.{item.path}",
                f"{format_value(item.old)} -> {format_value(item.new)}",
            )
        )
    return lines


def summary_text(diff: SnapshotDiff) -> str:
    """``3 record(s) differ: 1 added, 0 removed, 2 changed`` (or that nothing differs)."""
    if diff.equal:
        return "The file and the open data hold the same records."
    text = (
        f"{len(diff.changes)} record(s) differ: {diff.count(ChangeKind.ADDED)} added, "
        f"{diff.count(ChangeKind.REMOVED)} removed, {diff.count(ChangeKind.CHANGED)} changed"
    )
    if diff.settings:
        text += f"; {len(diff.settings)} setting(s) changed"
    return text


COLUMNS: list[Column[DiffLine]] = [
    Column("record", "Record", lambda d: d.record_id or "-", width=9),
    Column("change", "Change", lambda d: d.change, width=7),
    Column("field", "Field", lambda d: d.field, width=16, flex=1),
    Column("values", "In the file -> open data", lambda d: d.values, width=24, flex=2),
]


class SnapshotDiffScreen(Screen[None]):
    """The differences from ``path`` to the open data; Escape goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="snapshot_diff.back"),
    ]

    def __init__(self, path: Path, diff: SnapshotDiff) -> None:
        super().__init__()
        self.path = path
        self.diff = diff

    def compose(self) -> ComposeResult:
        yield StatusHeader()
        yield Static(
            Text.assemble(("Compared with ", "bold"), (str(self.path), "bold")),
            classes="section-title",
        )
        yield Static(Text(summary_text(self.diff)), id="snapshot-diff-summary")
        yield RecordTable(
            COLUMNS,
            row_key=lambda d: d.key,
            rows=diff_lines(self.diff),
            empty_text="Nothing differs.",
            id="snapshot-diff",
        )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#snapshot-diff", RecordTable).focus()

    @on(RecordTable.Selected, "#snapshot-diff")
    def _open(self, event: RecordTable.Selected) -> None:
        event.stop()
        line: DiffLine = event.row
        app: Any = self.app
        if not line.record_id:
            return
        if app.data.get(line.record_id) is None:
            app.notify(f"{line.record_id} is only in the file", severity="warning", markup=False)
            return
        app.open_record(line.record_id)
