"""Keys typed while a form opens never replace the first field's text."""

from __future__ import annotations

from shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    settle,
)

from itsms_tui.ui.forms import RecordForm


async def test_a_letter_typed_right_after_E_is_added_not_replacing_the_name() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        table = app.screen.focused
        assert table is not None
        await pilot.press("E", "x")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RecordForm)
        assert form.record is not None
        name = form.values()["name"]
        assert name.startswith(form.record.name), name
