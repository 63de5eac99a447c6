"""The footer: the keys that work where the focus is, kept up to date, clickable."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from itsms_tui.ui.forms import RecordForm
from itsms_tui.ui.widgets.key_footer import KeyFooter
from tests.ui.shell_support import demo_app, screen_text, wait_for, wait_loaded


def footer_line(pilot: Pilot[Any]) -> str:
    footer = pilot.app.screen.query_one(KeyFooter)
    return footer.render().plain


async def test_the_footer_follows_the_screen_and_the_focus() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_loaded(pilot)
        assert " q Quit " in footer_line(pilot)
        assert footer_line(pilot).endswith("▏^p palette ")
        await pilot.press("3")  # suppliers: their lifecycle keys appear
        assert await wait_for(pilot, lambda: " u Suspend " in footer_line(pilot))
        await pilot.press("2")  # the Plan screen's changes tab has the workflow keys
        assert await wait_for(pilot, lambda: " ] Next tab " in footer_line(pilot))
        assert " u Suspend " not in footer_line(pilot)


async def test_clicking_a_key_in_the_footer_presses_it() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("3")
        line = ""

        def shows_new() -> bool:
            nonlocal line
            line = footer_line(pilot)
            return " n New " in line

        assert await wait_for(pilot, shows_new)
        x = line.index(" n New ") + 2
        assert await pilot.click(KeyFooter, offset=(x, 0))
        assert await wait_for(pilot, lambda: isinstance(app.screen, RecordForm)), line
        assert await wait_for(pilot, lambda: "New Supplier" in screen_text(app))
