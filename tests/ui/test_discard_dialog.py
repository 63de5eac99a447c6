"""The discard dialog shows its whole text at 80x24, even for a long record name."""

from __future__ import annotations

from itsms_tui.ui.widgets.confirm import ConfirmScreen
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
)


async def test_the_discard_question_is_not_cut_at_80x24() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("E")
        await pilot.pause()
        await pilot.press("x", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        lines = [line.strip(" █▀▄│") for line in screen_text(app).splitlines()]
        text = " ".join(" ".join(lines).split())
        assert (
            "Edit Supplier SUP-0001 Stratus Cloud Europe B.V.: what you typed will be lost." in text
        )
        assert "Discard (y)" in text and "Keep editing (n)" in text
