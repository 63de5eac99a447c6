"""Keys that arrive in one burst (typeahead over SSH) are applied in the order typed.

Textual runs a focused input's own bound keys (backspace, arrows, Home/End) only after the
key has bubbled up to the app, while letters are inserted at once: in a burst, the letters
overtook the backspaces. These tests send a burst with no pause between the keys.
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from itsms_tui.domain.agreements import Agreement
from itsms_tui.ui.forms import RecordForm
from itsms_tui.ui.widgets.filter_bar import FilterBar
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
    type_text,
    wait_for,
)


def _character(key: str) -> str | None:
    if len(key) == 1:
        return key
    return {"backspace": "\x7f", "minus": "-"}.get(key)


async def burst(pilot: Pilot[None], *keys: str) -> None:
    """Send ``keys`` the way a terminal delivers a burst: all queued before any is handled."""
    app: App[None] = pilot.app
    for key in keys:
        name = "minus" if key == "-" else key
        app.post_message(events.Key(name, _character(key)))
    await settle(pilot)


async def test_backspaces_and_a_new_date_in_one_burst_give_the_new_date() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm) and form.model is Agreement
        await type_text(pilot, "Hosting contract")
        start = form.field_row("start_date").focus_target()
        end = form.field_row("end_date").focus_target()
        assert isinstance(start, Input) and isinstance(end, Input)
        start.focus()
        await type_text(pilot, "2026-12-01")
        await pilot.press("tab")
        await type_text(pilot, "2026-01-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "must be on or after Start" in screen_text(app)

        end.focus()
        await pilot.press("end")
        await burst(pilot, *["backspace"] * 10, *"2027-02-28")
        assert end.value == "2027-02-28"
        assert start.value == "2026-12-01"
        assert await wait_for(pilot, lambda: "must be on or after" not in screen_text(app))

        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = [a for a in app.workspace.data().all(Agreement) if a.title == "Hosting contract"]
    assert [(str(a.start_date), str(a.end_date)) for a in saved] == [("2026-12-01", "2027-02-28")]


async def test_a_burst_with_cursor_keys_edits_where_the_cursor_went() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm)
        title = form.field_row("title").focus_target()
        assert isinstance(title, Input)
        await burst(pilot, *"Hosting", "home", "delete", "P", "end", *"!x", "backspace")
        assert title.value == "Posting!"

        scope = form.field_row("scope").focus_target()
        assert isinstance(scope, TextArea)
        scope.focus()
        await burst(pilot, *"ab", "left", "backspace", *"cd")
        assert scope.text == "cdb"


async def test_the_filter_line_takes_a_burst_in_order() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "slash")
        await pilot.pause()
        await burst(pilot, *"cloub", "backspace", "d")
        assert app.screen.query_one(FilterBar).text == "cloud"
