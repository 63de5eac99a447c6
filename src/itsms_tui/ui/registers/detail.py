"""The one builder of record detail: headings, labelled values, wrapped text, lists, links.

Every register's detail goes through ``DetailBuilder``: the Suppliers and Agreements
panes (a ``DetailPane`` of lines, where a ``→`` line opens its record with Enter) and the
Plan tabs' text above and below their child tables (``as_text``). Its styles are the
theme's (``ui.theme.PALETTE``) and enum values are shown by their ``label``, so a status
reads the same in every pane.

Two layouts, chosen by ``width``:
- a pane (``DetailBuilder(width)``): lines wrapped to the pane's width, fields indented
  under ``▸`` section titles with their labels muted;
- a text block (``DetailBuilder()``): fields at the margin with their labels in the
  label style, left to the widget to wrap (it folds long words).

Everything is appended as ``rich.text.Text`` segments, so a record called ``[bold]Acme``
or ``[@click=app.quit]x[/]`` is shown exactly as typed.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rich.style import Style
from rich.text import Text

from itsms_tui.domain.record import Record
from itsms_tui.ui.theme import EMPTY, PALETTE, Palette

DetailValue = str | Text | date | None
"""What a field shows: literal text, styled text, a date (ISO), or nothing (a dash)."""


@dataclass(frozen=True, slots=True)
class DetailLine:
    """One line; ``record_id`` set when Enter on it opens that record."""

    key: str
    text: Text
    record_id: str | None = None


def _blank(value: DetailValue) -> bool:
    if isinstance(value, Text):
        return not value.plain
    return value is None or (isinstance(value, str) and not value.strip())


class DetailBuilder:
    """Collects the lines of one record's detail (see the module docstring)."""

    def __init__(self, width: int | None = None, palette: Palette = PALETTE) -> None:
        self.width = None if width is None else max(20, width)
        self.palette = palette
        self.lines: list[DetailLine] = []

    # ------------------------------------------------------------------ output

    def as_text(self) -> Text:
        """The lines as one text (for a ``Static``; it wraps and folds long words)."""
        text = Text(no_wrap=False, overflow="fold", end="")
        for index, line in enumerate(self.lines):
            if index:
                text.append("\n")
            text.append_text(line.text)
        return text

    def _add(self, text: Text, record_id: str | None = None) -> None:
        self.lines.append(DetailLine(f"{len(self.lines)}", text, record_id))

    def _wrap(self, value: str, room: int) -> list[str]:
        if self.width is None:
            return [value]
        return textwrap.wrap(value, max(10, room), break_long_words=True) or [""]

    # ------------------------------------------------------------------ headings

    def heading(self, record: Record) -> None:
        """``OBJ-0001  Title`` in the heading style (a text block's first line)."""
        line = Text()
        line.append(record.id, style=self.palette.heading)
        line.append("  ")
        line.append(record.heading, style=self.palette.heading)
        self._add(line)

    def title(self, text: str) -> None:
        """A pane's title bar (reversed)."""
        self._add(Text(text, style=self.palette.title))

    def section(self, title: str, count: int | None = None) -> None:
        label = title if count is None else f"{title} ({count})"
        self._add(Text(f"▸ {label}", style=self.palette.heading))

    # ------------------------------------------------------------------ values

    def field(self, label: str, value: DetailValue, *, style: str | Style = "") -> None:
        """``Label: value``, a dash when empty; in a pane, wrapped under the value."""
        if self.width is None:
            line = Text()
            line.append(f"{label}: ", style=self.palette.label)
            line.append_text(self._value(value, style))
            self._add(line)
            return
        head = f"  {label}: "
        if isinstance(value, Text) and value.plain:
            line = Text(head, style=self.palette.muted)
            line.append_text(value)
            self._add(line)
            return
        plain = "" if _blank(value) else self._value(value, style).plain
        wrapped = self._wrap(plain, self.width - len(head)) if plain else [EMPTY]
        first = Text(head, style=self.palette.muted)
        first.append(wrapped[0], style=style)
        self._add(first)
        for rest in wrapped[1:]:
            self._add(Text(" " * len(head) + rest, style=style))

    def _value(self, value: DetailValue, style: str | Style) -> Text:
        if _blank(value):
            return Text(EMPTY, style=self.palette.muted)
        if isinstance(value, Text):
            return value
        if isinstance(value, date):
            return Text(value.isoformat(), style=style)
        return Text(str(value), style=style)

    def line(self, *parts: str | Text, record_id: str | None = None) -> None:
        """One line of literal parts (``str`` is never parsed as markup)."""
        line = Text()
        for part in parts:
            if isinstance(part, Text):
                line.append_text(part)
            else:
                line.append(part)
        self._add(line, record_id)

    def labelled(self, label: str, *parts: str | Text) -> None:
        """``Label: `` in the layout's label style, then styled parts (a marker, a date)."""
        indent = "" if self.width is None else "  "
        style = self.palette.label if self.width is None else self.palette.muted
        self.line(Text(f"{indent}{label}: ", style=style), *parts)

    def text(self, value: str, *, indent: int = 2, style: str | Style = "") -> None:
        """Plain text on its own lines, indented (wrapped in a pane)."""
        pad = " " * indent
        for paragraph in (value or "").splitlines() or [""]:
            for row in self._wrap(paragraph, (self.width or 0) - indent):
                self._add(Text(pad + row, style=style))

    def paragraph(self, label: str, value: str) -> None:
        """A label, then free text on the following lines (skipped when empty)."""
        if not value.strip():
            return
        self._add(Text(label, style=self.palette.label))
        self.text(value)

    def bullets(self, label: str, items: Iterable[str], empty: str = "none recorded") -> None:
        """A label, then one ``• item`` per line (or a muted note when there are none)."""
        values = list(items)
        head = Text()
        head.append(label, style=self.palette.label)
        if not values:
            head.append(f": {empty}", style=self.palette.muted)
        self._add(head)
        self.items(values, empty=None)

    def items(self, values: Iterable[str], *, empty: str | None = "none recorded") -> None:
        """``• value`` lines (a muted note when there are none and ``empty`` is given)."""
        values = list(values)
        if not values and empty is not None:
            self.none(empty)
        for value in values:
            self.text(f"• {value}", indent=2)

    def styled(self, text: Text, record_id: str | None = None) -> None:
        self._add(text, record_id)

    def link(self, record: Record, extra: Text | str = "", *, indent: int = 2) -> None:
        """A line that opens ``record`` with Enter: ``→ ID name  extra``."""
        line = Text(" " * indent + "→ ", style=self.palette.heading)
        line.append(record.id, style=self.palette.heading)
        line.append(" ")
        line.append(record.heading)
        if extra:
            line.append("  ")
            line.append_text(
                extra if isinstance(extra, Text) else Text(extra, style=self.palette.muted)
            )
        self._add(line, record.id)

    def none(self, text: str = "none") -> None:
        self._add(Text(f"  {text}", style=self.palette.empty))

    def blank(self) -> None:
        self._add(Text(""))
