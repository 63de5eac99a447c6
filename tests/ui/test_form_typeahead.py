"""Keys typed while a form opens never replace the first field's text."""

from __future__ import annotations

from itsms_tui.ui.forms import RecordForm
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    settle,
)


async def test_a_letter_typed_right_after_E_is_added_not_replacing_the_name() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # One burst, as keys arrive over a laggy link: switch area, edit, a letter.
        await pilot.press("3", "E", "x")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, RecordForm)
        assert form.record is not None
        # The letter lands after the name, or (when it arrives before any field has the
        # focus) is dropped; it never replaces the name.
        assert form.values()["name"] in (form.record.name, form.record.name + "x")
