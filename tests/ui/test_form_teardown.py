"""A closed form is removed after the screen under it is painted, not kept: over a long
session every edit would otherwise leave a form's widgets behind."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from itsms_tui.ui.forms import RecordForm
from tests.ui.shell_support import demo_app, screen_text, settle, wait_for, wait_loaded


async def open_form(pilot: Pilot[Any]) -> RecordForm[Any]:
    await pilot.press("3")
    await settle(pilot)
    await pilot.press("E")
    assert await wait_for(pilot, lambda: isinstance(pilot.app.screen, RecordForm))
    form = pilot.app.screen
    assert isinstance(form, RecordForm)
    return form


def gone(app: Any, form: RecordForm[Any]) -> bool:
    installed = any(s is form for s in app._installed_screens.values())
    return not form.is_attached and not installed and form not in app.screen_stack


async def test_a_saved_form_is_removed_once_the_register_shows() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        form = await open_form(pilot)
        await pilot.press("x", "ctrl+s")
        assert await wait_for(pilot, lambda: "Europe B.V.x" in screen_text(app))  # saved
        assert await wait_for(pilot, lambda: gone(app, form))


async def test_a_cancelled_form_is_removed_too() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        form = await open_form(pilot)
        await pilot.press("escape")
        assert await wait_for(pilot, lambda: gone(app, form))
        assert not isinstance(app.screen, RecordForm)
