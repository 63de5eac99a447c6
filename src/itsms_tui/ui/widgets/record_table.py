"""A virtual table for large registers: renders only the rows on screen (Line API).

Textual's DataTable builds per-row state up front (about 1.5 s for 10k rows, 13 s for
100k). RecordTable keeps the caller's row objects as they are and works on indices:
sorting and filtering reorder a list of ints, and ``render_line`` formats the few rows
that are visible. ``set_rows`` is therefore cheap enough to call on every store change.

Every cell is literal text: a ``str`` becomes ``Text(value)`` (never parsed as markup),
a ``Text`` keeps its own styles. Control characters are replaced so that a cell can
never move the terminal cursor or break the row onto two lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, Literal, TypeVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

RowT = TypeVar("RowT")
Align = Literal["left", "center", "right"]

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_ASCENDING = " ▲"
_DESCENDING = " ▼"


def _replace_control(match: re.Match[str]) -> str:
    return " " if match.group() in "\t\n\r\u2028\u2029" else "\ufffd"


def literal_cell(value: str | Text) -> Text:
    """One single-line ``Text`` for a cell: markup never parsed, control characters replaced.

    Replacements are one character for one, so the spans of a styled ``Text`` stay valid.
    """
    if isinstance(value, Text):
        text = value.copy()
        if _CONTROL.search(text.plain):
            text.plain = _CONTROL.sub(_replace_control, text.plain)
    else:
        text = Text(_CONTROL.sub(_replace_control, str(value)))
    text.no_wrap = True
    text.end = ""
    return text


@dataclass(frozen=True, slots=True)
class Column(Generic[RowT]):
    """How one column of a RecordTable gets its text, width and sort order.

    Attributes:
        key: Stable name used by ``RecordTable.sort_by`` (e.g. ``"name"``).
        label: Header text (literal).
        value: Cell text for a row: a ``str`` (shown literally) or a styled ``Text``.
        width: Fixed width in cells; for a flexible column, its minimum width.
        flex: 0 for a fixed width; >0 to take that share of the space left over.
        grow_to: For a fixed column whose longest values are cut at ``width`` (a status
            like "under review"), the width it grows to once the flexible columns have
            their ``ideal`` width; 0: never grows.
        ideal: For a flexible column, the width it reaches before ``grow_to`` columns
            grow (0: its ``width``), so a wide terminal shows every status in full
            instead of giving a long name all the room.
        align: ``"left"``, ``"center"`` or ``"right"`` (right suits numbers).
        sort_key: Value to sort on (e.g. a date or a number); ``None`` sorts by the
            cell's text, case-insensitively. ``None`` values sort last.
    """

    key: str
    label: str
    value: Callable[[RowT], str | Text]
    width: int = 10
    flex: int = 0
    grow_to: int = 0
    ideal: int = 0
    align: Align = "left"
    sort_key: Callable[[RowT], Any] | None = None

    def plain(self, row: RowT) -> str:
        """The cell's text without styles (what filtering and default sorting see)."""
        value = self.value(row)
        return value.plain if isinstance(value, Text) else str(value)


def column_widths(columns: Sequence[Column[Any]], available: int) -> list[int]:
    """Widths for ``columns`` in ``available`` cells (one space precedes every column).

    Fixed columns get their width. The space left goes first to the flexible columns up
    to their ``ideal`` width, then to the fixed columns that may ``grow_to`` a wider one
    (the smallest growth first, so a status cut by a cell or two is shown whole before a
    long party name grows), and what remains is shared by the flexible ones in proportion to ``flex``. When even
    the minimums do not fit, the row is simply cropped at the right edge.
    """
    widths = [max(1, c.width) for c in columns]
    spare = available - sum(widths) - len(columns)
    for index, column in enumerate(columns):
        if column.flex > 0 and column.ideal > widths[index] and spare > 0:
            extra = min(spare, column.ideal - widths[index])
            widths[index] += extra
            spare -= extra
    growing = [i for i, c in enumerate(columns) if c.flex == 0 and c.grow_to > widths[i]]
    for index in sorted(growing, key=lambda i: columns[i].grow_to - widths[i]):
        extra = min(max(spare, 0), columns[index].grow_to - widths[index])
        widths[index] += extra
        spare -= extra
    flex_total = sum(c.flex for c in columns if c.flex > 0)
    if flex_total and spare > 0:
        given = 0
        flexible = [i for i, c in enumerate(columns) if c.flex > 0]
        for n, i in enumerate(flexible):
            if n == len(flexible) - 1:
                extra = spare - given
            else:
                extra = spare * columns[i].flex // flex_total
            widths[i] += extra
            given += extra
    return widths


class _SortKey:
    """Orders ``None`` after every value, and values of unlike types by their text."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _SortKey) -> bool:
        a, b = self.value, other.value
        if a is None or b is None:
            return a is not None and b is None
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)


class RecordTable(ScrollView, Generic[RowT], can_focus=True):
    """A read-only table of any row objects that draws only the rows on screen.

    The first line is a fixed header with the column labels and the sort indicator; the
    cursor row is highlighted. Filtering and sorting work on the data, never on widgets.

    Messages: ``RecordTable.Highlighted`` (cursor row changed, or the object under the
    cursor was replaced by ``set_rows``) and ``RecordTable.Selected`` (Enter, or a click
    on the cursor row).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False, id="record_table.cursor_up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="record_table.cursor_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="record_table.page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="record_table.page_down"),
        Binding("home,g", "first", "First row", show=False, id="record_table.first"),
        Binding("end,G", "last", "Last row", show=False, id="record_table.last"),
        Binding("enter", "select", "Open", id="record_table.select"),
        Binding("s", "cycle_sort", "Sort", id="record_table.cycle_sort"),
        Binding("S", "reverse_sort", "Reverse sort", id="record_table.reverse_sort"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "record-table--header",
        "record-table--cursor",
        "record-table--even-row",
        "record-table--empty",
    }
    """
    | Class | Styles |
    | :- | :- |
    | `record-table--header` | The fixed header line. |
    | `record-table--cursor` | The cursor row (stronger while the table has focus). |
    | `record-table--even-row` | Every other row, when `zebra_stripes` is on. |
    | `record-table--empty` | The "No records" / "No match" line. |
    """

    DEFAULT_CSS = """
    RecordTable {
        height: 1fr;
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: auto;
        &:focus {
            background-tint: $foreground 5%;
            & > .record-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        & > .record-table--header {
            background: $panel;
            color: $foreground;
            text-style: bold;
        }
        &:ansi > .record-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .record-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .record-table--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .record-table--empty {
            color: $text-muted;
            text-style: italic;
        }
        &:nocolor > .record-table--header {
            text-style: bold underline;
        }
        &:nocolor > .record-table--cursor {
            text-style: reverse;
        }
    }
    """

    class Highlighted(Message):
        """The cursor is on another row (``row`` is None when the table shows no rows)."""

        def __init__(self, table: RecordTable[Any], row: Any | None) -> None:
            super().__init__()
            self.table = table
            self.row = row

        @property
        def control(self) -> RecordTable[Any]:
            return self.table

    class Selected(Message):
        """The user chose the cursor row (Enter, or a click on the cursor row)."""

        def __init__(self, table: RecordTable[Any], row: Any) -> None:
            super().__init__()
            self.table = table
            self.row = row

        @property
        def control(self) -> RecordTable[Any]:
            return self.table

    def __init__(
        self,
        columns: Sequence[Column[RowT]],
        row_key: Callable[[RowT], str],
        rows: Iterable[RowT] = (),
        *,
        empty_text: str = "No records",
        zebra_stripes: bool = False,
        name: str | None = None,
        id: str | None = None,  # noqa: A002 - Textual's own parameter name
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        """Build a table.

        Args:
            columns: The columns, left to right (at least one).
            row_key: The stable key of a row (the record id); the cursor follows it
                across ``set_rows``, ``set_filter`` and ``sort_by``.
            rows: The initial rows, in their natural order.
            empty_text: Shown when there are no rows at all (literal text).
            zebra_stripes: Shade every other row.
        """
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        if not columns:
            raise ValueError("a RecordTable needs at least one column")
        self._columns: tuple[Column[RowT], ...] = tuple(columns)
        self._row_key = row_key
        self.empty_text = empty_text
        self.zebra_stripes = zebra_stripes
        self._rows: list[RowT] = []
        self._haystack: list[str | None] = []
        self._sort_keys: dict[str, list[tuple[bool, Any]]] = {}
        self._key_index: dict[str, int] | None = None
        self._order: list[int] | None = None
        self._visible: list[int] = []
        self._filter = ""
        self._needle = ""
        self._sort_column: str | None = None
        self._sort_reverse = False
        self._cursor = 0
        self._generation = 0
        self._last_highlighted: object = _NOTHING
        self._line_cache: LRUCache[tuple[Any, ...], Strip] = LRUCache(256)
        self._load(rows)

    # ------------------------------------------------------------------ public API

    @property
    def columns(self) -> tuple[Column[RowT], ...]:
        """The columns, left to right."""
        return self._columns

    @property
    def rows(self) -> Sequence[RowT]:
        """Every row, in the natural order given to ``set_rows``."""
        return self._rows

    @property
    def visible_rows(self) -> list[RowT]:
        """The rows that pass the filter, in display order (builds a new list)."""
        rows = self._rows
        return [rows[i] for i in self._visible]

    @property
    def total_count(self) -> int:
        """How many rows the table holds."""
        return len(self._rows)

    @property
    def visible_count(self) -> int:
        """How many rows pass the filter."""
        return len(self._visible)

    @property
    def cursor_index(self) -> int:
        """Position of the cursor among the visible rows (0 when there are none)."""
        return self._cursor

    @property
    def cursor_row_object(self) -> RowT | None:
        """The row under the cursor, or None when no row is visible."""
        if not self._visible:
            return None
        return self._rows[self._visible[self._cursor]]

    @property
    def cursor_key(self) -> str | None:
        """The key (record id) of the row under the cursor."""
        row = self.cursor_row_object
        return None if row is None else self._row_key(row)

    @property
    def filter_text(self) -> str:
        """The filter as last given to ``set_filter``."""
        return self._filter

    @property
    def sort_column(self) -> str | None:
        """Key of the column sorted on, or None for the natural order."""
        return self._sort_column

    @property
    def sort_reverse(self) -> bool:
        """True when sorted descending."""
        return self._sort_reverse

    def set_rows(self, rows: Iterable[RowT]) -> None:
        """Replace every row; the filter and sort are re-applied, the cursor stays on its key.

        If the cursor's record is gone, the cursor keeps its position (clamped).
        """
        key = self.cursor_key
        position = self._cursor
        self._load(rows)
        if not self._move_to_key(key):
            self._set_cursor(position)
        self._changed()

    def set_filter(self, text: str) -> None:
        """Show only rows whose text (any column) contains every word of ``text``.

        Case-insensitive; an empty ``text`` shows every row. The cursor stays on its
        record when that record still matches, else goes to the first row.
        """
        needle = " ".join(text.split()).casefold()
        self._filter = text
        if needle == self._needle:
            self._refresh_all()
            return
        key = self.cursor_key
        narrowing = bool(self._needle) and needle.startswith(self._needle)
        self._needle = needle
        if narrowing:
            self._visible = self._matching(self._visible)
        else:
            self._apply_view()
        if not self._move_to_key(key):
            self._set_cursor(0)
        self._changed()

    def sort_by(self, column_key: str | None, reverse: bool | None = None) -> None:
        """Sort on a column (None: back to the natural order).

        ``reverse=None`` toggles the direction when the column is already the sort
        column, else sorts ascending. The cursor stays on its record.
        """
        if column_key is not None and column_key not in {c.key for c in self._columns}:
            raise KeyError(f"no column {column_key!r}")
        if reverse is None:
            reverse = not self._sort_reverse if column_key == self._sort_column else False
        key = self.cursor_key
        self._sort_column = column_key
        self._sort_reverse = reverse
        self._order = self._sorted_order()
        self._apply_view()
        if not self._move_to_key(key):
            self._set_cursor(0)
        self._changed()

    def move_cursor(self, index: int) -> None:
        """Put the cursor on the ``index``-th visible row (clamped) and scroll to it."""
        previous = self._cursor
        self._set_cursor(index)
        self._cursor_moved(previous)

    def select_key(self, key: str) -> bool:
        """Put the cursor on the row with this key, if it is visible; True when it is."""
        previous = self._cursor
        found = self._move_to_key(key)
        if found:
            self._cursor_moved(previous)
        return found

    # ------------------------------------------------------------------ actions

    def action_cursor_up(self) -> None:
        self.move_cursor(self._cursor - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self._cursor + 1)

    def action_page_up(self) -> None:
        self.move_cursor(self._cursor - self._page_rows())

    def action_page_down(self) -> None:
        self.move_cursor(self._cursor + self._page_rows())

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self._visible) - 1)

    def action_select(self) -> None:
        row = self.cursor_row_object
        if row is not None:
            self.post_message(self.Selected(self, row))

    def action_cycle_sort(self) -> None:
        """Sort on the next column (ascending); after the last one, the natural order."""
        keys = [c.key for c in self._columns]
        if self._sort_column is None:
            self.sort_by(keys[0], reverse=False)
            return
        index = keys.index(self._sort_column) + 1
        self.sort_by(keys[index] if index < len(keys) else None, reverse=False)

    def action_reverse_sort(self) -> None:
        """Flip the direction (sorting on the first column when nothing is sorted yet)."""
        self.sort_by(self._sort_column or self._columns[0].key, reverse=not self._sort_reverse)

    # ------------------------------------------------------------------ data

    def _load(self, rows: Iterable[RowT]) -> None:
        self._rows = list(rows)
        self._haystack = [None] * len(self._rows)
        self._sort_keys = {}
        self._key_index = None
        self._generation += 1
        self._order = self._sorted_order() if self._sort_column is not None else None
        self._apply_view()

    def _sorted_order(self) -> list[int] | None:
        if self._sort_column is None:
            return None
        keys = self._sort_keys.get(self._sort_column)
        if keys is None:
            column = next(c for c in self._columns if c.key == self._sort_column)
            if column.sort_key is not None:
                get = column.sort_key
                # (is None, value): None sorts last, and tuples compare natively (fast).
                keys = [(value is None, value) for value in map(get, self._rows)]
            else:
                keys = [(False, column.plain(row).casefold()) for row in self._rows]
            self._sort_keys[self._sort_column] = keys
        indices = range(len(self._rows))
        try:
            return sorted(indices, key=keys.__getitem__, reverse=self._sort_reverse)
        except TypeError:  # values of unlike types: compare those by their text
            fallback = [_SortKey(value) for _, value in keys]
            return sorted(indices, key=fallback.__getitem__, reverse=self._sort_reverse)

    def _apply_view(self) -> None:
        order = self._order if self._order is not None else range(len(self._rows))
        self._visible = self._matching(order) if self._needle else list(order)

    def _matching(self, indices: Iterable[int]) -> list[int]:
        terms = self._needle.split(" ")
        haystack = self._haystack
        rows = self._rows
        columns = self._columns
        out: list[int] = []
        for i in indices:
            text = haystack[i]
            if text is None:
                row = rows[i]
                text = "\n".join(c.plain(row) for c in columns).casefold()
                haystack[i] = text
            if all(term in text for term in terms):
                out.append(i)
        return out

    def _move_to_key(self, key: str | None) -> bool:
        if key is None or not self._visible:
            return False
        if self._key_index is None:
            get = self._row_key
            self._key_index = {get(row): i for i, row in enumerate(self._rows)}
        index = self._key_index.get(key)
        if index is None:
            return False
        try:
            position = self._visible.index(index)
        except ValueError:
            return False
        self._set_cursor(position)
        return True

    def _set_cursor(self, index: int) -> None:
        self._cursor = max(0, min(index, len(self._visible) - 1))

    # ------------------------------------------------------------------ refresh

    def _changed(self) -> None:
        """After the visible rows changed: resize, scroll to the cursor, repaint, notify."""
        self._line_cache.clear()
        self._generation += 1
        self._update_virtual_size()
        self._scroll_to_cursor()
        self.refresh()
        self._post_highlighted()

    def _cursor_moved(self, previous: int) -> None:
        """Repaint what the move changed: the two rows when the view stays, else the view.

        A cursor step then writes two lines to the terminal instead of the whole table.
        """
        if self._scroll_to_cursor():
            self.refresh()
        elif previous != self._cursor:
            self.refresh_line(previous + 1)  # line 0 is the header
            self.refresh_line(self._cursor + 1)
        self._post_highlighted()

    def _refresh_all(self) -> None:
        self._line_cache.clear()
        self.refresh()

    def _post_highlighted(self) -> None:
        row = self.cursor_row_object
        if row is not self._last_highlighted:
            self._last_highlighted = row
            self.post_message(self.Highlighted(self, row))

    def _update_virtual_size(self) -> None:
        width = self.scrollable_content_region.width
        self.virtual_size = Size(width, max(1, len(self._visible)) + 1)

    def _page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_to_cursor(self) -> bool:
        """Scroll so that the cursor row is in view; True when the view moved."""
        page = self._page_rows()
        top = round(self.scroll_y)
        if self._cursor < top:
            target = self._cursor
        elif self._cursor >= top + page:
            target = self._cursor - page + 1
        else:
            return False
        self.scroll_to(y=target, animate=False, force=True)
        return True

    # ------------------------------------------------------------------ Textual hooks

    def on_mount(self) -> None:
        self._update_virtual_size()
        self._post_highlighted()

    def _on_resize(self, event: events.Resize) -> None:
        self._line_cache.clear()
        self._update_virtual_size()
        self._scroll_to_cursor()

    def on_focus(self, event: events.Focus) -> None:
        self._refresh_all()

    def on_blur(self, event: events.Blur) -> None:
        self._refresh_all()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._line_cache.clear()

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        event.stop()
        if offset.y == 0:
            column = self._column_at(offset.x)
            if column is not None:
                self.sort_by(column.key)
            return
        index = round(self.scroll_y) + offset.y - 1
        if not 0 <= index < len(self._visible):
            return
        if index == self._cursor:
            self.action_select()
        else:
            self.move_cursor(index)

    def _column_at(self, x: int) -> Column[RowT] | None:
        edge = 0
        widths = column_widths(self._columns, self.scrollable_content_region.width)
        for column, width in zip(self._columns, widths, strict=True):
            edge += width + 1
            if x < edge:
                return column
        return None

    # ------------------------------------------------------------------ rendering

    def render_line(self, y: int) -> Strip:
        """Line ``y`` of the widget: 0 is the header, then the rows from the scroll offset."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            return self._cached(("header", width, self._sort_column, self._sort_reverse), width)
        index = round(self.scroll_y) + y - 1
        if not self._visible:
            if y == 1:
                return self._cached(("empty", width, self._filter), width)
            return Strip.blank(width, base)
        if index >= len(self._visible):
            return Strip.blank(width, base)
        is_cursor = index == self._cursor
        key = ("row", width, self._generation, index, is_cursor, self.has_focus)
        return self._cached(key, width)

    def _cached(self, key: tuple[Any, ...], width: int) -> Strip:
        strip = self._line_cache.get(key)
        if strip is None:
            strip = self._render_strip(key, width)
            self._line_cache[key] = strip
        return strip

    def _render_strip(self, key: tuple[Any, ...], width: int) -> Strip:
        base = self.rich_style
        kind = key[0]
        if kind == "header":
            style = base + self.get_component_rich_style("record-table--header")
            text = self._header_text(width)
        elif kind == "empty":
            style = base + self.get_component_rich_style("record-table--empty")
            message = f"No match for '{self._filter.strip()}'" if self._filter else self.empty_text
            text = literal_cell(message)
            text.truncate(max(0, width - 1), overflow="ellipsis")
            text = Text(" ") + text
        else:
            index = key[3]
            if key[4]:
                style = base + self.get_component_rich_style("record-table--cursor")
            elif self.zebra_stripes and index % 2:
                style = base + self.get_component_rich_style("record-table--even-row")
            else:
                style = base
            text = self._row_text(self._rows[self._visible[index]], width)
        text.stylize_before(style)
        strip = Strip(text.render(self.app.console))
        return strip.crop_extend(0, width, style)

    def _header_text(self, width: int) -> Text:
        cells: list[Text] = []
        widths = column_widths(self._columns, width)
        for column, cell_width in zip(self._columns, widths, strict=True):
            cell = literal_cell(column.label)
            if column.key == self._sort_column:
                # The arrow always shows: the label gives way to it.
                arrow = _DESCENDING if self._sort_reverse else _ASCENDING
                if cell.cell_len + len(arrow) > cell_width:
                    cell.truncate(max(0, cell_width - len(arrow)), overflow="ellipsis")
                cell.append(arrow)
            cells.append(cell)
        return self._join(cells, width)

    def _row_text(self, row: RowT, width: int) -> Text:
        return self._join([literal_cell(c.value(row)) for c in self._columns], width)

    def _join(self, cells: list[Text], width: int) -> Text:
        line = Text(no_wrap=True, end="")
        widths = column_widths(self._columns, width)
        for column, cell, cell_width in zip(self._columns, cells, widths, strict=True):
            if cell.cell_len > cell_width:
                cell.truncate(cell_width, overflow="ellipsis")
            cell.align(column.align, cell_width)
            line.append(" ")
            line.append_text(cell)
        return line


class _Nothing:
    """Marks "no Highlighted message posted yet" (distinct from a None row)."""


_NOTHING = _Nothing()

__all__ = ["Column", "RecordTable", "column_widths", "literal_cell"]
