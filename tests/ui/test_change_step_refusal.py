"""A workflow key that is not allowed now says what the step needs instead of doing nothing."""

from __future__ import annotations

from itsms_tui.domain.changes import ChangeRequest
from itsms_tui.domain.enums import ChangeStatus
from itsms_tui.ui.screens.plan import PlanScreen
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    settle,
)


async def test_approve_on_a_draft_change_says_what_it_needs_and_which_key_leads_there() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        while screen.active_tab.id != "changes":
            await pilot.press("right_square_bracket")
            await pilot.pause()
        assert screen.tab("changes").register.cursor_key == "CHG-0001"
        change = app.workspace.data().get_as(ChangeRequest, "CHG-0001")
        assert change is not None and change.status is ChangeStatus.DRAFT

        await pilot.press("a")
        await pilot.pause()
        assert app.screen is screen
        messages = [n.message for n in app._notifications]
        assert any(
            m.startswith("Approve needs an assessed change;")
            and m.endswith("is draft: press u (Submit) first")
            for m in messages
        ), messages
        still = app.workspace.data().get_as(ChangeRequest, "CHG-0001")
        assert still == change
