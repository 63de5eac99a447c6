"""Builds the text of a detail pane: a heading, labelled fields, paragraphs and lists.

Everything is appended as ``rich.text.Text`` segments, so a record called ``[bold]Acme``
or ``[@click=app.quit]x[/]`` is shown exactly as typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from rich.text import Text

from itsms_tui.domain.dataset import DataSet
from itsms_tui.domain.record import Record
from itsms_tui.ui.theme import Palette

EMPTY = "—"


class DetailText:
    """Accumulates the lines of one detail pane."""

    def __init__(self, palette: Palette) -> None:
        self.palette = palette
        self.text = Text(no_wrap=False, overflow="fold", end="")

    def _newline(self) -> None:
        if self.text.plain:
            self.text.append("\n")

    def heading(self, record: Record) -> DetailText:
        """``OBJ-0001  Title`` in bold."""
        self._newline()
        self.text.append(record.id, style=self.palette.heading)
        self.text.append("  ")
        self.text.append(record.heading, style=self.palette.heading)
        return self

    def line(self, *parts: str | Text) -> DetailText:
        """A line of literal parts (``str`` is never parsed as markup)."""
        self._newline()
        for part in parts:
            if isinstance(part, Text):
                self.text.append_text(part)
            else:
                self.text.append(part)
        return self

    def field(self, label: str, value: str | Text | date | None) -> DetailText:
        """``Label: value`` (a dash when empty)."""
        self._newline()
        self.text.append(f"{label}: ", style=self.palette.label)
        if isinstance(value, Text):
            self.text.append_text(value if value.plain else Text(EMPTY, style=self.palette.muted))
        elif value is None or (isinstance(value, str) and not value.strip()):
            self.text.append(EMPTY, style=self.palette.muted)
        elif isinstance(value, date):
            self.text.append(value.isoformat())
        else:
            self.text.append(value)
        return self

    def paragraph(self, label: str, value: str) -> DetailText:
        """A label, then free text on the following lines (skipped when empty)."""
        if not value.strip():
            return self
        self._newline()
        self.text.append(label, style=self.palette.label)
        for row in value.splitlines() or [""]:
            self.text.append("\n  ")
            self.text.append(row)
        return self

    def bullets(self, label: str, items: Iterable[str], empty: str = "none recorded") -> DetailText:
        """A label, then one ``• item`` per line (or a muted note when there are none)."""
        self._newline()
        self.text.append(label, style=self.palette.label)
        values = list(items)
        if not values:
            self.text.append(f": {empty}", style=self.palette.muted)
        for item in values:
            self.text.append("\n  • ")
            self.text.append(item)
        return self

    def reference(self, label: str, data: DataSet, record_id: str | None) -> DetailText:
        """``Label: SUP-0001 Acme`` (the id alone when the record is missing)."""
        if not record_id:
            return self.field(label, None)
        target = data.get(record_id)
        return self.field(label, target.display if target is not None else record_id)

    def gap(self) -> DetailText:
        self._newline()
        return self
