"""A detail pane: the lines describing one record, where linked records are rows to open.

It is a one-column RecordTable, so it draws only what is visible, moves with the same
keys (j/k, arrows, Page Up/Down) and posts ``RecordTable.Selected`` on Enter. Lines are
built with ``DetailBuilder``, which wraps long text to the pane's width.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import dataclass

from rich.text import Text

from itsms_tui.domain.record import Record
from itsms_tui.ui.widgets.record_table import Column, RecordTable


@dataclass(frozen=True, slots=True)
class DetailLine:
    """One line; ``record_id`` set when Enter on it opens that record."""

    key: str
    text: Text
    record_id: str | None = None


class DetailBuilder:
    """Collects lines: section titles, labelled values, wrapped text, lists and links."""

    def __init__(self, width: int) -> None:
        self.width = max(20, width)
        self.lines: list[DetailLine] = []

    def _add(self, text: Text, record_id: str | None = None) -> None:
        self.lines.append(DetailLine(f"{len(self.lines)}", text, record_id))

    def title(self, text: str) -> None:
        self._add(Text(text, style="bold reverse"))

    def section(self, title: str, count: int | None = None) -> None:
        label = title if count is None else f"{title} ({count})"
        self._add(Text(f"▸ {label}", style="bold"))

    def text(self, value: str, *, indent: int = 2, style: str = "") -> None:
        """Wrapped plain text (user text shown literally)."""
        pad = " " * indent
        for paragraph in (value or "").splitlines() or [""]:
            wrapped = textwrap.wrap(
                paragraph, self.width - indent, break_long_words=True, drop_whitespace=True
            ) or [""]
            for line in wrapped:
                self._add(Text(pad + line, style=style))

    def field(self, label: str, value: str, *, style: str = "") -> None:
        """``label: value``, continuing under the value when it wraps."""
        head = f"  {label}: "
        room = max(10, self.width - len(head))
        wrapped = textwrap.wrap(value, room, break_long_words=True) or ["—"]
        first = Text(head, style="dim")
        first.append(wrapped[0], style=style)
        self._add(first)
        for rest in wrapped[1:]:
            self._add(Text(" " * len(head) + rest, style=style))

    def items(self, values: Iterable[str], *, empty: str = "none recorded") -> None:
        values = list(values)
        if not values:
            self._add(Text(f"  {empty}", style="dim italic"))
            return
        for value in values:
            self.text(f"• {value}", indent=2)

    def styled(self, text: Text, record_id: str | None = None) -> None:
        self._add(text, record_id)

    def link(self, record: Record, extra: Text | str = "", *, indent: int = 2) -> None:
        """A row that opens ``record`` with Enter: ``→ ID name  extra``."""
        line = Text(" " * indent + "→ ", style="bold")
        line.append(record.id, style="bold")
        line.append(" ")
        line.append(record.heading)
        if extra:
            line.append("  ")
            line.append_text(extra if isinstance(extra, Text) else Text(extra, style="dim"))
        self._add(line, record.id)

    def none(self, text: str = "none") -> None:
        self._add(Text(f"  {text}", style="dim italic"))

    def blank(self) -> None:
        self._add(Text(""))


class DetailPane(RecordTable[DetailLine]):
    """The lines of one record; Enter on a ``→`` line posts Selected with that line."""

    def __init__(self, label: str = "Details", *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(
            [Column("line", label, lambda d: d.text, width=20, flex=1)],
            row_key=lambda d: d.key,
            empty_text="Nothing selected",
            id=id,
        )

    @property
    def text_width(self) -> int:
        """Room for text on one line (the pane's width less the cell padding)."""
        return max(20, self.scrollable_content_region.width - 2)

    def show(self, lines: list[DetailLine], *, keep_cursor: bool = True) -> None:
        """Replace the lines; the cursor stays on the same link when it is still there."""
        wanted = self.cursor_row_object.record_id if self.cursor_row_object else None
        self.set_rows(lines)
        if not keep_cursor:
            self.move_cursor(0)
            return
        if wanted:
            for index, line in enumerate(lines):
                if line.record_id == wanted:
                    self.move_cursor(index)
                    return

    def select_link(self, record_id: str) -> bool:
        """Put the cursor on the line that links to ``record_id``."""
        for index, line in enumerate(self.visible_rows):
            if line.record_id == record_id:
                self.move_cursor(index)
                return True
        return False

    @property
    def linked_id(self) -> str | None:
        row = self.cursor_row_object
        return None if row is None else row.record_id
