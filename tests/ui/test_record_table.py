"""RecordTable driven with real key presses at 80x24, over 50k rows."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.widgets import Input

from itsms_tui.ui.widgets.record_table import Column, RecordTable, column_widths, literal_cell

SIZE = (80, 24)
ROWS = 50_000


@dataclass(frozen=True)
class Row:
    id: str
    name: str
    score: int


def make_rows(count: int) -> list[Row]:
    return [Row(f"SUP-{i:05d}", f"Supplier {i:05d}", (i * 7919) % 1000) for i in range(count)]


COLUMNS: list[Column[Row]] = [
    Column("id", "Id", lambda r: r.id, width=9),
    Column("name", "Name", lambda r: r.name, width=10, flex=1),
    Column(
        "score", "Score", lambda r: str(r.score), width=7, align="right", sort_key=lambda r: r.score
    ),
]


class Harness(App[None]):
    """A filter input above a table; records every message the table posts."""

    def __init__(self, rows: list[Row]) -> None:
        super().__init__()
        self.rows = rows
        self.highlighted: list[Row | None] = []
        self.selected: list[Row] = []

    def compose(self) -> ComposeResult:
        yield Input(id="filter")
        yield RecordTable(COLUMNS, lambda r: r.id, self.rows, id="table")

    def on_mount(self) -> None:
        self.table.focus()

    @property
    def table(self) -> RecordTable[Row]:
        return self.query_one("#table", RecordTable)

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        self.table.set_filter(event.value)

    def on_record_table_highlighted(self, event: RecordTable.Highlighted) -> None:
        self.highlighted.append(event.row)

    def on_record_table_selected(self, event: RecordTable.Selected) -> None:
        self.selected.append(event.row)


def screen_lines(table: RecordTable[Row]) -> list[str]:
    return [table.render_line(y).text for y in range(table.size.height)]


async def test_50k_rows_mount_and_keys_move_the_cursor() -> None:
    rows = make_rows(ROWS)
    app = Harness(rows)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.table
        assert (table.total_count, table.visible_count) == (ROWS, ROWS)
        assert app.highlighted[-1] is rows[0]
        lines = screen_lines(table)
        assert "Id" in lines[0] and "Name" in lines[0] and "Score" in lines[0]
        assert lines[1].startswith(" SUP-00000 Supplier 00000")

        await pilot.press("j", "j", "k")
        assert table.cursor_row_object is rows[1]
        assert app.highlighted[-1] is rows[1]

        page = table.scrollable_content_region.height - 1
        await pilot.press("pagedown")
        assert table.cursor_row_object is rows[1 + page]
        assert app.highlighted[-1] is rows[1 + page]

        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row_object is rows[-1]
        assert app.highlighted[-1] is rows[-1]
        # The view followed the cursor: the last row is on the last line.
        assert screen_lines(table)[-1].startswith(f" {rows[-1].id}")

        await pilot.press("g")
        assert table.cursor_row_object is rows[0]
        await pilot.press("G", "pageup")
        assert table.cursor_row_object is rows[-1 - page]
        await pilot.press("home")
        await pilot.pause()
        assert table.cursor_row_object is rows[0]
        assert screen_lines(table)[1].startswith(" SUP-00000")

        await pilot.press("enter")
        await pilot.pause()
        assert app.selected == [rows[0]]


async def test_filter_narrows_and_clears_keeping_the_cursor_record() -> None:
    rows = make_rows(ROWS)
    app = Harness(rows)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.table
        table.select_key("SUP-12345")
        app.query_one("#filter", Input).focus()
        await pilot.press(*"supplier 1234")
        await pilot.pause()
        assert table.visible_count == 15  # x1234 (5) and 12340..12349 (10)
        assert table.cursor_row_object is rows[12345]
        await pilot.press(*"5")
        assert table.visible_count == 1
        await pilot.press(*"9")
        await pilot.pause()
        assert table.visible_count == 0
        assert table.cursor_row_object is None
        assert app.highlighted[-1] is None
        assert screen_lines(table)[1].strip() == "No match for 'supplier 123459'"
        await pilot.press(*["backspace"] * 15)
        await pilot.pause()
        assert table.filter_text == ""
        assert table.visible_count == ROWS
        # Back on the last record it sat on, which is visible again.
        assert table.cursor_row_object is rows[12345]
        assert any(line.startswith(" SUP-12345") for line in screen_lines(table))


async def test_filter_matches_every_column_case_insensitively() -> None:
    rows = make_rows(100)
    app = Harness(rows)
    async with app.run_test(size=SIZE):
        table = app.table
        table.set_filter("SUP-0004")
        assert [r.id for r in table.visible_rows] == [f"SUP-{i:05d}" for i in range(40, 50)]
        table.set_filter(str(rows[3].score))
        assert rows[3] in table.visible_rows
        table.set_filter("00042 supplier")  # every word must match, in any column
        assert table.visible_rows == [rows[42]]


async def test_sort_toggles_and_keeps_the_cursor_on_the_same_record() -> None:
    rows = make_rows(ROWS)
    app = Harness(rows)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.table
        table.select_key("SUP-00007")
        await pilot.press("s", "s", "s")  # id, name, score
        assert table.sort_column == "score" and not table.sort_reverse
        scores = [r.score for r in table.visible_rows]
        assert scores == sorted(scores)
        assert table.cursor_row_object is rows[7]
        assert "Score ▲" in screen_lines(table)[0]

        await pilot.press("S")
        assert table.sort_reverse
        scores = [r.score for r in table.visible_rows]
        assert scores == sorted(scores, reverse=True)
        assert table.cursor_row_object is rows[7]
        assert "Score ▼" in screen_lines(table)[0]
        # The cursor's record is on screen after the sort moved it.
        await pilot.pause()
        assert any(line.startswith(" SUP-00007") for line in screen_lines(table))

        table.sort_by("name")
        assert table.visible_rows[0] is rows[0]
        table.sort_by("name")
        assert table.visible_rows[0] is rows[-1]
        await pilot.press("s")  # past the last sortable column: back to natural order
        assert table.sort_column == "score"
        await pilot.press("s")
        assert table.sort_column is None
        assert table.visible_rows[:3] == rows[:3]


async def test_set_rows_keeps_the_cursor_and_reports_the_new_object() -> None:
    rows = make_rows(1000)
    app = Harness(rows)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.table
        table.select_key("SUP-00500")
        table.sort_by("score")
        replaced = [Row(r.id, r.name.upper(), r.score) for r in rows if r.id != "SUP-00001"]
        table.set_rows(replaced)
        await pilot.pause()
        assert table.total_count == 999
        assert table.cursor_key == "SUP-00500"
        assert app.highlighted[-1] is table.cursor_row_object
        assert table.cursor_row_object is not None and table.cursor_row_object.name.isupper()
        scores = [r.score for r in table.visible_rows]
        assert scores == sorted(scores)

        # The cursor's record deleted: the cursor stays where it was.
        position = table.cursor_index
        table.set_rows([r for r in replaced if r.id != "SUP-00500"])
        assert table.cursor_index == position


async def test_mouse_click_selects_a_row_and_sorts_by_header() -> None:
    rows = make_rows(100)
    app = Harness(rows)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.table
        await pilot.click("#table", offset=(3, 4))
        assert table.cursor_row_object is rows[3]
        await pilot.click("#table", offset=(3, 4))
        await pilot.pause()
        assert app.selected == [rows[3]]
        await pilot.click("#table", offset=(15, 0))
        assert table.sort_column == "name"


async def test_markup_in_cells_is_shown_literally() -> None:
    nasty = [
        Row("SUP-00001", "[/x]", 1),
        Row("SUP-00002", "[bold]Acme", 2),
        Row("SUP-00003", "[@click=app.quit]x[/]", 3),
        Row("SUP-00004", "tab\there\nnew line \x1b[31mred", 4),
    ]
    app = Harness(nasty)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = screen_lines(app.table)
        assert "[/x]" in lines[1]
        assert "[bold]Acme" in lines[2]
        assert "[@click=app.quit]x[/]" in lines[3]
        assert "tab here new line \ufffd[31mred" in lines[4]
        await pilot.click("#table", offset=(12, 3))
        await pilot.click("#table", offset=(12, 3))
        await pilot.pause()
        assert app.is_running
        app.table.set_filter("[bold]")
        assert app.table.visible_rows == [nasty[1]]


async def test_empty_table_says_so() -> None:
    app = Harness([])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.table
        assert table.cursor_row_object is None
        assert screen_lines(table)[1].strip() == "No records"
        await pilot.press("j", "end", "enter", "s")
        assert app.selected == []


async def test_long_cells_are_cropped_with_an_ellipsis() -> None:
    rows = [Row("SUP-00001", "A very long supplier name " * 10, 1)]
    app = Harness(rows)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = screen_lines(app.table)[1]
        assert "…" in line
        assert len(line) <= 80
        assert line.rstrip().endswith("1")


def test_styled_text_keeps_its_style_and_is_not_mutated() -> None:
    original = Text("overdue", style="red")
    cell = literal_cell(original)
    assert cell.plain == "overdue" and original.plain == "overdue"
    assert cell.style == "red"
    cell.truncate(3)
    assert original.plain == "overdue"


def test_column_widths_share_the_spare_space() -> None:
    columns: list[Column[Row]] = [
        Column("a", "A", lambda r: r.id, width=10),
        Column("b", "B", lambda r: r.name, width=5, flex=2),
        Column("c", "C", lambda r: r.name, width=5, flex=1),
    ]
    widths = column_widths(columns, 80)
    assert widths[0] == 10
    assert sum(widths) + len(columns) == 80
    assert widths[1] > widths[2] >= 5
    assert column_widths(columns, 10) == [10, 5, 5]


async def test_cursor_is_reverse_video_without_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = Harness(make_rows(10))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.no_color
        cursor_styles = [seg.style for seg in app.table.render_line(1) if seg.text.strip()]
        other_styles = [seg.style for seg in app.table.render_line(2) if seg.text.strip()]
        assert cursor_styles and all(s is not None and s.reverse for s in cursor_styles)
        assert not any(s is not None and s.reverse for s in other_styles)


async def test_sort_key_with_none_and_mixed_types() -> None:
    values: list[object] = [3, None, "b", 1, None, "a"]
    rows = [Row(f"SUP-{i:05d}", "x", i) for i in range(len(values))]
    columns: list[Column[Row]] = [
        Column("v", "V", lambda r: str(values[r.score]), sort_key=lambda r: values[r.score])
    ]

    class MixedHarness(App[None]):
        def compose(self) -> ComposeResult:
            yield RecordTable(columns, lambda r: r.id, rows, id="table")

    app = MixedHarness()
    async with app.run_test(size=SIZE):
        table = app.query_one("#table", RecordTable)
        table.sort_by("v")
        ordered = [values[r.score] for r in table.visible_rows]
        assert ordered[-2:] == [None, None]
        assert ordered[:4] == [1, 3, "a", "b"]  # unlike types compare by their text


async def test_a_cursor_step_moves_the_highlight_on_screen() -> None:
    """A step within the view repaints only the two rows; the screen shows one cursor row."""
    rows = make_rows(100)
    app = Harness(rows)
    async with app.run_test(size=SIZE) as pilot:
        table = app.table
        cursor_style = table.get_component_rich_style("record-table--cursor")

        def highlighted_ids() -> list[str]:
            strips = app.screen._compositor.render_strips()
            top = table.region.y
            lines = strips[top + 1 : top + table.size.height]
            return [
                line.text.split()[0]
                for line in lines
                if any(
                    s.style is not None and s.style.bgcolor == cursor_style.bgcolor
                    for s in line
                    if s.text.strip()
                )
            ]

        await pilot.pause()
        assert highlighted_ids() == [rows[0].id]
        await pilot.press("down", "down")
        await pilot.pause()
        assert highlighted_ids() == [rows[2].id]
        await pilot.press("up")
        await pilot.pause()
        assert highlighted_ids() == [rows[1].id]
