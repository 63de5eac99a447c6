"""The residual heat map leaves out risks with no residual rating and says how many."""

from __future__ import annotations

from itsms_tui.domain.risk_rating import heat_map, residual_unrated
from itsms_tui.domain.risks import Risk
from itsms_tui.ui.screens.plan import PlanScreen
from tests.ui.shell_support import (
    SIZE,
    demo_app,
    isolated_preferences,  # noqa: F401 - autouse fixture
    risks_tab,
    screen_text,
    settle,
)


async def test_the_residual_view_counts_the_risks_not_rated() -> None:
    app = demo_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        while screen.active_tab.id != "risks":
            await pilot.press("right_square_bracket")
            await pilot.pause()
        risks = list(app.data.all(Risk))
        unrated = residual_unrated(risks)
        assert unrated, "the demo has risks not yet rated after treatment"
        await pilot.press("i")
        await pilot.pause()
        assert f"Residual · {len(unrated)} not rated" in screen_text(app)
        grid = risks_tab(screen).heat_map.grid
        shown = {i for row in grid for c in row for i in c}
        assert shown.isdisjoint(unrated)
        assert shown == {i for row in heat_map(risks, residual=True) for c in row for i in c}
        await pilot.press("i")
        await pilot.pause()
        assert "Inherent rating · bands" in screen_text(app)
        assert "Residual ·" not in screen_text(app)
