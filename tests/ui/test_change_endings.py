"""Withdraw (W) and cancel (X) a change on the Changes tab: a reason form, or why not."""

from __future__ import annotations

from textual.pilot import Pilot

from itsms_tui.domain.changes import ChangeRequest
from itsms_tui.domain.enums import ChangeStatus
from itsms_tui.ui.app import ItsmsApp
from itsms_tui.ui.forms import RecordForm
from itsms_tui.ui.screens.plan import PlanScreen
from tests.ui.shell_support import (
    FIXED_TODAY,
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    screen_text,
    settle,
    type_text,
)


async def _on_change(pilot: Pilot[None], app: ItsmsApp, change_id: str) -> PlanScreen:
    await settle(pilot)
    await pilot.press("2")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, PlanScreen)
    while screen.active_tab.id != "changes":
        await pilot.press("right_square_bracket")
        await pilot.pause()
    assert screen.select_record(change_id)
    await settle(pilot)
    assert screen.tab("changes").register.cursor_key == change_id
    return screen


def _change(app: ItsmsApp, change_id: str) -> ChangeRequest:
    change = app.workspace.data().get_as(ChangeRequest, change_id)
    assert change is not None
    return change


async def test_withdraw_asks_for_a_reason_and_ends_the_change_today() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _on_change(pilot, app, "CHG-0002")
        assert "W Withdraw · X Cancel" in screen_text(app)
        await pilot.press("W")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        assert "Withdraw CHG-0002" in screen_text(app)
        await type_text(pilot, "[b]superseded[/b] by CHG-0003")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        change = _change(app, "CHG-0002")
        assert change.status is ChangeStatus.WITHDRAWN
        assert change.end_reason == "[b]superseded[/b] by CHG-0003"
        assert change.ended_on == FIXED_TODAY
        messages = [n.message for n in app._notifications]
        assert "Withdraw: CHG-0002 " in " ".join(messages)


async def test_cancel_without_a_reason_is_refused_in_the_form() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _on_change(pilot, app, "CHG-0004")
        before = _change(app, "CHG-0004")
        await pilot.press("X")
        await pilot.pause()
        assert isinstance(app.screen, RecordForm)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, RecordForm)
        assert "required" in screen_text(app)
        assert _change(app, "CHG-0004") == before
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("X")
        await pilot.pause()
        await type_text(pilot, "budget withdrawn")
        await pilot.press("ctrl+s")
        await settle(pilot)
        after = _change(app, "CHG-0004")
        assert after.status is ChangeStatus.CANCELLED and after.end_reason == "budget withdrawn"


async def test_cancel_after_implementation_says_what_the_change_needs_instead() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await _on_change(pilot, app, "CHG-0006")
        before = _change(app, "CHG-0006")
        assert "Next steps: w Review" in screen_text(app)
        assert "W Withdraw" not in screen_text(app)
        await pilot.press("X")
        await pilot.pause()
        assert app.screen is screen
        messages = [n.message for n in app._notifications]
        assert any(
            "cannot cancel a change that is implemented" in m
            and "(only draft, submitted, assessed, approved)" in m
            and m.endswith("next: w Review")
            for m in messages
        ), messages
        await pilot.press("W")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("cannot withdraw a change that is implemented" in m for m in messages)
        assert _change(app, "CHG-0006") == before


async def test_read_only_offers_no_ending() -> None:
    app = demo_app(read_only=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await _on_change(pilot, app, "CHG-0001")
        await pilot.press("W")
        await pilot.pause()
        assert app.screen is screen
        assert _change(app, "CHG-0001").status is ChangeStatus.DRAFT
