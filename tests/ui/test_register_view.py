"""RegisterView on its own: the filter line, and selecting a record a filter hides."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import App, ComposeResult

from itsms_tui.ui.registers import RegisterView
from itsms_tui.ui.widgets.record_table import Column, RecordTable

SIZE = (80, 24)


@dataclass(frozen=True)
class Row:
    id: str
    name: str


ROWS = [Row("SUP-0001", "Acme"), Row("SUP-0002", "Globex"), Row("SUP-0003", "[bold]Initech")]
COLUMNS: list[Column[Row]] = [
    Column("id", "Id", lambda r: r.id, width=9),
    Column("name", "Name", lambda r: r.name, width=10, flex=1),
]


class Host(App[None]):
    """A register with its own filter line, and a host filter it can be asked to clear."""

    def __init__(self) -> None:
        super().__init__()
        self.host_filter = False
        self.view: RegisterView[Row] = RegisterView(
            COLUMNS, lambda r: r.id, table_id="table", empty_text="No rows", filter_id="filter"
        )

    def compose(self) -> ComposeResult:
        yield self.view

    def on_mount(self) -> None:
        self.view.show_rows(ROWS, "No suppliers yet")
        self.view.focus_table()

    def clear_host_filter(self) -> bool:
        was, self.host_filter = self.host_filter, False
        return was


def table_text(table: RecordTable[Row]) -> str:
    return "\n".join(table.render_line(y).text for y in range(table.size.height))


async def test_the_filter_line_narrows_and_enter_keeps_it() -> None:
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        view = app.view
        assert view.filter_input is not None
        assert not view.filter_input.display
        view.open_filter()
        await pilot.press("g", "l", "o")
        await pilot.pause()
        assert view.table.visible_count == 1
        assert "Globex" in table_text(view.table)
        await pilot.press("enter")
        await pilot.pause()
        assert view.filter_input.display  # a kept filter stays visible
        assert app.focused is view.table


async def test_enter_on_an_empty_filter_hides_its_line() -> None:
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        view = app.view
        assert view.filter_input is not None
        view.open_filter()
        await pilot.press("enter")
        await pilot.pause()
        assert not view.filter_input.display
        assert app.focused is view.table


async def test_select_clears_the_filter_that_hides_the_record() -> None:
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        view = app.view
        view.open_filter()
        await pilot.press("a", "c", "m", "e", "enter")
        await pilot.pause()
        assert view.table.visible_count == 1
        assert view.select("SUP-0003")
        await pilot.pause()
        assert view.table.cursor_key == "SUP-0003"
        assert view.table.visible_count == 3
        assert view.filter_input is not None and not view.filter_input.display
        assert "[bold]Initech" in table_text(view.table)  # literal, never markup


async def test_select_asks_the_host_to_clear_its_own_filter() -> None:
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        view = app.view
        view.show_rows(ROWS[:1], "No suppliers yet")
        await pilot.pause()
        assert not view.select("SUP-0002", app.clear_host_filter)  # nothing to clear
        app.host_filter = True
        assert not view.select("SUP-0002", app.clear_host_filter)  # still not a row
        assert not app.host_filter
        assert view.select("SUP-0001", app.clear_host_filter)


async def test_no_rows_shows_the_empty_text() -> None:
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        app.view.show_rows([], "No suppliers yet: n adds one")
        await pilot.pause()
        assert "No suppliers yet: n adds one" in table_text(app.view.table)
