"""The supplier register's detail pane follows the cursor once it rests (keys held down
redraw only the register's cursor rows), and is never stale when the pane is used."""

from __future__ import annotations

from itsms_tui.ui.screens.suppliers import SuppliersScreen
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    settle,
    wait_for,
)


def pane_text(screen: SuppliersScreen) -> str:
    return "\n".join(line.text.plain for line in screen.detail.rows)


async def test_the_pane_shows_the_record_the_cursor_stops_on() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SuppliersScreen)
        first = screen.register.cursor_key
        assert first is not None and first in pane_text(screen)
        await pilot.press("down", "down", "down")
        target = screen.register.cursor_key
        assert target is not None and target != first
        assert await wait_for(pilot, lambda: not screen.detail_pending)
        assert target in pane_text(screen)
        assert first not in pane_text(screen).splitlines()[0]


async def test_tab_right_after_a_move_shows_the_new_record_in_the_pane() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SuppliersScreen)
        await pilot.press("down", "tab")
        target = screen.register.cursor_key
        assert target is not None
        assert screen.focused is screen.detail
        assert target in pane_text(screen).splitlines()[0]
