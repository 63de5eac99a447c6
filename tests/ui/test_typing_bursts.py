"""Keys that arrive in one burst (typeahead over SSH) are applied in the order typed.

Textual runs a focused input's own bound keys (backspace, arrows, Home/End) only after the
key has bubbled up to the app, while letters are inserted at once: in a burst, the letters
overtook the backspaces. These tests send a burst with no pause between the keys.
"""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from itsms_tui.domain.agreements import Agreement
from itsms_tui.ui.forms import RecordForm
from itsms_tui.ui.widgets.filter_bar import FilterBar
from itsms_tui.ui.widgets.record_table import RecordTable
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
    return {"backspace": "\x7f", "minus": "-", "slash": "/"}.get(key)


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


async def test_the_plan_filter_takes_a_burst_with_backspaces_in_order() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("slash")
        await burst(pilot, *"xyz", "backspace", "backspace", "backspace", *"risk")
        focused = app.screen.focused
        assert isinstance(focused, Input)
        assert focused.value == "risk"
        assert "risk" in screen_text(app)


def test_every_text_field_of_the_app_is_an_ordered_one() -> None:
    """A plain ``Input(...)`` or ``TextArea(...)`` would scramble bursts again."""
    import ast
    from pathlib import Path

    import itsms_tui.ui

    root = Path(itsms_tui.ui.__file__).parent
    plain: list[str] = []
    for path in sorted(root.rglob("*.py")):
        if path.name == "ordered_input.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("Input", "TextArea")
            ):
                plain.append(f"{path.relative_to(root)}:{node.lineno}")
    assert plain == []


@pytest.mark.parametrize(
    ("area", "last"), [("3", "SUP-0014"), ("4", "AGR-0017"), ("2", "OBJ-0006")]
)
async def test_a_key_typed_with_the_area_key_goes_to_the_new_screens_table(
    area: str, last: str
) -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await burst(pilot, area, "G")
        focused = app.screen.focused
        assert isinstance(focused, RecordTable)
        assert focused.cursor_key == last
        assert not app.screen.query_one(FilterBar).text
        assert "Filter:" not in screen_text(app)
