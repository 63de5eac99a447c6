"""The `/` filter line at 80x24: what is typed is on screen, and a kept filter says so."""

from __future__ import annotations

import pytest

from itsms_tui.ui.app import ItsmsApp
from itsms_tui.ui.widgets.record_table import RecordTable
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
    type_text,
)

TABLE_OF = {"1": "#attention", "3": "#register", "4": "#register"}


def lines_with(app: ItsmsApp, text: str) -> list[str]:
    return [line for line in screen_text(app).splitlines() if text in line]


@pytest.mark.parametrize("area", ["1", "3", "4", "5"])
async def test_typed_filter_is_shown_and_a_kept_one_stays_shown(area: str) -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(area)
        await settle(pilot)
        selector = TABLE_OF.get(area)
        table = app.screen.query_one(selector, RecordTable) if selector else None
        total = table.visible_count if table else 0

        await pilot.press("slash")
        await type_text(pilot, "cloud act")
        await pilot.pause()
        assert lines_with(app, "Filter / cloud act"), screen_text(app)
        if table is not None:
            assert table.visible_count < total

        await pilot.press("enter")  # keep it: back to the list, the filter still said
        await pilot.pause()
        assert lines_with(app, "Filter: cloud act — esc clears"), screen_text(app)
        if table is not None:
            assert app.screen.focused is table
            assert table.filter_text == "cloud act"

        await pilot.press("escape")  # from the list: clears it
        await pilot.pause()
        assert "cloud act" not in screen_text(app)
        if table is not None:
            assert table.visible_count == total


async def test_slash_reopens_a_kept_filter_with_its_text_and_empty_enter_drops_it() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        table = app.screen.query_one("#register", RecordTable)
        total = table.visible_count
        await pilot.press("slash")
        await type_text(pilot, "ledger")
        await pilot.press("enter")
        await pilot.pause()
        assert lines_with(app, "Filter: ledger — esc clears")

        await pilot.press("slash")
        await pilot.pause()
        assert lines_with(app, "Filter / ledger")
        await pilot.press(*["backspace"] * 6, "enter")
        await pilot.pause()
        assert not lines_with(app, "Filter /") and not lines_with(app, "Filter:")
        assert table.visible_count == total


async def test_escape_in_the_detail_pane_goes_back_before_clearing_the_filter() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        table = screen.query_one("#register", RecordTable)
        await pilot.press("slash")
        await type_text(pilot, "ledger")
        await pilot.press("enter", "tab")
        await pilot.pause()
        assert screen.focused is not table
        await pilot.press("escape")
        await pilot.pause()
        assert screen.focused is table
        assert lines_with(app, "Filter: ledger")
        await pilot.press("escape")
        await pilot.pause()
        assert not lines_with(app, "Filter: ledger")
        assert table.filter_text == ""


async def test_a_jump_to_a_record_the_filter_hides_clears_the_filter_line() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        table = app.screen.query_one("#register", RecordTable)
        await pilot.press("slash")
        await type_text(pilot, "ledger")
        await pilot.press("enter")
        await pilot.pause()
        assert table.select_key("SUP-0001") is False

        app.open_record("SUP-0001")
        await settle(pilot)
        assert table.cursor_key == "SUP-0001"
        assert not lines_with(app, "Filter: ledger")
